//! Evidence packs and the practice's signing certificate.

use std::path::PathBuf;

use custodian_core::PackScope;
use rand_core::OsRng;
use tauri::State;
use time::OffsetDateTime;

use super::files::{beside_vault, is_output_of, read_chosen, save_new};
use super::with_session;
use crate::dto::{
    AnnualPackRequest, CertificateImportRequest, CertificateView, CommandError, ErrorCode, PackCreated,
    PackOpenRequest, PackRequest, PackScopeName, PeriodRequest,
};
use crate::state::AppState;

/// Makes and signs a pack, and saves it in the `packs` folder beside the vault.
#[tauri::command(async)]
pub fn pack_create(state: State<'_, AppState>, request: PackRequest) -> Result<PackCreated, CommandError> {
    let scope = match request.scope {
        PackScopeName::All => PackScope::WholePractice,
        PackScopeName::People => PackScope::People,
        PackScopeName::Audit => PackScope::AuditTrail,
        PackScopeName::Policies => PackScope::Policies,
        PackScopeName::Acknowledgements => PackScope::Acknowledgements,
        PackScopeName::Devices => PackScope::Devices,
        PackScopeName::Byod => PackScope::Byod,
        PackScopeName::Incidents => PackScope::Incidents,
        PackScopeName::ByodCheck => PackScope::ByodCheck(
            request
                .record_id
                .ok_or_else(|| CommandError::new(ErrorCode::InvalidInput, "Choose the check to put in the pack"))?,
        ),
    };
    let (pack, folder) = with_session(&state, |session| {
        let pack = session.create_pack(scope, &request.from, &request.to, OffsetDateTime::now_utc(), &mut OsRng)?;
        Ok((pack, beside_vault(session.vault_path(), "packs")))
    })?;
    let path = save_new(&folder, &pack.file_name, &pack.pdf)?;
    Ok(PackCreated { path: path.display().to_string(), sha256: pack.sha256, bytes: pack.pdf.len() as u32 })
}

/// The statement the SIRO signs for the annual DSPT-year pack over a period.
#[tauri::command(async)]
pub fn pack_annual_statement(state: State<'_, AppState>, request: PeriodRequest) -> Result<String, CommandError> {
    with_session(&state, |session| session.annual_pack_statement(&request.from, &request.to, OffsetDateTime::now_utc()))
}

/// The SIRO signs the annual pack's contents with their password; the pack is made, signed and
/// saved in the `packs` folder beside the vault.
#[tauri::command(async)]
pub fn pack_annual_create(state: State<'_, AppState>, request: AnnualPackRequest) -> Result<PackCreated, CommandError> {
    let password = custodian_core::secrecy::SecretString::from(request.password);
    let (pack, folder) = with_session(&state, |session| {
        let pack = session.create_annual_pack(
            &request.from,
            &request.to,
            &password,
            request.confirmed,
            OffsetDateTime::now_utc(),
            &mut OsRng,
        )?;
        Ok((pack, beside_vault(session.vault_path(), "packs")))
    })?;
    let path = save_new(&folder, &pack.file_name, &pack.pdf)?;
    Ok(PackCreated { path: path.display().to_string(), sha256: pack.sha256, bytes: pack.pdf.len() as u32 })
}

/// Opens a pack in the computer's PDF reader. Only a PDF in the known vault's `packs` folder is
/// opened, so the webview cannot use this to open anything else.
#[tauri::command(async)]
pub fn pack_open(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    request: PackOpenRequest,
) -> Result<(), CommandError> {
    use tauri_plugin_opener::OpenerExt;
    let vault = state.lock().known.as_ref().map(|k| k.path.clone());
    let path = PathBuf::from(&request.path);
    if !vault.is_some_and(|vault| is_output_of(&vault, &path, "packs", "pdf")) {
        return Err(CommandError::new(ErrorCode::NotFound, "That is not a pack of this vault"));
    }
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| CommandError::new(ErrorCode::Internal, format!("Could not open the pack: {e}")))
}

/// The practice's certificate: subject and fingerprint.
#[tauri::command(async)]
pub fn certificate_info(state: State<'_, AppState>) -> Result<CertificateView, CommandError> {
    with_session(&state, |session| {
        let certificate = session.certificate(OffsetDateTime::now_utc(), &mut OsRng)?;
        Ok(CertificateView { subject: certificate.subject, fingerprint: certificate.fingerprint, exported_to: None })
    })
}

/// Writes the certificate as a `.cer` file beside the vault, for inspectors to check packs against.
#[tauri::command(async)]
pub fn certificate_export(state: State<'_, AppState>) -> Result<CertificateView, CommandError> {
    let (certificate, folder, stem) = with_session(&state, |session| {
        let certificate = session.certificate(OffsetDateTime::now_utc(), &mut OsRng)?;
        let stem = session.vault_path().file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        Ok((certificate, beside_vault(session.vault_path(), "packs"), stem))
    })?;
    let path = save_new(&folder, &format!("{stem}-certificate.cer"), &certificate.der)?;
    Ok(CertificateView {
        subject: certificate.subject,
        fingerprint: certificate.fingerprint,
        exported_to: Some(path.display().to_string()),
    })
}

/// Replaces the signing key and certificate with ones from a PKCS#12 file.
#[tauri::command(async)]
pub fn certificate_import(
    state: State<'_, AppState>,
    request: CertificateImportRequest,
) -> Result<CertificateView, CommandError> {
    let file = read_chosen(&request.path, "path", None)?;
    let file_password = custodian_core::secrecy::SecretString::from(request.pkcs12_password);
    let current = custodian_core::secrecy::SecretString::from(request.current_password);
    with_session(&state, |session| {
        let certificate = session.import_certificate(&file, &file_password, &current, OffsetDateTime::now_utc())?;
        Ok(CertificateView { subject: certificate.subject, fingerprint: certificate.fingerprint, exported_to: None })
    })
}
