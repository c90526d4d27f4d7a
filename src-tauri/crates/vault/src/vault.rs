//! [`Vault`]: an open, unlocked vault — an in-memory SQLite database plus what it takes to seal
//! it again, and the protocol that lets several processes share one vault file.
//!
//! Sharing: no lock is held while a vault is merely open. Every change takes the save lock
//! (`<vault>.lock`), reloads the file if another process saved since this one last looked, applies
//! the change to that fresh state, saves, and releases the lock. So two writers never lose each
//! other's changes, and readers see them at their next [`Vault::refresh`].

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rand_core::{CryptoRng, OsRng, RngCore};
use rusqlite::{Connection, MAIN_DB, Transaction};
use secrecy::{ExposeSecret, SecretString};

use crate::backup::{self, BackupPolicy};
use crate::error::{Result, VaultError};
use crate::file::{self, VaultLock};
use crate::format::{FORMAT_VERSION, Header, NONCE_LEN, SlotKind, TAG_LEN};
use crate::kdf::KdfParams;
use crate::recovery::RecoveryKey;
use crate::seal::{self, DataKey, SlotSecret};

/// SQLite `application_id` of every sealed image ("CUST"), so the plaintext is recognisable.
pub const APPLICATION_ID: i32 = 0x4355_5354;

/// How long a change waits for another process's save to finish before giving up with `InUse`.
pub const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(10);

/// How to unlock a vault.
pub enum Unlock<'a> {
    /// A person's login and password.
    Password {
        /// The login that names the person's key slot.
        login: &'a str,
        /// Their password.
        password: &'a SecretString,
    },
    /// The printed recovery key.
    RecoveryKey(&'a RecoveryKey),
}

/// A change to the key slots, made together with a database change by [`Vault::write_with_slots`].
pub enum SlotChange<'a> {
    /// Give `login` a slot opened by `password`, replacing any it had.
    SetPassword {
        /// The login that names the slot.
        login: &'a str,
        /// The new password.
        password: &'a SecretString,
        /// Key-derivation cost for the new slot.
        kdf: KdfParams,
    },
    /// Remove `login`'s slot.
    RemovePassword {
        /// The login whose slot goes.
        login: &'a str,
    },
    /// Replace the recovery slot with one for a new recovery key.
    RegenerateRecoveryKey {
        /// Key-derivation cost for the new slot.
        kdf: KdfParams,
    },
}

/// What can be learnt from a vault file without unlocking it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VaultInfo {
    /// Format version of the file.
    pub format_version: u16,
    /// Logins that have a password slot, in file order.
    pub logins: Vec<String>,
    /// Whether a recovery-key slot exists.
    pub has_recovery_slot: bool,
}

/// The slot this process opened the vault with, and its secret key.
struct Opener {
    kind: SlotKind,
    secret: SlotSecret,
}

/// An unlocked vault.
///
/// Reads go through [`Vault::connection`]; every change goes through [`Vault::write`], which
/// commits one transaction and then seals and saves the whole database before returning.
pub struct Vault {
    path: PathBuf,
    header: Header,
    key: DataKey,
    conn: Connection,
    opener: Opener,
    backups: Option<BackupPolicy>,
    lock_timeout: Duration,
}

impl fmt::Debug for Vault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Vault").field("path", &self.path).finish_non_exhaustive()
    }
}

impl Vault {
    /// Creates a new vault at `path` with one password slot and a recovery slot, and returns it
    /// open together with the recovery key, which exists nowhere else.
    ///
    /// `init` fills the empty database before the first save, so the file appears complete or
    /// not at all.
    pub fn create<E: From<VaultError>>(
        path: &Path,
        login: &str,
        password: &SecretString,
        kdf: KdfParams,
        rng: &mut (impl RngCore + CryptoRng),
        init: impl FnOnce(&mut Connection) -> std::result::Result<(), E>,
    ) -> std::result::Result<(Vault, RecoveryKey), E> {
        check_login(login)?;
        if path.exists() {
            return Err(VaultError::AlreadyExists { path: path.to_owned() }.into());
        }
        let _lock = VaultLock::acquire_within(path, DEFAULT_LOCK_TIMEOUT)?;
        let key = DataKey::generate(rng);
        let recovery = RecoveryKey::generate(rng);
        let kind = SlotKind::Password { login: login.to_owned() };
        let (person_slot, secret) = seal::new_slot(kind.clone(), password.expose_secret().as_bytes(), kdf, &key, rng)?;
        let (recovery_slot, _) = seal::new_slot(SlotKind::Recovery, recovery.secret(), kdf, &key, rng)?;
        let mut conn = Connection::open_in_memory().map_err(VaultError::from)?;
        configure(&conn)?;
        conn.pragma_update(None, "application_id", APPLICATION_ID).map_err(VaultError::from)?;
        init(&mut conn)?;
        let mut vault = Vault {
            path: path.to_owned(),
            header: Header { body_nonce: [0; NONCE_LEN], slots: vec![person_slot, recovery_slot] },
            key,
            conn,
            opener: Opener { kind, secret },
            backups: None,
            lock_timeout: DEFAULT_LOCK_TIMEOUT,
        };
        let bytes = vault.sealed_bytes(rng)?;
        file::create_new(path, &bytes)?;
        vault.header.body_nonce.copy_from_slice(&bytes[14..14 + NONCE_LEN]);
        Ok((vault, recovery))
    }

    /// Opens and unlocks the vault at `path`. On any error the file is left exactly as it was.
    pub fn open(path: &Path, unlock: Unlock<'_>) -> Result<Vault> {
        let bytes = file::read_vault(path)?;
        let (header, header_len) = Header::decode(&bytes)?;
        let (opener, key) = unlock_slot(&header, unlock)?;
        let conn = open_image(&key, &header, &bytes, header_len)?;
        Ok(Vault {
            path: path.to_owned(),
            header,
            key,
            conn,
            opener,
            backups: None,
            lock_timeout: DEFAULT_LOCK_TIMEOUT,
        })
    }

    /// Reads what the header says without unlocking: checks magic, version and checksum.
    pub fn inspect(path: &Path) -> Result<VaultInfo> {
        let bytes = file::read_vault(path)?;
        let (header, header_len) = Header::decode(&bytes)?;
        if bytes.len() < header_len + TAG_LEN {
            return Err(VaultError::Truncated);
        }
        Ok(VaultInfo {
            format_version: FORMAT_VERSION,
            logins: logins_of(&header).map(str::to_owned).collect(),
            has_recovery_slot: header.slots.iter().any(|s| s.kind == SlotKind::Recovery),
        })
    }

    /// Keeps rotating backups under `policy` from now on.
    pub fn set_backups(&mut self, policy: BackupPolicy) {
        self.backups = Some(policy);
    }

    /// How long a change waits for another process's save (default 10 s).
    pub fn set_lock_timeout(&mut self, timeout: Duration) {
        self.lock_timeout = timeout;
    }

    /// The file this vault is saved to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Format version this vault is saved in.
    pub fn format_version(&self) -> u16 {
        FORMAT_VERSION
    }

    /// Logins that have a password slot.
    pub fn logins(&self) -> impl Iterator<Item = &str> {
        logins_of(&self.header)
    }

    /// The database, for reading. Changes made through it are not saved; use [`Vault::write`].
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Loads the file again if another process saved it since this one last did; reports
    /// whether it did. Cheap when nothing changed (only the header is compared).
    pub fn refresh(&mut self) -> Result<bool> {
        let bytes = file::read_vault(&self.path)?;
        let (header, header_len) = Header::decode(&bytes)?;
        if header.body_nonce == self.header.body_nonce {
            return Ok(false);
        }
        self.load(header, &bytes, header_len)?;
        Ok(true)
    }

    /// Runs `change` in one transaction on the latest saved state, commits it, and saves the
    /// vault, all under the save lock. If `change` fails nothing is changed; if saving fails the
    /// in-memory database is reloaded from the file, so memory and disk never disagree.
    pub fn write<T, E: From<VaultError>>(
        &mut self,
        change: impl FnOnce(&Transaction<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let _lock = self.lock_and_refresh()?;
        let tx = self.conn.transaction().map_err(VaultError::from)?;
        let value = change(&tx)?;
        tx.commit().map_err(VaultError::from)?;
        self.save_or_reload(&mut OsRng)?;
        Ok(value)
    }

    /// Gives `migrate` the whole connection (migration tools manage their own transactions) and
    /// saves if it reports a change. Used right after opening.
    pub fn migrate<E: From<VaultError>>(
        &mut self,
        migrate: impl FnOnce(&mut Connection) -> std::result::Result<bool, E>,
    ) -> std::result::Result<(), E> {
        let _lock = self.lock_and_refresh()?;
        match migrate(&mut self.conn) {
            Ok(true) => Ok(self.save_or_reload(&mut OsRng)?),
            Ok(false) => Ok(()),
            Err(e) => {
                self.reload_from_disk()?;
                Err(e)
            }
        }
    }

    /// Gives `login` a password slot with `password`, replacing any slot it had, and saves.
    /// Like every change to the slots, this rotates the data key, so an old copy of the slot
    /// cannot open any later save.
    pub fn set_password(
        &mut self,
        login: &str,
        password: &SecretString,
        kdf: KdfParams,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<()> {
        let changes = [SlotChange::SetPassword { login, password, kdf }];
        self.write_with_slots(&changes, rng, |_| Ok::<_, VaultError>(())).map(drop)
    }

    /// Removes `login`'s password slot and rotates the data key.
    pub fn remove_password_slot(&mut self, login: &str, rng: &mut (impl RngCore + CryptoRng)) -> Result<()> {
        self.write_with_slots(&[SlotChange::RemovePassword { login }], rng, |_| Ok::<_, VaultError>(())).map(drop)
    }

    /// Replaces the recovery key with a new one (the old one stops working) and rotates the data key.
    pub fn regenerate_recovery_key(
        &mut self,
        kdf: KdfParams,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<RecoveryKey> {
        let changes = [SlotChange::RegenerateRecoveryKey { kdf }];
        let ((), recovery) = self.write_with_slots(&changes, rng, |_| Ok::<_, VaultError>(()))?;
        recovery.ok_or(VaultError::Damaged { detail: "no recovery key was made" })
    }

    /// Checks `password` against `login`'s slot without changing anything (to re-ask a password
    /// before a signing action).
    pub fn check_password(&self, login: &str, password: &SecretString) -> Result<()> {
        let kind = SlotKind::Password { login: login.to_owned() };
        let slot = self
            .header
            .slots
            .iter()
            .find(|s| s.kind == kind)
            .ok_or_else(|| VaultError::UnknownLogin { login: login.to_owned() })?;
        seal::open_slot(slot, password.expose_secret().as_bytes())?.map(drop).ok_or(VaultError::WrongPassword)
    }

    /// Applies `slot_changes` and the database `change` together, in one save, under the save
    /// lock, and rotates the data key: a new key is sealed to every slot that remains. Returns
    /// the change's value and, if one was made, the new recovery key.
    ///
    /// If anything fails, neither the slots nor the database change, in memory or on disk. The
    /// opener's own slot cannot be removed (`AccessRevoked`).
    pub fn write_with_slots<T, E: From<VaultError>>(
        &mut self,
        slot_changes: &[SlotChange<'_>],
        rng: &mut (impl RngCore + CryptoRng),
        change: impl FnOnce(&Transaction<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<(T, Option<RecoveryKey>), E> {
        let _lock = self.lock_and_refresh()?;
        let new_key = DataKey::generate(rng);
        let mut slots = self.header.slots.clone();
        let mut recovery = None;
        let mut opener_secret = None;
        for slot_change in slot_changes {
            let (kind, slot_secret) = match *slot_change {
                SlotChange::SetPassword { login, password, kdf } => {
                    check_login(login)?;
                    let kind = SlotKind::Password { login: login.to_owned() };
                    let secret = password.expose_secret().as_bytes();
                    let (slot, slot_secret) = seal::new_slot(kind.clone(), secret, kdf, &new_key, rng)?;
                    match slots.iter_mut().find(|s| s.kind == kind) {
                        Some(existing) => *existing = slot,
                        None => slots.push(slot),
                    }
                    (kind, slot_secret)
                }
                SlotChange::RemovePassword { login } => {
                    let kind = SlotKind::Password { login: login.to_owned() };
                    if kind == self.opener.kind {
                        return Err(VaultError::AccessRevoked.into());
                    }
                    slots.retain(|s| s.kind != kind);
                    continue;
                }
                SlotChange::RegenerateRecoveryKey { kdf } => {
                    let key = RecoveryKey::generate(rng);
                    let (slot, slot_secret) = seal::new_slot(SlotKind::Recovery, key.secret(), kdf, &new_key, rng)?;
                    slots.retain(|s| s.kind != SlotKind::Recovery);
                    slots.push(slot);
                    recovery = Some(key);
                    (SlotKind::Recovery, slot_secret)
                }
            };
            if kind == self.opener.kind {
                opener_secret = Some(slot_secret);
            }
        }
        for slot in &mut slots {
            seal::seal_data_key(slot, &new_key, rng)?;
        }

        let tx = self.conn.transaction().map_err(VaultError::from)?;
        let value = change(&tx)?;
        tx.commit().map_err(VaultError::from)?;
        let old_slots = std::mem::replace(&mut self.header.slots, slots);
        let old_key = std::mem::replace(&mut self.key, new_key);
        if let Err(error) = self.save(rng) {
            self.header.slots = old_slots;
            self.key = old_key;
            let _ = self.reload_from_disk();
            return Err(error.into());
        }
        if let Some(secret) = opener_secret {
            self.opener.secret = secret;
        }
        Ok((value, recovery))
    }

    /// Writes this vault's current state over the vault at `target` (restoring a backup), after
    /// copying whatever is at `target` to `keep_previous_as`. From then on this vault is `target`.
    pub fn save_over(
        &mut self,
        target: &Path,
        keep_previous_as: &Path,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<()> {
        let _lock = VaultLock::acquire_within(target, self.lock_timeout)?;
        if target.exists() {
            let previous = std::fs::read(target).map_err(VaultError::io("read"))?;
            if let Some(folder) = keep_previous_as.parent() {
                std::fs::create_dir_all(folder).map_err(VaultError::io("save"))?;
            }
            file::replace_atomically(keep_previous_as, &previous, |_| Ok(()))?;
        }
        let bytes = self.sealed_bytes(rng)?;
        file::replace_atomically(target, &bytes, |_| Ok(()))?;
        self.header.body_nonce.copy_from_slice(&bytes[14..14 + NONCE_LEN]);
        self.path = target.to_owned();
        Ok(())
    }

    /// Takes the save lock and brings memory up to date with the file.
    fn lock_and_refresh(&mut self) -> Result<VaultLock> {
        let lock = VaultLock::acquire_within(&self.path, self.lock_timeout)?;
        file::remove_stale_temps(&self.path);
        self.refresh()?;
        Ok(lock)
    }

    fn save_or_reload(&mut self, rng: &mut (impl RngCore + CryptoRng)) -> Result<()> {
        if let Err(error) = self.save(rng) {
            let _ = self.reload_from_disk();
            return Err(error);
        }
        Ok(())
    }

    /// Backs up if it is the day's first save, then seals and replaces the file. Lock held.
    fn save(&mut self, rng: &mut (impl RngCore + CryptoRng)) -> Result<()> {
        if let Some(policy) = &self.backups {
            backup::before_save(&self.path, policy)?;
        }
        let bytes = self.sealed_bytes(rng)?;
        file::replace_atomically(&self.path, &bytes, |_| Ok(()))?;
        self.header.body_nonce.copy_from_slice(&bytes[14..14 + NONCE_LEN]);
        Ok(())
    }

    fn reload_from_disk(&mut self) -> Result<()> {
        let bytes = file::read_vault(&self.path)?;
        let (header, header_len) = Header::decode(&bytes)?;
        self.load(header, &bytes, header_len)
    }

    /// Replaces memory with a file's contents. If another process rotated the data key, the new
    /// key is unsealed from this process's slot, which must still be there, unchanged.
    fn load(&mut self, header: Header, bytes: &[u8], header_len: usize) -> Result<()> {
        let conn = match open_image(&self.key, &header, bytes, header_len) {
            Ok(conn) => conn,
            Err(VaultError::Tampered) => {
                let slot = header.slots.iter().find(|s| s.kind == self.opener.kind).ok_or(VaultError::AccessRevoked)?;
                let key = seal::unseal_data_key(slot, &self.opener.secret)?;
                let conn = open_image(&key, &header, bytes, header_len)?;
                self.key = key;
                conn
            }
            Err(other) => return Err(other),
        };
        self.conn = conn;
        self.header = header;
        Ok(())
    }

    /// Serializes and seals the database under a fresh nonce, returning the whole file.
    fn sealed_bytes(&self, rng: &mut (impl RngCore + CryptoRng)) -> Result<Vec<u8>> {
        let mut header = self.header.clone();
        rng.fill_bytes(&mut header.body_nonce);
        let mut out = header.encode();
        let image = self.conn.serialize(MAIN_DB)?;
        let sealed = seal::seal_body(&self.key, &header.body_nonce, &out, &image)?;
        out.extend_from_slice(&sealed);
        Ok(out)
    }
}

fn check_login(login: &str) -> Result<()> {
    if login.is_empty() || login.len() > 255 { Err(VaultError::InvalidLogin) } else { Ok(()) }
}

fn logins_of(header: &Header) -> impl Iterator<Item = &str> {
    header.slots.iter().filter_map(|slot| match &slot.kind {
        SlotKind::Password { login } => Some(login.as_str()),
        SlotKind::Recovery => None,
    })
}

/// Finds and opens the slot that `unlock` names, returning its secret and the data key.
fn unlock_slot(header: &Header, unlock: Unlock<'_>) -> Result<(Opener, DataKey)> {
    let (kind, secret, wrong) = match &unlock {
        Unlock::Password { login, password } => (
            SlotKind::Password { login: (*login).to_owned() },
            password.expose_secret().as_bytes(),
            VaultError::WrongPassword,
        ),
        Unlock::RecoveryKey(key) => (SlotKind::Recovery, key.secret(), VaultError::WrongRecoveryKey),
    };
    let Some(slot) = header.slots.iter().find(|s| s.kind == kind) else {
        return Err(match kind {
            SlotKind::Password { login } => VaultError::UnknownLogin { login },
            SlotKind::Recovery => VaultError::WrongRecoveryKey,
        });
    };
    let slot_secret = seal::open_slot(slot, secret)?.ok_or(wrong)?;
    let key = seal::unseal_data_key(slot, &slot_secret)?;
    Ok((Opener { kind, secret: slot_secret }, key))
}

fn open_image(key: &DataKey, header: &Header, bytes: &[u8], header_len: usize) -> Result<Connection> {
    if bytes.len() < header_len + TAG_LEN {
        return Err(VaultError::Truncated);
    }
    let (header_bytes, sealed) = bytes.split_at(header_len);
    let image = seal::open_body(key, &header.body_nonce, header_bytes, sealed)?;
    let mut conn = Connection::open_in_memory()?;
    conn.deserialize_read_exact(MAIN_DB, &image[..], image.len(), false)?;
    configure(&conn)?;
    let application_id: i32 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
    if application_id != APPLICATION_ID {
        return Err(VaultError::Damaged { detail: "the sealed database is not a Custodian database" });
    }
    Ok(conn)
}

/// Settings every vault connection runs with: temporary tables in memory only, foreign keys on.
fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    Ok(())
}
