//! The disposal table.

use custodian_vault::rusqlite::{Connection, OptionalExtension, Row, params};
use time::{Date, OffsetDateTime};

use super::{DisposalMethod, DisposalRecord};
use crate::error::{CoreError, Result};
use crate::person::{date_text, parse_date};
use crate::policy::PersonRef;

/// Schema of the disposal log and the attachment store (migration 4).
pub(crate) const SCHEMA_V4: &str = "
CREATE TABLE disposal (
    id                    INTEGER PRIMARY KEY,
    device_id             INTEGER REFERENCES device (id),
    disposed_on           TEXT NOT NULL,
    reason                TEXT NOT NULL DEFAULT '',
    method                TEXT NOT NULL,
    sanitisation_standard TEXT NOT NULL DEFAULT '',
    performed_by          TEXT NOT NULL,
    contractor            TEXT NOT NULL DEFAULT '',
    contract_reference    TEXT NOT NULL DEFAULT '',
    certificate_number    TEXT NOT NULL DEFAULT '',
    certificate_sha256    TEXT REFERENCES attachment (sha256),
    witness               TEXT NOT NULL DEFAULT '',
    reuse_assessment      TEXT NOT NULL DEFAULT '',
    consignment_reference TEXT NOT NULL DEFAULT '',
    containers            INTEGER,
    recorded_by_id        INTEGER NOT NULL REFERENCES person (id),
    recorded_at           TEXT NOT NULL,
    checked_by_id         INTEGER REFERENCES person (id),
    checked_at            TEXT,
    check_statement       TEXT
) STRICT;
CREATE INDEX disposal_by_device ON disposal (device_id);
CREATE TRIGGER disposal_kept
BEFORE DELETE ON disposal
BEGIN SELECT RAISE(ABORT, 'disposals are never deleted'); END;";

/// A disposal to record, checked.
pub(crate) struct NewDisposal {
    pub device_id: Option<i64>,
    pub disposed_on: Date,
    pub reason: String,
    pub method: DisposalMethod,
    pub sanitisation_standard: String,
    pub performed_by: String,
    pub contractor: String,
    pub contract_reference: String,
    pub certificate_number: String,
    pub witness: String,
    pub reuse_assessment: String,
    pub consignment_reference: String,
    pub containers: Option<u32>,
    pub recorded_by_id: i64,
}

pub(crate) fn insert(
    conn: &Connection,
    d: &NewDisposal,
    certificate: Option<&str>,
    now: OffsetDateTime,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO disposal (device_id, disposed_on, reason, method, sanitisation_standard, performed_by, contractor,
         contract_reference, certificate_number, certificate_sha256, witness, reuse_assessment, consignment_reference,
         containers, recorded_by_id, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            d.device_id,
            date_text(d.disposed_on),
            d.reason,
            d.method.as_str(),
            d.sanitisation_standard,
            d.performed_by,
            d.contractor,
            d.contract_reference,
            d.certificate_number,
            certificate,
            d.witness,
            d.reuse_assessment,
            d.consignment_reference,
            d.containers,
            d.recorded_by_id,
            crate::time_text(now)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn mark_checked(conn: &Connection, id: i64, by: i64, statement: &str, now: OffsetDateTime) -> Result<()> {
    conn.execute(
        "UPDATE disposal SET checked_by_id = ?2, checked_at = ?3, check_statement = ?4 WHERE id = ?1 AND checked_by_id IS NULL",
        params![id, by, crate::time_text(now), statement],
    )?;
    Ok(())
}

const SELECT: &str =
    "SELECT d.id, d.device_id, v.asset_tag, d.disposed_on, d.reason, d.method, d.sanitisation_standard,
     d.performed_by, d.contractor, d.contract_reference, d.certificate_number, d.certificate_sha256, d.witness,
     d.reuse_assessment, d.consignment_reference, d.containers, d.recorded_by_id, r.full_name, d.recorded_at,
     d.checked_by_id, c.full_name, d.checked_at, d.check_statement
     FROM disposal d LEFT JOIN device v ON v.id = d.device_id JOIN person r ON r.id = d.recorded_by_id
     LEFT JOIN person c ON c.id = d.checked_by_id";

fn record(r: &Row<'_>) -> custodian_vault::rusqlite::Result<(DisposalRecord, Option<String>)> {
    let device_id: Option<i64> = r.get(1)?;
    let method: String = r.get(5)?;
    let checked_by: Option<i64> = r.get(19)?;
    Ok((
        DisposalRecord {
            id: r.get(0)?,
            device: device_id.zip(r.get::<_, Option<String>>(2)?),
            disposed_on: parse_date(&r.get::<_, String>(3)?, "date").unwrap_or(Date::MIN),
            reason: r.get(4)?,
            method: DisposalMethod::parse(&method).unwrap_or(DisposalMethod::PhysicalDestruction),
            sanitisation_standard: r.get(6)?,
            performed_by: r.get(7)?,
            contractor: r.get(8)?,
            contract_reference: r.get(9)?,
            certificate_number: r.get(10)?,
            certificate: None,
            witness: r.get(12)?,
            reuse_assessment: r.get(13)?,
            consignment_reference: r.get(14)?,
            containers: r.get(15)?,
            recorded_by: PersonRef { id: r.get(16)?, full_name: r.get(17)? },
            recorded_at: r.get(18)?,
            checked_by: checked_by
                .zip(r.get::<_, Option<String>>(20)?)
                .map(|(id, full_name)| PersonRef { id, full_name }),
            checked_at: r.get(21)?,
            check_statement: r.get(22)?,
        },
        r.get(11)?,
    ))
}

fn with_certificate(conn: &Connection, (mut d, sha): (DisposalRecord, Option<String>)) -> Result<DisposalRecord> {
    if let Some(sha) = sha {
        d.certificate = crate::attachment::info(conn, &sha)?;
    }
    Ok(d)
}

/// Every disposal, newest first.
pub(crate) fn all(conn: &Connection) -> Result<Vec<DisposalRecord>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} ORDER BY d.disposed_on DESC, d.id DESC"))?;
    let rows: Vec<_> = stmt.query_map([], record)?.collect::<Result<_, _>>()?;
    rows.into_iter().map(|row| with_certificate(conn, row)).collect()
}

pub(crate) fn by_id(conn: &Connection, id: i64) -> Result<DisposalRecord> {
    let row = conn
        .query_row(&format!("{SELECT} WHERE d.id = ?1"), [id], record)
        .optional()?
        .ok_or(CoreError::NotFound("disposal"))?;
    with_certificate(conn, row)
}
