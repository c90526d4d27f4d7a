//! Practice settings.

use tauri::State;

use super::session_info;
use crate::dto::{CommandError, IdleLockRequest, SessionInfo};
use crate::state::{AppState, Stage};

/// Changes how many idle minutes lock the screen.
#[tauri::command(async)]
pub fn settings_set_idle_lock(
    state: State<'_, AppState>,
    request: IdleLockRequest,
) -> Result<SessionInfo, CommandError> {
    let mut inner = state.lock();
    let Stage::SignedIn(session) = &mut inner.stage else {
        return Err(CommandError::wrong_stage("Sign in first"));
    };
    session.set_idle_lock_minutes(request.minutes)?;
    session_info(session)
}
