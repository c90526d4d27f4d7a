//! Read-and-understood acknowledgements: the signed-in person's policies, reading to the end,
//! acknowledging, and the matrix with its chase list.

use custodian_core::{
    ACKNOWLEDGEMENT_STATEMENT, Acknowledgement, AcknowledgementMatrix, AcknowledgementMethod, MatrixCell, Permission,
};
use tauri::State;
use time::OffsetDateTime;

use super::files::{beside_vault, save_new};
use super::policy::version_row;
use super::with_session;
use crate::dto::{
    AckExportKind, AckExportRequest, AcknowledgeOnBehalfRequest, AcknowledgeRequest, AcknowledgementMethodName,
    AcknowledgementRow, ChaseRow, CommandError, ComplianceBarRequest, ExportedFile, IdRequest, MatrixCellView,
    MatrixPersonView, MatrixPolicyView, MatrixView, PersonRefView, PoliciesForMeView, PolicyForMeRow,
};
use crate::state::AppState;

/// The signed-in person's current policies, waiting ones first.
#[tauri::command(async)]
pub fn ack_mine(state: State<'_, AppState>) -> Result<PoliciesForMeView, CommandError> {
    with_session(&state, |session| {
        let mine = session.policies_for_me(OffsetDateTime::now_utc())?;
        Ok(PoliciesForMeView {
            policies: mine
                .into_iter()
                .map(|p| PolicyForMeRow {
                    policy_id: p.policy_id,
                    title: p.title,
                    version: version_row(&p.version),
                    due_since: p.due_since.to_string(),
                    first_opened_at: p.first_opened_at,
                    reached_end: p.reached_end,
                    acknowledgement: p.acknowledgement.as_ref().map(|a| acknowledgement_row(a, None)),
                })
                .collect(),
            statement: ACKNOWLEDGEMENT_STATEMENT.to_owned(),
        })
    })
}

/// Notes that the signed-in person opened a version waiting for them.
#[tauri::command(async)]
pub fn ack_open(state: State<'_, AppState>, request: IdRequest) -> Result<(), CommandError> {
    with_session(&state, |session| session.open_policy_for_acknowledgement(request.id, OffsetDateTime::now_utc()))
}

/// Notes that the signed-in person reached the end of a version's text.
#[tauri::command(async)]
pub fn ack_reached_end(state: State<'_, AppState>, request: IdRequest) -> Result<(), CommandError> {
    with_session(&state, |session| session.mark_policy_read_to_end(request.id, OffsetDateTime::now_utc()))
}

/// The signed-in person acknowledges a version.
#[tauri::command(async)]
pub fn ack_acknowledge(
    state: State<'_, AppState>,
    request: AcknowledgeRequest,
) -> Result<AcknowledgementRow, CommandError> {
    with_session(&state, |session| {
        let ack = session.acknowledge_policy(request.version_id, request.confirmed, OffsetDateTime::now_utc())?;
        Ok(acknowledgement_row(&ack, Some(session.person().full_name.as_str().to_owned())))
    })
}

/// A manager records an acknowledgement on someone's behalf.
#[tauri::command(async)]
pub fn ack_on_behalf(
    state: State<'_, AppState>,
    request: AcknowledgeOnBehalfRequest,
) -> Result<AcknowledgementRow, CommandError> {
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let ack = session.acknowledge_policy_on_behalf(request.person_id, request.version_id, &request.reason, now)?;
        let name = session.person_record(request.person_id, now)?.full_name;
        Ok(acknowledgement_row(&ack, Some(name)))
    })
}

/// The matrix, its figures and the chase list.
#[tauri::command(async)]
pub fn ack_matrix(state: State<'_, AppState>) -> Result<MatrixView, CommandError> {
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let matrix = session.acknowledgement_matrix(now)?;
        Ok(matrix_view(&matrix, session.require(Permission::ManagePolicies, now).is_ok()))
    })
}

/// Saves the matrix or the chase list as CSV in the `exports` folder beside the vault.
#[tauri::command(async)]
pub fn ack_export(state: State<'_, AppState>, request: AckExportRequest) -> Result<ExportedFile, CommandError> {
    let (csv, folder, name) = with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let matrix = session.acknowledgement_matrix(now)?;
        let (csv, what) = match request.kind {
            AckExportKind::Matrix => (matrix.to_csv(), "acknowledgements"),
            AckExportKind::ChaseList => (matrix.chase_csv(), "acknowledgements-outstanding"),
        };
        Ok((csv, beside_vault(session.vault_path(), "exports"), format!("{what}-{}.csv", matrix.as_of)))
    })?;
    let path = save_new(&folder, &name, csv.as_bytes())?;
    Ok(ExportedFile { path: path.display().to_string() })
}

/// Changes the acknowledgement compliance bar.
#[tauri::command(async)]
pub fn settings_set_compliance_bar(
    state: State<'_, AppState>,
    request: ComplianceBarRequest,
) -> Result<(), CommandError> {
    with_session(&state, |session| session.set_compliance_bar_percent(request.percent, OffsetDateTime::now_utc()))
}

pub(crate) fn acknowledgement_row(a: &Acknowledgement, full_name: Option<String>) -> AcknowledgementRow {
    AcknowledgementRow {
        person_id: a.person_id,
        full_name,
        version_id: a.version_id,
        content_hash: a.content_hash.clone(),
        first_opened_at: a.first_opened_at.clone(),
        acknowledged_at: a.acknowledged_at.clone(),
        method: method_name(a.method),
        recorded_by: a.recorded_by.as_ref().map(PersonRefView::from),
        reason: a.reason.clone(),
    }
}

fn method_name(method: AcknowledgementMethod) -> AcknowledgementMethodName {
    match method {
        AcknowledgementMethod::OwnLogin => AcknowledgementMethodName::OwnLogin,
        AcknowledgementMethod::RecordedOnBehalf => AcknowledgementMethodName::OnBehalf,
    }
}

fn matrix_view(m: &AcknowledgementMatrix, can_record_on_behalf: bool) -> MatrixView {
    MatrixView {
        as_of: m.as_of.to_string(),
        bar_percent: m.bar_percent,
        practice_permille: m.practice_permille(),
        meets_bar: m.meets_bar(),
        people_in_scope: m.people_in_scope(),
        people_up_to_date: m.people_up_to_date(),
        policies: m
            .policies
            .iter()
            .map(|p| MatrixPolicyView {
                policy_id: p.policy_id,
                title: p.title.clone(),
                version_id: p.version_id,
                version: p.version.to_string(),
                published_on: p.published_on.to_string(),
                due: p.due,
                acknowledged: p.acknowledged,
                acknowledged_permille: p.acknowledged_permille(),
            })
            .collect(),
        people: m
            .people
            .iter()
            .map(|p| MatrixPersonView {
                person_id: p.person_id,
                full_name: p.full_name.clone(),
                login: p.login.clone(),
                job_title: p.job_title.clone(),
                due: p.due,
                acknowledged: p.acknowledged,
            })
            .collect(),
        cells: m
            .cells
            .iter()
            .map(|row| {
                row.iter()
                    .map(|cell| match cell {
                        MatrixCell::NotInScope => MatrixCellView::NotInScope,
                        MatrixCell::Acknowledged { at, method } => {
                            MatrixCellView::Acknowledged { at: at.clone(), method: method_name(*method) }
                        }
                        MatrixCell::Outstanding { since } => MatrixCellView::Outstanding { since: since.to_string() },
                    })
                    .collect()
            })
            .collect(),
        chase: m
            .chase_list()
            .into_iter()
            .map(|c| ChaseRow {
                person_id: c.person_id,
                full_name: c.full_name,
                login: c.login,
                policy_id: c.policy_id,
                title: c.title,
                version_id: c.version_id,
                version: c.version.to_string(),
                since: c.since.to_string(),
                days: c.days,
            })
            .collect(),
        can_record_on_behalf,
    }
}
