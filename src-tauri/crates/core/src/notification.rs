//! Notifications addressed to a role (the SIRO, the Caldicott Guardian, the DPO), shown on the
//! home screen of everyone who holds it until they dismiss it. BYOD checks and incidents raise them.

use std::collections::HashMap;

use custodian_vault::rusqlite::{Connection, params};
use time::OffsetDateTime;

use crate::error::Result;
use crate::person::PersonRecord;
use crate::role::Role;
use crate::session::Session;

/// A notification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notification {
    /// Row id.
    pub id: i64,
    /// The role it is for.
    pub role: Role,
    /// The kind of record it is about (e.g. `byod_check`).
    pub record_type: String,
    /// Which record.
    pub record_id: String,
    /// What happened.
    pub message: String,
    /// When (RFC 3339).
    pub created_at: String,
}

pub(crate) fn add(
    conn: &Connection,
    role: Role,
    record_type: &str,
    record_id: i64,
    message: &str,
    now: OffsetDateTime,
) -> Result<()> {
    conn.execute(
        "INSERT INTO notification (role, record_type, record_id, message, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![role.as_str(), record_type, record_id.to_string(), message, crate::time_text(now)],
    )?;
    Ok(())
}

/// The roles told of each record of a kind (e.g. `byod_check`), by record id: each role once, in
/// role order.
pub(crate) fn roles_told(conn: &Connection, record_type: &str) -> Result<HashMap<String, Vec<Role>>> {
    let mut stmt = conn.prepare_cached("SELECT DISTINCT record_id, role FROM notification WHERE record_type = ?1")?;
    let rows = stmt.query_map([record_type], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut told: HashMap<String, Vec<Role>> = HashMap::new();
    for row in rows {
        let (record_id, role) = row?;
        if let Some(role) = Role::parse(&role) {
            told.entry(record_id).or_default().push(role);
        }
    }
    for roles in told.values_mut() {
        roles.sort();
    }
    Ok(told)
}

pub(crate) fn for_person(conn: &Connection, me: &PersonRecord) -> Result<Vec<Notification>> {
    let mut stmt = conn.prepare_cached(
        "SELECT n.id, n.role, n.record_type, n.record_id, n.message, n.created_at FROM notification n
         WHERE NOT EXISTS (SELECT 1 FROM notification_dismissal d WHERE d.notification_id = n.id AND d.person_id = ?1)
         ORDER BY n.id DESC",
    )?;
    let rows = stmt.query_map([me.id], |r| {
        let role: String = r.get(1)?;
        Ok((r.get(0)?, role, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
    })?;
    let mut mine = Vec::new();
    for row in rows {
        let (id, role, record_type, record_id, message, created_at): (i64, String, String, String, String, String) =
            row?;
        if let Some(role) = Role::parse(&role).filter(|r| me.has(*r)) {
            mine.push(Notification { id, role, record_type, record_id, message, created_at });
        }
    }
    Ok(mine)
}

pub(crate) fn dismiss(conn: &Connection, id: i64, person_id: i64, now: OffsetDateTime) -> Result<()> {
    conn.execute(
        "INSERT INTO notification_dismissal (notification_id, person_id, dismissed_at) VALUES (?1, ?2, ?3)
         ON CONFLICT DO NOTHING",
        params![id, person_id, crate::time_text(now)],
    )?;
    Ok(())
}

impl Session {
    /// Notifications for the signed-in person's roles that they have not dismissed, newest first.
    pub fn notifications(&self, now: OffsetDateTime) -> Result<Vec<Notification>> {
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        for_person(self.vault.connection(), &me)
    }

    /// Dismisses a notification for the signed-in person.
    pub fn dismiss_notification(&mut self, id: i64, now: OffsetDateTime) -> Result<()> {
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        self.refresh()?;
        self.vault.write(|tx| dismiss(tx, id, me.id, now))
    }
}
