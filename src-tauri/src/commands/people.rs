//! The staff register.

use custodian_core::secrecy::ExposeSecret;
use custodian_core::{KdfParams, PersonForm, Role};
use rand_core::OsRng;
use tauri::State;
use time::OffsetDateTime;

use super::{person_row, role_options, with_session};
use crate::dto::{
    AddedPerson, CommandError, OneTimePasswordShown, PeopleView, PersonFormRequest, PersonInfo, PersonRow,
    ResetPasswordRequest, UpdatePersonRequest,
};
use crate::state::AppState;

/// The register as the signed-in person may see it.
#[tauri::command(async)]
pub fn people_list(state: State<'_, AppState>) -> Result<PeopleView, CommandError> {
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let people = session.people(now)?;
        let can_manage = session.require(custodian_core::Permission::ManagePeople, now).is_ok();
        Ok(PeopleView {
            people: people.iter().map(|p| person_row(p, now)).collect(),
            can_manage,
            role_options: role_options(),
        })
    })
}

/// Adds a person; returns their one-time password, to be shown once.
#[tauri::command(async)]
pub fn people_add(state: State<'_, AppState>, request: PersonFormRequest) -> Result<AddedPerson, CommandError> {
    let roles: Vec<Role> = request.roles.iter().copied().map(Into::into).collect();
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let (record, one_time) = session.add_person(&form(&request, &roles), KdfParams::DEFAULT, now, &mut OsRng)?;
        Ok(AddedPerson {
            person: person_row(&record, now),
            one_time_password: one_time.secret().expose_secret().to_owned(),
        })
    })
}

/// Changes a person's details, roles or dates (a last day records a leaver).
#[tauri::command(async)]
pub fn people_update(state: State<'_, AppState>, request: UpdatePersonRequest) -> Result<PersonRow, CommandError> {
    let roles: Vec<Role> = request.person.roles.iter().copied().map(Into::into).collect();
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let record = session.update_person(request.id, &form(&request.person, &roles), now, &mut OsRng)?;
        Ok(person_row(&record, now))
    })
}

/// Gives a person a new one-time password.
#[tauri::command(async)]
pub fn people_reset_password(
    state: State<'_, AppState>,
    request: ResetPasswordRequest,
) -> Result<OneTimePasswordShown, CommandError> {
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let one_time = session.reset_password(request.id, KdfParams::DEFAULT, now, &mut OsRng)?;
        let record = session.person_record(request.id, now)?;
        Ok(OneTimePasswordShown {
            person: PersonInfo { full_name: record.full_name, login: record.login },
            one_time_password: one_time.secret().expose_secret().to_owned(),
        })
    })
}

fn form<'a>(request: &'a PersonFormRequest, roles: &'a [Role]) -> PersonForm<'a> {
    PersonForm {
        full_name: &request.full_name,
        login: &request.login,
        job_title: &request.job_title,
        email: &request.email,
        roles,
        start_date: &request.start_date,
        leaving_date: &request.leaving_date,
    }
}
