//! Integration tests of the practice operations through core's public API.

use std::fs;
use std::path::PathBuf;

use custodian_core::secrecy::SecretString;
use custodian_core::{CoreError, Field, KdfParams, NewPractice, VaultError, create_practice, demo, recover, sign_in};
use rand_core::OsRng;
use time::macros::datetime;

const PASSWORD: &str = "pebble violin harbour 7";

fn secret(text: &str) -> SecretString {
    SecretString::from(text.to_owned())
}

struct Practice {
    _dir: tempfile::TempDir,
    path: PathBuf,
    recovery_key: String,
}

fn new_practice<'a>(password: &'a SecretString) -> NewPractice<'a> {
    NewPractice {
        practice_name: "Riverside Surgery",
        ods_code: "b86001",
        full_name: "Siobhán O'Brien",
        login: "S.OBrien",
        password,
    }
}

fn created() -> Practice {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("riverside.custodian");
    let password = secret(PASSWORD);
    let (session, recovery) = create_practice(
        &path,
        &new_practice(&password),
        KdfParams::INSECURE_FAST,
        datetime!(2026-11-25 9:00 UTC),
        &mut OsRng,
    )
    .unwrap();
    assert_eq!(session.person().login.as_str(), "s.obrien");
    Practice { _dir: dir, path, recovery_key: recovery.display().to_string() }
}

fn fields(error: CoreError) -> Vec<Field> {
    match error {
        CoreError::Invalid(problems) => problems.into_iter().map(|p| p.field).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn a_created_practice_can_be_signed_in_to_and_summarised() {
    let p = created();
    let session = sign_in(&p.path, "s.obrien", &secret(PASSWORD)).unwrap();
    assert_eq!(session.person().full_name.as_str(), "Siobhán O'Brien");
    let summary = session.summary().unwrap();
    assert_eq!(summary.practice.name.as_str(), "Riverside Surgery");
    assert_eq!(summary.practice.ods_code.as_str(), "B86001");
    assert_eq!(summary.people, 1);
    assert_eq!(summary.to_string(), "Riverside Surgery (B86001): 1 person, vault format 1, schema 1");
}

#[test]
fn login_is_matched_whatever_its_case() {
    let p = created();
    assert!(sign_in(&p.path, " S.OBRIEN ", &secret(PASSWORD)).is_ok());
}

#[test]
fn every_invalid_field_is_reported_at_once_and_no_file_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.custodian");
    let weak = secret("password1");
    let form = NewPractice { practice_name: " ", ods_code: "B8", full_name: "", login: "9lives", password: &weak };
    let error = create_practice(&path, &form, KdfParams::INSECURE_FAST, datetime!(2026-11-25 9:00 UTC), &mut OsRng)
        .unwrap_err();
    assert_eq!(
        fields(error),
        vec![Field::PracticeName, Field::OdsCode, Field::FullName, Field::Login, Field::Password]
    );
    assert!(!path.exists());
}

#[test]
fn a_weak_password_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.custodian");
    let weak = secret("riverside2026");
    let error = create_practice(
        &path,
        &new_practice(&weak),
        KdfParams::INSECURE_FAST,
        datetime!(2026-11-25 9:00 UTC),
        &mut OsRng,
    )
    .unwrap_err();
    match error {
        CoreError::Invalid(problems) => {
            assert_eq!(problems.len(), 1);
            assert_eq!(problems[0].field, Field::Password);
            assert!(problems[0].message.len() > 10, "the reason is given: {}", problems[0].message);
        }
        other => panic!("{other:?}"),
    }
    assert!(!path.exists());
}

#[test]
fn creating_over_an_existing_vault_is_refused_and_it_is_untouched() {
    let p = created();
    let before = fs::read(&p.path).unwrap();
    let password = secret(PASSWORD);
    let error = create_practice(
        &p.path,
        &new_practice(&password),
        KdfParams::INSECURE_FAST,
        datetime!(2026-11-25 9:00 UTC),
        &mut OsRng,
    )
    .unwrap_err();
    assert_eq!(fields(error), vec![Field::VaultPath]);
    assert_eq!(fs::read(&p.path).unwrap(), before);
}

#[test]
fn wrong_password_and_unknown_login_are_told_apart_and_change_nothing() {
    let p = created();
    let before = fs::read(&p.path).unwrap();
    assert!(matches!(sign_in(&p.path, "s.obrien", &secret("nope")), Err(CoreError::Vault(VaultError::WrongPassword))));
    assert!(matches!(
        sign_in(&p.path, "someone", &secret(PASSWORD)),
        Err(CoreError::Vault(VaultError::UnknownLogin { .. }))
    ));
    assert!(matches!(
        sign_in(&p.path, "not a login!", &secret(PASSWORD)),
        Err(CoreError::Vault(VaultError::UnknownLogin { .. }))
    ));
    assert_eq!(fs::read(&p.path).unwrap(), before);
}

#[test]
fn the_recovery_key_lets_a_person_set_a_new_password() {
    let p = created();
    let reset = recover(&p.path, "s.obrien", &p.recovery_key.to_lowercase()).unwrap();
    assert_eq!(reset.person().full_name.as_str(), "Siobhán O'Brien");
    let refused = *reset.set_new_password(&secret("short"), KdfParams::INSECURE_FAST, &mut OsRng).unwrap_err();
    let reset = refused.reset;
    assert_eq!(fields(refused.error), vec![Field::Password]);
    let session =
        reset.set_new_password(&secret("marble tunnel gecko 19"), KdfParams::INSECURE_FAST, &mut OsRng).unwrap();
    assert_eq!(session.person().login.as_str(), "s.obrien");
    drop(session);
    assert!(matches!(
        sign_in(&p.path, "s.obrien", &secret(PASSWORD)),
        Err(CoreError::Vault(VaultError::WrongPassword))
    ));
    sign_in(&p.path, "s.obrien", &secret("marble tunnel gecko 19")).unwrap();
}

#[test]
fn a_mistyped_or_foreign_recovery_key_is_refused() {
    let p = created();
    let mut typo = p.recovery_key.clone().into_bytes();
    typo[0] = if typo[0] == b'A' { b'B' } else { b'A' };
    let typo = String::from_utf8(typo).unwrap();
    assert!(matches!(
        recover(&p.path, "s.obrien", &typo),
        Err(CoreError::Vault(VaultError::MalformedRecoveryKey { .. }))
    ));
    let other = created();
    assert!(matches!(
        recover(&p.path, "s.obrien", &other.recovery_key),
        Err(CoreError::Vault(VaultError::WrongRecoveryKey))
    ));
    assert!(matches!(
        recover(&p.path, "nobody", &p.recovery_key),
        Err(CoreError::Vault(VaultError::UnknownLogin { .. }))
    ));
}

#[test]
fn idle_lock_time_defaults_to_five_minutes_and_is_kept() {
    let p = created();
    let mut session = sign_in(&p.path, "s.obrien", &secret(PASSWORD)).unwrap();
    assert_eq!(session.idle_lock_minutes().unwrap(), 5);
    session.set_idle_lock_minutes(12).unwrap();
    assert_eq!(fields(session.set_idle_lock_minutes(0).unwrap_err()), vec![Field::IdleLockMinutes]);
    assert_eq!(fields(session.set_idle_lock_minutes(61).unwrap_err()), vec![Field::IdleLockMinutes]);
    drop(session);
    let session = sign_in(&p.path, "s.obrien", &secret(PASSWORD)).unwrap();
    assert_eq!(session.idle_lock_minutes().unwrap(), 12);
}

#[test]
fn the_demo_practice_opens_with_its_documented_login() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.custodian");
    demo::create_demo(&path, KdfParams::INSECURE_FAST, datetime!(2026-11-25 9:00 UTC), &mut OsRng).unwrap();
    let session = sign_in(&path, demo::DEMO_LOGIN, &secret(demo::DEMO_PASSWORD)).unwrap();
    assert_eq!(session.practice().unwrap().name.as_str(), demo::DEMO_PRACTICE_NAME);
}
