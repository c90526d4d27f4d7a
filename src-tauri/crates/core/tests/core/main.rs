//! Integration tests of the practice operations through core's public API.

mod byod;
mod dashboard;
mod devices;
mod incidents;
mod policies;

use std::fs;
use std::path::PathBuf;

use custodian_core::secrecy::SecretString;
use custodian_core::{
    AuditFilter, CoreError, Field, KdfParams, NewPractice, PersonForm, PersonStatus, Role, Session, VaultError,
    create_practice, demo, inspect_backup, list_backups, newest_backup_that_opens, recover, restore_backup, sign_in,
};
use rand_core::OsRng;
use time::macros::datetime;

pub(crate) const PASSWORD: &str = "pebble violin harbour 7";
const NOW: time::OffsetDateTime = datetime!(2026-11-25 9:00 UTC);

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
    let session = sign_in(&p.path, "s.obrien", &secret(PASSWORD), NOW).unwrap();
    assert_eq!(session.person().full_name.as_str(), "Siobhán O'Brien");
    let summary = session.summary().unwrap();
    assert_eq!(summary.practice.name.as_str(), "Riverside Surgery");
    assert_eq!(summary.practice.ods_code.as_str(), "B86001");
    assert_eq!(summary.people, 1);
    assert_eq!(summary.to_string(), "Riverside Surgery (B86001): 1 person, vault format 1, schema 7");
}

#[test]
fn login_is_matched_whatever_its_case() {
    let p = created();
    assert!(sign_in(&p.path, " S.OBRIEN ", &secret(PASSWORD), NOW).is_ok());
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
    assert!(matches!(
        sign_in(&p.path, "s.obrien", &secret("nope"), NOW),
        Err(CoreError::Vault(VaultError::WrongPassword))
    ));
    assert!(matches!(
        sign_in(&p.path, "someone", &secret(PASSWORD), NOW),
        Err(CoreError::Vault(VaultError::UnknownLogin { .. }))
    ));
    assert!(matches!(
        sign_in(&p.path, "not a login!", &secret(PASSWORD), NOW),
        Err(CoreError::Vault(VaultError::UnknownLogin { .. }))
    ));
    assert_eq!(fs::read(&p.path).unwrap(), before);
}

#[test]
fn the_recovery_key_lets_a_person_set_a_new_password() {
    let p = created();
    let reset = recover(&p.path, "s.obrien", &p.recovery_key.to_lowercase(), NOW).unwrap();
    assert_eq!(reset.person().full_name.as_str(), "Siobhán O'Brien");
    let refused = *reset.set_new_password(&secret("short"), KdfParams::INSECURE_FAST, NOW, &mut OsRng).unwrap_err();
    let reset = refused.reset;
    assert_eq!(fields(refused.error), vec![Field::Password]);
    let session =
        reset.set_new_password(&secret("marble tunnel gecko 19"), KdfParams::INSECURE_FAST, NOW, &mut OsRng).unwrap();
    assert_eq!(session.person().login.as_str(), "s.obrien");
    drop(session);
    assert!(matches!(
        sign_in(&p.path, "s.obrien", &secret(PASSWORD), NOW),
        Err(CoreError::Vault(VaultError::WrongPassword))
    ));
    sign_in(&p.path, "s.obrien", &secret("marble tunnel gecko 19"), NOW).unwrap();
}

#[test]
fn a_mistyped_or_foreign_recovery_key_is_refused() {
    let p = created();
    let mut typo = p.recovery_key.clone().into_bytes();
    typo[0] = if typo[0] == b'A' { b'B' } else { b'A' };
    let typo = String::from_utf8(typo).unwrap();
    assert!(matches!(
        recover(&p.path, "s.obrien", &typo, NOW),
        Err(CoreError::Vault(VaultError::MalformedRecoveryKey { .. }))
    ));
    let other = created();
    assert!(matches!(
        recover(&p.path, "s.obrien", &other.recovery_key, NOW),
        Err(CoreError::Vault(VaultError::WrongRecoveryKey))
    ));
    assert!(matches!(
        recover(&p.path, "nobody", &p.recovery_key, NOW),
        Err(CoreError::Vault(VaultError::UnknownLogin { .. }))
    ));
}

#[test]
fn idle_lock_time_defaults_to_five_minutes_and_is_kept() {
    let p = created();
    let mut session = sign_in(&p.path, "s.obrien", &secret(PASSWORD), NOW).unwrap();
    assert_eq!(session.idle_lock_minutes().unwrap(), 5);
    session.set_idle_lock_minutes(12, NOW).unwrap();
    assert_eq!(fields(session.set_idle_lock_minutes(0, NOW).unwrap_err()), vec![Field::IdleLockMinutes]);
    assert_eq!(fields(session.set_idle_lock_minutes(61, NOW).unwrap_err()), vec![Field::IdleLockMinutes]);
    drop(session);
    let session = sign_in(&p.path, "s.obrien", &secret(PASSWORD), NOW).unwrap();
    assert_eq!(session.idle_lock_minutes().unwrap(), 12);
}

#[test]
fn the_demo_practice_opens_with_its_documented_login() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.custodian");
    demo::create_demo(&path, 1, NOW, &mut OsRng).unwrap();
    let session = sign_in(&path, demo::DEMO_LOGIN, &secret(demo::DEMO_PASSWORD), NOW).unwrap();
    assert_eq!(session.practice().unwrap().name.as_str(), demo::DEMO_PRACTICE_NAME);
    let people = session.people(NOW).unwrap();
    assert_eq!(people.len(), demo::DEMO_PEOPLE);
    for role in Role::ALL {
        assert!(people.iter().any(|p| p.has(role) && p.leaving_date.is_none()), "someone holds {role:?}");
    }
    let left = people.iter().filter(|p| matches!(p.status(NOW.date()), PersonStatus::Left(_))).count();
    assert!(left >= 5, "the demo has leavers ({left})");
    assert!(people.iter().all(|p| p.access_removed == matches!(p.status(NOW.date()), PersonStatus::Left(_))));
    let report = session.verify_audit_chain().unwrap();
    assert!(report.is_intact());
    assert!(report.entries > 300, "ten years of audit trail ({} entries)", report.entries);
    for (login, _, _, role) in demo::DEMO_ROLE_LOGINS {
        let them = sign_in(&path, login, &secret(demo::DEMO_PASSWORD), NOW).unwrap();
        assert!(them.own_record().unwrap().has(role));
    }
    policies::the_demo_has_ten_years_of_policies_and_acknowledgements(&session);
    devices::the_demo_has_a_device_register(&session);
    incidents::the_demo_has_ten_years_of_incidents(&session);
}

// --- the staff register, roles and the audit trail ---

fn manager(p: &Practice) -> Session {
    sign_in(&p.path, "s.obrien", &secret(PASSWORD), NOW).unwrap()
}

fn staff_form<'a>(name: &'a str, login: &'a str, roles: &'a [Role]) -> PersonForm<'a> {
    PersonForm {
        full_name: name,
        login,
        job_title: "Receptionist",
        roles,
        start_date: "2026-11-01",
        ..Default::default()
    }
}

/// Adds a person and makes them choose their own password, returning it.
fn add_and_activate(p: &Practice, name: &str, login: &str, roles: &[Role]) -> String {
    let mut pm = manager(p);
    let (_, one_time) =
        pm.add_person(&staff_form(name, login, roles), KdfParams::INSECURE_FAST, NOW, &mut OsRng).unwrap();
    drop(pm);
    let mut them = sign_in(&p.path, login, one_time.secret(), NOW).unwrap();
    let own = format!("{login} walnut ferry candle");
    them.choose_own_password(&secret(&own), KdfParams::INSECURE_FAST, NOW, &mut OsRng).unwrap();
    own
}

#[test]
fn a_new_person_signs_in_with_a_one_time_password_and_must_choose_their_own() {
    let p = created();
    let mut pm = manager(&p);
    let (record, one_time) = pm
        .add_person(&staff_form("Jordan Ellis", "jellis", &[Role::Staff]), KdfParams::INSECURE_FAST, NOW, &mut OsRng)
        .unwrap();
    assert!(record.must_change_password);
    drop(pm);
    let mut jordan = sign_in(&p.path, "jellis", one_time.secret(), NOW).unwrap();
    assert!(jordan.must_change_password().unwrap());
    assert!(matches!(jordan.people(NOW), Err(CoreError::PasswordChangeRequired)));
    let weak = jordan.choose_own_password(&secret("jellis123"), KdfParams::INSECURE_FAST, NOW, &mut OsRng);
    assert_eq!(fields(weak.unwrap_err()), vec![Field::Password]);
    jordan.choose_own_password(&secret("otter violet marble 3"), KdfParams::INSECURE_FAST, NOW, &mut OsRng).unwrap();
    assert!(!jordan.must_change_password().unwrap());
    drop(jordan);
    assert!(matches!(
        sign_in(&p.path, "jellis", one_time.secret(), NOW),
        Err(CoreError::Vault(VaultError::WrongPassword))
    ));
    let jordan = sign_in(&p.path, "jellis", &secret("otter violet marble 3"), NOW).unwrap();
    assert_eq!(jordan.people(NOW).unwrap().len(), 1, "staff see only themselves");
}

#[test]
fn staff_calling_a_managers_operation_directly_are_forbidden_and_nothing_changes() {
    let p = created();
    let own = add_and_activate(&p, "Jordan Ellis", "jellis", &[Role::Staff]);
    let mut jordan = sign_in(&p.path, "jellis", &secret(&own), NOW).unwrap();
    let before = fs::read(&p.path).unwrap();
    let result = jordan.add_person(
        &staff_form("Eve Intruder", "eve", &[Role::PracticeManager]),
        KdfParams::INSECURE_FAST,
        NOW,
        &mut OsRng,
    );
    assert!(matches!(result, Err(CoreError::Forbidden { .. })), "{result:?}");
    assert!(matches!(jordan.set_idle_lock_minutes(30, NOW), Err(CoreError::Forbidden { .. })));
    assert!(matches!(jordan.audit_log(&AuditFilter::default(), None, 10, NOW), Err(CoreError::Forbidden { .. })));
    assert!(matches!(
        jordan.reset_password(1, KdfParams::INSECURE_FAST, NOW, &mut OsRng),
        Err(CoreError::Forbidden { .. })
    ));
    assert_eq!(fs::read(&p.path).unwrap(), before);
}

#[test]
fn bad_register_input_is_refused_field_by_field_and_changes_nothing() {
    let p = created();
    let mut pm = manager(&p);
    let before = fs::read(&p.path).unwrap();
    let form = PersonForm {
        full_name: "",
        login: "s.obrien",
        job_title: "x",
        email: "not-an-email",
        roles: &[],
        start_date: "2026-02-30",
        leaving_date: "",
    };
    let error = pm.add_person(&form, KdfParams::INSECURE_FAST, NOW, &mut OsRng).unwrap_err();
    assert_eq!(fields(error), vec![Field::FullName, Field::Email, Field::Roles, Field::StartDate, Field::Login]);
    let backwards = PersonForm { leaving_date: "2026-10-01", ..staff_form("Kim Lee", "klee", &[Role::Staff]) };
    assert_eq!(
        fields(pm.add_person(&backwards, KdfParams::INSECURE_FAST, NOW, &mut OsRng).unwrap_err()),
        vec![Field::LeavingDate]
    );
    assert_eq!(fs::read(&p.path).unwrap(), before);
}

#[test]
fn the_last_practice_manager_stays_and_nobody_changes_their_own_roles() {
    let p = created();
    let mut pm = manager(&p);
    let me = pm.person().id;
    let demote = PersonForm {
        full_name: "Siobhán O'Brien",
        job_title: "Practice manager",
        roles: &[Role::Staff],
        start_date: "2026-11-25",
        ..Default::default()
    };
    assert_eq!(fields(pm.update_person(me, &demote, NOW, &mut OsRng).unwrap_err()), vec![Field::Roles]);

    let (other, _) = pm
        .add_person(&staff_form("Dana Cole", "dcole", &[Role::Staff]), KdfParams::INSECURE_FAST, NOW, &mut OsRng)
        .unwrap();
    let leave_me =
        PersonForm { roles: &[Role::PracticeManager, Role::Staff], leaving_date: "2026-12-31", ..demote.clone() };
    assert!(matches!(pm.update_person(me, &leave_me, NOW, &mut OsRng), Err(CoreError::Refused(_))));
    // Once Dana is also a practice manager, she could record Siobhán's leaving.
    let promote = PersonForm { roles: &[Role::PracticeManager, Role::Staff], ..staff_form("Dana Cole", "dcole", &[]) };
    let dana = pm.update_person(other.id, &promote, NOW, &mut OsRng).unwrap();
    assert!(dana.has(Role::PracticeManager));
    pm.update_person(me, &leave_me, NOW, &mut OsRng).unwrap();
}

#[test]
fn a_leaver_cannot_sign_in_after_their_last_day_and_their_key_is_gone() {
    let p = created();
    let own = add_and_activate(&p, "Lee Parker", "lparker", &[Role::Staff]);
    let mut pm = manager(&p);
    let lee = pm.people(NOW).unwrap().into_iter().find(|r| r.login == "lparker").unwrap();
    let leaving = PersonForm { leaving_date: "2026-11-30", ..staff_form("Lee Parker", "lparker", &[Role::Staff]) };
    let updated = pm.update_person(lee.id, &leaving, NOW, &mut OsRng).unwrap();
    assert_eq!(updated.status(NOW.date()), PersonStatus::Leaving(time::macros::date!(2026 - 11 - 30)));
    drop(pm);

    // Still here on their last day.
    sign_in(&p.path, "lparker", &secret(&own), NOW).unwrap();
    // The day after, refused with the reason; and the next sign-in by anyone removes the key slot.
    let later = datetime!(2026-12-01 9:00 UTC);
    assert!(matches!(sign_in(&p.path, "lparker", &secret(&own), later), Err(CoreError::AccessEnded { .. })));
    let pm = sign_in(&p.path, "s.obrien", &secret(PASSWORD), later).unwrap();
    assert!(pm.people(later).unwrap().iter().any(|r| r.login == "lparker" && r.access_removed));
    drop(pm);
    assert!(matches!(
        sign_in(&p.path, "lparker", &secret(&own), later),
        Err(CoreError::Vault(VaultError::UnknownLogin { .. }))
    ));
}

#[test]
fn recording_a_past_leaving_date_removes_access_at_once() {
    let p = created();
    let own = add_and_activate(&p, "Ash Khan", "akhan", &[Role::Staff]);
    let mut pm = manager(&p);
    let ash = pm.people(NOW).unwrap().into_iter().find(|r| r.login == "akhan").unwrap();
    let gone = PersonForm { leaving_date: "2026-11-20", ..staff_form("Ash Khan", "akhan", &[Role::Staff]) };
    assert!(pm.update_person(ash.id, &gone, NOW, &mut OsRng).unwrap().access_removed);
    assert!(matches!(
        sign_in(&p.path, "akhan", &secret(&own), NOW),
        Err(CoreError::Vault(VaultError::UnknownLogin { .. }))
    ));
}

#[test]
fn a_manager_resets_a_forgotten_password_and_the_old_one_stops_working() {
    let p = created();
    let own = add_and_activate(&p, "Mo Farah", "mfarah", &[Role::Staff]);
    let mut pm = manager(&p);
    let mo = pm.people(NOW).unwrap().into_iter().find(|r| r.login == "mfarah").unwrap();
    let one_time = pm.reset_password(mo.id, KdfParams::INSECURE_FAST, NOW, &mut OsRng).unwrap();
    assert!(matches!(
        pm.reset_password(pm.person().id, KdfParams::INSECURE_FAST, NOW, &mut OsRng),
        Err(CoreError::Refused(_))
    ));
    drop(pm);
    assert!(matches!(sign_in(&p.path, "mfarah", &secret(&own), NOW), Err(CoreError::Vault(VaultError::WrongPassword))));
    let mo = sign_in(&p.path, "mfarah", one_time.secret(), NOW).unwrap();
    assert!(mo.must_change_password().unwrap());
}

#[test]
fn changing_ones_password_needs_the_current_one() {
    let p = created();
    let mut pm = manager(&p);
    let wrong = pm.change_password(
        &secret("guess"),
        &secret("lemon quartz ferry 88"),
        KdfParams::INSECURE_FAST,
        NOW,
        &mut OsRng,
    );
    assert_eq!(fields(wrong.unwrap_err()), vec![Field::CurrentPassword]);
    pm.change_password(&secret(PASSWORD), &secret("lemon quartz ferry 88"), KdfParams::INSECURE_FAST, NOW, &mut OsRng)
        .unwrap();
    drop(pm);
    sign_in(&p.path, "s.obrien", &secret("lemon quartz ferry 88"), NOW).unwrap();
}

#[test]
fn a_regenerated_recovery_key_works_and_the_old_one_does_not() {
    let p = created();
    let mut pm = manager(&p);
    let new_key = pm.regenerate_recovery_key(&secret(PASSWORD), KdfParams::INSECURE_FAST, NOW, &mut OsRng).unwrap();
    drop(pm);
    assert!(matches!(
        recover(&p.path, "s.obrien", &p.recovery_key, NOW),
        Err(CoreError::Vault(VaultError::WrongRecoveryKey))
    ));
    recover(&p.path, "s.obrien", &new_key.display(), NOW).unwrap();
}

#[test]
fn every_change_is_in_the_audit_chain_and_tampering_is_found() {
    let p = created();
    add_and_activate(&p, "Jordan Ellis", "jellis", &[Role::Staff]);
    let mut pm = manager(&p);
    pm.set_idle_lock_minutes(9, NOW).unwrap();
    let page = pm.audit_log(&AuditFilter::default(), None, 50, NOW).unwrap();
    let actions: Vec<&str> = page.entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        vec!["setting.change", "person.change_password", "person.add", "person.add", "practice.create"]
    );
    assert_eq!(page.entries[0].summary, "screen lock after inactivity: 5 → 9 minutes");
    assert_eq!(page.entries[1].actor_login, "jellis");
    let mine = AuditFilter { actor_login: Some("jellis".into()), ..Default::default() };
    assert_eq!(pm.audit_log(&mine, None, 50, NOW).unwrap().entries.len(), 1);
    assert!(pm.verify_audit_chain().unwrap().is_intact());
}

#[test]
fn backups_are_listed_inspected_and_restored_without_losing_the_replaced_file() {
    let p = created();
    let mut pm = manager(&p);
    pm.set_idle_lock_minutes(7, NOW).unwrap(); // the day's first save backs up the vault as created
    pm.set_idle_lock_minutes(8, NOW).unwrap();
    drop(pm);
    let backups = list_backups(&p.path, None).unwrap();
    assert_eq!(backups.len(), 1);
    let summary = inspect_backup(&backups[0], "s.obrien", &secret(PASSWORD)).unwrap();
    assert_eq!(summary.practice.name.as_str(), "Riverside Surgery");
    assert_eq!(summary.last_change.as_ref().unwrap().action, "person.add");

    // The vault is damaged: it is refused, and the newest backup that opens is offered.
    let mut bytes = fs::read(&p.path).unwrap();
    let at = bytes.len() - 10;
    bytes[at] ^= 0xff;
    fs::write(&p.path, &bytes).unwrap();
    assert!(matches!(
        sign_in(&p.path, "s.obrien", &secret(PASSWORD), NOW),
        Err(CoreError::Vault(VaultError::Tampered))
    ));
    assert_eq!(fs::read(&p.path).unwrap(), bytes, "the damaged vault is not overwritten by trying");
    let offered = newest_backup_that_opens(&p.path, None, "s.obrien", &secret(PASSWORD)).unwrap().unwrap();
    assert_eq!(offered.backup, backups[0]);

    let session = restore_backup(&p.path, &offered.backup, "s.obrien", &secret(PASSWORD), NOW, &mut OsRng).unwrap();
    assert_eq!(session.idle_lock_minutes().unwrap(), 5, "the restored state is the backup's");
    let last = session.audit_log(&AuditFilter::default(), None, 1, NOW).unwrap().entries.remove(0);
    assert_eq!(last.action, "vault.restore");
    let kept = fs::read_dir(p.path.parent().unwrap().join("backups"))
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().contains(".replaced-"))
        .expect("the replaced file is kept");
    assert_eq!(fs::read(kept.path()).unwrap(), bytes);
}

#[test]
fn only_a_practice_manager_restores_a_backup() {
    let p = created();
    let own = add_and_activate(&p, "Jordan Ellis", "jellis", &[Role::Staff]);
    // An older backup that already knew Jordan.
    let folder = p.path.parent().unwrap().join("backups");
    fs::copy(&p.path, folder.join("riverside.2026-01-01.custodian")).unwrap();
    let backup = list_backups(&p.path, None)
        .unwrap()
        .into_iter()
        .find(|b| b.date == time::macros::date!(2026 - 01 - 01))
        .unwrap();
    assert!(matches!(inspect_backup(&backup, "jellis", &secret(&own)), Err(CoreError::Forbidden { .. })));
    let before = fs::read(&p.path).unwrap();
    let refused = restore_backup(&p.path, &backup, "jellis", &secret(&own), NOW, &mut OsRng);
    assert!(matches!(refused, Err(CoreError::Forbidden { .. })));
    assert_eq!(fs::read(&p.path).unwrap(), before);
}

// --- evidence packs ---

#[test]
fn a_pack_is_signed_by_the_practice_and_recorded_in_the_audit_trail() {
    use custodian_core::{PackScope, verify_pack};
    let p = created();
    let mut pm = manager(&p);
    let certificate = pm.certificate(NOW, &mut OsRng).unwrap();
    assert!(certificate.subject.contains("CN=Riverside Surgery"), "{}", certificate.subject);
    assert!(certificate.subject.contains("OU=ODS B86001"), "{}", certificate.subject);

    let pack = pm.create_pack(PackScope::WholePractice, "2026-04-01", "2027-03-31", NOW, &mut OsRng).unwrap();
    assert_eq!(pack.file_name, "riverside-surgery-evidence-all-2026-04-01-to-2027-03-31.pdf");
    let checked = verify_pack(&pack.pdf).unwrap();
    assert!(checked.intact && checked.covers_whole_file);
    assert_eq!(checked.certificate_fingerprint, certificate.fingerprint);

    let last = pm.audit_log(&AuditFilter::default(), None, 1, NOW).unwrap().entries.remove(0);
    assert_eq!(last.action, "pack.create");
    assert!(last.summary.ends_with(&pack.sha256), "{}", last.summary);

    let mut tampered = pack.pdf.clone();
    tampered[100] ^= 0x01;
    assert!(!verify_pack(&tampered).unwrap().intact);
}

#[test]
fn a_pack_needs_a_sound_period_and_a_role_that_may_make_one() {
    use custodian_core::PackScope;
    let p = created();
    let mut pm = manager(&p);
    let backwards = pm.create_pack(PackScope::People, "2026-04-01", "2026-03-31", NOW, &mut OsRng).unwrap_err();
    assert_eq!(fields(backwards), vec![Field::PeriodTo]);
    let nonsense = pm.create_pack(PackScope::People, "soon", "2026-13-01", NOW, &mut OsRng).unwrap_err();
    assert_eq!(fields(nonsense), vec![Field::PeriodFrom, Field::PeriodTo]);
    drop(pm);
    let own = add_and_activate(&p, "Jordan Ellis", "jellis", &[Role::Staff]);
    let mut jordan = sign_in(&p.path, "jellis", &secret(&own), NOW).unwrap();
    let refused = jordan.create_pack(PackScope::WholePractice, "2026-04-01", "2027-03-31", NOW, &mut OsRng);
    assert!(matches!(refused, Err(CoreError::Forbidden { .. })));
}

#[test]
fn a_certificate_issued_elsewhere_is_imported_from_pkcs12_and_signs_later_packs() {
    use custodian_core::{PackScope, verify_pack};
    use custodian_pdf::SigningIdentity;
    use p12_keystore::{Certificate, KeyStore, KeyStoreEntry, LocalKeyId, PrivateKey, PrivateKeyChain};

    let issued =
        SigningIdentity::generate("Riverside Surgery", "NHS Example Trust", Some("ODS B86001"), NOW, 2, &mut OsRng)
            .unwrap();
    let chain = PrivateKeyChain::new(
        LocalKeyId(vec![1]),
        PrivateKey::from_der(&issued.private_key_pkcs8_der()).unwrap(),
        [Certificate::from_der(&issued.certificate_der()).unwrap()],
    );
    let mut store = KeyStore::new();
    store.add_entry("practice", KeyStoreEntry::PrivateKeyChain(chain));
    let p12 = store.writer("file password").write().unwrap();

    let p = created();
    let mut pm = manager(&p);
    let before = pm.certificate(NOW, &mut OsRng).unwrap();
    let wrong = pm.import_certificate(&p12, &secret("not it"), &secret(PASSWORD), NOW);
    assert_eq!(fields(wrong.unwrap_err()), vec![Field::Pkcs12File]);
    let not_p12 = pm.import_certificate(b"hello", &secret("file password"), &secret(PASSWORD), NOW);
    assert_eq!(fields(not_p12.unwrap_err()), vec![Field::Pkcs12File]);
    assert_eq!(pm.certificate(NOW, &mut OsRng).unwrap(), before, "refused imports change nothing");

    let imported = pm.import_certificate(&p12, &secret("file password"), &secret(PASSWORD), NOW).unwrap();
    assert_eq!(imported.fingerprint, issued.fingerprint_sha256());
    assert!(imported.subject.contains("O=NHS Example Trust"), "{}", imported.subject);
    let pack = pm.create_pack(PackScope::People, "2026-01-01", "2026-12-31", NOW, &mut OsRng).unwrap();
    assert_eq!(verify_pack(&pack.pdf).unwrap().certificate_fingerprint, issued.fingerprint_sha256());
    drop(pm);

    let own = add_and_activate(&p, "Jordan Ellis", "jellis", &[Role::Staff]);
    let mut jordan = sign_in(&p.path, "jellis", &secret(&own), NOW).unwrap();
    let refused = jordan.import_certificate(&p12, &secret("file password"), &secret(&own), NOW);
    assert!(matches!(refused, Err(CoreError::Forbidden { .. })));
}
