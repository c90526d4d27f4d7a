//! The register as CSV: export, and import with a preview — every row checked, every problem
//! listed with its line — applied all or nothing.

use std::collections::{HashMap, HashSet};

use time::OffsetDateTime;

use super::{DeviceFields, DeviceForm, check_values, store};
use crate::audit::{self, NewAuditEntry};
use crate::error::{CoreError, Field, Result};
use crate::person::{self, PersonRecord, PersonStatus};
use crate::role::Permission;
use crate::session::Session;
use crate::validate::Problems;

/// One problem with one row of an imported file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvRowProblem {
    /// The line in the file (the header is line 1).
    pub line: u64,
    /// The row's asset tag, as written.
    pub asset_tag: String,
    /// What is wrong.
    pub message: String,
}

/// What an import would do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceImportPreview {
    /// Devices the file holds.
    pub rows: usize,
    /// Their asset tags, in file order.
    pub asset_tags: Vec<String>,
    /// Every problem found; the import is applied only when there are none.
    pub problems: Vec<CsvRowProblem>,
}

/// The columns, by their canonical names, with the other headings people use for them.
const COLUMNS: [(&str, &[&str]); 16] = [
    ("asset_tag", &["asset", "tag", "asset_number", "asset_no"]),
    ("type", &["kind", "device_type"]),
    ("make", &["manufacturer"]),
    ("model", &[]),
    ("serial", &["serial_number", "serial_no"]),
    ("ownership", &["owned_by", "owner_type"]),
    ("encrypted", &["encryption"]),
    ("encryption_method", &[]),
    ("operating_system", &["os", "system"]),
    ("os_version", &["system_version", "version"]),
    ("vendor_supported", &["supported"]),
    ("location", &[]),
    ("asset_owner", &["information_asset_owner", "iao"]),
    ("status", &[]),
    ("purchase_date", &["purchased"]),
    ("notes", &["note", "comments"]),
];
/// Columns an export adds that an import ignores.
const EXPORT_ONLY: [&str; 2] = ["holder", "held_since"];
const REQUIRED: [&str; 3] = ["asset_tag", "type", "ownership"];

fn normalise(heading: &str) -> String {
    let words: Vec<String> = heading
        .trim()
        .trim_start_matches('\u{feff}')
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.join("_")
}

fn canonical(heading: &str) -> Option<&'static str> {
    let name = normalise(heading);
    COLUMNS.iter().find(|(canon, others)| *canon == name || others.contains(&name.as_str())).map(|(c, _)| *c)
}

/// `DD/MM/YYYY` (as UK spreadsheets write dates) → `YYYY-MM-DD`; anything else unchanged.
fn iso_date(text: &str) -> String {
    let parts: Vec<&str> = text.trim().split('/').collect();
    match parts.as_slice() {
        [d, m, y] if y.len() == 4 && d.len() <= 2 && m.len() <= 2 => format!("{y}-{m:0>2}-{d:0>2}"),
        _ => text.trim().to_owned(),
    }
}

fn file_problem(message: impl Into<String>) -> CoreError {
    CoreError::invalid(Field::CsvFile, message)
}

/// Parsed rows: line, the row's values by canonical column.
type Rows = Vec<(u64, HashMap<&'static str, String>)>;

fn read_rows(bytes: &[u8]) -> Result<Rows> {
    let text = std::str::from_utf8(bytes).map_err(|_| {
        file_problem("This file is not UTF-8 text. In your spreadsheet, save it as \"CSV UTF-8\" and try again")
    })?;
    if text.trim().is_empty() {
        return Err(file_problem("The file is empty"));
    }
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headings =
        reader.headers().map_err(|e| file_problem(format!("The file's first line cannot be read: {e}")))?.clone();
    let mut columns = Vec::new();
    let mut unknown = Vec::new();
    for heading in &headings {
        match canonical(heading) {
            Some(name) => columns.push(Some(name)),
            None if EXPORT_ONLY.contains(&normalise(heading).as_str()) || heading.trim().is_empty() => {
                columns.push(None)
            }
            None => {
                unknown.push(heading.to_owned());
                columns.push(None);
            }
        }
    }
    let missing: Vec<&str> = REQUIRED.iter().copied().filter(|r| !columns.contains(&Some(*r))).collect();
    if !missing.is_empty() || !unknown.is_empty() {
        let mut message = String::new();
        if !missing.is_empty() {
            message.push_str(&format!("The file has no {} column", missing.join(", no ")));
        }
        if !unknown.is_empty() {
            if !message.is_empty() {
                message.push_str("; ");
            }
            message.push_str(&format!("unknown column {}", unknown.join(", ")));
        }
        let known: Vec<&str> = COLUMNS.iter().map(|(c, _)| *c).collect();
        return Err(file_problem(format!("{message}. The columns are: {}", known.join(", "))));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| file_problem(format!("The file cannot be read as CSV: {e}")))?;
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line());
        let values = columns
            .iter()
            .zip(record.iter())
            .filter_map(|(column, value)| column.map(|c| (c, crate::csv_cell::unguard(value))))
            .collect();
        rows.push((line, values));
    }
    Ok(rows)
}

fn owner_of(people: &[PersonRecord], typed: &str) -> std::result::Result<Option<i64>, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    people
        .iter()
        .find(|p| p.login.eq_ignore_ascii_case(typed) || p.full_name.eq_ignore_ascii_case(typed))
        .map(|p| Some(p.id))
        .ok_or_else(|| format!("no one called {typed} is in the staff register"))
}

/// Checks every row; returns the fields of each valid row and every problem.
fn check_rows(
    conn: &custodian_vault::rusqlite::Connection,
    rows: &Rows,
    today: time::Date,
) -> Result<(Vec<DeviceFields>, DeviceImportPreview)> {
    let people = person::all(conn)?;
    let mut seen_tags = HashSet::new();
    let mut seen_serials = HashSet::new();
    let mut problems = Vec::new();
    let mut devices = Vec::new();
    let mut asset_tags = Vec::new();
    for (line, values) in rows {
        let get = |c: &str| values.get(c).map(String::as_str).unwrap_or("");
        let tag = get("asset_tag").trim().to_owned();
        asset_tags.push(tag.clone());
        let mut report =
            |message: String| problems.push(CsvRowProblem { line: *line, asset_tag: tag.clone(), message });
        let owner = match owner_of(&people, get("asset_owner")) {
            Ok(owner) => owner,
            Err(message) => {
                report(format!("asset owner: {message}"));
                None
            }
        };
        if let Some(id) = owner
            && people.iter().any(|p| p.id == id && matches!(p.status(today), PersonStatus::Left(_)))
        {
            report("asset owner: they have left the practice".into());
        }
        let purchase = iso_date(get("purchase_date"));
        let form = DeviceForm {
            asset_tag: get("asset_tag"),
            kind: get("type"),
            make: get("make"),
            model: get("model"),
            serial: get("serial"),
            ownership: get("ownership"),
            encryption: get("encrypted"),
            encryption_method: get("encryption_method"),
            os_name: get("operating_system"),
            os_version: get("os_version"),
            vendor_supported: get("vendor_supported"),
            location: get("location"),
            asset_owner_id: owner,
            status: get("status"),
            purchase_date: &purchase,
            notes: get("notes"),
        };
        let mut checked = Problems::default();
        let fields = check_values(&form, &mut checked);
        if let Err(CoreError::Invalid(found)) = checked.finish() {
            for p in found {
                report(p.message);
            }
        }
        let Some(fields) = fields else { continue };
        if !seen_tags.insert(fields.asset_tag.to_lowercase()) {
            report(format!("the asset tag {} appears twice in the file", fields.asset_tag));
        } else if store::asset_tag_taken(conn, &fields.asset_tag, None)? {
            report(format!("the register already has a device tagged {}", fields.asset_tag));
        }
        if !fields.serial.is_empty() {
            if !seen_serials.insert(fields.serial.to_lowercase()) {
                report(format!("the serial number {} appears twice in the file", fields.serial));
            } else if let Some(other) = store::serial_holder(conn, &fields.serial, None)? {
                report(format!("device {other} already has the serial number {}", fields.serial));
            }
        }
        devices.push(fields);
    }
    let preview = DeviceImportPreview { rows: rows.len(), asset_tags, problems };
    Ok((devices, preview))
}

impl Session {
    /// Checks a CSV file of devices without changing anything: how many rows, and every problem.
    pub fn preview_device_import(&self, bytes: &[u8], now: OffsetDateTime) -> Result<DeviceImportPreview> {
        self.require(Permission::ManageDevices, now)?;
        let rows = read_rows(bytes)?;
        Ok(check_rows(self.vault.connection(), &rows, now.date())?.1)
    }

    /// Adds every device in a CSV file, or none: any problem in any row refuses the whole file
    /// (see [`Session::preview_device_import`]).
    pub fn import_devices(&mut self, bytes: &[u8], now: OffsetDateTime) -> Result<usize> {
        let me = self.require(Permission::ManageDevices, now)?;
        self.refresh()?;
        let rows = read_rows(bytes)?;
        let (devices, preview) = check_rows(self.vault.connection(), &rows, now.date())?;
        if let Some(first) = preview.problems.first() {
            return Err(file_problem(format!(
                "{} problem{} in the file, so nothing was imported; the first, on line {}: {}",
                preview.problems.len(),
                if preview.problems.len() == 1 { "" } else { "s" },
                first.line,
                first.message
            )));
        }
        if devices.is_empty() {
            return Err(file_problem("The file has no devices in it"));
        }
        self.vault.write(|tx| {
            for fields in &devices {
                store::insert(tx, fields, now)?;
            }
            let entry = NewAuditEntry {
                actor_login: &me.login,
                action: "device.import",
                record_type: "device",
                record_id: "csv".into(),
                summary: format!("imported {} devices from a CSV file", devices.len()),
            };
            audit::append(tx, now, &entry)
        })?;
        Ok(devices.len())
    }

    /// The register as CSV, in the columns an import reads (plus who holds each device now).
    pub fn devices_csv(&self, now: OffsetDateTime) -> Result<String> {
        self.require(Permission::ViewDevices, now)?;
        let conn = self.vault.connection();
        let people = person::all(conn)?;
        let mut writer = csv::Writer::from_writer(Vec::new());
        let mut header: Vec<&str> = COLUMNS.iter().map(|(c, _)| *c).collect();
        header.extend(EXPORT_ONLY);
        let write = |writer: &mut csv::Writer<Vec<u8>>, row: Vec<String>| {
            writer
                .write_record(row.into_iter().map(crate::csv_cell::guard))
                .map_err(|e| CoreError::Refused(format!("CSV: {e}")))
        };
        write(&mut writer, header.iter().map(|h| (*h).to_owned()).collect())?;
        for d in store::all(conn)? {
            let f = &d.fields;
            let owner = f.asset_owner_id.and_then(|id| people.iter().find(|p| p.id == id)).map(|p| p.login.clone());
            write(
                &mut writer,
                vec![
                    f.asset_tag.clone(),
                    f.kind.as_str().into(),
                    f.make.clone(),
                    f.model.clone(),
                    f.serial.clone(),
                    f.ownership.as_str().into(),
                    f.encryption.as_str().into(),
                    f.encryption_method.clone(),
                    f.os_name.clone(),
                    f.os_version.clone(),
                    f.vendor_supported.as_str().into(),
                    f.location.clone(),
                    owner.unwrap_or_default(),
                    f.status.as_str().into(),
                    f.purchase_date.map(|d| d.to_string()).unwrap_or_default(),
                    f.notes.clone(),
                    d.holder.map(|h| h.full_name).unwrap_or_default(),
                    d.held_since.map(|d| d.to_string()).unwrap_or_default(),
                ],
            )?;
        }
        let bytes = writer.into_inner().map_err(|e| CoreError::Refused(format!("CSV: {e}")))?;
        String::from_utf8(bytes).map_err(|e| CoreError::Refused(format!("CSV: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_matched_whatever_their_case_and_punctuation() {
        assert_eq!(canonical("Asset Tag"), Some("asset_tag"));
        assert_eq!(canonical("\u{feff}asset-tag"), Some("asset_tag"));
        assert_eq!(canonical("Serial No."), Some("serial"));
        assert_eq!(canonical("Information asset owner"), Some("asset_owner"));
        assert_eq!(canonical("Colour"), None);
    }

    #[test]
    fn a_cell_guarded_on_export_imports_as_it_was() {
        assert_eq!(crate::csv_cell::unguard("'- spare charger"), "- spare charger");
        assert_eq!(crate::csv_cell::unguard("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(crate::csv_cell::unguard("'quoted'"), "'quoted'");
    }

    #[test]
    fn uk_dates_become_iso_dates() {
        assert_eq!(iso_date("3/4/2024"), "2024-04-03");
        assert_eq!(iso_date("2024-04-03"), "2024-04-03");
        assert_eq!(iso_date("April"), "April");
    }

    #[test]
    fn a_file_without_the_required_columns_is_refused_naming_them() {
        let error = read_rows(b"Asset tag,Make,Colour\nLT-1,Dell,red\n").unwrap_err();
        let message = error.to_string();
        assert!(message.contains("no type, no ownership column"), "{message}");
        assert!(message.contains("unknown column Colour"), "{message}");
        assert!(read_rows(b"caf\xe9").unwrap_err().to_string().contains("CSV UTF-8"));
        assert!(read_rows(b"  \n").unwrap_err().to_string().contains("empty"));
    }
}
