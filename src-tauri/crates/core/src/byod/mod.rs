//! BYOD new-starter checks: a manager checks a person's own device against a checklist, item by
//! item, with notes and screenshots; the outcome is approved, approved with a risk the SIRO
//! accepts (signing with their password), or refused. Failures and accepted risks notify the SIRO
//! and DPO. A re-check falls due after 12 months, and when the person leaves.

pub(crate) mod checklist;
pub(crate) mod evidence;
pub(crate) mod store;

use crate::notification;
pub use checklist::{Checklist, ChecklistItem};
use custodian_vault::secrecy::SecretString;
use time::{Date, OffsetDateTime};

use crate::attachment::{self, AttachmentInfo};
use crate::audit::{self, NewAuditEntry};
use crate::device::{self, DeviceStatus, Ownership};
use crate::disposal::CertificateFile;
use crate::error::{CoreError, Field, Result};
use crate::person::{self, PersonStatus, parse_date};
use crate::policy::{PersonRef, add_months};
use crate::role::{Permission, Role};
use crate::session::Session;
use crate::validate::Problems;

/// An item's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemResult {
    /// It holds.
    Pass,
    /// It does not.
    Fail,
    /// It does not apply to this device.
    NotApplicable,
}

impl ItemResult {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemResult::Pass => "pass",
            ItemResult::Fail => "fail",
            ItemResult::NotApplicable => "not_applicable",
        }
    }

    /// Parses a stored name.
    pub fn parse(text: &str) -> Option<ItemResult> {
        [ItemResult::Pass, ItemResult::Fail, ItemResult::NotApplicable].into_iter().find(|r| r.as_str() == text.trim())
    }
}

/// A check's outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ByodOutcome {
    /// The device may be used.
    Approved,
    /// It may be used, with a risk the SIRO accepts.
    ApprovedWithRisk,
    /// It may not be used.
    Refused,
}

impl ByodOutcome {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ByodOutcome::Approved => "approved",
            ByodOutcome::ApprovedWithRisk => "approved_with_risk",
            ByodOutcome::Refused => "refused",
        }
    }

    /// Parses a stored name.
    pub fn parse(text: &str) -> Option<ByodOutcome> {
        [ByodOutcome::Approved, ByodOutcome::ApprovedWithRisk, ByodOutcome::Refused]
            .into_iter()
            .find(|o| o.as_str() == text.trim())
    }
}

/// One item's answer as typed.
#[derive(Clone, Copy, Debug)]
pub struct ItemAnswer<'a> {
    /// The checklist item.
    pub item_key: &'a str,
    /// pass, fail or not_applicable.
    pub result: &'a str,
    /// A note (required for a fail).
    pub note: &'a str,
    /// A screenshot or photo as evidence.
    pub evidence: Option<CertificateFile<'a>>,
}

/// A check as typed into the form.
#[derive(Clone, Debug, Default)]
pub struct ByodCheckForm<'a> {
    /// Whose device.
    pub person_id: i64,
    /// The device (registered as personal).
    pub device_id: i64,
    /// Which checklist.
    pub checklist_key: &'a str,
    /// The day (`YYYY-MM-DD`).
    pub checked_on: &'a str,
    /// Every item's answer.
    pub answers: Vec<ItemAnswer<'a>>,
    /// approved, approved_with_risk or refused.
    pub outcome: &'a str,
    /// For approved_with_risk: the risk the SIRO is asked to accept.
    pub risk: &'a str,
}

/// One answered item of a recorded check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedItem {
    /// The item's key.
    pub key: String,
    /// Its text as it was when checked.
    pub text: String,
    /// The answer.
    pub result: ItemResult,
    /// The note.
    pub note: String,
    /// Evidence attached.
    pub evidence: Option<AttachmentInfo>,
}

/// A recorded check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ByodCheck {
    /// Row id.
    pub id: i64,
    /// Whose device.
    pub person: PersonRef,
    /// The device: id and asset tag.
    pub device: (i64, String),
    /// The checklist's key and title.
    pub checklist: (String, String),
    /// The checklist version used.
    pub checklist_version: String,
    /// Who checked.
    pub checked_by: PersonRef,
    /// When.
    pub checked_on: Date,
    /// Each item.
    pub items: Vec<CheckedItem>,
    /// The outcome.
    pub outcome: ByodOutcome,
    /// The risk to accept (approved with risk).
    pub risk: String,
    /// The SIRO who accepted it, once signed.
    pub risk_accepted_by: Option<PersonRef>,
    /// When.
    pub risk_accepted_at: Option<String>,
    /// The statement signed.
    pub risk_statement: Option<String>,
    /// When a re-check falls due — a year on, or the person's last day if sooner — for the newest
    /// check of a person's device; `None` for a refused check or one a later check replaced.
    pub recheck_due: Option<Date>,
    /// The roles told of it, in role order: the SIRO and DPO when an item failed or a risk was
    /// taken (and the DPO again when the SIRO accepts it); none for a clean check.
    pub notified: Vec<Role>,
}

impl Session {
    /// The BYOD checklists as they stand now.
    pub fn byod_checklists(&self, now: OffsetDateTime) -> Result<Vec<Checklist>> {
        self.require(Permission::ViewDevices, now)?;
        checklist::all(self.vault.connection())
    }

    /// Adds an item to a checklist; checks already made keep the items they used.
    pub fn add_byod_checklist_item(
        &mut self,
        checklist_key: &str,
        text: &str,
        now: OffsetDateTime,
    ) -> Result<Checklist> {
        let me = self.require(Permission::ManageDevices, now)?;
        self.refresh()?;
        let text = crate::validate::single_spaced(text);
        if text.is_empty() || text.chars().count() > 300 {
            return Err(CoreError::invalid(
                Field::ChecklistItem,
                "Write the item as a sentence of up to 300 characters",
            ));
        }
        let lists = checklist::all(self.vault.connection())?;
        let list = lists.iter().find(|l| l.key == checklist_key).ok_or(CoreError::NotFound("checklist"))?;
        let key = format!("practice-{}", list.items.len() + 1);
        self.vault.write(|tx| {
            checklist::add_item(tx, checklist_key, &key, &text, me.id, now)?;
            let entry = NewAuditEntry {
                actor_login: &me.login,
                action: "byod.checklist_add",
                record_type: "checklist",
                record_id: checklist_key.to_owned(),
                summary: format!("added to the {} checklist: {text}", list.title.to_lowercase()),
            };
            audit::append(tx, now, &entry)
        })?;
        checklist::all(self.vault.connection())?
            .into_iter()
            .find(|l| l.key == checklist_key)
            .ok_or(CoreError::NotFound("checklist"))
    }

    /// Every check, newest first.
    pub fn byod_checks(&self, now: OffsetDateTime) -> Result<Vec<ByodCheck>> {
        self.require(Permission::ViewDevices, now)?;
        store::all(self.vault.connection())
    }

    /// Records a check. Every item must be answered; a fail needs a note and rules out a plain
    /// approval; an approval with risk names the risk for the SIRO. Failures and risks notify the
    /// SIRO and DPO.
    pub fn record_byod_check(&mut self, form: &ByodCheckForm<'_>, now: OffsetDateTime) -> Result<ByodCheck> {
        let me = self.require(Permission::ManageDevices, now)?;
        self.refresh()?;
        let conn = self.vault.connection();
        let lists = checklist::all(conn)?;
        let list = lists
            .iter()
            .find(|l| l.key == form.checklist_key)
            .ok_or_else(|| CoreError::invalid(Field::Checklist, "Choose a checklist"))?;
        let device = device::store::by_id(conn, form.device_id)?;
        let person = person::by_id(conn, form.person_id)?;
        let mut problems = Problems::default();
        let checked_on = problems.check(Field::CheckedOn, parse_date(form.checked_on, "day of the check"));
        if checked_on.is_some_and(|d| d > now.date()) {
            problems.check::<()>(Field::CheckedOn, Err("A check cannot be recorded before it happens".into()));
        }
        if device.fields.ownership != Ownership::Personal {
            problems.check::<()>(
                Field::Device,
                Err(format!(
                    "{} is practice-owned; register the person's own device as personal",
                    device.fields.asset_tag
                )),
            );
        }
        if !list.is_for(device.fields.kind) {
            problems.check::<()>(
                Field::Device,
                Err(format!(
                    "The {} checklist is not for a {}",
                    list.title.to_lowercase(),
                    device.fields.kind.label().to_lowercase()
                )),
            );
        }
        if device.fields.status == DeviceStatus::Disposed {
            problems.check::<()>(Field::Device, Err(format!("{} has been disposed of", device.fields.asset_tag)));
        }
        if let Some(day) = checked_on
            && matches!(person.status(day), PersonStatus::Left(_))
        {
            problems.check::<()>(Field::Person, Err(format!("{} had left by then", person.full_name)));
        }
        let mut answers = Vec::new();
        for item in &list.items {
            let given: Vec<&ItemAnswer<'_>> = form.answers.iter().filter(|a| a.item_key == item.key).collect();
            let Some(answer) = given.first() else {
                problems.check_item::<()>(
                    Field::Answers,
                    &item.key,
                    Err(format!("Answer every item: \"{}\"", item.text)),
                );
                continue;
            };
            let Some(result) = ItemResult::parse(answer.result) else {
                problems.check_item::<()>(
                    Field::Answers,
                    &item.key,
                    Err(format!("Choose pass, fail or not applicable for \"{}\"", item.text)),
                );
                continue;
            };
            let note = crate::validate::single_spaced(answer.note);
            if result == ItemResult::Fail && note.is_empty() {
                problems.check_item::<()>(
                    Field::ItemNote,
                    &item.key,
                    Err(format!("Say what is wrong for the failed item \"{}\"", item.text)),
                );
            }
            if let Some(file) = answer.evidence {
                problems.check_item(
                    Field::Evidence,
                    &item.key,
                    attachment::media_type(file.name, file.bytes).map_err(crate::session::first_message),
                );
            }
            answers.push((item.clone(), result, note, answer.evidence));
        }
        if let Some(stray) = form.answers.iter().find(|a| !list.items.iter().any(|i| i.key == a.item_key)) {
            problems.check::<()>(Field::Answers, Err(format!("{} is not an item of this checklist", stray.item_key)));
        }
        let outcome = problems.check(
            Field::Outcome,
            ByodOutcome::parse(form.outcome).ok_or_else(|| "Choose the outcome of the check".to_owned()),
        );
        let failures = answers.iter().filter(|a| a.1 == ItemResult::Fail).count();
        let risk = crate::validate::single_spaced(form.risk);
        if outcome == Some(ByodOutcome::Approved) && failures > 0 {
            problems.check::<()>(
                Field::Outcome,
                Err("An item failed, so approve it only with a risk the SIRO accepts, or refuse it".into()),
            );
        }
        if outcome == Some(ByodOutcome::ApprovedWithRisk) && risk.is_empty() {
            problems.check::<()>(Field::Risk, Err("Describe the risk the SIRO is asked to accept".into()));
        }
        problems.finish()?;
        let (Some(checked_on), Some(outcome)) = (checked_on, outcome) else { unreachable!("checked above") };
        let version = list.version.clone();
        let title = list.title.clone();
        let id = self.vault.write(|tx| {
            let id = store::insert(
                tx,
                &store::NewCheck {
                    person_id: person.id,
                    device_id: device.id,
                    checklist_key: &list.key,
                    checklist_version: &version,
                    checked_by_id: me.id,
                    checked_on,
                    outcome,
                    risk: &risk,
                },
                now,
            )?;
            for (position, (item, result, note, evidence)) in answers.iter().enumerate() {
                let sha = match evidence {
                    Some(file) => Some(attachment::store(tx, file.name, file.bytes, me.id, now)?.sha256),
                    None => None,
                };
                store::insert_item(tx, id, position, &item.key, &item.text, *result, note, sha.as_deref())?;
            }
            let summary = format!(
                "checked {}'s {} ({}) against the {} checklist v{version}: {failures} failed; {}",
                person.full_name,
                device.fields.kind.label().to_lowercase(),
                device.fields.asset_tag,
                title.to_lowercase(),
                outcome.as_str().replace('_', " ")
            );
            if failures > 0 || outcome == ByodOutcome::ApprovedWithRisk {
                for role in [Role::Siro, Role::Dpo] {
                    notification::add(tx, role, "byod_check", id, &summary, now)?;
                }
            }
            let entry = NewAuditEntry {
                actor_login: &me.login,
                action: "byod.check",
                record_type: "byod_check",
                record_id: id.to_string(),
                summary,
            };
            audit::append(tx, now, &entry)?;
            Ok::<_, CoreError>(id)
        })?;
        store::by_id(self.vault.connection(), id)
    }

    /// The statement the SIRO would sign to accept a check's risk.
    pub fn byod_risk_statement(&self, check_id: i64, now: OffsetDateTime) -> Result<String> {
        self.require(Permission::ViewDevices, now)?;
        let me = self.own_record()?;
        let check = store::by_id(self.vault.connection(), check_id)?;
        Ok(risk_statement(&me.full_name, &check))
    }

    /// The SIRO accepts the risk of a check approved with risk, signing with their password.
    pub fn accept_byod_risk(
        &mut self,
        check_id: i64,
        password: &SecretString,
        confirmed: bool,
        now: OffsetDateTime,
    ) -> Result<ByodCheck> {
        self.require_full_session("accept a BYOD risk")?;
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        if !me.has(Role::Siro) {
            return Err(CoreError::Forbidden { action: "accept a BYOD risk", allowed: "the SIRO" });
        }
        self.refresh()?;
        let check = store::by_id(self.vault.connection(), check_id)?;
        if check.outcome != ByodOutcome::ApprovedWithRisk {
            return Err(CoreError::Refused("Only a check approved with a risk needs the SIRO's acceptance".into()));
        }
        if check.risk_accepted_by.is_some() {
            return Err(CoreError::Refused("This risk has already been accepted".into()));
        }
        self.confirm_signature(password, confirmed)?;
        let statement = risk_statement(&me.full_name, &check);
        self.vault.write(|tx| {
            store::accept_risk(tx, check_id, me.id, &statement, now)?;
            notification::add(tx, Role::Dpo, "byod_check", check_id, &statement, now)?;
            let entry = NewAuditEntry {
                actor_login: &me.login,
                action: "byod.accept_risk",
                record_type: "byod_check",
                record_id: check_id.to_string(),
                summary: statement.clone(),
            };
            audit::append(tx, now, &entry)
        })?;
        store::by_id(self.vault.connection(), check_id)
    }
}

fn risk_statement(name: &str, check: &ByodCheck) -> String {
    format!(
        "I, {name}, as SIRO, accept the risk of {}'s personal {} ({}) being used for practice work: {}",
        check.person.full_name,
        check.checklist.1.to_lowercase().trim_start_matches("personal "),
        check.device.1,
        check.risk
    )
}

/// A year on from the check, or the person's last day if sooner.
pub(crate) fn recheck_due(checked_on: Date, leaving: Option<Date>) -> Date {
    let year_on = add_months(checked_on, 12);
    leaving.map_or(year_on, |last| last.min(year_on))
}
