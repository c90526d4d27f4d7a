//! The policy register's section of an evidence pack: the register, every version with its
//! hash, and the approvals and reviews signed in the period.

use custodian_pdf::{Block, Column, Table};
use time::Date;

use super::{Policy, PolicyStanding, PolicyVersion, SignOff, SignOffKind};
use crate::role::Role;

fn roles(roles: &[Role]) -> String {
    roles.iter().map(|r| r.label()).collect::<Vec<_>>().join(" and ")
}

fn day(rfc3339: Option<&str>) -> String {
    rfc3339.and_then(|t| t.get(..10)).unwrap_or("").to_owned()
}

/// The section's blocks. `versions` are every version of every policy; `sign_offs` every sign-off.
pub(crate) fn section(
    policies: &[Policy],
    versions: &[PolicyVersion],
    sign_offs: &[SignOff],
    today: Date,
    from: Date,
    to: Date,
) -> Vec<Block> {
    let dspt_items = crate::dspt::items_for_section("Policy register");
    let standing = |p: &Policy| match p.standing(today) {
        PolicyStanding::NoPublishedVersion => "no published version (gap)".to_owned(),
        PolicyStanding::ReviewOverdue { due } => format!("review overdue since {due}"),
        PolicyStanding::ReviewDueSoon { due } => format!("review due {due}"),
        PolicyStanding::Current { next_review } => format!("current; next review {next_review}"),
    };
    let gaps = policies.iter().filter(|p| p.current.is_none()).count();
    let overdue = policies.iter().filter(|p| matches!(p.standing(today), PolicyStanding::ReviewOverdue { .. })).count();
    let register_rows = policies
        .iter()
        .map(|p| {
            vec![
                p.title.clone(),
                p.owner.as_ref().map(|o| o.full_name.clone()).unwrap_or_else(|| "none".into()),
                roles(&p.approvers),
                p.current.as_ref().map(|v| v.number.to_string()).unwrap_or_else(|| "none".into()),
                day(p.current.as_ref().and_then(|v| v.published_at.as_deref())),
                standing(p),
            ]
        })
        .collect();
    let title_of =
        |policy_id: i64| policies.iter().find(|p| p.id == policy_id).map(|p| p.title.clone()).unwrap_or_default();
    let version_rows = versions
        .iter()
        .filter(|v| v.created_at.get(..10).is_some_and(|d| d <= to.to_string().as_str()))
        .map(|v| {
            vec![
                title_of(v.policy_id),
                v.number.to_string(),
                match v.superseded_at.as_deref() {
                    Some(at) => format!("Superseded {}", day(Some(at))),
                    None => v.status.label().to_owned(),
                },
                day(v.published_at.as_deref()),
                v.change_summary.clone(),
                v.content_hash.clone(),
            ]
        })
        .collect();
    let in_period: Vec<&SignOff> =
        sign_offs.iter().filter(|s| super::day_of(&s.signed_at).is_some_and(|d| d >= from && d <= to)).collect();
    let sign_off_rows = in_period
        .iter()
        .map(|s| {
            vec![
                title_of(s.policy_id),
                s.version.to_string(),
                match (s.kind, &s.withdrawn_at) {
                    (SignOffKind::Approval, None) => "approval".to_owned(),
                    (SignOffKind::Approval, Some(at)) => format!("approval, withdrawn {}", day(Some(at))),
                    (SignOffKind::ReviewedNoChange, _) => format!(
                        "reviewed, no change; next review {}",
                        s.next_review.map(|d| d.to_string()).unwrap_or_default()
                    ),
                },
                format!("{} ({})", s.signer.full_name, roles(&s.roles)),
                s.signed_at.get(..16).unwrap_or(&s.signed_at).replace('T', " "),
                s.content_hash.clone(),
            ]
        })
        .collect();
    vec![
        Block::Heading { level: 1, text: "Policy register".into() },
        Block::Paragraph(format!(
            "Supports DSPT evidence items {dspt_items}. The practice's {} policies as they stand on {today}: {gaps} \
             without a published version and {overdue} overdue for review. Each version's text is fixed once it is \
             sent for sign-off; its SHA-256 below identifies the exact text approved, published and acknowledged.",
            policies.len()
        )),
        Block::Table(Table {
            columns: vec![
                Column::new("Policy", 3.4),
                Column::new("Owner", 2.0),
                Column::new("Approved by", 2.0),
                Column::new("Current version", 1.3),
                Column::new("Published", 1.7),
                Column::new("Standing", 2.8),
            ],
            rows: register_rows,
        }),
        Block::Heading { level: 2, text: "Versions".into() },
        Block::Paragraph(
            "Every version of every policy, newest first within each policy; superseded versions are kept.".into(),
        ),
        Block::Table(Table {
            columns: vec![
                Column::new("Policy", 2.5),
                Column::new("Version", 1.8),
                Column::new("Status", 2.2),
                Column::new("Published", 2.2),
                Column::new("Change", 2.6),
                Column::new("SHA-256 of the text", 4.2),
            ],
            rows: version_rows,
        }),
        Block::Heading { level: 2, text: "Approvals and reviews".into() },
        Block::Paragraph(format!(
            "Sign-offs from {from} to {to} ({} in all). Each was confirmed with the signer's password and names the \
             exact text signed.",
            in_period.len()
        )),
        Block::Table(Table {
            columns: vec![
                Column::new("Policy", 2.7),
                Column::new("Version", 1.8),
                Column::new("Sign-off", 2.6),
                Column::new("Signed by", 2.8),
                Column::new("When (UTC)", 2.0),
                Column::new("SHA-256 of the text", 3.6),
            ],
            rows: sign_off_rows,
        }),
    ]
}
