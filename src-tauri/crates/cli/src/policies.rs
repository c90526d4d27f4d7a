//! `custodian policy …` and `custodian ack …`: enough to move a practice's folder of policy
//! documents into Custodian and to follow acknowledgements from a script.

use std::path::Path;

use custodian_core::{
    CoreError, PolicyForm, PolicySource, PolicyStanding, Role, VersionChange, preview_policy_document, sign_in,
};
use time::OffsetDateTime;

use crate::secret_input::read_password;
use crate::{CheckArgs, PolicyImportArgs};

/// "Backup policy.docx" → "Backup policy".
fn title_from_file(path: &Path) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    stem.replace(['_', '-'], " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read(path: &Path) -> Result<Vec<u8>, CoreError> {
    std::fs::read(path).map_err(|e| CoreError::Refused(format!("cannot read {}: {e}", path.display())))
}

/// `custodian policy import`.
pub(crate) fn import(args: PolicyImportArgs) -> Result<(), CoreError> {
    if args.policy.is_some() && args.files.len() > 1 {
        return Err(CoreError::Refused("--policy names one policy, so give one file with it".into()));
    }
    // Check every file first, so a bad one changes nothing.
    let mut documents = Vec::new();
    for path in &args.files {
        let bytes = read(path)?;
        let name = path.display().to_string();
        preview_policy_document(&name, &bytes).map_err(|e| CoreError::Refused(format!("{}: {}", path.display(), e)))?;
        let title = args.policy.clone().unwrap_or_else(|| title_from_file(path));
        documents.push((path, name, bytes, title));
    }
    let password = read_password()?;
    let now = OffsetDateTime::now_utc();
    let mut session = sign_in(&args.vault, &args.login, &password, now)?;
    let change = if args.major { VersionChange::Major } else { VersionChange::Minor };
    for (path, name, bytes, title) in documents {
        let existing = session.policies(now)?.into_iter().find(|p| p.title.eq_ignore_ascii_case(&title));
        let policy = match existing {
            Some(policy) => policy,
            None if args.policy.is_some() => {
                return Err(CoreError::Refused(format!("the register has no policy called \"{title}\"")));
            }
            None => {
                let form =
                    PolicyForm { title: &title, approvers: &[Role::Siro], review_months: 12, ..Default::default() };
                let added = session.add_policy(&form, now)?;
                println!("Added \"{}\" to the register (approved by the SIRO, reviewed yearly)", added.title);
                added
            }
        };
        let source = PolicySource::File { name: &name, bytes: &bytes };
        let version = session
            .add_policy_version(policy.id, source, change, &args.summary, now)
            .map_err(|e| CoreError::Refused(format!("{}: {}", path.display(), e)))?;
        println!(
            "{}: draft {} from {} (SHA-256 {})",
            policy.title,
            version.number,
            path.display(),
            version.content_hash
        );
    }
    Ok(())
}

/// `custodian policy list`: one line per policy.
pub(crate) fn list(args: CheckArgs) -> Result<(), CoreError> {
    let password = read_password()?;
    let now = OffsetDateTime::now_utc();
    let session = sign_in(&args.vault, &args.login, &password, now)?;
    for policy in session.policies(now)? {
        let standing = match policy.standing(now.date()) {
            PolicyStanding::NoPublishedVersion => "GAP: no published version".to_owned(),
            PolicyStanding::ReviewOverdue { due } => format!("review OVERDUE since {due}"),
            PolicyStanding::ReviewDueSoon { due } => format!("review due {due}"),
            PolicyStanding::Current { next_review } => format!("current, next review {next_review}"),
        };
        let current = policy.current.as_ref().map(|v| format!("v{}", v.number)).unwrap_or_else(|| "-".into());
        let pending = policy
            .pending
            .as_ref()
            .map(|v| format!(" · {} {} waiting", v.status.label().to_lowercase(), v.number))
            .unwrap_or_default();
        println!("{}  {current}  {standing}{pending}", policy.title);
    }
    Ok(())
}

/// `custodian ack status`: the matrix (or the chase list) as CSV on standard output.
pub(crate) fn ack_status(args: CheckArgs, chase: bool) -> Result<(), CoreError> {
    let password = read_password()?;
    let now = OffsetDateTime::now_utc();
    let session = sign_in(&args.vault, &args.login, &password, now)?;
    let matrix = session.acknowledgement_matrix(now)?;
    print!("{}", if chase { matrix.chase_csv() } else { matrix.to_csv() });
    let figure = matrix.practice_permille();
    eprintln!(
        "{}.{}% of staff have acknowledged every policy that applies to them ({} of {}); the bar is {}%",
        figure / 10,
        figure % 10,
        matrix.people_up_to_date(),
        matrix.people_in_scope(),
        matrix.bar_percent
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_file_name_suggests_a_title() {
        assert_eq!(super::title_from_file("a/Backup policy.docx".as_ref()), "Backup policy");
        assert_eq!(super::title_from_file("clear_desk-policy.md".as_ref()), "clear desk policy");
    }
}
