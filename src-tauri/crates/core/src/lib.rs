//! `custodian-core`: the practice — its records, rules and sessions — over the encrypted vault.
//!
//! Every operation a front end offers (the desktop app, the `custodian` command line) is a
//! function here; front ends only convert input and output. Main entry points:
//! [`create_practice`], [`sign_in`], [`recover`], [`restore_backup`] and the methods of
//! [`Session`], each of which checks the signed-in person's roles before it acts and records
//! what it changed in the hash-chained audit trail.
//!
//! ```no_run
//! use custodian_core::{sign_in, secrecy::SecretString};
//! # fn main() -> Result<(), custodian_core::CoreError> {
//! let password = SecretString::from("heron lantern quarry 42".to_owned());
//! let session = sign_in("practice.custodian".as_ref(), "demo.manager", &password, time::OffsetDateTime::now_utc())?;
//! println!("{}", session.summary()?);
//! # Ok(()) }
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod account;
mod acknowledgement;
mod annual_pack;
mod attachment;
mod audit;
mod backups;
mod byod;
mod csv_cell;
mod dashboard;
pub mod demo;
mod device;
mod disposal;
mod dspt;
mod error;
mod incident;
mod notification;
mod pack;
pub mod password;
mod person;
mod policy;
mod practice;
mod role;
mod schema;
mod session;
mod settings;
mod signing;
mod staff;
mod validate;

pub use acknowledgement::{
    ACKNOWLEDGEMENT_STATEMENT, Acknowledgement, AcknowledgementMatrix, AcknowledgementMethod, COMPLIANCE_BAR_RANGE,
    ChaseItem, MatrixCell, MatrixPerson, MatrixPolicy, PolicyForMe,
};
pub use attachment::{AttachmentInfo, MAX_ATTACHMENT_BYTES};
pub use audit::{AuditEntry, AuditFilter, AuditPage, ChainReport};
pub use backups::{
    BackupSummary, backup_folder, inspect_backup, list_backups, newest_backup_that_opens, restore_backup,
};
pub use byod::{ByodCheck, ByodCheckForm, ByodOutcome, CheckedItem, Checklist, ChecklistItem, ItemAnswer, ItemResult};
pub use custodian_vault::{Backup, KdfParams, RecoveryKey, VaultError, VaultInfo, secrecy};
pub use dashboard::{Audience as DashboardAudience, Dashboard, DashboardItem, RunningClock, Urgency};
pub use device::{
    Allocation, CsvRowProblem, DeviceFields, DeviceForm, DeviceImportPreview, DeviceKind, DeviceRecord, DeviceStatus,
    Ownership, YesNoUnknown,
};
pub use disposal::{CertificateFile, DisposalForm, DisposalMethod, DisposalRecord};
pub use dspt::{
    EvidenceItem, EvidenceItems, EvidenceMap, MapEntry, Standing as EvidenceStanding, dspt_year_containing,
    evidence_items as dspt_evidence_items,
};
pub use error::{CoreError, Field, FieldProblem, Result};
pub use incident::closure::MANUAL_STATUSES as INCIDENT_MANUAL_STATUSES;
pub use incident::follow_up::{IncidentAssessment, ReportForm as IncidentReportForm};
pub use incident::grading::{GradeOutcome, GradingRules, ScaleStep, rules as incident_grading_rules};
pub use incident::{
    BREACH_TYPES as INCIDENT_BREACH_TYPES, CATEGORIES as INCIDENT_CATEGORIES, IncidentForm, IncidentRecord,
    IncidentReport, IncidentSignOff, KINDS as INCIDENT_KINDS, STATUSES as INCIDENT_STATUSES,
    StatusChange as IncidentStatusChange, label_of as incident_label,
};
pub use notification::Notification;
pub use pack::{Pack, PackScope, PackVerification, parse_period as parse_pack_period, verify_pack};
pub use person::{FullName, Login, Person, PersonRecord, PersonStatus};
pub use policy::{
    DocumentPreview, PersonRef, Policy, PolicyBlock, PolicyForm, PolicyHistory, PolicySource, PolicyStanding,
    PolicyText, PolicyVersion, REVIEW_DUE_SOON_DAYS, SignOff, SignOffKind, VersionChange, VersionNumber, VersionStatus,
    preview_policy_document,
};
pub use practice::{OdsCode, Practice, PracticeName};
pub use role::{Permission, Role, permits};
pub use schema::latest_version as latest_schema_version;
pub use session::{
    NewPractice, PasswordReset, ResetRefused, Session, VaultSummary, create_practice, recover, sign_in,
    sign_in_to_acknowledge,
};
pub use settings::{
    BACKUPS_KEPT_RANGE, BackupSettings, DEFAULT_COMPLIANCE_BAR_PERCENT, DEFAULT_IDLE_LOCK_MINUTES, IDLE_LOCK_RANGE,
};
pub use signing::CertificateInfo;
pub use staff::{OneTimePassword, PersonForm};

/// Reads a vault's header without unlocking it (to check a file before asking for a password).
pub fn inspect_vault(path: &std::path::Path) -> Result<VaultInfo> {
    Ok(custodian_vault::Vault::inspect(path)?)
}

/// The file name a new practice vault gets: the practice name in lower case, words joined by
/// hyphens, with the `.custodian` extension.
pub fn vault_file_name(practice_name: &str) -> String {
    let slug: Vec<String> =
        practice_name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let stem = if slug.is_empty() { "practice".to_owned() } else { slug.join("-") };
    format!("{stem}.custodian")
}

/// Timestamps are stored as RFC 3339 text in UTC.
pub(crate) fn time_text(at: time::OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC).format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn vault_file_names_are_readable_slugs() {
        assert_eq!(super::vault_file_name("Riverside Surgery (demo)"), "riverside-surgery-demo.custodian");
        assert_eq!(super::vault_file_name("St. Mary's Health Centre"), "st-mary-s-health-centre.custodian");
        assert_eq!(super::vault_file_name("!!!"), "practice.custodian");
    }
}
