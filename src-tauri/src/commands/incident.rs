//! Incident records: anyone records one; the IG lead grades it, keeps its log, records the reports
//! and the assessment; the closure is a signed review.

use custodian_core::secrecy::SecretString;
use custodian_core::{
    CoreError, Field, FieldProblem, INCIDENT_BREACH_TYPES, INCIDENT_CATEGORIES, INCIDENT_KINDS,
    INCIDENT_MANUAL_STATUSES, INCIDENT_STATUSES, IncidentAssessment, IncidentForm, IncidentRecord, IncidentReportForm,
    Permission, Session, incident_grading_rules, incident_label,
};
use tauri::State;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{device_label, with_session};
use crate::dto::{
    ChoiceOption, CommandError, GradeCellView, GradeStepView, GradingView, IdRequest, IncidentActionRequest,
    IncidentActionView, IncidentAssessRequest, IncidentDeviceOption, IncidentDeviceRequest, IncidentGradeRequest,
    IncidentGradeView, IncidentLinkView, IncidentReportRequest, IncidentReportView, IncidentRequest, IncidentRow,
    IncidentSignOffView, IncidentStatusChangeView, IncidentStatusRequest, IncidentsView, PersonRefView, RoleOption,
    SignOffStatement, SignRequest,
};
use crate::state::AppState;

/// The incidents the viewer may see, what they may do, and the choices the forms offer.
#[tauri::command(async)]
pub fn incident_list(state: State<'_, AppState>) -> Result<IncidentsView, CommandError> {
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let incidents = session.incidents(now)?;
        let can_manage = session.require(Permission::ManageIncidents, now).is_ok();
        let statuses = session.require(Permission::ViewDevices, now).is_ok();
        let devices = session
            .devices(now)?
            .into_iter()
            .filter(|d| d.offers_incident())
            .map(|d| IncidentDeviceOption {
                id: d.id,
                label: device_label(&d),
                status_label: if statuses { d.fields.status.label().to_owned() } else { String::new() },
            })
            .collect();
        let policies =
            session.policies(now)?.into_iter().map(|p| IncidentLinkView { id: p.id, label: p.title }).collect();
        let rows = incidents.iter().map(|i| incident_row(session, i, now)).collect();
        Ok(IncidentsView {
            incidents: rows,
            can_manage,
            categories: choices(&INCIDENT_CATEGORIES),
            kinds: choices(&INCIDENT_KINDS),
            breach_types: choices(&INCIDENT_BREACH_TYPES),
            grading: grading_view(),
            devices,
            policies,
        })
    })
}

/// Records an incident or near miss. Anyone may.
#[tauri::command(async)]
pub fn incident_record(state: State<'_, AppState>, request: IncidentRequest) -> Result<IncidentRow, CommandError> {
    let (people_affected, records_affected) = counts(&request.people_affected, &request.records_affected)?;
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let breach_types: Vec<&str> = request.breach_types.iter().map(String::as_str).collect();
        let form = IncidentForm {
            kind: &request.kind,
            category: &request.category,
            breach_types: &breach_types,
            occurred_at: &request.occurred_at,
            aware_at: &request.aware_at,
            aware_first_reason: &request.aware_first_reason,
            description: &request.description,
            special_category: request.special_category,
            vulnerable_people: request.vulnerable_people,
            device_ids: &request.device_ids,
            stolen: request.stolen,
            policy_ids: &request.policy_ids,
            data_categories: &request.data_categories,
            people_affected,
            records_affected,
            consequences: &request.consequences,
        };
        let incident = session.record_incident(&form, now)?;
        Ok(incident_row(session, &incident, now))
    })
}

/// Grades an incident: likelihood × severity, each 1 to 5.
#[tauri::command(async)]
pub fn incident_grade(state: State<'_, AppState>, request: IncidentGradeRequest) -> Result<IncidentRow, CommandError> {
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let incident = session.grade_incident(request.id, request.likelihood, request.severity, now)?;
        Ok(incident_row(session, &incident, now))
    })
}

/// Adds a dated entry to an incident's log of containment and actions.
#[tauri::command(async)]
pub fn incident_action_add(
    state: State<'_, AppState>,
    request: IncidentActionRequest,
) -> Result<IncidentRow, CommandError> {
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let incident = session.add_incident_action(request.id, &request.description, now)?;
        Ok(incident_row(session, &incident, now))
    })
}

/// Records the IG lead's assessment: data, people and records affected, consequences, lessons and
/// the policies involved.
#[tauri::command(async)]
pub fn incident_assess(
    state: State<'_, AppState>,
    request: IncidentAssessRequest,
) -> Result<IncidentRow, CommandError> {
    let (people_affected, records_affected) = counts(&request.people_affected, &request.records_affected)?;
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let form = IncidentAssessment {
            data_categories: &request.data_categories,
            people_affected,
            records_affected,
            consequences: &request.consequences,
            lessons: &request.lessons,
            policy_ids: &request.policy_ids,
        };
        let incident = session.assess_incident(request.id, &form, now)?;
        Ok(incident_row(session, &incident, now))
    })
}

/// Records the reports made (DSPT tool, ICO), or why a reportable incident was not reported.
#[tauri::command(async)]
pub fn incident_report(
    state: State<'_, AppState>,
    request: IncidentReportRequest,
) -> Result<IncidentRow, CommandError> {
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let form = IncidentReportForm {
            not_reported_reason: &request.not_reported_reason,
            dspt_reference: &request.dspt_reference,
            dspt_reported_at: &request.dspt_reported_at,
            ico_reference: &request.ico_reference,
            ico_reported_at: &request.ico_reported_at,
            dpo_consulted: request.dpo_consulted,
            individuals_told: request.individuals_told,
            individuals_note: &request.individuals_note,
        };
        let incident = session.record_incident_report(request.id, &form, now)?;
        Ok(incident_row(session, &incident, now))
    })
}

/// Withdraws an incident, marks it a duplicate, or reopens it, with a reason.
#[tauri::command(async)]
pub fn incident_status(
    state: State<'_, AppState>,
    request: IncidentStatusRequest,
) -> Result<IncidentRow, CommandError> {
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let incident = session.change_incident_status(request.id, &request.status, &request.reason, now)?;
        Ok(incident_row(session, &incident, now))
    })
}

/// Links a device to an incident (a lost or stolen device incident marks it lost or stolen).
#[tauri::command(async)]
pub fn incident_link_device(
    state: State<'_, AppState>,
    request: IncidentDeviceRequest,
) -> Result<IncidentRow, CommandError> {
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let incident = session.link_incident_device(request.id, request.device_id, request.stolen, now)?;
        Ok(incident_row(session, &incident, now))
    })
}

/// The statement the signed-in person would sign to close an incident, for the role they sign next.
#[tauri::command(async)]
pub fn incident_closure_statement(
    state: State<'_, AppState>,
    request: IdRequest,
) -> Result<SignOffStatement, CommandError> {
    with_session(&state, |session| {
        let (role, statement) = session.incident_closure_statement(request.id, OffsetDateTime::now_utc())?;
        Ok(SignOffStatement { statement, roles: vec![role.into()] })
    })
}

/// Signs an incident's closure review with the signer's password; the last signature closes it.
#[tauri::command(async)]
pub fn incident_close_sign(state: State<'_, AppState>, request: SignRequest) -> Result<IncidentRow, CommandError> {
    let password = SecretString::from(request.password);
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let incident = session.sign_incident_closure(request.id, &password, request.confirmed, now)?;
        Ok(incident_row(session, &incident, now))
    })
}

/// People and records affected as typed: empty for not known, else a whole number. Both are
/// checked before either is reported.
fn counts(people: &str, records: &str) -> Result<(Option<u32>, Option<u32>), CommandError> {
    let mut problems = Vec::new();
    let mut count = |typed: &str, field: Field, what: &str| {
        let typed = typed.trim().replace(',', "");
        if typed.is_empty() {
            return None;
        }
        typed
            .parse::<u32>()
            .map_err(|_| {
                problems.push(FieldProblem {
                    field,
                    item: None,
                    message: format!(
                        "Enter the number of {what} affected as a whole number, like 12, or leave it empty"
                    ),
                });
            })
            .ok()
    };
    let people = count(people, Field::PeopleAffected, "people");
    let records = count(records, Field::RecordsAffected, "records");
    if problems.is_empty() { Ok((people, records)) } else { Err(CoreError::Invalid(problems).into()) }
}

fn choices(list: &[(&str, &str)]) -> Vec<ChoiceOption> {
    list.iter().copied().map(ChoiceOption::from).collect()
}

/// The grading rules, with what every cell of the grid means.
fn grading_view() -> GradingView {
    let rules = incident_grading_rules();
    let steps = |scale: &[custodian_core::ScaleStep]| {
        scale
            .iter()
            .map(|s| GradeStepView { score: s.score, label: s.label.clone(), meaning: s.meaning.clone() })
            .collect::<Vec<_>>()
    };
    let cells = rules
        .likelihood
        .iter()
        .flat_map(|l| rules.severity.iter().map(move |s| (l.score, s.score)))
        .map(|(likelihood, severity)| {
            let outcome = rules.outcome(likelihood, severity);
            GradeCellView { likelihood, severity, reportable: outcome.reportable, notify_dhsc: outcome.notify_dhsc }
        })
        .collect();
    GradingView {
        source: rules.source.clone(),
        likelihood: steps(&rules.likelihood),
        severity: steps(&rules.severity),
        cells,
        deadline_hours: u32::try_from(rules.deadline_hours).unwrap_or(72),
    }
}

fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}

/// One incident as its screens show it, with the role the viewer would sign its closure for next.
fn incident_row(session: &Session, i: &IncidentRecord, now: OffsetDateTime) -> IncidentRow {
    let person = PersonRefView::from;
    let rules = incident_grading_rules();
    let step_label = |scale: &[custodian_core::ScaleStep], score: u8| {
        scale.iter().find(|s| s.score == score).map(|s| s.label.clone()).unwrap_or_default()
    };
    let grade = i.grade.map(|(likelihood, severity)| {
        let outcome = rules.outcome(likelihood, severity);
        IncidentGradeView {
            likelihood,
            likelihood_label: step_label(&rules.likelihood, likelihood),
            severity,
            severity_label: step_label(&rules.severity, severity),
            reportable: outcome.reportable,
            notify_dhsc: outcome.notify_dhsc,
        }
    });
    // Only an open incident can be signed; the statement says whether this person can sign next.
    let can_sign = (i.status == "open")
        .then(|| session.incident_closure_statement(i.id, now).ok())
        .flatten()
        .map(|(role, _)| RoleOption::from(role));
    // A closed incident stays closed; one that may no longer change may only be reopened.
    let status_choices = if i.status == "closed" {
        vec![]
    } else {
        INCIDENT_MANUAL_STATUSES
            .iter()
            .filter(|s| **s != i.status && (**s == "open" || i.is_changeable()))
            .map(|s| ChoiceOption::from((*s, incident_label(&INCIDENT_STATUSES, s))))
            .collect()
    };
    IncidentRow {
        id: i.id,
        reference: i.reference.clone(),
        kind: i.kind.clone(),
        kind_label: incident_label(&INCIDENT_KINDS, &i.kind).into(),
        category: i.category.clone(),
        category_label: i.category_label().into(),
        breach_types: i.breach_types.clone(),
        occurred_at: i.occurred_at.clone(),
        aware_at: i.aware_at.clone(),
        aware_first_reason: i.aware_first_reason.clone(),
        description: i.description.clone(),
        special_category: i.special_category,
        vulnerable_people: i.vulnerable_people,
        patient_confidentiality_breached: i.patient_confidentiality_breached(),
        reported_by: person(&i.reported_by),
        recorded_at: i.recorded_at.clone(),
        data_categories: i.data_categories.clone(),
        people_affected: i.people_affected,
        records_affected: i.records_affected,
        consequences: i.consequences.clone(),
        lessons: i.lessons.clone(),
        grade,
        deadline: i.reporting().map(|(_, deadline)| rfc3339(deadline)),
        clock_deadline: i.running_clock().map(rfc3339),
        reported_late: i.reported_late(),
        report: IncidentReportView {
            not_reported_reason: i.report.not_reported_reason.clone(),
            dspt_reference: i.report.dspt_reference.clone(),
            dspt_reported_at: i.report.dspt_reported_at.clone(),
            ico_reference: i.report.ico_reference.clone(),
            ico_reported_at: i.report.ico_reported_at.clone(),
            dpo_consulted: i.report.dpo_consulted,
            individuals_told: i.report.individuals_told,
            individuals_note: i.report.individuals_note.clone(),
        },
        devices: i.devices.iter().map(|(id, tag)| IncidentLinkView { id: *id, label: tag.clone() }).collect(),
        policies: i.policies.iter().map(|(id, title)| IncidentLinkView { id: *id, label: title.clone() }).collect(),
        actions: i
            .actions
            .iter()
            .map(|(at, by, text)| IncidentActionView { at: at.clone(), by: by.clone(), text: text.clone() })
            .collect(),
        status: i.status.clone(),
        status_label: incident_label(&INCIDENT_STATUSES, &i.status).into(),
        changeable: i.is_changeable(),
        status_choices,
        status_changes: i
            .status_changes
            .iter()
            .map(|c| IncidentStatusChangeView {
                at: c.at.clone(),
                by: person(&c.by),
                from: c.from.clone(),
                from_label: incident_label(&INCIDENT_STATUSES, &c.from).into(),
                to: c.to.clone(),
                to_label: incident_label(&INCIDENT_STATUSES, &c.to).into(),
                reason: c.reason.clone(),
            })
            .collect(),
        closure_roles: i.closure_roles().into_iter().map(RoleOption::from).collect(),
        sign_offs: i
            .sign_offs
            .iter()
            .map(|s| IncidentSignOffView {
                role: s.role.into(),
                by: person(&s.by),
                at: s.at.clone(),
                statement: s.statement.clone(),
            })
            .collect(),
        awaiting_sign_off: i.awaiting_sign_off().into_iter().map(RoleOption::from).collect(),
        closure_gaps: i.closure_gaps().into_iter().map(str::to_owned).collect(),
        can_sign,
    }
}

/// The incidents a device is linked to, for its page; empty for someone who may not see them.
pub(crate) fn for_device(
    session: &Session,
    device_id: i64,
    now: OffsetDateTime,
) -> Result<Vec<crate::dto::DeviceIncidentRow>, CoreError> {
    let incidents = match session.incidents_for_device(device_id, now) {
        Ok(list) => list,
        Err(CoreError::Forbidden { .. }) => return Ok(vec![]),
        Err(other) => return Err(other),
    };
    Ok(incidents
        .into_iter()
        .map(|i| crate::dto::DeviceIncidentRow {
            id: i.id,
            reference: i.reference.clone(),
            category_label: i.category_label().into(),
            aware_at: i.aware_at.clone(),
            status_label: incident_label(&INCIDENT_STATUSES, &i.status).into(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_whole_numbers_or_empty_and_both_problems_are_reported_at_once() {
        assert_eq!(counts("", " ").unwrap(), (None, None));
        assert_eq!(counts(" 12 ", "1,200").unwrap(), (Some(12), Some(1200)));
        let error = counts("about ten", "-3").unwrap_err();
        let fields: Vec<_> = error.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["peopleAffected", "recordsAffected"]);
        assert!(error.fields[0].message.contains("number of people affected as a whole number"));
    }

    #[test]
    fn the_grid_has_every_grade_and_marks_the_reportable_ones() {
        let grading = grading_view();
        assert_eq!(grading.cells.len(), 25);
        let cell = |l, s| grading.cells.iter().find(|c| c.likelihood == l && c.severity == s).unwrap();
        assert!(!cell(2, 5).reportable);
        assert!(cell(3, 2).reportable && !cell(3, 2).notify_dhsc);
        assert!(cell(4, 4).notify_dhsc);
        assert_eq!(grading.deadline_hours, 72);
    }
}
