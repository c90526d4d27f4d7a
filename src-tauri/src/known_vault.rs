//! Where the app keeps its own small files, and which vault it opened last.
//!
//! `last-vault.json` holds only the vault's path and the practice's name — nothing secret —
//! so the sign-in screen can greet the practice before the vault is unlocked.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

const LAST_VAULT_FILE: &str = "last-vault.json";

/// The app's data folder: `$CUSTODIAN_DATA_DIR` when set, else the platform's app-data folder
/// (on Linux `~/.local/share/org.custodian.desktop`). New vaults are created here.
#[derive(Clone, Debug)]
pub struct AppFolders {
    data: PathBuf,
}

impl AppFolders {
    /// Resolves and creates the data folder.
    pub fn resolve(platform_default: PathBuf) -> io::Result<AppFolders> {
        let data = std::env::var_os("CUSTODIAN_DATA_DIR").map(PathBuf::from).unwrap_or(platform_default);
        fs::create_dir_all(&data)?;
        Ok(AppFolders { data })
    }

    /// Folder where new vaults are created.
    pub fn vaults(&self) -> &Path {
        &self.data
    }

    fn last_vault_file(&self) -> PathBuf {
        self.data.join(LAST_VAULT_FILE)
    }
}

/// The vault the app will offer to sign in to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LastVault {
    /// Full path of the vault file.
    pub path: PathBuf,
    /// The practice name, once known.
    pub practice_name: Option<String>,
    /// The backups folder the practice chose, once known, so a damaged vault's backups can be
    /// found without opening it.
    #[serde(default)]
    pub backup_folder: Option<PathBuf>,
}

impl LastVault {
    /// What to remember of a signed-in session's vault.
    pub fn of_session(session: &custodian_core::Session) -> Result<LastVault, custodian_core::CoreError> {
        Ok(LastVault {
            path: session.vault_path().to_owned(),
            practice_name: Some(session.practice()?.name.as_str().to_owned()),
            backup_folder: Some(session.backup_folder()?),
        })
    }
}

/// The last vault, if one was recorded and the record is readable.
pub fn load(folders: &AppFolders) -> Option<LastVault> {
    let text = fs::read_to_string(folders.last_vault_file()).ok()?;
    serde_json::from_str(&text).ok()
}

/// Records the last vault (written to a temporary file and renamed, so it is never half-written).
pub fn save(folders: &AppFolders, last: &LastVault) -> io::Result<()> {
    let target = folders.last_vault_file();
    let temp = target.with_extension("json.tmp");
    fs::write(&temp, serde_json::to_vec_pretty(last).map_err(io::Error::other)?)?;
    fs::rename(temp, target)
}

/// Forgets the last vault (the vault file itself is not touched).
pub fn clear(folders: &AppFolders) -> io::Result<()> {
    match fs::remove_file(folders.last_vault_file()) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_vault_is_remembered_and_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let folders = AppFolders { data: dir.path().to_owned() };
        assert_eq!(load(&folders), None);
        let last = LastVault {
            path: dir.path().join("a.custodian"),
            practice_name: Some("Riverside".into()),
            backup_folder: Some(dir.path().join("usb")),
        };
        save(&folders, &last).unwrap();
        assert_eq!(load(&folders), Some(last));
        clear(&folders).unwrap();
        assert_eq!(load(&folders), None);
        clear(&folders).unwrap();
    }

    #[test]
    fn an_unreadable_record_is_treated_as_none() {
        let dir = tempfile::tempdir().unwrap();
        let folders = AppFolders { data: dir.path().to_owned() };
        fs::write(folders.last_vault_file(), "{not json").unwrap();
        assert_eq!(load(&folders), None);
    }
}
