//! The audit trail.

use custodian_core::AuditFilter;
use tauri::State;
use time::{Date, OffsetDateTime};

use super::with_session;
use crate::dto::{AuditPageView, AuditQuery, AuditRow, ChainStatus, CommandError, ErrorCode, FieldError};
use crate::state::AppState;

/// A page of entries, newest first, with filters.
#[tauri::command(async)]
pub fn audit_list(state: State<'_, AppState>, request: AuditQuery) -> Result<AuditPageView, CommandError> {
    let filter = AuditFilter {
        actor_login: request.actor_login.filter(|l| !l.trim().is_empty()).map(|l| l.trim().to_lowercase()),
        record_type: request.record_type.filter(|t| !t.trim().is_empty()),
        from: day(request.from.as_deref(), "from")?,
        to: day(request.to.as_deref(), "to")?,
    };
    with_session(&state, |session| {
        let page = session.audit_log(&filter, request.before_seq, request.limit, OffsetDateTime::now_utc())?;
        Ok(AuditPageView {
            entries: page
                .entries
                .into_iter()
                .map(|e| AuditRow {
                    seq: e.seq,
                    at: e.at,
                    actor_login: e.actor_login,
                    action: e.action,
                    record_type: e.record_type,
                    record_id: e.record_id,
                    summary: e.summary,
                })
                .collect(),
            next_before_seq: page.next_before_seq,
        })
    })
}

/// Recomputes every link of the chain.
#[tauri::command(async)]
pub fn audit_verify(state: State<'_, AppState>) -> Result<ChainStatus, CommandError> {
    with_session(&state, |session| {
        session.require(custodian_core::Permission::ViewAuditLog, OffsetDateTime::now_utc())?;
        let report = session.verify_audit_chain()?;
        Ok(ChainStatus {
            entries: report.entries,
            intact: report.is_intact(),
            first_broken: report.first_broken,
            head: report.head,
        })
    })
}

fn day(typed: Option<&str>, field: &str) -> Result<Option<Date>, CommandError> {
    let Some(typed) = typed.map(str::trim).filter(|t| !t.is_empty()) else { return Ok(None) };
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(typed, format).map(Some).map_err(|_| CommandError {
        code: ErrorCode::InvalidInput,
        message: "Check the highlighted answers".into(),
        fields: vec![FieldError {
            field: field.into(),
            item: None,
            message: "Enter a real date, for example 2026-04-01".into(),
        }],
    })
}
