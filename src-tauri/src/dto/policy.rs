//! Wire types of the policy register, sign-offs and read-and-understood acknowledgements.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{RoleName, RoleOption};

/// Where a policy stands today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PolicyStandingName {
    /// No published version: a gap.
    NoPublishedVersion,
    /// The review date has passed.
    ReviewOverdue,
    /// The review is due within 30 days.
    ReviewDueSoon,
    /// Published and in date.
    Current,
}

/// Where a version is in its lifecycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum VersionStatusName {
    /// Being written; its text can change.
    Draft,
    /// Frozen, waiting for sign-off.
    InReview,
    /// Signed off by every approver role.
    Approved,
    /// The version staff acknowledge.
    Published,
    /// Replaced by a later version; kept and readable.
    Superseded,
}

/// A person named on a record.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PersonRefView {
    /// Row id.
    #[ts(type = "number")]
    pub id: i64,
    /// Full name.
    pub full_name: String,
}

/// One version of a policy (without its text).
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VersionRow {
    /// Row id.
    #[ts(type = "number")]
    pub id: i64,
    /// The policy.
    #[ts(type = "number")]
    pub policy_id: i64,
    /// "1.0", "2.1".
    pub number: String,
    /// Lifecycle state.
    pub status: VersionStatusName,
    /// SHA-256 (hex) of the normalised text.
    pub content_hash: String,
    /// Where the text came from.
    pub source: String,
    /// What changed.
    pub change_summary: String,
    /// Who wrote or imported it.
    pub author: PersonRefView,
    /// Created (RFC 3339).
    pub created_at: String,
    /// Sent for review.
    pub submitted_at: Option<String>,
    /// Approved.
    pub approved_at: Option<String>,
    /// Published.
    pub published_at: Option<String>,
    /// Superseded.
    pub superseded_at: Option<String>,
}

/// A register entry.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PolicyRow {
    /// Row id.
    #[ts(type = "number")]
    pub id: i64,
    /// Title.
    pub title: String,
    /// Who keeps it current.
    pub owner: Option<PersonRefView>,
    /// Roles that must each sign off a version.
    pub approvers: Vec<RoleName>,
    /// Months between reviews.
    pub review_months: u32,
    /// Roles who must read it; empty means everyone.
    pub audience: Vec<RoleName>,
    /// DSPT evidence items it supports.
    pub dspt_items: Vec<String>,
    /// Next review date, `YYYY-MM-DD`.
    pub next_review: Option<String>,
    /// Where it stands today.
    pub standing: PolicyStandingName,
    /// The published version.
    pub current: Option<VersionRow>,
    /// A version on its way (draft, in review, approved).
    pub pending: Option<VersionRow>,
}

/// The register screen.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PolicyRegisterView {
    /// Every policy, in title order.
    pub policies: Vec<PolicyRow>,
    /// Whether the signed-in person keeps the register.
    pub can_manage: bool,
    /// People who may own a policy (current staff), for the owner picker.
    pub owner_options: Vec<PersonRefView>,
    /// Every role with its label.
    pub role_options: Vec<RoleOption>,
}

/// What a sign-off attests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SignOffKindName {
    /// Approval of a version.
    Approval,
    /// Reviewed, no change needed.
    ReviewNoChange,
}

/// A recorded sign-off.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SignOffRow {
    /// Row id.
    #[ts(type = "number")]
    pub id: i64,
    /// The version signed.
    #[ts(type = "number")]
    pub version_id: i64,
    /// Its number.
    pub version: String,
    /// Approval or review.
    pub kind: SignOffKindName,
    /// Who signed.
    pub signer: PersonRefView,
    /// The approver roles signed in.
    pub roles: Vec<RoleName>,
    /// The exact text signed (SHA-256).
    pub content_hash: String,
    /// The statement confirmed.
    pub statement: String,
    /// When (RFC 3339).
    pub signed_at: String,
    /// For a review: the next review date it set.
    pub next_review: Option<String>,
    /// Set when the version went back to draft and this approval no longer counts.
    pub withdrawn_at: Option<String>,
}

/// How an acknowledgement was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AcknowledgementMethodName {
    /// By the person, signed in.
    OwnLogin,
    /// Recorded by a manager on their behalf.
    OnBehalf,
}

/// A recorded acknowledgement.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AcknowledgementRow {
    /// Who.
    #[ts(type = "number")]
    pub person_id: i64,
    /// Their name (as recorded in the register), when the viewer may see it.
    pub full_name: Option<String>,
    /// The version.
    #[ts(type = "number")]
    pub version_id: i64,
    /// Its hash when acknowledged.
    pub content_hash: String,
    /// First opened (RFC 3339).
    pub first_opened_at: Option<String>,
    /// Acknowledged (RFC 3339).
    pub acknowledged_at: String,
    /// Own login or on their behalf.
    pub method: AcknowledgementMethodName,
    /// The manager who recorded it on their behalf.
    pub recorded_by: Option<PersonRefView>,
    /// Why it was recorded on their behalf.
    pub reason: Option<String>,
}

/// One policy with its history.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PolicyDetailView {
    /// The register entry.
    pub policy: PolicyRow,
    /// Every version the viewer may see, newest first.
    pub versions: Vec<VersionRow>,
    /// Every sign-off, oldest first.
    pub sign_offs: Vec<SignOffRow>,
    /// Acknowledgements of every version, for those who may see them (else empty).
    pub acknowledgements: Vec<AcknowledgementRow>,
    /// Whether the viewer keeps the register.
    pub can_manage: bool,
    /// Whether the viewer holds one of the policy's approver roles.
    pub can_approve: bool,
    /// For a version in review: the approver roles still to sign.
    pub awaiting_sign_off: Vec<RoleName>,
    /// Whether the viewer may sign off the version in review now (they hold a role still
    /// awaited and did not write it, or nobody else holds that role).
    pub can_sign_now: bool,
}

/// One block of a policy's text.
#[derive(Debug, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum PolicyBlockView {
    /// A heading, level 1 to 3.
    Heading {
        /// Level.
        level: u8,
        /// Text.
        text: String,
    },
    /// A paragraph.
    Paragraph {
        /// Text.
        text: String,
    },
    /// A list.
    List {
        /// Numbered?
        ordered: bool,
        /// Items.
        items: Vec<String>,
    },
}

/// A version's text, to read.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PolicyTextView {
    /// The policy's title.
    pub title: String,
    /// The version.
    pub version: VersionRow,
    /// The text as blocks.
    pub blocks: Vec<PolicyBlockView>,
    /// The normalised text (Markdown), for editing a draft.
    pub markdown: String,
}

/// Show one policy or one version.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IdRequest {
    /// Row id.
    #[ts(type = "number")]
    pub id: i64,
}

/// A register entry's details.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PolicyFormRequest {
    /// Title.
    pub title: String,
    /// Owner (a person's id), if any.
    #[ts(type = "number | null")]
    pub owner_id: Option<i64>,
    /// Approver roles: caldicott_guardian, siro, or both.
    pub approvers: Vec<RoleName>,
    /// Months between reviews.
    pub review_months: u32,
    /// Roles who must read it; empty means everyone.
    pub audience: Vec<RoleName>,
}

/// Change a register entry.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PolicyUpdateRequest {
    /// The policy.
    #[ts(type = "number")]
    pub id: i64,
    /// Its new details.
    pub policy: PolicyFormRequest,
}

/// How big a change a new version is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum VersionChangeName {
    /// 1.1 → 1.2.
    Minor,
    /// 1.2 → 2.0.
    Major,
}

/// Where a version's text comes from.
#[derive(Debug, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum VersionSourceRequest {
    /// A file chosen in the open dialog: Markdown, plain text, Word (.docx) or PDF.
    File {
        /// Its path.
        path: String,
    },
    /// Text written in Custodian (Markdown).
    Text {
        /// The text.
        text: String,
    },
}

/// Add a draft version to a policy.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewVersionRequest {
    /// The policy.
    #[ts(type = "number")]
    pub policy_id: i64,
    /// Its text.
    pub source: VersionSourceRequest,
    /// Minor or major (ignored for the first version, which is 1.0).
    pub change: VersionChangeName,
    /// What changed.
    pub change_summary: String,
}

/// Replace a draft's text.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EditDraftRequest {
    /// The draft version.
    #[ts(type = "number")]
    pub version_id: i64,
    /// Its new text.
    pub source: VersionSourceRequest,
    /// What changed.
    pub change_summary: String,
}

/// Send a version back to draft.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReturnToDraftRequest {
    /// The version.
    #[ts(type = "number")]
    pub version_id: i64,
    /// Why.
    pub reason: String,
}

/// The statement the signed-in person would sign.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SignOffStatement {
    /// The statement.
    pub statement: String,
    /// The roles it is signed in.
    pub roles: Vec<RoleName>,
}

/// Sign something: a version's approval (`id` = version) or a review (`id` = policy).
#[derive(Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SignRequest {
    /// The version (approval) or policy (review).
    #[ts(type = "number")]
    pub id: i64,
    /// The signer's password, re-entered.
    pub password: String,
    /// Whether they confirmed the statement.
    pub confirmed: bool,
}

/// A current policy for the signed-in person.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PolicyForMeRow {
    /// The policy.
    #[ts(type = "number")]
    pub policy_id: i64,
    /// Its title.
    pub title: String,
    /// The current version.
    pub version: VersionRow,
    /// Due since, `YYYY-MM-DD`.
    pub due_since: String,
    /// First opened (RFC 3339).
    pub first_opened_at: Option<String>,
    /// Whether they have read to the end.
    pub reached_end: bool,
    /// Their acknowledgement, once made.
    pub acknowledgement: Option<AcknowledgementRow>,
}

/// The signed-in person's policies, waiting ones first.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PoliciesForMeView {
    /// Their policies.
    pub policies: Vec<PolicyForMeRow>,
    /// The statement they confirm when acknowledging.
    pub statement: String,
}

/// Acknowledge a version.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AcknowledgeRequest {
    /// The version.
    #[ts(type = "number")]
    pub version_id: i64,
    /// Whether they confirmed the statement.
    pub confirmed: bool,
}

/// Record an acknowledgement on someone's behalf.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AcknowledgeOnBehalfRequest {
    /// The person.
    #[ts(type = "number")]
    pub person_id: i64,
    /// The version.
    #[ts(type = "number")]
    pub version_id: i64,
    /// Why it is recorded for them.
    pub reason: String,
}

/// One matrix cell.
#[derive(Debug, Serialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
#[ts(export)]
pub enum MatrixCellView {
    /// The policy does not apply to them.
    NotInScope,
    /// Acknowledged the current version.
    Acknowledged {
        /// When (RFC 3339).
        at: String,
        /// How.
        method: AcknowledgementMethodName,
    },
    /// Waiting.
    Outstanding {
        /// Due since, `YYYY-MM-DD`.
        since: String,
    },
}

/// A matrix column.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MatrixPolicyView {
    /// The policy.
    #[ts(type = "number")]
    pub policy_id: i64,
    /// Title.
    pub title: String,
    /// The current version.
    #[ts(type = "number")]
    pub version_id: i64,
    /// Its number.
    pub version: String,
    /// Published, `YYYY-MM-DD`.
    pub published_on: String,
    /// People who must acknowledge it.
    pub due: u32,
    /// Of whom, acknowledged.
    pub acknowledged: u32,
    /// The share acknowledged, in tenths of a percent (rounded down); null when nobody is due.
    pub acknowledged_permille: Option<u32>,
}

/// A matrix row.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MatrixPersonView {
    /// The person.
    #[ts(type = "number")]
    pub person_id: i64,
    /// Name.
    pub full_name: String,
    /// Login.
    pub login: String,
    /// Job title.
    pub job_title: String,
    /// Policies due.
    pub due: u32,
    /// Of which, acknowledged.
    pub acknowledged: u32,
}

/// One outstanding acknowledgement.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChaseRow {
    /// The person.
    #[ts(type = "number")]
    pub person_id: i64,
    /// Name.
    pub full_name: String,
    /// Login.
    pub login: String,
    /// The policy.
    #[ts(type = "number")]
    pub policy_id: i64,
    /// Title.
    pub title: String,
    /// The version to acknowledge.
    #[ts(type = "number")]
    pub version_id: i64,
    /// Its number.
    pub version: String,
    /// Due since, `YYYY-MM-DD`.
    pub since: String,
    /// Days outstanding.
    #[ts(type = "number")]
    pub days: i64,
}

/// The acknowledgement matrix, its figures and the chase list.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MatrixView {
    /// The day it describes, `YYYY-MM-DD`.
    pub as_of: String,
    /// The practice's bar, percent.
    pub bar_percent: u32,
    /// People fully up to date ÷ people in scope, in tenths of a percent.
    pub practice_permille: u32,
    /// Whether the practice meets the bar.
    pub meets_bar: bool,
    /// People who must acknowledge at least one policy.
    pub people_in_scope: u32,
    /// Of whom, fully up to date.
    pub people_up_to_date: u32,
    /// Columns.
    pub policies: Vec<MatrixPolicyView>,
    /// Rows.
    pub people: Vec<MatrixPersonView>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<MatrixCellView>>,
    /// Outstanding acknowledgements, longest-waiting first.
    pub chase: Vec<ChaseRow>,
    /// Whether the viewer may record acknowledgements on someone's behalf.
    pub can_record_on_behalf: bool,
}

/// Which CSV to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AckExportKind {
    /// The whole matrix.
    Matrix,
    /// The chase list.
    ChaseList,
}

/// Export the matrix or the chase list as CSV.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AckExportRequest {
    /// Which.
    pub kind: AckExportKind,
}

/// A file that was written (and, sent back, the file to open).
#[derive(Debug, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportedFile {
    /// Where.
    pub path: String,
}

/// Change the acknowledgement compliance bar.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ComplianceBarRequest {
    /// Percent, 50 to 100.
    pub percent: u32,
}
