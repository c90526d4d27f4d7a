//! The device register: details, allocation history, lost and stolen devices, CSV in and out.

use custodian_core::{CoreError, DeviceForm, DeviceStatus, Field, Role, Session, sign_in};

use super::{NOW, Practice, add_and_activate, created, fields, manager, secret};

fn laptop<'a>(tag: &'a str, serial: &'a str) -> DeviceForm<'a> {
    DeviceForm {
        asset_tag: tag,
        kind: "laptop",
        make: "Dell",
        model: "Latitude 5440",
        serial,
        ownership: "practice",
        encryption: "yes",
        encryption_method: "BitLocker",
        os_name: "Windows",
        os_version: "11 23H2",
        vendor_supported: "yes",
        location: "Reception",
        ..Default::default()
    }
}

fn audit_len(session: &Session) -> u64 {
    session.verify_audit_chain().unwrap().entries
}

fn person_id(session: &Session, login: &str) -> i64 {
    session.people(NOW).unwrap().into_iter().find(|p| p.login == login).unwrap().id
}

fn staffed() -> (Practice, String) {
    let p = created();
    let password = add_and_activate(&p, "Jordan Ellis", "j.ellis", &[Role::Staff]);
    (p, password)
}

#[test]
fn a_laptop_is_registered_allocated_returned_and_reallocated_with_its_history() {
    let (p, staff_password) = staffed();
    let mut pm = manager(&p);
    let device = pm.add_device(&laptop("LT-001", "SN-1"), NOW).unwrap();
    assert_eq!(device.fields.status, DeviceStatus::InStore);
    let jordan = person_id(&pm, "j.ellis");
    let me = pm.person().id;

    let held = pm.allocate_device(device.id, jordan, "2026-11-02", "with charger", NOW).unwrap();
    assert_eq!(held.holder.as_ref().unwrap().full_name, "Jordan Ellis");
    assert_eq!(held.fields.status, DeviceStatus::InUse);
    let early = pm.allocate_device(device.id, me, "2026-11-01", "", NOW).unwrap_err();
    assert_eq!(fields(early), [Field::AllocationDate]);
    let moved = pm.allocate_device(device.id, me, "2026-11-25", "", NOW).unwrap();
    assert_eq!(moved.holder.unwrap().id, me);
    let back = pm.return_device(device.id, "2026-11-25", NOW).unwrap();
    assert!(back.holder.is_none());
    assert_eq!(back.fields.status, DeviceStatus::InStore);

    let (_, history) = pm.device_history(device.id, NOW).unwrap();
    let spans: Vec<(String, String, Option<String>)> =
        history.iter().map(|a| (a.person.full_name.clone(), a.from.to_string(), a.to.map(|d| d.to_string()))).collect();
    assert_eq!(
        spans,
        [
            ("Jordan Ellis".into(), "2026-11-02".into(), Some("2026-11-24".into())),
            ("Siobhán O'Brien".into(), "2026-11-25".into(), Some("2026-11-25".into())),
        ]
    );
    drop(pm);
    // Staff see only what they hold, and may not change the register.
    let mut staff = sign_in(&p.path, "j.ellis", &secret(&staff_password), NOW).unwrap();
    assert!(staff.devices(NOW).unwrap().is_empty());
    assert!(matches!(staff.add_device(&laptop("LT-9", ""), NOW), Err(CoreError::Forbidden { .. })));
}

#[test]
fn duplicate_tags_and_serials_and_bad_choices_are_refused_and_change_nothing() {
    let p = created();
    let mut pm = manager(&p);
    pm.add_device(&laptop("LT-001", "SN-1"), NOW).unwrap();
    let before = audit_len(&pm);
    let clash = pm.add_device(&laptop("lt-001", "sn-1"), NOW).unwrap_err();
    assert_eq!(fields(clash), [Field::AssetTag, Field::Serial]);
    let nonsense =
        DeviceForm { kind: "toaster", ownership: "borrowed", purchase_date: "31/31/2024", ..laptop("LT-2", "") };
    assert_eq!(
        fields(pm.add_device(&nonsense, NOW).unwrap_err()),
        [Field::DeviceKind, Field::Ownership, Field::PurchaseDate]
    );
    assert_eq!(audit_len(&pm), before);
    assert_eq!(pm.devices(NOW).unwrap().len(), 1);
}

#[test]
fn leavers_cannot_be_given_devices_and_their_devices_are_listed_for_return() {
    let (p, _) = staffed();
    let mut pm = manager(&p);
    let jordan = person_id(&pm, "j.ellis");
    let device = pm.add_device(&laptop("LT-001", ""), NOW).unwrap();
    pm.allocate_device(device.id, jordan, "2026-11-05", "", NOW).unwrap();
    let record = pm.person_record(jordan, NOW).unwrap();
    let form = custodian_core::PersonForm {
        full_name: &record.full_name,
        login: &record.login,
        job_title: &record.job_title,
        roles: &record.roles,
        start_date: "2026-11-01",
        leaving_date: "2026-11-30",
        ..Default::default()
    };
    pm.update_person(jordan, &form, NOW, &mut rand_core::OsRng).unwrap();
    let to_return = pm.devices_to_return(NOW).unwrap();
    assert_eq!(to_return.len(), 1);
    assert_eq!(to_return[0].0.fields.asset_tag, "LT-001");
    let other = pm.add_device(&laptop("LT-002", ""), NOW).unwrap();
    let refused = pm.allocate_device(other.id, jordan, "2026-12-01", "", NOW).unwrap_err();
    assert_eq!(fields(refused), [Field::Holder]);
}

#[test]
fn a_lost_device_needs_a_reason_and_cannot_be_allocated() {
    let (p, _) = staffed();
    let mut pm = manager(&p);
    let device = pm.add_device(&laptop("PH-1", ""), NOW).unwrap();
    assert_eq!(fields(pm.set_device_status(device.id, DeviceStatus::Lost, " ", NOW).unwrap_err()), [Field::Reason]);
    let lost = pm.set_device_status(device.id, DeviceStatus::Lost, "Left on a train", NOW).unwrap();
    assert_eq!(lost.fields.status, DeviceStatus::Lost);
    let jordan = person_id(&pm, "j.ellis");
    assert!(matches!(pm.allocate_device(device.id, jordan, "2026-11-20", "", NOW), Err(CoreError::Refused(_))));
    assert!(matches!(pm.set_device_status(device.id, DeviceStatus::Disposed, "", NOW), Err(CoreError::Refused(_))));
}

#[test]
fn a_csv_file_is_previewed_row_by_row_and_imported_all_or_nothing() {
    let p = created();
    let mut pm = manager(&p);
    pm.add_device(&laptop("LT-001", "SN-1"), NOW).unwrap();
    let bad = "Asset tag,Type,Ownership,Serial,Purchase date,Encrypted\n\
               LT-002,Laptop,Practice,SN-2,01/04/2024,yes\n\
               LT-001,Laptop,Practice,,2024-04-01,yes\n\
               USB-1,toaster,Practice,,,maybe\n\
               USB-2,USB stick,Personal,SN-2,,no\n";
    let preview = pm.preview_device_import(bad.as_bytes(), NOW).unwrap();
    assert_eq!(preview.rows, 4);
    let lines: Vec<u64> = preview.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [3, 4, 4, 5], "{:?}", preview.problems);
    assert!(preview.problems[0].message.contains("already has a device tagged LT-001"));
    assert!(preview.problems[3].message.contains("serial number SN-2 appears twice"));
    let before = audit_len(&pm);
    assert_eq!(fields(pm.import_devices(bad.as_bytes(), NOW).unwrap_err()), [Field::CsvFile]);
    assert_eq!(pm.devices(NOW).unwrap().len(), 1, "nothing was imported");
    assert_eq!(audit_len(&pm), before);

    let good = "Asset tag,Type,Ownership,Serial,Purchase date,Encrypted,Asset owner\n\
                LT-002,Laptop,Practice,SN-2,01/04/2024,yes,s.obrien\n\
                USB-1,USB stick,Practice,,,unknown,\n";
    assert_eq!(pm.import_devices(good.as_bytes(), NOW).unwrap(), 2);
    let csv = pm.devices_csv(NOW).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("asset_tag,type,make,model,serial,ownership,encrypted"), "{}", lines[0]);
    assert_eq!(lines.len(), 4);
    assert!(lines[2].starts_with("LT-002,laptop,,,SN-2,practice,yes,"), "{}", lines[2]);
    assert!(lines[2].contains(",s.obrien,in_store,2024-04-01,"), "{}", lines[2]);
    // An exported file imports again (after its devices are gone, into another practice).
    let other = created();
    let mut elsewhere = manager(&other);
    let exported = csv.replace("s.obrien", "");
    assert_eq!(elsewhere.import_devices(exported.as_bytes(), NOW).unwrap(), 3);
}

/// Checked on the demo practice made by `the_demo_practice_opens_with_its_documented_login`.
pub(super) fn the_demo_has_a_device_register(manager: &Session) {
    use custodian_core::{DeviceKind, YesNoUnknown};
    let devices = manager.devices(NOW).unwrap();
    assert_eq!(devices.len(), 150);
    let count = |f: &dyn Fn(&custodian_core::DeviceRecord) -> bool| devices.iter().filter(|d| f(d)).count();
    assert!(count(&|d| d.holder.is_some()) >= 20, "many devices are held now");
    assert!(count(&|d| matches!(d.fields.status, DeviceStatus::Lost | DeviceStatus::Stolen)) >= 1);
    assert!(count(&|d| d.fields.status == DeviceStatus::AwaitingDisposal) >= 1);
    assert!(count(&|d| d.fields.encryption == YesNoUnknown::Unknown && d.fields.kind != DeviceKind::Printer) >= 1);
    assert!(count(&|d| d.fields.vendor_supported == YesNoUnknown::No) >= 1);
    assert!(count(&|d| d.fields.kind.is_removable_media()) >= 5);
    let busiest = devices.iter().map(|d| manager.device_history(d.id, NOW).unwrap().1.len()).max().unwrap();
    assert!(busiest >= 2, "some devices passed from person to person");
    let disposals = manager.disposals(NOW).unwrap();
    assert!(disposals.len() >= 10, "{} disposals", disposals.len());
    assert!(disposals.iter().any(|d| d.device.is_some()) && disposals.iter().any(|d| d.device.is_none()));
    assert!(disposals.iter().any(|d| d.certificate.is_none()), "one lacks its certificate");
    assert!(disposals.iter().any(|d| d.checked_by.is_none()), "one waits for its check");
    let with_certificate = disposals.iter().find(|d| d.certificate.is_some()).unwrap();
    let (info, pdf) = manager.disposal_certificate(with_certificate.id, NOW).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(info.size, pdf.len());
    let checks = manager.byod_checks(NOW).unwrap();
    assert!(checks.len() >= 5, "personal devices are checked ({})", checks.len());
    assert!(
        checks
            .iter()
            .any(|c| c.outcome == custodian_core::ByodOutcome::ApprovedWithRisk && c.risk_accepted_by.is_some())
    );
    assert!(checks.iter().all(|c| c.items.len() >= 7));
}

const CERTIFICATE: &[u8] = b"%PDF-1.7\n% certificate of destruction 4471\n%%EOF\n";

#[test]
fn a_laptop_is_disposed_of_with_a_certificate_and_the_siro_signs_the_check() {
    let p = created();
    let siro_password = add_and_activate(&p, "Helen Marsh", "h.marsh", &[Role::Siro, Role::Staff]);
    let mut pm = manager(&p);
    let device = pm.add_device(&laptop("LT-001", "SN-1"), NOW).unwrap();
    let me = pm.person().id;
    pm.allocate_device(device.id, me, "2026-11-25", "", NOW).unwrap();
    let form = custodian_core::DisposalForm {
        device_id: Some(device.id),
        disposed_on: "2026-11-25",
        reason: "End of life",
        method: "physical_destruction",
        sanitisation_standard: "NCSC secure sanitisation",
        performed_by: "ShredSafe Ltd",
        contractor: "ShredSafe Ltd",
        contract_reference: "SS-2026-014",
        certificate_number: "COD-4471",
        certificate: Some(custodian_core::CertificateFile { name: "COD-4471.pdf", bytes: CERTIFICATE }),
        witness: "Priya Raman",
        ..Default::default()
    };
    let held = pm.record_disposal(&form, NOW).unwrap_err();
    assert!(held.to_string().contains("still held by Siobhán O'Brien; record its return first"), "{held}");
    pm.return_device(device.id, "2026-11-25", NOW).unwrap();

    let before = audit_len(&pm);
    let not_a_file = custodian_core::DisposalForm {
        certificate: Some(custodian_core::CertificateFile { name: "COD.docx", bytes: b"PK\x03\x04 not a pdf" }),
        ..form.clone()
    };
    assert_eq!(fields(pm.record_disposal(&not_a_file, NOW).unwrap_err()), [Field::Attachment]);
    assert_eq!(audit_len(&pm), before, "nothing changed");

    let disposal = pm.record_disposal(&form, NOW).unwrap();
    assert_eq!(disposal.device.as_ref().unwrap().1, "LT-001");
    let certificate = disposal.certificate.clone().unwrap();
    assert_eq!(certificate.file_name, "COD-4471.pdf");
    let (_, bytes) = pm.disposal_certificate(disposal.id, NOW).unwrap();
    assert_eq!(bytes, CERTIFICATE);
    let device = pm.devices(NOW).unwrap().into_iter().find(|d| d.id == device.id).unwrap();
    assert_eq!(device.fields.status, DeviceStatus::Disposed);
    assert!(matches!(pm.record_disposal(&form, NOW), Err(CoreError::Refused(_))), "only once");
    let not_checker = pm.check_disposal(disposal.id, &secret(super::PASSWORD), true, NOW);
    assert!(matches!(not_checker, Err(CoreError::Forbidden { .. })), "{not_checker:?}");
    drop(pm);

    let mut siro = sign_in(&p.path, "h.marsh", &secret(&siro_password), NOW).unwrap();
    let statement = siro.disposal_check_statement(disposal.id, NOW).unwrap();
    assert!(statement.contains(&certificate.sha256), "{statement}");
    let unconfirmed = siro.check_disposal(disposal.id, &secret(&siro_password), false, NOW).unwrap_err();
    assert_eq!(fields(unconfirmed), [Field::Statement]);
    let checked = siro.check_disposal(disposal.id, &secret(&siro_password), true, NOW).unwrap();
    assert_eq!(checked.checked_by.unwrap().full_name, "Helen Marsh");
    assert_eq!(checked.check_statement.as_deref(), Some(statement.as_str()));
}

#[test]
fn wiping_for_reuse_needs_an_assessment_and_waste_collections_need_their_consignment() {
    let p = created();
    let mut pm = manager(&p);
    let device = pm.add_device(&laptop("LT-001", ""), NOW).unwrap();
    let wipe = custodian_core::DisposalForm {
        device_id: Some(device.id),
        disposed_on: "2026-11-20",
        method: "wipe_and_reuse",
        performed_by: "Practice IT",
        ..Default::default()
    };
    assert_eq!(fields(pm.record_disposal(&wipe, NOW).unwrap_err()), [Field::ReuseAssessment]);
    let shredded = custodian_core::DisposalForm { method: "shredding", ..wipe.clone() };
    let refused = pm.record_disposal(&shredded, NOW).unwrap_err();
    assert!(refused.to_string().contains("Shredded (paper) is for confidential waste"), "{refused}");
    assert_eq!(fields(refused), [Field::DisposalMethod]);
    let assessed =
        custodian_core::DisposalForm { reuse_assessment: "Battery good; reimaged; fit for a new starter", ..wipe };
    pm.record_disposal(&assessed, NOW).unwrap();
    let device = pm.devices(NOW).unwrap().into_iter().find(|d| d.id == device.id).unwrap();
    assert_eq!(device.fields.status, DeviceStatus::InStore, "wiped for re-use, it stays in the register");

    let waste = custodian_core::DisposalForm {
        disposed_on: "2026-11-24",
        method: "shredding",
        performed_by: "ShredSafe Ltd",
        containers: "lots",
        ..Default::default()
    };
    assert_eq!(fields(pm.record_disposal(&waste, NOW).unwrap_err()), [Field::ConsignmentReference, Field::Containers]);
    let future = custodian_core::DisposalForm {
        disposed_on: "2027-01-01",
        consignment_reference: "WTN-88",
        containers: "6",
        ..waste.clone()
    };
    assert_eq!(fields(pm.record_disposal(&future, NOW).unwrap_err()), [Field::DisposedOn]);
    let crushed =
        custodian_core::DisposalForm { method: "physical_destruction", disposed_on: "2026-11-24", ..future.clone() };
    let refused = pm.record_disposal(&crushed, NOW).unwrap_err();
    assert!(refused.to_string().contains("Physically destroyed is for devices"), "{refused}");
    assert_eq!(fields(refused), [Field::DisposalMethod]);
    assert_eq!(pm.disposals(NOW).unwrap().len(), 1, "neither wrong method was recorded");
    let collected = pm
        .record_disposal(
            &custodian_core::DisposalForm { consignment_reference: "WTN-88", containers: "6", ..waste },
            NOW,
        )
        .unwrap();
    assert_eq!((collected.device, collected.containers), (None, Some(6)));
    assert_eq!(pm.disposals(NOW).unwrap().len(), 2);
}
