//! Disk access: reading a vault, replacing it atomically, and the lock that keeps one writer.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use std::time::{Duration, Instant};

use rand_core::{OsRng, RngCore};

use crate::error::{Result, VaultError};

/// Reads a whole vault file.
pub(crate) fn read_vault(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|source| match source.kind() {
        ErrorKind::NotFound => VaultError::NotFound { path: path.to_owned() },
        _ => VaultError::Io { action: "read", source },
    })
}

/// Replaces the file at `path` with `bytes` so that a crash at any moment leaves either the old or
/// the new file: write a temporary file in the same folder, fsync it, rename it over the vault,
/// fsync the folder. `before_rename` lets tests interrupt the sequence.
pub(crate) fn replace_atomically(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> Result<()> {
    let temp = write_temp_beside(path, bytes)?;
    let renamed = before_rename(&temp).and_then(|()| fs::rename(&temp, path));
    if let Err(source) = renamed {
        let _ = fs::remove_file(&temp);
        return Err(VaultError::Io { action: "save", source });
    }
    sync_folder(path).map_err(VaultError::io("save"))
}

/// Creates a new vault file with the same guarantees, but fails if anything exists at `path`,
/// even a file created a moment ago by another process (a hard link never replaces).
pub(crate) fn create_new(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.exists() {
        return Err(VaultError::AlreadyExists { path: path.to_owned() });
    }
    let temp = write_temp_beside(path, bytes)?;
    let linked = fs::hard_link(&temp, path);
    let _ = fs::remove_file(&temp);
    match linked {
        Ok(()) => sync_folder(path).map_err(VaultError::io("save")),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Err(VaultError::AlreadyExists { path: path.to_owned() }),
        Err(source) => Err(VaultError::Io { action: "create", source }),
    }
}

/// Writes `bytes` to a new temporary file beside `path` and fsyncs it.
fn write_temp_beside(path: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let temp = temp_path_beside(path);
    let written = (|| {
        let mut file = OpenOptions::new().write(true).create_new(true).open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    match written {
        Ok(()) => Ok(temp),
        Err(source) => {
            let _ = fs::remove_file(&temp);
            Err(VaultError::Io { action: "save", source })
        }
    }
}

/// Temporary files left by a save that was interrupted: `.<name>.<random>.tmp` beside the vault.
/// They hold only sealed bytes; they are removed when the vault is next opened.
pub(crate) fn remove_stale_temps(path: &Path) {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else {
        return;
    };
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(folder_or_dot(folder)) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else { continue };
        if file_name.starts_with(&prefix) && file_name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn temp_path_beside(path: &Path) -> PathBuf {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("vault");
    let tag = OsRng.next_u64();
    path.with_file_name(format!(".{name}.{tag:016x}.tmp"))
}

fn folder_or_dot(folder: &Path) -> &Path {
    if folder.as_os_str().is_empty() { Path::new(".") } else { folder }
}

fn sync_folder(path: &Path) -> std::io::Result<()> {
    let folder = folder_or_dot(path.parent().unwrap_or(Path::new(".")));
    File::open(folder)?.sync_all()
}

/// An exclusive lock on `<vault>.lock`, held for as long as a vault is open.
#[derive(Debug)]
pub(crate) struct VaultLock {
    _file: File,
}

impl VaultLock {
    /// Takes the lock, waiting up to `timeout` for another process to release it, then `InUse`.
    pub(crate) fn acquire_within(vault_path: &Path, timeout: Duration) -> Result<VaultLock> {
        let deadline = Instant::now() + timeout;
        loop {
            match VaultLock::acquire(vault_path) {
                Err(VaultError::InUse) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(15)),
                other => return other,
            }
        }
    }

    /// Takes the lock, or fails with `InUse` at once if another process holds it.
    pub(crate) fn acquire(vault_path: &Path) -> Result<VaultLock> {
        let mut lock_name = vault_path.as_os_str().to_owned();
        lock_name.push(".lock");
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(PathBuf::from(lock_name))
            .map_err(VaultError::io("lock"))?;
        match file.try_lock() {
            Ok(()) => Ok(VaultLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(VaultError::InUse),
            Err(TryLockError::Error(source)) => Err(VaultError::Io { action: "lock", source }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacing_swaps_the_content_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.custodian");
        fs::write(&path, b"old").unwrap();
        replace_atomically(&path, b"new", |_| Ok(())).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_save_interrupted_before_the_rename_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.custodian");
        fs::write(&path, b"old").unwrap();
        let result = replace_atomically(&path, b"new", |temp| {
            assert_eq!(fs::read(temp).unwrap(), b"new", "the new bytes are complete on disk before the rename");
            Err(std::io::Error::other("power cut"))
        });
        assert!(matches!(result, Err(VaultError::Io { action: "save", .. })));
        assert_eq!(fs::read(&path).unwrap(), b"old");
    }

    #[test]
    fn creating_never_overwrites_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.custodian");
        fs::write(&path, b"precious").unwrap();
        assert!(matches!(create_new(&path, b"new"), Err(VaultError::AlreadyExists { .. })));
        assert_eq!(fs::read(&path).unwrap(), b"precious");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_second_lock_on_the_same_vault_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.custodian");
        let first = VaultLock::acquire(&path).unwrap();
        assert!(matches!(VaultLock::acquire(&path), Err(VaultError::InUse)));
        drop(first);
        VaultLock::acquire(&path).unwrap();
    }

    #[test]
    fn waiting_for_the_lock_gives_up_with_in_use() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.custodian");
        let _held = VaultLock::acquire(&path).unwrap();
        let started = Instant::now();
        assert!(matches!(VaultLock::acquire_within(&path, Duration::from_millis(100)), Err(VaultError::InUse)));
        assert!(started.elapsed() >= Duration::from_millis(100));
    }

    #[test]
    fn stale_temporary_files_of_this_vault_only_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.custodian");
        fs::write(dir.path().join(".a.custodian.0123.tmp"), b"x").unwrap();
        fs::write(dir.path().join(".b.custodian.0123.tmp"), b"x").unwrap();
        remove_stale_temps(&path);
        assert!(!dir.path().join(".a.custodian.0123.tmp").exists());
        assert!(dir.path().join(".b.custodian.0123.tmp").exists());
    }
}
