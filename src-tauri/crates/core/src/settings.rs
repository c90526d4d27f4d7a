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
