//! The disposal log's section of an evidence pack, with each certificate's SHA-256.

use custodian_pdf::{Block, Column, Table};
use time::Date;

use super::DisposalRecord;

/// The section's blocks: disposals in the period.
pub(crate) fn section(disposals: &[DisposalRecord], from: Date, to: Date) -> Vec<Block> {
    let dspt_items = crate::dspt::items_for_section("Disposal log");
    let in_period: Vec<&DisposalRecord> =
        disposals.iter().filter(|d| d.disposed_on >= from && d.disposed_on <= to).collect();
    let unchecked = in_period.iter().filter(|d| d.checked_by.is_none()).count();
    let without_certificate =
        in_period.iter().filter(|d| d.certificate.is_none() && d.certificate_number.is_empty()).count();
    let rows = in_period
        .iter()
        .map(|d| {
            vec![
                d.disposed_on.to_string(),
                match (&d.device, d.containers) {
                    (Some((_, tag)), _) => tag.clone(),
                    (None, Some(n)) => {
                        format!("Confidential waste, {n} containers, consignment {}", d.consignment_reference)
                    }
                    (None, None) => "Confidential waste".into(),
                },
                [d.method.label(), d.sanitisation_standard.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join("; "),
                [d.performed_by.as_str(), d.contract_reference.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", contract "),
                match &d.certificate {
                    Some(c) => {
                        format!("{} {} SHA-256 {}", d.certificate_number, c.file_name, c.sha256).trim().to_owned()
                    }
                    None if !d.certificate_number.is_empty() => format!("{} (no file attached)", d.certificate_number),
                    None => "none".into(),
                },
                d.checked_by
                    .as_ref()
                    .map(|c| {
                        format!("{} {}", c.full_name, d.checked_at.as_deref().and_then(|t| t.get(..10)).unwrap_or(""))
                    })
                    .unwrap_or_else(|| "not checked".into()),
            ]
        })
        .collect();
    vec![
        Block::Heading { level: 1, text: "Disposal log".into() },
        Block::Paragraph(format!(
            "Supports DSPT evidence items {dspt_items}. Disposals from {from} to {to} ({} in all): {without_certificate} \
             without a certificate, {unchecked} not yet checked by the IG lead or SIRO. Certificates are kept \
             encrypted in the practice's vault; the SHA-256 below identifies each file exactly.",
            in_period.len()
        )),
        Block::Table(Table {
            columns: vec![
                Column::new("Date", 1.7),
                Column::new("What", 2.4),
                Column::new("Method", 2.4),
                Column::new("By", 2.4),
                Column::new("Certificate", 4.0),
                Column::new("Checked", 2.0),
            ],
            rows,
        }),
    ]
}
