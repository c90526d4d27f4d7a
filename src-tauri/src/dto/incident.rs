//! Wire types of incident records.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ChoiceOption, PersonRefView, RoleOption};

/// One step of a grading scale, from the national guide.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GradeStepView {
    /// 1 to 5.
    pub score: u8,
    /// Its name ("Likely", "Serious").
    pub label: String,
    /// What it means.
    pub meaning: String,
}

/// What one likelihood × severity grade means.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GradeCellView {
    /// 1 to 5.
    pub likelihood: u8,
    /// 1 to 5.
    pub severity: u8,
    /// Reportable to the ICO through the DSPT incident reporting tool.
    pub reportable: bool,
    /// DHSC is told as well.
    pub notify_dhsc: bool,
}

/// The grading rules built into this version, for the likelihood × severity grid.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GradingView {
    /// Where the rules come from.
    pub source: String,
    /// Likelihood that harm has occurred, 1 to 5.
    pub likelihood: Vec<GradeStepView>,
    /// Severity of the harm, 1 to 5.
    pub severity: Vec<GradeStepView>,
    /// What every grade means, likelihood by likelihood.
    pub cells: Vec<GradeCellView>,
    /// Hours from awareness to report a reportable incident.
    pub deadline_hours: u32,
}

/// An incident's grade and what it means.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentGradeView {
    /// 1 to 5.
    pub likelihood: u8,
    /// Its name.
    pub likelihood_label: String,
    /// 1 to 5.
    pub severity: u8,
    /// Its name.
    pub severity_label: String,
    /// Reportable to the ICO through the DSPT incident reporting tool.
    pub reportable: bool,
    /// DHSC is told as well.
    pub notify_dhsc: bool,
}

/// The reports made about an incident, or why none was.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentReportView {
    /// Why a reportable incident was not reported.
    pub not_reported_reason: String,
    /// The DSPT incident reporting tool's reference.
    pub dspt_reference: String,
    /// When it was reported through the DSPT tool (RFC 3339).
    pub dspt_reported_at: Option<String>,
    /// The ICO's case reference.
    pub ico_reference: String,
    /// When the ICO was told (RFC 3339).
    pub ico_reported_at: Option<String>,
    /// The DPO was consulted.
    pub dpo_consulted: bool,
    /// The people affected were told.
    pub individuals_told: bool,
    /// How and when they were told, or why not.
    pub individuals_note: String,
}

/// A device or policy linked to an incident.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentLinkView {
    /// The device's or policy's id.
    #[ts(type = "number")]
    pub id: i64,
    /// Its asset tag or title.
    pub label: String,
}

/// One entry of an incident's log of containment and actions.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentActionView {
    /// When (RFC 3339).
    pub at: String,
    /// Who (full name).
    pub by: String,
    /// What was done.
    pub text: String,
}

/// One status change and its reason.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentStatusChangeView {
    /// When (RFC 3339).
    pub at: String,
    /// Who.
    pub by: PersonRefView,
    /// The status before.
    pub from: String,
    /// Its label.
    pub from_label: String,
    /// The status after.
    pub to: String,
    /// Its label.
    pub to_label: String,
    /// Why.
    pub reason: String,
}

/// One signature of an incident's closure review.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentSignOffView {
    /// The role signed for.
    pub role: RoleOption,
    /// Who signed.
    pub by: PersonRefView,
    /// When (RFC 3339).
    pub at: String,
    /// The statement signed.
    pub statement: String,
}

/// One incident, with everything its screens show and what the viewer may do with it.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentRow {
    /// Row id.
    #[ts(type = "number")]
    pub id: i64,
    /// `INC-2026-007`.
    pub reference: String,
    /// `ig`, `cyber` or `both`.
    pub kind: String,
    /// Its label.
    pub kind_label: String,
    /// Category key.
    pub category: String,
    /// Its label.
    pub category_label: String,
    /// Breach types: `confidentiality`, `integrity`, `availability`.
    pub breach_types: Vec<String>,
    /// When it happened (RFC 3339).
    pub occurred_at: String,
    /// When the practice became aware (RFC 3339): the 72-hour clock starts here.
    pub aware_at: String,
    /// Why awareness is recorded before the incident, if it is.
    pub aware_first_reason: String,
    /// What happened.
    pub description: String,
    /// Special-category (health) data involved.
    pub special_category: bool,
    /// Vulnerable people involved.
    pub vulnerable_people: bool,
    /// A confidentiality breach involving health data: the Caldicott Guardian signs the closure too.
    pub patient_confidentiality_breached: bool,
    /// Who reported it.
    pub reported_by: PersonRefView,
    /// When it was recorded (RFC 3339).
    pub recorded_at: String,
    /// Kinds of personal data involved.
    pub data_categories: String,
    /// About how many people are affected.
    pub people_affected: Option<u32>,
    /// About how many records are affected.
    pub records_affected: Option<u32>,
    /// The likely consequences.
    pub consequences: String,
    /// Lessons learned.
    pub lessons: String,
    /// The grade, once graded.
    pub grade: Option<IncidentGradeView>,
    /// The reporting deadline (RFC 3339) when the grade makes it reportable.
    pub deadline: Option<String>,
    /// The deadline (RFC 3339) while the 72-hour clock runs: reportable, open, not yet reported
    /// nor explained.
    pub clock_deadline: Option<String>,
    /// Reported through the DSPT tool after the deadline.
    pub reported_late: bool,
    /// The reports made, or why none was.
    pub report: IncidentReportView,
    /// Devices involved.
    pub devices: Vec<IncidentLinkView>,
    /// Policies involved.
    pub policies: Vec<IncidentLinkView>,
    /// The dated log of containment and actions, oldest first.
    pub actions: Vec<IncidentActionView>,
    /// `open`, `closed`, `withdrawn` or `duplicate`.
    pub status: String,
    /// Its label.
    pub status_label: String,
    /// Its record may still change: open, and its closure review not begun.
    pub changeable: bool,
    /// The statuses it may be moved to by hand (withdrawn, duplicate, or open again).
    pub status_choices: Vec<ChoiceOption>,
    /// Status changes with their reasons, oldest first.
    pub status_changes: Vec<IncidentStatusChangeView>,
    /// The roles whose signatures close it, in signing order.
    pub closure_roles: Vec<RoleOption>,
    /// The closure review's signatures, in the order given.
    pub sign_offs: Vec<IncidentSignOffView>,
    /// Roles still to sign, once the IG lead has begun the review.
    pub awaiting_sign_off: Vec<RoleOption>,
    /// What is left before the IG lead can sign the closure review; empty when ready.
    pub closure_gaps: Vec<String>,
    /// The role the viewer would sign the closure for next, if they can sign now.
    pub can_sign: Option<RoleOption>,
}

/// A device that may be named in an incident (not disposed of).
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentDeviceOption {
    /// The device.
    #[ts(type = "number")]
    pub id: i64,
    /// "LT-0012 — Laptop Dell Latitude 5440".
    pub label: String,
    /// Its status (label).
    pub status_label: String,
}

/// The incidents screen: the incidents the viewer may see, what they may do, and the choices
/// its forms offer.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentsView {
    /// Incidents, newest awareness first: every one for those who manage them; otherwise the
    /// ones the viewer reported and those whose closure they sign.
    pub incidents: Vec<IncidentRow>,
    /// Whether the viewer manages incidents (grades, reports, actions, assessment, status).
    pub can_manage: bool,
    /// Categories.
    pub categories: Vec<ChoiceOption>,
    /// IG, cyber or both.
    pub kinds: Vec<ChoiceOption>,
    /// Confidentiality, integrity, availability.
    pub breach_types: Vec<ChoiceOption>,
    /// The grading rules.
    pub grading: GradingView,
    /// Devices that may be named (not disposed of): the whole register for those who see it,
    /// otherwise the devices the viewer holds.
    pub devices: Vec<IncidentDeviceOption>,
    /// Policies that may be named.
    pub policies: Vec<IncidentLinkView>,
}

/// Record an incident. Times are RFC 3339 with their offset.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentRequest {
    /// `ig`, `cyber` or `both`.
    pub kind: String,
    /// Category key.
    pub category: String,
    /// Breach types.
    pub breach_types: Vec<String>,
    /// When it happened.
    pub occurred_at: String,
    /// When the practice became aware.
    pub aware_at: String,
    /// Why awareness comes before the incident, if it does.
    pub aware_first_reason: String,
    /// What happened.
    pub description: String,
    /// Special-category (health) data involved.
    pub special_category: bool,
    /// Vulnerable people involved.
    pub vulnerable_people: bool,
    /// Devices involved.
    #[ts(type = "Array<number>")]
    pub device_ids: Vec<i64>,
    /// For a lost or stolen device: it was stolen.
    pub stolen: bool,
    /// Policies involved.
    #[ts(type = "Array<number>")]
    pub policy_ids: Vec<i64>,
    /// Kinds of personal data involved.
    pub data_categories: String,
    /// About how many people are affected, as typed (empty if not known).
    pub people_affected: String,
    /// About how many records are affected, as typed (empty if not known).
    pub records_affected: String,
    /// The likely consequences.
    pub consequences: String,
}

/// Grade an incident.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentGradeRequest {
    /// The incident.
    #[ts(type = "number")]
    pub id: i64,
    /// 1 to 5.
    pub likelihood: u8,
    /// 1 to 5.
    pub severity: u8,
}

/// Add an entry to an incident's log of containment and actions.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentActionRequest {
    /// The incident.
    #[ts(type = "number")]
    pub id: i64,
    /// What was done.
    pub description: String,
}

/// The IG lead's assessment.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentAssessRequest {
    /// The incident.
    #[ts(type = "number")]
    pub id: i64,
    /// Kinds of personal data involved.
    pub data_categories: String,
    /// About how many people are affected, as typed (empty if not known).
    pub people_affected: String,
    /// About how many records are affected, as typed (empty if not known).
    pub records_affected: String,
    /// The likely consequences.
    pub consequences: String,
    /// Lessons learned.
    pub lessons: String,
    /// Policies involved; replaces the links held.
    #[ts(type = "Array<number>")]
    pub policy_ids: Vec<i64>,
}

/// The reports made. Times are RFC 3339 with their offset; empty when not made.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentReportRequest {
    /// The incident.
    #[ts(type = "number")]
    pub id: i64,
    /// Why a reportable incident was not reported.
    pub not_reported_reason: String,
    /// The DSPT incident reporting tool's reference.
    pub dspt_reference: String,
    /// When it was reported through the DSPT tool.
    pub dspt_reported_at: String,
    /// The ICO's case reference.
    pub ico_reference: String,
    /// When the ICO was told.
    pub ico_reported_at: String,
    /// The DPO was consulted.
    pub dpo_consulted: bool,
    /// The people affected were told.
    pub individuals_told: bool,
    /// How and when they were told, or why not.
    pub individuals_note: String,
}

/// Withdraw an incident, mark it a duplicate, or reopen it.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentStatusRequest {
    /// The incident.
    #[ts(type = "number")]
    pub id: i64,
    /// `open`, `withdrawn` or `duplicate`.
    pub status: String,
    /// Why.
    pub reason: String,
}

/// Link a device to an incident.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentDeviceRequest {
    /// The incident.
    #[ts(type = "number")]
    pub id: i64,
    /// The device.
    #[ts(type = "number")]
    pub device_id: i64,
    /// For a lost or stolen device incident: it was stolen (marked stolen, not lost).
    pub stolen: bool,
}

/// An incident a device is linked to, for the device's page.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeviceIncidentRow {
    /// The incident.
    #[ts(type = "number")]
    pub id: i64,
    /// `INC-2026-007`.
    pub reference: String,
    /// Its category's label.
    pub category_label: String,
    /// When the practice became aware (RFC 3339).
    pub aware_at: String,
    /// Its status's label.
    pub status_label: String,
}
