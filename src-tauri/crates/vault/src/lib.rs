//! `custodian-vault`: the encrypted SQLite container behind Custodian.
//!
//! A vault is one file: a short authenticated header holding key slots, then the whole SQLite
//! database image sealed with XChaCha20-Poly1305 under a random data key. Each key slot is an
//! X25519 key pair whose secret half is wrapped under a key derived with Argon2id from a person's
//! password or from the printed recovery key, and to whose public half the data key is sealed —
//! so the data key can be rotated without anyone's password. Saves replace the file atomically,
//! under a lock, after taking in whatever another process saved. The byte layout is in `FORMAT.md`.
//!
//! This crate knows nothing of GP practices: it stores whatever schema its caller migrates in.
//!
//! ```no_run
//! use custodian_vault::{KdfParams, Unlock, Vault};
//! use secrecy::SecretString;
//! # fn main() -> Result<(), custodian_vault::VaultError> {
//! let password = SecretString::from("a long and unusual pass phrase".to_owned());
//! let path = std::path::Path::new("practice.custodian");
//! let (mut vault, recovery_key) = Vault::create(path, "anna", &password, KdfParams::DEFAULT, &mut rand_core::OsRng, |db| {
//!     db.execute_batch("CREATE TABLE note(text TEXT)").map_err(custodian_vault::VaultError::from)
//! })?;
//! println!("write this down: {}", recovery_key.display().as_str());
//! vault.write(|tx| tx.execute("INSERT INTO note VALUES ('hello')", []).map_err(custodian_vault::VaultError::from))?;
//! drop(vault);
//! let vault = Vault::open(path, Unlock::Password { login: "anna", password: &password })?;
//! # Ok(()) }
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod backup;
mod error;
mod file;
mod format;
mod kdf;
mod recovery;
mod seal;
mod vault;

pub use backup::{Backup, BackupPolicy, DEFAULT_KEEP as DEFAULT_BACKUPS_KEPT, list as list_backups};
pub use error::{Result, VaultError};
pub use format::{FORMAT_VERSION, MAGIC};
pub use kdf::KdfParams;
pub use recovery::RecoveryKey;
pub use vault::{APPLICATION_ID, DEFAULT_LOCK_TIMEOUT, SlotChange, Unlock, Vault, VaultInfo};

/// Re-exported so callers name the same SQLite types as the vault.
pub use rusqlite;
/// Re-exported so callers hold passwords in the same secret type as the vault.
pub use secrecy;
