//! Closing an incident, and its other status changes. Closure is a signed review: the IG lead
//! signs first, once the incident is graded, has at least one action and its lessons, and — when
//! reportable — was reported or the reason it was not is recorded; then the SIRO for a reportable
//! incident and the Caldicott Guardian where patient confidentiality was breached. It is closed
//! when the last of them signs. Withdrawn and duplicate incidents need a reason, as does reopening.

use custodian_vault::secrecy::SecretString;
use time::OffsetDateTime;

use super::{IncidentRecord, follow_up::require_changeable, store};
use crate::audit;
use crate::error::{CoreError, Field, Result};
use crate::notification;
use crate::role::{Permission, Role};
use crate::session::Session;

/// Statuses an incident can be moved to by hand (closing is by signed review).
pub const MANUAL_STATUSES: [&str; 3] = ["open", "withdrawn", "duplicate"];

impl IncidentRecord {
    /// The roles whose signatures close this incident, in signing order.
    pub fn closure_roles(&self) -> Vec<Role> {
        let mut roles = vec![Role::IgLead];
        if self.reporting().is_some() {
            roles.push(Role::Siro);
        }
        if self.patient_confidentiality_breached() {
            roles.push(Role::CaldicottGuardian);
        }
        roles
    }

    /// Roles still to sign the closure review, once the IG lead has begun it.
    pub fn awaiting_sign_off(&self) -> Vec<Role> {
        if self.status != "open" || !self.sign_offs.iter().any(|s| s.role == Role::IgLead) {
            return Vec::new();
        }
        self.closure_roles().into_iter().filter(|r| !self.sign_offs.iter().any(|s| s.role == *r)).collect()
    }

    /// What stops the IG lead from signing the closure review, in words; empty when ready.
    pub fn closure_gaps(&self) -> Vec<&'static str> {
        let mut gaps = Vec::new();
        if self.grade.is_none() {
            gaps.push("grade it");
        }
        if self.actions.is_empty() {
            gaps.push("record at least one containment or action");
        }
        if self.lessons.trim().is_empty() {
            gaps.push("record the lessons learned");
        }
        if self.reporting().is_some()
            && self.report.dspt_reference.is_empty()
            && self.report.not_reported_reason.is_empty()
        {
            gaps.push("record the DSPT report reference, or why it was not reported");
        }
        gaps
    }
}

/// The statement a closure signer signs for `role`.
pub(crate) fn closure_statement(name: &str, role: Role, incident: &IncidentRecord) -> String {
    let grade = incident.grade.map_or_else(String::new, |(l, s)| format!(", graded likelihood {l} × severity {s}"));
    let reporting = match incident.reporting() {
        Some(_) if !incident.report.dspt_reference.is_empty() => {
            format!(", reported through the DSPT tool as {}", incident.report.dspt_reference)
        }
        Some(_) => ", reportable but not reported for the reason recorded".to_owned(),
        None => ", not reportable".to_owned(),
    };
    format!(
        "I, {name}, as {}, have reviewed incident {} ({}{grade}{reporting}), its {} recorded action{} and the \
         lessons learned, and I sign it off as closed.",
        role.label(),
        incident.reference,
        incident.category_label().to_lowercase(),
        incident.actions.len(),
        if incident.actions.len() == 1 { "" } else { "s" }
    )
}

impl Session {
    /// The role the signed-in person would sign an incident's closure for next, and the statement.
    /// Refuses as [`Session::sign_incident_closure`] would, before a password is asked for.
    pub fn incident_closure_statement(&self, id: i64, now: OffsetDateTime) -> Result<(Role, String)> {
        self.require(Permission::ViewDevices, now)?;
        let me = self.own_record()?;
        let incident = store::by_id(self.vault.connection(), id)?;
        let role = next_role_for(&incident, &me)?;
        Ok((role, closure_statement(&me.full_name, role, &incident)))
    }

    /// Signs an incident's closure review with the password and the statement, for the next role
    /// the signer holds. The last required signature closes it.
    pub fn sign_incident_closure(
        &mut self,
        id: i64,
        password: &SecretString,
        confirmed: bool,
        now: OffsetDateTime,
    ) -> Result<IncidentRecord> {
        self.require_full_session("sign an incident's closure")?;
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        self.refresh()?;
        let incident = store::by_id(self.vault.connection(), id)?;
        let role = next_role_for(&incident, &me)?;
        self.confirm_signature(password, confirmed)?;
        let statement = closure_statement(&me.full_name, role, &incident);
        let remaining: Vec<Role> = incident
            .closure_roles()
            .into_iter()
            .filter(|r| *r != role && !incident.sign_offs.iter().any(|s| s.role == *r))
            .collect();
        self.vault.write(|tx| {
            store::add_sign_off(tx, id, role, me.id, &statement, now)?;
            audit::append(tx, now, &super::audit_entry(&me.login, "incident.sign", id, statement.clone()))?;
            if remaining.is_empty() {
                store::change_status(tx, id, "open", "closed", "closure review signed", me.id, now)?;
                audit::append(
                    tx,
                    now,
                    &super::audit_entry(
                        &me.login,
                        "incident.status",
                        id,
                        format!("{}: open → closed: closure review signed", incident.reference),
                    ),
                )?;
            } else if role == Role::IgLead {
                for waiting in &remaining {
                    let message =
                        format!("{} waits for the {}'s closure sign-off", incident.reference, waiting.label());
                    notification::add(tx, *waiting, "incident", id, &message, now)?;
                }
            }
            Ok::<_, CoreError>(())
        })?;
        store::by_id(self.vault.connection(), id)
    }

    /// Withdraws an incident, marks it a duplicate, or reopens a withdrawn or duplicate one.
    /// Every change needs a reason. A closed incident stays closed.
    pub fn change_incident_status(
        &mut self,
        id: i64,
        to: &str,
        reason: &str,
        now: OffsetDateTime,
    ) -> Result<IncidentRecord> {
        let me = self.require(Permission::ManageIncidents, now)?;
        self.refresh()?;
        let incident = store::by_id(self.vault.connection(), id)?;
        if !MANUAL_STATUSES.contains(&to) {
            return Err(CoreError::invalid(Field::IncidentStatus, "Choose open, withdrawn or duplicate"));
        }
        if incident.status == "closed" {
            return Err(CoreError::Refused(format!(
                "{} is closed with a signed review; record a new incident if more has come to light",
                incident.reference
            )));
        }
        if incident.status == to {
            return Err(CoreError::invalid(Field::IncidentStatus, format!("{} is already {to}", incident.reference)));
        }
        if to != "open" {
            require_changeable(&incident)?;
        }
        let reason = crate::validate::single_spaced(reason);
        if reason.is_empty() {
            return Err(CoreError::invalid(Field::Reason, "Say why the status changes"));
        }
        self.vault.write(|tx| {
            store::change_status(tx, id, &incident.status, to, &reason, me.id, now)?;
            let entry = super::audit_entry(
                &me.login,
                "incident.status",
                id,
                format!("{}: {} → {to}: {reason}", incident.reference, incident.status),
            );
            audit::append(tx, now, &entry)
        })?;
        store::by_id(self.vault.connection(), id)
    }
}

/// The next closure role `me` can sign for, or why they cannot sign.
fn next_role_for(incident: &IncidentRecord, me: &crate::person::PersonRecord) -> Result<Role> {
    if incident.status != "open" {
        return Err(CoreError::Refused(format!("{} is {}", incident.reference, incident.status)));
    }
    let ig_signed = incident.sign_offs.iter().any(|s| s.role == Role::IgLead);
    if !ig_signed {
        if !me.has(Role::IgLead) {
            return Err(CoreError::Forbidden { action: "begin an incident's closure review", allowed: "IG leads" });
        }
        let gaps = incident.closure_gaps();
        if !gaps.is_empty() {
            return Err(CoreError::Refused(format!("Before closing {}: {}", incident.reference, gaps.join("; "))));
        }
        return Ok(Role::IgLead);
    }
    incident.awaiting_sign_off().into_iter().find(|r| me.has(*r)).ok_or_else(|| {
        CoreError::Refused(format!(
            "{} waits for {}",
            incident.reference,
            incident.awaiting_sign_off().iter().map(|r| r.label()).collect::<Vec<_>>().join(" and ")
        ))
    })
}
