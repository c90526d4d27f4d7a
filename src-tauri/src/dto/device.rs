//! Wire types of the device register.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::PersonRefView;

/// A choice with its label, for pickers (kind, ownership, status, yes/no/unknown).
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChoiceOption {
    /// The stored name sent back in requests, e.g. `usb_stick`.
    pub value: String,
    /// Its label, e.g. "USB stick".
    pub label: String,
}

/// One device in the register.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeviceRow {
    /// Row id.
    #[ts(type = "number")]
    pub id: i64,
    /// Asset tag.
    pub asset_tag: String,
    /// Kind (stored name).
    pub kind: String,
    /// Whether it is removable media.
    pub removable_media: bool,
    /// Whether it is lost or stolen: an incident about it is a lost or stolen device incident.
    pub missing: bool,
    /// Make.
    pub make: String,
    /// Model.
    pub model: String,
    /// Serial number (may be empty).
    pub serial: String,
    /// `practice` or `personal`.
    pub ownership: String,
    /// `yes`, `no` or `unknown`.
    pub encryption: String,
    /// How it is encrypted.
    pub encryption_method: String,
    /// Operating system.
    pub os_name: String,
    /// Its version.
    pub os_version: String,
    /// `yes`, `no` or `unknown`.
    pub vendor_supported: String,
    /// Location.
    pub location: String,
    /// Information asset owner.
    pub asset_owner: Option<PersonRefView>,
    /// Status (stored name).
    pub status: String,
    /// Purchase date, `YYYY-MM-DD`.
    pub purchase_date: Option<String>,
    /// Notes.
    pub notes: String,
    /// Who holds it now.
    pub holder: Option<PersonRefView>,
    /// Since when, `YYYY-MM-DD`.
    pub held_since: Option<String>,
}

/// A device still held by someone who has left or is leaving.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeviceToReturn {
    /// The device.
    #[ts(type = "number")]
    pub device_id: i64,
    /// Its asset tag.
    pub asset_tag: String,
    /// Who holds it.
    pub holder: String,
    /// Their last day, `YYYY-MM-DD`.
    pub last_day: String,
}

/// The device register screen.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeviceRegisterView {
    /// Every device the viewer may see, by asset tag.
    pub devices: Vec<DeviceRow>,
    /// Devices held by leavers, to be returned.
    pub to_return: Vec<DeviceToReturn>,
    /// Whether the viewer keeps the register.
    pub can_manage: bool,
    /// Current staff, for the holder and owner pickers (empty unless the viewer manages).
    pub people: Vec<PersonRefView>,
    /// Device kinds.
    pub kinds: Vec<ChoiceOption>,
    /// Ownerships.
    pub ownerships: Vec<ChoiceOption>,
    /// Yes / no / unknown.
    pub answers: Vec<ChoiceOption>,
    /// Statuses (without "disposed", which a disposal records).
    pub statuses: Vec<ChoiceOption>,
    /// The statuses a manager sets by hand on a device's page.
    pub statuses_set_by_hand: Vec<ChoiceOption>,
    /// Lost and stolen, recorded with what happened.
    pub missing_statuses: Vec<ChoiceOption>,
}

/// One allocation.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AllocationRow {
    /// Who held it.
    pub person: PersonRefView,
    /// From, `YYYY-MM-DD`.
    pub from: String,
    /// To, `YYYY-MM-DD`; null while they hold it.
    pub to: Option<String>,
    /// Note.
    pub note: String,
}

/// One device with who held it when.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeviceDetailView {
    /// The device.
    pub device: DeviceRow,
    /// Allocations, oldest first.
    pub allocations: Vec<AllocationRow>,
    /// The incidents it is linked to, newest first (empty for those who may not see them).
    pub incidents: Vec<super::DeviceIncidentRow>,
    /// What the viewer may do with it now.
    pub actions: DeviceActions,
}

/// What the viewer may do with one device now: core's rules for the device, and their permissions.
#[derive(Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeviceActions {
    /// Change its details (not once it is disposed of).
    pub may_edit: bool,
    /// Allocate or re-allocate it (only in use or in store).
    pub may_allocate: bool,
    /// Record its return (someone holds it).
    pub may_return: bool,
    /// Mark it lost or stolen, or change its status otherwise (not once it is disposed of).
    pub may_change_status: bool,
    /// Offer to record an incident about it (anyone may; not for a disposed device).
    pub offer_incident: bool,
}

/// A device's details as typed (choices by stored name; dates `YYYY-MM-DD` or empty).
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeviceFormRequest {
    /// Asset tag.
    pub asset_tag: String,
    /// Kind.
    pub kind: String,
    /// Make.
    pub make: String,
    /// Model.
    pub model: String,
    /// Serial number.
    pub serial: String,
    /// Ownership.
    pub ownership: String,
    /// Encrypted?
    pub encryption: String,
    /// How.
    pub encryption_method: String,
    /// Operating system.
    pub os_name: String,
    /// Version.
    pub os_version: String,
    /// Supported?
    pub vendor_supported: String,
    /// Location.
    pub location: String,
    /// Information asset owner.
    #[ts(type = "number | null")]
    pub asset_owner_id: Option<i64>,
    /// Status.
    pub status: String,
    /// Purchase date.
    pub purchase_date: String,
    /// Notes.
    pub notes: String,
}

/// Change a device.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeviceUpdateRequest {
    /// The device.
    #[ts(type = "number")]
    pub id: i64,
    /// Its details.
    pub device: DeviceFormRequest,
}

/// Allocate a device.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AllocateRequest {
    /// The device.
    #[ts(type = "number")]
    pub id: i64,
    /// To whom.
    #[ts(type = "number")]
    pub person_id: i64,
    /// From, `YYYY-MM-DD`.
    pub from: String,
    /// A note.
    pub note: String,
}

/// Record a device's return.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReturnDeviceRequest {
    /// The device.
    #[ts(type = "number")]
    pub id: i64,
    /// The holder's last day with it, `YYYY-MM-DD`.
    pub on: String,
}

/// Change a device's status (lost, stolen, in store, in use, awaiting disposal).
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeviceStatusRequest {
    /// The device.
    #[ts(type = "number")]
    pub id: i64,
    /// The new status (stored name).
    pub status: String,
    /// What happened (required for lost and stolen).
    pub reason: String,
}

/// Preview or import a CSV file chosen in the open dialog.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeviceImportRequest {
    /// The file's path.
    pub path: String,
}

/// One problem in an imported file.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CsvProblemRow {
    /// Line in the file (the header is line 1).
    #[ts(type = "number")]
    pub line: u64,
    /// The row's asset tag.
    pub asset_tag: String,
    /// What is wrong.
    pub message: String,
}

/// What an import would do.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeviceImportPreviewView {
    /// Devices in the file.
    pub rows: u32,
    /// Their asset tags.
    pub asset_tags: Vec<String>,
    /// Every problem; the import can be applied only when there are none.
    pub problems: Vec<CsvProblemRow>,
}
