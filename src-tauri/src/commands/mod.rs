//! The app's commands, one file per area. Each converts its request, makes one call into
//! `custodian-core`, and maps the result; none holds a business rule.

pub mod app;
pub mod password;
pub mod session;
pub mod settings;
pub mod vault;

use custodian_core::{Person, Session};

use crate::dto::{CommandError, PersonInfo, SessionInfo};

/// The UI's view of a person.
pub(crate) fn person_info(person: &Person) -> PersonInfo {
    PersonInfo { full_name: person.full_name.as_str().to_owned(), login: person.login.as_str().to_owned() }
}

/// The UI's view of a signed-in session.
pub(crate) fn session_info(session: &Session) -> Result<SessionInfo, CommandError> {
    let practice = session.practice()?;
    Ok(SessionInfo {
        practice_name: practice.name.as_str().to_owned(),
        ods_code: practice.ods_code.as_str().to_owned(),
        person: person_info(session.person()),
        idle_lock_minutes: session.idle_lock_minutes()?,
        vault_path: session.vault_path().display().to_string(),
    })
}
