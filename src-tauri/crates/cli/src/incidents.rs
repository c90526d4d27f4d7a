//! `custodian incidents list`: the incident log from a terminal.

use custodian_core::{CoreError, IncidentRecord, sign_in};
use time::{OffsetDateTime, UtcOffset};

use crate::CheckArgs;
use crate::secret_input::read_password;

/// One line per incident, newest first: reference, day of awareness, category, grade, status,
/// and the reporting deadline while its 72-hour clock runs.
pub(crate) fn list(who: CheckArgs) -> Result<(), CoreError> {
    let password = read_password()?;
    let now = OffsetDateTime::now_utc();
    let session = sign_in(&who.vault, &who.login, &password, now)?;
    for incident in session.incidents(now)? {
        println!("{}", incident_line(&incident, now));
    }
    Ok(())
}

fn incident_line(i: &IncidentRecord, now: OffsetDateTime) -> String {
    let grade = i.grade.map_or_else(|| "not graded".to_owned(), |(l, s)| format!("graded {l}×{s}"));
    let status = match i.running_clock() {
        Some(deadline) => {
            let due = deadline.to_offset(UtcOffset::UTC);
            let overdue = if deadline < now { " (OVERDUE)" } else { "" };
            format!(
                "{}, reportable, report by {} {:02}:{:02} UTC{overdue}",
                i.status,
                due.date(),
                due.hour(),
                due.minute()
            )
        }
        None => i.status.clone(),
    };
    format!(
        "{}\t{}\t{}\t{grade}\t{status}",
        i.reference,
        i.aware_at.get(..10).unwrap_or(&i.aware_at),
        i.category_label()
    )
}
