//! BYOD new-starter checks and the notifications they raise.

use custodian_core::secrecy::SecretString;
use custodian_core::{
    ByodCheck, ByodCheckForm, CertificateFile, Checklist, CoreError, Field, FieldProblem, ItemAnswer, Ownership,
    Permission, Role,
};
use tauri::State;
use time::OffsetDateTime;

use super::{current_staff, device_label, with_session};
use crate::dto::{
    AttachmentView, ByodCheckRequest, ByodCheckRow, ByodView, CheckableDevice, CheckedItemView, ChecklistItemRequest,
    ChecklistItemView, ChecklistView, CommandError, IdRequest, NotificationRow, PersonRefView, SignOffStatement,
    SignRequest,
};
use crate::state::AppState;

/// Checks, checklists, and what the viewer may do.
#[tauri::command(async)]
pub fn byod_list(state: State<'_, AppState>) -> Result<ByodView, CommandError> {
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let checks = session.byod_checks(now)?;
        let can_check = session.require(Permission::ManageDevices, now).is_ok();
        let me = session.own_record()?;
        let checklists = session.byod_checklists(now)?;
        let devices = session
            .devices(now)?
            .into_iter()
            .filter(|d| d.fields.ownership == Ownership::Personal && !d.is_disposed())
            .map(|d| CheckableDevice {
                id: d.id,
                label: device_label(&d),
                checklist_key: checklists.iter().find(|l| l.is_for(d.fields.kind)).map(|l| l.key.clone()),
                holder_id: d.holder.map(|h| h.id),
            })
            .collect();
        let people = current_staff(session, now)?;
        Ok(ByodView {
            checks: checks.iter().map(check_row).collect(),
            checklists: checklists.into_iter().map(checklist_view).collect(),
            can_check,
            can_accept_risk: !session.is_acknowledge_only() && me.has(Role::Siro),
            devices,
            people,
        })
    })
}

/// Records a check.
#[tauri::command(async)]
pub fn byod_record(state: State<'_, AppState>, request: ByodCheckRequest) -> Result<ByodCheckRow, CommandError> {
    let mut files = Vec::new();
    for answer in &request.answers {
        let path = answer.evidence_path.trim();
        if path.is_empty() {
            files.push(None);
            continue;
        }
        let bytes = std::fs::read(path).map_err(|e| {
            let message = format!("{path} cannot be read: {e}");
            CoreError::Invalid(vec![FieldProblem {
                field: Field::Evidence,
                item: Some(answer.item_key.clone()),
                message,
            }])
        })?;
        files.push(Some((path.to_owned(), bytes)));
    }
    with_session(&state, |session| {
        let answers = request
            .answers
            .iter()
            .zip(&files)
            .map(|(a, file)| ItemAnswer {
                item_key: &a.item_key,
                result: &a.result,
                note: &a.note,
                evidence: file.as_ref().map(|(name, bytes)| CertificateFile { name, bytes }),
            })
            .collect();
        let form = ByodCheckForm {
            person_id: request.person_id,
            device_id: request.device_id,
            checklist_key: &request.checklist_key,
            checked_on: &request.checked_on,
            answers,
            outcome: &request.outcome,
            risk: &request.risk,
        };
        Ok(check_row(&session.record_byod_check(&form, OffsetDateTime::now_utc())?))
    })
}

/// Adds an item to a checklist.
#[tauri::command(async)]
pub fn byod_add_checklist_item(
    state: State<'_, AppState>,
    request: ChecklistItemRequest,
) -> Result<ChecklistView, CommandError> {
    with_session(&state, |session| {
        let list = session.add_byod_checklist_item(&request.checklist_key, &request.text, OffsetDateTime::now_utc())?;
        Ok(checklist_view(list))
    })
}

/// The statement the SIRO would sign to accept a check's risk (`id` = check).
#[tauri::command(async)]
pub fn byod_risk_statement(state: State<'_, AppState>, request: IdRequest) -> Result<SignOffStatement, CommandError> {
    with_session(&state, |session| {
        let statement = session.byod_risk_statement(request.id, OffsetDateTime::now_utc())?;
        Ok(SignOffStatement { statement, roles: vec![Role::Siro.into()] })
    })
}

/// The SIRO accepts a check's risk, signing with their password.
#[tauri::command(async)]
pub fn byod_accept_risk(state: State<'_, AppState>, request: SignRequest) -> Result<ByodCheckRow, CommandError> {
    let password = SecretString::from(request.password);
    with_session(&state, |session| {
        Ok(check_row(&session.accept_byod_risk(request.id, &password, request.confirmed, OffsetDateTime::now_utc())?))
    })
}

/// Notifications for the signed-in person's roles.
#[tauri::command(async)]
pub fn notification_list(state: State<'_, AppState>) -> Result<Vec<NotificationRow>, CommandError> {
    with_session(&state, |session| {
        Ok(session
            .notifications(OffsetDateTime::now_utc())?
            .into_iter()
            .map(|n| NotificationRow {
                id: n.id,
                role: n.role.label().into(),
                record_type: n.record_type,
                message: n.message,
                created_at: n.created_at,
            })
            .collect())
    })
}

/// Dismisses a notification for the signed-in person.
#[tauri::command(async)]
pub fn notification_dismiss(state: State<'_, AppState>, request: IdRequest) -> Result<(), CommandError> {
    with_session(&state, |session| session.dismiss_notification(request.id, OffsetDateTime::now_utc()))
}

fn checklist_view(l: Checklist) -> ChecklistView {
    ChecklistView {
        key: l.key,
        version: l.version,
        title: l.title,
        items: l.items.into_iter().map(|i| ChecklistItemView { key: i.key, text: i.text }).collect(),
    }
}

fn check_row(c: &ByodCheck) -> ByodCheckRow {
    let person = PersonRefView::from;
    ByodCheckRow {
        id: c.id,
        person: person(&c.person),
        device_id: c.device.0,
        asset_tag: c.device.1.clone(),
        checklist_title: c.checklist.1.clone(),
        checklist_version: c.checklist_version.clone(),
        checked_by: person(&c.checked_by),
        checked_on: c.checked_on.to_string(),
        items: c
            .items
            .iter()
            .map(|i| CheckedItemView {
                key: i.key.clone(),
                text: i.text.clone(),
                result: i.result.as_str().into(),
                note: i.note.clone(),
                evidence: i.evidence.as_ref().map(|e| AttachmentView {
                    file_name: e.file_name.clone(),
                    sha256: e.sha256.clone(),
                    media_type: e.media_type.clone(),
                    size: e.size as u32,
                }),
            })
            .collect(),
        outcome: c.outcome.as_str().into(),
        risk: c.risk.clone(),
        risk_accepted_by: c.risk_accepted_by.as_ref().map(person),
        risk_accepted_at: c.risk_accepted_at.clone(),
        risk_statement: c.risk_statement.clone(),
        recheck_due: c.recheck_due.map(|d| d.to_string()),
        notified: c.notified.iter().map(|r| r.label().to_owned()).collect(),
    }
}
