//! The one error type of the vault crate.

use std::path::PathBuf;

/// Why a vault operation failed. A vault that fails to open is never modified.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum VaultError {
    /// The file does not start with the vault magic bytes.
    #[error("this file is not a Custodian vault")]
    NotAVault,
    /// The file was written by a newer version of Custodian; it is refused, never downgraded.
    #[error(
        "this vault was written by a newer version of Custodian (format {found}); this version reads format {supported} and older"
    )]
    NewerFormat {
        /// Format version found in the file.
        found: u16,
        /// Newest format version this build understands.
        supported: u16,
    },
    /// The file ends before its header or body does.
    #[error("the vault file is incomplete: it has been cut short")]
    Truncated,
    /// The header is inconsistent (checksum mismatch, impossible lengths or parameters).
    #[error("the vault file is damaged ({detail})")]
    Damaged {
        /// What was found to be wrong, for the message.
        detail: &'static str,
    },
    /// The sealed body failed authentication: the file was damaged or altered after it was saved.
    #[error("the vault file is damaged or has been altered since it was saved")]
    Tampered,
    /// No key slot exists for this login.
    #[error("there is no one with the login name \"{login}\" in this vault")]
    UnknownLogin {
        /// The login that was asked for.
        login: String,
    },
    /// The password does not unlock the person's key slot.
    #[error("wrong password")]
    WrongPassword,
    /// The recovery key is well formed but does not unlock this vault.
    #[error("that recovery key does not open this vault")]
    WrongRecoveryKey,
    /// The recovery key is not in the printed form (wrong length, characters or check group).
    #[error("the recovery key is mistyped: {reason}")]
    MalformedRecoveryKey {
        /// What is wrong with what was typed.
        reason: &'static str,
    },
    /// Another process kept the vault's save lock for longer than a save takes.
    #[error("the vault is busy: another copy of Custodian is saving it and has not finished; try again shortly")]
    InUse,
    /// This person's way in was removed or replaced by someone else since the vault was opened.
    #[error("your access to this vault has been removed or your password was changed; sign in again")]
    AccessRevoked,
    /// A login that cannot label a key slot (empty, or longer than 255 bytes).
    #[error("a login name must be between 1 and 255 bytes long")]
    InvalidLogin,
    /// Creating a vault where a file already exists.
    #[error("a file already exists at {}", path.display())]
    AlreadyExists {
        /// The path that was taken.
        path: PathBuf,
    },
    /// No file at the given path.
    #[error("no vault file at {}", path.display())]
    NotFound {
        /// The path that was looked at.
        path: PathBuf,
    },
    /// An operating-system error while reading or writing.
    #[error("could not {action} the vault file: {source}")]
    Io {
        /// What was being done ("read", "write", "lock", …).
        action: &'static str,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// An error from the sealed SQLite database.
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
}

/// Shorthand for results of vault operations.
pub type Result<T, E = VaultError> = std::result::Result<T, E>;

impl VaultError {
    pub(crate) fn io(action: &'static str) -> impl FnOnce(std::io::Error) -> VaultError {
        move |source| VaultError::Io { action, source }
    }
}
