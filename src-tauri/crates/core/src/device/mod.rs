//! The device register: every practice-owned or personal device and removable medium, who held
//! it when, lost and stolen devices, and CSV import and export.

mod csv_file;
pub(crate) mod evidence;
mod kinds;
pub(crate) mod store;

pub use csv_file::{CsvRowProblem, DeviceImportPreview};
pub use kinds::{DeviceKind, DeviceStatus, Ownership, YesNoUnknown};
use time::{Date, OffsetDateTime};

use crate::audit::{self, NewAuditEntry};
use crate::error::{CoreError, Field, Result};
use crate::person::{self, PersonRecord, PersonStatus, parse_date};
use crate::policy::PersonRef;
use crate::role::Permission;
use crate::session::Session;
use crate::validate::Problems;

/// A device's details, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceFields {
    /// Asset tag, unique in the practice.
    pub asset_tag: String,
    /// Kind of device or medium.
    pub kind: DeviceKind,
    /// Make.
    pub make: String,
    /// Model.
    pub model: String,
    /// Serial number (unique when given; may be empty).
    pub serial: String,
    /// Practice or personal.
    pub ownership: Ownership,
    /// Whether it is encrypted.
    pub encryption: YesNoUnknown,
    /// How (e.g. BitLocker, FileVault).
    pub encryption_method: String,
    /// Operating system.
    pub os_name: String,
    /// Its version.
    pub os_version: String,
    /// Whether the vendor still supports that system with security updates.
    pub vendor_supported: YesNoUnknown,
    /// Where it is kept or used.
    pub location: String,
    /// The information asset owner (a person).
    pub asset_owner_id: Option<i64>,
    /// Where it is in its life.
    pub status: DeviceStatus,
    /// When it was bought.
    pub purchase_date: Option<Date>,
    /// Anything else.
    pub notes: String,
}

/// A device in the register, with who holds it now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceRecord {
    /// Row id.
    pub id: i64,
    /// Its details.
    pub fields: DeviceFields,
    /// The information asset owner.
    pub asset_owner: Option<PersonRef>,
    /// Who holds it now.
    pub holder: Option<PersonRef>,
    /// Since when.
    pub held_since: Option<Date>,
}

impl DeviceRecord {
    /// Whether it has been disposed of: its record is then kept as it was.
    pub fn is_disposed(&self) -> bool {
        self.fields.status == DeviceStatus::Disposed
    }

    /// Whether its details and its status may still be changed: not once it is disposed of
    /// (a disposal is recorded in the disposal log).
    pub fn is_changeable(&self) -> bool {
        !self.is_disposed()
    }

    /// Whether it can be allocated, or re-allocated: only while it is in use or in store, not
    /// when it is lost, stolen, awaiting disposal or disposed of.
    pub fn is_allocatable(&self) -> bool {
        matches!(self.fields.status, DeviceStatus::InUse | DeviceStatus::InStore)
    }

    /// Whether its return can be recorded: someone holds it.
    pub fn is_returnable(&self) -> bool {
        self.holder.is_some()
    }

    /// Whether the register offers to record an incident about it, and lists it among the devices
    /// an incident may name: any device not disposed of.
    pub fn offers_incident(&self) -> bool {
        !self.is_disposed()
    }

    /// Whether it is lost or stolen: an incident about it is a lost or stolen device incident.
    pub fn is_missing(&self) -> bool {
        self.fields.status.is_missing()
    }
}

/// One allocation: who held a device, from when to when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Allocation {
    /// Row id.
    pub id: i64,
    /// The device.
    pub device_id: i64,
    /// Who held it.
    pub person: PersonRef,
    /// Their first day with it.
    pub from: Date,
    /// Their last day with it; `None` while they hold it.
    pub to: Option<Date>,
    /// A note (e.g. what came with it).
    pub note: String,
}

/// A device's details as typed into the device form (dates `YYYY-MM-DD`; choices by stored name).
#[derive(Clone, Debug, Default)]
pub struct DeviceForm<'a> {
    /// Asset tag.
    pub asset_tag: &'a str,
    /// Kind (stored name or label).
    pub kind: &'a str,
    /// Make.
    pub make: &'a str,
    /// Model.
    pub model: &'a str,
    /// Serial number.
    pub serial: &'a str,
    /// practice or personal.
    pub ownership: &'a str,
    /// yes, no or unknown.
    pub encryption: &'a str,
    /// How it is encrypted.
    pub encryption_method: &'a str,
    /// Operating system.
    pub os_name: &'a str,
    /// Its version.
    pub os_version: &'a str,
    /// yes, no or unknown.
    pub vendor_supported: &'a str,
    /// Location.
    pub location: &'a str,
    /// Information asset owner (a person's id).
    pub asset_owner_id: Option<i64>,
    /// Status (stored name or label); empty means in store.
    pub status: &'a str,
    /// Purchase date, or empty.
    pub purchase_date: &'a str,
    /// Notes.
    pub notes: &'a str,
}

const MAX_TEXT: usize = 200;

fn text(problems: &mut Problems, field: Field, typed: &str, what: &str) -> String {
    let value = crate::validate::single_spaced(typed);
    if value.chars().count() > MAX_TEXT || value.chars().any(char::is_control) {
        problems.check::<()>(field, Err(format!("The {what} must be {MAX_TEXT} characters or fewer")));
    }
    value
}

fn choice<T>(
    problems: &mut Problems,
    field: Field,
    typed: &str,
    parse: fn(&str) -> Option<T>,
    message: &str,
) -> Option<T> {
    problems.check(field, parse(typed).ok_or_else(|| message.to_owned()))
}

/// Checks a form against the register (unique tag and serial, a current asset owner).
pub(crate) fn check_form(
    conn: &custodian_vault::rusqlite::Connection,
    form: &DeviceForm<'_>,
    except: Option<i64>,
    today: Date,
) -> Result<DeviceFields> {
    let mut problems = Problems::default();
    let fields = check_values(form, &mut problems);
    if let Some(f) = &fields {
        if store::asset_tag_taken(conn, &f.asset_tag, except)? {
            problems
                .check::<()>(Field::AssetTag, Err(format!("Another device already has the asset tag {}", f.asset_tag)));
        }
        if let Some(other) = store::serial_holder(conn, &f.serial, except)? {
            problems
                .check::<()>(Field::Serial, Err(format!("Device {other} already has the serial number {}", f.serial)));
        }
        if let Some(owner) = f.asset_owner_id {
            match person::by_id(conn, owner) {
                Ok(p) if !matches!(p.status(today), PersonStatus::Left(_)) => {}
                Ok(p) => {
                    problems.check::<()>(
                        Field::AssetOwner,
                        Err(format!("{} has left; choose a current owner", p.full_name)),
                    );
                }
                Err(_) => {
                    problems.check::<()>(Field::AssetOwner, Err("Choose the owner from the staff register".into()));
                }
            }
        }
    }
    problems.finish()?;
    fields.ok_or(CoreError::Incomplete("device form"))
}

/// Checks the form's values on their own (no database), recording every problem.
pub(crate) fn check_values(form: &DeviceForm<'_>, problems: &mut Problems) -> Option<DeviceFields> {
    let asset_tag = text(problems, Field::AssetTag, form.asset_tag, "asset tag");
    if asset_tag.is_empty() {
        problems.check::<()>(Field::AssetTag, Err("Enter the device's asset tag".into()));
    }
    let kind = choice(problems, Field::DeviceKind, form.kind, DeviceKind::parse, "Choose what kind of device it is");
    let ownership = choice(
        problems,
        Field::Ownership,
        form.ownership,
        Ownership::parse,
        "Say whether the practice or a person owns it",
    );
    let encryption = if form.encryption.trim().is_empty() {
        Some(YesNoUnknown::Unknown)
    } else {
        choice(
            problems,
            Field::Encryption,
            form.encryption,
            YesNoUnknown::parse,
            "Say whether it is encrypted: yes, no or unknown",
        )
    };
    let vendor_supported = if form.vendor_supported.trim().is_empty() {
        Some(YesNoUnknown::Unknown)
    } else {
        choice(
            problems,
            Field::VendorSupported,
            form.vendor_supported,
            YesNoUnknown::parse,
            "Say whether its system is still supported: yes, no or unknown",
        )
    };
    let status = if form.status.trim().is_empty() {
        Some(DeviceStatus::InStore)
    } else {
        choice(problems, Field::DeviceStatus, form.status, DeviceStatus::parse, "Choose the device's status")
    };
    let purchase_date = if form.purchase_date.trim().is_empty() {
        Some(None)
    } else {
        problems.check(Field::PurchaseDate, parse_date(form.purchase_date, "purchase date")).map(Some)
    };
    let fields = DeviceFields {
        make: text(problems, Field::Make, form.make, "make"),
        model: text(problems, Field::Model, form.model, "model"),
        serial: text(problems, Field::Serial, form.serial, "serial number"),
        encryption_method: text(problems, Field::EncryptionMethod, form.encryption_method, "encryption method"),
        os_name: text(problems, Field::OsName, form.os_name, "operating system"),
        os_version: text(problems, Field::OsVersion, form.os_version, "system version"),
        location: text(problems, Field::Location, form.location, "location"),
        notes: form.notes.trim().chars().take(2000).collect(),
        asset_tag,
        kind: kind?,
        ownership: ownership?,
        encryption: encryption?,
        vendor_supported: vendor_supported?,
        asset_owner_id: form.asset_owner_id,
        status: status?,
        purchase_date: purchase_date?,
    };
    if fields.status == DeviceStatus::Disposed {
        problems.check::<()>(Field::DeviceStatus, Err("Record a disposal to mark a device disposed".into()));
        return None;
    }
    Some(fields)
}

fn entry<'a>(actor: &'a str, action: &'static str, id: i64, summary: String) -> NewAuditEntry<'a> {
    NewAuditEntry { actor_login: actor, action, record_type: "device", record_id: id.to_string(), summary }
}

impl Session {
    /// The register for those who may see it; otherwise the devices the person holds.
    pub fn devices(&self, now: OffsetDateTime) -> Result<Vec<DeviceRecord>> {
        let all = store::all(self.vault.connection())?;
        match self.require(Permission::ViewDevices, now) {
            Ok(_) => Ok(all),
            Err(CoreError::Forbidden { .. }) => {
                Ok(all.into_iter().filter(|d| d.holder.as_ref().is_some_and(|h| h.id == self.person.id)).collect())
            }
            Err(other) => Err(other),
        }
    }

    /// One device with who held it when, oldest first (anyone may see a device they hold).
    pub fn device_history(&self, id: i64, now: OffsetDateTime) -> Result<(DeviceRecord, Vec<Allocation>)> {
        let conn = self.vault.connection();
        let device = store::by_id(conn, id)?;
        if device.holder.as_ref().is_none_or(|h| h.id != self.person.id) {
            self.require(Permission::ViewDevices, now)?;
        }
        Ok((device, store::allocations(conn, Some(id))?))
    }

    /// Adds a device to the register. Practice managers and IG leads.
    pub fn add_device(&mut self, form: &DeviceForm<'_>, now: OffsetDateTime) -> Result<DeviceRecord> {
        let me = self.require(Permission::ManageDevices, now)?;
        self.refresh()?;
        let fields = check_form(self.vault.connection(), form, None, now.date())?;
        let id = self.vault.write(|tx| {
            let id = store::insert(tx, &fields, now)?;
            let summary = format!(
                "registered {} ({} {} {}, {}, serial {})",
                fields.asset_tag,
                fields.kind.label(),
                fields.make,
                fields.model,
                fields.ownership.label().to_lowercase(),
                if fields.serial.is_empty() { "none" } else { &fields.serial }
            );
            audit::append(tx, now, &entry(&me.login, "device.add", id, summary))?;
            Ok::<_, CoreError>(id)
        })?;
        store::by_id(self.vault.connection(), id)
    }

    /// Changes a device's details.
    pub fn update_device(&mut self, id: i64, form: &DeviceForm<'_>, now: OffsetDateTime) -> Result<DeviceRecord> {
        let me = self.require(Permission::ManageDevices, now)?;
        self.refresh()?;
        let before = store::by_id(self.vault.connection(), id)?;
        if !before.is_changeable() {
            return Err(CoreError::Refused(format!(
                "{} was disposed of; its record is kept as it was",
                before.fields.asset_tag
            )));
        }
        let fields = check_form(self.vault.connection(), form, Some(id), now.date())?;
        let summary = change_summary(&before.fields, &fields);
        self.vault.write(|tx| {
            store::update(tx, id, &fields)?;
            audit::append(
                tx,
                now,
                &entry(&me.login, "device.update", id, format!("{}: {summary}", before.fields.asset_tag)),
            )
        })?;
        store::by_id(self.vault.connection(), id)
    }

    /// Allocates a device to a person from a day; a device held by someone else is returned by
    /// them the day before (re-allocation). Refused for leavers and for lost, stolen or disposed
    /// devices.
    pub fn allocate_device(
        &mut self,
        id: i64,
        person_id: i64,
        from: &str,
        note: &str,
        now: OffsetDateTime,
    ) -> Result<DeviceRecord> {
        let me = self.require(Permission::ManageDevices, now)?;
        self.refresh()?;
        let conn = self.vault.connection();
        let device = store::by_id(conn, id)?;
        let from =
            parse_date(from, "first day with the device").map_err(|m| CoreError::invalid(Field::AllocationDate, m))?;
        let person = person::by_id(conn, person_id)
            .map_err(|_| CoreError::invalid(Field::Holder, "Choose a person from the staff register"))?;
        check_allocatable(&device, &person, from)?;
        if let Some(since) = device.held_since
            && from <= since
        {
            return Err(CoreError::invalid(
                Field::AllocationDate,
                format!(
                    "{} has held it since {since}; choose a later day",
                    device.holder.map(|h| h.full_name).unwrap_or_default()
                ),
            ));
        }
        let note = note.trim().to_owned();
        self.vault.write(|tx| {
            if let Some(holder) = &device.holder {
                store::end_allocation(tx, id, from.previous_day().unwrap_or(from))?;
                let summary = format!("{} returned by {} on re-allocation", device.fields.asset_tag, holder.full_name);
                audit::append(tx, now, &entry(&me.login, "device.return", id, summary))?;
            }
            store::allocate(tx, id, person_id, from, &note)?;
            if device.fields.status == DeviceStatus::InStore {
                store::set_status(tx, id, DeviceStatus::InUse)?;
            }
            let summary =
                format!("allocated {} to {} ({}) from {from}", device.fields.asset_tag, person.full_name, person.login);
            audit::append(tx, now, &entry(&me.login, "device.allocate", id, summary))
        })?;
        store::by_id(self.vault.connection(), id)
    }

    /// Records that the holder gave the device back, on `on` (their last day with it); it goes
    /// into store.
    pub fn return_device(&mut self, id: i64, on: &str, now: OffsetDateTime) -> Result<DeviceRecord> {
        let me = self.require(Permission::ManageDevices, now)?;
        self.refresh()?;
        let device = store::by_id(self.vault.connection(), id)?;
        let Some(holder) = device.holder.clone() else {
            return Err(CoreError::Refused(format!("{} is not allocated to anyone", device.fields.asset_tag)));
        };
        let on = parse_date(on, "day it was returned").map_err(|m| CoreError::invalid(Field::ReturnDate, m))?;
        if device.held_since.is_some_and(|since| on < since) {
            return Err(CoreError::invalid(Field::ReturnDate, "It cannot be returned before it was allocated"));
        }
        self.vault.write(|tx| {
            store::end_allocation(tx, id, on)?;
            if device.fields.status == DeviceStatus::InUse {
                store::set_status(tx, id, DeviceStatus::InStore)?;
            }
            let summary = format!("{} returned by {} on {on}", device.fields.asset_tag, holder.full_name);
            audit::append(tx, now, &entry(&me.login, "device.return", id, summary))
        })?;
        store::by_id(self.vault.connection(), id)
    }

    /// Marks a device lost, stolen, in store, in use or awaiting disposal, with a note of why.
    /// (Disposed is recorded through a disposal.)
    pub fn set_device_status(
        &mut self,
        id: i64,
        status: DeviceStatus,
        reason: &str,
        now: OffsetDateTime,
    ) -> Result<DeviceRecord> {
        let me = self.require(Permission::ManageDevices, now)?;
        self.refresh()?;
        let device = store::by_id(self.vault.connection(), id)?;
        if status == DeviceStatus::Disposed || !device.is_changeable() {
            return Err(CoreError::Refused("Disposals are recorded in the disposal log".into()));
        }
        let reason = crate::validate::single_spaced(reason);
        if matches!(status, DeviceStatus::Lost | DeviceStatus::Stolen) && reason.is_empty() {
            return Err(CoreError::invalid(Field::Reason, "Say briefly what happened"));
        }
        self.vault.write(|tx| {
            store::set_status(tx, id, status)?;
            let why = if reason.is_empty() { String::new() } else { format!(": {reason}") };
            let summary = format!(
                "{}: status {} → {}{why}",
                device.fields.asset_tag,
                device.fields.status.label().to_lowercase(),
                status.label().to_lowercase()
            );
            audit::append(tx, now, &entry(&me.login, "device.status", id, summary))
        })?;
        store::by_id(self.vault.connection(), id)
    }

    /// Devices still held by people who have left or are leaving: to be returned.
    pub fn devices_to_return(&self, now: OffsetDateTime) -> Result<Vec<(DeviceRecord, PersonRecord)>> {
        self.require(Permission::ViewDevices, now)?;
        let conn = self.vault.connection();
        let people = person::all(conn)?;
        Ok(store::all(conn)?
            .into_iter()
            .filter_map(|d| {
                let holder = people.iter().find(|p| Some(p.id) == d.holder.as_ref().map(|h| h.id))?;
                holder.leaving_date.is_some().then(|| (d, holder.clone()))
            })
            .collect())
    }
}

fn check_allocatable(device: &DeviceRecord, person: &PersonRecord, from: Date) -> Result<()> {
    if let Some(last) = person.leaving_date
        && last < from
    {
        return Err(CoreError::invalid(
            Field::Holder,
            format!("{} left on {last}; choose someone who works here", person.full_name),
        ));
    }
    if person.start_date > from {
        return Err(CoreError::invalid(
            Field::AllocationDate,
            format!("{} starts on {}; allocate it from then", person.full_name, person.start_date),
        ));
    }
    if device.is_allocatable() {
        Ok(())
    } else {
        Err(CoreError::Refused(format!(
            "{} is {}, so it cannot be allocated",
            device.fields.asset_tag,
            device.fields.status.label().to_lowercase()
        )))
    }
}

/// "make: Dell → HP; status: in store → in use" — only what changed.
fn change_summary(before: &DeviceFields, after: &DeviceFields) -> String {
    let mut changes = Vec::new();
    let mut note = |what: &str, old: &str, new: &str| {
        if old != new {
            changes.push(format!(
                "{what}: {} → {}",
                if old.is_empty() { "none" } else { old },
                if new.is_empty() { "none" } else { new }
            ));
        }
    };
    note("asset tag", &before.asset_tag, &after.asset_tag);
    note("type", before.kind.label(), after.kind.label());
    note("make", &before.make, &after.make);
    note("model", &before.model, &after.model);
    note("serial", &before.serial, &after.serial);
    note("ownership", before.ownership.label(), after.ownership.label());
    note("encrypted", before.encryption.label(), after.encryption.label());
    note("encryption method", &before.encryption_method, &after.encryption_method);
    note("system", &before.os_name, &after.os_name);
    note("system version", &before.os_version, &after.os_version);
    note("supported", before.vendor_supported.label(), after.vendor_supported.label());
    note("location", &before.location, &after.location);
    note("status", before.status.label(), after.status.label());
    note("notes", &before.notes, &after.notes);
    if before.asset_owner_id != after.asset_owner_id {
        changes.push("information asset owner changed".into());
    }
    if before.purchase_date != after.purchase_date {
        changes.push(format!(
            "purchase date: {} → {}",
            before.purchase_date.map(|d| d.to_string()).unwrap_or_else(|| "none".into()),
            after.purchase_date.map(|d| d.to_string()).unwrap_or_else(|| "none".into())
        ));
    }
    if changes.is_empty() { "no change".into() } else { changes.join("; ") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn device(status: DeviceStatus, held: bool) -> DeviceRecord {
        let form = DeviceForm { asset_tag: "LT-1", kind: "laptop", ownership: "practice", ..DeviceForm::default() };
        let mut fields = check_values(&form, &mut Problems::default()).expect("a valid form");
        fields.status = status;
        let holder = held.then(|| PersonRef { id: 2, full_name: "Jordan Ellis".into() });
        DeviceRecord { id: 1, fields, asset_owner: None, holder, held_since: None }
    }

    #[test]
    fn what_may_be_done_with_a_device_follows_its_status_and_holder() {
        // [changeable, allocatable, returnable, takes incidents, missing]
        let check = |status: DeviceStatus, held: bool, expected: [bool; 5]| {
            let d = device(status, held);
            let found = [d.is_changeable(), d.is_allocatable(), d.is_returnable(), d.offers_incident(), d.is_missing()];
            assert_eq!(found, expected, "{status:?}, held: {held}");
        };
        check(DeviceStatus::InUse, true, [true, true, true, true, false]);
        check(DeviceStatus::InStore, false, [true, true, false, true, false]);
        check(DeviceStatus::Lost, true, [true, false, true, true, true]);
        check(DeviceStatus::Stolen, false, [true, false, false, true, true]);
        check(DeviceStatus::AwaitingDisposal, false, [true, false, false, true, false]);
        check(DeviceStatus::Disposed, false, [false, false, false, false, false]);
        assert!(
            device(DeviceStatus::Disposed, false).is_disposed() && !device(DeviceStatus::InUse, true).is_disposed()
        );
    }
}
