//! Creating a practice vault, signing in and out, and recovering access with the recovery key.

use std::path::Path;

use custodian_vault::secrecy::SecretString;
use custodian_vault::{BackupPolicy, KdfParams, RecoveryKey, SlotChange, Unlock, Vault, VaultError};
use rand_core::{CryptoRng, RngCore};
use time::OffsetDateTime;

use crate::audit::{self, NewAuditEntry};
use crate::error::{CoreError, Field, Result};
use crate::person::{self, FullName, Login, Person, PersonFields, PersonRecord, PersonStatus};
use crate::practice::{self, OdsCode, Practice, PracticeName};
use crate::role::{Permission, Role};
use crate::validate::Problems;
use crate::{password, schema, settings, signing};

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

/// A signed-in person and the open vault. Dropping it closes the vault and forgets its keys.
#[derive(Debug)]
pub struct Session {
    pub(crate) vault: Vault,
    pub(crate) person: Person,
    /// A quick sign-in on a shared computer: only reading and acknowledging policies.
    pub(crate) acknowledge_only: bool,
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

/// Validates the form, then creates the vault at `path` with the practice and its first person,
/// who is its practice manager. Returns the signed-in session and the recovery key, which must
/// be shown to the person once.
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
    let identity = signing::generate(&practice, now, rng)?;
    let fields = PersonFields {
        full_name: full_name.clone(),
        job_title: "Practice manager".into(),
        email: None,
        roles: vec![Role::PracticeManager, Role::Staff],
        start_date: now.date(),
        leaving_date: None,
    };
    let (mut vault, recovery) = Vault::create(path, login.as_str(), new.password, kdf, rng, |db| {
        schema::migrate_new(db)?;
        practice::insert(db, &practice, now)?;
        signing::store(db, &identity, "self_signed", now)?;
        let id = person::insert(db, &login, &fields, false, now)?;
        crate::policy::register::seed_from_catalogue(db, Some(id), now)?;
        let created = NewAuditEntry {
            actor_login: login.as_str(),
            action: "practice.create",
            record_type: "practice",
            record_id: "1".into(),
            summary: format!(
                "created the vault of {} ({}) and its signing certificate, SHA-256 {}",
                practice.name.as_str(),
                practice.ods_code.as_str(),
                identity.fingerprint_sha256()
            ),
        };
        audit::append(db, now, &created)?;
        let added = NewAuditEntry {
            actor_login: login.as_str(),
            action: "person.add",
            record_type: "person",
            record_id: id.to_string(),
            summary: format!("added {} ({}) as Practice manager, Staff", full_name.as_str(), login.as_str()),
        };
        audit::append(db, now, &added)?;
        Ok::<_, CoreError>(())
    })?;
    apply_backup_settings(&mut vault)?;
    let person = person::find_by_login(vault.connection(), &login)?.ok_or(CoreError::Incomplete("first person"))?;
    Ok((Session { vault, person, acknowledge_only: false }, recovery))
}

/// Opens the vault at `path` as the person with `login`. A person who has left is refused. Any
/// leaver whose access is still in the vault has it removed now (rotating the data key).
pub fn sign_in(path: &Path, login: &str, password: &SecretString, now: OffsetDateTime) -> Result<Session> {
    let login = Login::parse(login).map_err(|_| VaultError::UnknownLogin { login: login.trim().to_owned() })?;
    let mut vault = Vault::open(path, Unlock::Password { login: login.as_str(), password })?;
    schema::migrate(&mut vault)?;
    let record = person::by_login(vault.connection(), &login)?.ok_or(CoreError::Incomplete("person record"))?;
    if let PersonStatus::Left(last_day) = record.status(now.date()) {
        return Err(CoreError::AccessEnded { login: record.login, last_day });
    }
    apply_backup_settings(&mut vault)?;
    let person =
        Person { id: record.id, full_name: FullName::parse(&record.full_name).map_err(CoreError::Refused)?, login };
    let mut session = Session { vault, person, acknowledge_only: false };
    session.remove_departed_access(now)?;
    Ok(session)
}

/// Signs in for reading and acknowledging one's policies only, as on a shared reception
/// computer: every other operation is refused, whatever the person's roles.
pub fn sign_in_to_acknowledge(
    path: &Path,
    login: &str,
    password: &SecretString,
    now: OffsetDateTime,
) -> Result<Session> {
    let mut session = sign_in(path, login, password, now)?;
    session.acknowledge_only = true;
    Ok(session)
}

/// A vault opened with the recovery key, waiting for `person` to choose a new password.
#[derive(Debug)]
pub struct PasswordReset {
    vault: Vault,
    person: Person,
}

/// Opens the vault at `path` with the recovery key, for the person with `login`.
pub fn recover(path: &Path, login: &str, recovery_key: &str, now: OffsetDateTime) -> Result<PasswordReset> {
    let typed_login = login.trim().to_owned();
    let login = Login::parse(login).map_err(|_| VaultError::UnknownLogin { login: typed_login.clone() })?;
    let key = RecoveryKey::parse(recovery_key)?;
    let mut vault = Vault::open(path, Unlock::RecoveryKey(&key))?;
    schema::migrate(&mut vault)?;
    let record =
        person::by_login(vault.connection(), &login)?.ok_or(VaultError::UnknownLogin { login: typed_login })?;
    if let PersonStatus::Left(last_day) = record.status(now.date()) {
        return Err(CoreError::AccessEnded { login: record.login, last_day });
    }
    apply_backup_settings(&mut vault)?;
    let person =
        Person { id: record.id, full_name: FullName::parse(&record.full_name).map_err(CoreError::Refused)?, login };
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
        now: OffsetDateTime,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> std::result::Result<Session, Box<ResetRefused>> {
        match self.try_set_password(password, kdf, now, rng) {
            Ok(()) => Ok(Session { vault: self.vault, person: self.person, acknowledge_only: false }),
            Err(error) => Err(Box::new(ResetRefused { reset: self, error })),
        }
    }

    fn try_set_password(
        &mut self,
        password: &SecretString,
        kdf: KdfParams,
        now: OffsetDateTime,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<()> {
        let practice = practice::load(self.vault.connection())?;
        let context = [self.person.full_name.as_str(), self.person.login.as_str(), practice.name.as_str()];
        password::require_strong(password, &context)?;
        let login = self.person.login.as_str();
        let id = self.person.id;
        self.vault.write_with_slots(&[SlotChange::SetPassword { login, password, kdf }], rng, |tx| {
            person::set_must_change_password(tx, id, false)?;
            let entry = NewAuditEntry {
                actor_login: login,
                action: "person.recover",
                record_type: "person",
                record_id: id.to_string(),
                summary: "set a new password with the recovery key".into(),
            };
            audit::append(tx, now, &entry)
        })?;
        Ok(())
    }
}

impl Session {
    /// Who is signed in.
    pub fn person(&self) -> &Person {
        &self.person
    }

    /// The signed-in person's register entry, as saved now.
    pub fn own_record(&self) -> Result<PersonRecord> {
        person::by_id(self.vault.connection(), self.person.id)
    }

    /// The practice.
    pub fn practice(&self) -> Result<Practice> {
        practice::load(self.vault.connection())
    }

    /// The vault file.
    pub fn vault_path(&self) -> &Path {
        self.vault.path()
    }

    /// Takes in whatever another copy of Custodian saved since this one last looked. Fails with
    /// `AccessRevoked` if this person's access was removed meanwhile.
    pub fn refresh(&mut self) -> Result<bool> {
        Ok(self.vault.refresh()?)
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
    pub fn set_idle_lock_minutes(&mut self, minutes: u32, now: OffsetDateTime) -> Result<()> {
        self.require(Permission::ChangeSettings, now)?;
        let minutes = settings::check_idle_lock_minutes(minutes)?;
        let before = self.idle_lock_minutes()?;
        let actor = self.person.login.as_str().to_owned();
        self.vault.write(|tx| {
            settings::set_idle_lock_minutes(tx, minutes)?;
            let entry = NewAuditEntry {
                actor_login: &actor,
                action: "setting.change",
                record_type: "setting",
                record_id: "idle_lock_minutes".into(),
                summary: format!("screen lock after inactivity: {before} → {minutes} minutes"),
            };
            audit::append(tx, now, &entry)
        })
    }

    /// Whether this is a quick sign-in to acknowledge policies only.
    pub fn is_acknowledge_only(&self) -> bool {
        self.acknowledge_only
    }

    /// Refuses in a quick sign-in to acknowledge policies.
    pub(crate) fn require_full_session(&self, action: &'static str) -> Result<()> {
        if self.acknowledge_only {
            return Err(CoreError::Forbidden { action, allowed: QUICK_SIGN_IN_ALLOWED });
        }
        Ok(())
    }

    /// Refuses unless the signed-in person, as saved now, may do `permission`: they must not have
    /// left, must have chosen their own password, must hold a role that grants it, and must have
    /// signed in fully (not the quick sign-in to acknowledge policies).
    pub fn require(&self, permission: Permission, now: OffsetDateTime) -> Result<PersonRecord> {
        self.require_full_session(permission.describe())?;
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        if !crate::role::permits(&me.roles, permission) {
            let allowed = match permission.granted_by() {
                [Role::PracticeManager] => "a practice manager",
                [Role::PracticeManager, Role::IgLead, Role::CaldicottGuardian, Role::Siro, Role::Dpo] => {
                    "practice managers, IG leads, Caldicott Guardians, SIROs and DPOs"
                }
                [Role::PracticeManager, Role::IgLead] => "practice managers and IG leads",
                _ => "practice managers, IG leads, SIROs and DPOs",
            };
            return Err(CoreError::Forbidden { action: permission.describe(), allowed });
        }
        Ok(me)
    }

    /// Refuses a person who has left or who still has a one-time password.
    pub(crate) fn require_active(&self, me: &PersonRecord, now: OffsetDateTime) -> Result<()> {
        if let PersonStatus::Left(last_day) = me.status(now.date()) {
            return Err(CoreError::AccessEnded { login: me.login.clone(), last_day });
        }
        if me.must_change_password {
            return Err(CoreError::PasswordChangeRequired);
        }
        Ok(())
    }

    /// Removes the key slots of everyone whose last day has passed, in one save that rotates the
    /// data key, with an audit entry each. Nothing to do, nothing saved.
    pub(crate) fn remove_departed_access(&mut self, now: OffsetDateTime) -> Result<()> {
        let today = now.date();
        let departed: Vec<PersonRecord> = person::all(self.vault.connection())?
            .into_iter()
            .filter(|p| !p.access_removed && matches!(p.status(today), PersonStatus::Left(_)))
            .collect();
        if departed.is_empty() {
            return Ok(());
        }
        let changes: Vec<SlotChange<'_>> =
            departed.iter().map(|p| SlotChange::RemovePassword { login: p.login.as_str() }).collect();
        let actor = self.person.login.as_str().to_owned();
        self.vault.write_with_slots(&changes, &mut rand_core::OsRng, |tx| {
            for gone in &departed {
                person::mark_access_removed(tx, gone.id)?;
                let last_day = gone.leaving_date.map(person::date_text).unwrap_or_default();
                let entry = NewAuditEntry {
                    actor_login: &actor,
                    action: "person.remove_access",
                    record_type: "person",
                    record_id: gone.id.to_string(),
                    summary: format!("removed {}'s access after their last day, {last_day}", gone.login),
                };
                audit::append(tx, now, &entry)?;
            }
            Ok::<_, CoreError>(())
        })?;
        Ok(())
    }
}

/// Who may do what a quick sign-in refuses.
const QUICK_SIGN_IN_ALLOWED: &str = "people signed in fully (this quick sign-in is for acknowledging policies)";

/// Turns on rotating backups as the practice configured them.
pub(crate) fn apply_backup_settings(vault: &mut Vault) -> Result<()> {
    let chosen = settings::backup_settings(vault.connection())?;
    let mut policy = BackupPolicy::beside(vault.path());
    if let Some(folder) = chosen.folder {
        policy.folder = folder;
    }
    policy.keep = chosen.kept as usize;
    vault.set_backups(policy);
    Ok(())
}

pub(crate) fn first_message(error: CoreError) -> String {
    match error {
        CoreError::Invalid(problems) => problems.into_iter().next().map(|p| p.message).unwrap_or_default(),
        other => other.to_string(),
    }
}
