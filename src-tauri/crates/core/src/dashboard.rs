//! The dashboard: what the signed-in person should look at first, by role. Everyone sees the
//! policies waiting for them; managers see the state of the practice's registers; the SIRO,
//! Caldicott Guardian and DPO see what waits for their sign-off; anyone senior sees a running
//! 72-hour clock. Each item names the section where it is dealt with.

use time::{Date, OffsetDateTime};

use crate::byod::ByodOutcome;
use crate::device::{DeviceStatus, YesNoUnknown};
use crate::disposal::DisposalRecord;
use crate::dspt::Records;
use crate::error::Result;
use crate::person::PersonRecord;
use crate::policy::PolicyStanding;
use crate::role::{Permission, Role};
use crate::session::Session;

/// How pressing an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    /// Past its date, or a running clock.
    Overdue,
    /// Waiting to be done.
    Due,
    /// In order: shown so a manager sees the all-clear.
    InOrder,
}

impl Urgency {
    /// Stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::Overdue => "overdue",
            Urgency::Due => "due",
            Urgency::InOrder => "in_order",
        }
    }
}

/// Who an item is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// The signed-in person's own tasks.
    You,
    /// The practice's registers, for managers.
    Practice,
    /// What waits for the signed-in person's signature as SIRO, Caldicott Guardian, IG lead or DPO.
    SignOff,
}

impl Audience {
    /// Stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::You => "you",
            Audience::Practice => "practice",
            Audience::SignOff => "sign_off",
        }
    }
}

/// One thing on the dashboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DashboardItem {
    /// Stable key, e.g. `reviews_overdue`.
    pub key: &'static str,
    /// Who it is for.
    pub audience: Audience,
    /// How pressing it is.
    pub urgency: Urgency,
    /// One line, e.g. "2 policy reviews are overdue".
    pub title: String,
    /// Up to a few names of what it is about.
    pub details: Vec<String>,
    /// How many things it is about.
    pub count: usize,
    /// The section where it is dealt with (`policies`, `acknowledgements`, `devices`, `byod`,
    /// `disposals`, `incidents`, `home`).
    pub section: &'static str,
    /// The one record it is about, when it is about one.
    pub record_id: Option<i64>,
}

/// A reportable incident whose 72-hour clock is running.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunningClock {
    /// The incident.
    pub incident_id: i64,
    /// Its reference.
    pub reference: String,
    /// The deadline to report by.
    pub deadline: OffsetDateTime,
    /// Whole hours left (negative once past).
    pub hours_left: i64,
}

/// The dashboard for the signed-in person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dashboard {
    /// Items, most pressing first within each audience.
    pub items: Vec<DashboardItem>,
    /// Running 72-hour clocks, soonest first.
    pub clocks: Vec<RunningClock>,
}

const DETAILS_SHOWN: usize = 5;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn item(
    key: &'static str,
    audience: Audience,
    section: &'static str,
    details: Vec<String>,
    urgency: Urgency,
    title: String,
) -> DashboardItem {
    let count = details.len();
    DashboardItem {
        key,
        audience,
        urgency,
        title,
        details: details.into_iter().take(DETAILS_SHOWN).collect(),
        count,
        section,
        record_id: None,
    }
}

/// A count of things to do: `Due` when there are some, `InOrder` with `clear` when none.
fn to_do(
    key: &'static str,
    section: &'static str,
    details: Vec<String>,
    (one, many): (&str, &str),
    clear: &str,
) -> DashboardItem {
    let n = details.len();
    let (urgency, title) =
        if n == 0 { (Urgency::InOrder, clear.to_owned()) } else { (Urgency::Due, plural(n, one, many)) };
    item(key, Audience::Practice, section, details, urgency, title)
}

impl Session {
    /// The dashboard for the signed-in person at `now`.
    pub fn dashboard(&self, now: OffsetDateTime) -> Result<Dashboard> {
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        let today = now.date();
        let mut items = self.items_for_you(now)?;
        let mut clocks = Vec::new();
        // Everyone senior sees the registers: read once for every item below.
        if self.require(Permission::ViewDevices, now).is_ok() {
            let records = Records::load(self.vault.connection(), now)?;
            if self.require(Permission::ManageIncidents, now).is_ok() {
                items.extend(practice_items(&records, today));
            }
            items.extend(self.sign_off_items(&me, &records, now)?);
            clocks = running_clocks(&records, now);
        }
        items.sort_by_key(|i| (i.audience as u8, i.urgency));
        Ok(Dashboard { items, clocks })
    }

    fn items_for_you(&self, now: OffsetDateTime) -> Result<Vec<DashboardItem>> {
        let waiting: Vec<String> = self
            .policies_for_me(now)?
            .into_iter()
            .filter(|p| p.acknowledgement.is_none())
            .map(|p| format!("{} (version {})", p.title, p.version.number))
            .collect();
        let n = waiting.len();
        let (urgency, title) = if n == 0 {
            (Urgency::InOrder, "You have read and acknowledged every policy that applies to you".to_owned())
        } else {
            (
                Urgency::Due,
                format!("{} waiting for you to read and acknowledge", plural(n, "policy is", "policies are")),
            )
        };
        Ok(vec![item("policies_to_read", Audience::You, "home", waiting, urgency, title)])
    }

    fn sign_off_items(&self, me: &PersonRecord, records: &Records, now: OffsetDateTime) -> Result<Vec<DashboardItem>> {
        let mut items = Vec::new();
        let mut policies = Vec::new();
        if me.has(Role::Siro) || me.has(Role::CaldicottGuardian) {
            for policy in &records.register {
                let Some(pending) = &policy.pending else { continue };
                let awaited = self.sign_offs_awaited(pending.id, now)?;
                if let Some(role) = awaited.iter().find(|r| me.has(**r)) {
                    policies.push(format!("{} version {} ({})", policy.title, pending.number, role.label()));
                }
            }
        }
        if !policies.is_empty() {
            let title = format!(
                "{} your sign-off",
                plural(policies.len(), "policy version waits for", "policy versions wait for")
            );
            items.push(item("policy_sign_offs", Audience::SignOff, "policies", policies, Urgency::Due, title));
        }
        if me.has(Role::Siro) {
            let risks: Vec<String> = records
                .byod_checks
                .iter()
                .filter(|c| c.outcome == ByodOutcome::ApprovedWithRisk && c.risk_accepted_by.is_none())
                .map(|c| format!("{} — {}", c.person.full_name, c.device.1))
                .collect();
            if !risks.is_empty() {
                let title = format!(
                    "{} your acceptance as SIRO",
                    plural(risks.len(), "BYOD risk waits for", "BYOD risks wait for")
                );
                items.push(item("byod_risks", Audience::SignOff, "byod", risks, Urgency::Due, title));
            }
        }
        if me.has(Role::IgLead) || me.has(Role::Siro) {
            let unchecked: Vec<String> =
                records.disposals.iter().filter(|d| d.checked_by.is_none()).map(disposal_label).collect();
            if !unchecked.is_empty() {
                let title = format!(
                    "{} your signed check",
                    plural(unchecked.len(), "disposal waits for", "disposals wait for")
                );
                items.push(item("disposal_checks", Audience::SignOff, "disposals", unchecked, Urgency::Due, title));
            }
        }
        let all = &records.incidents;
        let mut waiting = Vec::new();
        let mut record = None;
        for incident in all {
            let mine = incident.awaiting_sign_off().into_iter().find(|r| me.has(*r));
            let ig_ready = me.has(Role::IgLead)
                && incident.status == "open"
                && incident.sign_offs.is_empty()
                && incident.closure_gaps().is_empty();
            if let Some(role) = mine.or(ig_ready.then_some(Role::IgLead)) {
                waiting.push(format!("{} ({})", incident.reference, role.label()));
                record = Some(incident.id);
            }
        }
        if !waiting.is_empty() {
            let n = waiting.len();
            let title = format!("{} your closure sign-off", plural(n, "incident waits for", "incidents wait for"));
            let mut it = item("incident_sign_offs", Audience::SignOff, "incidents", waiting, Urgency::Due, title);
            it.record_id = if n == 1 { record } else { None };
            items.push(it);
        }
        if me.has(Role::Dpo) {
            let consult: Vec<String> = all
                .iter()
                .filter(|i| i.status == "open" && i.reporting().is_some() && !i.report.dpo_consulted)
                .map(|i| i.reference.clone())
                .collect();
            if !consult.is_empty() {
                let title = format!(
                    "{} without the DPO's advice recorded",
                    plural(consult.len(), "reportable incident is open", "reportable incidents are open")
                );
                items.push(item("dpo_consultations", Audience::SignOff, "incidents", consult, Urgency::Due, title));
            }
        }
        Ok(items)
    }
}

impl DashboardItem {
    fn retitled(mut self, f: impl FnOnce(&str) -> String) -> Self {
        self.title = f(&self.title);
        self
    }
}

/// Reportable incidents whose 72-hour clock is running, soonest deadline first.
fn running_clocks(records: &Records, now: OffsetDateTime) -> Vec<RunningClock> {
    let mut clocks: Vec<RunningClock> = records
        .incidents
        .iter()
        .filter_map(|i| {
            let deadline = i.running_clock()?;
            Some(RunningClock {
                incident_id: i.id,
                hours_left: (deadline - now).whole_hours(),
                reference: i.reference.clone(),
                deadline,
            })
        })
        .collect();
    clocks.sort_by_key(|c| c.deadline);
    clocks
}

/// A disposal in a list: the device's asset tag, or confidential waste, and the day.
fn disposal_label(d: &DisposalRecord) -> String {
    match &d.device {
        Some((_, tag)) => format!("{tag}, {}", d.disposed_on),
        None => format!("confidential waste, {}", d.disposed_on),
    }
}

/// The state of the practice's registers, for those who keep them.
fn practice_items(records: &Records, today: Date) -> Vec<DashboardItem> {
    let mut items = Vec::new();
    let mut overdue = Vec::new();
    let mut due_soon = Vec::new();
    let mut gaps = Vec::new();
    for policy in &records.register {
        match policy.standing(today) {
            PolicyStanding::ReviewOverdue { due } => overdue.push(format!("{} (due {due})", policy.title)),
            PolicyStanding::ReviewDueSoon { due } => due_soon.push(format!("{} (due {due})", policy.title)),
            PolicyStanding::NoPublishedVersion => gaps.push(policy.title.clone()),
            PolicyStanding::Current { .. } => {}
        }
    }
    let overdue_urgency = if overdue.is_empty() { Urgency::InOrder } else { Urgency::Overdue };
    let overdue_title = if overdue.is_empty() {
        "No policy review is overdue".to_owned()
    } else {
        format!("{} overdue", plural(overdue.len(), "policy review is", "policy reviews are"))
    };
    items.push(item("reviews_overdue", Audience::Practice, "policies", overdue, overdue_urgency, overdue_title));
    if !due_soon.is_empty() {
        items.push(to_do("reviews_due", "policies", due_soon, ("policy review is due", "policy reviews are due"), ""));
    }
    if !gaps.is_empty() {
        items.push(
            to_do("policy_gaps", "policies", gaps, ("policy has", "policies have"), "")
                .retitled(|t| format!("{t} no published version")),
        );
    }

    let matrix = &records.matrix;
    let percent = matrix.practice_permille() / 10;
    let mut chase: Vec<String> = Vec::new();
    for c in matrix.chase_list() {
        if !chase.contains(&c.full_name) {
            chase.push(c.full_name);
        }
    }
    let (urgency, title) = if matrix.meets_bar() {
        (Urgency::InOrder, format!("{percent}% of staff are up to date with policies (bar {}%)", matrix.bar_percent))
    } else {
        (
            Urgency::Overdue,
            format!("{percent}% of staff are up to date with policies, below the {}% bar", matrix.bar_percent),
        )
    };
    items.push(item("acknowledgement_compliance", Audience::Practice, "acknowledgements", chase, urgency, title));

    let byod_due: Vec<String> = records
        .byod_checks
        .iter()
        .filter(|c| c.recheck_due.is_some_and(|due| due <= today + time::Duration::days(30)))
        .map(|c| format!("{} — {} (due {})", c.person.full_name, c.device.1, c.recheck_due.unwrap_or(today)))
        .collect();
    items.push(to_do(
        "byod_checks_due",
        "byod",
        byod_due,
        ("BYOD re-check is due", "BYOD re-checks are due"),
        "No BYOD re-check is due in the next 30 days",
    ));

    let active = records.devices.iter().filter(|d| {
        !matches!(
            d.fields.status,
            DeviceStatus::Disposed | DeviceStatus::Lost | DeviceStatus::Stolen | DeviceStatus::AwaitingDisposal
        )
    });
    let mut encryption_unknown = Vec::new();
    let mut unsupported = Vec::new();
    for d in active {
        if d.fields.encryption == YesNoUnknown::Unknown {
            encryption_unknown.push(d.fields.asset_tag.clone());
        }
        if d.fields.vendor_supported == YesNoUnknown::No {
            unsupported.push(d.fields.asset_tag.clone());
        }
    }
    items.push(to_do(
        "devices_encryption_unknown",
        "devices",
        encryption_unknown,
        ("device has unknown encryption", "devices have unknown encryption"),
        "Every device in use has its encryption recorded",
    ));
    items.push(to_do(
        "devices_unsupported",
        "devices",
        unsupported,
        ("device runs an unsupported system", "devices run unsupported systems"),
        "No device in use runs an unsupported system",
    ));

    let disposals = &records.disposals;
    let missing_certificate: Vec<String> =
        disposals.iter().filter(|d| d.certificate.is_none()).map(disposal_label).collect();
    items.push(to_do(
        "disposals_missing_certificates",
        "disposals",
        missing_certificate,
        ("disposal has no certificate", "disposals have no certificate"),
        "Every disposal has its certificate",
    ));
    let unchecked: Vec<String> = disposals.iter().filter(|d| d.checked_by.is_none()).map(disposal_label).collect();
    items.push(to_do(
        "disposals_unchecked",
        "disposals",
        unchecked,
        ("disposal waits for its signed check", "disposals wait for their signed check"),
        "Every disposal is checked and signed",
    ));

    let incidents = &records.incidents;
    let open: Vec<String> = incidents
        .iter()
        .filter(|i| i.status == "open")
        .map(|i| format!("{} — {}", i.reference, i.category_label()))
        .collect();
    let ungraded = incidents.iter().filter(|i| i.status == "open" && i.grade.is_none()).count();
    let mut open_item =
        to_do("incidents_open", "incidents", open, ("incident is open", "incidents are open"), "No incident is open");
    if ungraded > 0 {
        open_item.title = format!("{}; {} to grade", open_item.title, ungraded);
    }
    items.push(open_item);
    items
}
