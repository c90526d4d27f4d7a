//! What the IG lead records after an incident is reported: its assessment (data, people and
//! records affected, consequences, lessons, policies involved), the reports made within the
//! 72-hour clock or why none was, and the devices involved. A lost or stolen device incident
//! marks its devices lost or stolen, whichever way round the link is made.

use custodian_vault::rusqlite::Connection;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{IncidentRecord, IncidentReport, store};
use crate::audit::{self, NewAuditEntry};
use crate::device::{self, DeviceRecord, DeviceStatus};
use crate::error::{CoreError, Field, Result};
use crate::role::Permission;
use crate::session::Session;
use crate::validate::{Problems, single_spaced};

/// The assessment as typed into the form.
#[derive(Clone, Debug, Default)]
pub struct IncidentAssessment<'a> {
    /// Kinds of personal data involved.
    pub data_categories: &'a str,
    /// About how many people are affected, if known.
    pub people_affected: Option<u32>,
    /// About how many records are affected, if known.
    pub records_affected: Option<u32>,
    /// The likely consequences.
    pub consequences: &'a str,
    /// Lessons learned.
    pub lessons: &'a str,
    /// Policies involved (the register's ids); replaces the links held.
    pub policy_ids: &'a [i64],
}

/// The reports as typed into the form. Times are RFC 3339 with their offset; empty when not made.
#[derive(Clone, Debug, Default)]
pub struct ReportForm<'a> {
    /// Why a reportable-looking incident was not reported.
    pub not_reported_reason: &'a str,
    /// The DSPT incident reporting tool's reference.
    pub dspt_reference: &'a str,
    /// When it was reported through the DSPT tool.
    pub dspt_reported_at: &'a str,
    /// The ICO's case reference.
    pub ico_reference: &'a str,
    /// When the ICO was told.
    pub ico_reported_at: &'a str,
    /// The DPO was consulted.
    pub dpo_consulted: bool,
    /// The people affected were told.
    pub individuals_told: bool,
    /// How and when they were told, or why not.
    pub individuals_note: &'a str,
}

impl IncidentRecord {
    /// Whether its record may still change: it is open and its closure review has not begun.
    pub fn is_changeable(&self) -> bool {
        self.status == "open" && self.sign_offs.is_empty()
    }
}

/// Refuses changes to an incident that is no longer open or whose closure review has begun.
pub(crate) fn require_changeable(incident: &IncidentRecord) -> Result<()> {
    if incident.status != "open" {
        return Err(CoreError::Refused(format!("{} is {}: reopen it first", incident.reference, incident.status)));
    }
    if !incident.sign_offs.is_empty() {
        return Err(CoreError::Refused(format!(
            "{}'s closure review has been signed, so its record can no longer change",
            incident.reference
        )));
    }
    Ok(())
}

/// Marks a device lost or stolen for an incident, if it is still in use or in store.
pub(crate) fn mark_device_missing(
    conn: &Connection,
    actor_login: &str,
    d: &DeviceRecord,
    stolen: bool,
    reference: &str,
    now: OffsetDateTime,
) -> Result<()> {
    if !matches!(d.fields.status, DeviceStatus::InUse | DeviceStatus::InStore) {
        return Ok(());
    }
    let status = if stolen { DeviceStatus::Stolen } else { DeviceStatus::Lost };
    device::store::set_status(conn, d.id, status)?;
    let entry = NewAuditEntry {
        actor_login,
        action: "device.status",
        record_type: "device",
        record_id: d.id.to_string(),
        summary: format!(
            "{}: status {} → {}: incident {reference}",
            d.fields.asset_tag,
            d.fields.status.label().to_lowercase(),
            status.label().to_lowercase()
        ),
    };
    audit::append(conn, now, &entry)
}

fn reported_moment(
    problems: &mut Problems,
    (reference_field, reference): (Field, &str),
    (at_field, at): (Field, &str),
    aware: Option<OffsetDateTime>,
    now: OffsetDateTime,
) -> Option<String> {
    let at = at.trim();
    if at.is_empty() {
        if !reference.is_empty() {
            problems.check::<()>(at_field, Err("Enter when it was reported".into()));
        }
        return None;
    }
    if reference.is_empty() {
        problems.check::<()>(reference_field, Err("Enter the reference you were given".into()));
    }
    let parsed = problems.check(
        at_field,
        OffsetDateTime::parse(at, &Rfc3339)
            .map_err(|_| "Enter a date and time, for example 2026-11-24T14:30:00Z".to_owned()),
    )?;
    if parsed > now {
        problems.check::<()>(at_field, Err("A report cannot be made in the future".into()));
    } else if aware.is_some_and(|aware| parsed < aware) {
        problems.check::<()>(at_field, Err("It cannot be reported before the practice was aware of it".into()));
    }
    Some(crate::time_text(parsed))
}

impl Session {
    /// Records the IG lead's assessment: data, people and records affected, consequences,
    /// lessons learned and the policies involved.
    pub fn assess_incident(
        &mut self,
        id: i64,
        form: &IncidentAssessment<'_>,
        now: OffsetDateTime,
    ) -> Result<IncidentRecord> {
        let me = self.require(Permission::ManageIncidents, now)?;
        self.refresh()?;
        let conn = self.vault.connection();
        let incident = store::by_id(conn, id)?;
        require_changeable(&incident)?;
        for policy in form.policy_ids {
            crate::policy::store::must_exist(conn, *policy)?;
        }
        let data_categories = single_spaced(form.data_categories);
        let assessment = store::Assessment {
            data_categories: &data_categories,
            people_affected: form.people_affected,
            records_affected: form.records_affected,
            consequences: form.consequences.trim(),
            lessons: form.lessons.trim(),
        };
        self.vault.write(|tx| {
            store::set_assessment(tx, id, &assessment)?;
            store::unlink_policies(tx, id)?;
            for policy in form.policy_ids {
                store::link_policy(tx, id, *policy)?;
            }
            let entry = super::audit_entry(
                &me.login,
                "incident.assess",
                id,
                format!("{}: assessment updated", incident.reference),
            );
            audit::append(tx, now, &entry)
        })?;
        store::by_id(self.vault.connection(), id)
    }

    /// Records the reports made (DSPT tool, ICO), or why a reportable-looking incident was not
    /// reported, and whether the DPO was consulted and the people affected told.
    pub fn record_incident_report(
        &mut self,
        id: i64,
        form: &ReportForm<'_>,
        now: OffsetDateTime,
    ) -> Result<IncidentRecord> {
        let me = self.require(Permission::ManageIncidents, now)?;
        self.refresh()?;
        let incident = store::by_id(self.vault.connection(), id)?;
        require_changeable(&incident)?;
        let aware = OffsetDateTime::parse(&incident.aware_at, &Rfc3339).ok();
        let mut problems = Problems::default();
        let dspt_reference = single_spaced(form.dspt_reference);
        let ico_reference = single_spaced(form.ico_reference);
        let dspt_reported_at = reported_moment(
            &mut problems,
            (Field::DsptReference, &dspt_reference),
            (Field::DsptReportedAt, form.dspt_reported_at),
            aware,
            now,
        );
        let ico_reported_at = reported_moment(
            &mut problems,
            (Field::IcoReference, &ico_reference),
            (Field::IcoReportedAt, form.ico_reported_at),
            aware,
            now,
        );
        let not_reported_reason = form.not_reported_reason.trim();
        if !not_reported_reason.is_empty() && !dspt_reference.is_empty() {
            problems.check::<()>(
                Field::NotReportedReason,
                Err("It was reported: leave the reason for not reporting empty".into()),
            );
        }
        problems.finish()?;
        let report = IncidentReport {
            not_reported_reason: not_reported_reason.to_owned(),
            dspt_reference,
            dspt_reported_at,
            ico_reference,
            ico_reported_at,
            dpo_consulted: form.dpo_consulted,
            individuals_told: form.individuals_told,
            individuals_note: form.individuals_note.trim().to_owned(),
        };
        let summary = match (&report.dspt_reference, report.not_reported_reason.is_empty()) {
            (r, _) if !r.is_empty() => format!("{}: reported through the DSPT tool, reference {r}", incident.reference),
            (_, false) => format!("{}: not reported: {}", incident.reference, report.not_reported_reason),
            _ => format!("{}: reporting details updated", incident.reference),
        };
        self.vault.write(|tx| {
            store::set_report(tx, id, &report)?;
            let entry = super::audit_entry(&me.login, "incident.report", id, summary);
            audit::append(tx, now, &entry)
        })?;
        store::by_id(self.vault.connection(), id)
    }

    /// Links a device to an incident. For a lost or stolen device incident the device is marked
    /// lost (or stolen) if it is still in use or in store — the way round from the device register.
    pub fn link_incident_device(
        &mut self,
        id: i64,
        device_id: i64,
        stolen: bool,
        now: OffsetDateTime,
    ) -> Result<IncidentRecord> {
        let me = self.require(Permission::ManageIncidents, now)?;
        self.refresh()?;
        let conn = self.vault.connection();
        let incident = store::by_id(conn, id)?;
        require_changeable(&incident)?;
        let d = device::store::by_id(conn, device_id)?;
        if incident.devices.iter().any(|(linked, _)| *linked == device_id) {
            return Err(CoreError::Refused(format!(
                "{} is already linked to {}",
                d.fields.asset_tag, incident.reference
            )));
        }
        self.vault.write(|tx| {
            store::link_device(tx, id, device_id)?;
            if incident.category == "lost_or_stolen_device" {
                mark_device_missing(tx, &me.login, &d, stolen, &incident.reference, now)?;
            }
            let entry = super::audit_entry(
                &me.login,
                "incident.device",
                id,
                format!("{}: device {} linked", incident.reference, d.fields.asset_tag),
            );
            audit::append(tx, now, &entry)
        })?;
        store::by_id(self.vault.connection(), id)
    }

    /// The incidents a device is linked to, newest first.
    pub fn incidents_for_device(&self, device_id: i64, now: OffsetDateTime) -> Result<Vec<IncidentRecord>> {
        self.require(Permission::ViewDevices, now)?;
        let all = store::all(self.vault.connection())?;
        Ok(all.into_iter().filter(|i| i.devices.iter().any(|(d, _)| *d == device_id)).collect())
    }
}
