//! Turning core errors into the one error that crosses to the UI.

use custodian_core::{CoreError, Field, VaultError};

use crate::dto::{CommandError, ErrorCode, FieldError};

impl CommandError {
    /// An error with no field detail.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> CommandError {
        CommandError { code, message: message.into(), fields: vec![] }
    }

    /// The action does not fit where the person is (e.g. unlocking when nothing is locked).
    pub fn wrong_stage(message: impl Into<String>) -> CommandError {
        CommandError::new(ErrorCode::NotSignedIn, message)
    }
}

/// The request field a core field is reported under (the camelCase names of the DTOs).
fn field_name(field: Field) -> &'static str {
    match field {
        Field::PracticeName | Field::VaultPath => "practiceName",
        Field::OdsCode => "odsCode",
        Field::FullName => "fullName",
        Field::Login => "login",
        Field::Password => "password",
        Field::IdleLockMinutes => "minutes",
        Field::JobTitle => "jobTitle",
        Field::Email => "email",
        Field::Roles => "roles",
        Field::StartDate => "startDate",
        Field::LeavingDate => "leavingDate",
        Field::CurrentPassword => "currentPassword",
        Field::BackupFolder => "folder",
        Field::BackupsKept => "kept",
        Field::PeriodFrom => "from",
        Field::PeriodTo => "to",
        Field::Pkcs12File => "pkcs12Password",
        Field::PolicyTitle => "title",
        Field::PolicyOwner => "ownerId",
        Field::Approvers => "approvers",
        Field::ReviewMonths => "reviewMonths",
        Field::PolicyFile => "file",
        Field::PolicyText => "text",
        Field::ChangeSummary => "changeSummary",
        Field::Statement => "confirmed",
        Field::Reason => "reason",
        Field::ComplianceBar => "percent",
        Field::AssetTag => "assetTag",
        Field::DeviceKind => "kind",
        Field::Ownership => "ownership",
        Field::Encryption => "encryption",
        Field::EncryptionMethod => "encryptionMethod",
        Field::Make => "make",
        Field::Model => "model",
        Field::Serial => "serial",
        Field::OsName => "osName",
        Field::OsVersion => "osVersion",
        Field::VendorSupported => "vendorSupported",
        Field::Location => "location",
        Field::AssetOwner => "assetOwnerId",
        Field::DeviceStatus => "status",
        Field::PurchaseDate => "purchaseDate",
        Field::AllocationDate => "from",
        Field::Holder => "personId",
        Field::ReturnDate => "on",
        Field::CsvFile => "path",
        Field::DisposedOn => "disposedOn",
        Field::DisposalMethod => "method",
        Field::PerformedBy => "performedBy",
        Field::ConsignmentReference => "consignmentReference",
        Field::Containers => "containers",
        Field::ReuseAssessment => "reuseAssessment",
        Field::Attachment => "certificatePath",
        Field::Checklist => "checklistKey",
        Field::ChecklistItem => "text",
        Field::CheckedOn => "checkedOn",
        Field::Device => "deviceId",
        Field::Person => "personId",
        Field::Answers => "answers",
        Field::ItemNote => "note",
        Field::Evidence => "evidencePath",
        Field::Outcome => "outcome",
        Field::Risk => "risk",
        Field::IncidentKind => "kind",
        Field::IncidentCategory => "category",
        Field::BreachTypes => "breachTypes",
        Field::OccurredAt => "occurredAt",
        Field::AwareAt => "awareAt",
        Field::Description => "description",
        Field::Likelihood => "likelihood",
        Field::Severity => "severity",
        Field::IncidentStatus => "status",
        Field::PeopleAffected => "peopleAffected",
        Field::RecordsAffected => "recordsAffected",
        Field::Lessons => "lessons",
        Field::DsptReference => "dsptReference",
        Field::DsptReportedAt => "dsptReportedAt",
        Field::IcoReference => "icoReference",
        Field::IcoReportedAt => "icoReportedAt",
        Field::NotReportedReason => "notReportedReason",
        Field::IndividualsNote => "individualsNote",
        _ => "form",
    }
}

impl From<CoreError> for CommandError {
    fn from(error: CoreError) -> CommandError {
        let message = error.to_string();
        let code = match &error {
            CoreError::Invalid(problems) => {
                let fields = problems
                    .iter()
                    .map(|p| FieldError {
                        field: field_name(p.field).to_owned(),
                        item: p.item.clone(),
                        message: p.message.clone(),
                    })
                    .collect();
                return CommandError {
                    code: ErrorCode::InvalidInput,
                    message: "Check the highlighted answers".into(),
                    fields,
                };
            }
            CoreError::Vault(vault) => match vault {
                VaultError::WrongPassword | VaultError::UnknownLogin { .. } => {
                    return CommandError::new(ErrorCode::WrongPassword, "Wrong login name or password");
                }
                VaultError::WrongRecoveryKey | VaultError::MalformedRecoveryKey { .. } => ErrorCode::WrongRecoveryKey,
                VaultError::InUse => ErrorCode::InUse,
                VaultError::AccessRevoked => ErrorCode::AccessEnded,
                VaultError::NotAVault
                | VaultError::NewerFormat { .. }
                | VaultError::Truncated
                | VaultError::Damaged { .. }
                | VaultError::Tampered
                | VaultError::NotFound { .. } => ErrorCode::UnusableVault,
                _ => ErrorCode::Internal,
            },
            CoreError::NewerSchema | CoreError::Incomplete(_) => ErrorCode::UnusableVault,
            CoreError::Forbidden { .. } => ErrorCode::Forbidden,
            CoreError::Refused(_) => ErrorCode::Refused,
            CoreError::PasswordChangeRequired => ErrorCode::PasswordChangeRequired,
            CoreError::AccessEnded { .. } => ErrorCode::AccessEnded,
            CoreError::NotFound(_) => ErrorCode::NotFound,
            _ => ErrorCode::Internal,
        };
        CommandError::new(code, capitalise(&message))
    }
}

fn capitalise(message: &str) -> String {
    let mut chars = message.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use custodian_core::FieldProblem;

    #[test]
    fn field_problems_keep_their_fields() {
        let error = CoreError::Invalid(vec![
            FieldProblem { field: Field::OdsCode, item: None, message: "bad code".into() },
            FieldProblem { field: Field::VaultPath, item: None, message: "exists".into() },
            FieldProblem { field: Field::ItemNote, item: Some("two-factor".into()), message: "say why".into() },
        ]);
        let mapped = CommandError::from(error);
        assert_eq!(mapped.code, ErrorCode::InvalidInput);
        let fields: Vec<_> =
            mapped.fields.iter().map(|f| (f.field.as_str(), f.item.as_deref(), f.message.as_str())).collect();
        assert_eq!(
            fields,
            vec![
                ("odsCode", None, "bad code"),
                ("practiceName", None, "exists"),
                ("note", Some("two-factor"), "say why")
            ]
        );
        let wire = serde_json::to_value(&mapped.fields).unwrap();
        assert_eq!(wire[0], serde_json::json!({ "field": "odsCode", "message": "bad code" }), "no item, no key");
        assert_eq!(wire[2]["item"], "two-factor");
    }

    #[test]
    fn vault_refusals_map_to_codes_the_ui_acts_on() {
        let check =
            |error: VaultError, code: ErrorCode| assert_eq!(CommandError::from(CoreError::Vault(error)).code, code);
        check(VaultError::WrongPassword, ErrorCode::WrongPassword);
        check(VaultError::UnknownLogin { login: "x".into() }, ErrorCode::WrongPassword);
        check(VaultError::Tampered, ErrorCode::UnusableVault);
        check(VaultError::NewerFormat { found: 2, supported: 1 }, ErrorCode::UnusableVault);
        check(VaultError::InUse, ErrorCode::InUse);
        check(VaultError::WrongRecoveryKey, ErrorCode::WrongRecoveryKey);
        check(VaultError::AccessRevoked, ErrorCode::AccessEnded);
        let forbidden = CoreError::Forbidden { action: "manage people", allowed: "a practice manager" };
        let mapped = CommandError::from(forbidden);
        assert_eq!(mapped.code, ErrorCode::Forbidden);
        assert_eq!(mapped.message, "Only a practice manager may manage people");
    }

    #[test]
    fn a_wrong_password_says_so_plainly() {
        let mapped = CommandError::from(CoreError::Vault(VaultError::WrongPassword));
        assert_eq!(mapped.message, "Wrong login name or password");
        let damaged = CommandError::from(CoreError::Vault(VaultError::Tampered));
        assert_eq!(damaged.message, "The vault file is damaged or has been altered since it was saved");
    }
}
