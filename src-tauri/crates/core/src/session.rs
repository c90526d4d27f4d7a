//! Creating a practice vault, signing in and out, and recovering access with the recovery key.

use std::path::Path;

use custodian_vault::secrecy::SecretString;
use custodian_vault::{KdfParams, RecoveryKey, Unlock, Vault, VaultError};
use rand_core::{CryptoRng, RngCore};
use time::OffsetDateTime;

use crate::error::{CoreError, Field, Result};
use crate::person::{self, FullName, Login, Person};
use crate::practice::{self, OdsCode, Practice, PracticeName};
use crate::validate::Problems;
use crate::{password, schema, settings};

/// Everything needed to create a practice vault, as typed by the first person.
pub struct NewPractice<'a> {
    /// The practice's name.
    pub practice_name: &'a str,
    /// The practice's ODS code.
    pub ods_code: &'a str,
    /// The first person's full name.
    pub full_name: &'a str,
    /// The first person's login.
    pub login: &'a str,
    /// The first person's password.
    pub password: &'a SecretString,
}

/// A signed-in person and the open vault. Dropping it closes the vault and forgets its key.
#[derive(Debug)]
pub struct Session {
    vault: Vault,
    person: Person,
}

/// One-line facts about an open vault, for `custodian vault check` and the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VaultSummary {
    /// The practice.
    pub practice: Practice,
    /// How many people are recorded.
    pub people: u32,
    /// The file format version.
    pub format_version: u16,
    /// The schema version of the sealed database.
    pub schema_version: usize,
}

impl std::fmt::Display for VaultSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({}): {} {}, vault format {}, schema {}",
            self.practice.name.as_str(),
            self.practice.ods_code.as_str(),
            self.people,
            if self.people == 1 { "person" } else { "people" },
            self.format_version,
            self.schema_version
        )
    }
}

/// Validates the form, then creates the vault at `path` with the practice and its first person.
/// Returns the signed-in session and the recovery key, which must be shown to the person once.
pub fn create_practice(
    path: &Path,
    new: &NewPractice<'_>,
    kdf: KdfParams,
    now: OffsetDateTime,
    rng: &mut (impl RngCore + CryptoRng),
) -> Result<(Session, RecoveryKey)> {
    let mut problems = Problems::default();
    let name = problems.check(Field::PracticeName, PracticeName::parse(new.practice_name));
    let ods_code = problems.check(Field::OdsCode, OdsCode::parse(new.ods_code));
    let full_name = problems.check(Field::FullName, FullName::parse(new.full_name));
    let login = problems.check(Field::Login, Login::parse(new.login));
    let context = [new.full_name, new.login, new.practice_name];
    problems.check(Field::Password, password::require_strong(new.password, &context).map_err(first_message));
    if path.exists() {
        problems.check::<()>(
            Field::VaultPath,
            Err(format!("A vault already exists at {}; open it instead, or choose another name", path.display())),
        );
    }
    problems.finish()?;
    let (Some(name), Some(ods_code), Some(full_name), Some(login)) = (name, ods_code, full_name, login) else {
        unreachable!("every field was checked above");
    };

    let practice = Practice { name, ods_code };
    let (vault, recovery) = Vault::create(path, login.as_str(), new.password, kdf, rng, |db| {
        schema::migrate_new(db)?;
        practice::insert(db, &practice, now)?;
        person::insert(db, &full_name, &login, now)?;
        Ok::<_, CoreError>(())
    })?;
    let person = person::find_by_login(vault.connection(), &login)?.ok_or(CoreError::Incomplete("first person"))?;
    Ok((Session { vault, person }, recovery))
}

/// Opens the vault at `path` as the person with `login`.
pub fn sign_in(path: &Path, login: &str, password: &SecretString) -> Result<Session> {
    let login = Login::parse(login).map_err(|_| VaultError::UnknownLogin { login: login.trim().to_owned() })?;
    let mut vault = Vault::open(path, Unlock::Password { login: login.as_str(), password })?;
    schema::migrate(&mut vault)?;
    let person = person::find_by_login(vault.connection(), &login)?.ok_or(CoreError::Incomplete("person record"))?;
    Ok(Session { vault, person })
}

/// A vault opened with the recovery key, waiting for `person` to choose a new password.
#[derive(Debug)]
pub struct PasswordReset {
    vault: Vault,
    person: Person,
}

/// Opens the vault at `path` with the recovery key, for the person with `login`.
pub fn recover(path: &Path, login: &str, recovery_key: &str) -> Result<PasswordReset> {
    let typed_login = login.trim().to_owned();
    let login = Login::parse(login).map_err(|_| VaultError::UnknownLogin { login: typed_login.clone() })?;
    let key = RecoveryKey::parse(recovery_key)?;
    let mut vault = Vault::open(path, Unlock::RecoveryKey(&key))?;
    schema::migrate(&mut vault)?;
    let person =
        person::find_by_login(vault.connection(), &login)?.ok_or(VaultError::UnknownLogin { login: typed_login })?;
    Ok(PasswordReset { vault, person })
}

/// A new password that was refused; the reset is handed back so the person can try again.
#[derive(Debug)]
pub struct ResetRefused {
    /// The reset, still pending.
    pub reset: PasswordReset,
    /// Why the password was refused.
    pub error: CoreError,
}

impl PasswordReset {
    /// Who will get the new password.
    pub fn person(&self) -> &Person {
        &self.person
    }

    /// Checks and sets the new password, and signs the person in. A weak password is refused
    /// and the reset comes back, still pending.
    pub fn set_new_password(
        mut self,
        password: &SecretString,
        kdf: KdfParams,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> std::result::Result<Session, Box<ResetRefused>> {
        match self.try_set_password(password, kdf, rng) {
            Ok(()) => Ok(Session { vault: self.vault, person: self.person }),
            Err(error) => Err(Box::new(ResetRefused { reset: self, error })),
        }
    }

    fn try_set_password(
        &mut self,
        password: &SecretString,
        kdf: KdfParams,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<()> {
        let practice = practice::load(self.vault.connection())?;
        let context = [self.person.full_name.as_str(), self.person.login.as_str(), practice.name.as_str()];
        password::require_strong(password, &context)?;
        Ok(self.vault.set_password(self.person.login.as_str(), password, kdf, rng)?)
    }
}

impl Session {
    /// Who is signed in.
    pub fn person(&self) -> &Person {
        &self.person
    }

    /// The practice.
    pub fn practice(&self) -> Result<Practice> {
        practice::load(self.vault.connection())
    }

    /// The vault file.
    pub fn vault_path(&self) -> &Path {
        self.vault.path()
    }

    /// Facts about the vault for a one-line summary.
    pub fn summary(&self) -> Result<VaultSummary> {
        let conn = self.vault.connection();
        let schema_version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        Ok(VaultSummary {
            practice: practice::load(conn)?,
            people: person::count(conn)?,
            format_version: self.vault.format_version(),
            schema_version: schema_version as usize,
        })
    }

    /// Minutes of inactivity after which the screen locks.
    pub fn idle_lock_minutes(&self) -> Result<u32> {
        settings::idle_lock_minutes(self.vault.connection())
    }

    /// Changes the idle time (1 to 60 minutes) and saves.
    pub fn set_idle_lock_minutes(&mut self, minutes: u32) -> Result<()> {
        let minutes = settings::check_idle_lock_minutes(minutes)?;
        self.vault.write(|tx| settings::set_idle_lock_minutes(tx, minutes))
    }
}

fn first_message(error: CoreError) -> String {
    match error {
        CoreError::Invalid(problems) => problems.into_iter().next().map(|p| p.message).unwrap_or_default(),
        other => other.to_string(),
    }
}
