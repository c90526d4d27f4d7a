//! The incident tables.

use custodian_vault::rusqlite::{Connection, params};
use time::OffsetDateTime;

use super::{IncidentRecord, IncidentReport, IncidentSignOff, StatusChange};
use crate::error::{CoreError, Result};
use crate::policy::PersonRef;
use crate::role::Role;

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

/// The rest of an incident's record (migration 7): what it affected, lessons, linked policies, the
/// reports made, status changes with their reasons, and the signed closure review.
pub(crate) const SCHEMA_V7: &str = "
ALTER TABLE incident ADD COLUMN data_categories TEXT NOT NULL DEFAULT '';
ALTER TABLE incident ADD COLUMN people_affected INTEGER CHECK (people_affected >= 0);
ALTER TABLE incident ADD COLUMN records_affected INTEGER CHECK (records_affected >= 0);
ALTER TABLE incident ADD COLUMN consequences TEXT NOT NULL DEFAULT '';
ALTER TABLE incident ADD COLUMN lessons TEXT NOT NULL DEFAULT '';
ALTER TABLE incident ADD COLUMN not_reported_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE incident ADD COLUMN dspt_reference TEXT NOT NULL DEFAULT '';
ALTER TABLE incident ADD COLUMN dspt_reported_at TEXT;
ALTER TABLE incident ADD COLUMN ico_reference TEXT NOT NULL DEFAULT '';
ALTER TABLE incident ADD COLUMN ico_reported_at TEXT;
ALTER TABLE incident ADD COLUMN dpo_consulted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incident ADD COLUMN individuals_told INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incident ADD COLUMN individuals_note TEXT NOT NULL DEFAULT '';
CREATE TABLE incident_policy (
    incident_id INTEGER NOT NULL REFERENCES incident (id),
    policy_id   INTEGER NOT NULL REFERENCES policy (id),
    PRIMARY KEY (incident_id, policy_id)
) STRICT;
CREATE TABLE incident_status_change (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incident (id),
    at          TEXT NOT NULL,
    by_id       INTEGER NOT NULL REFERENCES person (id),
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    reason      TEXT NOT NULL
) STRICT;
CREATE TABLE incident_sign_off (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incident (id),
    role        TEXT NOT NULL,
    by_id       INTEGER NOT NULL REFERENCES person (id),
    at          TEXT NOT NULL,
    statement   TEXT NOT NULL,
    UNIQUE (incident_id, role)
) STRICT;
CREATE TRIGGER incident_status_change_kept BEFORE DELETE ON incident_status_change
BEGIN SELECT RAISE(ABORT, 'an incident''s status changes are never deleted'); END;
CREATE TRIGGER incident_sign_off_kept BEFORE DELETE ON incident_sign_off
BEGIN SELECT RAISE(ABORT, 'incident sign-offs are never deleted'); END;
CREATE TRIGGER incident_sign_off_fixed BEFORE UPDATE ON incident_sign_off
BEGIN SELECT RAISE(ABORT, 'incident sign-offs are never changed'); END;";

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
    pub data_categories: &'a str,
    pub people_affected: Option<u32>,
    pub records_affected: Option<u32>,
    pub consequences: &'a str,
    pub reported_by_id: i64,
}

pub(crate) fn insert(conn: &Connection, i: &NewIncident<'_>, now: OffsetDateTime) -> Result<i64> {
    conn.execute(
        "INSERT INTO incident (reference, kind, category, breach_types, occurred_at, aware_at, aware_first_reason,
         description, special_category, vulnerable_people, reported_by_id, recorded_at,
         data_categories, people_affected, records_affected, consequences)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
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
            crate::time_text(now),
            i.data_categories,
            i.people_affected,
            i.records_affected,
            i.consequences
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

pub(crate) fn link_policy(conn: &Connection, incident: i64, policy: i64) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO incident_policy (incident_id, policy_id) VALUES (?1, ?2)",
        params![incident, policy],
    )?;
    Ok(())
}

pub(crate) fn unlink_policies(conn: &Connection, incident: i64) -> Result<()> {
    conn.execute("DELETE FROM incident_policy WHERE incident_id = ?1", [incident])?;
    Ok(())
}

/// The assessment fields the IG lead keeps up to date, checked.
pub(crate) struct Assessment<'a> {
    pub data_categories: &'a str,
    pub people_affected: Option<u32>,
    pub records_affected: Option<u32>,
    pub consequences: &'a str,
    pub lessons: &'a str,
}

pub(crate) fn set_assessment(conn: &Connection, id: i64, a: &Assessment<'_>) -> Result<()> {
    conn.execute(
        "UPDATE incident SET data_categories = ?2, people_affected = ?3, records_affected = ?4, consequences = ?5,
         lessons = ?6 WHERE id = ?1",
        params![id, a.data_categories, a.people_affected, a.records_affected, a.consequences, a.lessons],
    )?;
    Ok(())
}

pub(crate) fn set_report(conn: &Connection, id: i64, r: &IncidentReport) -> Result<()> {
    conn.execute(
        "UPDATE incident SET not_reported_reason = ?2, dspt_reference = ?3, dspt_reported_at = ?4, ico_reference = ?5,
         ico_reported_at = ?6, dpo_consulted = ?7, individuals_told = ?8, individuals_note = ?9 WHERE id = ?1",
        params![
            id,
            r.not_reported_reason,
            r.dspt_reference,
            r.dspt_reported_at,
            r.ico_reference,
            r.ico_reported_at,
            r.dpo_consulted,
            r.individuals_told,
            r.individuals_note
        ],
    )?;
    Ok(())
}

pub(crate) fn change_status(
    conn: &Connection,
    id: i64,
    from: &str,
    to: &str,
    reason: &str,
    by: i64,
    now: OffsetDateTime,
) -> Result<()> {
    conn.execute("UPDATE incident SET status = ?2 WHERE id = ?1", params![id, to])?;
    conn.execute(
        "INSERT INTO incident_status_change (incident_id, at, by_id, from_status, to_status, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, crate::time_text(now), by, from, to, reason],
    )?;
    Ok(())
}

pub(crate) fn add_sign_off(
    conn: &Connection,
    id: i64,
    role: Role,
    by: i64,
    statement: &str,
    now: OffsetDateTime,
) -> Result<()> {
    conn.execute(
        "INSERT INTO incident_sign_off (incident_id, role, by_id, at, statement) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, role.as_str(), by, crate::time_text(now), statement],
    )?;
    Ok(())
}

fn load(conn: &Connection, id: Option<i64>) -> Result<Vec<IncidentRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT i.id, i.reference, i.kind, i.category, i.breach_types, i.occurred_at, i.aware_at, i.description,
         i.special_category, i.vulnerable_people, i.reported_by_id, p.full_name, i.likelihood, i.severity, i.status,
         i.aware_first_reason, i.data_categories, i.people_affected, i.records_affected, i.consequences, i.lessons,
         i.not_reported_reason, i.dspt_reference, i.dspt_reported_at, i.ico_reference, i.ico_reported_at,
         i.dpo_consulted, i.individuals_told, i.individuals_note, i.recorded_at
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
            aware_first_reason: r.get(15)?,
            data_categories: r.get(16)?,
            people_affected: r.get(17)?,
            records_affected: r.get(18)?,
            consequences: r.get(19)?,
            lessons: r.get(20)?,
            policies: Vec::new(),
            report: IncidentReport {
                not_reported_reason: r.get(21)?,
                dspt_reference: r.get(22)?,
                dspt_reported_at: r.get(23)?,
                ico_reference: r.get(24)?,
                ico_reported_at: r.get(25)?,
                dpo_consulted: r.get(26)?,
                individuals_told: r.get(27)?,
                individuals_note: r.get(28)?,
            },
            status_changes: Vec::new(),
            sign_offs: Vec::new(),
            recorded_at: r.get(29)?,
        })
    })?;
    let mut incidents: Vec<IncidentRecord> = rows.collect::<Result<_, _>>()?;
    let mut devices = conn.prepare_cached(
        "SELECT d.id, d.asset_tag FROM incident_device x JOIN device d ON d.id = x.device_id WHERE x.incident_id = ?1",
    )?;
    let mut policies = conn.prepare_cached(
        "SELECT q.id, q.title FROM incident_policy x JOIN policy q ON q.id = x.policy_id WHERE x.incident_id = ?1
         ORDER BY q.title",
    )?;
    let mut actions = conn.prepare_cached(
        "SELECT a.at, p.full_name, a.text FROM incident_action a JOIN person p ON p.id = a.by_id
         WHERE a.incident_id = ?1 ORDER BY a.id",
    )?;
    let mut changes = conn.prepare_cached(
        "SELECT c.at, p.id, p.full_name, c.from_status, c.to_status, c.reason FROM incident_status_change c
         JOIN person p ON p.id = c.by_id WHERE c.incident_id = ?1 ORDER BY c.id",
    )?;
    let mut sign_offs = conn.prepare_cached(
        "SELECT s.role, p.id, p.full_name, s.at, s.statement FROM incident_sign_off s
         JOIN person p ON p.id = s.by_id WHERE s.incident_id = ?1 ORDER BY s.id",
    )?;
    for incident in &mut incidents {
        incident.devices =
            devices.query_map([incident.id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
        incident.policies =
            policies.query_map([incident.id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
        incident.actions =
            actions.query_map([incident.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<Result<_, _>>()?;
        incident.status_changes = changes
            .query_map([incident.id], |r| {
                Ok(StatusChange {
                    at: r.get(0)?,
                    by: PersonRef { id: r.get(1)?, full_name: r.get(2)? },
                    from: r.get(3)?,
                    to: r.get(4)?,
                    reason: r.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let signed: Vec<(String, PersonRef, String, String)> = sign_offs
            .query_map([incident.id], |r| {
                Ok((r.get(0)?, PersonRef { id: r.get(1)?, full_name: r.get(2)? }, r.get(3)?, r.get(4)?))
            })?
            .collect::<Result<_, _>>()?;
        incident.sign_offs = signed
            .into_iter()
            .filter_map(|(role, by, at, statement)| {
                Some(IncidentSignOff { role: Role::parse(&role)?, by, at, statement })
            })
            .collect();
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
