//! Read-and-understood acknowledgements: staff read the current version of each policy that
//! applies to them, to the end, and confirm; a manager may record one on someone's behalf with
//! a reason. A new version needs a new acknowledgement; old ones are kept for ever.

pub(crate) mod evidence;
mod matrix;
pub(crate) mod store;

pub use matrix::{AcknowledgementMatrix, ChaseItem, MatrixCell, MatrixPerson, MatrixPolicy};
use time::{Date, OffsetDateTime};

use crate::audit::{self, NewAuditEntry};
use crate::error::{CoreError, Field, Result};
use crate::person::{self, PersonRecord, PersonStatus};
use crate::policy::{self, PersonRef, Policy, PolicyVersion, VersionStatus};
use crate::role::Permission;
use crate::session::Session;
use crate::settings;

/// The statement a person confirms when they acknowledge a policy.
pub const ACKNOWLEDGEMENT_STATEMENT: &str = "I have read and understood this policy and will comply with it.";

/// How an acknowledgement was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AcknowledgementMethod {
    /// By the person, signed in as themselves.
    OwnLogin,
    /// Recorded by a manager on the person's behalf, with a reason.
    RecordedOnBehalf,
}

impl AcknowledgementMethod {
    /// The stable name stored in the vault and used on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            AcknowledgementMethod::OwnLogin => "own_login",
            AcknowledgementMethod::RecordedOnBehalf => "on_behalf",
        }
    }
}

/// A recorded acknowledgement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Acknowledgement {
    /// Who acknowledged.
    pub person_id: i64,
    /// The version acknowledged.
    pub version_id: i64,
    /// Its content hash at the time (SHA-256, hex).
    pub content_hash: String,
    /// When they first opened it, if they read it in Custodian.
    pub first_opened_at: Option<String>,
    /// When they acknowledged.
    pub acknowledged_at: String,
    /// Own login or on their behalf.
    pub method: AcknowledgementMethod,
    /// The manager who recorded it on their behalf.
    pub recorded_by: Option<PersonRef>,
    /// Why it was recorded on their behalf.
    pub reason: Option<String>,
}

/// A current policy that applies to the signed-in person, and where they are with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyForMe {
    /// The policy.
    pub policy_id: i64,
    /// Its title.
    pub title: String,
    /// The current version.
    pub version: PolicyVersion,
    /// Due since: publication, or their first day if later.
    pub due_since: Date,
    /// When they first opened it.
    pub first_opened_at: Option<String>,
    /// Whether they have read to the end (the acknowledge control opens then).
    pub reached_end: bool,
    /// Their acknowledgement of this version, if made.
    pub acknowledgement: Option<Acknowledgement>,
}

/// The range a practice may set its compliance bar in, in percent.
pub const COMPLIANCE_BAR_RANGE: std::ops::RangeInclusive<u32> = 50..=100;

impl Session {
    /// Every current policy that applies to the signed-in person: waiting ones first.
    pub fn policies_for_me(&self, now: OffsetDateTime) -> Result<Vec<PolicyForMe>> {
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        let conn = self.vault.connection();
        let acks = store::all(conn)?;
        let mut mine = Vec::new();
        for policy in policy::register::register(conn)? {
            let Some(version) = policy.current.clone() else { continue };
            if !policy.applies_to(&me.roles) {
                continue;
            }
            let read = store::read_state(conn, me.id, version.id)?;
            let published = version.published_on().unwrap_or(me.start_date);
            mine.push(PolicyForMe {
                policy_id: policy.id,
                title: policy.title.clone(),
                due_since: published.max(me.start_date),
                first_opened_at: read.first_opened_at,
                reached_end: read.reached_end_at.is_some(),
                acknowledgement: acks.iter().find(|a| a.person_id == me.id && a.version_id == version.id).cloned(),
                version,
            });
        }
        mine.sort_by(|a, b| {
            (a.acknowledgement.is_some(), a.due_since, &a.title).cmp(&(
                b.acknowledgement.is_some(),
                b.due_since,
                &b.title,
            ))
        });
        Ok(mine)
    }

    /// Notes that the signed-in person opened a version waiting for their acknowledgement (the
    /// "first opened" of their record). Nothing is saved for anyone else or for a second look.
    pub fn open_policy_for_acknowledgement(&mut self, version_id: i64, now: OffsetDateTime) -> Result<()> {
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        self.refresh()?;
        if self.waiting_version(&me, version_id, now.date())?.is_none() {
            return Ok(());
        }
        if store::read_state(self.vault.connection(), me.id, version_id)?.first_opened_at.is_some() {
            return Ok(());
        }
        self.vault.write(|tx| store::record_opened(tx, me.id, version_id, now))
    }

    /// Notes that the signed-in person has reached the end of a version's text.
    pub fn mark_policy_read_to_end(&mut self, version_id: i64, now: OffsetDateTime) -> Result<()> {
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        self.refresh()?;
        self.acknowledgeable(&me, version_id, now.date())?;
        if store::read_state(self.vault.connection(), me.id, version_id)?.reached_end_at.is_some() {
            return Ok(());
        }
        self.vault.write(|tx| store::record_reached_end(tx, me.id, version_id, now))
    }

    /// The signed-in person confirms they have read and understood the current version of a
    /// policy. They must have read it to the end in Custodian and confirmed the statement.
    pub fn acknowledge_policy(
        &mut self,
        version_id: i64,
        statement_confirmed: bool,
        now: OffsetDateTime,
    ) -> Result<Acknowledgement> {
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        self.refresh()?;
        let (policy, version) = self.acknowledgeable(&me, version_id, now.date())?;
        let read = store::read_state(self.vault.connection(), me.id, version_id)?;
        if read.reached_end_at.is_none() {
            return Err(CoreError::Refused(format!("Read \"{}\" to the end before acknowledging it", policy.title)));
        }
        if !statement_confirmed {
            return Err(CoreError::invalid(Field::Statement, "Confirm that you have read and understood the policy"));
        }
        let actor = me.login.clone();
        self.vault.write(|tx| {
            let new = store::NewAcknowledgement {
                person_id: me.id,
                version_id,
                content_hash: &version.content_hash,
                first_opened_at: read.first_opened_at.as_deref(),
                method: AcknowledgementMethod::OwnLogin,
                recorded_by_id: None,
                reason: None,
            };
            store::insert(tx, &new, now)?;
            let summary = format!(
                "acknowledged \"{}\" version {} (SHA-256 {}): {ACKNOWLEDGEMENT_STATEMENT}",
                policy.title, version.number, version.content_hash
            );
            audit::append(tx, now, &ack_entry(&actor, "acknowledgement.add", me.id, summary))
        })?;
        self.acknowledgement_of(me.id, version_id)
    }

    /// A manager records that someone acknowledged the current version (on paper, say), with a
    /// reason. It is shown as recorded on their behalf everywhere.
    pub fn acknowledge_policy_on_behalf(
        &mut self,
        person_id: i64,
        version_id: i64,
        reason: &str,
        now: OffsetDateTime,
    ) -> Result<Acknowledgement> {
        let manager = self.require(Permission::ManagePolicies, now)?;
        self.refresh()?;
        let reason = crate::validate::single_spaced(reason);
        if reason.is_empty() {
            return Err(CoreError::invalid(
                Field::Reason,
                "Say why you are recording it for them (for example, \"signed the paper sheet on 3 March\")",
            ));
        }
        let person = person::by_id(self.vault.connection(), person_id)?;
        if person_id == manager.id {
            return Err(CoreError::Refused("Acknowledge your own policies yourself, under Policies for you".into()));
        }
        let (policy, version) = self.acknowledgeable(&person, version_id, now.date())?;
        let actor = manager.login.clone();
        let first_opened = store::read_state(self.vault.connection(), person_id, version_id)?.first_opened_at;
        self.vault.write(|tx| {
            let new = store::NewAcknowledgement {
                person_id,
                version_id,
                content_hash: &version.content_hash,
                first_opened_at: first_opened.as_deref(),
                method: AcknowledgementMethod::RecordedOnBehalf,
                recorded_by_id: Some(manager.id),
                reason: Some(&reason),
            };
            store::insert(tx, &new, now)?;
            let summary = format!(
                "recorded on behalf of {} ({}) their acknowledgement of \"{}\" version {}: {reason}",
                person.full_name, person.login, policy.title, version.number
            );
            audit::append(tx, now, &ack_entry(&actor, "acknowledgement.on_behalf", person_id, summary))
        })?;
        self.acknowledgement_of(person_id, version_id)
    }

    /// The matrix of people × current policies on `now`'s day.
    pub fn acknowledgement_matrix(&self, now: OffsetDateTime) -> Result<AcknowledgementMatrix> {
        self.require(Permission::ViewCompliance, now)?;
        let conn = self.vault.connection();
        Ok(AcknowledgementMatrix::compute(
            &person::all(conn)?,
            &policy::register::register(conn)?,
            &store::all(conn)?,
            now.date(),
            settings::compliance_bar_percent(conn)?,
        ))
    }

    /// Every acknowledgement of a policy's versions (for its history), oldest first.
    pub fn policy_acknowledgements(&self, policy_id: i64, now: OffsetDateTime) -> Result<Vec<Acknowledgement>> {
        self.require(Permission::ViewCompliance, now)?;
        let conn = self.vault.connection();
        let versions: Vec<i64> = policy::store::versions_of(conn, policy_id)?.into_iter().map(|v| v.id).collect();
        Ok(store::all(conn)?.into_iter().filter(|a| versions.contains(&a.version_id)).collect())
    }

    /// The practice's compliance bar, in percent.
    pub fn compliance_bar_percent(&self) -> Result<u32> {
        settings::compliance_bar_percent(self.vault.connection())
    }

    /// Changes the compliance bar (50 to 100 percent).
    pub fn set_compliance_bar_percent(&mut self, percent: u32, now: OffsetDateTime) -> Result<()> {
        self.require(Permission::ChangeSettings, now)?;
        if !COMPLIANCE_BAR_RANGE.contains(&percent) {
            return Err(CoreError::invalid(
                Field::ComplianceBar,
                format!("Choose a bar between {}% and {}%", COMPLIANCE_BAR_RANGE.start(), COMPLIANCE_BAR_RANGE.end()),
            ));
        }
        let before = self.compliance_bar_percent()?;
        let actor = self.person.login.as_str().to_owned();
        self.vault.write(|tx| {
            settings::set_compliance_bar_percent(tx, percent)?;
            let entry = NewAuditEntry {
                actor_login: &actor,
                action: "setting.change",
                record_type: "setting",
                record_id: "compliance_bar_percent".into(),
                summary: format!("acknowledgement compliance bar: {before}% → {percent}%"),
            };
            audit::append(tx, now, &entry)
        })
    }

    fn acknowledgement_of(&self, person_id: i64, version_id: i64) -> Result<Acknowledgement> {
        store::all(self.vault.connection())?
            .into_iter()
            .find(|a| a.person_id == person_id && a.version_id == version_id)
            .ok_or(CoreError::NotFound("acknowledgement"))
    }

    /// The policy and version if `version_id` is the current version of a policy that applies to
    /// `person` and that they have not yet acknowledged.
    fn waiting_version(
        &self,
        person: &PersonRecord,
        version_id: i64,
        today: Date,
    ) -> Result<Option<(Policy, PolicyVersion)>> {
        Ok(self.acknowledgeable(person, version_id, today).ok())
    }

    /// Checks that `person` can acknowledge `version_id` now, and says why not otherwise.
    fn acknowledgeable(&self, person: &PersonRecord, version_id: i64, today: Date) -> Result<(Policy, PolicyVersion)> {
        let conn = self.vault.connection();
        let version = policy::store::version(conn, version_id)?;
        let policy = policy::register::policy_by_id(conn, version.policy_id)?;
        match version.status {
            VersionStatus::Published => {}
            VersionStatus::Superseded => {
                let pointer = policy
                    .current
                    .as_ref()
                    .map(|c| format!("; read and acknowledge the current version, {}", c.number))
                    .unwrap_or_default();
                return Err(CoreError::Refused(format!(
                    "Version {} of \"{}\" has been replaced{pointer}",
                    version.number, policy.title
                )));
            }
            _ => {
                return Err(CoreError::Refused(format!(
                    "Version {} of \"{}\" is not published yet, so it cannot be acknowledged",
                    version.number, policy.title
                )));
            }
        }
        if !policy.applies_to(&person.roles) {
            return Err(CoreError::Refused(format!("\"{}\" does not apply to {}", policy.title, person.full_name)));
        }
        if let PersonStatus::Left(last_day) = person.status(today) {
            return Err(CoreError::Refused(format!("{} left on {last_day}", person.full_name)));
        }
        if store::all(conn)?.iter().any(|a| a.person_id == person.id && a.version_id == version_id) {
            return Err(CoreError::Refused(format!(
                "{} has already acknowledged version {} of \"{}\"",
                person.full_name, version.number, policy.title
            )));
        }
        Ok((policy, version))
    }
}

fn ack_entry<'a>(actor: &'a str, action: &'static str, person_id: i64, summary: String) -> NewAuditEntry<'a> {
    NewAuditEntry {
        actor_login: actor,
        action,
        record_type: "acknowledgement",
        record_id: person_id.to_string(),
        summary,
    }
}
