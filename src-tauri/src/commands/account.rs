//! The signed-in person's own password, and the practice's recovery key.

use custodian_core::KdfParams;
use custodian_core::secrecy::SecretString;
use rand_core::OsRng;
use tauri::State;
use time::OffsetDateTime;

use super::{session_info, with_session};
use crate::dto::{
    ChangePasswordRequest, CommandError, NewRecoveryKey, PasswordRequest, RegenerateRecoveryKeyRequest, SessionInfo,
};
use crate::state::AppState;

/// Replaces a one-time password with the person's own (first sign-in, or after a reset).
#[tauri::command(async)]
pub fn account_choose_password(
    state: State<'_, AppState>,
    request: PasswordRequest,
) -> Result<SessionInfo, CommandError> {
    let password = SecretString::from(request.password);
    with_session(&state, |session| {
        session.choose_own_password(&password, KdfParams::DEFAULT, OffsetDateTime::now_utc(), &mut OsRng)?;
        session_info(session)
    })
}

/// Changes the person's password after checking the current one.
#[tauri::command(async)]
pub fn account_change_password(
    state: State<'_, AppState>,
    request: ChangePasswordRequest,
) -> Result<SessionInfo, CommandError> {
    let current = SecretString::from(request.current_password);
    let new_password = SecretString::from(request.new_password);
    with_session(&state, |session| {
        session.change_password(&current, &new_password, KdfParams::DEFAULT, OffsetDateTime::now_utc(), &mut OsRng)?;
        session_info(session)
    })
}

/// Replaces the recovery key; the new one is returned once.
#[tauri::command(async)]
pub fn account_regenerate_recovery_key(
    state: State<'_, AppState>,
    request: RegenerateRecoveryKeyRequest,
) -> Result<NewRecoveryKey, CommandError> {
    let current = SecretString::from(request.current_password);
    with_session(&state, |session| {
        let key =
            session.regenerate_recovery_key(&current, KdfParams::DEFAULT, OffsetDateTime::now_utc(), &mut OsRng)?;
        Ok(NewRecoveryKey { recovery_key: key.display().to_string() })
    })
}
