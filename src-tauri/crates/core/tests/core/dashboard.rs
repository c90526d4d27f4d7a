//! The dashboard by role, and the DSPT evidence map judged on a practice's records.

use custodian_core::{DashboardAudience, DeviceForm, EvidenceStanding, IncidentForm, Role, Urgency, sign_in};
use time::macros::date;

use super::{NOW, add_and_activate, created, manager, secret};

fn lost_phone() -> IncidentForm<'static> {
    IncidentForm {
        kind: "ig",
        category: "disclosure",
        breach_types: &["confidentiality"],
        occurred_at: "2026-11-24T09:00:00Z",
        aware_at: "2026-11-24T10:00:00Z",
        description: "Results letter posted to the wrong address",
        ..Default::default()
    }
}

#[test]
fn managers_see_the_registers_staff_see_their_policies_and_a_reportable_incident_shows_its_clock() {
    let p = created();
    let staff = add_and_activate(&p, "Jordan Ellis", "j.ellis", &[Role::Staff]);
    let mut pm = manager(&p);
    let unknown = DeviceForm {
        asset_tag: "LT-9",
        kind: "laptop",
        ownership: "practice",
        status: "in_store",
        ..Default::default()
    };
    pm.add_device(&unknown, NOW).unwrap();
    let incident = pm.record_incident(&lost_phone(), NOW).unwrap();
    pm.grade_incident(incident.id, 4, 2, NOW).unwrap();

    let dashboard = pm.dashboard(NOW).unwrap();
    let find = |key: &str| dashboard.items.iter().find(|i| i.key == key).unwrap_or_else(|| panic!("{key} shown"));
    assert_eq!(find("devices_encryption_unknown").details, ["LT-9"]);
    assert_eq!(find("devices_encryption_unknown").section, "devices");
    assert_eq!(find("policy_gaps").count, 20, "the catalogue's policies are not yet published");
    assert_eq!(find("incidents_open").title, "1 incident is open");
    assert_eq!(find("disposals_missing_certificates").urgency, Urgency::InOrder);
    assert_eq!(dashboard.clocks.len(), 1);
    assert_eq!(dashboard.clocks[0].reference, "INC-2026-001");
    assert_eq!(dashboard.clocks[0].hours_left, 49, "aware 24 Nov 10:00, now 25 Nov 09:00: 49 of 72 hours left");
    drop(pm);

    let jordan = sign_in(&p.path, "j.ellis", &secret(&staff), NOW).unwrap();
    let theirs = jordan.dashboard(NOW).unwrap();
    assert!(theirs.items.iter().all(|i| i.audience == DashboardAudience::You), "staff see only their own tasks");
    assert!(theirs.clocks.is_empty());
}

#[test]
fn the_siro_sees_an_incident_waiting_for_their_closure_sign_off() {
    let p = created();
    let ig = add_and_activate(&p, "Priya Raman", "p.raman", &[Role::IgLead]);
    let siro = add_and_activate(&p, "Helen Marsh", "h.marsh", &[Role::Siro]);
    let mut lead = sign_in(&p.path, "p.raman", &secret(&ig), NOW).unwrap();
    let incident = lead.record_incident(&lost_phone(), NOW).unwrap();
    lead.grade_incident(incident.id, 3, 2, NOW).unwrap();
    lead.add_incident_action(incident.id, "Letter retrieved unopened", NOW).unwrap();
    let report = custodian_core::IncidentReportForm {
        not_reported_reason: "Letter returned unopened the same day; the DPO advised no report",
        ..Default::default()
    };
    lead.record_incident_report(incident.id, &report, NOW).unwrap();
    let lessons =
        custodian_core::IncidentAssessment { lessons: "Check addresses against the record", ..Default::default() };
    lead.assess_incident(incident.id, &lessons, NOW).unwrap();
    let ready = lead.dashboard(NOW).unwrap();
    assert!(ready.items.iter().any(|i| i.key == "incident_sign_offs" && i.details == ["INC-2026-001 (IG lead)"]));
    lead.sign_incident_closure(incident.id, &secret(&ig), true, NOW).unwrap();
    drop(lead);

    let marsh = sign_in(&p.path, "h.marsh", &secret(&siro), NOW).unwrap();
    let dashboard = marsh.dashboard(NOW).unwrap();
    let waiting = dashboard.items.iter().find(|i| i.key == "incident_sign_offs").expect("waiting for the SIRO");
    assert_eq!(waiting.audience, DashboardAudience::SignOff);
    assert_eq!(waiting.record_id, Some(incident.id));
    assert_eq!(waiting.section, "incidents");
}

#[test]
fn the_evidence_map_judges_each_item_on_the_records() {
    let p = created();
    let mut pm = manager(&p);
    let (from, to) = (date!(2025 - 07 - 01), date!(2026 - 06 - 30));
    let map = pm.dspt_evidence_map(from, to, NOW).unwrap();
    assert_eq!(map.toolkit_year, "2025-26");
    let standing = |map: &custodian_core::EvidenceMap, id: &str| {
        map.entries.iter().find(|e| e.item.id == id).map(|e| (e.standing, e.evidence.clone())).unwrap()
    };
    assert_eq!(standing(&map, "1.1.5").0, EvidenceStanding::Missing, "no one holds the IG roles yet");
    assert_eq!(standing(&map, "1.3.1").0, EvidenceStanding::Missing, "nothing is published yet");
    assert_eq!(standing(&map, "7.1.1").0, EvidenceStanding::Missing, "no devices yet");

    let encrypted = DeviceForm {
        asset_tag: "LT-1",
        kind: "laptop",
        ownership: "practice",
        status: "in_store",
        encryption: "yes",
        vendor_supported: "yes",
        ..Default::default()
    };
    pm.add_device(&encrypted, NOW).unwrap();
    drop(pm);
    add_and_activate(&p, "Priya Raman", "p.raman", &[Role::IgLead, Role::Siro]);
    let pm = manager(&p);
    let map = pm.dspt_evidence_map(from, to, NOW).unwrap();
    assert_eq!(
        standing(&map, "7.1.1"),
        (
            EvidenceStanding::Met,
            "1 device in the register, 0 allocated to someone; 0 with unknown encryption, 0 running an unsupported \
         system."
                .to_owned()
        )
    );
    let roles = map.entries.iter().find(|e| e.item.id == "1.1.5").unwrap();
    assert_eq!(roles.standing, EvidenceStanding::PartlyMet);
    assert_eq!(roles.evidence, "IG lead: Priya Raman; SIRO: Priya Raman.");
    assert_eq!(roles.to_do, "Give the Caldicott Guardian and DPO roles to people in Staff");
}

#[test]
fn the_annual_pack_is_signed_off_by_the_siro_with_their_password_before_it_is_made() {
    use custodian_core::{AuditFilter, CoreError, Field, PackScope, verify_pack};
    use rand_core::OsRng;

    let p = created();
    let siro = add_and_activate(&p, "Helen Marsh", "h.marsh", &[Role::Siro]);
    let mut pm = manager(&p);
    let direct = pm.create_pack(PackScope::DsptYear, "2025-07-01", "2026-06-30", NOW, &mut OsRng);
    assert!(matches!(direct, Err(CoreError::Refused(_))), "only through the SIRO's sign-off");
    let not_siro = pm.create_annual_pack("2025-07-01", "2026-06-30", &secret(super::PASSWORD), true, NOW, &mut OsRng);
    assert!(matches!(not_siro, Err(CoreError::Forbidden { .. })));
    drop(pm);

    let mut marsh = sign_in(&p.path, "h.marsh", &secret(&siro), NOW).unwrap();
    let statement = marsh.annual_pack_statement("2025-07-01", "2026-06-30", NOW).unwrap();
    assert!(
        statement.starts_with(
            "I, Helen Marsh, as SIRO of Riverside Surgery, have reviewed the contents of this evidence pack for \
             2025-07-01 to 2026-06-30: the register of 20 policies"
        ),
        "{statement}"
    );
    let unconfirmed = marsh.create_annual_pack("2025-07-01", "2026-06-30", &secret(&siro), false, NOW, &mut OsRng);
    assert!(matches!(unconfirmed, Err(CoreError::Invalid(ref p)) if p[0].field == Field::Statement));
    let pack = marsh.create_annual_pack("2025-07-01", "2026-06-30", &secret(&siro), true, NOW, &mut OsRng).unwrap();
    assert_eq!(pack.file_name, "riverside-surgery-evidence-dspt-year-2025-07-01-to-2026-06-30.pdf");
    assert!(verify_pack(&pack.pdf).unwrap().intact);
    let latest = marsh.audit_log(&AuditFilter::default(), None, 2, NOW).unwrap().entries;
    assert_eq!(latest[0].action, "pack.create");
    assert_eq!(latest[1].action, "pack.sign_off");
    assert_eq!(latest[1].summary, statement, "the statement shown is the statement signed");
}
