//! Incidents: data security and protection incidents and near misses. Anyone may record one;
//! the IG lead grades it (`grading`), records the reports made within the 72-hour clock, and
//! keeps a dated log of containment and actions, with the assessment and the reports made
//! (`follow_up`); closure is a signed review by role (`closure`). A lost or stolen device
//! incident marks its devices lost or stolen. `evidence` is its section of an evidence pack.

pub mod closure;
pub(crate) mod evidence;
pub mod follow_up;
pub mod grading;
pub(crate) mod store;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::audit::{self, NewAuditEntry};
use crate::device;
use crate::error::{CoreError, Field, Result};
use crate::policy::PersonRef;
use crate::role::{Permission, Role};
use crate::session::Session;
use crate::validate::Problems;

/// Incident categories, from the reference policies.
pub const CATEGORIES: [(&str, &str); 7] = [
    ("lost_or_stolen_device", "Lost or stolen device"),
    ("disclosure", "Disclosure of confidential information (including misdirected email or post)"),
    ("unauthorised_access", "Unauthorised access"),
    ("malware_or_phishing", "Malware or phishing"),
    ("loss_of_availability", "Loss of availability"),
    ("degraded_integrity", "Degraded integrity"),
    ("other", "Other"),
];

/// Whether an incident concerns information governance, cyber security, or both.
pub const KINDS: [(&str, &str); 3] =
    [("ig", "Information governance"), ("cyber", "Cyber security"), ("both", "Both information governance and cyber")];

/// What a breach affected.
pub const BREACH_TYPES: [(&str, &str); 3] =
    [("confidentiality", "Confidentiality"), ("integrity", "Integrity"), ("availability", "Availability")];

/// An incident's statuses.
pub const STATUSES: [(&str, &str); 4] =
    [("open", "Open"), ("closed", "Closed"), ("withdrawn", "Withdrawn"), ("duplicate", "Duplicate")];

/// The label of `key` in one of the lists above, or the key itself.
pub fn label_of<'a>(list: &[(&'a str, &'a str)], key: &'a str) -> &'a str {
    list.iter().find(|(k, _)| *k == key).map_or(key, |(_, label)| label)
}

/// An incident as typed into the form. Times are RFC 3339 with their offset.
#[derive(Clone, Debug, Default)]
pub struct IncidentForm<'a> {
    /// `ig`, `cyber` or `both`.
    pub kind: &'a str,
    /// One of [`CATEGORIES`].
    pub category: &'a str,
    /// Any of `confidentiality`, `integrity`, `availability`.
    pub breach_types: &'a [&'a str],
    /// When it happened.
    pub occurred_at: &'a str,
    /// When the practice became aware of it (starts the 72-hour clock).
    pub aware_at: &'a str,
    /// Why awareness is recorded before the incident (e.g. a threat received first).
    pub aware_first_reason: &'a str,
    /// What happened.
    pub description: &'a str,
    /// Special-category (health) data involved.
    pub special_category: bool,
    /// Vulnerable people involved.
    pub vulnerable_people: bool,
    /// Devices involved (the register's ids).
    pub device_ids: &'a [i64],
    /// For a lost or stolen device: it was stolen (the devices are marked stolen, not lost).
    pub stolen: bool,
    /// Policies involved (the register's ids).
    pub policy_ids: &'a [i64],
    /// Kinds of personal data involved, in words ("names, NHS numbers, test results").
    pub data_categories: &'a str,
    /// About how many people are affected, if known.
    pub people_affected: Option<u32>,
    /// About how many records are affected, if known.
    pub records_affected: Option<u32>,
    /// The likely consequences.
    pub consequences: &'a str,
}

/// A recorded incident.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncidentRecord {
    /// Row id.
    pub id: i64,
    /// `INC-2026-007`.
    pub reference: String,
    /// `ig`, `cyber` or `both`.
    pub kind: String,
    /// Category key.
    pub category: String,
    /// Breach types.
    pub breach_types: Vec<String>,
    /// When it happened (RFC 3339).
    pub occurred_at: String,
    /// When the practice became aware (RFC 3339).
    pub aware_at: String,
    /// What happened.
    pub description: String,
    /// Special-category data involved.
    pub special_category: bool,
    /// Vulnerable people involved.
    pub vulnerable_people: bool,
    /// Who reported it.
    pub reported_by: PersonRef,
    /// Likelihood × severity, once graded.
    pub grade: Option<(u8, u8)>,
    /// Devices involved: id and asset tag.
    pub devices: Vec<(i64, String)>,
    /// `open`, `closed`, `withdrawn` or `duplicate`.
    pub status: String,
    /// The dated log of containment and actions, oldest first: when, who, what.
    pub actions: Vec<(String, String, String)>,
    /// Why awareness is recorded before the incident, if it is.
    pub aware_first_reason: String,
    /// Kinds of personal data involved.
    pub data_categories: String,
    /// About how many people are affected.
    pub people_affected: Option<u32>,
    /// About how many records are affected.
    pub records_affected: Option<u32>,
    /// The likely consequences.
    pub consequences: String,
    /// Lessons learned.
    pub lessons: String,
    /// Policies involved: id and title.
    pub policies: Vec<(i64, String)>,
    /// The reports made, or why none was.
    pub report: IncidentReport,
    /// Status changes with their reasons, oldest first.
    pub status_changes: Vec<StatusChange>,
    /// The closure review's signatures, in the order given.
    pub sign_offs: Vec<IncidentSignOff>,
    /// When it was recorded (RFC 3339).
    pub recorded_at: String,
}

/// The reports made about an incident, or why a reportable-looking one was not reported.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IncidentReport {
    /// Why a reportable-looking incident was not reported.
    pub not_reported_reason: String,
    /// The DSPT incident reporting tool's reference.
    pub dspt_reference: String,
    /// When it was reported through the DSPT tool (RFC 3339).
    pub dspt_reported_at: Option<String>,
    /// The ICO's case reference.
    pub ico_reference: String,
    /// When the ICO was told, if separately (RFC 3339).
    pub ico_reported_at: Option<String>,
    /// The DPO was consulted.
    pub dpo_consulted: bool,
    /// The people affected were told.
    pub individuals_told: bool,
    /// How and when they were told, or why not.
    pub individuals_note: String,
}

/// One status change and its reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusChange {
    /// When (RFC 3339).
    pub at: String,
    /// Who.
    pub by: PersonRef,
    /// The status before.
    pub from: String,
    /// The status after.
    pub to: String,
    /// Why.
    pub reason: String,
}

/// One signature of an incident's closure review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncidentSignOff {
    /// The role signed for.
    pub role: Role,
    /// Who signed.
    pub by: PersonRef,
    /// When (RFC 3339).
    pub at: String,
    /// The statement signed.
    pub statement: String,
}

impl IncidentRecord {
    /// Whether the grade makes it reportable, and the reporting deadline if so.
    pub fn reporting(&self) -> Option<(grading::GradeOutcome, OffsetDateTime)> {
        let (likelihood, severity) = self.grade?;
        let rules = grading::rules();
        let outcome = rules.outcome(likelihood, severity);
        let aware = OffsetDateTime::parse(&self.aware_at, &Rfc3339).ok()?;
        outcome.reportable.then(|| (outcome, rules.deadline(aware)))
    }

    /// Patient confidentiality was breached: a confidentiality breach involving health data.
    /// The Caldicott Guardian then signs the closure too.
    pub fn patient_confidentiality_breached(&self) -> bool {
        self.special_category && self.breach_types.iter().any(|b| b == "confidentiality")
    }

    /// Whether the 72-hour clock is running at `now`: reportable, still open and not yet reported
    /// through the DSPT tool nor explained. Gives the deadline.
    pub fn running_clock(&self) -> Option<OffsetDateTime> {
        let (_, deadline) = self.reporting()?;
        let settled = !self.report.dspt_reference.is_empty() || !self.report.not_reported_reason.is_empty();
        (self.status == "open" && !settled).then_some(deadline)
    }

    /// Reported through the DSPT tool after the deadline.
    pub fn reported_late(&self) -> bool {
        let Some((_, deadline)) = self.reporting() else { return false };
        let reported = self.report.dspt_reported_at.as_deref().and_then(|t| OffsetDateTime::parse(t, &Rfc3339).ok());
        reported.is_some_and(|at| at > deadline)
    }

    /// Whether the practice became aware of it on a day (UTC) within `from..=to`: the period an
    /// incident counts in, for packs and the DSPT evidence map.
    pub fn aware_within(&self, from: time::Date, to: time::Date) -> bool {
        OffsetDateTime::parse(&self.aware_at, &Rfc3339)
            .is_ok_and(|aware| (from..=to).contains(&aware.to_offset(time::UtcOffset::UTC).date()))
    }

    /// The category's name for people.
    pub fn category_label(&self) -> &'static str {
        CATEGORIES.iter().find(|(key, _)| *key == self.category).map_or("Other", |(_, label)| label)
    }
}

/// An audit entry about incident `id`.
pub(crate) fn audit_entry<'a>(actor: &'a str, action: &'static str, id: i64, summary: String) -> NewAuditEntry<'a> {
    NewAuditEntry { actor_login: actor, action, record_type: "incident", record_id: id.to_string(), summary }
}

fn moment(problems: &mut Problems, field: Field, typed: &str, what: &str) -> Option<OffsetDateTime> {
    problems.check(
        field,
        OffsetDateTime::parse(typed.trim(), &Rfc3339)
            .map_err(|_| format!("Enter {what} as a date and time, for example 2026-11-24T14:30:00Z")),
    )
}

impl Session {
    /// Every incident, newest first, for those who manage, advise on or sign them off (the
    /// practice manager, IG lead, SIRO, Caldicott Guardian and DPO); others see those they reported.
    pub fn incidents(&self, now: OffsetDateTime) -> Result<Vec<IncidentRecord>> {
        let all = store::all(self.vault.connection())?;
        match self.require(Permission::ViewIncidents, now) {
            Ok(_) => Ok(all),
            Err(CoreError::Forbidden { .. }) => {
                let me = self.own_record()?;
                Ok(all.into_iter().filter(|i| i.reported_by.id == me.id).collect())
            }
            Err(other) => Err(other),
        }
    }

    /// Records an incident or near miss. Anyone may. Awareness before the incident is refused
    /// unless explained. A lost or stolen device incident marks its devices lost.
    pub fn record_incident(&mut self, form: &IncidentForm<'_>, now: OffsetDateTime) -> Result<IncidentRecord> {
        self.require_full_session("record an incident")?;
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        self.refresh()?;
        let mut problems = Problems::default();
        if !KINDS.iter().any(|(key, _)| *key == form.kind) {
            problems.check::<()>(
                Field::IncidentKind,
                Err("Say whether it is an IG incident, a cyber incident, or both".into()),
            );
        }
        if !CATEGORIES.iter().any(|(key, _)| *key == form.category) {
            problems.check::<()>(Field::IncidentCategory, Err("Choose what kind of incident it is".into()));
        }
        if form.breach_types.iter().any(|b| !BREACH_TYPES.iter().any(|(key, _)| key == b)) {
            problems.check::<()>(Field::BreachTypes, Err("Choose confidentiality, integrity or availability".into()));
        }
        let occurred = moment(&mut problems, Field::OccurredAt, form.occurred_at, "when it happened");
        let aware = moment(&mut problems, Field::AwareAt, form.aware_at, "when the practice became aware");
        if let (Some(occurred), Some(aware)) = (occurred, aware) {
            if aware < occurred && form.aware_first_reason.trim().is_empty() {
                problems.check::<()>(
                    Field::AwareAt,
                    Err("The practice became aware before it happened: correct the times, or explain why".into()),
                );
            }
            if occurred > now || aware > now {
                problems.check::<()>(Field::OccurredAt, Err("An incident cannot be recorded before it happens".into()));
            }
        }
        let description = form.description.trim();
        if description.is_empty() {
            problems.check::<()>(Field::Description, Err("Describe what happened".into()));
        }
        if form.stolen && form.category != "lost_or_stolen_device" {
            problems.check::<()>(Field::IncidentCategory, Err("Only a lost or stolen device can be stolen".into()));
        }
        problems.finish()?;
        let (Some(occurred), Some(aware)) = (occurred, aware) else { unreachable!("checked above") };
        let conn = self.vault.connection();
        let devices = form.device_ids.iter().map(|id| device::store::by_id(conn, *id)).collect::<Result<Vec<_>>>()?;
        for policy in form.policy_ids {
            crate::policy::store::must_exist(conn, *policy)?;
        }
        let data_categories = crate::validate::single_spaced(form.data_categories);
        let consequences = form.consequences.trim();
        let year = occurred.year();
        let reference = format!("INC-{year}-{:03}", store::count_in_year(conn, year)? + 1);
        let id = self.vault.write(|tx| {
            let id = store::insert(
                tx,
                &store::NewIncident {
                    reference: &reference,
                    kind: form.kind,
                    category: form.category,
                    breach_types: &form.breach_types.join(","),
                    occurred_at: &crate::time_text(occurred),
                    aware_at: &crate::time_text(aware),
                    aware_first_reason: form.aware_first_reason.trim(),
                    description,
                    special_category: form.special_category,
                    vulnerable_people: form.vulnerable_people,
                    data_categories: &data_categories,
                    people_affected: form.people_affected,
                    records_affected: form.records_affected,
                    consequences,
                    reported_by_id: me.id,
                },
                now,
            )?;
            for d in &devices {
                store::link_device(tx, id, d.id)?;
                if form.category == "lost_or_stolen_device" {
                    follow_up::mark_device_missing(tx, &me.login, d, form.stolen, &reference, now)?;
                }
            }
            for policy in form.policy_ids {
                store::link_policy(tx, id, *policy)?;
            }
            let entry = audit_entry(
                &me.login,
                "incident.add",
                id,
                format!("recorded incident {reference}: {}", form.category.replace('_', " ")),
            );
            audit::append(tx, now, &entry)?;
            Ok::<_, CoreError>(id)
        })?;
        store::by_id(self.vault.connection(), id)
    }

    /// Grades an incident: likelihood that harm has occurred and its severity, each 1 to 5.
    pub fn grade_incident(
        &mut self,
        id: i64,
        likelihood: u8,
        severity: u8,
        now: OffsetDateTime,
    ) -> Result<IncidentRecord> {
        let me = self.require(Permission::ManageIncidents, now)?;
        self.refresh()?;
        let rules = grading::rules();
        let mut problems = Problems::default();
        if !rules.in_range(likelihood) {
            problems.check::<()>(Field::Likelihood, Err("Choose a likelihood from 1 to 5".into()));
        }
        if !rules.in_range(severity) {
            problems.check::<()>(Field::Severity, Err("Choose a severity from 1 to 5".into()));
        }
        problems.finish()?;
        let incident = store::by_id(self.vault.connection(), id)?;
        follow_up::require_changeable(&incident)?;
        let outcome = rules.outcome(likelihood, severity);
        let was_reportable = incident.reporting().is_some();
        let graded = IncidentRecord { grade: Some((likelihood, severity)), ..incident.clone() };
        self.vault.write(|tx| {
            store::set_grade(tx, id, likelihood, severity, me.id, now)?;
            if let (Some((_, deadline)), false) = (graded.reporting(), was_reportable) {
                let message = format!(
                    "{} is reportable: report it through the DSPT incident reporting tool by {} UTC",
                    graded.reference,
                    crate::time_text(deadline).replace('T', " ").trim_end_matches('Z')
                );
                let mut roles = vec![Role::Siro, Role::Dpo];
                if graded.patient_confidentiality_breached() {
                    roles.push(Role::CaldicottGuardian);
                }
                for role in roles {
                    crate::notification::add(tx, role, "incident", id, &message, now)?;
                }
            }
            let entry = audit_entry(
                &me.login,
                "incident.grade",
                id,
                format!(
                    "graded {}: likelihood {likelihood}, severity {severity}; {}",
                    incident.reference,
                    match (outcome.reportable, outcome.notify_dhsc) {
                        (true, true) => "reportable to the ICO, and DHSC is told",
                        (true, false) => "reportable to the ICO through the DSPT tool",
                        _ => "not reportable",
                    }
                ),
            );
            audit::append(tx, now, &entry)
        })?;
        store::by_id(self.vault.connection(), id)
    }

    /// Adds a dated entry to an incident's log of containment and actions.
    pub fn add_incident_action(&mut self, id: i64, text: &str, now: OffsetDateTime) -> Result<IncidentRecord> {
        let me = self.require(Permission::ManageIncidents, now)?;
        self.refresh()?;
        let text = crate::validate::single_spaced(text);
        if text.is_empty() {
            return Err(CoreError::invalid(Field::Description, "Say what was done"));
        }
        let incident = store::by_id(self.vault.connection(), id)?;
        follow_up::require_changeable(&incident)?;
        self.vault.write(|tx| {
            store::add_action(tx, id, me.id, &text, now)?;
            let entry = audit_entry(&me.login, "incident.action", id, format!("{}: {text}", incident.reference));
            audit::append(tx, now, &entry)
        })?;
        store::by_id(self.vault.connection(), id)
    }
}
