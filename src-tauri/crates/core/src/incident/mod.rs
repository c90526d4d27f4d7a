//! Incidents: data security and protection incidents and near misses. Anyone may record one;
//! the IG lead grades it (`grading`), records the reports made within the 72-hour clock, and
//! keeps a dated log of containment and actions. A lost or stolen device incident marks its
//! devices lost. (Closure with its signed review is still to come.)

pub mod grading;
pub(crate) mod store;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::audit::{self, NewAuditEntry};
use crate::device::{self, DeviceStatus};
use crate::error::{CoreError, Field, Result};
use crate::policy::PersonRef;
use crate::role::Permission;
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
}

fn moment(problems: &mut Problems, field: Field, typed: &str, what: &str) -> Option<OffsetDateTime> {
    problems.check(
        field,
        OffsetDateTime::parse(typed.trim(), &Rfc3339)
            .map_err(|_| format!("Enter {what} as a date and time, for example 2026-11-24T14:30:00Z")),
    )
}

impl Session {
    /// Every incident, newest first. Everyone may see the ones they reported; managers all.
    pub fn incidents(&self, now: OffsetDateTime) -> Result<Vec<IncidentRecord>> {
        let all = store::all(self.vault.connection())?;
        match self.require(Permission::ManageIncidents, now) {
            Ok(_) => Ok(all),
            Err(CoreError::Forbidden { .. }) => {
                Ok(all.into_iter().filter(|i| i.reported_by.id == self.person.id).collect())
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
        if !["ig", "cyber", "both"].contains(&form.kind) {
            problems.check::<()>(
                Field::IncidentKind,
                Err("Say whether it is an IG incident, a cyber incident, or both".into()),
            );
        }
        if !CATEGORIES.iter().any(|(key, _)| *key == form.category) {
            problems.check::<()>(Field::IncidentCategory, Err("Choose what kind of incident it is".into()));
        }
        if form.breach_types.iter().any(|b| !["confidentiality", "integrity", "availability"].contains(b)) {
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
        problems.finish()?;
        let (Some(occurred), Some(aware)) = (occurred, aware) else { unreachable!("checked above") };
        let conn = self.vault.connection();
        let devices = form.device_ids.iter().map(|id| device::store::by_id(conn, *id)).collect::<Result<Vec<_>>>()?;
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
                    reported_by_id: me.id,
                },
                now,
            )?;
            for d in &devices {
                store::link_device(tx, id, d.id)?;
                let lost = form.category == "lost_or_stolen_device"
                    && matches!(d.fields.status, DeviceStatus::InUse | DeviceStatus::InStore);
                if lost {
                    device::store::set_status(tx, d.id, DeviceStatus::Lost)?;
                    let entry = NewAuditEntry {
                        actor_login: &me.login,
                        action: "device.status",
                        record_type: "device",
                        record_id: d.id.to_string(),
                        summary: format!(
                            "{}: status {} → lost: incident {reference}",
                            d.fields.asset_tag,
                            d.fields.status.label().to_lowercase()
                        ),
                    };
                    audit::append(tx, now, &entry)?;
                }
            }
            let entry = NewAuditEntry {
                actor_login: &me.login,
                action: "incident.add",
                record_type: "incident",
                record_id: id.to_string(),
                summary: format!("recorded incident {reference}: {}", form.category.replace('_', " ")),
            };
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
        let outcome = rules.outcome(likelihood, severity);
        self.vault.write(|tx| {
            store::set_grade(tx, id, likelihood, severity, me.id, now)?;
            let entry = NewAuditEntry {
                actor_login: &me.login,
                action: "incident.grade",
                record_type: "incident",
                record_id: id.to_string(),
                summary: format!(
                    "graded {}: likelihood {likelihood}, severity {severity}; {}",
                    incident.reference,
                    match (outcome.reportable, outcome.notify_dhsc) {
                        (true, true) => "reportable to the ICO, and DHSC is told",
                        (true, false) => "reportable to the ICO through the DSPT tool",
                        _ => "not reportable",
                    }
                ),
            };
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
        self.vault.write(|tx| {
            store::add_action(tx, id, me.id, &text, now)?;
            let entry = NewAuditEntry {
                actor_login: &me.login,
                action: "incident.action",
                record_type: "incident",
                record_id: id.to_string(),
                summary: format!("{}: {text}", incident.reference),
            };
            audit::append(tx, now, &entry)
        })?;
        store::by_id(self.vault.connection(), id)
    }
}
