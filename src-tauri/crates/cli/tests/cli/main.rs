//! End-to-end tests of the `custodian` binary: real process, real files, real key derivation.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const PASSWORD: &str = "pebble violin harbour 7";

fn custodian(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_custodian"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that refuses before reading its password closes standard input early.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn create(vault: &Path, password: &str) -> Output {
    custodian(
        &[
            "vault",
            "create",
            "--vault",
            vault.to_str().unwrap(),
            "--practice",
            "Riverside Surgery",
            "--ods",
            "b86001",
            "--name",
            "Anna Clerk",
            "--login",
            "anna.clerk",
            "--password-stdin",
        ],
        &format!("{password}\n"),
    )
}

fn check(vault: &Path, login: &str, password: &str) -> Output {
    custodian(
        &["vault", "check", "--vault", vault.to_str().unwrap(), "--login", login, "--password-stdin"],
        &format!("{password}\n"),
    )
}

#[test]
fn help_lists_the_commands() {
    let out = custodian(&["--help"], "");
    assert!(out.status.success());
    let help = text(&out.stdout);
    assert!(help.contains("vault") && help.contains("demo"), "{help}");
    let vault_help = text(&custodian(&["vault", "--help"], "").stdout);
    assert!(vault_help.contains("create") && vault_help.contains("check"), "{vault_help}");
}

#[test]
fn a_created_vault_checks_out_with_a_one_line_summary() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("riverside.custodian");
    let out = create(&vault, PASSWORD);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let printed = text(&out.stdout);
    let key_line = printed.lines().map(str::trim).find(|l| l.split('-').count() == 10).expect("recovery key printed");
    assert_eq!(key_line.len(), 49);

    let out = check(&vault, "anna.clerk", PASSWORD);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let printed = text(&out.stdout);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines[0], "Riverside Surgery (B86001): 1 person, vault format 1, schema 7");
    assert!(lines[1].starts_with("Audit trail: 2 entries, chain intact, head "), "{printed}");
    assert_eq!(lines[1].len(), "Audit trail: 2 entries, chain intact, head ".len() + 64);
}

#[test]
fn a_wrong_password_fails_plainly_and_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("riverside.custodian");
    assert!(create(&vault, PASSWORD).status.success());
    let before = std::fs::read(&vault).unwrap();
    let out = check(&vault, "anna.clerk", "not my password");
    assert!(!out.status.success());
    assert_eq!(text(&out.stderr), "error: wrong password\n");
    assert_eq!(std::fs::read(&vault).unwrap(), before);
}

#[test]
fn a_weak_password_is_refused_with_the_reason_and_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("riverside.custodian");
    let out = create(&vault, "password1");
    assert!(!out.status.success());
    assert!(text(&out.stderr).starts_with("error: password: "), "{}", text(&out.stderr));
    assert!(!vault.exists());
}

#[test]
fn a_file_that_is_not_a_vault_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "shopping list").unwrap();
    let out = check(&file, "anna.clerk", PASSWORD);
    assert!(!out.status.success());
    assert_eq!(text(&out.stderr), "error: this file is not a Custodian vault\n");
    assert_eq!(std::fs::read(&file).unwrap(), b"shopping list");
}

#[test]
fn the_password_is_never_taken_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("v.custodian");
    let out = custodian(&["vault", "check", "--vault", vault.to_str().unwrap(), "--login", "anna"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--password-stdin"));
}

#[test]
fn backups_are_listed_and_a_restore_needs_yes_to_change_anything() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("riverside.custodian");
    assert!(create(&vault, PASSWORD).status.success());
    let folder = dir.path().join("backups");
    std::fs::create_dir_all(&folder).unwrap();
    let backup = folder.join("riverside.2026-01-31.custodian");
    std::fs::copy(&vault, &backup).unwrap();

    let listed = custodian(&["vault", "backups", "--vault", vault.to_str().unwrap()], "");
    assert!(listed.status.success());
    assert_eq!(text(&listed.stdout), format!("2026-01-31  {}\n", backup.display()));

    let before = std::fs::read(&vault).unwrap();
    let args = [
        "vault",
        "restore",
        "--vault",
        vault.to_str().unwrap(),
        "--backup",
        backup.to_str().unwrap(),
        "--login",
        "anna.clerk",
        "--password-stdin",
    ];
    let dry = custodian(&args, &format!("{PASSWORD}\n"));
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    let shown = text(&dry.stdout);
    assert!(shown.starts_with("Backup of 2026-01-31 for Riverside Surgery\nLast change in it: "), "{shown}");
    assert!(shown.contains("by anna.clerk"), "{shown}");
    assert!(shown.contains("Nothing restored."), "{shown}");
    assert_eq!(std::fs::read(&vault).unwrap(), before);

    let mut confirmed = args.to_vec();
    confirmed.push("--yes");
    let done = custodian(&confirmed, &format!("{PASSWORD}\n"));
    assert!(done.status.success(), "{}", text(&done.stderr));
    assert!(text(&done.stdout).contains("Restored. Riverside Surgery (B86001)"));
    let kept =
        std::fs::read_dir(&folder).unwrap().flatten().any(|e| e.file_name().to_string_lossy().contains(".replaced-"));
    assert!(kept, "the replaced vault is kept beside the backups");
}

#[test]
fn restoring_a_file_that_is_not_one_of_the_vaults_backups_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("riverside.custodian");
    assert!(create(&vault, PASSWORD).status.success());
    let stray = dir.path().join("other.custodian");
    std::fs::copy(&vault, &stray).unwrap();
    let out = custodian(
        &[
            "vault",
            "restore",
            "--vault",
            vault.to_str().unwrap(),
            "--backup",
            stray.to_str().unwrap(),
            "--login",
            "anna.clerk",
            "--password-stdin",
            "--yes",
        ],
        &format!("{PASSWORD}\n"),
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("is not a backup of"), "{}", text(&out.stderr));
}

#[test]
fn people_are_listed_one_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("riverside.custodian");
    assert!(create(&vault, PASSWORD).status.success());
    let out = custodian(
        &["people", "list", "--vault", vault.to_str().unwrap(), "--login", "anna.clerk", "--password-stdin"],
        &format!("{PASSWORD}\n"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "anna.clerk\tAnna Clerk\tPractice manager\tPractice manager, Staff\tactive\n");
}

#[test]
fn a_folder_of_policy_documents_is_imported_as_drafts_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("riverside.custodian");
    assert!(create(&vault, PASSWORD).status.success());
    let backup = dir.path().join("Backup policy.md");
    std::fs::write(&backup, "# Backup policy\n\nBack up every night.\n").unwrap();
    let fax = dir.path().join("Fax policy.txt");
    std::fs::write(&fax, "1.\tINTRODUCTION\nFaxes are not used.\n").unwrap();
    let broken = dir.path().join("Broken policy.docx");
    std::fs::write(&broken, "not a Word document").unwrap();
    let v = vault.to_str().unwrap();
    let import = |files: &[&Path]| {
        let mut args = vec!["policy", "import", "--vault", v, "--login", "anna.clerk", "--password-stdin"];
        args.extend(files.iter().map(|f| f.to_str().unwrap()));
        custodian(&args, &format!("{PASSWORD}\n"))
    };

    let refused = import(&[&backup, &broken]);
    assert!(!refused.status.success());
    assert!(text(&refused.stderr).contains("Broken policy.docx"), "{}", text(&refused.stderr));
    let list = || {
        custodian(
            &["policy", "list", "--vault", v, "--login", "anna.clerk", "--password-stdin"],
            &format!("{PASSWORD}\n"),
        )
    };
    assert!(!text(&list().stdout).contains("draft"), "a bad file in the folder imports nothing");

    let out = import(&[&backup, &fax]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let printed = text(&out.stdout);
    assert!(printed.contains("Backup policy: draft 1.0 from"), "{printed}");
    assert!(printed.contains("Added \"Fax policy\" to the register"), "{printed}");
    let listed = text(&list().stdout);
    assert!(listed.contains("Backup policy  -  GAP: no published version · draft 1.0 waiting"), "{listed}");
    assert_eq!(listed.lines().count(), 21, "20 from the catalogue and the fax policy");

    let status = custodian(
        &["ack", "status", "--vault", v, "--login", "anna.clerk", "--password-stdin"],
        &format!("{PASSWORD}\n"),
    );
    assert!(status.status.success(), "{}", text(&status.stderr));
    assert_eq!(text(&status.stdout).lines().next(), Some("Name,Login,Job title,Acknowledged,Due"));
    assert!(text(&status.stderr).contains("the bar is 95%"));
}

#[test]
fn a_device_spreadsheet_is_checked_then_imported_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("riverside.custodian");
    assert!(create(&vault, PASSWORD).status.success());
    let v = vault.to_str().unwrap();
    let sheet = dir.path().join("devices.csv");
    std::fs::write(&sheet, "Asset tag,Type,Ownership,Serial\nLT-1,Laptop,Practice,SN1\nLT-1,Laptop,Practice,SN2\n")
        .unwrap();
    let run = |args: &[&str]| {
        let mut all = vec!["devices"];
        all.extend_from_slice(args);
        all.extend(["--vault", v, "--login", "anna.clerk", "--password-stdin"]);
        custodian(&all, &format!("{PASSWORD}\n"))
    };
    let refused = run(&["import", sheet.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(
        text(&refused.stderr).contains("line 3 (LT-1): the asset tag LT-1 appears twice in the file"),
        "{}",
        text(&refused.stderr)
    );
    assert_eq!(text(&run(&["list"]).stdout), "", "nothing was imported");

    std::fs::write(&sheet, "Asset tag,Type,Ownership,Serial\nLT-1,Laptop,Practice,SN1\nUSB-7,usb stick,practice,\n")
        .unwrap();
    let dry = run(&["import", "--dry-run", sheet.to_str().unwrap()]);
    assert!(text(&dry.stdout).contains("2 devices would be imported"), "{}", text(&dry.stderr));
    assert_eq!(text(&run(&["list"]).stdout), "");
    let imported = run(&["import", sheet.to_str().unwrap()]);
    assert!(text(&imported.stdout).contains("Imported 2 devices"), "{}", text(&imported.stderr));
    let listed = text(&run(&["list"]).stdout);
    assert!(listed.starts_with("LT-1\tLaptop"), "{listed}");
    assert!(listed.contains("USB-7\tUSB stick"), "{listed}");
    let exported = text(&run(&["export"]).stdout);
    assert_eq!(exported.lines().count(), 3);
    assert!(exported.lines().nth(1).unwrap().starts_with("LT-1,laptop,,,SN1,practice,unknown"), "{exported}");
}

#[test]
fn incidents_are_listed_newest_first_with_the_deadline_while_a_clock_runs() {
    use custodian_core::secrecy::SecretString;
    use custodian_core::{IncidentForm, sign_in};
    use time::format_description::well_known::Rfc3339;
    use time::{Duration, OffsetDateTime};

    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("riverside.custodian");
    assert!(create(&vault, PASSWORD).status.success());
    let now = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap().replace_second(0).unwrap();
    let text_of = |at: OffsetDateTime| at.format(&Rfc3339).unwrap();
    let letter_aware = now - Duration::hours(2);
    let phishing_aware = now - Duration::days(10);
    let (letter, phishing) = {
        let mut session =
            sign_in(&vault, "anna.clerk", &SecretString::from(PASSWORD.to_owned()), OffsetDateTime::now_utc()).unwrap();
        let letter = IncidentForm {
            kind: "ig",
            category: "disclosure",
            breach_types: &["confidentiality"],
            occurred_at: &text_of(letter_aware - Duration::hours(1)),
            aware_at: &text_of(letter_aware),
            description: "Results letter posted to the wrong patient",
            special_category: true,
            ..Default::default()
        };
        let letter = session.record_incident(&letter, OffsetDateTime::now_utc()).unwrap();
        session.grade_incident(letter.id, 3, 2, OffsetDateTime::now_utc()).unwrap();
        let phishing = IncidentForm {
            kind: "cyber",
            category: "malware_or_phishing",
            occurred_at: &text_of(phishing_aware),
            aware_at: &text_of(phishing_aware),
            description: "Phishing email reported by reception, not clicked",
            ..Default::default()
        };
        (letter.reference, session.record_incident(&phishing, OffsetDateTime::now_utc()).unwrap().reference)
    };

    let out = custodian(
        &["incidents", "list", "--vault", vault.to_str().unwrap(), "--login", "anna.clerk", "--password-stdin"],
        &format!("{PASSWORD}\n"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let due = letter_aware + Duration::hours(72);
    assert_eq!(
        text(&out.stdout),
        format!(
            "{letter}\t{}\tDisclosure of confidential information (including misdirected email or post)\tgraded 3×2\t\
             open, reportable, report by {} {:02}:{:02} UTC\n\
             {phishing}\t{}\tMalware or phishing\tnot graded\topen\n",
            letter_aware.date(),
            due.date(),
            due.hour(),
            due.minute(),
            phishing_aware.date()
        )
    );
}
