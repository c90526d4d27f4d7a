//! The acknowledgements section of an evidence pack: the practice figure against its bar,
//! compliance per policy and per person, the chase list, and acknowledgements recorded on
//! someone's behalf.

use custodian_pdf::{Block, Column, Table};
use time::Date;

use super::{Acknowledgement, AcknowledgementMatrix, AcknowledgementMethod};
use crate::person::PersonRecord;
use crate::policy::PolicyVersion;

fn percent(part: u32, whole: u32) -> String {
    if whole == 0 { "–".into() } else { format!("{:.1}%", f64::from(part) * 100.0 / f64::from(whole)) }
}

/// The section's blocks.
pub(crate) fn section(
    matrix: &AcknowledgementMatrix,
    acknowledgements: &[Acknowledgement],
    people: &[PersonRecord],
    versions: &[PolicyVersion],
    policies: &[crate::policy::Policy],
    from: Date,
    to: Date,
) -> Vec<Block> {
    let dspt_items = crate::dspt::items_for_section("Staff acknowledgements");
    let figure = matrix.practice_permille();
    let (due, done) = matrix.acknowledgements();
    let verdict = if matrix.meets_bar() { "meets" } else { "is below" };
    let per_policy = matrix
        .policies
        .iter()
        .map(|p| {
            vec![
                p.title.clone(),
                p.version.to_string(),
                p.published_on.to_string(),
                format!("{} of {}", p.acknowledged, p.due),
                percent(p.acknowledged, p.due),
            ]
        })
        .collect();
    let per_person = matrix
        .people
        .iter()
        .zip(&matrix.cells)
        .map(|(p, row)| {
            let waiting: Vec<&str> = matrix
                .policies
                .iter()
                .zip(row)
                .filter(|(_, cell)| matches!(cell, super::MatrixCell::Outstanding { .. }))
                .map(|(policy, _)| policy.title.as_str())
                .collect();
            vec![
                p.full_name.clone(),
                p.job_title.clone(),
                format!("{} of {}", p.acknowledged, p.due),
                if waiting.is_empty() { "none".into() } else { waiting.join("; ") },
            ]
        })
        .collect();
    let chase = matrix.chase_list();
    let chase_rows = chase
        .iter()
        .map(|c| {
            vec![c.full_name.clone(), c.title.clone(), c.version.to_string(), c.since.to_string(), c.days.to_string()]
        })
        .collect();
    let name_of = |id: i64| people.iter().find(|p| p.id == id).map(|p| p.full_name.clone()).unwrap_or_default();
    let version_of = |id: i64| versions.iter().find(|v| v.id == id);
    let on_behalf: Vec<&Acknowledgement> = acknowledgements
        .iter()
        .filter(|a| a.method == AcknowledgementMethod::RecordedOnBehalf)
        .filter(|a| crate::policy::day_of(&a.acknowledged_at).is_some_and(|d| d >= from && d <= to))
        .collect();
    let on_behalf_rows = on_behalf
        .iter()
        .map(|a| {
            let version = version_of(a.version_id);
            let title = version
                .and_then(|v| policies.iter().find(|p| p.id == v.policy_id))
                .map(|p| p.title.clone())
                .unwrap_or_default();
            vec![
                name_of(a.person_id),
                format!("{title} {}", version.map(|v| v.number.to_string()).unwrap_or_default()),
                a.acknowledged_at.get(..10).unwrap_or_default().to_owned(),
                a.recorded_by.as_ref().map(|r| r.full_name.clone()).unwrap_or_default(),
                a.reason.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let made_in_period = acknowledgements
        .iter()
        .filter(|a| crate::policy::day_of(&a.acknowledged_at).is_some_and(|d| d >= from && d <= to))
        .count();
    vec![
        Block::Heading { level: 1, text: "Staff acknowledgements".into() },
        Block::Paragraph(format!(
            "Supports DSPT evidence items {dspt_items}. Everyone working at the practice on {as_of} is asked to \
             read the current version of each policy that applies to them, in Custodian, to the end, and to \
             confirm: \"{statement}\" New starters are asked for every published policy from their first day; \
             leavers drop out from their last day. {made_in_period} acknowledgements were made from {from} to {to}.",
            as_of = matrix.as_of,
            statement = super::ACKNOWLEDGEMENT_STATEMENT,
        )),
        Block::KeyValues(vec![
            (
                "Practice figure".into(),
                format!(
                    "{}.{}% of staff have acknowledged every current policy that applies to them ({} of {})",
                    figure / 10,
                    figure % 10,
                    matrix.people_up_to_date(),
                    matrix.people_in_scope()
                ),
            ),
            ("The practice's bar".into(), format!("{}%: the figure {verdict} the bar", matrix.bar_percent)),
            ("Acknowledgements".into(), format!("{done} of {due} made ({})", percent(done, due))),
        ]),
        Block::Heading { level: 2, text: "Compliance by policy".into() },
        Block::Table(Table {
            columns: vec![
                Column::new("Policy", 4.0),
                Column::new("Version", 1.2),
                Column::new("Published", 1.8),
                Column::new("Acknowledged", 1.8),
                Column::new("Share", 1.2),
            ],
            rows: per_policy,
        }),
        Block::Heading { level: 2, text: "Compliance by person".into() },
        Block::Table(Table {
            columns: vec![
                Column::new("Name", 2.4),
                Column::new("Job title", 2.2),
                Column::new("Acknowledged", 1.6),
                Column::new("Outstanding", 5.0),
            ],
            rows: per_person,
        }),
        Block::Heading { level: 2, text: "Outstanding acknowledgements".into() },
        Block::Paragraph(format!("{} outstanding, longest-waiting first.", chase.len())),
        Block::Table(Table {
            columns: vec![
                Column::new("Name", 2.6),
                Column::new("Policy", 4.0),
                Column::new("Version", 1.1),
                Column::new("Since", 1.8),
                Column::new("Days", 1.0),
            ],
            rows: chase_rows,
        }),
        Block::Heading { level: 2, text: "Recorded on someone's behalf".into() },
        Block::Paragraph(format!(
            "Acknowledgements a manager recorded for someone from {from} to {to} ({}), with the reason given. They \
             count towards the figures above but were not made by the person signed in as themselves.",
            on_behalf.len()
        )),
        Block::Table(Table {
            columns: vec![
                Column::new("Name", 2.2),
                Column::new("Policy and version", 3.0),
                Column::new("Date", 1.7),
                Column::new("Recorded by", 2.4),
                Column::new("Reason", 4.4),
            ],
            rows: on_behalf_rows,
        }),
    ]
}
