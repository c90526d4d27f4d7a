//! Wire types of the disposal log.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ChoiceOption, PersonRefView};

/// A certificate or other evidence file kept in the vault.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AttachmentView {
    /// Its file name.
    pub file_name: String,
    /// SHA-256 (hex).
    pub sha256: String,
    /// `application/pdf`, `image/png` or `image/jpeg`.
    pub media_type: String,
    /// Size in bytes.
    pub size: u32,
}

/// One disposal.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DisposalRow {
    /// Row id.
    #[ts(type = "number")]
    pub id: i64,
    /// The device's asset tag, or null for a confidential-waste collection.
    pub asset_tag: Option<String>,
    /// The day, `YYYY-MM-DD`.
    pub disposed_on: String,
    /// Why.
    pub reason: String,
    /// How (stored name).
    pub method: String,
    /// How, for people.
    pub method_label: String,
    /// Standard followed.
    pub sanitisation_standard: String,
    /// Who did it.
    pub performed_by: String,
    /// Contractor.
    pub contractor: String,
    /// Contract reference.
    pub contract_reference: String,
    /// Certificate number.
    pub certificate_number: String,
    /// The certificate file.
    pub certificate: Option<AttachmentView>,
    /// Witness.
    pub witness: String,
    /// Re-use assessment.
    pub reuse_assessment: String,
    /// Consignment reference (confidential waste).
    pub consignment_reference: String,
    /// Bags or containers (confidential waste).
    pub containers: Option<u32>,
    /// Who recorded it.
    pub recorded_by: PersonRefView,
    /// When (RFC 3339).
    pub recorded_at: String,
    /// Who checked and signed it.
    pub checked_by: Option<PersonRefView>,
    /// When.
    pub checked_at: Option<String>,
    /// The statement signed.
    pub check_statement: Option<String>,
}

/// A device that may be disposed of (not disposed, not held).
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DisposableDevice {
    /// The device.
    #[ts(type = "number")]
    pub id: i64,
    /// "LT-0012 — Laptop Dell Latitude 5440".
    pub label: String,
}

/// The disposal log screen.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DisposalLogView {
    /// Every disposal, newest first.
    pub disposals: Vec<DisposalRow>,
    /// Whether the viewer records disposals.
    pub can_record: bool,
    /// Whether the viewer may check and sign them (IG lead or SIRO).
    pub can_check: bool,
    /// Devices that may be disposed of now.
    pub devices: Vec<DisposableDevice>,
    /// How a device may be disposed of.
    pub device_methods: Vec<ChoiceOption>,
    /// How confidential waste may be destroyed.
    pub waste_methods: Vec<ChoiceOption>,
}

/// Record a disposal (a device's, or with no device a confidential-waste collection).
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DisposalRequest {
    /// The device, or null for confidential waste.
    #[ts(type = "number | null")]
    pub device_id: Option<i64>,
    /// The day, `YYYY-MM-DD`.
    pub disposed_on: String,
    /// Why.
    pub reason: String,
    /// How (stored name).
    pub method: String,
    /// Standard followed.
    pub sanitisation_standard: String,
    /// Who did it.
    pub performed_by: String,
    /// Contractor.
    pub contractor: String,
    /// Contract reference.
    pub contract_reference: String,
    /// Certificate number.
    pub certificate_number: String,
    /// The certificate file chosen in the open dialog (PDF, PNG or JPEG), or empty.
    pub certificate_path: String,
    /// Witness.
    pub witness: String,
    /// Re-use assessment (wipe and re-use).
    pub reuse_assessment: String,
    /// Consignment reference (confidential waste).
    pub consignment_reference: String,
    /// Bags or containers (confidential waste).
    pub containers: String,
}
