//! Backups of a vault that cannot be opened: find the newest that opens, restore it.

use std::path::PathBuf;

use custodian_core::secrecy::SecretString;
use custodian_core::{list_backups, newest_backup_that_opens, restore_backup};
use rand_core::OsRng;
use tauri::State;
use time::OffsetDateTime;

use super::session_info;
use super::settings::backup_row;
use crate::dto::{BackupLookupRequest, BackupOffer, BackupRestoreRequest, CommandError, SessionInfo};
use crate::known_vault::LastVault;
use crate::state::{AppState, Stage};

/// The newest backup of the known vault that opens with a practice manager's credentials.
#[tauri::command(async)]
pub fn backup_find(
    state: State<'_, AppState>,
    request: BackupLookupRequest,
) -> Result<Option<BackupOffer>, CommandError> {
    let (path, folder) = known_path(&state)?;
    let password = SecretString::from(request.password);
    let found = newest_backup_that_opens(&path, folder.as_deref(), &request.login, &password)?;
    Ok(found.map(|summary| BackupOffer {
        backup: backup_row(&summary.backup),
        practice_name: summary.practice.name.as_str().to_owned(),
        last_change_at: summary.last_change.as_ref().map(|e| e.at.clone()),
        last_change_by: summary.last_change.as_ref().map(|e| e.actor_login.clone()),
        last_change_summary: summary.last_change.map(|e| e.summary),
    }))
}

/// Restores a backup over the known vault (keeping the replaced file) and signs in to it. A
/// practice manager may do this while signed in, from Settings; they are signed in again to the
/// restored vault.
#[tauri::command(async)]
pub fn backup_restore(state: State<'_, AppState>, request: BackupRestoreRequest) -> Result<SessionInfo, CommandError> {
    let (path, _) = known_path(&state)?;
    let chosen = PathBuf::from(&request.path);
    let folder = chosen.parent().map(PathBuf::from);
    let backup = list_backups(&path, folder.as_deref())?
        .into_iter()
        .find(|b| b.path == chosen)
        .ok_or_else(|| CommandError::wrong_stage("That file is not one of this vault's backups"))?;
    let password = SecretString::from(request.password);
    let mut inner = state.lock();
    if matches!(inner.stage, Stage::AwaitingRecoveryConfirmation { .. } | Stage::ResettingPassword(_)) {
        return Err(CommandError::wrong_stage("Finish what you are doing before restoring a backup"));
    }
    // Check the backup opens for this practice manager before touching the live session; only
    // then is whoever was signed in signed out, and the restored vault opened afresh.
    custodian_core::inspect_backup(&backup, &request.login, &password)?;
    inner.stage = Stage::SignedOut;
    let session = restore_backup(&path, &backup, &request.login, &password, OffsetDateTime::now_utc(), &mut OsRng)?;
    let info = session_info(&session)?;
    inner.remember(&state.folders, LastVault::of_session(&session)?);
    inner.stage = Stage::SignedIn(session);
    Ok(info)
}

/// The known vault and the backups folder remembered for it.
fn known_path(state: &AppState) -> Result<(PathBuf, Option<PathBuf>), CommandError> {
    state
        .lock()
        .known
        .as_ref()
        .map(|k| (k.path.clone(), k.backup_folder.clone()))
        .ok_or_else(|| CommandError::wrong_stage("Choose a vault first"))
}
