//! The one error type of the core crate.

use custodian_vault::VaultError;

/// A form field that can be invalid. Front ends map these to their own field names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Field {
    /// The practice's name.
    PracticeName,
    /// The practice's ODS code.
    OdsCode,
    /// A person's full name.
    FullName,
    /// A person's login name.
    Login,
    /// A password.
    Password,
    /// The idle time before the screen locks.
    IdleLockMinutes,
    /// Where the vault file goes.
    VaultPath,
    /// A person's job title.
    JobTitle,
    /// A person's email address.
    Email,
    /// A person's roles.
    Roles,
    /// A person's first day.
    StartDate,
    /// A person's last day.
    LeavingDate,
    /// The signed-in person's current password, asked again.
    CurrentPassword,
    /// Where backups go.
    BackupFolder,
    /// How many daily backups are kept.
    BackupsKept,
    /// The first day of a pack's period.
    PeriodFrom,
    /// The last day of a pack's period.
    PeriodTo,
    /// A PKCS#12 file to import, with its password.
    Pkcs12File,
    /// A policy's title.
    PolicyTitle,
    /// Who owns a policy.
    PolicyOwner,
    /// The roles that approve a policy.
    Approvers,
    /// How often a policy is reviewed.
    ReviewMonths,
    /// A document to import as a policy version.
    PolicyFile,
    /// A policy version's text written in Custodian.
    PolicyText,
    /// What changed in a version.
    ChangeSummary,
    /// The confirmation of a statement being signed.
    Statement,
    /// Why something was done (sending back to draft, recording on someone's behalf).
    Reason,
    /// The acknowledgement compliance bar.
    ComplianceBar,
    /// A device's asset tag.
    AssetTag,
    /// What kind of device it is.
    DeviceKind,
    /// Who owns a device.
    Ownership,
    /// Whether a device is encrypted.
    Encryption,
    /// How a device is encrypted.
    EncryptionMethod,
    /// A device's make.
    Make,
    /// A device's model.
    Model,
    /// A device's serial number.
    Serial,
    /// A device's operating system.
    OsName,
    /// Its version.
    OsVersion,
    /// Whether the system is still supported.
    VendorSupported,
    /// Where a device is.
    Location,
    /// A device's information asset owner.
    AssetOwner,
    /// A device's status.
    DeviceStatus,
    /// When a device was bought.
    PurchaseDate,
    /// The first or last day of an allocation.
    AllocationDate,
    /// Who a device is allocated to.
    Holder,
    /// The day a device was returned.
    ReturnDate,
    /// A CSV file to import.
    CsvFile,
    /// The day of a disposal.
    DisposedOn,
    /// How something was disposed of.
    DisposalMethod,
    /// Who carried out a disposal.
    PerformedBy,
    /// A confidential-waste consignment reference.
    ConsignmentReference,
    /// How many bags or containers were collected.
    Containers,
    /// A re-use assessment.
    ReuseAssessment,
    /// An evidence file (a certificate, a screenshot).
    Attachment,
    /// A BYOD checklist.
    Checklist,
    /// A checklist item's text.
    ChecklistItem,
    /// The day of a check.
    CheckedOn,
    /// The device checked.
    Device,
    /// The person whose device it is.
    Person,
    /// The answers to a checklist (with the item, an item's answer: pass, fail or not applicable).
    Answers,
    /// The note on a checklist item's answer.
    ItemNote,
    /// The screenshot or photo given as a checklist item's evidence.
    Evidence,
    /// A check's outcome.
    Outcome,
    /// The risk the SIRO is asked to accept.
    Risk,
    /// Whether an incident is IG, cyber or both.
    IncidentKind,
    /// An incident's category.
    IncidentCategory,
    /// An incident's breach types.
    BreachTypes,
    /// When an incident happened.
    OccurredAt,
    /// When the practice became aware of an incident.
    AwareAt,
    /// What happened.
    Description,
    /// The likelihood that harm has occurred (1 to 5).
    Likelihood,
    /// The severity of the harm (1 to 5).
    Severity,
    /// An incident's status.
    IncidentStatus,
    /// About how many people an incident affects.
    PeopleAffected,
    /// About how many records an incident affects.
    RecordsAffected,
    /// Lessons learned from an incident.
    Lessons,
    /// The DSPT incident reporting tool's reference.
    DsptReference,
    /// When an incident was reported through the DSPT tool.
    DsptReportedAt,
    /// The ICO's case reference.
    IcoReference,
    /// When the ICO was told.
    IcoReportedAt,
    /// Why a reportable-looking incident was not reported.
    NotReportedReason,
    /// How the people affected were told, or why not.
    IndividualsNote,
}

/// One problem with one field, in words a person can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    /// The field.
    pub field: Field,
    /// For a field asked once per entry of a list (a checklist's items), the entry's key.
    pub item: Option<String>,
    /// What is wrong and how to put it right.
    pub message: String,
}

/// Why a core operation failed. Nothing is changed when an operation fails.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CoreError {
    /// Input failed validation; every problem found is listed.
    #[error("{}", .0.iter().map(|p| p.message.as_str()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<FieldProblem>),
    /// The vault refused (wrong password, damaged file, in use, …).
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// The sealed database was migrated by a newer version of Custodian.
    #[error("this vault's records were written by a newer version of Custodian; update Custodian to open it")]
    NewerSchema,
    /// A migration failed; the vault was left as it was.
    #[error("the vault's records could not be brought up to date: {0}")]
    Migration(String),
    /// The sealed database does not hold what a practice vault must (no practice, or no such person).
    #[error("the vault is missing its {0}")]
    Incomplete(&'static str),
    /// The signed-in person's roles do not allow this.
    #[error("only {} may {}", .allowed, .action)]
    Forbidden {
        /// What was attempted ("manage people").
        action: &'static str,
        /// Who may ("a practice manager").
        allowed: &'static str,
    },
    /// A rule of the practice refuses the change; nothing was changed.
    #[error("{0}")]
    Refused(String),
    /// The person signed in with a one-time password and must choose their own first.
    #[error("choose your own password before doing anything else")]
    PasswordChangeRequired,
    /// The person has left the practice; they can no longer sign in.
    #[error("{login}'s access to this vault ended when they left on {last_day}")]
    AccessEnded {
        /// Who tried.
        login: String,
        /// Their last day.
        last_day: time::Date,
    },
    /// No such record.
    #[error("no such {0}")]
    NotFound(&'static str),
}

impl From<custodian_vault::rusqlite::Error> for CoreError {
    fn from(error: custodian_vault::rusqlite::Error) -> Self {
        CoreError::Vault(VaultError::Database(error))
    }
}

impl CoreError {
    /// A single-field validation error.
    pub fn invalid(field: Field, message: impl Into<String>) -> CoreError {
        CoreError::Invalid(vec![FieldProblem { field, item: None, message: message.into() }])
    }
}

/// Shorthand for results of core operations.
pub type Result<T, E = CoreError> = std::result::Result<T, E>;
