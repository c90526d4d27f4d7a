//! Finding, checking and restoring backups of a vault.

use std::path::{Path, PathBuf};

use custodian_vault::secrecy::SecretString;
use custodian_vault::{Backup, Unlock, Vault, VaultError};
use rand_core::{CryptoRng, RngCore};
use time::OffsetDateTime;

use crate::audit::{self, AuditEntry, NewAuditEntry};
use crate::error::{CoreError, Result};
use crate::person::{self, Login};
use crate::practice::{self, Practice};
use crate::role::Role;
use crate::session::{Session, sign_in};

/// What a backup holds, shown before restoring it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupSummary {
    /// The backup file and its day.
    pub backup: Backup,
    /// The practice it belongs to.
    pub practice: Practice,
    /// The last change recorded in it: when, and by whom.
    pub last_change: Option<AuditEntry>,
}

/// The backups folder: the one given, else `backups` beside the vault.
pub fn backup_folder(vault_path: &Path, chosen: Option<&Path>) -> PathBuf {
    chosen.map(Path::to_path_buf).unwrap_or_else(|| custodian_vault::BackupPolicy::beside(vault_path).folder)
}

/// The vault's backups, newest first.
pub fn list_backups(vault_path: &Path, folder: Option<&Path>) -> Result<Vec<Backup>> {
    Ok(custodian_vault::list_backups(vault_path, &backup_folder(vault_path, folder))?)
}

/// Opens a backup with a practice manager's credentials (as they were on the backup's day) and
/// says what it holds.
pub fn inspect_backup(backup: &Backup, login: &str, password: &SecretString) -> Result<BackupSummary> {
    let vault = open_as_manager(&backup.path, login, password)?;
    summarise(backup.clone(), &vault)
}

/// The newest backup that opens with these credentials, if any (for a damaged vault).
pub fn newest_backup_that_opens(
    vault_path: &Path,
    folder: Option<&Path>,
    login: &str,
    password: &SecretString,
) -> Result<Option<BackupSummary>> {
    for backup in list_backups(vault_path, folder)? {
        if let Ok(summary) = inspect_backup(&backup, login, password) {
            return Ok(Some(summary));
        }
    }
    Ok(None)
}

/// Restores `backup` over the vault at `vault_path`. What was there is first kept as
/// `<stem>.replaced-<time>.custodian` in the backups folder, so nothing is lost. The restore is
/// recorded in the audit trail, and the manager is signed in to the restored vault.
pub fn restore_backup(
    vault_path: &Path,
    backup: &Backup,
    login: &str,
    password: &SecretString,
    now: OffsetDateTime,
    rng: &mut (impl RngCore + CryptoRng),
) -> Result<Session> {
    let mut vault = open_as_manager(&backup.path, login, password)?;
    let stem = vault_path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "vault".into());
    let stamp = now.unix_timestamp();
    let folder = backup.path.parent().map(Path::to_path_buf).unwrap_or_else(|| backup_folder(vault_path, None));
    let keep_previous_as = folder.join(format!("{stem}.replaced-{stamp}.custodian"));
    vault.save_over(vault_path, &keep_previous_as, rng)?;
    let login_text = Login::parse(login).map_err(CoreError::Refused)?.as_str().to_owned();
    let day = person::date_text(backup.date);
    vault.write(|tx| {
        let entry = NewAuditEntry {
            actor_login: &login_text,
            action: "vault.restore",
            record_type: "vault",
            record_id: day.clone(),
            summary: format!(
                "restored the backup of {day}; the replaced file was kept as {}",
                keep_previous_as.display()
            ),
        };
        audit::append(tx, now, &entry)
    })?;
    drop(vault);
    sign_in(vault_path, login, password, now)
}

fn open_as_manager(path: &Path, login: &str, password: &SecretString) -> Result<Vault> {
    let parsed = Login::parse(login).map_err(|_| VaultError::UnknownLogin { login: login.trim().to_owned() })?;
    let vault = Vault::open(path, Unlock::Password { login: parsed.as_str(), password })?;
    let record = person::by_login(vault.connection(), &parsed)?.ok_or(CoreError::Incomplete("person record"))?;
    if !record.has(Role::PracticeManager) {
        return Err(CoreError::Forbidden { action: "restore a backup", allowed: "a practice manager" });
    }
    Ok(vault)
}

fn summarise(backup: Backup, vault: &Vault) -> Result<BackupSummary> {
    Ok(BackupSummary {
        backup,
        practice: practice::load(vault.connection())?,
        last_change: audit::last(vault.connection())?,
    })
}
