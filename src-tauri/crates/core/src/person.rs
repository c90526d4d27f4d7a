//! People who sign in: their name and login. Roles and the staff register come later.

use custodian_vault::rusqlite::{Connection, OptionalExtension, params};
use time::OffsetDateTime;

use crate::error::Result;

/// Schema of the person table (migration 1).
pub(crate) const SCHEMA_V1: &str = "
CREATE TABLE person (
    id         INTEGER PRIMARY KEY,
    full_name  TEXT NOT NULL,
    login      TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
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

/// A person who can sign in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Row id.
    pub id: i64,
    /// Full name.
    pub full_name: FullName,
    /// Login name.
    pub login: Login,
}

pub(crate) fn insert(conn: &Connection, full_name: &FullName, login: &Login, at: OffsetDateTime) -> Result<Person> {
    conn.execute(
        "INSERT INTO person (full_name, login, created_at) VALUES (?1, ?2, ?3)",
        params![full_name.as_str(), login.as_str(), crate::time_text(at)],
    )?;
    Ok(Person { id: conn.last_insert_rowid(), full_name: full_name.clone(), login: login.clone() })
}

pub(crate) fn find_by_login(conn: &Connection, login: &Login) -> Result<Option<Person>> {
    Ok(conn
        .query_row("SELECT id, full_name FROM person WHERE login = ?1", [login.as_str()], |r| {
            Ok(Person { id: r.get(0)?, full_name: FullName(r.get(1)?), login: login.clone() })
        })
        .optional()?)
}

pub(crate) fn count(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("SELECT count(*) FROM person", [], |r| r.get(0))?)
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
