//! How each evidence item is judged from the practice's records. Every judgement gives a
//! standing, the evidence in words, what would complete it, and the section where it is kept.

use custodian_vault::rusqlite::Connection;
use time::{Date, OffsetDateTime};

use super::Standing;
use crate::acknowledgement::{self, AcknowledgementMatrix};
use crate::byod::{ByodCheck, ByodOutcome};
use crate::device::{DeviceRecord, DeviceStatus, Ownership, YesNoUnknown};
use crate::disposal::DisposalRecord;
use crate::error::Result;
use crate::incident::IncidentRecord;
use crate::person::{PersonRecord, PersonStatus};
use crate::policy::{Policy, PolicyStanding};
use crate::role::Role;

/// The measures this version knows.
#[cfg(test)]
pub(crate) const MEASURES: [&str; 9] = [
    "named_roles",
    "policies",
    "induction",
    "acknowledgements",
    "staff_register",
    "incidents",
    "asset_register",
    "disposals",
    "byod",
];

/// Everything the measures read, loaded once.
pub(crate) struct Records {
    pub now: OffsetDateTime,
    pub people: Vec<PersonRecord>,
    pub register: Vec<Policy>,
    pub matrix: AcknowledgementMatrix,
    pub devices: Vec<DeviceRecord>,
    pub byod_checks: Vec<ByodCheck>,
    pub disposals: Vec<DisposalRecord>,
    pub incidents: Vec<IncidentRecord>,
}

impl Records {
    pub(crate) fn load(conn: &Connection, now: OffsetDateTime) -> Result<Records> {
        let people = crate::person::all(conn)?;
        let register = crate::policy::register::register(conn)?;
        let acknowledgements = acknowledgement::store::all(conn)?;
        let bar = crate::settings::compliance_bar_percent(conn)?;
        let matrix = AcknowledgementMatrix::compute(&people, &register, &acknowledgements, now.date(), bar);
        Ok(Records {
            now,
            matrix,
            register,
            people,
            devices: crate::device::store::all(conn)?,
            byod_checks: crate::byod::store::all(conn)?,
            disposals: crate::disposal::store::all(conn)?,
            incidents: crate::incident::store::all(conn)?,
        })
    }
}

/// A judged item.
pub(crate) struct Judged {
    pub standing: Standing,
    pub evidence: String,
    pub to_do: String,
    pub section: &'static str,
}

fn judged(standing: Standing, evidence: String, to_do: impl Into<String>, section: &'static str) -> Judged {
    let to_do = if standing == Standing::Met { String::new() } else { to_do.into() };
    Judged { standing, evidence, to_do, section }
}

/// Judges one measure over `from..=to`.
pub(crate) fn judge(measure: &str, r: &Records, from: Date, to: Date, today: Date) -> Judged {
    match measure {
        "named_roles" => named_roles(r, today),
        "policies" => policies(r, today),
        "induction" => induction(r, from, to),
        "acknowledgements" => acknowledgements(r),
        "staff_register" => staff_register(r, today),
        "incidents" => incidents(r, from, to),
        "asset_register" => asset_register(r),
        "disposals" => disposals(r, from, to),
        "byod" => byod(r, today),
        other => judged(
            Standing::Missing,
            format!("This version of Custodian cannot judge \"{other}\"."),
            "Update Custodian, or judge this item by hand",
            "home",
        ),
    }
}

fn working(p: &PersonRecord, today: Date) -> bool {
    !p.access_removed && !matches!(p.status(today), PersonStatus::Left(_))
}

fn named_roles(r: &Records, today: Date) -> Judged {
    let roles = [Role::IgLead, Role::Siro, Role::CaldicottGuardian, Role::Dpo];
    let mut named = Vec::new();
    let mut missing = Vec::new();
    for role in roles {
        let holders: Vec<&str> =
            r.people.iter().filter(|p| p.has(role) && working(p, today)).map(|p| p.full_name.as_str()).collect();
        if holders.is_empty() {
            missing.push(role.label());
        } else {
            named.push(format!("{}: {}", role.label(), holders.join(", ")));
        }
    }
    let standing = match missing.len() {
        0 => Standing::Met,
        n if n == roles.len() => Standing::Missing,
        _ => Standing::PartlyMet,
    };
    let evidence =
        if named.is_empty() { "No one holds these roles.".to_owned() } else { format!("{}.", named.join("; ")) };
    let to_do = match missing.as_slice() {
        [one] => format!("Give the {one} role to someone in Staff"),
        [rest @ .., last] => format!("Give the {} and {last} roles to people in Staff", rest.join(", ")),
        [] => String::new(),
    };
    judged(standing, evidence, to_do, "staff")
}

fn policies(r: &Records, today: Date) -> Judged {
    let total = r.register.len();
    let (mut gaps, mut overdue) = (Vec::new(), Vec::new());
    for p in &r.register {
        match p.standing(today) {
            PolicyStanding::NoPublishedVersion => gaps.push(p.title.as_str()),
            PolicyStanding::ReviewOverdue { .. } => overdue.push(p.title.as_str()),
            _ => {}
        }
    }
    let in_date = total - gaps.len() - overdue.len();
    let standing = if total > 0 && gaps.is_empty() && overdue.is_empty() {
        Standing::Met
    } else if gaps.len() == total {
        Standing::Missing
    } else {
        Standing::PartlyMet
    };
    let evidence = format!(
        "{in_date} of {total} policies are published, approved and within their review date; {} without a published \
         version, {} overdue for review.",
        gaps.len(),
        overdue.len()
    );
    let mut to_do = Vec::new();
    if !gaps.is_empty() {
        to_do.push(format!("publish {}", gaps.join(", ")));
    }
    if !overdue.is_empty() {
        to_do.push(format!("review {}", overdue.join(", ")));
    }
    judged(standing, evidence, capitalised(&to_do.join("; ")), "policies")
}

fn up_to_date(r: &Records, person_id: i64) -> bool {
    r.matrix.people.iter().find(|m| m.person_id == person_id).is_none_or(|m| m.acknowledged == m.due)
}

fn induction(r: &Records, from: Date, to: Date) -> Judged {
    let starters: Vec<&PersonRecord> =
        r.people.iter().filter(|p| p.start_date >= from && p.start_date <= to && !p.access_removed).collect();
    let inducted: Vec<&str> = starters.iter().filter(|p| up_to_date(r, p.id)).map(|p| p.full_name.as_str()).collect();
    let waiting: Vec<&str> = starters.iter().filter(|p| !up_to_date(r, p.id)).map(|p| p.full_name.as_str()).collect();
    if starters.is_empty() {
        let policy_published =
            r.register.iter().any(|p| p.catalogue_key.as_deref() == Some("staff-induction") && p.current.is_some());
        return if policy_published {
            judged(
                Standing::Met,
                "No one started in the period; the staff induction policy is published.".into(),
                "",
                "acknowledgements",
            )
        } else {
            judged(
                Standing::PartlyMet,
                "No one started in the period.".into(),
                "Publish the staff induction and IG training policy",
                "policies",
            )
        };
    }
    let standing = match (inducted.len(), waiting.len()) {
        (_, 0) => Standing::Met,
        (0, _) => Standing::Missing,
        _ => Standing::PartlyMet,
    };
    judged(
        standing,
        format!(
            "{} of {} new starters in the period have read and acknowledged every policy that applies to them.",
            inducted.len(),
            starters.len()
        ),
        format!("Chase {}", waiting.join(", ")),
        "acknowledgements",
    )
}

fn acknowledgements(r: &Records) -> Judged {
    let m = &r.matrix;
    let permille = m.practice_permille();
    let standing = if m.meets_bar() {
        Standing::Met
    } else if m.people_up_to_date() > 0 {
        Standing::PartlyMet
    } else {
        Standing::Missing
    };
    judged(
        standing,
        format!(
            "{} of {} staff ({}.{}%) have read and acknowledged every current policy that applies to them; the \
             practice's bar is {}%.",
            m.people_up_to_date(),
            m.people_in_scope(),
            permille / 10,
            permille % 10,
            m.bar_percent
        ),
        "Chase the people on the acknowledgements chase list",
        "acknowledgements",
    )
}

fn staff_register(r: &Records, today: Date) -> Judged {
    let current = r.people.iter().filter(|p| working(p, today)).count();
    let leavers: Vec<&PersonRecord> =
        r.people.iter().filter(|p| matches!(p.status(today), PersonStatus::Left(_))).collect();
    let access_kept: Vec<&str> = leavers.iter().filter(|p| !p.access_removed).map(|p| p.full_name.as_str()).collect();
    let without_title = r.people.iter().filter(|p| working(p, today) && p.job_title.trim().is_empty()).count();
    let standing = if current == 0 {
        Standing::Missing
    } else if access_kept.is_empty() && without_title == 0 {
        Standing::Met
    } else {
        Standing::PartlyMet
    };
    let mut to_do = Vec::new();
    if !access_kept.is_empty() {
        to_do.push(format!("remove the access of {}", access_kept.join(", ")));
    }
    if without_title > 0 {
        to_do.push(format!("give {without_title} people a job title"));
    }
    judged(
        standing,
        format!(
            "{current} current staff with their roles and start dates; {} leavers, {} with access still to remove.",
            leavers.len(),
            access_kept.len()
        ),
        capitalised(&to_do.join("; ")),
        "staff",
    )
}

fn incidents(r: &Records, from: Date, to: Date) -> Judged {
    let in_period: Vec<&IncidentRecord> = r
        .incidents
        .iter()
        .filter(|i| i.status != "withdrawn" && i.status != "duplicate")
        .filter(|i| i.aware_within(from, to))
        .collect();
    let reportable: Vec<&&IncidentRecord> = in_period.iter().filter(|i| i.reporting().is_some()).collect();
    let late: Vec<&str> = reportable.iter().filter(|i| i.reported_late()).map(|i| i.reference.as_str()).collect();
    let overdue: Vec<&str> = reportable
        .iter()
        .filter(|i| i.running_clock().is_some_and(|deadline| deadline < r.now))
        .map(|i| i.reference.as_str())
        .collect();
    let ungraded: Vec<&str> = in_period.iter().filter(|i| i.grade.is_none()).map(|i| i.reference.as_str()).collect();
    let explained = reportable.iter().filter(|i| !i.report.not_reported_reason.is_empty()).count();
    let running = reportable.iter().filter(|i| i.running_clock().is_some_and(|d| d >= r.now)).count();
    let on_time = reportable.len().saturating_sub(late.len() + overdue.len() + explained + running);
    let standing = if late.is_empty() && overdue.is_empty() && ungraded.is_empty() {
        Standing::Met
    } else if overdue.len() == reportable.len() && !reportable.is_empty() {
        Standing::Missing
    } else {
        Standing::PartlyMet
    };
    let mut to_do = Vec::new();
    if !overdue.is_empty() {
        to_do.push(format!("report {} through the DSPT tool now, or record why not", overdue.join(", ")));
    }
    if !ungraded.is_empty() {
        to_do.push(format!("grade {}", ungraded.join(", ")));
    }
    if !late.is_empty() {
        to_do.push(format!("record in the action log why {} went in after 72 hours", late.join(", ")));
    }
    judged(
        standing,
        format!(
            "{} incidents recorded in the period, {} graded; {} reportable: {on_time} reported within 72 hours, {} \
             late, {explained} not reported with the reason recorded.",
            in_period.len(),
            in_period.len() - ungraded.len(),
            reportable.len(),
            late.len()
        ),
        capitalised(&to_do.join("; ")),
        "incidents",
    )
}

fn in_register(d: &DeviceRecord) -> bool {
    !matches!(d.fields.status, DeviceStatus::Disposed | DeviceStatus::Lost | DeviceStatus::Stolen)
}

fn asset_register(r: &Records) -> Judged {
    let devices: Vec<&DeviceRecord> = r.devices.iter().filter(|d| in_register(d)).collect();
    let unknown = devices.iter().filter(|d| d.fields.encryption == YesNoUnknown::Unknown).count();
    let unsupported = devices.iter().filter(|d| d.fields.vendor_supported == YesNoUnknown::No).count();
    let held = devices.iter().filter(|d| d.holder.is_some()).count();
    let standing = if devices.is_empty() {
        Standing::Missing
    } else if unknown == 0 && unsupported == 0 {
        Standing::Met
    } else {
        Standing::PartlyMet
    };
    judged(
        standing,
        format!(
            "{} in the register, {held} allocated to someone; {unknown} with unknown encryption, {unsupported} \
             running an unsupported system.",
            if devices.len() == 1 {
                "1 device".to_owned()
            } else {
                format!("{} devices and removable media", devices.len())
            }
        ),
        if devices.is_empty() {
            "Record the practice's devices in the device register".to_owned()
        } else {
            "Record each device's encryption, and replace or isolate unsupported systems".to_owned()
        },
        "devices",
    )
}

fn disposals(r: &Records, from: Date, to: Date) -> Judged {
    let in_period: Vec<&DisposalRecord> =
        r.disposals.iter().filter(|d| d.disposed_on >= from && d.disposed_on <= to).collect();
    let uncertified = in_period.iter().filter(|d| d.certificate.is_none()).count();
    let unchecked = in_period.iter().filter(|d| d.checked_by.is_none()).count();
    let standing = if uncertified == 0 && unchecked == 0 {
        Standing::Met
    } else if uncertified == in_period.len() && unchecked == in_period.len() {
        Standing::Missing
    } else {
        Standing::PartlyMet
    };
    let evidence = if in_period.is_empty() {
        "No disposals in the period.".to_owned()
    } else {
        format!(
            "{} disposals in the period: {} with a certificate of destruction attached, {} checked and signed by the IG \
             lead or SIRO.",
            in_period.len(),
            in_period.len() - uncertified,
            in_period.len() - unchecked
        )
    };
    judged(standing, evidence, "Attach the missing certificates and sign the checks", "disposals")
}

fn byod(r: &Records, today: Date) -> Judged {
    let personal: Vec<&DeviceRecord> =
        r.devices.iter().filter(|d| d.fields.ownership == Ownership::Personal && in_register(d)).collect();
    let checked = |d: &DeviceRecord| {
        r.byod_checks.iter().any(|c| c.device.0 == d.id && c.outcome != ByodOutcome::Refused && c.recheck_due.is_some())
    };
    let unchecked: Vec<&str> = personal.iter().filter(|d| !checked(d)).map(|d| d.fields.asset_tag.as_str()).collect();
    let overdue = r.byod_checks.iter().filter(|c| c.recheck_due.is_some_and(|due| due < today)).count();
    let unaccepted = r
        .byod_checks
        .iter()
        .filter(|c| c.outcome == ByodOutcome::ApprovedWithRisk && c.risk_accepted_by.is_none())
        .count();
    let standing = if unchecked.is_empty() && overdue == 0 && unaccepted == 0 {
        Standing::Met
    } else if !personal.is_empty() && unchecked.len() == personal.len() {
        Standing::Missing
    } else {
        Standing::PartlyMet
    };
    let mut to_do = Vec::new();
    if !unchecked.is_empty() {
        to_do.push(format!("check {}", unchecked.join(", ")));
    }
    if overdue > 0 {
        to_do.push(format!("re-check {overdue} devices whose check is a year old"));
    }
    if unaccepted > 0 {
        to_do.push(format!("the SIRO to accept or refuse {unaccepted} risks"));
    }
    judged(
        standing,
        format!(
            "{} personal devices registered for practice work, {} with a current check; {overdue} re-checks overdue, \
             {unaccepted} risks awaiting the SIRO.",
            personal.len(),
            personal.len() - unchecked.len()
        ),
        capitalised(&to_do.join("; ")),
        "byod",
    )
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}
