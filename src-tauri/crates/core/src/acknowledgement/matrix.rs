//! The acknowledgement matrix: people × policies (current versions), with compliance per
//! policy, per person and for the practice, and the chase list of who is outstanding.

use std::collections::HashMap;

use time::Date;

use super::{Acknowledgement, AcknowledgementMethod};
use crate::person::{PersonRecord, PersonStatus};
use crate::policy::{Policy, VersionNumber};

/// One policy column: its current version and how many have acknowledged it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixPolicy {
    /// The policy.
    pub policy_id: i64,
    /// Its title.
    pub title: String,
    /// The current version.
    pub version_id: i64,
    /// Its number.
    pub version: VersionNumber,
    /// The day it was published.
    pub published_on: Date,
    /// People who must acknowledge it.
    pub due: u32,
    /// Of whom, how many have.
    pub acknowledged: u32,
}

impl MatrixPolicy {
    /// The share of those due who have acknowledged it, in tenths of a percent, rounded down
    /// (so a share short of the bar never reads as reaching it); `None` when nobody is due.
    pub fn acknowledged_permille(&self) -> Option<u32> {
        (self.due > 0).then(|| permille(self.acknowledged, self.due))
    }
}

/// One person row: how many of their policies they have acknowledged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixPerson {
    /// The person.
    pub person_id: i64,
    /// Full name.
    pub full_name: String,
    /// Login.
    pub login: String,
    /// Job title.
    pub job_title: String,
    /// Policies they must acknowledge.
    pub due: u32,
    /// Of which, acknowledged.
    pub acknowledged: u32,
}

/// One cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MatrixCell {
    /// The policy is limited to roles the person does not hold.
    NotInScope,
    /// Acknowledged the current version.
    Acknowledged {
        /// When (RFC 3339).
        at: String,
        /// Own login, or recorded by a manager on their behalf.
        method: AcknowledgementMethod,
    },
    /// Waiting for their acknowledgement.
    Outstanding {
        /// The day it became due: publication, or their first day if later.
        since: Date,
    },
}

/// One outstanding acknowledgement, to chase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChaseItem {
    /// The person.
    pub person_id: i64,
    /// Their name.
    pub full_name: String,
    /// Their login.
    pub login: String,
    /// The policy.
    pub policy_id: i64,
    /// Its title.
    pub title: String,
    /// The version to acknowledge.
    pub version_id: i64,
    /// Its number.
    pub version: VersionNumber,
    /// Due since.
    pub since: Date,
    /// Days outstanding on the matrix's day.
    pub days: i64,
}

/// The whole matrix on a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcknowledgementMatrix {
    /// The day it describes.
    pub as_of: Date,
    /// The practice's bar, in percent (DSPT: at least 95% of staff).
    pub bar_percent: u32,
    /// Columns: policies with a published version.
    pub policies: Vec<MatrixPolicy>,
    /// Rows: people working at the practice on the day.
    pub people: Vec<MatrixPerson>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<MatrixCell>>,
}

impl AcknowledgementMatrix {
    /// Builds the matrix from the register, the people and every acknowledgement ever made.
    pub(crate) fn compute(
        people: &[PersonRecord],
        policies: &[Policy],
        acknowledgements: &[Acknowledgement],
        as_of: Date,
        bar_percent: u32,
    ) -> AcknowledgementMatrix {
        let by_cell: HashMap<(i64, i64), &Acknowledgement> =
            acknowledgements.iter().map(|a| ((a.person_id, a.version_id), a)).collect();
        let current: Vec<(&Policy, &crate::policy::PolicyVersion, Date)> = policies
            .iter()
            .filter_map(|p| {
                let v = p.current.as_ref()?;
                Some((p, v, v.published_on()?))
            })
            .collect();
        let mut columns: Vec<MatrixPolicy> = current
            .iter()
            .map(|(p, v, published_on)| MatrixPolicy {
                policy_id: p.id,
                title: p.title.clone(),
                version_id: v.id,
                version: v.number,
                published_on: *published_on,
                due: 0,
                acknowledged: 0,
            })
            .collect();
        let mut rows = Vec::new();
        let mut cells = Vec::new();
        for person in people.iter().filter(|p| works_on(p, as_of)) {
            let mut row = MatrixPerson {
                person_id: person.id,
                full_name: person.full_name.clone(),
                login: person.login.clone(),
                job_title: person.job_title.clone(),
                due: 0,
                acknowledged: 0,
            };
            let mut row_cells = Vec::with_capacity(current.len());
            for (column, (policy, version, published_on)) in columns.iter_mut().zip(&current) {
                let cell = if !policy.applies_to(&person.roles) {
                    MatrixCell::NotInScope
                } else {
                    column.due += 1;
                    row.due += 1;
                    match by_cell.get(&(person.id, version.id)) {
                        Some(ack) => {
                            column.acknowledged += 1;
                            row.acknowledged += 1;
                            MatrixCell::Acknowledged { at: ack.acknowledged_at.clone(), method: ack.method }
                        }
                        None => MatrixCell::Outstanding { since: (*published_on).max(person.start_date) },
                    }
                };
                row_cells.push(cell);
            }
            rows.push(row);
            cells.push(row_cells);
        }
        AcknowledgementMatrix { as_of, bar_percent, policies: columns, people: rows, cells }
    }

    /// People who must acknowledge at least one policy.
    pub fn people_in_scope(&self) -> u32 {
        self.people.iter().filter(|p| p.due > 0).count() as u32
    }

    /// People who have acknowledged every current policy they must.
    pub fn people_up_to_date(&self) -> u32 {
        self.people.iter().filter(|p| p.due > 0 && p.acknowledged == p.due).count() as u32
    }

    /// The practice figure: the share of staff who have acknowledged every current policy that
    /// applies to them, in tenths of a percent (954 = 95.4%). 1000 when nobody is in scope.
    pub fn practice_permille(&self) -> u32 {
        permille(self.people_up_to_date(), self.people_in_scope())
    }

    /// Whether the practice figure meets the bar.
    pub fn meets_bar(&self) -> bool {
        self.practice_permille() >= self.bar_percent * 10
    }

    /// Acknowledgements due and made, across every cell.
    pub fn acknowledgements(&self) -> (u32, u32) {
        self.people.iter().fold((0, 0), |(due, done), p| (due + p.due, done + p.acknowledged))
    }

    /// Everything outstanding, longest-waiting first.
    pub fn chase_list(&self) -> Vec<ChaseItem> {
        let mut items = Vec::new();
        for (person, row) in self.people.iter().zip(&self.cells) {
            for (policy, cell) in self.policies.iter().zip(row) {
                if let MatrixCell::Outstanding { since } = cell {
                    items.push(ChaseItem {
                        person_id: person.person_id,
                        full_name: person.full_name.clone(),
                        login: person.login.clone(),
                        policy_id: policy.policy_id,
                        title: policy.title.clone(),
                        version_id: policy.version_id,
                        version: policy.version,
                        since: *since,
                        days: (self.as_of - *since).whole_days().max(0),
                    });
                }
            }
        }
        items.sort_by(|a, b| a.since.cmp(&b.since).then_with(|| a.full_name.cmp(&b.full_name)));
        items
    }

    /// The matrix as CSV: one row per person, one column per policy.
    pub fn to_csv(&self) -> String {
        let mut header = vec!["Name".to_owned(), "Login".to_owned(), "Job title".to_owned()];
        header.extend(self.policies.iter().map(|p| format!("{} (v{})", p.title, p.version)));
        header.extend(["Acknowledged".to_owned(), "Due".to_owned()]);
        let rows = self.people.iter().zip(&self.cells).map(|(person, row)| {
            let mut fields = vec![person.full_name.clone(), person.login.clone(), person.job_title.clone()];
            fields.extend(row.iter().map(cell_text));
            fields.extend([person.acknowledged.to_string(), person.due.to_string()]);
            fields
        });
        csv_text(header, rows)
    }

    /// The chase list as CSV.
    pub fn chase_csv(&self) -> String {
        let header = ["Name", "Login", "Policy", "Version", "Outstanding since", "Days"].map(str::to_owned).to_vec();
        let rows = self.chase_list().into_iter().map(|c| {
            vec![c.full_name, c.login, c.title, c.version.to_string(), c.since.to_string(), c.days.to_string()]
        });
        csv_text(header, rows)
    }
}

/// Working at the practice on `day`: started, and not past their last day.
fn works_on(person: &PersonRecord, day: Date) -> bool {
    person.start_date <= day && !matches!(person.status(day), PersonStatus::Left(_))
}

fn permille(part: u32, whole: u32) -> u32 {
    if whole == 0 { 1000 } else { ((u64::from(part) * 1000) / u64::from(whole)) as u32 }
}

fn cell_text(cell: &MatrixCell) -> String {
    match cell {
        MatrixCell::NotInScope => "not required".into(),
        MatrixCell::Acknowledged { at, method: AcknowledgementMethod::OwnLogin } => {
            format!("acknowledged {}", at.get(..10).unwrap_or(at))
        }
        MatrixCell::Acknowledged { at, method: AcknowledgementMethod::RecordedOnBehalf } => {
            format!("acknowledged {} (recorded by a manager on their behalf)", at.get(..10).unwrap_or(at))
        }
        MatrixCell::Outstanding { since } => format!("outstanding since {since}"),
    }
}

/// Writes CSV, neutralising cells a spreadsheet would run as formulas.
fn csv_text(header: Vec<String>, rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(header.into_iter().map(crate::csv_cell::guard));
    for row in rows {
        let _ = writer.write_record(row.into_iter().map(crate::csv_cell::guard));
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::policy::{PersonRef, PolicyVersion, VersionStatus};
    use crate::role::Role;

    fn person(id: i64, roles: &[Role], start: Date, leaving: Option<Date>) -> PersonRecord {
        PersonRecord {
            id,
            full_name: format!("Person {id}"),
            login: format!("p{id}"),
            job_title: "Receptionist".into(),
            email: None,
            roles: roles.to_vec(),
            start_date: start,
            leaving_date: leaving,
            must_change_password: false,
            access_removed: false,
        }
    }

    fn policy(id: i64, title: &str, audience: &[Role], published: &str) -> Policy {
        Policy {
            id,
            catalogue_key: None,
            title: title.into(),
            owner: None,
            approvers: vec![Role::Siro],
            review_months: 12,
            audience: audience.to_vec(),
            dspt_items: vec![],
            next_review: None,
            current: Some(PolicyVersion {
                id: id * 10,
                policy_id: id,
                number: VersionNumber { major: 2, minor: 0 },
                status: VersionStatus::Published,
                content_hash: "h".into(),
                source: String::new(),
                change_summary: String::new(),
                author: PersonRef { id: 1, full_name: "A".into() },
                created_at: String::new(),
                submitted_at: None,
                approved_at: None,
                published_at: Some(published.into()),
                superseded_at: None,
            }),
            pending: None,
        }
    }

    fn ack(person_id: i64, version_id: i64, at: &str, method: AcknowledgementMethod) -> Acknowledgement {
        Acknowledgement {
            person_id,
            version_id,
            content_hash: "h".into(),
            first_opened_at: None,
            acknowledged_at: at.into(),
            method,
            recorded_by: None,
            reason: None,
        }
    }

    #[test]
    fn leavers_and_future_starters_drop_out_and_scoped_policies_skip_other_roles() {
        let today = date!(2026 - 06 - 01);
        let people = [
            person(1, &[Role::Staff], date!(2020 - 01 - 01), None),
            person(2, &[Role::Staff, Role::Siro], date!(2020 - 01 - 01), None),
            person(3, &[Role::Staff], date!(2020 - 01 - 01), Some(date!(2026 - 05 - 31))),
            person(4, &[Role::Staff], date!(2026 - 07 - 01), None),
            person(5, &[Role::Staff], date!(2026 - 05 - 20), Some(date!(2026 - 06 - 01))),
        ];
        let policies = [
            policy(1, "Everyone", &[], "2026-01-10T09:00:00Z"),
            policy(2, "Managers", &[Role::Siro], "2026-02-10T09:00:00Z"),
        ];
        let acks = [
            ack(1, 10, "2026-01-11T09:00:00Z", AcknowledgementMethod::OwnLogin),
            ack(2, 10, "2026-01-12T09:00:00Z", AcknowledgementMethod::RecordedOnBehalf),
            ack(2, 20, "2026-02-12T09:00:00Z", AcknowledgementMethod::OwnLogin),
            ack(3, 10, "2026-01-12T09:00:00Z", AcknowledgementMethod::OwnLogin),
        ];
        let m = AcknowledgementMatrix::compute(&people, &policies, &acks, today, 95);
        let ids: Vec<i64> = m.people.iter().map(|p| p.person_id).collect();
        assert_eq!(ids, [1, 2, 5], "the leaver and the future starter are not counted; a last day today still is");
        assert_eq!(m.cells[0][1], MatrixCell::NotInScope);
        assert_eq!((m.policies[0].due, m.policies[0].acknowledged), (3, 2));
        assert_eq!((m.policies[1].due, m.policies[1].acknowledged), (1, 1));
        assert_eq!(m.policies[0].acknowledged_permille(), Some(666));
        assert_eq!(m.cells[2][0], MatrixCell::Outstanding { since: date!(2026 - 05 - 20) }, "due from their first day");
        assert_eq!((m.people_up_to_date(), m.people_in_scope()), (2, 3));
        assert_eq!(m.practice_permille(), 666);
        assert!(!m.meets_bar());
        assert_eq!(m.acknowledgements(), (4, 3));
        let chase = m.chase_list();
        assert_eq!(chase.len(), 1);
        assert_eq!((chase[0].person_id, chase[0].days), (5, 12));
    }

    #[test]
    fn an_acknowledgement_of_an_old_version_does_not_count_for_the_current_one() {
        let people = [person(1, &[Role::Staff], date!(2020 - 01 - 01), None)];
        let policies = [policy(1, "Everyone", &[], "2026-01-10T09:00:00Z")];
        let acks = [ack(1, 9, "2025-01-11T09:00:00Z", AcknowledgementMethod::OwnLogin)];
        let m = AcknowledgementMatrix::compute(&people, &policies, &acks, date!(2026 - 02 - 01), 95);
        assert_eq!(m.cells[0][0], MatrixCell::Outstanding { since: date!(2026 - 01 - 10) });
    }

    #[test]
    fn csv_lists_every_cell_and_defuses_formulas() {
        let people = [person(1, &[Role::Staff], date!(2020 - 01 - 01), None)];
        let policies = [
            policy(1, "=HYPERLINK(\"x\")", &[], "2026-01-10T09:00:00Z"),
            policy(2, "Backup", &[], "2026-01-10T09:00:00Z"),
        ];
        let acks = [ack(1, 20, "2026-01-11T09:00:00Z", AcknowledgementMethod::RecordedOnBehalf)];
        let m = AcknowledgementMatrix::compute(&people, &policies, &acks, date!(2026 - 02 - 01), 95);
        let csv = m.to_csv();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "Name,Login,Job title,\"'=HYPERLINK(\"\"x\"\") (v2.0)\",Backup (v2.0),Acknowledged,Due");
        assert_eq!(
            lines[1],
            "Person 1,p1,Receptionist,outstanding since 2026-01-10,\
             acknowledged 2026-01-11 (recorded by a manager on their behalf),1,2"
        );
        let chase = m.chase_csv();
        assert_eq!(chase.lines().nth(1), Some("Person 1,p1,\"'=HYPERLINK(\"\"x\"\")\",2.0,2026-01-10,22"));
    }
}
