//! BYOD checklists: the versioned defaults in `assets/checklists/`, plus items a practice adds.
//! A check keeps the exact items it used, so old checks keep their checklist version.

use custodian_vault::rusqlite::{Connection, params};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::device::DeviceKind;
use crate::error::Result;

const DEFAULTS: [&str; 2] = [
    include_str!("../../../../../assets/checklists/byod-computer.json"),
    include_str!("../../../../../assets/checklists/byod-phone.json"),
];

#[derive(Deserialize)]
struct ChecklistFile {
    key: String,
    version: u32,
    title: String,
    device_kinds: Vec<String>,
    items: Vec<ItemFile>,
}

#[derive(Deserialize)]
struct ItemFile {
    key: String,
    text: String,
}

/// One thing to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChecklistItem {
    /// Stable key.
    pub key: String,
    /// What to check, as a sentence that should be true.
    pub text: String,
}

/// A checklist as it stands now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checklist {
    /// Stable key (`byod-computer`, `byod-phone`).
    pub key: String,
    /// Its version: the default's version, then the number of items the practice added ("1.2").
    pub version: String,
    /// Title.
    pub title: String,
    /// The kinds of device it is for.
    pub device_kinds: Vec<DeviceKind>,
    /// The items, defaults first.
    pub items: Vec<ChecklistItem>,
}

impl Checklist {
    /// Whether a device of this kind is checked against it.
    pub fn is_for(&self, kind: DeviceKind) -> bool {
        self.device_kinds.contains(&kind)
    }
}

/// Schema of BYOD checks and notifications (migration 5).
pub(crate) const SCHEMA_V5: &str = "
CREATE TABLE byod_checklist_item (
    id            INTEGER PRIMARY KEY,
    checklist_key TEXT NOT NULL,
    item_key      TEXT NOT NULL,
    text          TEXT NOT NULL,
    added_at      TEXT NOT NULL,
    added_by_id   INTEGER NOT NULL REFERENCES person (id),
    UNIQUE (checklist_key, item_key)
) STRICT;
CREATE TABLE byod_check (
    id                  INTEGER PRIMARY KEY,
    person_id           INTEGER NOT NULL REFERENCES person (id),
    device_id           INTEGER NOT NULL REFERENCES device (id),
    checklist_key       TEXT NOT NULL,
    checklist_version   TEXT NOT NULL,
    checked_by_id       INTEGER NOT NULL REFERENCES person (id),
    checked_on          TEXT NOT NULL,
    outcome             TEXT NOT NULL CHECK (outcome IN ('approved', 'approved_with_risk', 'refused')),
    risk                TEXT NOT NULL DEFAULT '',
    risk_accepted_by_id INTEGER REFERENCES person (id),
    risk_accepted_at    TEXT,
    risk_statement      TEXT,
    recorded_at         TEXT NOT NULL
) STRICT;
CREATE TABLE byod_check_item (
    check_id          INTEGER NOT NULL REFERENCES byod_check (id),
    position          INTEGER NOT NULL,
    item_key          TEXT NOT NULL,
    text              TEXT NOT NULL,
    result            TEXT NOT NULL CHECK (result IN ('pass', 'fail', 'not_applicable')),
    note              TEXT NOT NULL DEFAULT '',
    attachment_sha256 TEXT REFERENCES attachment (sha256),
    PRIMARY KEY (check_id, position)
) STRICT;
CREATE TRIGGER byod_check_kept BEFORE DELETE ON byod_check
BEGIN SELECT RAISE(ABORT, 'BYOD checks are never deleted'); END;
CREATE TRIGGER byod_check_item_frozen BEFORE UPDATE ON byod_check_item
BEGIN SELECT RAISE(ABORT, 'a BYOD check''s answers never change'); END;
CREATE TABLE notification (
    id          INTEGER PRIMARY KEY,
    role        TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    message     TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
CREATE TABLE notification_dismissal (
    notification_id INTEGER NOT NULL REFERENCES notification (id),
    person_id       INTEGER NOT NULL REFERENCES person (id),
    dismissed_at    TEXT NOT NULL,
    PRIMARY KEY (notification_id, person_id)
) STRICT;";

/// Every checklist with the practice's added items.
pub(crate) fn all(conn: &Connection) -> Result<Vec<Checklist>> {
    let mut added =
        conn.prepare_cached("SELECT item_key, text FROM byod_checklist_item WHERE checklist_key = ?1 ORDER BY id")?;
    let mut lists = Vec::new();
    for json in DEFAULTS {
        let Ok(file) = serde_json::from_str::<ChecklistFile>(json) else { continue };
        let extra: Vec<ChecklistItem> = added
            .query_map([&file.key], |r| Ok(ChecklistItem { key: r.get(0)?, text: r.get(1)? }))?
            .collect::<Result<_, _>>()?;
        let mut items: Vec<ChecklistItem> =
            file.items.into_iter().map(|i| ChecklistItem { key: i.key, text: i.text }).collect();
        let version = format!("{}.{}", file.version, extra.len());
        items.extend(extra);
        lists.push(Checklist {
            key: file.key,
            version,
            title: file.title,
            device_kinds: file.device_kinds.iter().filter_map(|k| DeviceKind::parse(k)).collect(),
            items,
        });
    }
    Ok(lists)
}

pub(crate) fn add_item(
    conn: &Connection,
    checklist: &str,
    key: &str,
    text: &str,
    by: i64,
    now: OffsetDateTime,
) -> Result<()> {
    conn.execute(
        "INSERT INTO byod_checklist_item (checklist_key, item_key, text, added_at, added_by_id) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![checklist, key, text, crate::time_text(now), by],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_checklists_follow_the_reference_protocol() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            SCHEMA_V5.split("CREATE TABLE byod_check (").next().unwrap().replace("REFERENCES person (id)", "").as_str(),
        )
        .unwrap();
        let lists = all(&conn).unwrap();
        assert_eq!(lists.len(), 2);
        let computer = &lists[0];
        assert_eq!((computer.key.as_str(), computer.version.as_str()), ("byod-computer", "1.0"));
        assert!(computer.is_for(DeviceKind::Laptop) && computer.is_for(DeviceKind::Desktop));
        assert!(!computer.is_for(DeviceKind::Phone));
        assert!(computer.items.iter().any(|i| i.text.contains("Anti-virus")));
        let phone = &lists[1];
        assert!(phone.items.iter().any(|i| i.text.contains("patient photographs")));
        assert!(phone.items.iter().any(|i| i.text.contains("Two-factor")));
        assert!(phone.is_for(DeviceKind::Phone) && phone.is_for(DeviceKind::Tablet));
        assert!(!lists.iter().any(|l| l.is_for(DeviceKind::UsbStick)), "no checklist for a USB stick");
    }
}
