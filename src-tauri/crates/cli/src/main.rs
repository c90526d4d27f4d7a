//! `custodian`: the headless front end of Custodian.
//!
//! Every command calls the same `custodian-core` functions as the desktop app. Passwords are
//! only ever read from standard input (`--password-stdin`), never from arguments.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod commands;
mod output;
mod secret_input;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// Custodian: information-governance records for a GP practice, in an encrypted vault.
#[derive(Parser)]
#[command(name = "custodian", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create and check practice vaults.
    #[command(subcommand)]
    Vault(VaultCommand),
    /// Create a demo practice to explore Custodian with (invented data only).
    Demo {
        /// Where to create the demo vault file.
        #[arg(long)]
        vault: PathBuf,
    },
}

#[derive(Subcommand)]
enum VaultCommand {
    /// Create a new practice vault with its first person, and print the recovery key.
    Create(CreateArgs),
    /// Open a vault, verify it and print a one-line summary.
    Check(CheckArgs),
}

#[derive(Args)]
struct CreateArgs {
    /// Where to create the vault file (it must not exist yet).
    #[arg(long)]
    vault: PathBuf,
    /// The practice's name.
    #[arg(long)]
    practice: String,
    /// The practice's ODS code, e.g. B86001.
    #[arg(long)]
    ods: String,
    /// The first person's full name.
    #[arg(long)]
    name: String,
    /// The first person's login name.
    #[arg(long)]
    login: String,
    /// Read the first person's password from the first line of standard input.
    #[arg(long, required = true)]
    password_stdin: bool,
}

#[derive(Args)]
struct CheckArgs {
    /// The vault file.
    #[arg(long)]
    vault: PathBuf,
    /// Your login name.
    #[arg(long)]
    login: String,
    /// Read your password from the first line of standard input.
    #[arg(long, required = true)]
    password_stdin: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Vault(VaultCommand::Create(args)) => commands::vault_create(args),
        Command::Vault(VaultCommand::Check(args)) => commands::vault_check(args),
        Command::Demo { vault } => commands::demo(&vault),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprint!("{}", output::describe_error(&error));
            ExitCode::FAILURE
        }
    }
}
