//! The practice itself: its name and ODS code, one row per vault.

use custodian_vault::rusqlite::{Connection, OptionalExtension, params};
use time::OffsetDateTime;

use crate::error::{CoreError, Result};

/// Schema of the practice table (migration 1).
pub(crate) const SCHEMA_V1: &str = "
CREATE TABLE practice (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    name       TEXT NOT NULL,
    ods_code   TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;";

/// A practice's name: 1 to 120 characters, trimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PracticeName(String);

impl PracticeName {
    /// Validates a name as typed.
    pub fn parse(typed: &str) -> Result<PracticeName, String> {
        let name = typed.trim();
        if name.is_empty() {
            return Err("Enter the practice name".into());
        }
        if name.chars().count() > 120 {
            return Err("The practice name must be 120 characters or fewer".into());
        }
        if name.chars().any(char::is_control) {
            return Err("The practice name must not contain control characters".into());
        }
        Ok(PracticeName(name.to_owned()))
    }

    /// The name as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An NHS Organisation Data Service code: 3 to 6 upper-case letters or digits, e.g. `B86001`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OdsCode(String);

impl OdsCode {
    /// Validates a code as typed; lower-case letters are accepted and upper-cased.
    pub fn parse(typed: &str) -> Result<OdsCode, String> {
        let code = typed.trim().to_ascii_uppercase();
        if code.is_empty() {
            return Err("Enter the practice's ODS code, for example B86001".into());
        }
        let well_formed =
            (3..=6).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if !well_formed {
            return Err("The ODS code must be 3 to 6 letters and digits, for example B86001".into());
        }
        Ok(OdsCode(code))
    }

    /// The code as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The practice record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Practice {
    /// Its name.
    pub name: PracticeName,
    /// Its ODS code.
    pub ods_code: OdsCode,
}

pub(crate) fn insert(conn: &Connection, practice: &Practice, at: OffsetDateTime) -> Result<()> {
    conn.execute(
        "INSERT INTO practice (id, name, ods_code, created_at) VALUES (1, ?1, ?2, ?3)",
        params![practice.name.as_str(), practice.ods_code.as_str(), crate::time_text(at)],
    )?;
    Ok(())
}

pub(crate) fn load(conn: &Connection) -> Result<Practice> {
    let row: Option<(String, String)> = conn
        .query_row("SELECT name, ods_code FROM practice WHERE id = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (name, ods_code) = row.ok_or(CoreError::Incomplete("practice record"))?;
    Ok(Practice { name: PracticeName(name), ods_code: OdsCode(ods_code) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ods(typed: &str) -> Result<String, String> {
        OdsCode::parse(typed).map(|c| c.0)
    }

    #[test]
    fn ods_codes_are_three_to_six_letters_or_digits() {
        assert_eq!(ods("B86001"), Ok("B86001".into()));
        assert_eq!(ods(" b86001 "), Ok("B86001".into()));
        assert_eq!(ods("Y05"), Ok("Y05".into()));
        assert!(ods("B8").is_err());
        assert!(ods("B860011").is_err());
        assert!(ods("B86-01").is_err());
        assert!(ods("").unwrap_err().contains("Enter"));
        assert!(ods("É86001").is_err());
    }

    #[test]
    fn practice_names_are_trimmed_and_bounded() {
        assert_eq!(PracticeName::parse("  Riverside Surgery ").unwrap().as_str(), "Riverside Surgery");
        assert!(PracticeName::parse("   ").is_err());
        assert!(PracticeName::parse(&"x".repeat(121)).is_err());
        assert!(PracticeName::parse("Bad\u{7}name").is_err());
    }
}
