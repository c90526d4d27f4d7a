//! Creating a practice vault, confirming its recovery key, and choosing which vault to use.

use std::path::PathBuf;

use custodian_core::secrecy::SecretString;
use custodian_core::{KdfParams, NewPractice, create_practice, inspect_vault, vault_file_name};
use rand_core::OsRng;
use tauri::State;
use time::OffsetDateTime;

use super::session_info;
use crate::dto::{
    ChooseVaultRequest, CommandError, ConfirmRecoveryKeyRequest, CreateVaultRequest, CreatedVault, ErrorCode,
    KnownVault, SessionInfo,
};
use crate::known_vault::{self, LastVault};
use crate::state::{AppState, Stage};

/// Creates a practice vault in the app's folder and signs its first person in; the recovery key
/// is returned once and must then be confirmed.
#[tauri::command(async)]
pub fn vault_create(state: State<'_, AppState>, request: CreateVaultRequest) -> Result<CreatedVault, CommandError> {
    let mut inner = state.lock();
    if !matches!(inner.stage, Stage::SignedOut) {
        return Err(CommandError::wrong_stage("Sign out before creating another vault"));
    }
    let path = state.folders.vaults().join(vault_file_name(&request.practice_name));
    let password = SecretString::from(request.password);
    let new = NewPractice {
        practice_name: &request.practice_name,
        ods_code: &request.ods_code,
        full_name: &request.full_name,
        login: &request.login,
        password: &password,
    };
    let (session, recovery_key) =
        create_practice(&path, &new, KdfParams::DEFAULT, OffsetDateTime::now_utc(), &mut OsRng)?;
    inner.remember(&state.folders, LastVault::of_session(&session)?);
    let created =
        CreatedVault { recovery_key: recovery_key.display().to_string(), vault_path: path.display().to_string() };
    inner.stage = Stage::AwaitingRecoveryConfirmation { session, recovery_key };
    Ok(created)
}

/// Checks the typed last group of the recovery key; on a match the person is signed in.
#[tauri::command(async)]
pub fn vault_confirm_recovery_key(
    state: State<'_, AppState>,
    request: ConfirmRecoveryKeyRequest,
) -> Result<SessionInfo, CommandError> {
    let mut inner = state.lock();
    let Stage::AwaitingRecoveryConfirmation { recovery_key, .. } = &inner.stage else {
        return Err(CommandError::wrong_stage("There is no recovery key waiting to be confirmed"));
    };
    if !recovery_key.last_group_matches(&request.last_group) {
        return Err(CommandError::new(
            ErrorCode::RecoveryKeyMismatch,
            "That is not the last group of your recovery key. Check what you wrote down and try again",
        ));
    }
    let Stage::AwaitingRecoveryConfirmation { session, .. } = std::mem::replace(&mut inner.stage, Stage::SignedOut)
    else {
        unreachable!("stage checked above");
    };
    let info = session_info(&session)?;
    inner.stage = Stage::SignedIn(session);
    Ok(info)
}

/// Points the app at an existing vault file, after checking that it is one.
#[tauri::command(async)]
pub fn vault_choose(state: State<'_, AppState>, request: ChooseVaultRequest) -> Result<KnownVault, CommandError> {
    let mut inner = state.lock();
    if !matches!(inner.stage, Stage::SignedOut) {
        return Err(CommandError::wrong_stage("Sign out before opening another vault"));
    }
    let path = PathBuf::from(request.path);
    inspect_vault(&path)?;
    inner.remember(&state.folders, LastVault { path: path.clone(), practice_name: None, backup_folder: None });
    Ok(KnownVault { path: path.display().to_string(), practice_name: None })
}

/// Forgets the known vault so another can be created or opened. The file is not touched.
#[tauri::command(async)]
pub fn vault_forget(state: State<'_, AppState>) -> Result<(), CommandError> {
    let mut inner = state.lock();
    if !matches!(inner.stage, Stage::SignedOut) {
        return Err(CommandError::wrong_stage("Sign out first"));
    }
    known_vault::clear(&state.folders).map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))?;
    inner.known = None;
    Ok(())
}

/// Creates the invented demo practice in the app's folder (or reuses it) and makes it the known
/// vault, ready to sign in to with the demo logins.
#[tauri::command(async)]
pub fn vault_open_demo(state: State<'_, AppState>) -> Result<KnownVault, CommandError> {
    let mut inner = state.lock();
    if !matches!(inner.stage, Stage::SignedOut) {
        return Err(CommandError::wrong_stage("Sign out before opening the demo practice"));
    }
    let path = state.folders.vaults().join(vault_file_name(custodian_core::demo::DEMO_PRACTICE_NAME));
    if !path.exists() {
        drop(custodian_core::demo::create_demo(&path, 1, OffsetDateTime::now_utc(), &mut OsRng)?);
    }
    inspect_vault(&path)?;
    let practice_name = Some(custodian_core::demo::DEMO_PRACTICE_NAME.to_owned());
    inner.remember(
        &state.folders,
        LastVault { path: path.clone(), practice_name: practice_name.clone(), backup_folder: None },
    );
    Ok(KnownVault { path: path.display().to_string(), practice_name })
}
