//! The app's managed state: which vault it knows, and where the person is in signing in.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use custodian_core::{PasswordReset, Person, RecoveryKey, Session};

use crate::known_vault::{self, AppFolders, LastVault};

/// Where the person is. Each stage holds exactly what it needs; a locked screen holds no key.
pub enum Stage {
    /// No one is signed in.
    SignedOut,
    /// A vault was just created; the person must confirm they kept the recovery key.
    AwaitingRecoveryConfirmation {
        /// The new, signed-in session.
        session: Session,
        /// The recovery key, kept only until confirmed.
        recovery_key: RecoveryKey,
    },
    /// Signed in.
    SignedIn(Session),
    /// The screen locked after inactivity; the vault is closed and its key forgotten.
    Locked(Person),
    /// Opened with the recovery key; a new password must be set.
    ResettingPassword(PasswordReset),
}

/// Everything behind the state's lock.
pub struct Inner {
    /// The vault the app will sign in to.
    pub known: Option<LastVault>,
    /// The sign-in stage.
    pub stage: Stage,
}

/// The state Tauri manages for the one window.
pub struct AppState {
    /// The app's folders.
    pub folders: AppFolders,
    inner: Mutex<Inner>,
}

impl AppState {
    /// Starts signed out, on `opened_with` if the app was started with a vault path, else on the
    /// last vault recorded.
    pub fn new(folders: AppFolders, opened_with: Option<PathBuf>) -> AppState {
        let known = match opened_with {
            Some(path) => {
                let last = LastVault { path, practice_name: None, backup_folder: None };
                let _ = known_vault::save(&folders, &last);
                Some(last)
            }
            None => known_vault::load(&folders),
        };
        AppState { folders, inner: Mutex::new(Inner { known, stage: Stage::SignedOut }) }
    }

    /// Takes the lock. A panic while it was held leaves the state as it was, so carry on.
    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Inner {
    /// Records `last` as the known vault, in memory and on disk.
    pub fn remember(&mut self, folders: &AppFolders, last: LastVault) {
        let _ = known_vault::save(folders, &last);
        self.known = Some(last);
    }
}
