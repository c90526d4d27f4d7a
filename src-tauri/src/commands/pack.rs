//! Evidence packs and the practice's signing certificate.

use std::path::{Path, PathBuf};

use custodian_core::PackScope;
use rand_core::OsRng;
use tauri::State;
use time::OffsetDateTime;

use super::with_session;
use crate::dto::{CertificateView, CommandError, ErrorCode, PackCreated, PackRequest, PackScopeName};
use crate::state::AppState;

/// Makes and signs a pack, and saves it in the `packs` folder beside the vault.
#[tauri::command(async)]
pub fn pack_create(state: State<'_, AppState>, request: PackRequest) -> Result<PackCreated, CommandError> {
    let scope = match request.scope {
        PackScopeName::All => PackScope::WholePractice,
        PackScopeName::People => PackScope::People,
        PackScopeName::Audit => PackScope::AuditTrail,
    };
    let (pack, folder) = with_session(&state, |session| {
        let pack = session.create_pack(scope, &request.from, &request.to, OffsetDateTime::now_utc(), &mut OsRng)?;
        Ok((pack, beside_vault(session.vault_path(), "packs")))
    })?;
    let path = save_new(&folder, &pack.file_name, &pack.pdf)?;
    Ok(PackCreated { path: path.display().to_string(), sha256: pack.sha256, bytes: pack.pdf.len() as u32 })
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

fn beside_vault(vault: &Path, folder: &str) -> PathBuf {
    vault.parent().unwrap_or(Path::new(".")).join(folder)
}

/// Saves `bytes` as `name` in `folder`, adding "-2", "-3", … rather than replacing a file.
fn save_new(folder: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, CommandError> {
    use std::io::Write;
    let failed = |e: std::io::Error| {
        CommandError::new(ErrorCode::Internal, format!("Could not save in {}: {e}", folder.display()))
    };
    std::fs::create_dir_all(folder).map_err(failed)?;
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    for n in 1..1000 {
        let candidate = if n == 1 { folder.join(name) } else { folder.join(format!("{stem}-{n}.{extension}")) };
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&candidate) {
            Ok(mut file) => {
                file.write_all(bytes).and_then(|()| file.sync_all()).map_err(failed)?;
                return Ok(candidate);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(failed(e)),
        }
    }
    Err(CommandError::new(ErrorCode::Internal, format!("Too many files named {name} in {}", folder.display())))
}
