//! Wire types of BYOD checks and notifications.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{AttachmentView, PersonRefView};

/// One checklist item.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChecklistItemView {
    /// Stable key.
    pub key: String,
    /// What to check.
    pub text: String,
}

/// A checklist as it stands now.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChecklistView {
    /// `byod-computer` or `byod-phone`.
    pub key: String,
    /// "1.0", "1.2".
    pub version: String,
    /// Title.
    pub title: String,
    /// Items.
    pub items: Vec<ChecklistItemView>,
}

/// One answered item.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CheckedItemView {
    /// Item key.
    pub key: String,
    /// Its text when checked.
    pub text: String,
    /// `pass`, `fail` or `not_applicable`.
    pub result: String,
    /// Note.
    pub note: String,
    /// Screenshot or photo.
    pub evidence: Option<AttachmentView>,
}

/// A recorded check.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ByodCheckRow {
    /// Row id.
    #[ts(type = "number")]
    pub id: i64,
    /// Whose device.
    pub person: PersonRefView,
    /// The device's id.
    #[ts(type = "number")]
    pub device_id: i64,
    /// Its asset tag.
    pub asset_tag: String,
    /// Checklist title.
    pub checklist_title: String,
    /// Checklist version used.
    pub checklist_version: String,
    /// Who checked.
    pub checked_by: PersonRefView,
    /// When, `YYYY-MM-DD`.
    pub checked_on: String,
    /// Items.
    pub items: Vec<CheckedItemView>,
    /// `approved`, `approved_with_risk` or `refused`.
    pub outcome: String,
    /// The risk to accept.
    pub risk: String,
    /// The SIRO who accepted it.
    pub risk_accepted_by: Option<PersonRefView>,
    /// When.
    pub risk_accepted_at: Option<String>,
    /// The statement signed.
    pub risk_statement: Option<String>,
    /// Re-check due, `YYYY-MM-DD`; null for a refused check or one a later check replaced.
    pub recheck_due: Option<String>,
    /// The roles told of it (labels: "SIRO", "DPO"), in role order; empty when no one was.
    pub notified: Vec<String>,
}

/// A personal device that can be checked.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CheckableDevice {
    /// The device.
    #[ts(type = "number")]
    pub id: i64,
    /// "PH-0012 — Mobile phone Samsung Galaxy A54".
    pub label: String,
    /// The checklist a device of its kind is checked against, if any.
    pub checklist_key: Option<String>,
    /// Who holds it, if anyone.
    #[ts(type = "number | null")]
    pub holder_id: Option<i64>,
}

/// The BYOD screen.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ByodView {
    /// Every check, newest first.
    pub checks: Vec<ByodCheckRow>,
    /// The checklists.
    pub checklists: Vec<ChecklistView>,
    /// Whether the viewer runs checks.
    pub can_check: bool,
    /// Whether the viewer is the SIRO (accepts risks).
    pub can_accept_risk: bool,
    /// Personal devices in the register (not disposed).
    pub devices: Vec<CheckableDevice>,
    /// Current staff.
    pub people: Vec<PersonRefView>,
}

/// One item's answer.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ItemAnswerRequest {
    /// Item key.
    pub item_key: String,
    /// `pass`, `fail` or `not_applicable`.
    pub result: String,
    /// Note (required for a fail).
    pub note: String,
    /// A screenshot or photo chosen in the open dialog, or empty.
    pub evidence_path: String,
}

/// Record a check.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ByodCheckRequest {
    /// Whose device.
    #[ts(type = "number")]
    pub person_id: i64,
    /// The device.
    #[ts(type = "number")]
    pub device_id: i64,
    /// The checklist.
    pub checklist_key: String,
    /// The day, `YYYY-MM-DD`.
    pub checked_on: String,
    /// Every item's answer.
    pub answers: Vec<ItemAnswerRequest>,
    /// `approved`, `approved_with_risk` or `refused`.
    pub outcome: String,
    /// The risk, for approved_with_risk.
    pub risk: String,
}

/// Add an item to a checklist.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChecklistItemRequest {
    /// The checklist.
    pub checklist_key: String,
    /// The item.
    pub text: String,
}

/// A notification for the signed-in person's role.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NotificationRow {
    /// Row id.
    #[ts(type = "number")]
    pub id: i64,
    /// The role it is for (label).
    pub role: String,
    /// What it is about (`byod_check`).
    pub record_type: String,
    /// What happened.
    pub message: String,
    /// When (RFC 3339).
    pub created_at: String,
}
