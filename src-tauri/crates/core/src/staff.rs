//! The staff register: adding people, changing their details and roles, leavers, and password
//! resets by a practice manager.

use custodian_vault::secrecy::SecretString;
use custodian_vault::{KdfParams, SlotChange};
use data_encoding::BASE32_NOPAD;
use rand_core::{CryptoRng, RngCore};
use time::OffsetDateTime;
use zeroize::Zeroizing;

use crate::audit::{self, NewAuditEntry};
use crate::error::{CoreError, Field, Result};
use crate::person::{self, FullName, Login, PersonFields, PersonRecord, PersonStatus};
use crate::role::{Permission, Role};
use crate::session::Session;
use crate::validate::Problems;

/// A person's details as typed into the register form. Dates are `YYYY-MM-DD`; an empty leaving
/// date means none; an empty email means none.
#[derive(Clone, Debug, Default)]
pub struct PersonForm<'a> {
    /// Full name.
    pub full_name: &'a str,
    /// Login (only used when adding; a login never changes).
    pub login: &'a str,
    /// Job title.
    pub job_title: &'a str,
    /// Email address.
    pub email: &'a str,
    /// Roles; everyone should hold Staff.
    pub roles: &'a [Role],
    /// First day.
    pub start_date: &'a str,
    /// Last day, if leaving.
    pub leaving_date: &'a str,
}

/// A password made for someone by a practice manager, to be handed over privately and replaced
/// at first sign-in. Zeroized on drop.
pub struct OneTimePassword(SecretString);

impl OneTimePassword {
    fn generate(rng: &mut (impl RngCore + CryptoRng)) -> OneTimePassword {
        let mut bytes = Zeroizing::new([0u8; 10]);
        rng.fill_bytes(bytes.as_mut());
        let encoded = Zeroizing::new(BASE32_NOPAD.encode(bytes.as_ref()));
        let grouped: Vec<&str> =
            encoded.as_bytes().chunks(4).map(|g| std::str::from_utf8(g).unwrap_or_default()).collect();
        OneTimePassword(SecretString::from(grouped.join("-")))
    }

    /// The password, to show once.
    pub fn secret(&self) -> &SecretString {
        &self.0
    }
}

impl std::fmt::Debug for OneTimePassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OneTimePassword(<redacted>)")
    }
}

fn check_fields(form: &PersonForm<'_>, problems: &mut Problems) -> Option<PersonFields> {
    let full_name = problems.check(Field::FullName, FullName::parse(form.full_name));
    let job_title = problems.check(Field::JobTitle, person::parse_job_title(form.job_title));
    let email = problems.check(Field::Email, person::parse_email(form.email));
    let roles = problems.check(Field::Roles, person::parse_roles(form.roles));
    let start_date = problems.check(Field::StartDate, person::parse_date(form.start_date, "first day"));
    let leaving_date = if form.leaving_date.trim().is_empty() {
        Some(None)
    } else {
        problems.check(Field::LeavingDate, person::parse_date(form.leaving_date, "last day")).map(Some)
    };
    if let (Some(start), Some(Some(last))) = (start_date, leaving_date)
        && last < start
    {
        problems.check::<()>(Field::LeavingDate, Err("The last day cannot be before the first day".into()));
        return None;
    }
    Some(PersonFields {
        full_name: full_name?,
        job_title: job_title?,
        email: email?,
        roles: roles?,
        start_date: start_date?,
        leaving_date: leaving_date?,
    })
}

fn roles_text(roles: &[Role]) -> String {
    roles.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ")
}

impl Session {
    /// The staff register for those who may see it; otherwise just the person's own entry.
    pub fn people(&self, now: OffsetDateTime) -> Result<Vec<PersonRecord>> {
        match self.require(Permission::ViewPeople, now) {
            Ok(_) => person::all(self.vault.connection()),
            Err(CoreError::Forbidden { .. }) => Ok(vec![self.own_record()?]),
            Err(other) => Err(other),
        }
    }

    /// One entry of the register (anyone may see their own).
    pub fn person_record(&self, id: i64, now: OffsetDateTime) -> Result<PersonRecord> {
        if id != self.person.id {
            self.require(Permission::ViewPeople, now)?;
        }
        person::by_id(self.vault.connection(), id)
    }

    /// Adds a person with a key slot opened by a one-time password, which they must replace at
    /// first sign-in. Practice managers only.
    pub fn add_person(
        &mut self,
        form: &PersonForm<'_>,
        kdf: KdfParams,
        now: OffsetDateTime,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<(PersonRecord, OneTimePassword)> {
        self.require(Permission::ManagePeople, now)?;
        self.refresh()?;
        let mut problems = Problems::default();
        let fields = check_fields(form, &mut problems);
        let login = problems.check(Field::Login, Login::parse(form.login));
        if let Some(login) = &login
            && person::login_taken(self.vault.connection(), login)?
        {
            problems.check::<()>(
                Field::Login,
                Err(format!("The login {} is already used (logins are never reused)", login.as_str())),
            );
        }
        problems.finish()?;
        let (Some(fields), Some(login)) = (fields, login) else { unreachable!("checked above") };

        let one_time = OneTimePassword::generate(rng);
        let actor = self.person.login.as_str().to_owned();
        let slot = [SlotChange::SetPassword { login: login.as_str(), password: one_time.secret(), kdf }];
        let (id, _) = self.vault.write_with_slots(&slot, rng, |tx| {
            let id = person::insert(tx, &login, &fields, true, now)?;
            let entry = NewAuditEntry {
                actor_login: &actor,
                action: "person.add",
                record_type: "person",
                record_id: id.to_string(),
                summary: format!(
                    "added {} ({}) as {}",
                    fields.full_name.as_str(),
                    login.as_str(),
                    roles_text(&fields.roles)
                ),
            };
            audit::append(tx, now, &entry)?;
            Ok::<_, CoreError>(id)
        })?;
        Ok((person::by_id(self.vault.connection(), id)?, one_time))
    }

    /// Changes a person's details, roles or dates. Practice managers only; nobody changes their
    /// own roles; the last practice manager stays. A last day already past removes their access
    /// at once (rotating the data key).
    pub fn update_person(
        &mut self,
        id: i64,
        form: &PersonForm<'_>,
        now: OffsetDateTime,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<PersonRecord> {
        self.require(Permission::ManagePeople, now)?;
        self.refresh()?;
        let before = person::by_id(self.vault.connection(), id)?;
        let mut problems = Problems::default();
        let fields = check_fields(form, &mut problems);
        problems.finish()?;
        let Some(fields) = fields else { unreachable!("checked above") };

        let is_self = id == self.person.id;
        if is_self && fields.roles != before.roles {
            return Err(CoreError::invalid(Field::Roles, "Another practice manager must change your own roles"));
        }
        let today = now.date();
        let gone_by_today = fields.leaving_date.is_some_and(|last| last < today);
        if is_self && gone_by_today {
            return Err(CoreError::invalid(Field::LeavingDate, "Another practice manager must record your leaving"));
        }
        let stays_manager = fields.roles.contains(&Role::PracticeManager) && fields.leaving_date.is_none();
        if before.has(Role::PracticeManager) && !stays_manager {
            let others = person::all(self.vault.connection())?
                .into_iter()
                .filter(|p| p.id != id && p.has(Role::PracticeManager) && p.leaving_date.is_none())
                .count();
            if others == 0 {
                return Err(CoreError::Refused(format!(
                    "{} is the only practice manager; make someone else practice manager first",
                    before.full_name
                )));
            }
        }

        let summary = change_summary(&before, &fields);
        let remove_access = gone_by_today && !before.access_removed;
        let slot_changes: Vec<SlotChange<'_>> =
            if remove_access { vec![SlotChange::RemovePassword { login: before.login.as_str() }] } else { vec![] };
        let actor = self.person.login.as_str().to_owned();
        let apply = |tx: &custodian_vault::rusqlite::Transaction<'_>| {
            person::update(tx, id, &fields)?;
            let entry = NewAuditEntry {
                actor_login: &actor,
                action: if fields.leaving_date.is_some() && before.leaving_date.is_none() {
                    "person.leave"
                } else {
                    "person.update"
                },
                record_type: "person",
                record_id: id.to_string(),
                summary: format!("{}: {summary}", before.login),
            };
            audit::append(tx, now, &entry)?;
            if remove_access {
                person::mark_access_removed(tx, id)?;
                let entry = NewAuditEntry {
                    actor_login: &actor,
                    action: "person.remove_access",
                    record_type: "person",
                    record_id: id.to_string(),
                    summary: format!("removed {}'s access after their last day", before.login),
                };
                audit::append(tx, now, &entry)?;
            }
            Ok::<_, CoreError>(())
        };
        if slot_changes.is_empty() {
            self.vault.write(apply)?;
        } else {
            self.vault.write_with_slots(&slot_changes, rng, apply)?;
        }
        person::by_id(self.vault.connection(), id)
    }

    /// Gives a person a new one-time password (they forgot theirs). Their old password stops
    /// working at once. Practice managers only, and not for themselves.
    pub fn reset_password(
        &mut self,
        id: i64,
        kdf: KdfParams,
        now: OffsetDateTime,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<OneTimePassword> {
        self.require(Permission::ManagePeople, now)?;
        self.refresh()?;
        if id == self.person.id {
            return Err(CoreError::Refused("To change your own password, use Change password".into()));
        }
        let target = person::by_id(self.vault.connection(), id)?;
        if matches!(target.status(now.date()), PersonStatus::Left(_)) {
            return Err(CoreError::Refused(format!("{} has left; their access cannot be restored", target.full_name)));
        }
        let one_time = OneTimePassword::generate(rng);
        let actor = self.person.login.as_str().to_owned();
        let slot = [SlotChange::SetPassword { login: target.login.as_str(), password: one_time.secret(), kdf }];
        self.vault.write_with_slots(&slot, rng, |tx| {
            person::set_must_change_password(tx, id, true)?;
            let entry = NewAuditEntry {
                actor_login: &actor,
                action: "person.reset_password",
                record_type: "person",
                record_id: id.to_string(),
                summary: format!("gave {} a one-time password", target.login),
            };
            audit::append(tx, now, &entry)
        })?;
        Ok(one_time)
    }
}

/// "job title: Nurse → Senior nurse; roles: Staff → Staff, IG lead" — only what changed.
fn change_summary(before: &PersonRecord, after: &PersonFields) -> String {
    let mut changes = Vec::new();
    let mut note = |what: &str, old: String, new: String| {
        if old != new {
            changes.push(format!(
                "{what}: {} → {}",
                if old.is_empty() { "none".into() } else { old },
                if new.is_empty() { "none".into() } else { new }
            ));
        }
    };
    note("name", before.full_name.clone(), after.full_name.as_str().to_owned());
    note("job title", before.job_title.clone(), after.job_title.clone());
    note("email", before.email.clone().unwrap_or_default(), after.email.clone().unwrap_or_default());
    note("roles", roles_text(&before.roles), roles_text(&after.roles));
    note("first day", person::date_text(before.start_date), person::date_text(after.start_date));
    note(
        "last day",
        before.leaving_date.map(person::date_text).unwrap_or_default(),
        after.leaving_date.map(person::date_text).unwrap_or_default(),
    );
    if changes.is_empty() { "no change".into() } else { changes.join("; ") }
}
