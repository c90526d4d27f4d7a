//! The device tables: the register and who held each device when.

use custodian_vault::rusqlite::{Connection, OptionalExtension, Row, params};
use time::{Date, OffsetDateTime};

use super::kinds::{DeviceKind, DeviceStatus, Ownership, YesNoUnknown};
use super::{Allocation, DeviceFields, DeviceRecord};
use crate::error::{CoreError, Result};
use crate::person::{date_text, parse_date};
use crate::policy::PersonRef;

/// Schema of the device register (migration 3).
pub(crate) const SCHEMA_V3: &str = "
CREATE TABLE device (
    id                INTEGER PRIMARY KEY,
    asset_tag         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind              TEXT NOT NULL,
    make              TEXT NOT NULL DEFAULT '',
    model             TEXT NOT NULL DEFAULT '',
    serial            TEXT NOT NULL DEFAULT '',
    ownership         TEXT NOT NULL CHECK (ownership IN ('practice', 'personal')),
    encryption        TEXT NOT NULL CHECK (encryption IN ('yes', 'no', 'unknown')),
    encryption_method TEXT NOT NULL DEFAULT '',
    os_name           TEXT NOT NULL DEFAULT '',
    os_version        TEXT NOT NULL DEFAULT '',
    vendor_supported  TEXT NOT NULL CHECK (vendor_supported IN ('yes', 'no', 'unknown')),
    location          TEXT NOT NULL DEFAULT '',
    asset_owner_id    INTEGER REFERENCES person (id),
    status            TEXT NOT NULL
                      CHECK (status IN ('in_use', 'in_store', 'lost', 'stolen', 'awaiting_disposal', 'disposed')),
    purchase_date     TEXT,
    notes             TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX device_by_serial ON device (serial COLLATE NOCASE) WHERE serial <> '';
CREATE TABLE device_allocation (
    id         INTEGER PRIMARY KEY,
    device_id  INTEGER NOT NULL REFERENCES device (id),
    person_id  INTEGER NOT NULL REFERENCES person (id),
    from_date  TEXT NOT NULL,
    to_date    TEXT,
    note       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX device_allocation_by_device ON device_allocation (device_id, from_date);
CREATE UNIQUE INDEX device_allocation_one_open ON device_allocation (device_id) WHERE to_date IS NULL;
CREATE TRIGGER device_allocation_kept
BEFORE DELETE ON device_allocation
BEGIN SELECT RAISE(ABORT, 'allocation history is never deleted'); END;
CREATE TRIGGER device_kept
BEFORE DELETE ON device
BEGIN SELECT RAISE(ABORT, 'devices stay on record; dispose of them instead'); END;";

fn day(text: Option<String>) -> Option<Date> {
    text.and_then(|t| parse_date(&t, "date").ok())
}

const COLUMNS: &str = "d.id, d.asset_tag, d.kind, d.make, d.model, d.serial, d.ownership, d.encryption, \
     d.encryption_method, d.os_name, d.os_version, d.vendor_supported, d.location, d.asset_owner_id, o.full_name, \
     d.status, d.purchase_date, d.notes, a.person_id, h.full_name, a.from_date";

const FROM: &str = "FROM device d
     LEFT JOIN person o ON o.id = d.asset_owner_id
     LEFT JOIN device_allocation a ON a.device_id = d.id AND a.to_date IS NULL
     LEFT JOIN person h ON h.id = a.person_id";

fn record(r: &Row<'_>) -> custodian_vault::rusqlite::Result<DeviceRecord> {
    let text = |i: usize| r.get::<_, String>(i);
    let owner_id: Option<i64> = r.get(13)?;
    let holder_id: Option<i64> = r.get(18)?;
    Ok(DeviceRecord {
        id: r.get(0)?,
        fields: DeviceFields {
            asset_tag: text(1)?,
            kind: DeviceKind::parse(&text(2)?).unwrap_or(DeviceKind::Other),
            make: text(3)?,
            model: text(4)?,
            serial: text(5)?,
            ownership: Ownership::parse(&text(6)?).unwrap_or(Ownership::Practice),
            encryption: YesNoUnknown::parse(&text(7)?).unwrap_or(YesNoUnknown::Unknown),
            encryption_method: text(8)?,
            os_name: text(9)?,
            os_version: text(10)?,
            vendor_supported: YesNoUnknown::parse(&text(11)?).unwrap_or(YesNoUnknown::Unknown),
            location: text(12)?,
            asset_owner_id: owner_id,
            status: DeviceStatus::parse(&text(15)?).unwrap_or(DeviceStatus::InStore),
            purchase_date: day(r.get(16)?),
            notes: text(17)?,
        },
        asset_owner: owner_id.zip(r.get::<_, Option<String>>(14)?).map(|(id, full_name)| PersonRef { id, full_name }),
        holder: holder_id.zip(r.get::<_, Option<String>>(19)?).map(|(id, full_name)| PersonRef { id, full_name }),
        held_since: day(r.get(20)?),
    })
}

/// Every device, by asset tag.
pub(crate) fn all(conn: &Connection) -> Result<Vec<DeviceRecord>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} {FROM} ORDER BY d.asset_tag COLLATE NOCASE"))?;
    Ok(stmt.query_map([], record)?.collect::<Result<_, _>>()?)
}

pub(crate) fn by_id(conn: &Connection, id: i64) -> Result<DeviceRecord> {
    conn.query_row(&format!("SELECT {COLUMNS} {FROM} WHERE d.id = ?1"), [id], record)
        .optional()?
        .ok_or(CoreError::NotFound("device"))
}

/// The id of the device with this asset tag (any case), other than `except`.
pub(crate) fn asset_tag_taken(conn: &Connection, tag: &str, except: Option<i64>) -> Result<bool> {
    let found: Option<i64> =
        conn.query_row("SELECT id FROM device WHERE asset_tag = ?1 COLLATE NOCASE", [tag], |r| r.get(0)).optional()?;
    Ok(found.is_some_and(|id| Some(id) != except))
}

/// The asset tag of the device with this serial number (any case), other than `except`.
pub(crate) fn serial_holder(conn: &Connection, serial: &str, except: Option<i64>) -> Result<Option<String>> {
    if serial.is_empty() {
        return Ok(None);
    }
    let found: Option<(i64, String)> = conn
        .query_row("SELECT id, asset_tag FROM device WHERE serial = ?1 COLLATE NOCASE", [serial], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    Ok(found.filter(|(id, _)| Some(*id) != except).map(|(_, tag)| tag))
}

pub(crate) fn insert(conn: &Connection, f: &DeviceFields, now: OffsetDateTime) -> Result<i64> {
    conn.execute(
        "INSERT INTO device (asset_tag, kind, make, model, serial, ownership, encryption, encryption_method, os_name,
         os_version, vendor_supported, location, asset_owner_id, status, purchase_date, notes, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        params![
            f.asset_tag,
            f.kind.as_str(),
            f.make,
            f.model,
            f.serial,
            f.ownership.as_str(),
            f.encryption.as_str(),
            f.encryption_method,
            f.os_name,
            f.os_version,
            f.vendor_supported.as_str(),
            f.location,
            f.asset_owner_id,
            f.status.as_str(),
            f.purchase_date.map(date_text),
            f.notes,
            crate::time_text(now)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn update(conn: &Connection, id: i64, f: &DeviceFields) -> Result<()> {
    conn.execute(
        "UPDATE device SET asset_tag = ?2, kind = ?3, make = ?4, model = ?5, serial = ?6, ownership = ?7,
         encryption = ?8, encryption_method = ?9, os_name = ?10, os_version = ?11, vendor_supported = ?12,
         location = ?13, asset_owner_id = ?14, status = ?15, purchase_date = ?16, notes = ?17 WHERE id = ?1",
        params![
            id,
            f.asset_tag,
            f.kind.as_str(),
            f.make,
            f.model,
            f.serial,
            f.ownership.as_str(),
            f.encryption.as_str(),
            f.encryption_method,
            f.os_name,
            f.os_version,
            f.vendor_supported.as_str(),
            f.location,
            f.asset_owner_id,
            f.status.as_str(),
            f.purchase_date.map(date_text),
            f.notes
        ],
    )?;
    Ok(())
}

pub(crate) fn set_status(conn: &Connection, id: i64, status: DeviceStatus) -> Result<()> {
    conn.execute("UPDATE device SET status = ?2 WHERE id = ?1", params![id, status.as_str()])?;
    Ok(())
}

pub(crate) fn allocate(conn: &Connection, device_id: i64, person_id: i64, from: Date, note: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO device_allocation (device_id, person_id, from_date, note) VALUES (?1, ?2, ?3, ?4)",
        params![device_id, person_id, date_text(from), note],
    )?;
    Ok(())
}

/// Ends the open allocation of a device on `to` (its last day with the holder).
pub(crate) fn end_allocation(conn: &Connection, device_id: i64, to: Date) -> Result<()> {
    conn.execute(
        "UPDATE device_allocation SET to_date = ?2 WHERE device_id = ?1 AND to_date IS NULL",
        params![device_id, date_text(to)],
    )?;
    Ok(())
}

/// Who held a device when, oldest first (or every device's when `None`).
pub(crate) fn allocations(conn: &Connection, device_id: Option<i64>) -> Result<Vec<Allocation>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.device_id, a.person_id, p.full_name, a.from_date, a.to_date, a.note
         FROM device_allocation a JOIN person p ON p.id = a.person_id
         WHERE ?1 IS NULL OR a.device_id = ?1 ORDER BY a.device_id, a.from_date, a.id",
    )?;
    let rows = stmt.query_map([device_id], |r| {
        Ok(Allocation {
            id: r.get(0)?,
            device_id: r.get(1)?,
            person: PersonRef { id: r.get(2)?, full_name: r.get(3)? },
            from: day(r.get(4)?).unwrap_or(Date::MIN),
            to: day(r.get(5)?),
            note: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
