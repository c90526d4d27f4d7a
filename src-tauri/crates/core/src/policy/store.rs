//! The policy tables: the register, versions with their frozen text, and sign-offs.

use custodian_vault::rusqlite::{Connection, OptionalExtension, Row, params};
use time::{Date, OffsetDateTime};

use super::version::{VersionNumber, VersionStatus};
use super::{PersonRef, Policy, PolicyVersion, SignOff, SignOffKind};
use crate::error::{CoreError, Result};
use crate::person::date_text;
use crate::role::Role;

/// Schema of the policy register (migration 2). Triggers keep approved text frozen and versions
/// and sign-offs undeletable, whatever code runs against the database.
pub(crate) const SCHEMA_V2: &str = "
CREATE TABLE policy (
    id              INTEGER PRIMARY KEY,
    catalogue_key   TEXT,
    title           TEXT NOT NULL UNIQUE COLLATE NOCASE,
    owner_id        INTEGER REFERENCES person (id),
    approvers       TEXT NOT NULL,
    review_months   INTEGER NOT NULL CHECK (review_months BETWEEN 1 AND 60),
    audience        TEXT NOT NULL DEFAULT '',
    dspt_items      TEXT NOT NULL DEFAULT '',
    next_review     TEXT,
    created_at      TEXT NOT NULL
) STRICT;
CREATE TABLE policy_version (
    id              INTEGER PRIMARY KEY,
    policy_id       INTEGER NOT NULL REFERENCES policy (id),
    major           INTEGER NOT NULL,
    minor           INTEGER NOT NULL,
    status          TEXT NOT NULL
                    CHECK (status IN ('draft', 'in_review', 'approved', 'published', 'superseded')),
    body            TEXT NOT NULL,
    content_hash    TEXT NOT NULL,
    source          TEXT NOT NULL,
    change_summary  TEXT NOT NULL,
    author_id       INTEGER NOT NULL REFERENCES person (id),
    created_at      TEXT NOT NULL,
    submitted_at    TEXT,
    approved_at     TEXT,
    published_at    TEXT,
    superseded_at   TEXT,
    UNIQUE (policy_id, major, minor)
) STRICT;
CREATE INDEX policy_version_by_policy ON policy_version (policy_id, status);
CREATE TRIGGER policy_version_text_frozen
BEFORE UPDATE OF body, content_hash, major, minor, policy_id ON policy_version
WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the text of a policy version is frozen once it leaves draft'); END;
CREATE TRIGGER policy_version_kept
BEFORE DELETE ON policy_version
BEGIN SELECT RAISE(ABORT, 'policy versions are never deleted'); END;
CREATE TABLE policy_sign_off (
    id              INTEGER PRIMARY KEY,
    policy_id       INTEGER NOT NULL REFERENCES policy (id),
    version_id      INTEGER NOT NULL REFERENCES policy_version (id),
    kind            TEXT NOT NULL CHECK (kind IN ('approval', 'review_no_change')),
    signer_id       INTEGER NOT NULL REFERENCES person (id),
    roles           TEXT NOT NULL,
    content_hash    TEXT NOT NULL,
    statement       TEXT NOT NULL,
    signed_at       TEXT NOT NULL,
    next_review     TEXT,
    withdrawn_at    TEXT
) STRICT;
CREATE INDEX policy_sign_off_by_policy ON policy_sign_off (policy_id, id);
CREATE TRIGGER policy_sign_off_kept
BEFORE DELETE ON policy_sign_off
BEGIN SELECT RAISE(ABORT, 'sign-offs are never deleted'); END;
CREATE TABLE policy_read (
    person_id       INTEGER NOT NULL REFERENCES person (id),
    version_id      INTEGER NOT NULL REFERENCES policy_version (id),
    first_opened_at TEXT NOT NULL,
    reached_end_at  TEXT,
    PRIMARY KEY (person_id, version_id)
) STRICT;
CREATE TABLE policy_acknowledgement (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person (id),
    version_id      INTEGER NOT NULL REFERENCES policy_version (id),
    content_hash    TEXT NOT NULL,
    first_opened_at TEXT,
    acknowledged_at TEXT NOT NULL,
    method          TEXT NOT NULL CHECK (method IN ('own_login', 'on_behalf')),
    recorded_by_id  INTEGER REFERENCES person (id),
    reason          TEXT,
    UNIQUE (person_id, version_id)
) STRICT;
CREATE INDEX policy_acknowledgement_by_version ON policy_acknowledgement (version_id);
CREATE TRIGGER policy_acknowledgement_kept
BEFORE DELETE ON policy_acknowledgement
BEGIN SELECT RAISE(ABORT, 'acknowledgements are never deleted'); END;";

/// A register entry's editable fields, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PolicyFields {
    pub title: String,
    pub owner_id: Option<i64>,
    pub approvers: Vec<Role>,
    pub review_months: u32,
    pub audience: Vec<Role>,
    pub dspt_items: Vec<String>,
}

pub(crate) fn roles_text(roles: &[Role]) -> String {
    roles.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",")
}

pub(crate) fn parse_roles(text: &str) -> Vec<Role> {
    text.split(',').filter_map(Role::parse).collect()
}

fn parse_day(text: Option<String>) -> Option<Date> {
    text.and_then(|t| Date::parse(&t, &time::format_description::well_known::Iso8601::DATE).ok())
}

pub(crate) fn insert_policy(
    conn: &Connection,
    fields: &PolicyFields,
    catalogue_key: Option<&str>,
    now: OffsetDateTime,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO policy (catalogue_key, title, owner_id, approvers, review_months, audience, dspt_items, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            catalogue_key,
            fields.title,
            fields.owner_id,
            roles_text(&fields.approvers),
            fields.review_months,
            roles_text(&fields.audience),
            fields.dspt_items.join(","),
            crate::time_text(now)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn update_policy(conn: &Connection, id: i64, fields: &PolicyFields) -> Result<()> {
    let changed = conn.execute(
        "UPDATE policy SET title = ?2, owner_id = ?3, approvers = ?4, review_months = ?5, audience = ?6,
         dspt_items = ?7 WHERE id = ?1",
        params![
            id,
            fields.title,
            fields.owner_id,
            roles_text(&fields.approvers),
            fields.review_months,
            roles_text(&fields.audience),
            fields.dspt_items.join(",")
        ],
    )?;
    if changed == 0 { Err(CoreError::NotFound("policy")) } else { Ok(()) }
}

pub(crate) fn set_next_review(conn: &Connection, id: i64, next: Date) -> Result<()> {
    conn.execute("UPDATE policy SET next_review = ?2 WHERE id = ?1", params![id, date_text(next)])?;
    Ok(())
}

pub(crate) fn title_taken(conn: &Connection, title: &str, except: Option<i64>) -> Result<bool> {
    let found: Option<i64> =
        conn.query_row("SELECT id FROM policy WHERE title = ?1 COLLATE NOCASE", [title], |r| r.get(0)).optional()?;
    Ok(found.is_some_and(|id| Some(id) != except))
}

/// Refuses a policy id the register does not hold.
pub(crate) fn must_exist(conn: &Connection, id: i64) -> Result<()> {
    let found: Option<i64> = conn.query_row("SELECT id FROM policy WHERE id = ?1", [id], |r| r.get(0)).optional()?;
    found.map(|_| ()).ok_or(CoreError::NotFound("policy"))
}

const VERSION_COLUMNS: &str = "v.id, v.policy_id, v.major, v.minor, v.status, v.content_hash, v.source, \
     v.change_summary, v.author_id, a.full_name, v.created_at, v.submitted_at, v.approved_at, v.published_at, \
     v.superseded_at";

fn version_from_row(r: &Row<'_>) -> custodian_vault::rusqlite::Result<PolicyVersion> {
    let status: String = r.get(4)?;
    Ok(PolicyVersion {
        id: r.get(0)?,
        policy_id: r.get(1)?,
        number: VersionNumber { major: r.get(2)?, minor: r.get(3)? },
        status: VersionStatus::parse(&status).unwrap_or(VersionStatus::Draft),
        content_hash: r.get(5)?,
        source: r.get(6)?,
        change_summary: r.get(7)?,
        author: PersonRef { id: r.get(8)?, full_name: r.get(9)? },
        created_at: r.get(10)?,
        submitted_at: r.get(11)?,
        approved_at: r.get(12)?,
        published_at: r.get(13)?,
        superseded_at: r.get(14)?,
    })
}

/// Every version of every policy (without their text), newest first within a policy.
pub(crate) fn all_versions(conn: &Connection) -> Result<Vec<PolicyVersion>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {VERSION_COLUMNS} FROM policy_version v JOIN person a ON a.id = v.author_id
         ORDER BY v.policy_id, v.major DESC, v.minor DESC"
    ))?;
    Ok(stmt.query_map([], version_from_row)?.collect::<Result<_, _>>()?)
}

pub(crate) fn versions_of(conn: &Connection, policy_id: i64) -> Result<Vec<PolicyVersion>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {VERSION_COLUMNS} FROM policy_version v JOIN person a ON a.id = v.author_id
         WHERE v.policy_id = ?1 ORDER BY v.major DESC, v.minor DESC"
    ))?;
    Ok(stmt.query_map([policy_id], version_from_row)?.collect::<Result<_, _>>()?)
}

pub(crate) fn version(conn: &Connection, id: i64) -> Result<PolicyVersion> {
    conn.query_row(
        &format!("SELECT {VERSION_COLUMNS} FROM policy_version v JOIN person a ON a.id = v.author_id WHERE v.id = ?1"),
        [id],
        version_from_row,
    )
    .optional()?
    .ok_or(CoreError::NotFound("policy version"))
}

pub(crate) fn version_body(conn: &Connection, id: i64) -> Result<String> {
    conn.query_row("SELECT body FROM policy_version WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or(CoreError::NotFound("policy version"))
}

/// A new version's text and facts.
pub(crate) struct NewVersion<'a> {
    pub policy_id: i64,
    pub number: VersionNumber,
    pub body: &'a str,
    pub content_hash: &'a str,
    pub source: &'a str,
    pub change_summary: &'a str,
    pub author_id: i64,
}

pub(crate) fn insert_version(conn: &Connection, new: &NewVersion<'_>, now: OffsetDateTime) -> Result<i64> {
    conn.execute(
        "INSERT INTO policy_version (policy_id, major, minor, status, body, content_hash, source, change_summary,
         author_id, created_at) VALUES (?1, ?2, ?3, 'draft', ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            new.policy_id,
            new.number.major,
            new.number.minor,
            new.body,
            new.content_hash,
            new.source,
            new.change_summary,
            new.author_id,
            crate::time_text(now)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn update_draft(
    conn: &Connection,
    id: i64,
    body: &str,
    content_hash: &str,
    source: &str,
    change_summary: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE policy_version SET body = ?2, content_hash = ?3, source = ?4, change_summary = ?5
         WHERE id = ?1 AND status = 'draft'",
        params![id, body, content_hash, source, change_summary],
    )?;
    Ok(())
}

/// Moves a version to `status`, stamping the matching time column.
pub(crate) fn set_status(conn: &Connection, id: i64, status: VersionStatus, at: OffsetDateTime) -> Result<()> {
    let stamp = match status {
        VersionStatus::Draft => "submitted_at = NULL",
        VersionStatus::InReview => "submitted_at = ?3",
        VersionStatus::Approved => "approved_at = ?3",
        VersionStatus::Published => "published_at = ?3",
        VersionStatus::Superseded => "superseded_at = ?3",
    };
    let sql = format!("UPDATE policy_version SET status = ?2, {stamp} WHERE id = ?1");
    if status == VersionStatus::Draft {
        conn.execute(&sql, params![id, status.as_str()])?;
    } else {
        conn.execute(&sql, params![id, status.as_str(), crate::time_text(at)])?;
    }
    Ok(())
}

/// The register's entries, in title order, without their versions.
pub(crate) fn all_policies(conn: &Connection) -> Result<Vec<Policy>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.catalogue_key, p.title, p.owner_id, o.full_name, p.approvers, p.review_months, p.audience,
         p.dspt_items, p.next_review
         FROM policy p LEFT JOIN person o ON o.id = p.owner_id ORDER BY p.title COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([], |r| {
        let owner_id: Option<i64> = r.get(3)?;
        let owner_name: Option<String> = r.get(4)?;
        let approvers: String = r.get(5)?;
        let audience: String = r.get(7)?;
        let dspt: String = r.get(8)?;
        Ok(Policy {
            id: r.get(0)?,
            catalogue_key: r.get(1)?,
            title: r.get(2)?,
            owner: owner_id.zip(owner_name).map(|(id, full_name)| PersonRef { id, full_name }),
            approvers: parse_roles(&approvers),
            review_months: r.get(6)?,
            audience: parse_roles(&audience),
            dspt_items: dspt.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect(),
            next_review: parse_day(r.get(9)?),
            current: None,
            pending: None,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A sign-off to record.
pub(crate) struct NewSignOff<'a> {
    pub policy_id: i64,
    pub version_id: i64,
    pub kind: SignOffKind,
    pub signer_id: i64,
    pub roles: &'a [Role],
    pub content_hash: &'a str,
    pub statement: &'a str,
    pub next_review: Option<Date>,
}

pub(crate) fn insert_sign_off(conn: &Connection, new: &NewSignOff<'_>, now: OffsetDateTime) -> Result<i64> {
    conn.execute(
        "INSERT INTO policy_sign_off (policy_id, version_id, kind, signer_id, roles, content_hash, statement,
         signed_at, next_review) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            new.policy_id,
            new.version_id,
            new.kind.as_str(),
            new.signer_id,
            roles_text(new.roles),
            new.content_hash,
            new.statement,
            crate::time_text(now),
            new.next_review.map(date_text)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn withdraw_sign_offs(conn: &Connection, version_id: i64, at: OffsetDateTime) -> Result<()> {
    conn.execute(
        "UPDATE policy_sign_off SET withdrawn_at = ?2 WHERE version_id = ?1 AND kind = 'approval'
         AND withdrawn_at IS NULL",
        params![version_id, crate::time_text(at)],
    )?;
    Ok(())
}

/// Sign-offs of one policy (or all when `None`), oldest first.
pub(crate) fn sign_offs(conn: &Connection, policy_id: Option<i64>) -> Result<Vec<SignOff>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.policy_id, s.version_id, v.major, v.minor, s.kind, s.signer_id, p.full_name, s.roles,
         s.content_hash, s.statement, s.signed_at, s.next_review, s.withdrawn_at
         FROM policy_sign_off s JOIN policy_version v ON v.id = s.version_id JOIN person p ON p.id = s.signer_id
         WHERE ?1 IS NULL OR s.policy_id = ?1 ORDER BY s.id",
    )?;
    let rows = stmt.query_map([policy_id], |r| {
        let kind: String = r.get(5)?;
        let roles: String = r.get(8)?;
        Ok(SignOff {
            id: r.get(0)?,
            policy_id: r.get(1)?,
            version_id: r.get(2)?,
            version: VersionNumber { major: r.get(3)?, minor: r.get(4)? },
            kind: if kind == "approval" { SignOffKind::Approval } else { SignOffKind::ReviewedNoChange },
            signer: PersonRef { id: r.get(6)?, full_name: r.get(7)? },
            roles: parse_roles(&roles),
            content_hash: r.get(9)?,
            statement: r.get(10)?,
            signed_at: r.get(11)?,
            next_review: parse_day(r.get(12)?),
            withdrawn_at: r.get(13)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
