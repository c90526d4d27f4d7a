//! The audit trail: every change appends an entry, and entries are hash-chained so that a removed
//! or altered entry is detectable.
//!
//! `hash = SHA-256(previous hash ‖ content)`, where `content` is each field in order — seq (8
//! bytes, little-endian), then at, actor login, action, record type, record id and summary, each
//! as a 4-byte little-endian length and its UTF-8 bytes — and the first entry's previous hash is
//! 32 zero bytes.

use custodian_vault::rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};
use time::{Date, OffsetDateTime};

use crate::error::Result;

/// Schema of the audit trail (migration 1).
pub(crate) const SCHEMA_V1: &str = "
CREATE TABLE audit_entry (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor_login TEXT NOT NULL,
    action      TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    summary     TEXT NOT NULL,
    prev_hash   BLOB NOT NULL,
    hash        BLOB NOT NULL
) STRICT;
CREATE INDEX audit_entry_by_actor ON audit_entry (actor_login, seq);
CREATE INDEX audit_entry_by_record_type ON audit_entry (record_type, seq);
CREATE INDEX audit_entry_by_time ON audit_entry (at);";

/// One change to record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAuditEntry<'a> {
    /// Who made the change.
    pub actor_login: &'a str,
    /// What was done, as `area.verb` (e.g. `person.add`).
    pub action: &'a str,
    /// The kind of record changed (e.g. `person`).
    pub record_type: &'a str,
    /// Which record.
    pub record_id: String,
    /// A short description of what changed (before → after where it helps).
    pub summary: String,
}

/// A recorded entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    /// Position in the chain, from 1.
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who.
    pub actor_login: String,
    /// What was done.
    pub action: String,
    /// The kind of record.
    pub record_type: String,
    /// Which record.
    pub record_id: String,
    /// What changed.
    pub summary: String,
    /// This entry's hash (hex).
    pub hash: String,
}

/// Appends an entry after the current head of the chain, in the caller's transaction.
pub(crate) fn append(conn: &Connection, at: OffsetDateTime, entry: &NewAuditEntry<'_>) -> Result<()> {
    let head: Option<(i64, Vec<u8>)> = conn
        .query_row("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (seq, prev_hash) = head.map(|(seq, hash)| (seq + 1, hash)).unwrap_or((1, vec![0; 32]));
    let at = crate::time_text(at);
    let hash = entry_hash(
        &prev_hash,
        seq,
        [&at, entry.actor_login, entry.action, entry.record_type, &entry.record_id, &entry.summary],
    );
    conn.execute(
        "INSERT INTO audit_entry (seq, at, actor_login, action, record_type, record_id, summary, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            seq,
            at,
            entry.actor_login,
            entry.action,
            entry.record_type,
            entry.record_id,
            entry.summary,
            prev_hash,
            hash.to_vec()
        ],
    )?;
    Ok(())
}

fn entry_hash(prev_hash: &[u8], seq: i64, fields: [&str; 6]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(prev_hash);
    hasher.update(seq.to_le_bytes());
    for field in fields {
        hasher.update((field.len() as u32).to_le_bytes());
        hasher.update(field.as_bytes());
    }
    hasher.finalize().into()
}

/// The result of checking the whole chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainReport {
    /// How many entries there are.
    pub entries: u64,
    /// The hash of the last entry (hex), the chain's head.
    pub head: Option<String>,
    /// The first entry whose link is broken (altered, removed before it, or out of order).
    pub first_broken: Option<i64>,
}

impl ChainReport {
    /// Whether every link holds.
    pub fn is_intact(&self) -> bool {
        self.first_broken.is_none()
    }
}

/// Recomputes every link of the chain, in order.
pub(crate) fn verify(conn: &Connection) -> Result<ChainReport> {
    let mut stmt = conn.prepare(
        "SELECT seq, at, actor_login, action, record_type, record_id, summary, prev_hash, hash
         FROM audit_entry ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut expected_prev = vec![0u8; 32];
    let mut expected_seq = 1i64;
    let mut entries = 0u64;
    let mut first_broken = None;
    while let Some(row) = rows.next()? {
        let seq: i64 = row.get(0)?;
        let fields: [String; 6] = [row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?, row.get(6)?];
        let prev_hash: Vec<u8> = row.get(7)?;
        let hash: Vec<u8> = row.get(8)?;
        let recomputed = entry_hash(&prev_hash, seq, fields.each_ref().map(String::as_str));
        if first_broken.is_none() && (seq != expected_seq || prev_hash != expected_prev || hash != recomputed) {
            first_broken = Some(seq);
        }
        expected_prev = hash;
        expected_seq = seq + 1;
        entries += 1;
    }
    let head = (entries > 0).then(|| hex(&expected_prev));
    Ok(ChainReport { entries, head, first_broken })
}

/// Which entries to list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Only this person's entries.
    pub actor_login: Option<String>,
    /// Only entries about this kind of record.
    pub record_type: Option<String>,
    /// Only entries on or after this day (UTC).
    pub from: Option<Date>,
    /// Only entries on or before this day (UTC).
    pub to: Option<Date>,
}

/// One page of entries, newest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditPage {
    /// The entries.
    pub entries: Vec<AuditEntry>,
    /// Pass as `before_seq` to get the next (older) page; `None` at the end.
    pub next_before_seq: Option<i64>,
}

/// Lists entries matching `filter`, newest first, `limit` at a time, older than `before_seq`.
/// Pages by sequence number, so any page costs the same however deep it is.
pub(crate) fn list(conn: &Connection, filter: &AuditFilter, before_seq: Option<i64>, limit: u32) -> Result<AuditPage> {
    let limit = limit.clamp(1, 500);
    let day = time::macros::format_description!("[year]-[month]-[day]");
    let from = filter.from.and_then(|d| d.format(day).ok());
    let to = filter.to.and_then(|d| d.next_day()).and_then(|d| d.format(day).ok());
    let mut stmt = conn.prepare_cached(
        "SELECT seq, at, actor_login, action, record_type, record_id, summary, hash FROM audit_entry
         WHERE seq < ?1
           AND (?2 IS NULL OR actor_login = ?2)
           AND (?3 IS NULL OR record_type = ?3)
           AND (?4 IS NULL OR at >= ?4)
           AND (?5 IS NULL OR at < ?5)
         ORDER BY seq DESC LIMIT ?6",
    )?;
    let entries: Vec<AuditEntry> = stmt
        .query_map(
            params![
                before_seq.unwrap_or(i64::MAX),
                filter.actor_login,
                filter.record_type,
                from,
                to,
                i64::from(limit) + 1
            ],
            |r| {
                let hash: Vec<u8> = r.get(7)?;
                Ok(AuditEntry {
                    seq: r.get(0)?,
                    at: r.get(1)?,
                    actor_login: r.get(2)?,
                    action: r.get(3)?,
                    record_type: r.get(4)?,
                    record_id: r.get(5)?,
                    summary: r.get(6)?,
                    hash: hex(&hash),
                })
            },
        )?
        .collect::<std::result::Result<_, _>>()?;
    let mut entries = entries;
    let next_before_seq = if entries.len() > limit as usize {
        entries.truncate(limit as usize);
        entries.last().map(|e| e.seq)
    } else {
        None
    };
    Ok(AuditPage { entries, next_before_seq })
}

/// The newest entry, if any (who last changed the vault, and when).
pub(crate) fn last(conn: &Connection) -> Result<Option<AuditEntry>> {
    Ok(list(conn, &AuditFilter::default(), None, 1)?.entries.into_iter().next())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn chain(n: usize) -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(SCHEMA_V1).unwrap();
        for i in 0..n {
            let entry = NewAuditEntry {
                actor_login: if i % 2 == 0 { "anna" } else { "bob" },
                action: "person.add",
                record_type: if i % 3 == 0 { "setting" } else { "person" },
                record_id: i.to_string(),
                summary: format!("entry {i}"),
            };
            append(&conn, datetime!(2026-01-01 9:00 UTC) + time::Duration::days(i as i64), &entry).unwrap();
        }
        conn
    }

    #[test]
    fn an_intact_chain_verifies_and_reports_its_head() {
        let conn = chain(5);
        let report = verify(&conn).unwrap();
        assert_eq!(report.entries, 5);
        assert!(report.is_intact());
        let head: Vec<u8> = conn.query_row("SELECT hash FROM audit_entry WHERE seq = 5", [], |r| r.get(0)).unwrap();
        assert_eq!(report.head, Some(hex(&head)));
    }

    #[test]
    fn an_altered_entry_is_the_first_broken_link() {
        let conn = chain(5);
        conn.execute("UPDATE audit_entry SET summary = 'nothing to see' WHERE seq = 3", []).unwrap();
        assert_eq!(verify(&conn).unwrap().first_broken, Some(3));
    }

    #[test]
    fn a_removed_entry_breaks_the_link_after_it() {
        let conn = chain(5);
        conn.execute("DELETE FROM audit_entry WHERE seq = 2", []).unwrap();
        assert_eq!(verify(&conn).unwrap().first_broken, Some(3));
    }

    #[test]
    fn a_rehashed_forgery_still_breaks_the_next_link() {
        let conn = chain(4);
        let prev: Vec<u8> =
            conn.query_row("SELECT prev_hash FROM audit_entry WHERE seq = 2", [], |r| r.get(0)).unwrap();
        let forged = entry_hash(&prev, 2, ["2026-01-02T09:00:00Z", "bob", "person.add", "person", "1", "forged"]);
        conn.execute("UPDATE audit_entry SET summary = 'forged', hash = ?1 WHERE seq = 2", [forged.to_vec()]).unwrap();
        assert_eq!(verify(&conn).unwrap().first_broken, Some(3));
    }

    #[test]
    fn pages_go_newest_first_and_filters_combine() {
        let conn = chain(10);
        let first = list(&conn, &AuditFilter::default(), None, 4).unwrap();
        assert_eq!(first.entries.iter().map(|e| e.seq).collect::<Vec<_>>(), vec![10, 9, 8, 7]);
        let second = list(&conn, &AuditFilter::default(), first.next_before_seq, 4).unwrap();
        assert_eq!(second.entries.iter().map(|e| e.seq).collect::<Vec<_>>(), vec![6, 5, 4, 3]);
        let last = list(&conn, &AuditFilter::default(), second.next_before_seq, 4).unwrap();
        assert_eq!(last.entries.iter().map(|e| e.seq).collect::<Vec<_>>(), vec![2, 1]);
        assert_eq!(last.next_before_seq, None);

        let filter = AuditFilter {
            actor_login: Some("anna".into()),
            record_type: Some("person".into()),
            from: Some(time::macros::date!(2026 - 01 - 02)),
            to: Some(time::macros::date!(2026 - 01 - 09)),
        };
        let seqs: Vec<_> = list(&conn, &filter, None, 50).unwrap().entries.iter().map(|e| e.seq).collect();
        // anna writes even i (seq odd); person when i % 3 != 0; days 2..=9 are seq 2..=9.
        assert_eq!(seqs, vec![9, 5, 3]);
    }
}
