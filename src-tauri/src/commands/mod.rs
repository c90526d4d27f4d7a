//! The app's commands, one file per area. Each converts its request, makes one call into
//! `custodian-core`, and maps the result; none holds a business rule.

pub mod account;
pub mod acknowledgement;
pub mod app;
pub mod audit;
pub mod backup;
pub mod byod;
pub mod dashboard;
pub mod device;
pub mod disposal;
pub mod files;
pub mod incident;
pub mod pack;
pub mod password;
pub mod people;
pub mod policy;
pub mod session;
pub mod settings;
pub mod vault;

use custodian_core::{
    CoreError, DeviceRecord, Permission, Person, PersonRecord, PersonStatus, Role, Session, VaultError, permits,
};
use time::OffsetDateTime;

use crate::dto::{CommandError, Permissions, PersonInfo, PersonRefView, PersonRow, PersonStatusName, SessionInfo};
use crate::state::{AppState, Stage};

/// The UI's view of a person.
pub(crate) fn person_info(person: &Person) -> PersonInfo {
    PersonInfo { full_name: person.full_name.as_str().to_owned(), login: person.login.as_str().to_owned() }
}

/// The UI's view of a signed-in session.
pub(crate) fn session_info(session: &Session) -> Result<SessionInfo, CoreError> {
    let practice = session.practice()?;
    let me = session.own_record()?;
    let full = !session.is_acknowledge_only();
    let may = |permission| full && permits(&me.roles, permission);
    Ok(SessionInfo {
        practice_name: practice.name.as_str().to_owned(),
        ods_code: practice.ods_code.as_str().to_owned(),
        person: person_info(session.person()),
        roles: me.roles.iter().copied().map(Into::into).collect(),
        must_change_password: me.must_change_password,
        acknowledge_only: session.is_acknowledge_only(),
        permissions: Permissions {
            manage_people: may(Permission::ManagePeople),
            view_people: may(Permission::ViewPeople),
            view_audit_log: may(Permission::ViewAuditLog),
            change_settings: may(Permission::ChangeSettings),
            manage_vault: may(Permission::ManageVault),
            generate_packs: may(Permission::GeneratePacks),
            manage_policies: may(Permission::ManagePolicies),
            view_compliance: may(Permission::ViewCompliance),
            manage_devices: may(Permission::ManageDevices),
            view_devices: may(Permission::ViewDevices),
        },
        idle_lock_minutes: session.idle_lock_minutes()?,
        vault_path: session.vault_path().display().to_string(),
    })
}

/// One register row.
pub(crate) fn person_row(record: &PersonRecord, now: OffsetDateTime) -> PersonRow {
    let day = |d: time::Date| d.to_string();
    PersonRow {
        id: record.id,
        full_name: record.full_name.clone(),
        login: record.login.clone(),
        job_title: record.job_title.clone(),
        email: record.email.clone(),
        roles: record.roles.iter().copied().map(Into::into).collect(),
        start_date: day(record.start_date),
        leaving_date: record.leaving_date.map(day),
        status: match record.status(now.date()) {
            PersonStatus::Active => PersonStatusName::Active,
            PersonStatus::Leaving(_) => PersonStatusName::Leaving,
            PersonStatus::Left(_) => PersonStatusName::Left,
        },
        must_change_password: record.must_change_password,
        access_removed: record.access_removed,
    }
}

/// Every role with its label.
pub(crate) fn role_options() -> Vec<crate::dto::RoleOption> {
    Role::ALL.into_iter().map(Into::into).collect()
}

/// Everyone who has not left, for pickers (a holder, an owner, who a check is for).
pub(crate) fn current_staff(session: &Session, now: OffsetDateTime) -> Result<Vec<PersonRefView>, CoreError> {
    Ok(session
        .people(now)?
        .into_iter()
        .filter(|p| !matches!(p.status(now.date()), PersonStatus::Left(_)))
        .map(|p| PersonRefView { id: p.id, full_name: p.full_name })
        .collect())
}

/// A device as pickers name it: "asset tag — kind make model".
pub(crate) fn device_label(d: &DeviceRecord) -> String {
    format!("{} — {} {} {}", d.fields.asset_tag, d.fields.kind.label(), d.fields.make, d.fields.model).trim().to_owned()
}

/// Runs `operation` on the signed-in session after taking in other copies' saves. If the
/// person's access ended or was removed meanwhile, they are signed out and told why.
pub(crate) fn with_session<T>(
    state: &AppState,
    operation: impl FnOnce(&mut Session) -> Result<T, CoreError>,
) -> Result<T, CommandError> {
    let mut inner = state.lock();
    let Stage::SignedIn(session) = &mut inner.stage else {
        return Err(CommandError::wrong_stage("Sign in first"));
    };
    let outcome = session.refresh().and_then(|_| operation(session));
    match outcome {
        Ok(value) => Ok(value),
        Err(error) => {
            if matches!(error, CoreError::AccessEnded { .. } | CoreError::Vault(VaultError::AccessRevoked)) {
                inner.stage = Stage::SignedOut;
            }
            Err(error.into())
        }
    }
}
