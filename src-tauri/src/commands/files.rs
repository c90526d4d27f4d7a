//! Files the app writes beside the vault (packs, exports) and opens for the person.

use std::path::{Path, PathBuf};

use tauri::State;

use crate::dto::{CommandError, ErrorCode, ExportedFile};
use crate::state::AppState;

/// An invalid-input error about one request field.
pub(crate) fn field_problem(field: &str, message: String) -> CommandError {
    CommandError {
        code: ErrorCode::InvalidInput,
        message: "Check the highlighted answers".into(),
        fields: vec![crate::dto::FieldError { field: field.into(), item: None, message }],
    }
}

/// Reads a file the person chose in the open dialog; a problem is reported under `field`. With a
/// limit, a larger file is refused (with the limit's message) before it is read.
pub(crate) fn read_chosen(path: &str, field: &str, limit: Option<(u64, &str)>) -> Result<Vec<u8>, CommandError> {
    let unreadable = |e: std::io::Error| field_problem(field, format!("That file cannot be read: {e}"));
    if let Some((max_bytes, too_large)) = limit
        && std::fs::metadata(path).map_err(unreadable)?.len() > max_bytes
    {
        return Err(field_problem(field, too_large.to_owned()));
    }
    std::fs::read(path).map_err(unreadable)
}

/// A folder beside the vault file, e.g. `packs` or `exports`.
pub(crate) fn beside_vault(vault: &Path, folder: &str) -> PathBuf {
    vault.parent().unwrap_or(Path::new(".")).join(folder)
}

/// Whether `path` is an existing `.extension` file directly inside `folder` beside `vault`.
pub(crate) fn is_output_of(vault: &Path, path: &Path, folder: &str, extension: &str) -> bool {
    let folder = beside_vault(vault, folder);
    let (Ok(folder), Ok(path)) = (folder.canonicalize(), path.canonicalize()) else { return false };
    path.parent() == Some(folder.as_path()) && path.extension().is_some_and(|e| e == extension) && path.is_file()
}

/// Opens an exported CSV file in the computer's spreadsheet program. Only a CSV in the known
/// vault's `exports` folder is opened, so the webview cannot use this to open anything else.
#[tauri::command(async)]
pub fn export_open(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    request: ExportedFile,
) -> Result<(), CommandError> {
    use tauri_plugin_opener::OpenerExt;
    let vault = state.lock().known.as_ref().map(|k| k.path.clone());
    let path = PathBuf::from(&request.path);
    if !vault.is_some_and(|vault| is_output_of(&vault, &path, "exports", "csv")) {
        return Err(CommandError::new(ErrorCode::NotFound, "That is not an export of this vault"));
    }
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| CommandError::new(ErrorCode::Internal, format!("Could not open the file: {e}")))
}

/// Saves `bytes` as `name` in `folder`, adding "-2", "-3", … rather than replacing a file.
pub(crate) fn save_new(folder: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, CommandError> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_of_the_right_kind_in_the_vaults_folder_count_as_its_outputs() {
        let dir = tempfile::tempdir().unwrap();
        let vault = dir.path().join("riverside.custodian");
        let packs = dir.path().join("packs");
        std::fs::create_dir_all(&packs).unwrap();
        let pack = packs.join("a.pdf");
        std::fs::write(&pack, b"%PDF").unwrap();
        std::fs::write(packs.join("notes.txt"), b"x").unwrap();
        std::fs::write(dir.path().join("b.pdf"), b"%PDF").unwrap();
        assert!(is_output_of(&vault, &pack, "packs", "pdf"));
        assert!(is_output_of(&vault, &packs.join("..").join("packs").join("a.pdf"), "packs", "pdf"));
        assert!(!is_output_of(&vault, &pack, "exports", "pdf"));
        assert!(!is_output_of(&vault, &pack, "packs", "csv"));
        assert!(!is_output_of(&vault, &packs.join("notes.txt"), "packs", "pdf"));
        assert!(!is_output_of(&vault, &dir.path().join("b.pdf"), "packs", "pdf"));
        assert!(!is_output_of(&vault, &packs.join("missing.pdf"), "packs", "pdf"));
        assert!(!is_output_of(&dir.path().join("other").join("v.custodian"), &pack, "packs", "pdf"));
    }

    #[test]
    fn saving_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let first = save_new(dir.path(), "a.csv", b"1").unwrap();
        let second = save_new(dir.path(), "a.csv", b"2").unwrap();
        assert_eq!(first.file_name().unwrap(), "a.csv");
        assert_eq!(second.file_name().unwrap(), "a-2.csv");
        assert_eq!(std::fs::read(first).unwrap(), b"1");
    }
}
