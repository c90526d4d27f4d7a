//! Incidents in an evidence pack: those the practice became aware of in the period, how they were
//! graded, whether the reportable ones were reported within the 72-hour clock, and the signed
//! closure reviews.

use custodian_pdf::{Block, Column, Table};
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime, UtcOffset};

use super::IncidentRecord;

/// The UTC moment an incident's stored time stands for.
fn moment(rfc3339: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(rfc3339, &Rfc3339).ok().map(|t| t.to_offset(UtcOffset::UTC))
}

/// "2026-11-25 09:26" (UTC), as the rest of the pack shows times.
fn minute(at: OffsetDateTime) -> String {
    let text = crate::time_text(at);
    text.get(..16).unwrap_or(&text).replace('T', " ")
}

/// The category's label without its parenthesis, to keep the table narrow.
fn short_category(i: &IncidentRecord) -> &'static str {
    let label = i.category_label();
    label.split(" (").next().unwrap_or(label)
}

fn reportable_text(i: &IncidentRecord) -> String {
    match (i.grade, i.reporting()) {
        (None, _) => "not graded".into(),
        (Some(_), Some((outcome, _))) if outcome.notify_dhsc => "yes, DHSC told too".into(),
        (Some(_), Some(_)) => "yes".into(),
        (Some(_), None) => "no".into(),
    }
}

fn report_text(i: &IncidentRecord, now: OffsetDateTime) -> String {
    let report = &i.report;
    if !report.dspt_reference.is_empty() {
        let mut text = report.dspt_reference.clone();
        if let Some(when) = report.dspt_reported_at.as_deref().and_then(moment) {
            text = format!("{text} {}", minute(when));
            if i.reporting().is_some() {
                text.push_str(if i.reported_late() { ", LATE" } else { ", within 72 hours" });
            }
        }
        return text;
    }
    if !report.not_reported_reason.is_empty() {
        return format!("not reported: {}", report.not_reported_reason);
    }
    match i.running_clock() {
        Some(deadline) if deadline < now => format!("OVERDUE: was due by {} UTC", minute(deadline)),
        Some(deadline) => format!("clock running: report by {} UTC", minute(deadline)),
        None => "—".into(),
    }
}

/// The section's blocks: incidents whose awareness falls in `from..=to`, as they stand at `now`.
pub(crate) fn section(incidents: &[IncidentRecord], from: Date, to: Date, now: OffsetDateTime) -> Vec<Block> {
    let dspt_items = crate::dspt::items_for_section("Incidents");
    let in_period: Vec<&IncidentRecord> = incidents.iter().filter(|i| i.aware_within(from, to)).collect();
    let count = |status: &str| in_period.iter().filter(|i| i.status == status).count();
    let live: Vec<&IncidentRecord> =
        in_period.iter().copied().filter(|i| matches!(i.status.as_str(), "open" | "closed")).collect();
    let reportable: Vec<&IncidentRecord> = live.iter().copied().filter(|i| i.reporting().is_some()).collect();
    let late = reportable.iter().filter(|i| i.reported_late()).count();
    let on_time = reportable.iter().filter(|i| !i.report.dspt_reference.is_empty() && !i.reported_late()).count();
    let explained = reportable
        .iter()
        .filter(|i| i.report.dspt_reference.is_empty() && !i.report.not_reported_reason.is_empty())
        .count();
    let clocks: Vec<String> = in_period
        .iter()
        .filter_map(|i| {
            let deadline = i.running_clock()?;
            let overdue = if deadline < now { ", OVERDUE" } else { "" };
            Some(format!("{} (report by {} UTC{overdue})", i.reference, minute(deadline)))
        })
        .collect();
    let ungraded = live.iter().filter(|i| i.grade.is_none()).count();

    let rows = in_period
        .iter()
        .map(|i| {
            vec![
                i.reference.clone(),
                short_category(i).into(),
                moment(&i.aware_at).map(minute).unwrap_or_else(|| i.aware_at.clone()),
                i.grade.map(|(l, s)| format!("{l}×{s}")).unwrap_or_else(|| "—".into()),
                reportable_text(i),
                report_text(i, now),
                i.status.clone(),
            ]
        })
        .collect();
    let reviews: Vec<Vec<String>> = in_period
        .iter()
        .filter(|i| i.status == "closed" || (i.status == "open" && i.reporting().is_some()))
        .map(|i| {
            let signed: Vec<String> = i
                .sign_offs
                .iter()
                .map(|s| format!("{}: {} {}", s.role.label(), s.by.full_name, s.at.get(..10).unwrap_or(&s.at)))
                .collect();
            let waiting: Vec<&str> = i
                .closure_roles()
                .into_iter()
                .filter(|r| !i.sign_offs.iter().any(|s| s.role == *r))
                .map(|r| r.label())
                .collect();
            vec![
                i.reference.clone(),
                i.actions.len().to_string(),
                if signed.is_empty() { "none yet".into() } else { signed.join("; ") },
                if waiting.is_empty() { "—".into() } else { waiting.join(", ") },
            ]
        })
        .collect();

    let mut blocks = vec![
        Block::Heading { level: 1, text: "Incidents".into() },
        Block::Paragraph(format!(
            "Supports DSPT evidence items {dspt_items}. Incidents and near misses the practice became aware of from \
             {from} to {to}, graded likelihood × severity as the national guide does; a reportable incident is \
             reported through the DSPT incident reporting tool within 72 hours of awareness. Times are UTC."
        )),
        Block::KeyValues(vec![
            (
                "Incidents".into(),
                format!(
                    "{} in all: {} open, {} closed, {} withdrawn, {} duplicate",
                    in_period.len(),
                    count("open"),
                    count("closed"),
                    count("withdrawn"),
                    count("duplicate")
                ),
            ),
            ("Not yet graded".into(), ungraded.to_string()),
            ("Reportable".into(), reportable.len().to_string()),
            (
                "Reported".into(),
                format!("{on_time} within 72 hours, {late} late, {explained} not reported with the reason recorded"),
            ),
            ("72-hour clocks running".into(), if clocks.is_empty() { "none".into() } else { clocks.join("; ") }),
        ]),
        Block::Table(Table {
            columns: vec![
                Column::new("Reference", 2.1),
                Column::new("Category", 2.2),
                Column::new("Aware at", 1.8),
                Column::new("L×S", 0.9),
                Column::new("Reportable", 1.9),
                Column::new("DSPT report", 2.6),
                Column::new("Status", 1.5),
            ],
            rows,
        }),
    ];
    if !reviews.is_empty() {
        blocks.push(Block::Heading { level: 2, text: "Closure reviews".into() });
        blocks.push(Block::Paragraph(
            "Each closed or reportable incident's signed closure review: the IG lead signs first, then the SIRO for a \
             reportable incident and the Caldicott Guardian where patient confidentiality was breached."
                .into(),
        ));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Reference", 2.1),
                Column::new("Actions", 1.4),
                Column::new("Signed (role: name, date)", 6.6),
                Column::new("Still to sign", 2.6),
            ],
            rows: reviews,
        }));
    }
    blocks
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;
    use crate::incident::{IncidentReport, IncidentSignOff};
    use crate::policy::PersonRef;
    use crate::role::Role;

    fn person(id: i64, name: &str) -> PersonRef {
        PersonRef { id, full_name: name.into() }
    }

    fn incident(reference: &str, category: &str, aware_at: &str, grade: Option<(u8, u8)>) -> IncidentRecord {
        IncidentRecord {
            id: 1,
            reference: reference.into(),
            kind: "ig".into(),
            category: category.into(),
            breach_types: vec!["confidentiality".into()],
            occurred_at: aware_at.into(),
            aware_at: aware_at.into(),
            description: "Letter sent to the wrong address".into(),
            special_category: true,
            vulnerable_people: false,
            reported_by: person(5, "Jordan Ellis"),
            grade,
            devices: Vec::new(),
            status: "open".into(),
            actions: Vec::new(),
            aware_first_reason: String::new(),
            data_categories: String::new(),
            people_affected: None,
            records_affected: None,
            consequences: String::new(),
            lessons: String::new(),
            policies: Vec::new(),
            report: IncidentReport::default(),
            status_changes: Vec::new(),
            sign_offs: Vec::new(),
            recorded_at: aware_at.into(),
        }
    }

    fn sign(role: Role, by: PersonRef, at: &str) -> IncidentSignOff {
        IncidentSignOff { role, by, at: at.into(), statement: "I sign it off as closed.".into() }
    }

    fn tables(blocks: &[Block]) -> Vec<&Table> {
        blocks.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect()
    }

    fn facts(blocks: &[Block]) -> Vec<(String, String)> {
        blocks.iter().find_map(|b| if let Block::KeyValues(kv) = b { Some(kv.clone()) } else { None }).unwrap()
    }

    #[test]
    fn incidents_in_the_period_are_tabled_with_their_reports_clocks_and_closure_sign_offs() {
        let now = datetime!(2026-11-25 09:00 UTC);
        let mut reported = incident("INC-2026-002", "disclosure", "2026-03-06T17:40:00Z", Some((3, 2)));
        reported.status = "closed".into();
        reported.report.dspt_reference = "DSPT-2026-04417".into();
        reported.report.dspt_reported_at = Some("2026-03-10T11:05:00Z".into());
        reported.actions = vec![
            ("2026-03-06T18:00:00Z".into(), "Priya Raman".into(), "Recipient asked to return the letter".into()),
            ("2026-03-10T11:05:00Z".into(), "Priya Raman".into(), "Reported late: IG lead on leave".into()),
        ];
        reported.sign_offs = vec![
            sign(Role::IgLead, person(2, "Priya Raman"), "2026-03-27T10:00:00Z"),
            sign(Role::Siro, person(3, "Dr Helen Marsh"), "2026-03-30T09:00:00Z"),
            sign(Role::CaldicottGuardian, person(4, "Dr Tom Okafor"), "2026-03-31T09:00:00Z"),
        ];
        let running = incident("INC-2026-009", "malware_or_phishing", "2026-11-24T03:00:00Z", Some((3, 2)));
        let mut near_miss = incident("INC-2026-005", "unauthorised_access", "2026-06-01T08:00:00Z", Some((1, 1)));
        near_miss.special_category = false;
        near_miss.status = "withdrawn".into();
        let ungraded = incident("INC-2026-010", "other", "2026-11-25T08:00:00Z", None);
        let before = incident("INC-2025-003", "disclosure", "2025-12-31T23:59:00Z", Some((3, 3)));

        let all = [ungraded, running, near_miss, reported, before];
        let blocks = section(&all, date!(2026 - 01 - 01), date!(2026 - 12 - 31), now);
        let [incidents, reviews] = tables(&blocks)[..] else { panic!("two tables") };
        assert_eq!(
            incidents.rows,
            [
                ["INC-2026-010", "Other", "2026-11-25 08:00", "—", "not graded", "—", "open"],
                [
                    "INC-2026-009",
                    "Malware or phishing",
                    "2026-11-24 03:00",
                    "3×2",
                    "yes",
                    "clock running: report by 2026-11-27 03:00 UTC",
                    "open"
                ],
                ["INC-2026-005", "Unauthorised access", "2026-06-01 08:00", "1×1", "no", "—", "withdrawn"],
                [
                    "INC-2026-002",
                    "Disclosure of confidential information",
                    "2026-03-06 17:40",
                    "3×2",
                    "yes",
                    "DSPT-2026-04417 2026-03-10 11:05, LATE",
                    "closed"
                ],
            ]
        );
        assert_eq!(
            reviews.rows,
            [
                vec!["INC-2026-009", "0", "none yet", "IG lead, SIRO, Caldicott Guardian"],
                vec![
                    "INC-2026-002",
                    "2",
                    "IG lead: Priya Raman 2026-03-27; SIRO: Dr Helen Marsh 2026-03-30; Caldicott Guardian: Dr Tom \
                     Okafor 2026-03-31",
                    "—"
                ],
            ]
        );
        let facts = facts(&blocks);
        assert_eq!(facts[0].1, "4 in all: 2 open, 1 closed, 1 withdrawn, 0 duplicate");
        assert_eq!(facts[1].1, "1", "one not yet graded");
        assert_eq!(facts[2].1, "2", "withdrawn incidents are not counted as reportable");
        assert_eq!(facts[3].1, "0 within 72 hours, 1 late, 0 not reported with the reason recorded");
        assert_eq!(facts[4].1, "INC-2026-009 (report by 2026-11-27 03:00 UTC)");
    }

    #[test]
    fn a_reason_for_not_reporting_and_an_overdue_clock_are_shown_as_such() {
        let now = datetime!(2026-11-25 09:00 UTC);
        let mut explained = incident("INC-2026-001", "loss_of_availability", "2026-02-02T10:00:00Z", Some((3, 2)));
        explained.report.not_reported_reason = "The DPO advised no patient was affected".into();
        let overdue = incident("INC-2026-007", "disclosure", "2026-11-20T10:00:00Z", Some((4, 4)));
        let blocks = section(&[overdue, explained], date!(2026 - 01 - 01), date!(2026 - 12 - 31), now);
        let rows = &tables(&blocks)[0].rows;
        assert_eq!(rows[0][4], "yes, DHSC told too");
        assert_eq!(rows[0][5], "OVERDUE: was due by 2026-11-23 10:00 UTC");
        assert_eq!(rows[1][5], "not reported: The DPO advised no patient was affected");
        assert_eq!(facts(&blocks)[3].1, "0 within 72 hours, 0 late, 1 not reported with the reason recorded");
    }
}
