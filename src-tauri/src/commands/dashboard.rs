//! The dashboard and the DSPT evidence map.

use tauri::State;
use time::OffsetDateTime;

use super::with_session;
use crate::dto::{
    ClockView, CommandError, DashboardItemView, DashboardView, EvidenceEntryView, EvidenceMapView, PeriodRequest,
};
use crate::state::AppState;

/// The signed-in person's dashboard.
#[tauri::command(async)]
pub fn dashboard_view(state: State<'_, AppState>) -> Result<DashboardView, CommandError> {
    with_session(&state, |session| {
        let dashboard = session.dashboard(OffsetDateTime::now_utc())?;
        Ok(DashboardView {
            items: dashboard
                .items
                .into_iter()
                .map(|i| DashboardItemView {
                    key: i.key.into(),
                    audience: i.audience.as_str().into(),
                    urgency: i.urgency.as_str().into(),
                    title: i.title,
                    details: i.details,
                    count: i.count as u32,
                    section: i.section.into(),
                    record_id: i.record_id,
                })
                .collect(),
            clocks: dashboard
                .clocks
                .into_iter()
                .map(|c| ClockView {
                    incident_id: c.incident_id,
                    reference: c.reference,
                    deadline: c.deadline.format(&time::format_description::well_known::Rfc3339).unwrap_or_default(),
                    hours_left: c.hours_left,
                })
                .collect(),
        })
    })
}

/// The DSPT evidence map for a period (empty dates: the DSPT year holding today).
#[tauri::command(async)]
pub fn dspt_evidence_map(state: State<'_, AppState>, request: PeriodRequest) -> Result<EvidenceMapView, CommandError> {
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let (year_from, year_to) = custodian_core::dspt_year_containing(now.date());
        let (from, to) = if request.from.trim().is_empty() && request.to.trim().is_empty() {
            (year_from, year_to)
        } else {
            custodian_core::parse_pack_period(&request.from, &request.to)?
        };
        let map = session.dspt_evidence_map(from, to, now)?;
        Ok(EvidenceMapView {
            source: map.source,
            toolkit_year: map.toolkit_year,
            from: map.from.to_string(),
            to: map.to.to_string(),
            entries: map
                .entries
                .into_iter()
                .map(|e| EvidenceEntryView {
                    id: e.item.id,
                    title: e.item.title,
                    standing: e.standing.as_str().into(),
                    standing_label: e.standing.label().into(),
                    evidence: e.evidence,
                    to_do: e.to_do,
                    section: e.section.into(),
                    pack_sections: e.item.pack_sections,
                })
                .collect(),
            current_year_from: year_from.to_string(),
            current_year_to: year_to.to_string(),
        })
    })
}
