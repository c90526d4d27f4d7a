//! The disposal log.

use custodian_core::secrecy::SecretString;
use custodian_core::{CertificateFile, DisposalForm, DisposalMethod, DisposalRecord, Permission, Role};
use tauri::State;
use time::OffsetDateTime;

use super::files::{beside_vault, read_chosen, save_new};
use super::{device_label, with_session};
use crate::dto::{
    AttachmentView, ChoiceOption, CommandError, DisposableDevice, DisposalLogView, DisposalRequest, DisposalRow,
    ExportedFile, IdRequest, PersonRefView, SignOffStatement, SignRequest,
};
use crate::state::AppState;

/// The log, what may be disposed of, and what the viewer may do.
#[tauri::command(async)]
pub fn disposal_list(state: State<'_, AppState>) -> Result<DisposalLogView, CommandError> {
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let disposals = session.disposals(now)?;
        let can_record = session.require(Permission::ManageDevices, now).is_ok();
        let me = session.own_record()?;
        let devices = if can_record {
            session
                .devices(now)?
                .into_iter()
                .filter(|d| !d.is_disposed() && d.holder.is_none())
                .map(|d| DisposableDevice { id: d.id, label: device_label(&d) })
                .collect()
        } else {
            vec![]
        };
        Ok(DisposalLogView {
            disposals: disposals.iter().map(disposal_row).collect(),
            can_record,
            can_check: !session.is_acknowledge_only() && (me.has(Role::IgLead) || me.has(Role::Siro)),
            devices,
            device_methods: method_options(&DisposalMethod::FOR_DEVICES),
            waste_methods: method_options(&DisposalMethod::FOR_WASTE),
        })
    })
}

fn method_options(methods: &[DisposalMethod]) -> Vec<ChoiceOption> {
    methods.iter().map(|m| ChoiceOption::from((m.as_str(), m.label()))).collect()
}

/// Records a disposal.
#[tauri::command(async)]
pub fn disposal_record(state: State<'_, AppState>, request: DisposalRequest) -> Result<DisposalRow, CommandError> {
    let certificate = if request.certificate_path.trim().is_empty() {
        None
    } else {
        let path = request.certificate_path.trim();
        let bytes = read_chosen(path, "certificatePath", None)?;
        Some((path.to_owned(), bytes))
    };
    with_session(&state, |session| {
        let form = DisposalForm {
            device_id: request.device_id,
            disposed_on: &request.disposed_on,
            reason: &request.reason,
            method: &request.method,
            sanitisation_standard: &request.sanitisation_standard,
            performed_by: &request.performed_by,
            contractor: &request.contractor,
            contract_reference: &request.contract_reference,
            certificate_number: &request.certificate_number,
            certificate: certificate.as_ref().map(|(name, bytes)| CertificateFile { name, bytes }),
            witness: &request.witness,
            reuse_assessment: &request.reuse_assessment,
            consignment_reference: &request.consignment_reference,
            containers: &request.containers,
        };
        Ok(disposal_row(&session.record_disposal(&form, OffsetDateTime::now_utc())?))
    })
}

/// The statement the signed-in IG lead or SIRO would sign to check a disposal.
#[tauri::command(async)]
pub fn disposal_check_statement(
    state: State<'_, AppState>,
    request: IdRequest,
) -> Result<SignOffStatement, CommandError> {
    with_session(&state, |session| {
        let statement = session.disposal_check_statement(request.id, OffsetDateTime::now_utc())?;
        let me = session.own_record()?;
        let roles = [Role::IgLead, Role::Siro].into_iter().filter(|r| me.has(*r)).map(Into::into).collect();
        Ok(SignOffStatement { statement, roles })
    })
}

/// Checks a disposal and signs it with the checker's password.
#[tauri::command(async)]
pub fn disposal_check(state: State<'_, AppState>, request: SignRequest) -> Result<DisposalRow, CommandError> {
    let password = SecretString::from(request.password);
    with_session(&state, |session| {
        Ok(disposal_row(&session.check_disposal(
            request.id,
            &password,
            request.confirmed,
            OffsetDateTime::now_utc(),
        )?))
    })
}

/// Saves a disposal's certificate in the `exports` folder beside the vault, to open it.
#[tauri::command(async)]
pub fn disposal_certificate_export(
    state: State<'_, AppState>,
    request: IdRequest,
) -> Result<ExportedFile, CommandError> {
    let (info, bytes, folder) = with_session(&state, |session| {
        let (info, bytes) = session.disposal_certificate(request.id, OffsetDateTime::now_utc())?;
        Ok((info, bytes, beside_vault(session.vault_path(), "exports")))
    })?;
    let path = save_new(&folder, &info.file_name, &bytes)?;
    Ok(ExportedFile { path: path.display().to_string() })
}

fn disposal_row(d: &DisposalRecord) -> DisposalRow {
    let person = PersonRefView::from;
    DisposalRow {
        id: d.id,
        asset_tag: d.device.as_ref().map(|(_, tag)| tag.clone()),
        disposed_on: d.disposed_on.to_string(),
        reason: d.reason.clone(),
        method: d.method.as_str().into(),
        method_label: d.method.label().into(),
        sanitisation_standard: d.sanitisation_standard.clone(),
        performed_by: d.performed_by.clone(),
        contractor: d.contractor.clone(),
        contract_reference: d.contract_reference.clone(),
        certificate_number: d.certificate_number.clone(),
        certificate: d.certificate.as_ref().map(|c| AttachmentView {
            file_name: c.file_name.clone(),
            sha256: c.sha256.clone(),
            media_type: c.media_type.clone(),
            size: c.size as u32,
        }),
        witness: d.witness.clone(),
        reuse_assessment: d.reuse_assessment.clone(),
        consignment_reference: d.consignment_reference.clone(),
        containers: d.containers,
        recorded_by: person(&d.recorded_by),
        recorded_at: d.recorded_at.clone(),
        checked_by: d.checked_by.as_ref().map(person),
        checked_at: d.checked_at.clone(),
        check_statement: d.check_statement.clone(),
    }
}
