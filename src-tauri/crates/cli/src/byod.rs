//! `custodian byod list`: BYOD checks from a terminal.

use custodian_core::{ByodOutcome, CoreError, ItemResult, sign_in};
use time::OffsetDateTime;

use crate::CheckArgs;
use crate::secret_input::read_password;

/// One line per check, newest first: its number, when, who, which device, outcome, failed items, re-check due.
pub(crate) fn list(who: CheckArgs) -> Result<(), CoreError> {
    let password = read_password()?;
    let now = OffsetDateTime::now_utc();
    let session = sign_in(&who.vault, &who.login, &password, now)?;
    for check in session.byod_checks(now)? {
        let failed = check.items.iter().filter(|i| i.result == ItemResult::Fail).count();
        let outcome = match (check.outcome, &check.risk_accepted_by) {
            (ByodOutcome::Approved, _) => "approved".to_owned(),
            (ByodOutcome::ApprovedWithRisk, Some(siro)) => format!("approved with risk accepted by {}", siro.full_name),
            (ByodOutcome::ApprovedWithRisk, None) => "approved with risk, waiting for the SIRO".to_owned(),
            (ByodOutcome::Refused, _) => "refused".to_owned(),
        };
        let due = match check.recheck_due {
            Some(due) if due < now.date() => format!("re-check OVERDUE since {due}"),
            Some(due) => format!("re-check due {due}"),
            None => "no re-check (refused, or replaced by a later check)".to_owned(),
        };
        println!(
            "{}\t{}\t{}\t{}\t{} v{}\t{outcome}\t{failed} failed\t{due}",
            check.id,
            check.checked_on,
            check.person.full_name,
            check.device.1,
            check.checklist.1,
            check.checklist_version
        );
    }
    Ok(())
}
