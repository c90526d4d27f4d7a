//! What the window needs to decide which screen to show.

use tauri::State;

use super::{person_info, session_info};
use crate::dto::{AppStatus, CommandError, KnownVault};
use crate::state::{AppState, Stage};

/// Where the app is: the known vault and the sign-in stage. A signed-in session first takes in
/// other copies' saves; if the person's access ended meanwhile, they are signed out.
#[tauri::command(async)]
pub fn app_status(state: State<'_, AppState>) -> Result<AppStatus, CommandError> {
    let mut inner = state.lock();
    if let Stage::SignedIn(session) = &mut inner.stage
        && session.refresh().is_err()
    {
        inner.stage = Stage::SignedOut;
    }
    let mut status = AppStatus {
        vault: inner.known.as_ref().map(|known| KnownVault {
            path: known.path.display().to_string(),
            practice_name: known.practice_name.clone(),
        }),
        session: None,
        locked: None,
        pending_recovery_confirmation: false,
        pending_password_reset: None,
        default_vault_folder: state.folders.vaults().display().to_string(),
    };
    match &inner.stage {
        Stage::SignedOut => {}
        Stage::AwaitingRecoveryConfirmation { .. } => status.pending_recovery_confirmation = true,
        Stage::SignedIn(session) => status.session = Some(session_info(session)?),
        Stage::Locked(person) => status.locked = Some(person_info(person)),
        Stage::ResettingPassword(reset) => status.pending_password_reset = Some(person_info(reset.person())),
    }
    Ok(status)
}
