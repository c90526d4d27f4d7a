//! The incident tables.

use custodian_vault::rusqlite::{Connection, params};
use time::OffsetDateTime;

use super::IncidentRecord;
use crate::error::{CoreError, Result};
use crate::policy::PersonRef;

/// Schema of incident records (migration 6).
pub(crate) const SCHEMA_V6: &str = "
CREATE TABLE incident (
    id                 INTEGER PRIMARY KEY,
    reference          TEXT NOT NULL UNIQUE,
    kind               TEXT NOT NULL CHECK (kind IN ('ig', 'cyber', 'both')),
    category           TEXT NOT NULL,
    breach_types       TEXT NOT NULL DEFAULT '',
    occurred_at        TEXT NOT NULL,
    aware_at           TEXT NOT NULL,
    aware_first_reason TEXT NOT NULL DEFAULT '',
    description        TEXT NOT NULL,
    special_category   INTEGER NOT NULL DEFAULT 0,
    vulnerable_people  INTEGER NOT NULL DEFAULT 0,
    reported_by_id     INTEGER NOT NULL REFERENCES person (id),
    likelihood         INTEGER CHECK (likelihood BETWEEN 1 AND 5),
    severity           INTEGER CHECK (severity BETWEEN 1 AND 5),
    graded_by_id       INTEGER REFERENCES person (id),
    graded_at          TEXT,
    status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'withdrawn', 'duplicate')),
    recorded_at        TEXT NOT NULL
) STRICT;
CREATE TABLE incident_device (
    incident_id INTEGER NOT NULL REFERENCES incident (id),
    device_id   INTEGER NOT NULL REFERENCES device (id),
    PRIMARY KEY (incident_id, device_id)
) STRICT;
CREATE TABLE incident_action (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incident (id),
    at          TEXT NOT NULL,
    by_id       INTEGER NOT NULL REFERENCES person (id),
    text        TEXT NOT NULL
) STRICT;
CREATE TRIGGER incident_kept BEFORE DELETE ON incident
BEGIN SELECT RAISE(ABORT, 'incidents are never deleted'); END;
CREATE TRIGGER incident_action_kept BEFORE DELETE ON incident_action
BEGIN SELECT RAISE(ABORT, 'an incident''s log is never deleted'); END;";

/// An incident to record, checked.
pub(crate) struct NewIncident<'a> {
    pub reference: &'a str,
    pub kind: &'a str,
    pub category: &'a str,
    pub breach_types: &'a str,
    pub occurred_at: &'a str,
    pub aware_at: &'a str,
    pub aware_first_reason: &'a str,
    pub description: &'a str,
    pub special_category: bool,
    pub vulnerable_people: bool,
    pub reported_by_id: i64,
}

pub(crate) fn insert(conn: &Connection, i: &NewIncident<'_>, now: OffsetDateTime) -> Result<i64> {
    conn.execute(
        "INSERT INTO incident (reference, kind, category, breach_types, occurred_at, aware_at, aware_first_reason,
         description, special_category, vulnerable_people, reported_by_id, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            i.reference,
            i.kind,
            i.category,
            i.breach_types,
            i.occurred_at,
            i.aware_at,
            i.aware_first_reason,
            i.description,
            i.special_category,
            i.vulnerable_people,
            i.reported_by_id,
            crate::time_text(now)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn count_in_year(conn: &Connection, year: i32) -> Result<i64> {
    Ok(conn
        .query_row("SELECT count(*) FROM incident WHERE reference LIKE ?1", [format!("INC-{year}-%")], |r| r.get(0))?)
}

pub(crate) fn link_device(conn: &Connection, incident: i64, device: i64) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO incident_device (incident_id, device_id) VALUES (?1, ?2)",
        params![incident, device],
    )?;
    Ok(())
}

pub(crate) fn set_grade(
    conn: &Connection,
    id: i64,
    likelihood: u8,
    severity: u8,
    by: i64,
    now: OffsetDateTime,
) -> Result<()> {
    conn.execute(
        "UPDATE incident SET likelihood = ?2, severity = ?3, graded_by_id = ?4, graded_at = ?5 WHERE id = ?1",
        params![id, likelihood, severity, by, crate::time_text(now)],
    )?;
    Ok(())
}

pub(crate) fn add_action(conn: &Connection, id: i64, by: i64, text: &str, now: OffsetDateTime) -> Result<()> {
    conn.execute(
        "INSERT INTO incident_action (incident_id, at, by_id, text) VALUES (?1, ?2, ?3, ?4)",
        params![id, crate::time_text(now), by, text],
    )?;
    Ok(())
}

fn load(conn: &Connection, id: Option<i64>) -> Result<Vec<IncidentRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT i.id, i.reference, i.kind, i.category, i.breach_types, i.occurred_at, i.aware_at, i.description,
         i.special_category, i.vulnerable_people, i.reported_by_id, p.full_name, i.likelihood, i.severity, i.status
         FROM incident i JOIN person p ON p.id = i.reported_by_id
         WHERE ?1 IS NULL OR i.id = ?1 ORDER BY i.aware_at DESC, i.id DESC",
    )?;
    let rows = stmt.query_map([id], |r| {
        let breach: String = r.get(4)?;
        let likelihood: Option<u8> = r.get(12)?;
        let severity: Option<u8> = r.get(13)?;
        Ok(IncidentRecord {
            id: r.get(0)?,
            reference: r.get(1)?,
            kind: r.get(2)?,
            category: r.get(3)?,
            breach_types: breach.split(',').filter(|b| !b.is_empty()).map(str::to_owned).collect(),
            occurred_at: r.get(5)?,
            aware_at: r.get(6)?,
            description: r.get(7)?,
            special_category: r.get(8)?,
            vulnerable_people: r.get(9)?,
            reported_by: PersonRef { id: r.get(10)?, full_name: r.get(11)? },
            grade: likelihood.zip(severity),
            devices: Vec::new(),
            status: r.get(14)?,
            actions: Vec::new(),
        })
    })?;
    let mut incidents: Vec<IncidentRecord> = rows.collect::<Result<_, _>>()?;
    let mut devices = conn.prepare_cached(
        "SELECT d.id, d.asset_tag FROM incident_device x JOIN device d ON d.id = x.device_id WHERE x.incident_id = ?1",
    )?;
    let mut actions = conn.prepare_cached(
        "SELECT a.at, p.full_name, a.text FROM incident_action a JOIN person p ON p.id = a.by_id
         WHERE a.incident_id = ?1 ORDER BY a.id",
    )?;
    for incident in &mut incidents {
        incident.devices =
            devices.query_map([incident.id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
        incident.actions =
            actions.query_map([incident.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<Result<_, _>>()?;
    }
    Ok(incidents)
}

/// Every incident, newest awareness first.
pub(crate) fn all(conn: &Connection) -> Result<Vec<IncidentRecord>> {
    load(conn, None)
}

pub(crate) fn by_id(conn: &Connection, id: i64) -> Result<IncidentRecord> {
    load(conn, Some(id))?.into_iter().next().ok_or(CoreError::NotFound("incident"))
}
