//! Integration tests of the vault: what a caller sees through the public API and on disk.

use std::fs;
use std::path::{Path, PathBuf};

use custodian_vault::secrecy::SecretString;
use custodian_vault::{KdfParams, RecoveryKey, Unlock, Vault, VaultError};
use rand_core::OsRng;

const LOGIN: &str = "anna.clerk";
const MARKER: &str = "Riverside Surgery plaintext marker";

fn password(text: &str) -> SecretString {
    SecretString::from(text.to_owned())
}

struct Fixture {
    _dir: tempfile::TempDir,
    path: PathBuf,
    recovery: RecoveryKey,
}

/// A closed vault holding one table with a recognisable row.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("practice.custodian");
    let (mut vault, recovery) =
        Vault::create(&path, LOGIN, &password("first password"), KdfParams::INSECURE_FAST, &mut OsRng, no_init)
            .unwrap();
    vault
        .write(|tx| {
            tx.execute_batch("CREATE TABLE note(text TEXT NOT NULL)")?;
            tx.execute("INSERT INTO note(text) VALUES (?1)", [MARKER])?;
            Ok::<_, VaultError>(())
        })
        .unwrap();
    Fixture { _dir: dir, path, recovery }
}

fn no_init(_: &mut rusqlite::Connection) -> Result<(), VaultError> {
    Ok(())
}

#[test]
fn a_failed_initialisation_creates_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("practice.custodian");
    let result = Vault::create(&path, LOGIN, &password("pw"), KdfParams::INSECURE_FAST, &mut OsRng, |db| {
        db.execute_batch("CREATE TABLE broken(").map_err(VaultError::from)
    });
    assert!(matches!(result, Err(VaultError::Database(_))));
    assert!(!path.exists());
}

fn open(path: &Path, pw: &str) -> Result<Vault, VaultError> {
    Vault::open(path, Unlock::Password { login: LOGIN, password: &password(pw) })
}

fn notes(vault: &Vault) -> Vec<String> {
    let mut stmt = vault.connection().prepare("SELECT text FROM note ORDER BY rowid").unwrap();
    stmt.query_map([], |row| row.get(0)).unwrap().map(Result::unwrap).collect()
}

#[test]
fn what_is_written_is_read_back_after_reopening() {
    let f = fixture();
    let vault = open(&f.path, "first password").unwrap();
    assert_eq!(notes(&vault), vec![MARKER.to_owned()]);
    assert_eq!(vault.logins().collect::<Vec<_>>(), vec![LOGIN]);
}

#[test]
fn no_plaintext_reaches_the_file() {
    let f = fixture();
    let bytes = fs::read(&f.path).unwrap();
    let needle = MARKER.as_bytes();
    assert!(!bytes.windows(needle.len()).any(|w| w == needle));
    assert!(!bytes.windows(15).any(|w| w == b"SQLite format 3"));
}

#[test]
fn wrong_password_is_refused_and_vault_unchanged() {
    let f = fixture();
    let before = fs::read(&f.path).unwrap();
    assert!(matches!(open(&f.path, "not the password"), Err(VaultError::WrongPassword)));
    assert_eq!(fs::read(&f.path).unwrap(), before);
}

#[test]
fn unknown_login_is_named_in_the_error() {
    let f = fixture();
    let result = Vault::open(&f.path, Unlock::Password { login: "nobody", password: &password("first password") });
    assert!(matches!(result, Err(VaultError::UnknownLogin { login }) if login == "nobody"));
}

#[test]
fn recovery_key_opens_the_vault_and_a_new_password_then_works() {
    let f = fixture();
    let typed = f.recovery.display().to_lowercase();
    let key = RecoveryKey::parse(&typed).unwrap();
    let mut vault = Vault::open(&f.path, Unlock::RecoveryKey(&key)).unwrap();
    assert_eq!(notes(&vault), vec![MARKER.to_owned()]);
    vault.set_password(LOGIN, &password("second password"), KdfParams::INSECURE_FAST, &mut OsRng).unwrap();
    drop(vault);
    assert!(matches!(open(&f.path, "first password"), Err(VaultError::WrongPassword)));
    assert_eq!(notes(&open(&f.path, "second password").unwrap()), vec![MARKER.to_owned()]);
}

#[test]
fn another_vaults_recovery_key_is_refused() {
    let f = fixture();
    let other = RecoveryKey::generate(&mut OsRng);
    assert!(matches!(Vault::open(&f.path, Unlock::RecoveryKey(&other)), Err(VaultError::WrongRecoveryKey)));
}

#[test]
fn every_single_flipped_byte_is_refused_and_leaves_the_file_unchanged() {
    let f = fixture();
    let original = fs::read(&f.path).unwrap();
    for at in 0..original.len() {
        let mut damaged = original.clone();
        damaged[at] ^= 0x01;
        fs::write(&f.path, &damaged).unwrap();
        let result = open(&f.path, "first password");
        assert!(result.is_err(), "flipping byte {at} of {} was not detected", original.len());
        assert_eq!(fs::read(&f.path).unwrap(), damaged, "opening changed the file (byte {at})");
    }
}

#[test]
fn flipped_bytes_are_reported_as_damage_not_as_a_wrong_password() {
    let f = fixture();
    let original = fs::read(&f.path).unwrap();
    let header_len = u32::from_le_bytes(original[10..14].try_into().unwrap()) as usize;
    for at in [20, header_len - 40, header_len - 1, header_len, original.len() - 1] {
        let mut damaged = original.clone();
        damaged[at] ^= 0x80;
        fs::write(&f.path, &damaged).unwrap();
        let error = open(&f.path, "first password").unwrap_err();
        assert!(
            matches!(error, VaultError::Damaged { .. } | VaultError::Tampered),
            "byte {at}: expected damage, got {error:?}"
        );
    }
}

#[test]
fn a_truncated_file_is_refused_at_every_length() {
    let f = fixture();
    let original = fs::read(&f.path).unwrap();
    for len in (0..original.len()).step_by(7) {
        fs::write(&f.path, &original[..len]).unwrap();
        let error = open(&f.path, "first password").unwrap_err();
        assert!(
            matches!(
                error,
                VaultError::Truncated | VaultError::Tampered | VaultError::NotAVault | VaultError::Damaged { .. }
            ),
            "length {len}: {error:?}"
        );
        assert_eq!(fs::read(&f.path).unwrap().len(), len);
    }
}

#[test]
fn a_file_from_a_future_format_version_is_refused_as_newer() {
    use sha2::{Digest, Sha256};
    let f = fixture();
    let mut bytes = fs::read(&f.path).unwrap();
    bytes[8..10].copy_from_slice(&7u16.to_le_bytes());
    let header_len = u32::from_le_bytes(bytes[10..14].try_into().unwrap()) as usize;
    let checksum = Sha256::digest(&bytes[..header_len - 32]);
    bytes[header_len - 32..header_len].copy_from_slice(&checksum);
    fs::write(&f.path, &bytes).unwrap();
    assert!(matches!(open(&f.path, "first password"), Err(VaultError::NewerFormat { found: 7, supported: 1 })));
    assert_eq!(fs::read(&f.path).unwrap(), bytes);
}

#[test]
fn a_plain_sqlite_database_is_not_a_vault() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.db");
    rusqlite::Connection::open(&path).unwrap().execute_batch("CREATE TABLE t(x)").unwrap();
    assert!(matches!(open(&path, "x"), Err(VaultError::NotAVault)));
    assert!(matches!(Vault::inspect(&path), Err(VaultError::NotAVault)));
}

#[test]
fn a_missing_file_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(open(&dir.path().join("none.custodian"), "x"), Err(VaultError::NotFound { .. })));
}

#[test]
fn a_vault_open_elsewhere_is_in_use() {
    let f = fixture();
    let _first = open(&f.path, "first password").unwrap();
    assert!(matches!(open(&f.path, "first password"), Err(VaultError::InUse)));
}

#[test]
fn creating_over_an_existing_file_is_refused() {
    let f = fixture();
    let before = fs::read(&f.path).unwrap();
    let result = Vault::create(&f.path, "x", &password("p"), KdfParams::INSECURE_FAST, &mut OsRng, no_init);
    assert!(matches!(result, Err(VaultError::AlreadyExists { .. })));
    assert_eq!(fs::read(&f.path).unwrap(), before);
}

#[test]
fn a_failed_change_is_rolled_back_and_not_saved() {
    let f = fixture();
    let mut vault = open(&f.path, "first password").unwrap();
    let before = fs::read(&f.path).unwrap();
    let result = vault.write(|tx| {
        tx.execute("INSERT INTO note(text) VALUES ('half done')", [])?;
        tx.execute("INSERT INTO missing_table VALUES (1)", [])?;
        Ok::<_, VaultError>(())
    });
    assert!(result.is_err());
    assert_eq!(notes(&vault), vec![MARKER.to_owned()]);
    assert_eq!(fs::read(&f.path).unwrap(), before);
}

#[test]
fn each_save_uses_a_fresh_nonce() {
    let f = fixture();
    let mut vault = open(&f.path, "first password").unwrap();
    let first = fs::read(&f.path).unwrap();
    vault.write(|_| Ok::<_, VaultError>(())).unwrap();
    let second = fs::read(&f.path).unwrap();
    assert_ne!(first[14..38], second[14..38]);
}

#[test]
fn inspect_lists_logins_without_unlocking() {
    let f = fixture();
    let info = Vault::inspect(&f.path).unwrap();
    assert_eq!(info.logins, vec![LOGIN.to_owned()]);
    assert!(info.has_recovery_slot);
    assert_eq!(info.format_version, 1);
}
