//! BYOD new-starter checks: checklists, answers, outcomes, the SIRO's risk acceptance and the
//! notifications to the SIRO and DPO.

use custodian_core::{
    ByodCheckForm, ByodOutcome, CoreError, DeviceForm, Field, ItemAnswer, ItemResult, Role, Session, sign_in,
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
    let t = team();
    let mut pm = manager(&t.p);
    let device = phone(&mut pm, "PH-77", "personal");
    let jordan = pm.people(NOW).unwrap().into_iter().find(|p| p.login == "j.ellis").unwrap().id;
    let list = pm.byod_checklists(NOW).unwrap().into_iter().find(|l| l.key == "byod-phone").unwrap();
    let keys: Vec<String> = list.items.iter().map(|i| i.key.clone()).collect();
    let mut form = ByodCheckForm {
        person_id: jordan,
        device_id: device,
        checklist_key: "byod-phone",
        checked_on: "2026-11-24",
        answers: answers(&keys, "two-factor"),
        outcome: "approved",
        risk: "",
    };
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
    let jordan = pm.people(NOW).unwrap().into_iter().find(|p| p.login == "j.ellis").unwrap().id;
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
fn a_practice_adds_a_checklist_item_and_old_checks_keep_the_version_they_used() {
    let t = team();
    let mut pm = manager(&t.p);
    let device = phone(&mut pm, "PH-9", "personal");
    let jordan = pm.people(NOW).unwrap().into_iter().find(|p| p.login == "j.ellis").unwrap().id;
    let list = pm.byod_checklists(NOW).unwrap().into_iter().find(|l| l.key == "byod-phone").unwrap();
    let keys: Vec<String> = list.items.iter().map(|i| i.key.clone()).collect();
    let form = ByodCheckForm {
        person_id: jordan,
        device_id: device,
        checklist_key: "byod-phone",
        checked_on: "2026-11-20",
        answers: answers(&keys, ""),
        outcome: "approved",
        risk: "",
    };
    let first = pm.record_byod_check(&form, NOW).unwrap();
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
