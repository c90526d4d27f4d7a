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

fn add_note(vault: &mut Vault, text: &str) {
    vault.write(|tx| tx.execute("INSERT INTO note(text) VALUES (?1)", [text]).map_err(VaultError::from)).unwrap();
}

#[test]
fn two_writers_on_one_file_keep_each_others_changes() {
    let f = fixture();
    let mut first = open(&f.path, "first password").unwrap();
    let mut second = open(&f.path, "first password").unwrap();
    add_note(&mut first, "from the first");
    add_note(&mut second, "from the second");
    add_note(&mut first, "first again");
    assert_eq!(notes(&first), vec![MARKER, "from the first", "from the second", "first again"]);
    assert!(second.refresh().unwrap(), "the second sees the first's later change");
    assert_eq!(notes(&second), notes(&first));
    assert!(!second.refresh().unwrap(), "nothing new the second time");
}

#[test]
fn a_save_waits_for_another_process_then_reports_in_use_and_changes_nothing() {
    let f = fixture();
    let mut vault = open(&f.path, "first password").unwrap();
    vault.set_lock_timeout(std::time::Duration::from_millis(150));
    let lock_file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(f.path.with_extension("custodian.lock"))
        .unwrap();
    lock_file.lock().unwrap();
    let before = fs::read(&f.path).unwrap();
    let result = vault.write(|tx| tx.execute("INSERT INTO note(text) VALUES ('x')", []).map_err(VaultError::from));
    assert!(matches!(result, Err(VaultError::InUse)));
    assert_eq!(fs::read(&f.path).unwrap(), before);
    lock_file.unlock().unwrap();
    add_note(&mut vault, "after the other finished");
}

#[test]
fn removing_a_slot_rotates_the_key_so_its_holder_is_shut_out_of_later_saves() {
    let f = fixture();
    let mut anna = open(&f.path, "first password").unwrap();
    anna.set_password("bob", &password("bob password"), KdfParams::INSECURE_FAST, &mut OsRng).unwrap();
    let mut bob = Vault::open(&f.path, Unlock::Password { login: "bob", password: &password("bob password") }).unwrap();
    assert_eq!(notes(&bob), vec![MARKER.to_owned()]);

    anna.remove_password_slot("bob", &mut OsRng).unwrap();
    add_note(&mut anna, "after bob left");
    // Bob's open copy holds the old data key and his old slot secret: neither opens the new file.
    assert!(matches!(bob.refresh(), Err(VaultError::AccessRevoked)));
    let reopened = Vault::open(&f.path, Unlock::Password { login: "bob", password: &password("bob password") });
    assert!(matches!(reopened, Err(VaultError::UnknownLogin { .. })));
    assert_eq!(anna.logins().collect::<Vec<_>>(), vec![LOGIN]);
}

#[test]
fn the_remaining_people_keep_working_through_a_rotation_made_by_someone_else() {
    let f = fixture();
    let mut anna = open(&f.path, "first password").unwrap();
    anna.set_password("bob", &password("bob password"), KdfParams::INSECURE_FAST, &mut OsRng).unwrap();
    anna.set_password("cara", &password("cara password"), KdfParams::INSECURE_FAST, &mut OsRng).unwrap();
    let mut cara =
        Vault::open(&f.path, Unlock::Password { login: "cara", password: &password("cara password") }).unwrap();
    anna.remove_password_slot("bob", &mut OsRng).unwrap();
    add_note(&mut cara, "cara after the rotation");
    assert_eq!(notes(&cara), vec![MARKER, "cara after the rotation"]);
    assert!(anna.refresh().unwrap());
    assert_eq!(notes(&anna), notes(&cara));
}

#[test]
fn a_password_reset_by_someone_else_shuts_out_the_old_password_and_its_open_copy() {
    let f = fixture();
    let mut anna = open(&f.path, "first password").unwrap();
    anna.set_password("bob", &password("bob password"), KdfParams::INSECURE_FAST, &mut OsRng).unwrap();
    let mut bob = Vault::open(&f.path, Unlock::Password { login: "bob", password: &password("bob password") }).unwrap();
    anna.set_password("bob", &password("one-time"), KdfParams::INSECURE_FAST, &mut OsRng).unwrap();
    assert!(matches!(bob.refresh(), Err(VaultError::AccessRevoked)));
    let old = Vault::open(&f.path, Unlock::Password { login: "bob", password: &password("bob password") });
    assert!(matches!(old, Err(VaultError::WrongPassword)));
    Vault::open(&f.path, Unlock::Password { login: "bob", password: &password("one-time") }).unwrap();
}

#[test]
fn changing_ones_own_password_keeps_the_open_vault_working() {
    let f = fixture();
    let mut anna = open(&f.path, "first password").unwrap();
    anna.set_password(LOGIN, &password("renewed"), KdfParams::INSECURE_FAST, &mut OsRng).unwrap();
    let mut other = open(&f.path, "renewed").unwrap();
    other.set_password("bob", &password("bob"), KdfParams::INSECURE_FAST, &mut OsRng).unwrap();
    add_note(&mut anna, "still here");
    assert_eq!(notes(&anna), vec![MARKER, "still here"]);
    assert!(matches!(open(&f.path, "first password"), Err(VaultError::WrongPassword)));
}

#[test]
fn a_regenerated_recovery_key_replaces_the_old_one() {
    let f = fixture();
    let mut anna = open(&f.path, "first password").unwrap();
    let new_key = anna.regenerate_recovery_key(KdfParams::INSECURE_FAST, &mut OsRng).unwrap();
    assert!(matches!(Vault::open(&f.path, Unlock::RecoveryKey(&f.recovery)), Err(VaultError::WrongRecoveryKey)));
    let by_new = Vault::open(&f.path, Unlock::RecoveryKey(&new_key)).unwrap();
    assert_eq!(notes(&by_new), vec![MARKER.to_owned()]);
}

#[test]
fn the_day_s_first_save_backs_up_the_previous_file() {
    use custodian_vault::{BackupPolicy, list_backups};
    let f = fixture();
    let before = fs::read(&f.path).unwrap();
    let mut vault = open(&f.path, "first password").unwrap();
    let folder = f.path.parent().unwrap().join("backups");
    vault.set_backups(BackupPolicy {
        folder: folder.clone(),
        keep: 30,
        today: std::sync::Arc::new(|| time::macros::date!(2026 - 11 - 25)),
    });
    add_note(&mut vault, "one");
    add_note(&mut vault, "two");
    let backups = list_backups(&f.path, &folder).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].date, time::macros::date!(2026 - 11 - 25));
    assert_eq!(
        fs::read(&backups[0].path).unwrap(),
        before,
        "the backup is the vault as it was before the day's first save"
    );
    let restored =
        Vault::open(&backups[0].path, Unlock::Password { login: LOGIN, password: &password("first password") });
    assert_eq!(notes(&restored.unwrap()), vec![MARKER.to_owned()]);
}
