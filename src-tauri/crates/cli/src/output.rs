//! How results and errors are written for a person at a terminal.

use custodian_core::{CoreError, Field};

/// The command-line flag that sets each form field, so errors point at what to change.
fn flag(field: Field) -> &'static str {
    match field {
        Field::PracticeName => "--practice",
        Field::OdsCode => "--ods",
        Field::FullName => "--name",
        Field::Login => "--login",
        Field::Password => "password",
        Field::IdleLockMinutes => "idle lock minutes",
        Field::VaultPath => "--vault",
        Field::CurrentPassword => "current password",
        Field::Pkcs12File => "--file",
        Field::PeriodFrom => "--from",
        Field::PeriodTo => "--to",
        Field::PolicyFile => "file",
        Field::PolicyTitle => "--policy",
        Field::ChangeSummary => "--summary",
        _ => "input",
    }
}

/// Every line of an error, ready for standard error.
pub(crate) fn describe_error(error: &CoreError) -> String {
    match error {
        CoreError::Invalid(problems) => {
            problems.iter().map(|p| format!("error: {}: {}\n", flag(p.field), p.message)).collect()
        }
        other => format!("error: {other}\n"),
    }
}

/// The recovery key and what to do with it.
pub(crate) fn recovery_key_notice(key: &str) -> String {
    format!(
        "Recovery key (shown only this once):\n\n    {key}\n\n\
         Print it or write it down now and keep it somewhere safe, away from this computer.\n\
         It opens the vault if a password is forgotten. Anyone who has it can open the vault.\n"
    )
}

/// One line per backup: its day and file.
pub(crate) fn backup_line(backup: &custodian_core::Backup) -> String {
    format!("{}  {}", backup.date, backup.path.display())
}

/// One line per person: login, name, job title, roles and status, separated by tabs.
pub(crate) fn person_line(person: &custodian_core::PersonRecord, today: time::Date) -> String {
    use custodian_core::PersonStatus;
    let roles: Vec<&str> = person.roles.iter().map(|r| r.label()).collect();
    let status = match person.status(today) {
        PersonStatus::Active => "active".to_owned(),
        PersonStatus::Leaving(last) => format!("leaving {last}"),
        PersonStatus::Left(last) => format!("left {last}"),
    };
    format!("{}\t{}\t{}\t{}\t{status}", person.login, person.full_name, person.job_title, roles.join(", "))
}
