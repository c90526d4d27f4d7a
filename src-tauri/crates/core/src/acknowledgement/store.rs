//! Reading and acknowledgement rows (tables created with the policy register, migration 2).

use custodian_vault::rusqlite::{Connection, OptionalExtension, params};
use time::OffsetDateTime;

use super::{Acknowledgement, AcknowledgementMethod};

/// When a person first opened a version and when they reached its end.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ReadState {
    pub first_opened_at: Option<String>,
    pub reached_end_at: Option<String>,
}

pub(crate) fn read_state(conn: &Connection, person_id: i64, version_id: i64) -> crate::Result<ReadState> {
    Ok(conn
        .query_row(
            "SELECT first_opened_at, reached_end_at FROM policy_read WHERE person_id = ?1 AND version_id = ?2",
            params![person_id, version_id],
            |r| Ok(ReadState { first_opened_at: r.get(0)?, reached_end_at: r.get(1)? }),
        )
        .optional()?
        .unwrap_or_default())
}

pub(crate) fn record_opened(
    conn: &Connection,
    person_id: i64,
    version_id: i64,
    at: OffsetDateTime,
) -> crate::Result<()> {
    conn.execute(
        "INSERT INTO policy_read (person_id, version_id, first_opened_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (person_id, version_id) DO NOTHING",
        params![person_id, version_id, crate::time_text(at)],
    )?;
    Ok(())
}

pub(crate) fn record_reached_end(
    conn: &Connection,
    person_id: i64,
    version_id: i64,
    at: OffsetDateTime,
) -> crate::Result<()> {
    record_opened(conn, person_id, version_id, at)?;
    conn.execute(
        "UPDATE policy_read SET reached_end_at = ?3 WHERE person_id = ?1 AND version_id = ?2 AND reached_end_at IS NULL",
        params![person_id, version_id, crate::time_text(at)],
    )?;
    Ok(())
}

/// An acknowledgement to record.
pub(crate) struct NewAcknowledgement<'a> {
    pub person_id: i64,
    pub version_id: i64,
    pub content_hash: &'a str,
    pub first_opened_at: Option<&'a str>,
    pub method: AcknowledgementMethod,
    pub recorded_by_id: Option<i64>,
    pub reason: Option<&'a str>,
}

pub(crate) fn insert(conn: &Connection, new: &NewAcknowledgement<'_>, at: OffsetDateTime) -> crate::Result<()> {
    conn.execute(
        "INSERT INTO policy_acknowledgement (person_id, version_id, content_hash, first_opened_at, acknowledged_at,
         method, recorded_by_id, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            new.person_id,
            new.version_id,
            new.content_hash,
            new.first_opened_at,
            crate::time_text(at),
            new.method.as_str(),
            new.recorded_by_id,
            new.reason
        ],
    )?;
    Ok(())
}

/// Every acknowledgement, oldest first.
pub(crate) fn all(conn: &Connection) -> crate::Result<Vec<Acknowledgement>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.person_id, a.version_id, a.content_hash, a.first_opened_at, a.acknowledged_at, a.method,
         a.recorded_by_id, r.full_name, a.reason
         FROM policy_acknowledgement a LEFT JOIN person r ON r.id = a.recorded_by_id ORDER BY a.id",
    )?;
    let rows = stmt.query_map([], |r| {
        let method: String = r.get(5)?;
        Ok(Acknowledgement {
            person_id: r.get(0)?,
            version_id: r.get(1)?,
            content_hash: r.get(2)?,
            first_opened_at: r.get(3)?,
            acknowledged_at: r.get(4)?,
            method: if method == "on_behalf" {
                AcknowledgementMethod::RecordedOnBehalf
            } else {
                AcknowledgementMethod::OwnLogin
            },
            recorded_by: r
                .get::<_, Option<i64>>(6)?
                .zip(r.get::<_, Option<String>>(7)?)
                .map(|(id, full_name)| crate::policy::PersonRef { id, full_name }),
            reason: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
