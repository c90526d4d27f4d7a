//! `custodian`: the headless front end of Custodian.
//!
//! Every command calls the same `custodian-core` functions as the desktop app. Passwords are
//! only ever read from standard input (`--password-stdin`), never from arguments.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod bench;
mod byod;
mod commands;
mod devices;
mod disposals;
mod incidents;
mod output;
mod policies;
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
        /// How many times the usual 60 people (5 is for benchmarks).
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=20))]
        scale: u16,
    },
    /// The staff register.
    #[command(subcommand)]
    People(PeopleCommand),
    /// The policy register: import documents as draft versions, list the register.
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// Staff read-and-understood acknowledgements.
    #[command(subcommand)]
    Ack(AckCommand),
    /// The device register, with removable media.
    #[command(subcommand)]
    Devices(DevicesCommand),
    /// The disposal log.
    #[command(subcommand)]
    Disposals(DisposalsCommand),
    /// BYOD new-starter checks.
    #[command(subcommand)]
    Byod(ByodCommand),
    /// Data security and protection incidents and near misses.
    #[command(subcommand)]
    Incidents(IncidentsCommand),
    /// Signed evidence packs.
    #[command(subcommand)]
    Pack(PackCommand),
    /// The practice's signing certificate.
    #[command(subcommand)]
    Certificate(CertificateCommand),
    /// Measure unlock, open and save times and vault size on demo practices.
    Bench(bench::BenchArgs),
}

#[derive(Subcommand)]
enum PackCommand {
    /// Make a signed evidence pack (PDF).
    Create(PackCreateArgs),
    /// Check a pack's signature: who signed it, when, and whether any byte has changed since.
    Verify {
        /// The PDF to check.
        file: PathBuf,
    },
}

#[derive(Args)]
struct PackCreateArgs {
    /// The vault file.
    #[arg(long)]
    vault: PathBuf,
    /// Your login name.
    #[arg(long)]
    login: String,
    /// Read your password from the first line of standard input.
    #[arg(long, required = true)]
    password_stdin: bool,
    /// What the pack covers: dspt-year (the annual pack, signed off by the SIRO with
    /// --sign-off), all, policies, acknowledgements, devices, byod, byod-check (one check, with
    /// --check), incidents, people or audit.
    #[arg(long, default_value = "all")]
    scope: String,
    /// With --scope byod-check: the check's number (the first column of `custodian byod list`).
    #[arg(long)]
    check: Option<i64>,
    /// With --scope dspt-year, signed in as the SIRO: sign the statement of the pack's contents
    /// (shown when this is left out) with your password, and make the pack.
    #[arg(long)]
    sign_off: bool,
    /// First day of the period (YYYY-MM-DD).
    #[arg(long)]
    from: String,
    /// Last day of the period (YYYY-MM-DD).
    #[arg(long)]
    to: String,
    /// Where to write the PDF (must not exist yet).
    #[arg(long)]
    out: PathBuf,
}

#[derive(Subcommand)]
enum CertificateCommand {
    /// Write the practice's certificate (DER, .cer) and print its fingerprint.
    Export {
        /// The vault file.
        #[arg(long)]
        vault: PathBuf,
        /// Your login name.
        #[arg(long)]
        login: String,
        /// Read your password from the first line of standard input.
        #[arg(long, required = true)]
        password_stdin: bool,
        /// Where to write the certificate (must not exist yet).
        #[arg(long)]
        out: PathBuf,
    },
    /// Replace the practice's signing key and certificate with ones from a PKCS#12 file.
    Import {
        /// The vault file.
        #[arg(long)]
        vault: PathBuf,
        /// A practice manager's login.
        #[arg(long)]
        login: String,
        /// The PKCS#12 (.p12 or .pfx) file.
        #[arg(long)]
        file: PathBuf,
        /// Read two lines from standard input: your password, then the PKCS#12 file's password.
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

#[derive(Subcommand)]
enum PolicyCommand {
    /// Import documents (.docx, .pdf, .md, .txt) as draft versions. Each file goes to the policy
    /// whose title matches its name ("Backup policy.docx" → "Backup policy"), which is added to
    /// the register if there is none. Every file is checked before any is imported.
    Import(PolicyImportArgs),
    /// List the policy register: standing, current version, next review, any version on its way.
    List(CheckArgs),
}

#[derive(Args)]
struct PolicyImportArgs {
    /// The vault file.
    #[arg(long)]
    vault: PathBuf,
    /// A practice manager's or IG lead's login.
    #[arg(long)]
    login: String,
    /// Read your password from the first line of standard input.
    #[arg(long, required = true)]
    password_stdin: bool,
    /// Import into this policy instead of matching file names (one file only).
    #[arg(long)]
    policy: Option<String>,
    /// A significant change (2.0 after 1.x) rather than a small one (1.1 after 1.0).
    #[arg(long)]
    major: bool,
    /// What changed (optional for a policy's first version).
    #[arg(long, default_value = "")]
    summary: String,
    /// The documents.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum AckCommand {
    /// Print the acknowledgement matrix (people × current policies) as CSV.
    Status {
        #[command(flatten)]
        who: CheckArgs,
        /// Print only the chase list: who is outstanding, for what, since when.
        #[arg(long)]
        chase: bool,
    },
}

#[derive(Subcommand)]
enum DevicesCommand {
    /// Import devices from a CSV file (columns: asset_tag, type, ownership, and optionally make,
    /// model, serial, encrypted, encryption_method, operating_system, os_version,
    /// vendor_supported, location, asset_owner, status, purchase_date, notes). Every row is
    /// checked first; all are imported or none.
    Import {
        #[command(flatten)]
        who: CheckArgs,
        /// The CSV file.
        file: PathBuf,
        /// Only check the file and report; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write the register as CSV (to standard output, or a new file with --out).
    Export {
        #[command(flatten)]
        who: CheckArgs,
        /// Where to write it (must not exist yet).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// List the register, one device per line.
    List(CheckArgs),
}

#[derive(Subcommand)]
enum ByodCommand {
    /// List BYOD checks, newest first: outcome, failed items, and when each re-check falls due.
    List(CheckArgs),
}

#[derive(Subcommand)]
enum IncidentsCommand {
    /// List incidents, newest first: when the practice became aware, category, grade, status, and
    /// the reporting deadline while a reportable incident's 72-hour clock runs.
    List(CheckArgs),
}

#[derive(Subcommand)]
enum DisposalsCommand {
    /// List disposals, newest first, with their certificates' SHA-256 and who checked them.
    List(CheckArgs),
}

#[derive(Subcommand)]
enum PeopleCommand {
    /// List the people you may see: everyone for managers and leads, yourself for staff.
    List(CheckArgs),
}

#[derive(Subcommand)]
enum VaultCommand {
    /// Create a new practice vault with its first person, and print the recovery key.
    Create(CreateArgs),
    /// Open a vault, verify it and its audit chain, and print a one-line summary.
    Check(CheckArgs),
    /// List the vault's backups, newest first.
    Backups(BackupsArgs),
    /// Restore a backup over the vault (the replaced file is kept in the backups folder).
    Restore(RestoreArgs),
}

#[derive(Args)]
struct BackupsArgs {
    /// The vault file.
    #[arg(long)]
    vault: PathBuf,
    /// The backups folder, if the practice chose one (default: `backups` beside the vault).
    #[arg(long)]
    folder: Option<PathBuf>,
}

#[derive(Args)]
struct RestoreArgs {
    /// The vault file to restore over.
    #[arg(long)]
    vault: PathBuf,
    /// The backup file to restore (see `custodian vault backups`).
    #[arg(long)]
    backup: PathBuf,
    /// A practice manager's login, as it was on the backup's day.
    #[arg(long)]
    login: String,
    /// Read the password from the first line of standard input.
    #[arg(long, required = true)]
    password_stdin: bool,
    /// Restore without asking again (otherwise only shows what would be restored).
    #[arg(long)]
    yes: bool,
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
        Command::Vault(VaultCommand::Backups(args)) => commands::vault_backups(args),
        Command::Vault(VaultCommand::Restore(args)) => commands::vault_restore(args),
        Command::Demo { vault, scale } => commands::demo(&vault, usize::from(scale)),
        Command::People(PeopleCommand::List(args)) => commands::people_list(args),
        Command::Policy(PolicyCommand::Import(args)) => policies::import(args),
        Command::Policy(PolicyCommand::List(args)) => policies::list(args),
        Command::Ack(AckCommand::Status { who, chase }) => policies::ack_status(who, chase),
        Command::Devices(DevicesCommand::Import { who, file, dry_run }) => devices::import(who, &file, dry_run),
        Command::Devices(DevicesCommand::Export { who, out }) => devices::export(who, out.as_deref()),
        Command::Devices(DevicesCommand::List(who)) => devices::list(who),
        Command::Disposals(DisposalsCommand::List(who)) => disposals::list(who),
        Command::Byod(ByodCommand::List(who)) => byod::list(who),
        Command::Incidents(IncidentsCommand::List(who)) => incidents::list(who),
        Command::Pack(PackCommand::Create(args)) => commands::pack_create(args),
        Command::Pack(PackCommand::Verify { file }) => commands::pack_verify(&file),
        Command::Certificate(CertificateCommand::Export { vault, login, out, .. }) => {
            commands::certificate_export(&vault, &login, &out)
        }
        Command::Certificate(CertificateCommand::Import { vault, login, file, .. }) => {
            commands::certificate_import(&vault, &login, &file)
        }
        Command::Bench(args) => bench::run(args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprint!("{}", output::describe_error(&error));
            ExitCode::FAILURE
        }
    }
}
