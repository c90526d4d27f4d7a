//! Practice settings: the screen lock and backups.

use custodian_core::{backup_folder, list_backups};
use tauri::State;
use time::OffsetDateTime;

use super::{session_info, with_session};
use crate::dto::{BackupRow, BackupSettingsRequest, BackupSettingsView, CommandError, IdleLockRequest, SessionInfo};
use crate::known_vault::LastVault;
use crate::state::AppState;

/// Changes how many idle minutes lock the screen.
#[tauri::command(async)]
pub fn settings_set_idle_lock(
    state: State<'_, AppState>,
    request: IdleLockRequest,
) -> Result<SessionInfo, CommandError> {
    with_session(&state, |session| {
        session.set_idle_lock_minutes(request.minutes, OffsetDateTime::now_utc())?;
        session_info(session)
    })
}

/// The backup settings and the backups there now.
#[tauri::command(async)]
pub fn settings_backups(state: State<'_, AppState>) -> Result<BackupSettingsView, CommandError> {
    with_session(&state, |session| {
        let chosen = session.backup_settings(OffsetDateTime::now_utc())?;
        Ok((chosen, session.vault_path().to_owned()))
    })
    .and_then(|(chosen, vault)| backup_view(&vault, chosen))
}

/// Changes where backups go and how many are kept.
#[tauri::command(async)]
pub fn settings_set_backups(
    state: State<'_, AppState>,
    request: BackupSettingsRequest,
) -> Result<BackupSettingsView, CommandError> {
    let (chosen, vault, remembered) = with_session(&state, |session| {
        let chosen = session.set_backup_settings(request.folder.as_deref(), request.kept, OffsetDateTime::now_utc())?;
        Ok((chosen, session.vault_path().to_owned(), LastVault::of_session(session)?))
    })?;
    state.lock().remember(&state.folders, remembered);
    backup_view(&vault, chosen)
}

fn backup_view(
    vault: &std::path::Path,
    chosen: custodian_core::BackupSettings,
) -> Result<BackupSettingsView, CommandError> {
    let backups = list_backups(vault, chosen.folder.as_deref())?;
    Ok(BackupSettingsView {
        folder: chosen.folder.map(|f| f.display().to_string()),
        default_folder: backup_folder(vault, None).display().to_string(),
        kept: chosen.kept,
        backups: backups.iter().map(backup_row).collect(),
    })
}

/// The UI's view of a backup.
pub(crate) fn backup_row(backup: &custodian_core::Backup) -> BackupRow {
    BackupRow { path: backup.path.display().to_string(), date: backup.date.to_string() }
}
