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
            let until = holder
                .leaving_date
                .unwrap_or(today + Duration::days(3650))
                .min(day + Duration::days(400 + (rng.next_u64() % 900) as i64));
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
    Ok(events)
}
