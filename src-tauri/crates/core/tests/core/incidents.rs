//! Incident records: anyone records one, the IG lead grades it and keeps its log; a lost
//! device incident marks the device lost.

use custodian_core::{CoreError, DeviceForm, DeviceStatus, Field, IncidentForm, Role, sign_in};
use time::macros::datetime;

use super::{NOW, add_and_activate, created, fields, manager, secret};

#[test]
fn staff_record_a_lost_laptop_the_manager_grades_it_and_the_72_hour_clock_runs_from_awareness() {
    let p = created();
    let staff_password = add_and_activate(&p, "Jordan Ellis", "j.ellis", &[Role::Staff]);
    let mut pm = manager(&p);
    let laptop =
        DeviceForm { asset_tag: "LT-1", kind: "laptop", ownership: "practice", status: "in_use", ..Default::default() };
    let device = pm.add_device(&laptop, NOW).unwrap().id;
    drop(pm);

    let mut staff = sign_in(&p.path, "j.ellis", &secret(&staff_password), NOW).unwrap();
    let form = IncidentForm {
        kind: "ig",
        category: "lost_or_stolen_device",
        breach_types: &["confidentiality"],
        occurred_at: "2026-11-24T17:00:00Z",
        aware_at: "2026-11-24T08:30:00Z",
        description: "Laptop left on the train home",
        special_category: true,
        device_ids: &[device],
        ..Default::default()
    };
    assert_eq!(fields(staff.record_incident(&form, NOW).unwrap_err()), [Field::AwareAt], "aware before it happened");
    let form = IncidentForm { aware_at: "2026-11-24T19:15:00Z", ..form };
    let incident = staff.record_incident(&form, NOW).unwrap();
    assert_eq!(incident.reference, "INC-2026-001");
    assert_eq!(incident.reported_by.full_name, "Jordan Ellis");
    assert!(matches!(staff.grade_incident(incident.id, 3, 2, NOW), Err(CoreError::Forbidden { .. })));
    assert_eq!(staff.incidents(NOW).unwrap().len(), 1, "reporters see their own");
    drop(staff);

    let mut pm = manager(&p);
    let lost = pm.devices(NOW).unwrap().into_iter().find(|d| d.id == device).unwrap();
    assert_eq!(lost.fields.status, DeviceStatus::Lost, "the incident marks the laptop lost");
    assert_eq!(fields(pm.grade_incident(incident.id, 0, 6, NOW).unwrap_err()), [Field::Likelihood, Field::Severity]);
    let graded = pm.grade_incident(incident.id, 3, 2, NOW).unwrap();
    let (outcome, deadline) = graded.reporting().unwrap();
    assert!(outcome.reportable && !outcome.notify_dhsc);
    assert_eq!(deadline, datetime!(2026-11-27 19:15 UTC));
    let logged = pm.add_incident_action(incident.id, "Laptop remotely wiped; BitLocker confirmed", NOW).unwrap();
    assert_eq!(logged.actions.len(), 1);
    assert_eq!(logged.actions[0].2, "Laptop remotely wiped; BitLocker confirmed");
    let minor = pm.grade_incident(incident.id, 2, 1, NOW).unwrap();
    assert!(minor.reporting().is_none(), "not reportable at likelihood 2");
}

#[test]
fn an_incident_needs_its_kind_category_times_and_description() {
    let p = created();
    let mut pm = manager(&p);
    let form = IncidentForm {
        kind: "rumour",
        category: "gossip",
        occurred_at: "yesterday",
        aware_at: "",
        ..Default::default()
    };
    assert_eq!(
        fields(pm.record_incident(&form, NOW).unwrap_err()),
        [Field::IncidentKind, Field::IncidentCategory, Field::OccurredAt, Field::AwareAt, Field::Description]
    );
    let future = IncidentForm {
        kind: "cyber",
        category: "malware_or_phishing",
        occurred_at: "2027-01-01T09:00:00Z",
        aware_at: "2027-01-01T10:00:00Z",
        description: "Phishing email",
        ..Default::default()
    };
    assert_eq!(fields(pm.record_incident(&future, NOW).unwrap_err()), [Field::OccurredAt]);
    assert!(pm.incidents(NOW).unwrap().is_empty());
}

#[test]
fn awareness_before_the_incident_is_accepted_when_explained() {
    let p = created();
    let mut pm = manager(&p);
    let form = IncidentForm {
        kind: "cyber",
        category: "malware_or_phishing",
        occurred_at: "2026-11-20T09:00:00Z",
        aware_at: "2026-11-19T16:00:00Z",
        aware_first_reason: "A ransom threat arrived the day before the attack",
        description: "Ransomware attempt blocked by the firewall",
        ..Default::default()
    };
    let incident = pm.record_incident(&form, NOW).unwrap();
    assert_eq!(incident.aware_at, "2026-11-19T16:00:00Z");
}
