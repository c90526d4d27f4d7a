//! `custodian devices …`: the device register from a terminal — import a practice's spreadsheet,
//! export the register, list it.

use std::path::Path;

use custodian_core::{CoreError, sign_in};
use time::OffsetDateTime;

use crate::CheckArgs;
use crate::secret_input::read_password;

/// `custodian devices import`: checks every row first; imports all of them or none.
pub(crate) fn import(who: CheckArgs, file: &Path, dry_run: bool) -> Result<(), CoreError> {
    let bytes = std::fs::read(file).map_err(|e| CoreError::Refused(format!("cannot read {}: {e}", file.display())))?;
    let password = read_password()?;
    let now = OffsetDateTime::now_utc();
    let mut session = sign_in(&who.vault, &who.login, &password, now)?;
    let preview = session.preview_device_import(&bytes, now)?;
    for problem in &preview.problems {
        eprintln!("line {} ({}): {}", problem.line, problem.asset_tag, problem.message);
    }
    if !preview.problems.is_empty() {
        return Err(CoreError::Refused(format!(
            "{} problem{} in {}; nothing was imported",
            preview.problems.len(),
            if preview.problems.len() == 1 { "" } else { "s" },
            file.display()
        )));
    }
    if dry_run {
        println!("{} devices would be imported; nothing was changed (--dry-run)", preview.rows);
        return Ok(());
    }
    let added = session.import_devices(&bytes, now)?;
    println!("Imported {added} devices");
    Ok(())
}

/// `custodian devices export`: the register as CSV, to a new file or standard output.
pub(crate) fn export(who: CheckArgs, out: Option<&Path>) -> Result<(), CoreError> {
    let password = read_password()?;
    let now = OffsetDateTime::now_utc();
    let session = sign_in(&who.vault, &who.login, &password, now)?;
    let csv = session.devices_csv(now)?;
    match out {
        Some(path) => {
            crate::commands::write_new(path, csv.as_bytes())?;
            println!("Wrote {}", path.display());
        }
        None => print!("{csv}"),
    }
    Ok(())
}

/// `custodian devices list`: one line per device.
pub(crate) fn list(who: CheckArgs) -> Result<(), CoreError> {
    let password = read_password()?;
    let now = OffsetDateTime::now_utc();
    let session = sign_in(&who.vault, &who.login, &password, now)?;
    for device in session.devices(now)? {
        let f = &device.fields;
        let holder = device.holder.map(|h| format!("held by {}", h.full_name)).unwrap_or_default();
        println!(
            "{}\t{}\t{} {}\t{}\tencrypted: {}\t{}\t{holder}",
            f.asset_tag,
            f.kind.label(),
            f.make,
            f.model,
            f.status.label(),
            f.encryption.label().to_lowercase(),
            f.ownership.label().to_lowercase()
        );
    }
    Ok(())
}
