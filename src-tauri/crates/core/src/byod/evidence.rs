//! BYOD checks in an evidence pack: all checks in the period, or one check in full.

use custodian_pdf::{Block, Column, Table};
use time::Date;

use super::{ByodCheck, ByodOutcome, ItemResult};

fn outcome_text(c: &ByodCheck) -> String {
    match (c.outcome, &c.risk_accepted_by) {
        (ByodOutcome::Approved, _) => "approved".into(),
        (ByodOutcome::ApprovedWithRisk, Some(siro)) => {
            format!("approved with a risk accepted by {} (SIRO)", siro.full_name)
        }
        (ByodOutcome::ApprovedWithRisk, None) => "approved with a risk not yet accepted by the SIRO".into(),
        (ByodOutcome::Refused, _) => "refused".into(),
    }
}

/// Every check in the period, with outcomes and accepted risks.
pub(crate) fn section(checks: &[ByodCheck], from: Date, to: Date) -> Vec<Block> {
    let dspt_items = crate::dspt::items_for_section("BYOD checks");
    let in_period: Vec<&ByodCheck> = checks.iter().filter(|c| c.checked_on >= from && c.checked_on <= to).collect();
    let rows = in_period
        .iter()
        .map(|c| {
            let failed: Vec<&str> =
                c.items.iter().filter(|i| i.result == ItemResult::Fail).map(|i| i.text.as_str()).collect();
            vec![
                c.checked_on.to_string(),
                c.person.full_name.clone(),
                format!("{} ({} v{})", c.device.1, c.checklist.1, c.checklist_version),
                if failed.is_empty() { "none".into() } else { failed.join("; ") },
                outcome_text(c),
                c.recheck_due.map(|d| d.to_string()).unwrap_or_else(|| "—".into()),
            ]
        })
        .collect();
    let risks: Vec<Vec<String>> = in_period
        .iter()
        .filter(|c| c.outcome == ByodOutcome::ApprovedWithRisk)
        .map(|c| {
            vec![
                c.person.full_name.clone(),
                c.device.1.clone(),
                c.risk.clone(),
                c.risk_statement.clone().unwrap_or_else(|| "not yet accepted".into()),
            ]
        })
        .collect();
    let mut blocks = vec![
        Block::Heading { level: 1, text: "BYOD checks".into() },
        Block::Paragraph(format!(
            "Supports DSPT evidence items {dspt_items}. Checks of staff's own devices from {from} to {to} ({} in all), \
             each against the checklist version it used.",
            in_period.len()
        )),
        Block::Table(Table {
            columns: vec![
                Column::new("Checked", 1.7),
                Column::new("Person", 2.2),
                Column::new("Device and checklist", 3.2),
                Column::new("Failed items", 3.2),
                Column::new("Outcome", 2.8),
                Column::new("Re-check due", 1.8),
            ],
            rows,
        }),
    ];
    if !risks.is_empty() {
        blocks.push(Block::Heading { level: 2, text: "Accepted risks".into() });
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Person", 2.0),
                Column::new("Device", 1.6),
                Column::new("Risk", 4.2),
                Column::new("SIRO's signed acceptance", 5.0),
            ],
            rows: risks,
        }));
    }
    blocks
}

/// One check in full: every item, its note and evidence, the outcome and any accepted risk.
pub(crate) fn one(check: &ByodCheck) -> Vec<Block> {
    let dspt_items = crate::dspt::items_for_section("BYOD checks");
    let rows = check
        .items
        .iter()
        .map(|i| {
            vec![
                i.text.clone(),
                match i.result {
                    ItemResult::Pass => "pass",
                    ItemResult::Fail => "FAIL",
                    ItemResult::NotApplicable => "not applicable",
                }
                .into(),
                i.note.clone(),
                i.evidence.as_ref().map(|e| format!("{} SHA-256 {}", e.file_name, e.sha256)).unwrap_or_default(),
            ]
        })
        .collect();
    let mut facts = vec![
        ("Person".into(), check.person.full_name.clone()),
        ("Device".into(), check.device.1.clone()),
        ("Checklist".into(), format!("{} v{}", check.checklist.1, check.checklist_version)),
        ("Checked by".into(), check.checked_by.full_name.clone()),
        ("Checked on".into(), check.checked_on.to_string()),
        ("Outcome".into(), outcome_text(check)),
        (
            "Re-check due".into(),
            check
                .recheck_due
                .map(|d| d.to_string())
                .unwrap_or_else(|| "none (refused, or replaced by a later check)".into()),
        ),
    ];
    if !check.risk.is_empty() {
        facts.push(("Risk".into(), check.risk.clone()));
    }
    if let Some(statement) = &check.risk_statement {
        facts.push((
            "SIRO's acceptance".into(),
            format!("{statement} ({})", check.risk_accepted_at.as_deref().unwrap_or("")),
        ));
    }
    vec![
        Block::Heading { level: 1, text: format!("BYOD check: {}, {}", check.person.full_name, check.device.1) },
        Block::Paragraph(format!("Supports DSPT evidence items {dspt_items}.")),
        Block::KeyValues(facts),
        Block::Heading { level: 2, text: "Items".into() },
        Block::Table(Table {
            columns: vec![
                Column::new("Item", 5.0),
                Column::new("Result", 1.6),
                Column::new("Note", 3.2),
                Column::new("Evidence", 3.2),
            ],
            rows,
        }),
    ]
}
