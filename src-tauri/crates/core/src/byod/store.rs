//! The BYOD check tables.

use custodian_vault::rusqlite::{Connection, params};
use time::{Date, OffsetDateTime};

use super::{ByodCheck, ByodOutcome, CheckedItem, ItemResult, checklist, recheck_due};
use crate::error::{CoreError, Result};
use crate::notification;
use crate::person::{date_text, parse_date};
use crate::policy::PersonRef;

/// A check to record, checked.
pub(crate) struct NewCheck<'a> {
    pub person_id: i64,
    pub device_id: i64,
    pub checklist_key: &'a str,
    pub checklist_version: &'a str,
    pub checked_by_id: i64,
    pub checked_on: Date,
    pub outcome: ByodOutcome,
    pub risk: &'a str,
}

pub(crate) fn insert(conn: &Connection, c: &NewCheck<'_>, now: OffsetDateTime) -> Result<i64> {
    conn.execute(
        "INSERT INTO byod_check (person_id, device_id, checklist_key, checklist_version, checked_by_id, checked_on,
         outcome, risk, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            c.person_id,
            c.device_id,
            c.checklist_key,
            c.checklist_version,
            c.checked_by_id,
            date_text(c.checked_on),
            c.outcome.as_str(),
            c.risk,
            crate::time_text(now)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_item(
    conn: &Connection,
    check_id: i64,
    position: usize,
    key: &str,
    text: &str,
    result: ItemResult,
    note: &str,
    attachment: Option<&str>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO byod_check_item (check_id, position, item_key, text, result, note, attachment_sha256)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![check_id, position as i64, key, text, result.as_str(), note, attachment],
    )?;
    Ok(())
}

pub(crate) fn accept_risk(conn: &Connection, id: i64, by: i64, statement: &str, now: OffsetDateTime) -> Result<()> {
    conn.execute(
        "UPDATE byod_check SET risk_accepted_by_id = ?2, risk_accepted_at = ?3, risk_statement = ?4
         WHERE id = ?1 AND risk_accepted_by_id IS NULL",
        params![id, by, crate::time_text(now), statement],
    )?;
    Ok(())
}

const SELECT: &str = "SELECT c.id, c.person_id, p.full_name, p.leaving_date, c.device_id, d.asset_tag, c.checklist_key,
     c.checklist_version, c.checked_by_id, b.full_name, c.checked_on, c.outcome, c.risk, c.risk_accepted_by_id,
     a.full_name, c.risk_accepted_at, c.risk_statement
     FROM byod_check c JOIN person p ON p.id = c.person_id JOIN device d ON d.id = c.device_id
     JOIN person b ON b.id = c.checked_by_id LEFT JOIN person a ON a.id = c.risk_accepted_by_id";

fn load(conn: &Connection, filter: &str, id: Option<i64>) -> Result<Vec<ByodCheck>> {
    let titles: Vec<(String, String)> = checklist::all(conn)?.into_iter().map(|l| (l.key, l.title)).collect();
    let mut told = notification::roles_told(conn, "byod_check")?;
    let mut stmt = conn.prepare_cached(&format!("{SELECT} {filter} ORDER BY c.checked_on DESC, c.id DESC"))?;
    let rows = stmt.query_map(params![id], |r| {
        let leaving: Option<String> = r.get(3)?;
        let checked_on = parse_date(&r.get::<_, String>(10)?, "date").unwrap_or(Date::MIN);
        let key: String = r.get(6)?;
        let accepted_by: Option<i64> = r.get(13)?;
        Ok(ByodCheck {
            id: r.get(0)?,
            person: PersonRef { id: r.get(1)?, full_name: r.get(2)? },
            device: (r.get(4)?, r.get(5)?),
            checklist: (key.clone(), titles.iter().find(|t| t.0 == key).map(|t| t.1.clone()).unwrap_or(key)),
            checklist_version: r.get(7)?,
            checked_by: PersonRef { id: r.get(8)?, full_name: r.get(9)? },
            checked_on,
            items: Vec::new(),
            outcome: ByodOutcome::parse(&r.get::<_, String>(11)?).unwrap_or(ByodOutcome::Refused),
            risk: r.get(12)?,
            risk_accepted_by: accepted_by
                .zip(r.get::<_, Option<String>>(14)?)
                .map(|(id, full_name)| PersonRef { id, full_name }),
            risk_accepted_at: r.get(15)?,
            risk_statement: r.get(16)?,
            recheck_due: Some(recheck_due(checked_on, leaving.and_then(|l| parse_date(&l, "date").ok()))),
            notified: Vec::new(),
        })
    })?;
    let mut checks: Vec<ByodCheck> = rows.collect::<Result<_, _>>()?;
    // Only the newest check of a person's device can fall due again, and only if it let the
    // device be used. (One check alone is loaded newest-first too, so look its device up.)
    let newest: std::collections::HashMap<(i64, i64), i64> = {
        let mut stmt =
            conn.prepare_cached("SELECT person_id, device_id, id FROM byod_check ORDER BY checked_on ASC, id ASC")?;
        let rows = stmt.query_map([], |r| Ok(((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?), r.get::<_, i64>(2)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    for check in &mut checks {
        check.notified = told.remove(&check.id.to_string()).unwrap_or_default();
        let replaced = newest.get(&(check.person.id, check.device.0)).is_some_and(|id| *id != check.id);
        if replaced || check.outcome == ByodOutcome::Refused {
            check.recheck_due = None;
        }
    }
    let mut items = conn.prepare_cached(
        "SELECT item_key, text, result, note, attachment_sha256 FROM byod_check_item WHERE check_id = ?1 ORDER BY position",
    )?;
    for check in &mut checks {
        let found: Vec<(String, String, String, String, Option<String>)> = items
            .query_map([check.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
            .collect::<Result<_, _>>()?;
        for (key, text, result, note, sha) in found {
            let evidence = match sha {
                Some(sha) => crate::attachment::info(conn, &sha)?,
                None => None,
            };
            check.items.push(CheckedItem {
                key,
                text,
                result: ItemResult::parse(&result).unwrap_or(ItemResult::Fail),
                note,
                evidence,
            });
        }
    }
    Ok(checks)
}

/// Every check, newest first.
pub(crate) fn all(conn: &Connection) -> Result<Vec<ByodCheck>> {
    load(conn, "WHERE ?1 IS NULL", None)
}

pub(crate) fn by_id(conn: &Connection, id: i64) -> Result<ByodCheck> {
    load(conn, "WHERE c.id = ?1", Some(id))?.into_iter().next().ok_or(CoreError::NotFound("BYOD check"))
}
