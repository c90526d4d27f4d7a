//! The device register's section of an evidence pack: the register, and who held what in the
//! period.

use custodian_pdf::{Block, Column, Table};
use time::Date;

use super::{Allocation, DeviceRecord, DeviceStatus, YesNoUnknown};

/// The section's blocks.
pub(crate) fn section(
    devices: &[DeviceRecord],
    allocations: &[Allocation],
    today: Date,
    from: Date,
    to: Date,
) -> Vec<Block> {
    let dspt_items = crate::dspt::items_for_section("Device register");
    let active: Vec<&DeviceRecord> = devices.iter().filter(|d| d.fields.status != DeviceStatus::Disposed).collect();
    let unknown = active.iter().filter(|d| d.fields.encryption != YesNoUnknown::Yes).count();
    let unsupported = active.iter().filter(|d| d.fields.vendor_supported == YesNoUnknown::No).count();
    let rows = active
        .iter()
        .map(|d| {
            let f = &d.fields;
            vec![
                f.asset_tag.clone(),
                format!("{} {} {}", f.kind.label(), f.make, f.model).trim().to_owned(),
                f.ownership.label().to_owned(),
                match (f.encryption, f.encryption_method.is_empty()) {
                    (YesNoUnknown::Yes, false) => format!("Yes ({})", f.encryption_method),
                    (answer, _) => answer.label().to_owned(),
                },
                format!("{} {}", f.os_name, f.os_version).trim().to_owned()
                    + match f.vendor_supported {
                        YesNoUnknown::No => " (unsupported)",
                        _ => "",
                    },
                f.status.label().to_owned(),
                d.holder.as_ref().map(|h| h.full_name.clone()).unwrap_or_default(),
            ]
        })
        .collect();
    let tag_of = |id: i64| devices.iter().find(|d| d.id == id).map(|d| d.fields.asset_tag.clone()).unwrap_or_default();
    let in_period: Vec<&Allocation> =
        allocations.iter().filter(|a| a.from <= to && a.to.is_none_or(|end| end >= from)).collect();
    let allocation_rows = in_period
        .iter()
        .map(|a| {
            vec![
                tag_of(a.device_id),
                a.person.full_name.clone(),
                a.from.to_string(),
                a.to.map(|d| d.to_string()).unwrap_or_else(|| "still held".into()),
            ]
        })
        .collect();
    vec![
        Block::Heading { level: 1, text: "Device register".into() },
        Block::Paragraph(format!(
            "Supports DSPT evidence items {dspt_items}. The {} devices and removable media in the register on {today} \
             (disposed devices are in the disposal log): {unknown} not known to be encrypted, {unsupported} running \
             a system its vendor no longer supports.",
            active.len()
        )),
        Block::Table(Table {
            columns: vec![
                Column::new("Asset tag", 1.6),
                Column::new("Device", 3.0),
                Column::new("Owner", 1.4),
                Column::new("Encrypted", 1.8),
                Column::new("System", 2.2),
                Column::new("Status", 1.6),
                Column::new("Held by", 2.2),
            ],
            rows,
        }),
        Block::Heading { level: 2, text: "Who held what".into() },
        Block::Paragraph(format!(
            "Every allocation that overlaps {from} to {to} ({} in all), by device.",
            in_period.len()
        )),
        Block::Table(Table {
            columns: vec![
                Column::new("Asset tag", 1.6),
                Column::new("Held by", 3.0),
                Column::new("From", 1.8),
                Column::new("To", 1.8),
            ],
            rows: allocation_rows,
        }),
    ]
}
