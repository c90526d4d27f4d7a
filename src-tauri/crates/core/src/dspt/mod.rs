//! The DSPT evidence map: the toolkit's evidence items the practice's records support, each with
//! the evidence Custodian holds now and whether it looks met, partly met or missing. The items
//! are data (`assets/dspt/`), with their source and toolkit year, replaced when the toolkit
//! changes; each names a `measure` this module knows how to judge.

pub(crate) mod evidence;
pub(crate) mod measures;

pub(crate) use measures::Records;

use serde::Deserialize;
use time::{Date, OffsetDateTime};

use crate::error::Result;
use crate::role::Permission;
use crate::session::Session;

const ITEMS_JSON: &str = include_str!("../../../../../assets/dspt/evidence-items-2025-26.json");

/// One evidence item as the file describes it.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct EvidenceItem {
    /// The toolkit's number, e.g. `1.3.1`.
    pub id: String,
    /// A short summary of what it asks for.
    pub title: String,
    /// How Custodian judges it (see `measures`).
    pub measure: String,
    /// The pack sections that hold its evidence.
    pub pack_sections: Vec<String>,
}

/// The evidence items and where they come from.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct EvidenceItems {
    /// Where the list comes from.
    pub source: String,
    /// The toolkit year, e.g. `2025-26`.
    pub toolkit_year: String,
    /// Version of the file.
    pub version: u32,
    /// The items, in toolkit order.
    pub items: Vec<EvidenceItem>,
}

/// The items built into this version of Custodian.
pub fn evidence_items() -> EvidenceItems {
    // The file is part of the build and checked by the tests below.
    serde_json::from_str(ITEMS_JSON).unwrap_or_else(|_| EvidenceItems {
        source: String::new(),
        toolkit_year: String::new(),
        version: 0,
        items: Vec::new(),
    })
}

/// How an item looks on the practice's records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    /// The records show it.
    Met,
    /// Some of it is there.
    PartlyMet,
    /// The records do not show it.
    Missing,
}

impl Standing {
    /// Stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Met => "met",
            Standing::PartlyMet => "partly_met",
            Standing::Missing => "missing",
        }
    }

    /// Its name for people.
    pub fn label(self) -> &'static str {
        match self {
            Standing::Met => "Looks met",
            Standing::PartlyMet => "Partly met",
            Standing::Missing => "Missing",
        }
    }
}

/// One item of the map, judged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapEntry {
    /// The item.
    pub item: EvidenceItem,
    /// How it looks.
    pub standing: Standing,
    /// The evidence Custodian holds, in a sentence or two.
    pub evidence: String,
    /// What would complete it, when not met.
    pub to_do: String,
    /// The app section where the evidence is kept (`policies`, `incidents`, …).
    pub section: &'static str,
}

/// The map for a period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceMap {
    /// Where the item list comes from.
    pub source: String,
    /// The toolkit year.
    pub toolkit_year: String,
    /// The period judged.
    pub from: Date,
    /// The period judged.
    pub to: Date,
    /// The items, in toolkit order.
    pub entries: Vec<MapEntry>,
}

/// The DSPT year holding `day`: 1 July to 30 June, the toolkit's assessment year (its
/// submission deadline is 30 June).
pub fn dspt_year_containing(day: Date) -> (Date, Date) {
    let start_year = if day.month() >= time::Month::July { day.year() } else { day.year() - 1 };
    let first = Date::from_calendar_date(start_year, time::Month::July, 1).unwrap_or(day);
    let last = Date::from_calendar_date(start_year + 1, time::Month::June, 30).unwrap_or(day);
    (first, last)
}

impl Session {
    /// The DSPT evidence map for `from..=to` as the records stand at `now`.
    pub fn dspt_evidence_map(&self, from: Date, to: Date, now: OffsetDateTime) -> Result<EvidenceMap> {
        self.require(Permission::ViewCompliance, now)?;
        let records = measures::Records::load(self.vault.connection(), now)?;
        Ok(build_map(&records, from, to, now.date()))
    }
}

pub(crate) fn build_map(records: &measures::Records, from: Date, to: Date, today: Date) -> EvidenceMap {
    let items = evidence_items();
    let entries = items
        .items
        .into_iter()
        .map(|item| {
            let judged = measures::judge(&item.measure, records, from, to, today);
            MapEntry {
                item,
                standing: judged.standing,
                evidence: judged.evidence,
                to_do: judged.to_do,
                section: judged.section,
            }
        })
        .collect();
    EvidenceMap { source: items.source, toolkit_year: items.toolkit_year, from, to, entries }
}

/// The items whose evidence a pack section holds, in words: "1.3.1 (…) and 6.1.1 (…)".
pub(crate) fn items_for_section(section: &str) -> String {
    let named: Vec<String> = evidence_items()
        .items
        .into_iter()
        .filter(|i| i.pack_sections.iter().any(|s| s == section))
        .map(|i| format!("{} ({})", i.id, i.title.to_lowercase()))
        .collect();
    match named.as_slice() {
        [] => "none of the toolkit's listed items".to_owned(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_item_file_reads_names_its_source_and_year_and_every_measure_is_known() {
        let items = evidence_items();
        assert!(items.source.contains("Data Security and Protection Toolkit"));
        assert_eq!(items.toolkit_year, "2025-26");
        let ids: Vec<&str> = items.items.iter().map(|i| i.id.as_str()).collect();
        for wanted in ["1.1.5", "1.3.1", "2.1.1", "3.2.1", "4.1.1", "6.1.1", "7.1.1"] {
            assert!(ids.contains(&wanted), "{wanted} is listed");
        }
        for item in &items.items {
            assert!(measures::MEASURES.contains(&item.measure.as_str()), "{} has a known measure", item.id);
            assert!(!item.pack_sections.is_empty(), "{} names its pack sections", item.id);
        }
    }

    #[test]
    fn the_dspt_year_runs_from_july_to_june() {
        use time::macros::date;
        assert_eq!(dspt_year_containing(date!(2026 - 11 - 25)), (date!(2026 - 07 - 01), date!(2027 - 06 - 30)));
        assert_eq!(dspt_year_containing(date!(2026 - 06 - 30)), (date!(2025 - 07 - 01), date!(2026 - 06 - 30)));
    }

    #[test]
    fn a_section_names_the_items_it_supports() {
        let text = items_for_section("Incidents");
        assert!(text.starts_with("6.1.1 (data security and protection incidents are recorded"), "{text}");
        assert_eq!(items_for_section("Nothing"), "none of the toolkit's listed items");
    }
}
