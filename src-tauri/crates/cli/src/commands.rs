//! One function per command: parse nothing, call core once, print the result.

use std::path::Path;

use custodian_core::{CoreError, KdfParams, NewPractice, create_practice, demo as demo_practice, sign_in};
use rand_core::OsRng;
use time::OffsetDateTime;

use crate::output::recovery_key_notice;
use crate::secret_input::read_password;
use crate::{CheckArgs, CreateArgs};

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

/// `custodian vault check`.
pub(crate) fn vault_check(args: CheckArgs) -> Result<(), CoreError> {
    let password = read_password()?;
    let session = sign_in(&args.vault, &args.login, &password)?;
    println!("{}", session.summary()?);
    Ok(())
}

/// `custodian demo`.
pub(crate) fn demo(vault: &Path) -> Result<(), CoreError> {
    let (session, recovery) =
        demo_practice::create_demo(vault, KdfParams::DEFAULT, OffsetDateTime::now_utc(), &mut OsRng)?;
    println!("Created the demo practice: {}", session.summary()?);
    println!("Vault file: {}", session.vault_path().display());
    println!("Sign in as {} with the password \"{}\".", demo_practice::DEMO_LOGIN, demo_practice::DEMO_PASSWORD);
    print!("{}", recovery_key_notice(&recovery.display()));
    Ok(())
}
