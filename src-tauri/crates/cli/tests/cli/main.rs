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
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
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
    assert_eq!(text(&out.stdout), "Riverside Surgery (B86001): 1 person, vault format 1, schema 1\n");
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
