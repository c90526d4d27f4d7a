//! [`Vault`]: an open, unlocked vault — a live SQLite connection plus what it takes to seal it again.

use std::fmt;
use std::path::{Path, PathBuf};

use rand_core::{CryptoRng, OsRng, RngCore};
use rusqlite::{Connection, MAIN_DB, Transaction};
use secrecy::{ExposeSecret, SecretString};

use crate::error::{Result, VaultError};
use crate::file::{self, VaultLock};
use crate::format::{FORMAT_VERSION, Header, KeySlot, NONCE_LEN, SlotKind};
use crate::kdf::KdfParams;
use crate::recovery::RecoveryKey;
use crate::seal::{self, DataKey};

/// SQLite `application_id` of every sealed image ("CUST"), so the plaintext is recognisable.
pub const APPLICATION_ID: i32 = 0x4355_5354;

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

/// An unlocked vault. While it exists it holds the vault's lock, so no other process opens it.
///
/// Reads go through [`Vault::connection`]; every change goes through [`Vault::write`], which
/// commits one transaction and then seals and saves the whole database before returning.
pub struct Vault {
    path: PathBuf,
    header: Header,
    key: DataKey,
    conn: Connection,
    _lock: VaultLock,
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
        let lock = VaultLock::acquire(path)?;
        let key = DataKey::generate(rng);
        let recovery = RecoveryKey::generate(rng);
        let slots = vec![
            seal::wrap_into_slot(
                &key,
                SlotKind::Password { login: login.to_owned() },
                password.expose_secret().as_bytes(),
                kdf,
                rng,
            )?,
            seal::wrap_into_slot(&key, SlotKind::Recovery, recovery.secret(), kdf, rng)?,
        ];
        let mut conn = Connection::open_in_memory().map_err(VaultError::from)?;
        configure(&conn)?;
        conn.pragma_update(None, "application_id", APPLICATION_ID).map_err(VaultError::from)?;
        init(&mut conn)?;
        let vault = Vault {
            path: path.to_owned(),
            header: Header { body_nonce: [0; NONCE_LEN], slots },
            key,
            conn,
            _lock: lock,
        };
        let bytes = vault.sealed_bytes(rng)?;
        file::create_new(path, &bytes)?;
        Ok((vault, recovery))
    }

    /// Opens and unlocks the vault at `path`. On any error the file is left exactly as it was.
    pub fn open(path: &Path, unlock: Unlock<'_>) -> Result<Vault> {
        let lock = VaultLock::acquire(path)?;
        let bytes = file::read_vault(path)?;
        let (header, header_len) = Header::decode(&bytes)?;
        let key = unlock_data_key(&header, unlock)?;
        let conn = open_image(&key, &header, &bytes, header_len)?;
        file::remove_stale_temps(path);
        Ok(Vault { path: path.to_owned(), header, key, conn, _lock: lock })
    }

    /// Reads what the header says without unlocking: checks magic, version and checksum.
    pub fn inspect(path: &Path) -> Result<VaultInfo> {
        let bytes = file::read_vault(path)?;
        let (header, header_len) = Header::decode(&bytes)?;
        if bytes.len() < header_len + crate::format::TAG_LEN {
            return Err(VaultError::Truncated);
        }
        Ok(VaultInfo {
            format_version: FORMAT_VERSION,
            logins: logins_of(&header).map(str::to_owned).collect(),
            has_recovery_slot: header.slots.iter().any(|s| s.kind == SlotKind::Recovery),
        })
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

    /// Runs `change` in one transaction, commits it, and saves the vault. If `change` fails
    /// nothing is changed; if saving fails the in-memory database is reloaded from the file, so
    /// memory and disk never disagree.
    pub fn write<T, E: From<VaultError>>(
        &mut self,
        change: impl FnOnce(&Transaction<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let tx = self.conn.transaction().map_err(VaultError::from)?;
        let value = change(&tx)?;
        tx.commit().map_err(VaultError::from)?;
        self.save_or_reload()?;
        Ok(value)
    }

    /// Gives `migrate` the whole connection (migration tools manage their own transactions) and
    /// saves if it reports a change. Used once, right after opening.
    pub fn migrate<E: From<VaultError>>(
        &mut self,
        migrate: impl FnOnce(&mut Connection) -> std::result::Result<bool, E>,
    ) -> std::result::Result<(), E> {
        match migrate(&mut self.conn) {
            Ok(true) => Ok(self.save_or_reload()?),
            Ok(false) => Ok(()),
            Err(e) => {
                self.reload()?;
                Err(e)
            }
        }
    }

    /// Sets `login`'s password, adding a slot if the login has none, and saves.
    pub fn set_password(
        &mut self,
        login: &str,
        password: &SecretString,
        kdf: KdfParams,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<()> {
        check_login(login)?;
        let kind = SlotKind::Password { login: login.to_owned() };
        let slot = seal::wrap_into_slot(&self.key, kind.clone(), password.expose_secret().as_bytes(), kdf, rng)?;
        let previous = self.header.slots.clone();
        match self.header.slots.iter_mut().find(|s| s.kind == kind) {
            Some(existing) => *existing = slot,
            None => self.header.slots.push(slot),
        }
        let saved = self.sealed_bytes(rng).and_then(|bytes| file::replace_atomically(&self.path, &bytes, |_| Ok(())));
        if saved.is_err() {
            self.header.slots = previous;
        }
        saved
    }

    fn save_or_reload(&mut self) -> Result<()> {
        let saved =
            self.sealed_bytes(&mut OsRng).and_then(|bytes| file::replace_atomically(&self.path, &bytes, |_| Ok(())));
        if let Err(error) = saved {
            let _ = self.reload();
            return Err(error);
        }
        Ok(())
    }

    /// Replaces the in-memory database with what the file holds.
    fn reload(&mut self) -> Result<()> {
        let bytes = file::read_vault(&self.path)?;
        let (header, header_len) = Header::decode(&bytes)?;
        self.conn = open_image(&self.key, &header, &bytes, header_len)?;
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

fn unlock_data_key(header: &Header, unlock: Unlock<'_>) -> Result<DataKey> {
    let (slot, secret, wrong): (Option<&KeySlot>, &[u8], VaultError) = match &unlock {
        Unlock::Password { login, password } => {
            let slot = header.slots.iter().find(|s| matches!(&s.kind, SlotKind::Password { login: l } if l == login));
            if slot.is_none() {
                return Err(VaultError::UnknownLogin { login: (*login).to_owned() });
            }
            (slot, password.expose_secret().as_bytes(), VaultError::WrongPassword)
        }
        Unlock::RecoveryKey(key) => {
            let slot = header.slots.iter().find(|s| s.kind == SlotKind::Recovery);
            (slot, key.secret(), VaultError::WrongRecoveryKey)
        }
    };
    let slot = slot.ok_or(VaultError::WrongRecoveryKey)?;
    seal::unwrap_from_slot(slot, secret)?.ok_or(wrong)
}

fn open_image(key: &DataKey, header: &Header, bytes: &[u8], header_len: usize) -> Result<Connection> {
    if bytes.len() < header_len + crate::format::TAG_LEN {
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
