//! The demo practice's BYOD checks: each personal device checked when its owner started using it,
//! and again each year; most approved, some with a risk the SIRO accepted, one waiting for the
//! SIRO, one refused.

use custodian_vault::rusqlite::Connection;
use time::{Duration, OffsetDateTime, Time};

use super::DemoEvent;
use crate::byod::{ByodOutcome, ItemResult, checklist, recheck_due, store};
use crate::device::{Ownership, store as devices};
use crate::error::Result;
use crate::person::PersonRecord;
use crate::role::Role;

/// Writes the checks, returning their audit events.
pub(super) fn invent(tx: &Connection, manager: &PersonRecord, now: OffsetDateTime) -> Result<Vec<DemoEvent>> {
    let today = now.date();
    let lists = checklist::all(tx)?;
    let allocations = devices::allocations(tx, None)?;
    let people = crate::person::all(tx)?;
    let mut events = Vec::new();
    let mut n = 0usize;
    for device in devices::all(tx)?.into_iter().filter(|d| d.fields.ownership == Ownership::Personal) {
        let Some(list) = lists.iter().find(|l| l.is_for(device.fields.kind)) else { continue };
        let Some(first) = allocations.iter().find(|a| a.device_id == device.id) else { continue };
        let owner = people.iter().find(|p| p.id == first.person.id);
        let leaving = owner.and_then(|p| p.leaving_date);
        let mut day = first.from;
        while day <= today && leaving.is_none_or(|last| day <= last) {
            n += 1;
            let failing = match n % 9 {
                3 => Some("two-factor"),
                6 => Some("os-supported"),
                _ => None,
            };
            let latest = recheck_due(day, leaving) > today;
            let outcome = match (failing, latest && n % 9 == 6) {
                (Some(_), true) => ByodOutcome::Refused,
                (Some(_), false) => ByodOutcome::ApprovedWithRisk,
                (None, _) => ByodOutcome::Approved,
            };
            let risk = if outcome == ByodOutcome::ApprovedWithRisk {
                "The item that failed is low risk here: practice data is reached through the browser only"
            } else {
                ""
            };
            let at =
                |d: time::Date, h: u8| d.with_time(Time::from_hms(h, 30, 0).unwrap_or(Time::MIDNIGHT)).assume_utc();
            let id = store::insert(
                tx,
                &store::NewCheck {
                    person_id: first.person.id,
                    device_id: device.id,
                    checklist_key: &list.key,
                    checklist_version: &list.version,
                    checked_by_id: manager.id,
                    checked_on: day,
                    outcome,
                    risk,
                },
                at(day, 11),
            )?;
            for (position, item) in list.items.iter().enumerate() {
                let fails = failing.is_some_and(|key| key == item.key)
                    || (failing.is_some()
                        && !list.items.iter().any(|i| Some(i.key.as_str()) == failing)
                        && position == 0);
                let (result, note) = if fails {
                    (ItemResult::Fail, "Not in place on the day of the check")
                } else {
                    (ItemResult::Pass, "")
                };
                store::insert_item(tx, id, position, &item.key, &item.text, result, note, None)?;
            }
            let summary = format!(
                "checked {}'s {} ({}) against the {} checklist v{}: {} failed; {}",
                first.person.full_name,
                device.fields.kind.label().to_lowercase(),
                device.fields.asset_tag,
                list.title.to_lowercase(),
                list.version,
                usize::from(failing.is_some()),
                outcome.as_str().replace('_', " ")
            );
            events.push(DemoEvent {
                at: at(day, 11),
                actor: manager.login.clone(),
                action: "byod.check",
                record_type: "byod_check",
                record_id: id.to_string(),
                summary: summary.clone(),
            });
            if failing.is_some() && latest {
                for role in [Role::Siro, Role::Dpo] {
                    crate::notification::add(tx, role, "byod_check", id, &summary, at(day, 11))?;
                }
            }
            // The SIRO accepts older risks; the newest waits for them.
            if outcome == ByodOutcome::ApprovedWithRisk
                && !latest
                && let Some(siro) = people.iter().find(|p| p.login == "demo.siro")
            {
                let statement = format!(
                    "I, {}, as SIRO, accept the risk of {}'s personal device ({}) being used for practice work: {risk}",
                    siro.full_name, first.person.full_name, device.fields.asset_tag
                );
                store::accept_risk(tx, id, siro.id, &statement, at(day + Duration::days(2), 9))?;
                events.push(DemoEvent {
                    at: at(day + Duration::days(2), 9),
                    actor: siro.login.clone(),
                    action: "byod.accept_risk",
                    record_type: "byod_check",
                    record_id: id.to_string(),
                    summary: statement,
                });
            }
            day = crate::policy::add_months(day, 12) + Duration::days(i64::from(n as u8 % 3) * 20);
        }
    }
    Ok(events)
}
