//! Incident records: anyone records one, the IG lead grades it and keeps its log; a lost
//! device incident marks the device lost.

use custodian_core::{
    CoreError, DeviceForm, DeviceStatus, Field, IncidentAssessment, IncidentForm, IncidentReportForm, Role, Session,
    sign_in,
};
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

fn reportable_disclosure() -> IncidentForm<'static> {
    IncidentForm {
        kind: "ig",
        category: "disclosure",
        breach_types: &["confidentiality"],
        occurred_at: "2026-11-23T10:00:00Z",
        aware_at: "2026-11-23T11:00:00Z",
        description: "Discharge letter emailed to the wrong patient",
        special_category: true,
        data_categories: "name, address, diagnosis",
        people_affected: Some(1),
        records_affected: Some(1),
        ..Default::default()
    }
}

#[test]
fn a_reportable_breach_is_reported_within_the_clock_and_closed_by_the_ig_lead_siro_and_caldicott_guardian() {
    let p = created();
    let ig = add_and_activate(&p, "Priya Raman", "p.raman", &[Role::IgLead]);
    let siro = add_and_activate(&p, "Helen Marsh", "h.marsh", &[Role::Siro]);
    let cg = add_and_activate(&p, "Tom Okafor", "t.okafor", &[Role::CaldicottGuardian]);
    let mut lead = sign_in(&p.path, "p.raman", &secret(&ig), NOW).unwrap();
    let incident = lead.record_incident(&reportable_disclosure(), NOW).unwrap();
    assert!(incident.patient_confidentiality_breached());
    let graded = lead.grade_incident(incident.id, 3, 3, NOW).unwrap();
    assert_eq!(graded.running_clock(), Some(datetime!(2026-11-26 11:00 UTC)), "72 hours from awareness");
    assert_eq!(graded.closure_roles(), [Role::IgLead, Role::Siro, Role::CaldicottGuardian]);

    match lead.sign_incident_closure(incident.id, &secret(&ig), true, NOW) {
        Err(CoreError::Refused(why)) => assert_eq!(
            why,
            "Before closing INC-2026-001: record at least one containment or action; record the lessons learned; \
             record the DSPT report reference, or why it was not reported"
        ),
        other => panic!("closing without actions must be refused, got {other:?}"),
    }
    let late = IncidentReportForm { dspt_reference: "DSPT-88123", ..Default::default() };
    assert_eq!(fields(lead.record_incident_report(incident.id, &late, NOW).unwrap_err()), [Field::DsptReportedAt]);
    let early = IncidentReportForm {
        dspt_reference: "DSPT-88123",
        dspt_reported_at: "2026-11-23T10:30:00Z",
        ..Default::default()
    };
    assert_eq!(fields(lead.record_incident_report(incident.id, &early, NOW).unwrap_err()), [Field::DsptReportedAt]);
    let report = IncidentReportForm {
        dspt_reference: "DSPT-88123",
        dspt_reported_at: "2026-11-24T15:00:00Z",
        dpo_consulted: true,
        individuals_told: true,
        individuals_note: "Patient phoned by the practice manager on 24 November",
        ..Default::default()
    };
    let reported = lead.record_incident_report(incident.id, &report, NOW).unwrap();
    assert_eq!(reported.report.dspt_reference, "DSPT-88123");
    assert!(!reported.reported_late());
    assert_eq!(reported.running_clock(), None, "reported: the clock stops");
    lead.add_incident_action(incident.id, "Recipient asked to delete the email; confirmed in writing", NOW).unwrap();
    let assessment = IncidentAssessment {
        data_categories: "name, address, diagnosis",
        people_affected: Some(1),
        records_affected: Some(1),
        consequences: "Distress to the patient",
        lessons: "Check the recipient before sending letters by email",
        ..Default::default()
    };
    lead.assess_incident(incident.id, &assessment, NOW).unwrap();

    let (role, statement) = lead.incident_closure_statement(incident.id, NOW).unwrap();
    assert_eq!(role, Role::IgLead);
    assert!(statement.starts_with("I, Priya Raman, as IG lead, have reviewed incident INC-2026-001"), "{statement}");
    assert_eq!(
        fields(lead.sign_incident_closure(incident.id, &secret("wrong"), true, NOW).unwrap_err()),
        [Field::CurrentPassword]
    );
    let begun = lead.sign_incident_closure(incident.id, &secret(&ig), true, NOW).unwrap();
    assert_eq!(begun.status, "open");
    assert_eq!(begun.awaiting_sign_off(), [Role::Siro, Role::CaldicottGuardian]);
    assert!(matches!(lead.add_incident_action(incident.id, "later", NOW), Err(CoreError::Refused(_))), "frozen");
    drop(lead);

    let mut cg_session = sign_in(&p.path, "t.okafor", &secret(&cg), NOW).unwrap();
    assert!(cg_session.notifications(NOW).unwrap().iter().any(|n| n.message.contains("INC-2026-001")));
    let after_cg = cg_session.sign_incident_closure(incident.id, &secret(&cg), true, NOW).unwrap();
    assert_eq!(after_cg.awaiting_sign_off(), [Role::Siro]);
    drop(cg_session);
    let mut siro_session = sign_in(&p.path, "h.marsh", &secret(&siro), NOW).unwrap();
    let closed = siro_session.sign_incident_closure(incident.id, &secret(&siro), true, NOW).unwrap();
    assert_eq!(closed.status, "closed");
    assert_eq!(
        closed.sign_offs.iter().map(|s| s.role).collect::<Vec<_>>(),
        [Role::IgLead, Role::CaldicottGuardian, Role::Siro]
    );
    assert_eq!(closed.status_changes.last().unwrap().to, "closed");
}

#[test]
fn withdrawing_or_marking_a_duplicate_needs_a_reason_and_a_closed_incident_stays_closed() {
    let p = created();
    let mut pm = manager(&p);
    let incident = pm.record_incident(&reportable_disclosure(), NOW).unwrap();
    assert_eq!(fields(pm.change_incident_status(incident.id, "withdrawn", " ", NOW).unwrap_err()), [Field::Reason]);
    assert_eq!(
        fields(pm.change_incident_status(incident.id, "closed", "done", NOW).unwrap_err()),
        [Field::IncidentStatus]
    );
    let duplicate = pm.change_incident_status(incident.id, "duplicate", "Same as INC-2026-002", NOW).unwrap();
    assert_eq!(duplicate.status, "duplicate");
    assert!(matches!(pm.grade_incident(incident.id, 1, 1, NOW), Err(CoreError::Refused(_))));
    let reopened = pm.change_incident_status(incident.id, "open", "Not the same after all", NOW).unwrap();
    assert_eq!(
        reopened.status_changes.iter().map(|c| (c.to.as_str(), c.reason.as_str())).collect::<Vec<_>>(),
        [("duplicate", "Same as INC-2026-002"), ("open", "Not the same after all")]
    );
}

#[test]
fn a_device_marked_stolen_links_to_its_incident_and_an_unreportable_incident_needs_no_siro() {
    let p = created();
    let mut pm = manager(&p);
    let phone =
        DeviceForm { asset_tag: "PH-7", kind: "phone", ownership: "practice", status: "in_use", ..Default::default() };
    let device = pm.add_device(&phone, NOW).unwrap().id;
    let form = IncidentForm {
        kind: "both",
        category: "lost_or_stolen_device",
        breach_types: &["availability"],
        occurred_at: "2026-11-24T12:00:00Z",
        aware_at: "2026-11-24T12:30:00Z",
        description: "Phone taken from the reception desk",
        ..Default::default()
    };
    let incident = pm.record_incident(&form, NOW).unwrap();
    let linked = pm.link_incident_device(incident.id, device, true, NOW).unwrap();
    assert_eq!(linked.devices, [(device, "PH-7".to_owned())]);
    let stolen = pm.devices(NOW).unwrap().into_iter().find(|d| d.id == device).unwrap();
    assert_eq!(stolen.fields.status, DeviceStatus::Stolen);
    assert_eq!(pm.incidents_for_device(device, NOW).unwrap()[0].reference, "INC-2026-001");
    assert!(matches!(pm.link_incident_device(incident.id, device, true, NOW), Err(CoreError::Refused(_))));
    let graded = pm.grade_incident(incident.id, 2, 2, NOW).unwrap();
    assert_eq!(graded.closure_roles(), [Role::IgLead], "not reportable, no confidentiality breach");
}

#[test]
fn the_siro_caldicott_guardian_and_dpo_see_every_incident_and_staff_only_their_own() {
    let p = created();
    let staff = add_and_activate(&p, "Jordan Ellis", "j.ellis", &[Role::Staff]);
    let siro = add_and_activate(&p, "Helen Marsh", "h.marsh", &[Role::Siro]);
    let dpo = add_and_activate(&p, "Sam Whitfield", "s.whitfield", &[Role::Dpo]);
    let mut pm = manager(&p);
    pm.record_incident(&reportable_disclosure(), NOW).unwrap();
    drop(pm);
    let mut jordan = sign_in(&p.path, "j.ellis", &secret(&staff), NOW).unwrap();
    let phishing = IncidentForm {
        kind: "cyber",
        category: "malware_or_phishing",
        occurred_at: "2026-11-22T09:00:00Z",
        aware_at: "2026-11-22T09:30:00Z",
        description: "Phishing email reported by reception",
        ..Default::default()
    };
    jordan.record_incident(&phishing, NOW).unwrap();
    drop(jordan);
    let seen = |login: &str, password: &str| -> Vec<String> {
        let session = sign_in(&p.path, login, &secret(password), NOW).unwrap();
        session.incidents(NOW).unwrap().into_iter().map(|i| i.reference).collect()
    };
    assert_eq!(seen("h.marsh", &siro), ["INC-2026-001", "INC-2026-002"], "the SIRO sees every incident");
    assert_eq!(seen("s.whitfield", &dpo), ["INC-2026-001", "INC-2026-002"], "the DPO advises on every incident");
    assert_eq!(seen("j.ellis", &staff), ["INC-2026-002"], "staff see only the incidents they reported");
}

/// Checked on the demo practice made by `the_demo_practice_opens_with_its_documented_login`.
pub(super) fn the_demo_has_ten_years_of_incidents(manager: &Session) {
    let incidents = manager.incidents(NOW).unwrap();
    assert!((35..=45).contains(&incidents.len()), "{} incidents", incidents.len());
    let years: std::collections::BTreeSet<&str> = incidents.iter().map(|i| &i.aware_at[..4]).collect();
    assert!(years.len() >= 10, "spread over ten years: {years:?}");
    let running: Vec<_> = incidents.iter().filter(|i| i.running_clock().is_some_and(|due| due > NOW)).collect();
    assert_eq!(running.len(), 1, "one open incident's 72-hour clock is running");
    assert!(running[0].patient_confidentiality_breached() && running[0].status == "open");
    let reportable: Vec<_> = incidents.iter().filter(|i| i.reporting().is_some()).collect();
    assert!(reportable.len() >= 5, "{} reportable", reportable.len());
    let reported: Vec<_> = reportable.iter().filter(|i| i.report.dspt_reference.starts_with("DSPT-")).collect();
    assert!(reported.len() >= 5, "{} reported through the DSPT tool", reported.len());
    assert_eq!(reported.iter().filter(|i| i.reported_late()).count(), 1, "one was reported late");
    let late = reported.iter().find(|i| i.reported_late()).unwrap();
    assert!(late.actions.iter().any(|(_, _, text)| text.contains("after the 72-hour deadline")), "why it was late");
    assert!(reportable.iter().any(|i| !i.report.not_reported_reason.is_empty()), "one was not reported, with why");
    assert!(incidents.iter().any(|i| i.grade == Some((1, 1))), "near misses");

    let closed: Vec<_> = incidents.iter().filter(|i| i.status == "closed").collect();
    assert!(closed.len() >= 25, "{} closed", closed.len());
    for incident in &closed {
        let signed: Vec<Role> = incident.sign_offs.iter().map(|s| s.role).collect();
        assert_eq!(signed, incident.closure_roles(), "{} is signed by the roles its closure needs", incident.reference);
        assert!(incident.closure_gaps().is_empty(), "{}: {:?}", incident.reference, incident.closure_gaps());
        assert!(!incident.lessons.is_empty() && !incident.actions.is_empty());
        assert_eq!(incident.status_changes.last().unwrap().to, "closed");
    }
    assert!(closed.iter().any(|i| i.closure_roles() == [Role::IgLead]), "minor ones need only the IG lead");
    assert!(closed.iter().any(|i| i.closure_roles().contains(&Role::CaldicottGuardian)));
    for status in ["withdrawn", "duplicate"] {
        let set_aside = incidents.iter().find(|i| i.status == status).unwrap_or_else(|| panic!("one is {status}"));
        assert!(!set_aside.status_changes[0].reason.is_empty());
    }
    let duplicate = incidents.iter().find(|i| i.status == "duplicate").unwrap();
    assert!(duplicate.status_changes[0].reason.contains("INC-"), "{}", duplicate.status_changes[0].reason);

    let open: Vec<_> = incidents.iter().filter(|i| i.status == "open").collect();
    assert!((2..=4).contains(&open.len()), "{} open", open.len());
    let lost = open.iter().find(|i| i.category == "lost_or_stolen_device").expect("a lost laptop is open");
    let (device, tag) = &lost.devices[0];
    let register = manager.devices(NOW).unwrap();
    let laptop = register.iter().find(|d| d.id == *device).unwrap();
    assert_eq!((laptop.fields.status, &laptop.fields.asset_tag), (DeviceStatus::Lost, tag));
    assert_eq!(manager.incidents_for_device(*device, NOW).unwrap()[0].reference, lost.reference);
}
