//! The dashboard, the DSPT evidence map and the annual pack's sign-off.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One thing on the dashboard.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DashboardItemView {
    /// Stable key, e.g. `reviews_overdue`.
    pub key: String,
    /// `you`, `practice` or `sign_off`.
    pub audience: String,
    /// `overdue`, `due` or `in_order`.
    pub urgency: String,
    /// One line.
    pub title: String,
    /// Up to five names of what it is about.
    pub details: Vec<String>,
    /// How many things it is about.
    pub count: u32,
    /// The section where it is dealt with.
    pub section: String,
    /// The one record it is about, if so.
    #[ts(type = "number | null")]
    pub record_id: Option<i64>,
}

/// A running 72-hour clock.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClockView {
    /// The incident.
    #[ts(type = "number")]
    pub incident_id: i64,
    /// Its reference.
    pub reference: String,
    /// The deadline (RFC 3339, UTC).
    pub deadline: String,
    /// Whole hours left; negative once past.
    #[ts(type = "number")]
    pub hours_left: i64,
}

/// The signed-in person's dashboard.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DashboardView {
    /// Items, grouped by audience, most pressing first.
    pub items: Vec<DashboardItemView>,
    /// Running clocks, soonest first.
    pub clocks: Vec<ClockView>,
}

/// A period, `YYYY-MM-DD` to `YYYY-MM-DD`.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PeriodRequest {
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
}

/// One item of the DSPT evidence map, judged.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EvidenceEntryView {
    /// The toolkit's number.
    pub id: String,
    /// What it asks for.
    pub title: String,
    /// `met`, `partly_met` or `missing`.
    pub standing: String,
    /// The standing in words.
    pub standing_label: String,
    /// The evidence held.
    pub evidence: String,
    /// What would complete it; empty when met.
    pub to_do: String,
    /// The app section where the evidence is kept.
    pub section: String,
    /// The pack sections holding it.
    pub pack_sections: Vec<String>,
}

/// The DSPT evidence map for a period.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EvidenceMapView {
    /// Where the item list comes from.
    pub source: String,
    /// The toolkit year.
    pub toolkit_year: String,
    /// First day judged.
    pub from: String,
    /// Last day judged.
    pub to: String,
    /// The items.
    pub entries: Vec<EvidenceEntryView>,
    /// The DSPT year holding today, as the default period.
    pub current_year_from: String,
    /// The DSPT year holding today, as the default period.
    pub current_year_to: String,
}

/// The SIRO's sign-off of the annual pack.
#[derive(Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AnnualPackRequest {
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
    /// The SIRO's password, re-entered.
    pub password: String,
    /// Whether they confirmed the statement.
    pub confirmed: bool,
}
