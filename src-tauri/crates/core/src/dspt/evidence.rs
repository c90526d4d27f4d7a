//! The DSPT evidence map's section of an evidence pack.

use custodian_pdf::{Block, Column, Table};

use super::{EvidenceMap, Standing};

/// The section's blocks: each item, how it looks, the evidence and the pack sections holding it.
pub(crate) fn section(map: &EvidenceMap) -> Vec<Block> {
    let count = |s: Standing| map.entries.iter().filter(|e| e.standing == s).count();
    let rows = map
        .entries
        .iter()
        .map(|e| {
            let evidence =
                if e.to_do.is_empty() { e.evidence.clone() } else { format!("{} To do: {}.", e.evidence, e.to_do) };
            vec![
                e.item.id.clone(),
                e.item.title.clone(),
                e.standing.label().to_owned(),
                evidence,
                e.item.pack_sections.join(", "),
            ]
        })
        .collect();
    vec![
        Block::Heading { level: 1, text: "DSPT evidence map".into() },
        Block::Paragraph(format!(
            "The toolkit's evidence items ({} assessment) that the practice's records in this pack support, judged on \
             the records from {} to {} as they stood when the pack was made: {} look met, {} partly met, {} missing. \
             Source of the item list: {}",
            map.toolkit_year,
            map.from,
            map.to,
            count(Standing::Met),
            count(Standing::PartlyMet),
            count(Standing::Missing),
            map.source
        )),
        Block::Table(Table {
            columns: vec![
                Column::new("Item", 0.55),
                Column::new("What it asks for", 2.0),
                Column::new("Standing", 1.05),
                Column::new("Evidence held", 3.0),
                Column::new("Pack sections", 1.6),
            ],
            rows,
        }),
    ]
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::dspt::{EvidenceItem, MapEntry};

    #[test]
    fn each_item_is_a_row_with_its_standing_evidence_and_what_is_left_to_do() {
        let map = EvidenceMap {
            source: "the toolkit".into(),
            toolkit_year: "2025-26".into(),
            from: date!(2025 - 07 - 01),
            to: date!(2026 - 06 - 30),
            entries: vec![MapEntry {
                item: EvidenceItem {
                    id: "1.3.1".into(),
                    title: "Policies".into(),
                    measure: "policies".into(),
                    pack_sections: vec!["Policy register".into()],
                },
                standing: Standing::PartlyMet,
                evidence: "19 of 20 policies are in date.".into(),
                to_do: "Review Backup policy".into(),
                section: "policies",
            }],
        };
        let blocks = section(&map);
        let Block::Table(table) = &blocks[2] else { panic!("a table") };
        assert_eq!(
            table.rows,
            [vec![
                "1.3.1".to_owned(),
                "Policies".into(),
                "Partly met".into(),
                "19 of 20 policies are in date. To do: Review Backup policy.".into(),
                "Policy register".into()
            ]]
        );
        let Block::Paragraph(intro) = &blocks[1] else { panic!("a paragraph") };
        assert!(intro.contains("0 look met, 1 partly met, 0 missing"), "{intro}");
    }
}
