//! Signing in and out, locking the screen, and recovering access with the recovery key.

use custodian_core::secrecy::SecretString;
use custodian_core::{CoreError, KdfParams, VaultError, recover, sign_in, sign_in_to_acknowledge};
use rand_core::OsRng;
use tauri::State;
use time::OffsetDateTime;

use super::{person_info, session_info};
use crate::dto::{CommandError, PasswordRequest, PersonInfo, RecoverRequest, SessionInfo, SignInRequest};
use crate::known_vault::LastVault;
use crate::state::{AppState, Stage};

/// Signs in to the known vault.
#[tauri::command(async)]
pub fn session_sign_in(state: State<'_, AppState>, request: SignInRequest) -> Result<SessionInfo, CommandError> {
    sign_in_with(&state, request, sign_in)
}

/// Signs in to read and acknowledge one's policies only (a shared reception computer); core
/// refuses everything else in this session.
#[tauri::command(async)]
pub fn session_sign_in_to_acknowledge(
    state: State<'_, AppState>,
    request: SignInRequest,
) -> Result<SessionInfo, CommandError> {
    sign_in_with(&state, request, sign_in_to_acknowledge)
}

type SignIn = fn(&std::path::Path, &str, &SecretString, OffsetDateTime) -> Result<custodian_core::Session, CoreError>;

fn sign_in_with(state: &AppState, request: SignInRequest, sign_in: SignIn) -> Result<SessionInfo, CommandError> {
    let mut inner = state.lock();
    if !matches!(inner.stage, Stage::SignedOut) {
        return Err(CommandError::wrong_stage("Someone is already signed in"));
    }
    let path = inner
        .known
        .as_ref()
        .map(|k| k.path.clone())
        .ok_or_else(|| CommandError::wrong_stage("Choose a vault first"))?;
    let session = sign_in(&path, &request.login, &SecretString::from(request.password), OffsetDateTime::now_utc())?;
    let info = session_info(&session)?;
    inner.remember(&state.folders, LastVault::of_session(&session)?);
    inner.stage = Stage::SignedIn(session);
    Ok(info)
}

/// Opens the known vault with the recovery key; a new password must then be set.
#[tauri::command(async)]
pub fn session_recover(state: State<'_, AppState>, request: RecoverRequest) -> Result<PersonInfo, CommandError> {
    let mut inner = state.lock();
    if !matches!(inner.stage, Stage::SignedOut) {
        return Err(CommandError::wrong_stage("Sign out first"));
    }
    let path = inner
        .known
        .as_ref()
        .map(|k| k.path.clone())
        .ok_or_else(|| CommandError::wrong_stage("Choose a vault first"))?;
    let reset = recover(&path, &request.login, &request.recovery_key, OffsetDateTime::now_utc())?;
    let person = person_info(reset.person());
    inner.stage = Stage::ResettingPassword(reset);
    Ok(person)
}

/// Sets the new password after recovery and signs the person in. A weak password is refused
/// and the reset stays pending.
#[tauri::command(async)]
pub fn session_set_new_password(
    state: State<'_, AppState>,
    request: PasswordRequest,
) -> Result<SessionInfo, CommandError> {
    let mut inner = state.lock();
    let Stage::ResettingPassword(reset) = std::mem::replace(&mut inner.stage, Stage::SignedOut) else {
        return Err(CommandError::wrong_stage("There is no password waiting to be reset"));
    };
    match reset.set_new_password(
        &SecretString::from(request.password),
        KdfParams::DEFAULT,
        OffsetDateTime::now_utc(),
        &mut OsRng,
    ) {
        Ok(session) => {
            let info = session_info(&session)?;
            inner.stage = Stage::SignedIn(session);
            Ok(info)
        }
        Err(refused) => {
            let refused = *refused;
            inner.stage = Stage::ResettingPassword(refused.reset);
            Err(refused.error.into())
        }
    }
}

/// Signs out from any stage, closing the vault and forgetting its key.
#[tauri::command(async)]
pub fn session_sign_out(state: State<'_, AppState>) -> Result<(), CommandError> {
    state.lock().stage = Stage::SignedOut;
    Ok(())
}

/// Locks the screen: closes the vault and forgets its key, remembering only who must unlock.
#[tauri::command(async)]
pub fn session_lock(state: State<'_, AppState>) -> Result<PersonInfo, CommandError> {
    let mut inner = state.lock();
    match std::mem::replace(&mut inner.stage, Stage::SignedOut) {
        Stage::SignedIn(session) => {
            let person = session.person().clone();
            drop(session);
            let info = person_info(&person);
            inner.stage = Stage::Locked(person);
            Ok(info)
        }
        Stage::Locked(person) => {
            let info = person_info(&person);
            inner.stage = Stage::Locked(person);
            Ok(info)
        }
        other => {
            inner.stage = other;
            Err(CommandError::wrong_stage("No one is signed in"))
        }
    }
}

/// Unlocks the screen with the locked person's password.
#[tauri::command(async)]
pub fn session_unlock(state: State<'_, AppState>, request: PasswordRequest) -> Result<SessionInfo, CommandError> {
    let mut inner = state.lock();
    let Stage::Locked(person) = &inner.stage else {
        return Err(CommandError::wrong_stage("The screen is not locked"));
    };
    let path = inner
        .known
        .as_ref()
        .map(|k| k.path.clone())
        .ok_or_else(|| CommandError::wrong_stage("Choose a vault first"))?;
    match sign_in(&path, person.login.as_str(), &SecretString::from(request.password), OffsetDateTime::now_utc()) {
        Ok(session) => {
            let info = session_info(&session)?;
            inner.stage = Stage::SignedIn(session);
            Ok(info)
        }
        Err(error) => {
            // Someone whose access has ended is signed out rather than left at the lock screen.
            if matches!(error, CoreError::AccessEnded { .. } | CoreError::Vault(VaultError::UnknownLogin { .. })) {
                inner.stage = Stage::SignedOut;
            }
            Err(error.into())
        }
    }
}
