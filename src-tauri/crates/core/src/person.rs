//! People: the staff register — names, logins, job titles, roles, start and leaving dates.

use custodian_vault::rusqlite::{Connection, OptionalExtension, Row, params};
use time::{Date, OffsetDateTime};

use crate::error::{CoreError, Result};
use crate::role::Role;

/// Schema of the people tables (migration 1).
pub(crate) const SCHEMA_V1: &str = "
CREATE TABLE person (
    id                   INTEGER PRIMARY KEY,
    full_name            TEXT NOT NULL,
    login                TEXT NOT NULL UNIQUE,
    job_title            TEXT NOT NULL DEFAULT '',
    email                TEXT,
    start_date           TEXT NOT NULL,
    leaving_date         TEXT,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    access_removed       INTEGER NOT NULL DEFAULT 0,
    created_at           TEXT NOT NULL
) STRICT;
CREATE TABLE person_role (
    person_id INTEGER NOT NULL REFERENCES person (id),
    role      TEXT NOT NULL CHECK (role IN ('practice_manager', 'ig_lead', 'caldicott_guardian', 'siro', 'dpo', 'staff')),
    PRIMARY KEY (person_id, role)
) STRICT;";

/// A login name: 2 to 32 characters, lower-case letters, digits, `.`, `-` or `_`, starting with
/// a letter. What is typed is trimmed and lower-cased, so `J.Smith` signs in as `j.smith`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Login(String);

impl Login {
    /// Validates a login as typed.
    pub fn parse(typed: &str) -> Result<Login, String> {
        let login = typed.trim().to_lowercase();
        if login.is_empty() {
            return Err("Enter a login name".into());
        }
        let allowed = login.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
        let starts_with_letter = login.starts_with(|c: char| c.is_ascii_lowercase());
        if !(2..=32).contains(&login.len()) || !allowed || !starts_with_letter {
            return Err(
                "A login name is 2 to 32 characters: letters, digits, dots, hyphens or underscores, starting with a letter"
                    .into(),
            );
        }
        Ok(Login(login))
    }

    /// The login as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A person's full name: 1 to 100 characters, trimmed; any script, accents and apostrophes welcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FullName(String);

impl FullName {
    /// Validates a name as typed.
    pub fn parse(typed: &str) -> Result<FullName, String> {
        let name = typed.trim();
        if name.is_empty() {
            return Err("Enter the person's full name".into());
        }
        if name.chars().count() > 100 || name.chars().any(char::is_control) {
            return Err("A full name must be 100 characters or fewer, with no control characters".into());
        }
        Ok(FullName(name.to_owned()))
    }

    /// The name as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A person who can sign in (the signed-in person of a session).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Row id.
    pub id: i64,
    /// Full name.
    pub full_name: FullName,
    /// Login name.
    pub login: Login,
}

/// A person's entry in the staff register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRecord {
    /// Row id.
    pub id: i64,
    /// Full name.
    pub full_name: String,
    /// Login name.
    pub login: String,
    /// Job title (may be empty).
    pub job_title: String,
    /// Email address, if given.
    pub email: Option<String>,
    /// Roles held, in display order.
    pub roles: Vec<Role>,
    /// First day at the practice.
    pub start_date: Date,
    /// Last day at the practice, if set.
    pub leaving_date: Option<Date>,
    /// Whether they must choose a new password at their next sign-in.
    pub must_change_password: bool,
    /// Whether their key slot has been removed (after leaving).
    pub access_removed: bool,
}

/// Where a person stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonStatus {
    /// Works here.
    Active,
    /// Works here until the given day.
    Leaving(Date),
    /// Left on the given day.
    Left(Date),
}

impl PersonRecord {
    /// Their status on `today`. A person's last day is their leaving date; from the day after,
    /// they have left.
    pub fn status(&self, today: Date) -> PersonStatus {
        match self.leaving_date {
            Some(last_day) if last_day < today => PersonStatus::Left(last_day),
            Some(last_day) => PersonStatus::Leaving(last_day),
            None => PersonStatus::Active,
        }
    }

    /// Whether they hold `role`.
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// A job title: up to 100 characters, trimmed; may be empty.
pub(crate) fn parse_job_title(typed: &str) -> Result<String, String> {
    let title = typed.trim();
    if title.chars().count() > 100 || title.chars().any(char::is_control) {
        return Err("A job title must be 100 characters or fewer".into());
    }
    Ok(title.to_owned())
}

/// An optional email address: empty means none; otherwise `name@domain.tld`, at most 254 characters.
pub(crate) fn parse_email(typed: &str) -> Result<Option<String>, String> {
    let email = typed.trim();
    if email.is_empty() {
        return Ok(None);
    }
    let well_formed = email.len() <= 254
        && !email.chars().any(char::is_whitespace)
        && email.split_once('@').is_some_and(|(name, domain)| {
            !name.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
        });
    if well_formed {
        Ok(Some(email.to_owned()))
    } else {
        Err("Enter an email address like name@nhs.net, or leave it empty".into())
    }
}

/// A date typed as `YYYY-MM-DD`.
pub(crate) fn parse_date(typed: &str, what: &str) -> Result<Date, String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(typed.trim(), format).map_err(|_| format!("Enter the {what} as a real date, for example 2026-04-01"))
}

/// The roles, at least one, without repeats, in display order.
pub(crate) fn parse_roles(roles: &[Role]) -> Result<Vec<Role>, String> {
    if roles.is_empty() {
        return Err("Choose at least one role (everyone holds Staff)".into());
    }
    let mut sorted = roles.to_vec();
    sorted.sort();
    sorted.dedup();
    Ok(sorted)
}

/// Date text as stored.
pub(crate) fn date_text(date: Date) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    date.format(format).unwrap_or_default()
}

fn stored_date(text: String) -> std::result::Result<Date, custodian_vault::rusqlite::Error> {
    parse_date(&text, "date").map_err(|e| custodian_vault::rusqlite::Error::ToSqlConversionFailure(e.into()))
}

/// The fields of a new or changed register entry, already validated.
pub(crate) struct PersonFields {
    pub full_name: FullName,
    pub job_title: String,
    pub email: Option<String>,
    pub roles: Vec<Role>,
    pub start_date: Date,
    pub leaving_date: Option<Date>,
}

pub(crate) fn insert(
    conn: &Connection,
    login: &Login,
    fields: &PersonFields,
    must_change_password: bool,
    at: OffsetDateTime,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO person (full_name, login, job_title, email, start_date, leaving_date, must_change_password, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            fields.full_name.as_str(),
            login.as_str(),
            fields.job_title,
            fields.email,
            date_text(fields.start_date),
            fields.leaving_date.map(date_text),
            must_change_password,
            crate::time_text(at)
        ],
    )?;
    let id = conn.last_insert_rowid();
    set_roles(conn, id, &fields.roles)?;
    Ok(id)
}

pub(crate) fn update(conn: &Connection, id: i64, fields: &PersonFields) -> Result<()> {
    conn.execute(
        "UPDATE person SET full_name = ?2, job_title = ?3, email = ?4, start_date = ?5, leaving_date = ?6 WHERE id = ?1",
        params![
            id,
            fields.full_name.as_str(),
            fields.job_title,
            fields.email,
            date_text(fields.start_date),
            fields.leaving_date.map(date_text)
        ],
    )?;
    set_roles(conn, id, &fields.roles)
}

fn set_roles(conn: &Connection, id: i64, roles: &[Role]) -> Result<()> {
    conn.execute("DELETE FROM person_role WHERE person_id = ?1", [id])?;
    let mut insert = conn.prepare_cached("INSERT INTO person_role (person_id, role) VALUES (?1, ?2)")?;
    for role in roles {
        insert.execute(params![id, role.as_str()])?;
    }
    Ok(())
}

pub(crate) fn set_must_change_password(conn: &Connection, id: i64, must: bool) -> Result<()> {
    conn.execute("UPDATE person SET must_change_password = ?2 WHERE id = ?1", params![id, must])?;
    Ok(())
}

pub(crate) fn mark_access_removed(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("UPDATE person SET access_removed = 1 WHERE id = ?1", [id])?;
    Ok(())
}

const RECORD_COLUMNS: &str =
    "id, full_name, login, job_title, email, start_date, leaving_date, must_change_password, access_removed,
     (SELECT group_concat(role) FROM person_role WHERE person_id = person.id)";

fn record(row: &Row<'_>) -> custodian_vault::rusqlite::Result<PersonRecord> {
    let roles: Option<String> = row.get(9)?;
    let mut roles: Vec<Role> = roles.unwrap_or_default().split(',').filter_map(Role::parse).collect();
    roles.sort();
    Ok(PersonRecord {
        id: row.get(0)?,
        full_name: row.get(1)?,
        login: row.get(2)?,
        job_title: row.get(3)?,
        email: row.get(4)?,
        start_date: stored_date(row.get(5)?)?,
        leaving_date: row.get::<_, Option<String>>(6)?.map(stored_date).transpose()?,
        must_change_password: row.get(7)?,
        access_removed: row.get(8)?,
        roles,
    })
}

/// Everyone in the register, by name.
pub(crate) fn all(conn: &Connection) -> Result<Vec<PersonRecord>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {RECORD_COLUMNS} FROM person ORDER BY full_name COLLATE NOCASE, id"))?;
    Ok(stmt.query_map([], record)?.collect::<std::result::Result<_, _>>()?)
}

/// One person by id.
pub(crate) fn by_id(conn: &Connection, id: i64) -> Result<PersonRecord> {
    conn.query_row(&format!("SELECT {RECORD_COLUMNS} FROM person WHERE id = ?1"), [id], record)
        .optional()?
        .ok_or(CoreError::NotFound("person"))
}

/// One person by login.
pub(crate) fn by_login(conn: &Connection, login: &Login) -> Result<Option<PersonRecord>> {
    Ok(conn
        .query_row(&format!("SELECT {RECORD_COLUMNS} FROM person WHERE login = ?1"), [login.as_str()], record)
        .optional()?)
}

pub(crate) fn find_by_login(conn: &Connection, login: &Login) -> Result<Option<Person>> {
    Ok(by_login(conn, login)?.map(|r| Person { id: r.id, full_name: FullName(r.full_name), login: login.clone() }))
}

pub(crate) fn count(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("SELECT count(*) FROM person", [], |r| r.get(0))?)
}

/// Whether the login is taken by anyone, present or past (logins are never reused, so the audit
/// trail always names one person).
pub(crate) fn login_taken(conn: &Connection, login: &Login) -> Result<bool> {
    Ok(conn.query_row("SELECT count(*) FROM person WHERE login = ?1", [login.as_str()], |r| r.get::<_, i64>(0))? > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(typed: &str, expected: Result<&str, ()>) {
        assert_eq!(Login::parse(typed).map(|l| l.0).map_err(|_| ()), expected.map(str::to_owned), "login {typed:?}");
    }

    #[test]
    fn logins_are_normalised_and_validated() {
        check("J.Smith", Ok("j.smith"));
        check("  anna_k-2 ", Ok("anna_k-2"));
        check("a", Err(()));
        check("2fast", Err(()));
        check("anna smith", Err(()));
        check("zoë", Err(()));
        check(&"a".repeat(33), Err(()));
    }

    #[test]
    fn full_names_keep_accents_and_apostrophes() {
        assert_eq!(FullName::parse(" Siobhán O'Brien ").unwrap().as_str(), "Siobhán O'Brien");
        assert!(FullName::parse("").is_err());
        assert!(FullName::parse(&"é".repeat(101)).is_err());
    }
}
