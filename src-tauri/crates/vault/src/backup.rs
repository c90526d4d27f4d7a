//! Rotating backups: on each day's first save the previous vault file is copied, still sealed,
//! to a backups folder, which keeps the newest few.
//!
//! A backup is named `<vault stem>.<YYYY-MM-DD>.custodian`, so names sort by date.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use time::{Date, OffsetDateTime};

use crate::error::{Result, VaultError};
use crate::file;

/// Where backups go and how many are kept.
#[derive(Clone)]
pub struct BackupPolicy {
    /// The backups folder (created when needed).
    pub folder: PathBuf,
    /// How many daily backups to keep.
    pub keep: usize,
    /// Today's date; the real clock in the apps, a fixed one in tests.
    pub today: Arc<dyn Fn() -> Date + Send + Sync>,
}

impl std::fmt::Debug for BackupPolicy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BackupPolicy").field("folder", &self.folder).field("keep", &self.keep).finish()
    }
}

/// How many daily backups are kept unless the practice chooses otherwise.
pub const DEFAULT_KEEP: usize = 30;

impl BackupPolicy {
    /// The default: a `backups` folder beside the vault, the last 30 days, the system clock.
    pub fn beside(vault_path: &Path) -> BackupPolicy {
        let folder = vault_path.parent().unwrap_or(Path::new(".")).join("backups");
        BackupPolicy { folder, keep: DEFAULT_KEEP, today: Arc::new(|| OffsetDateTime::now_utc().date()) }
    }
}

/// One backup file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// Its path.
    pub path: PathBuf,
    /// The day it was taken.
    pub date: Date,
}

/// Before a save: if today has no backup yet, copy the current vault file into the folder and
/// drop the oldest backups beyond `keep`. Called with the save lock held.
pub(crate) fn before_save(vault_path: &Path, policy: &BackupPolicy) -> Result<()> {
    let today = (policy.today)();
    let target = backup_path(vault_path, &policy.folder, today);
    if target.exists() || !vault_path.exists() {
        return Ok(());
    }
    fs::create_dir_all(&policy.folder).map_err(VaultError::io("back up"))?;
    let bytes = file::read_vault(vault_path)?;
    file::replace_atomically(&target, &bytes, |_| Ok(()))?;
    for old in list(vault_path, &policy.folder)?.into_iter().skip(policy.keep.max(1)) {
        fs::remove_file(&old.path).map_err(VaultError::io("remove an old backup of"))?;
    }
    Ok(())
}

/// The backups of `vault_path` in `folder`, newest first.
pub fn list(vault_path: &Path, folder: &Path) -> Result<Vec<Backup>> {
    let stem = stem(vault_path);
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(vec![]),
        Err(source) => return Err(VaultError::Io { action: "list the backups of", source }),
    };
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let mut backups: Vec<Backup> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let date_text = name.strip_prefix(&format!("{stem}."))?.strip_suffix(".custodian")?;
            let date = Date::parse(date_text, format).ok()?;
            Some(Backup { path: entry.path(), date })
        })
        .collect();
    backups.sort_by_key(|b| std::cmp::Reverse(b.date));
    Ok(backups)
}

fn stem(vault_path: &Path) -> String {
    vault_path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "vault".into())
}

fn backup_path(vault_path: &Path, folder: &Path, date: Date) -> PathBuf {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let day = date.format(format).unwrap_or_default();
    folder.join(format!("{}.{day}.custodian", stem(vault_path)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicI64, Ordering};
    use time::macros::date;

    fn policy(folder: PathBuf, keep: usize, day: Arc<AtomicI64>) -> BackupPolicy {
        BackupPolicy {
            folder,
            keep,
            today: Arc::new(move || date!(2026 - 01 - 01) + time::Duration::days(day.load(Ordering::SeqCst))),
        }
    }

    #[test]
    fn one_backup_a_day_of_the_previous_file_and_only_the_newest_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let vault = dir.path().join("riverside.custodian");
        let day = Arc::new(AtomicI64::new(0));
        let policy = policy(dir.path().join("backups"), 3, day.clone());
        for n in 0..5u8 {
            fs::write(&vault, [n]).unwrap();
            before_save(&vault, &policy).unwrap();
            fs::write(&vault, [n, n]).unwrap();
            before_save(&vault, &policy).unwrap(); // a second save the same day adds nothing
            day.fetch_add(1, Ordering::SeqCst);
        }
        let kept = list(&vault, &policy.folder).unwrap();
        let dates: Vec<_> = kept.iter().map(|b| b.date).collect();
        assert_eq!(dates, vec![date!(2026 - 01 - 05), date!(2026 - 01 - 04), date!(2026 - 01 - 03)]);
        assert_eq!(fs::read(&kept[0].path).unwrap(), vec![4], "the copy is of the file before that day's first save");
    }

    #[test]
    fn other_vaults_backups_in_the_same_folder_are_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("backups");
        fs::create_dir_all(&folder).unwrap();
        fs::write(folder.join("other.2020-01-01.custodian"), b"x").unwrap();
        let vault = dir.path().join("riverside.custodian");
        fs::write(&vault, b"v").unwrap();
        before_save(&vault, &policy(folder.clone(), 1, Arc::new(AtomicI64::new(0)))).unwrap();
        assert!(folder.join("other.2020-01-01.custodian").exists());
        assert_eq!(list(&vault, &folder).unwrap().len(), 1);
    }
}
