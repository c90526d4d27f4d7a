//! One function per command: parse nothing, call core once, print the result.

use std::path::Path;

use custodian_core::{
    Backup, CoreError, KdfParams, NewPractice, PackScope, create_practice, demo as demo_practice, inspect_backup,
    list_backups, restore_backup, sign_in, verify_pack,
};
use rand_core::OsRng;
use time::OffsetDateTime;

use crate::output::{backup_line, person_line, recovery_key_notice};
use crate::secret_input::{read_line_as, read_password};
use crate::{BackupsArgs, CheckArgs, CreateArgs, PackCreateArgs, RestoreArgs};

/// `custodian vault create`.
pub(crate) fn vault_create(args: CreateArgs) -> Result<(), CoreError> {
    let password = read_password()?;
    let new = NewPractice {
        practice_name: &args.practice,
        ods_code: &args.ods,
        full_name: &args.name,
        login: &args.login,
        password: &password,
    };
    let (session, recovery) =
        create_practice(&args.vault, &new, KdfParams::DEFAULT, OffsetDateTime::now_utc(), &mut OsRng)?;
    println!("Created {}", session.summary()?);
    println!("Vault file: {}", session.vault_path().display());
    print!("{}", recovery_key_notice(&recovery.display()));
    Ok(())
}

/// `custodian vault check`: the summary line, then the audit chain; fails if the chain is broken.
pub(crate) fn vault_check(args: CheckArgs) -> Result<(), CoreError> {
    let password = read_password()?;
    let session = sign_in(&args.vault, &args.login, &password, OffsetDateTime::now_utc())?;
    println!("{}", session.summary()?);
    let chain = session.verify_audit_chain()?;
    match chain.first_broken {
        None => {
            println!("Audit trail: {} entries, chain intact, head {}", chain.entries, chain.head.unwrap_or_default());
            Ok(())
        }
        Some(seq) => Err(CoreError::Refused(format!(
            "the audit trail has been altered: entry {seq} of {} does not link to the one before it",
            chain.entries
        ))),
    }
}

/// `custodian vault backups`.
pub(crate) fn vault_backups(args: BackupsArgs) -> Result<(), CoreError> {
    let backups = list_backups(&args.vault, args.folder.as_deref())?;
    if backups.is_empty() {
        println!("No backups yet.");
    }
    for backup in backups {
        println!("{}", backup_line(&backup));
    }
    Ok(())
}

/// `custodian vault restore`: shows the backup's day and last change, and restores with `--yes`.
pub(crate) fn vault_restore(args: RestoreArgs) -> Result<(), CoreError> {
    let password = read_password()?;
    let backup = backup_named(&args.vault, &args.backup)?;
    let summary = inspect_backup(&backup, &args.login, &password)?;
    println!("Backup of {} for {}", backup.date, summary.practice.name.as_str());
    if let Some(last) = &summary.last_change {
        println!("Last change in it: {} by {} ({})", last.at, last.actor_login, last.summary);
    }
    if !args.yes {
        println!("Nothing restored. Run again with --yes to restore this backup over {}.", args.vault.display());
        return Ok(());
    }
    let session = restore_backup(&args.vault, &backup, &args.login, &password, OffsetDateTime::now_utc(), &mut OsRng)?;
    println!("Restored. {}", session.summary()?);
    Ok(())
}

/// The backup at `path`, which must be one of this vault's (its name carries its day).
fn backup_named(vault: &Path, path: &Path) -> Result<Backup, CoreError> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    list_backups(vault, Some(folder))?.into_iter().find(|b| b.path.file_name() == path.file_name()).ok_or_else(|| {
        CoreError::Refused(format!(
            "{} is not a backup of {} (see custodian vault backups)",
            path.display(),
            vault.display()
        ))
    })
}

/// `custodian demo`.
pub(crate) fn demo(vault: &Path, scale: usize) -> Result<(), CoreError> {
    let (session, recovery) = demo_practice::create_demo(vault, scale, OffsetDateTime::now_utc(), &mut OsRng)?;
    println!("Created the demo practice: {}", session.summary()?);
    println!("Vault file: {}", session.vault_path().display());
    println!("Sign in as {} with the password \"{}\".", demo_practice::DEMO_LOGIN, demo_practice::DEMO_PASSWORD);
    let others: Vec<&str> = demo_practice::DEMO_ROLE_LOGINS.iter().map(|(login, ..)| *login).collect();
    println!("The same password opens {}.", others.join(", "));
    print!("{}", recovery_key_notice(&recovery.display()));
    Ok(())
}

/// `custodian people list`: one line per person, by name.
pub(crate) fn people_list(args: CheckArgs) -> Result<(), CoreError> {
    let password = read_password()?;
    let now = OffsetDateTime::now_utc();
    let session = sign_in(&args.vault, &args.login, &password, now)?;
    for person in session.people(now)? {
        println!("{}", person_line(&person, now.date()));
    }
    Ok(())
}

/// `custodian pack create`.
pub(crate) fn pack_create(args: PackCreateArgs) -> Result<(), CoreError> {
    let scope = match (args.scope.as_str(), args.check) {
        ("byod-check", Some(id)) => Some(PackScope::ByodCheck(id)),
        ("byod-check", None) => {
            return Err(CoreError::Refused("--scope byod-check needs --check <ID> (see custodian byod list)".into()));
        }
        (name, _) => PackScope::parse(name),
    };
    let scope = scope.ok_or_else(|| {
        CoreError::Refused(format!(
            "--scope must be dspt-year, all, policies, acknowledgements, devices, byod, byod-check, incidents, \
             people or audit, not {:?}",
            args.scope
        ))
    })?;
    if args.out.exists() {
        return Err(CoreError::Refused(format!("{} already exists; choose another --out", args.out.display())));
    }
    let password = read_password()?;
    let now = OffsetDateTime::now_utc();
    let mut session = sign_in(&args.vault, &args.login, &password, now)?;
    let pack = if scope == PackScope::DsptYear {
        if !args.sign_off {
            return Err(CoreError::Refused(format!(
                "the DSPT-year pack is signed off by the SIRO. Read the statement below; to sign it with your password \
                 and make the pack, run this again with --sign-off.\n\n{}",
                session.annual_pack_statement(&args.from, &args.to, now)?
            )));
        }
        let pack = session.create_annual_pack(&args.from, &args.to, &password, true, now, &mut OsRng)?;
        println!("Signed off: {}", session.annual_pack_statement(&args.from, &args.to, now)?);
        pack
    } else {
        session.create_pack(scope, &args.from, &args.to, now, &mut OsRng)?
    };
    write_new(&args.out, &pack.pdf)?;
    println!("Wrote {} ({} bytes, SHA-256 {})", args.out.display(), pack.pdf.len(), pack.sha256);
    Ok(())
}

/// `custodian pack verify`: fails unless the signature is intact and covers the whole file.
pub(crate) fn pack_verify(file: &Path) -> Result<(), CoreError> {
    let bytes = std::fs::read(file).map_err(|e| CoreError::Refused(format!("cannot read {}: {e}", file.display())))?;
    let checked = verify_pack(&bytes)?;
    println!("Signer: {}", checked.signer_subject);
    println!("Signed at: {}", checked.signing_time.map(crate_time).unwrap_or_else(|| "not stated".into()));
    println!("Certificate SHA-256: {}", checked.certificate_fingerprint);
    if checked.intact && checked.covers_whole_file {
        println!("Signature: valid; the file has not changed since it was signed");
        Ok(())
    } else if checked.intact {
        Err(CoreError::Refused(
            "the signature is valid but does not cover the whole file: something was added after signing".into(),
        ))
    } else {
        Err(CoreError::Refused("the signature does not match the file: it has been changed since it was signed".into()))
    }
}

/// `custodian certificate export`.
pub(crate) fn certificate_export(vault: &Path, login: &str, out: &Path) -> Result<(), CoreError> {
    if out.exists() {
        return Err(CoreError::Refused(format!("{} already exists; choose another --out", out.display())));
    }
    let password = read_password()?;
    let now = OffsetDateTime::now_utc();
    let mut session = sign_in(vault, login, &password, now)?;
    let certificate = session.certificate(now, &mut OsRng)?;
    write_new(out, &certificate.der)?;
    println!("Wrote {}", out.display());
    println!("Subject: {}", certificate.subject);
    println!("SHA-256 fingerprint: {}", certificate.fingerprint);
    Ok(())
}

pub(crate) fn write_new(path: &Path, bytes: &[u8]) -> Result<(), CoreError> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| CoreError::Refused(format!("cannot write {}: {e}", path.display())))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| CoreError::Refused(format!("cannot write {}: {e}", path.display())))
}

fn crate_time(at: OffsetDateTime) -> String {
    at.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

/// `custodian certificate import`.
pub(crate) fn certificate_import(vault: &Path, login: &str, file: &Path) -> Result<(), CoreError> {
    let pkcs12 = std::fs::read(file).map_err(|e| CoreError::Refused(format!("cannot read {}: {e}", file.display())))?;
    let password = read_password()?;
    let file_password = read_line_as(custodian_core::Field::Pkcs12File, "PKCS#12 file's password")?;
    let now = OffsetDateTime::now_utc();
    let mut session = sign_in(vault, login, &password, now)?;
    let certificate = session.import_certificate(&pkcs12, &file_password, &password, now)?;
    println!("Imported. Packs are now signed as {}", certificate.subject);
    println!("SHA-256 fingerprint: {}", certificate.fingerprint);
    Ok(())
}
