//! Practice-wide settings, kept in the vault as key/value rows.

use custodian_vault::rusqlite::{Connection, OptionalExtension, params};

use crate::error::{CoreError, Field, Result};

/// Schema of the setting table (migration 1).
pub(crate) const SCHEMA_V1: &str = "
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;";

const IDLE_LOCK_MINUTES: &str = "idle_lock_minutes";
const BACKUP_FOLDER: &str = "backup_folder";
const BACKUPS_KEPT: &str = "backups_kept";
const COMPLIANCE_BAR_PERCENT: &str = "compliance_bar_percent";

/// The share of staff who must have acknowledged every current policy, unless the practice
/// chooses otherwise (the DSPT asks for at least 95%).
pub const DEFAULT_COMPLIANCE_BAR_PERCENT: u32 = 95;

/// The acknowledgement compliance bar, in percent.
pub(crate) fn compliance_bar_percent(conn: &Connection) -> Result<u32> {
    Ok(get(conn, COMPLIANCE_BAR_PERCENT)?
        .and_then(|v| v.parse().ok())
        .filter(|p| crate::acknowledgement::COMPLIANCE_BAR_RANGE.contains(p))
        .unwrap_or(DEFAULT_COMPLIANCE_BAR_PERCENT))
}

pub(crate) fn set_compliance_bar_percent(conn: &Connection, percent: u32) -> Result<()> {
    put(conn, COMPLIANCE_BAR_PERCENT, Some(&percent.to_string()))
}

/// The range of daily backups a practice may keep.
pub const BACKUPS_KEPT_RANGE: std::ops::RangeInclusive<u32> = 1..=365;

/// Minutes of inactivity before the screen locks, unless the practice chooses otherwise.
pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 5;
/// The range a practice may choose from.
pub const IDLE_LOCK_RANGE: std::ops::RangeInclusive<u32> = 1..=60;

/// The idle time before the screen locks.
pub(crate) fn idle_lock_minutes(conn: &Connection) -> Result<u32> {
    let stored: Option<String> =
        conn.query_row("SELECT value FROM setting WHERE key = ?1", [IDLE_LOCK_MINUTES], |r| r.get(0)).optional()?;
    Ok(stored.and_then(|v| v.parse().ok()).filter(|m| IDLE_LOCK_RANGE.contains(m)).unwrap_or(DEFAULT_IDLE_LOCK_MINUTES))
}

/// Checks a proposed idle time.
pub(crate) fn check_idle_lock_minutes(minutes: u32) -> Result<u32> {
    if IDLE_LOCK_RANGE.contains(&minutes) {
        Ok(minutes)
    } else {
        Err(CoreError::invalid(
            Field::IdleLockMinutes,
            format!("Choose between {} and {} minutes", IDLE_LOCK_RANGE.start(), IDLE_LOCK_RANGE.end()),
        ))
    }
}

pub(crate) fn set_idle_lock_minutes(conn: &Connection, minutes: u32) -> Result<()> {
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![IDLE_LOCK_MINUTES, minutes.to_string()],
    )?;
    Ok(())
}

fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

fn put(conn: &Connection, key: &str, value: Option<&str>) -> Result<()> {
    match value {
        Some(value) => conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?,
        None => conn.execute("DELETE FROM setting WHERE key = ?1", [key])?,
    };
    Ok(())
}

/// Where backups go and how many are kept, as the practice set them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupSettings {
    /// The chosen folder; `None` means a `backups` folder beside the vault.
    pub folder: Option<std::path::PathBuf>,
    /// How many daily backups are kept.
    pub kept: u32,
}

pub(crate) fn backup_settings(conn: &Connection) -> Result<BackupSettings> {
    let folder = get(conn, BACKUP_FOLDER)?.map(std::path::PathBuf::from);
    let kept = get(conn, BACKUPS_KEPT)?
        .and_then(|v| v.parse().ok())
        .filter(|k| BACKUPS_KEPT_RANGE.contains(k))
        .unwrap_or(custodian_vault::DEFAULT_BACKUPS_KEPT as u32);
    Ok(BackupSettings { folder, kept })
}

pub(crate) fn check_backup_settings(folder: Option<&str>, kept: u32) -> Result<BackupSettings> {
    let mut problems = crate::validate::Problems::default();
    let folder = folder.map(str::trim).filter(|f| !f.is_empty()).map(std::path::PathBuf::from);
    if let Some(folder) = &folder {
        let usable = folder.is_absolute() && (folder.is_dir() || std::fs::create_dir_all(folder).is_ok());
        problems.check::<()>(
            Field::BackupFolder,
            if usable { Ok(()) } else { Err("Choose a folder that exists and can be written to (a full path)".into()) },
        );
    }
    problems.check::<()>(
        Field::BackupsKept,
        if BACKUPS_KEPT_RANGE.contains(&kept) {
            Ok(())
        } else {
            Err(format!("Keep between {} and {} daily backups", BACKUPS_KEPT_RANGE.start(), BACKUPS_KEPT_RANGE.end()))
        },
    );
    problems.finish()?;
    Ok(BackupSettings { folder, kept })
}

pub(crate) fn set_backup_settings(conn: &Connection, settings: &BackupSettings) -> Result<()> {
    let folder = settings.folder.as_ref().map(|f| f.display().to_string());
    put(conn, BACKUP_FOLDER, folder.as_deref())?;
    put(conn, BACKUPS_KEPT, Some(&settings.kept.to_string()))
}
