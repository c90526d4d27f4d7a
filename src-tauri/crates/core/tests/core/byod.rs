//! BYOD new-starter checks: checklists, answers, outcomes, the SIRO's risk acceptance and the
//! notifications to the SIRO and DPO.

use custodian_core::{
    ByodCheckForm, ByodOutcome, CertificateFile, CoreError, DeviceForm, Field, ItemAnswer, ItemResult, Role, Session,
    sign_in,
};

use super::{NOW, Practice, add_and_activate, created, fields, manager, secret};

struct Team {
    p: Practice,
    siro: String,
    dpo: String,
}

fn team() -> Team {
    let p = created();
    let siro = add_and_activate(&p, "Helen Marsh", "h.marsh", &[Role::Siro, Role::Staff]);
    let dpo = add_and_activate(&p, "Sam Whitfield", "s.whitfield", &[Role::Dpo, Role::Staff]);
    add_and_activate(&p, "Jordan Ellis", "j.ellis", &[Role::Staff]);
    Team { p, siro, dpo }
}

fn phone(pm: &mut Session, tag: &str, ownership: &str) -> i64 {
    let form = DeviceForm {
        asset_tag: tag,
        kind: "phone",
        make: "Samsung",
        model: "Galaxy A54",
        ownership,
        ..Default::default()
    };
    pm.add_device(&form, NOW).unwrap().id
}

/// The team, its manager signed in, and Jordan Ellis's personal phone registered as `tag`, with
/// the keys of the phone checklist's items.
struct PhoneToCheck {
    t: Team,
    pm: Session,
    device: i64,
    jordan: i64,
    keys: Vec<String>,
}

fn phone_to_check(tag: &str) -> PhoneToCheck {
    let t = team();
    let mut pm = manager(&t.p);
    let device = phone(&mut pm, tag, "personal");
    let jordan = jordan(&pm);
    let list = pm.byod_checklists(NOW).unwrap().into_iter().find(|l| l.key == "byod-phone").unwrap();
    let keys = list.items.into_iter().map(|i| i.key).collect();
    PhoneToCheck { t, pm, device, jordan, keys }
}

/// Jordan Ellis's id: the new starter whose own devices are checked.
fn jordan(pm: &Session) -> i64 {
    pm.people(NOW).unwrap().into_iter().find(|p| p.login == "j.ellis").unwrap().id
}

/// A phone checked against the phone checklist on 24 November 2026, and refused.
fn phone_check<'a>(person_id: i64, device_id: i64, answers: Vec<ItemAnswer<'a>>) -> ByodCheckForm<'a> {
    ByodCheckForm {
        person_id,
        device_id,
        checklist_key: "byod-phone",
        checked_on: "2026-11-24",
        answers,
        outcome: "refused",
        risk: "",
    }
}

fn answers<'a>(keys: &'a [String], failing: &'a str) -> Vec<ItemAnswer<'a>> {
    keys.iter()
        .map(|key| ItemAnswer {
            item_key: key,
            result: if key == failing { "fail" } else { "pass" },
            note: if key == failing { "Two-factor not available on the staff rota app" } else { "" },
            evidence: None,
        })
        .collect()
}

#[test]
fn a_new_starters_phone_fails_an_item_the_risk_is_accepted_by_the_siro_and_the_dpo_is_told() {
    let PhoneToCheck { t, mut pm, device, jordan, keys } = phone_to_check("PH-77");
    let mut form = ByodCheckForm { outcome: "approved", ..phone_check(jordan, device, answers(&keys, "two-factor")) };
    assert_eq!(fields(pm.record_byod_check(&form, NOW).unwrap_err()), [Field::Outcome], "a fail rules out approval");
    form.outcome = "approved_with_risk";
    assert_eq!(fields(pm.record_byod_check(&form, NOW).unwrap_err()), [Field::Risk]);
    form.risk = "The rota app has no two-factor sign-in; it holds no patient data";
    let check = pm.record_byod_check(&form, NOW).unwrap();
    assert_eq!(check.outcome, ByodOutcome::ApprovedWithRisk);
    assert_eq!(check.checklist_version, "1.0");
    assert_eq!(check.items.iter().filter(|i| i.result == ItemResult::Fail).count(), 1);
    assert_eq!(check.recheck_due, Some(time::macros::date!(2027 - 11 - 24)));
    assert!(pm.notifications(NOW).unwrap().is_empty(), "the manager is not notified");
    assert_eq!(check.notified, [Role::Siro, Role::Dpo], "the check says whom it told");
    drop(pm);

    let mut dpo = sign_in(&t.p.path, "s.whitfield", &secret(&t.dpo), NOW).unwrap();
    assert_eq!(dpo.notifications(NOW).unwrap().len(), 1);
    let refused = dpo.accept_byod_risk(check.id, &secret(&t.dpo), true, NOW);
    assert!(matches!(refused, Err(CoreError::Forbidden { .. })), "only the SIRO accepts risks");
    drop(dpo);

    let mut siro = sign_in(&t.p.path, "h.marsh", &secret(&t.siro), NOW).unwrap();
    let notes = siro.notifications(NOW).unwrap();
    assert_eq!(notes.len(), 1);
    assert!(notes[0].message.contains("Jordan Ellis"), "{}", notes[0].message);
    let statement = siro.byod_risk_statement(check.id, NOW).unwrap();
    assert!(statement.contains("accept the risk of Jordan Ellis's personal"), "{statement}");
    assert_eq!(
        fields(siro.accept_byod_risk(check.id, &secret("wrong one"), true, NOW).unwrap_err()),
        [Field::CurrentPassword]
    );
    let accepted = siro.accept_byod_risk(check.id, &secret(&t.siro), true, NOW).unwrap();
    assert_eq!(accepted.risk_accepted_by.unwrap().full_name, "Helen Marsh");
    assert_eq!(accepted.notified, [Role::Siro, Role::Dpo], "each role once, though the DPO was told twice");
    siro.dismiss_notification(notes[0].id, NOW).unwrap();
    assert!(siro.notifications(NOW).unwrap().is_empty());
    drop(siro);
    let dpo = sign_in(&t.p.path, "s.whitfield", &secret(&t.dpo), NOW).unwrap();
    assert_eq!(dpo.notifications(NOW).unwrap().len(), 2, "the DPO also hears that the SIRO accepted it");
}

#[test]
fn checks_need_a_personal_device_every_answer_and_a_note_for_each_failure() {
    let t = team();
    let mut pm = manager(&t.p);
    let practice_phone = phone(&mut pm, "PH-1", "practice");
    let jordan = jordan(&pm);
    let keys: Vec<String> = vec!["no-patient-photos".into()];
    let form = ByodCheckForm {
        person_id: jordan,
        device_id: practice_phone,
        checklist_key: "byod-computer",
        checked_on: "2026-11-24",
        answers: vec![ItemAnswer { item_key: &keys[0], result: "fail", note: "", evidence: None }],
        outcome: "refused",
        risk: "",
    };
    let problems = fields(pm.record_byod_check(&form, NOW).unwrap_err());
    assert!(problems.contains(&Field::Device), "{problems:?}");
    assert!(problems.contains(&Field::Answers), "{problems:?}");
    assert!(pm.byod_checks(NOW).unwrap().is_empty());
}

#[test]
fn each_problem_with_an_answer_names_its_item() {
    let PhoneToCheck { t: _team, mut pm, device, jordan, keys } = phone_to_check("PH-8");
    let mut given = answers(&keys, "");
    given.remove(0); // The first item is not answered.
    given[0].result = "maybe";
    given[1].result = "fail"; // With no note.
    given[2].evidence = Some(CertificateFile { name: "settings.txt", bytes: b"not a picture" });
    given.push(ItemAnswer { item_key: "bluetooth", result: "pass", note: "", evidence: None });
    let form = phone_check(jordan, device, given);
    let CoreError::Invalid(problems) = pm.record_byod_check(&form, NOW).unwrap_err() else { panic!("not invalid") };
    let named: Vec<(Field, Option<&str>)> = problems.iter().map(|p| (p.field, p.item.as_deref())).collect();
    assert_eq!(
        named,
        [
            (Field::Answers, Some(keys[0].as_str())),
            (Field::Answers, Some(keys[1].as_str())),
            (Field::ItemNote, Some(keys[2].as_str())),
            (Field::Evidence, Some(keys[3].as_str())),
            (Field::Answers, None),
        ]
    );
    assert!(problems[4].message.contains("bluetooth is not an item"), "{}", problems[4].message);
    assert!(pm.byod_checks(NOW).unwrap().is_empty());
}

#[test]
fn a_practice_adds_a_checklist_item_and_old_checks_keep_the_version_they_used() {
    let PhoneToCheck { t: _team, mut pm, device, jordan, keys } = phone_to_check("PH-9");
    let form = ByodCheckForm {
        checked_on: "2026-11-20",
        outcome: "approved",
        ..phone_check(jordan, device, answers(&keys, ""))
    };
    let first = pm.record_byod_check(&form, NOW).unwrap();
    assert!(first.notified.is_empty(), "a clean approval tells no one");
    let grown = pm.add_byod_checklist_item("byod-phone", "Find My Device is switched on", NOW).unwrap();
    assert_eq!(grown.version, "1.1");
    assert_eq!(grown.items.len(), keys.len() + 1);
    let missing = pm.record_byod_check(&form, NOW).unwrap_err();
    assert!(missing.to_string().contains("Find My Device"), "{missing}");
    let kept = pm.byod_checks(NOW).unwrap().into_iter().find(|c| c.id == first.id).unwrap();
    assert_eq!((kept.checklist_version.as_str(), kept.items.len()), ("1.0", keys.len()));
    assert!(kept.recheck_due.is_some(), "the newest check of the device falls due again");
    let grown_keys: Vec<String> = grown.items.iter().map(|i| i.key.clone()).collect();
    let again = ByodCheckForm { answers: answers(&grown_keys, ""), checked_on: "2026-11-25", ..form };
    let second = pm.record_byod_check(&again, NOW).unwrap();
    assert_eq!(second.checklist_version, "1.1");
    let checks = pm.byod_checks(NOW).unwrap();
    let old = checks.iter().find(|c| c.id == first.id).unwrap();
    assert_eq!(old.recheck_due, None, "a later check replaced it");
}
