//! The demo practice's devices: about 150 over ten years — desktops, laptops, phones, tablets,
//! smartcard readers, printers, the router and removable media — with who held them when, a few
//! lost or stolen, some awaiting disposal, and some with unknown encryption or old systems.

use custodian_vault::rusqlite::Connection;
use rand_chacha::ChaCha20Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use time::{Date, Duration, OffsetDateTime, Time};

use super::DemoEvent;
use crate::device::{DeviceFields, DeviceKind, DeviceStatus, Ownership, YesNoUnknown, store};
use crate::error::Result;
use crate::person::PersonRecord;

const MODELS: [(DeviceKind, &str, &str, &str); 10] = [
    (DeviceKind::Desktop, "Dell", "OptiPlex 7010", "Windows"),
    (DeviceKind::Laptop, "Lenovo", "ThinkPad T14", "Windows"),
    (DeviceKind::Laptop, "Dell", "Latitude 5440", "Windows"),
    (DeviceKind::Phone, "Samsung", "Galaxy A54", "Android"),
    (DeviceKind::Phone, "Apple", "iPhone 13", "iOS"),
    (DeviceKind::Tablet, "Apple", "iPad (9th generation)", "iPadOS"),
    (DeviceKind::UsbStick, "Kingston", "IronKey Vault Privacy 50", ""),
    (DeviceKind::ExternalDrive, "Samsung", "T7 Shield", ""),
    (DeviceKind::SmartcardReader, "Omnikey", "3121", ""),
    (DeviceKind::Printer, "HP", "LaserJet Pro M404", ""),
];

fn at(day: Date, hour: u8) -> OffsetDateTime {
    day.with_time(Time::from_hms(hour, 20, 0).unwrap_or(Time::MIDNIGHT)).assume_utc()
}

/// Writes the devices and their history, returning their audit events.
pub(super) fn invent(
    tx: &Connection,
    people: &[PersonRecord],
    manager: &PersonRecord,
    founded: Date,
    now: OffsetDateTime,
) -> Result<Vec<DemoEvent>> {
    let mut rng = ChaCha20Rng::seed_from_u64(0x4445_5649_4345_5321);
    let today = now.date();
    let span = (today - founded).whole_days().max(1) as u64;
    let mut events = Vec::new();
    let mut event = |when: OffsetDateTime, id: i64, action: &'static str, summary: String| {
        events.push(DemoEvent {
            at: when,
            actor: manager.login.clone(),
            action,
            record_type: "device",
            record_id: id.to_string(),
            summary,
        });
    };
    for n in 1..=150u32 {
        let (kind, make, model, os) = MODELS[(rng.next_u32() as usize) % MODELS.len()];
        let bought = founded + Duration::days((rng.next_u64() % span) as i64);
        let age_years = (today - bought).whole_days() / 365;
        let prefix = match kind {
            DeviceKind::Desktop => "PC",
            DeviceKind::Laptop => "LT",
            DeviceKind::Phone => "PH",
            DeviceKind::Tablet => "TB",
            DeviceKind::UsbStick => "USB",
            DeviceKind::ExternalDrive => "HDD",
            DeviceKind::SmartcardReader => "SCR",
            _ => "PR",
        };
        let personal = matches!(kind, DeviceKind::Phone | DeviceKind::Laptop) && rng.next_u32() % 5 == 0;
        let computing = !os.is_empty();
        let encryption = match (computing || kind.is_removable_media(), rng.next_u32() % 12) {
            (false, _) => YesNoUnknown::Unknown,
            (true, 0) => YesNoUnknown::Unknown,
            (true, 1) => YesNoUnknown::No,
            _ => YesNoUnknown::Yes,
        };
        let fields = DeviceFields {
            asset_tag: format!("{prefix}-{n:04}"),
            kind,
            make: make.into(),
            model: model.into(),
            serial: format!("{}{:08X}", &make[..2].to_uppercase(), rng.next_u32()),
            ownership: if personal { Ownership::Personal } else { Ownership::Practice },
            encryption,
            encryption_method: match (encryption, os) {
                (YesNoUnknown::Yes, "Windows") => "BitLocker".into(),
                (YesNoUnknown::Yes, "") => "Hardware AES-256".into(),
                (YesNoUnknown::Yes, _) => "Device encryption".into(),
                _ => String::new(),
            },
            os_name: os.into(),
            os_version: match os {
                "Windows" if age_years >= 6 => "10 22H2".into(),
                "Windows" => "11 23H2".into(),
                "Android" => "14".into(),
                "iOS" | "iPadOS" => "17.5".into(),
                _ => String::new(),
            },
            vendor_supported: match (computing, age_years) {
                (false, _) => YesNoUnknown::Unknown,
                (true, 0..=5) => YesNoUnknown::Yes,
                _ => YesNoUnknown::No,
            },
            location: ["Reception", "Consulting room 2", "Nurses' room", "Admin office", "Server cupboard"]
                [(rng.next_u32() % 5) as usize]
                .into(),
            asset_owner_id: Some(manager.id),
            status: DeviceStatus::InStore,
            purchase_date: Some(bought),
            notes: String::new(),
        };
        let id = store::insert(tx, &fields, at(bought, 10))?;
        event(
            at(bought, 10),
            id,
            "device.add",
            format!("registered {} ({} {make} {model})", fields.asset_tag, kind.label()),
        );
        // Allocated to people who worked here, one after another.
        let mut day = bought + Duration::days(3);
        let mut status = DeviceStatus::InStore;
        while day < today
            && matches!(kind, DeviceKind::Laptop | DeviceKind::Phone | DeviceKind::Tablet | DeviceKind::UsbStick)
        {
            let candidates: Vec<&PersonRecord> = people
                .iter()
                .filter(|p| p.start_date <= day && p.leaving_date.is_none_or(|last| last > day + Duration::days(30)))
                .collect();
            let Some(holder) = candidates.get((rng.next_u32() as usize) % candidates.len().max(1)) else { break };
            store::allocate(tx, id, holder.id, day, "")?;
            status = DeviceStatus::InUse;
            event(
                at(day, 11),
                id,
                "device.allocate",
                format!("allocated {} to {} ({}) from {day}", fields.asset_tag, holder.full_name, holder.login),
            );
            // A personal device stays with its owner until they leave.
            let until = if personal {
                holder.leaving_date.unwrap_or(today + Duration::days(3650))
            } else {
                holder
                    .leaving_date
                    .unwrap_or(today + Duration::days(3650))
                    .min(day + Duration::days(400 + (rng.next_u64() % 900) as i64))
            };
            if until >= today {
                break;
            }
            store::end_allocation(tx, id, until)?;
            status = DeviceStatus::InStore;
            event(
                at(until, 16),
                id,
                "device.return",
                format!("{} returned by {} on {until}", fields.asset_tag, holder.full_name),
            );
            if personal {
                break;
            }
            day = until + Duration::days(2 + (rng.next_u64() % 20) as i64);
        }
        let fate = rng.next_u32() % 40;
        let final_status = match fate {
            0 if status == DeviceStatus::InUse => Some((DeviceStatus::Lost, "Reported lost after a home visit")),
            1 if status == DeviceStatus::InUse => {
                Some((DeviceStatus::Stolen, "Stolen from a car; reported to the police"))
            }
            _ if age_years >= 7 && status == DeviceStatus::InStore => {
                Some((DeviceStatus::AwaitingDisposal, "End of life"))
            }
            _ => None,
        };
        if let Some((new_status, why)) = final_status {
            status = new_status;
            let when = at((today - Duration::days(5 + i64::from(fate))).max(day), 12);
            event(
                when,
                id,
                "device.status",
                format!("{}: status → {}: {why}", fields.asset_tag, new_status.label().to_lowercase()),
            );
        }
        store::set_status(tx, id, status)?;
    }
    events.extend(disposals(tx, manager, founded, now, &mut rng)?);
    Ok(events)
}

/// Most devices awaiting disposal are destroyed under contract with a certificate, checked by
/// the SIRO; a few are not yet checked or have no certificate. A confidential-waste collection
/// each year.
fn disposals(
    tx: &Connection,
    manager: &PersonRecord,
    founded: Date,
    now: OffsetDateTime,
    rng: &mut ChaCha20Rng,
) -> Result<Vec<DemoEvent>> {
    use crate::disposal::DisposalMethod;
    use crate::disposal::store::{self as disposal_store, NewDisposal};
    let today = now.date();
    let siro = crate::person::all(tx)?.into_iter().find(|p| p.login == "demo.siro");
    let waiting: Vec<_> =
        store::all(tx)?.into_iter().filter(|d| d.fields.status == DeviceStatus::AwaitingDisposal).collect();
    let mut events = Vec::new();
    let mut record = |day: Date, device: Option<(i64, String)>, containers: Option<u32>, n: usize| -> Result<()> {
        let number = format!("COD-{:05}", 1000 + n);
        let what = device.as_ref().map(|(_, tag)| tag.clone()).unwrap_or_else(|| "confidential waste".into());
        let with_certificate = n % 7 != 3;
        let certificate = if with_certificate {
            let pdf = certificate_pdf(&number, &what, day, now)?;
            Some(crate::attachment::store(tx, &format!("{number}.pdf"), &pdf, manager.id, at(day, 15))?)
        } else {
            None
        };
        let new = NewDisposal {
            device_id: device.as_ref().map(|(id, _)| *id),
            disposed_on: day,
            reason: if device.is_some() { "End of life".into() } else { String::new() },
            method: if device.is_some() { DisposalMethod::PhysicalDestruction } else { DisposalMethod::Shredding },
            sanitisation_standard: if device.is_some() {
                "NCSC secure sanitisation of storage media".into()
            } else {
                String::new()
            },
            performed_by: "ShredSafe Ltd (demo)".into(),
            contractor: "ShredSafe Ltd (demo)".into(),
            contract_reference: "SS-DEMO-2019".into(),
            certificate_number: if with_certificate { number.clone() } else { String::new() },
            witness: "Priya Raman".into(),
            reuse_assessment: String::new(),
            consignment_reference: if device.is_none() { format!("WTN-{:05}", 500 + n) } else { String::new() },
            containers,
            recorded_by_id: manager.id,
        };
        let id = disposal_store::insert(tx, &new, certificate.as_ref().map(|c| c.sha256.as_str()), at(day, 16))?;
        if let Some((device_id, _)) = &device {
            store::set_status(tx, *device_id, DeviceStatus::Disposed)?;
        }
        events.push(DemoEvent {
            at: at(day, 16),
            actor: manager.login.clone(),
            action: "disposal.add",
            record_type: "disposal",
            record_id: id.to_string(),
            summary: format!("{what}: {} on {day} by ShredSafe Ltd (demo)", new.method.label().to_lowercase()),
        });
        if let Some(siro) = siro.as_ref().filter(|_| n % 5 != 4) {
            let checked = at(day + Duration::days(3), 10);
            let statement = format!(
                "I, {}, have checked the disposal of {what} on {day}, and the record is correct.",
                siro.full_name
            );
            disposal_store::mark_checked(tx, id, siro.id, &statement, checked)?;
            events.push(DemoEvent {
                at: checked,
                actor: siro.login.clone(),
                action: "disposal.check",
                record_type: "disposal",
                record_id: id.to_string(),
                summary: statement,
            });
        }
        Ok(())
    };
    let mut n = 0;
    for device in waiting.iter().take(waiting.len() * 2 / 3) {
        n += 1;
        let day = today - Duration::days(20 + 30 * n as i64);
        record(
            day.max(device.fields.purchase_date.unwrap_or(founded) + Duration::days(1)),
            Some((device.id, device.fields.asset_tag.clone())),
            None,
            n,
        )?;
    }
    let mut year = founded + Duration::days(200);
    while year < today {
        n += 1;
        record(year, None, Some(4 + rng.next_u32() % 8), n)?;
        year += Duration::days(365);
    }
    Ok(events)
}

/// A small certificate of destruction, as the demo contractor would send it.
fn certificate_pdf(number: &str, what: &str, day: Date, now: OffsetDateTime) -> Result<Vec<u8>> {
    use custodian_pdf::{Block, Document, Metadata};
    let document = Document {
        metadata: Metadata {
            title: format!("Certificate of destruction {number}"),
            author: "ShredSafe Ltd (demo)".into(),
            subject: format!("Destruction of {what}"),
            created: now,
        },
        running_header: "ShredSafe Ltd (demo) — certificate of destruction".into(),
        running_footer: number.into(),
        blocks: vec![
            Block::Heading { level: 1, text: "Certificate of destruction".into() },
            Block::KeyValues(vec![
                ("Certificate".into(), number.into()),
                ("Customer".into(), super::DEMO_PRACTICE_NAME.into()),
                ("Items".into(), what.into()),
                ("Destroyed on".into(), day.to_string()),
                ("Method".into(), "Shredded to 6 mm particles on site".into()),
            ]),
            Block::Paragraph("An invented certificate in the demo practice; not a real document.".into()),
        ],
    };
    custodian_pdf::render(&document).map_err(|e| crate::error::CoreError::Refused(format!("demo certificate: {e}")))
}
