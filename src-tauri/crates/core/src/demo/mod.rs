//! The demo practice: an invented practice to explore Custodian with, never real data.
//!
//! "Riverside Surgery (demo)" has 60 people across every role, with starters and leavers over
//! ten years and the audit trail those years would leave. It is generated from a fixed seed, so
//! it is the same every time. One documented login per role uses [`DEMO_PASSWORD`].

mod byod;
mod devices;
mod incidents;
mod policies;

use std::path::Path;

use custodian_vault::secrecy::SecretString;
use custodian_vault::{KdfParams, RecoveryKey, SlotChange};
use rand_chacha::ChaCha20Rng;
use rand_chacha::rand_core::SeedableRng;
use rand_core::{CryptoRng, RngCore};
use time::{Date, Duration, OffsetDateTime};

use crate::audit::{self, NewAuditEntry};
use crate::error::{CoreError, Result};
use crate::person::{self, FullName, Login, PersonFields};
use crate::role::Role;
use crate::session::{NewPractice, Session, create_practice};

/// The demo practice's name; "(demo)" keeps it from being mistaken for a real practice.
pub const DEMO_PRACTICE_NAME: &str = "Riverside Surgery (demo)";
/// The demo practice's ODS code (not a real one).
pub const DEMO_ODS_CODE: &str = "DEMO01";
/// The demo practice manager's login, documented in the README.
pub const DEMO_LOGIN: &str = "demo.manager";
/// The password of every demo login, documented in the README. Demo vaults only.
pub const DEMO_PASSWORD: &str = "heron lantern quarry 42";
/// The demo practice manager's name.
pub const DEMO_FULL_NAME: &str = "Alex Morgan";
/// One documented login for each role, with the person's name and job title.
pub const DEMO_ROLE_LOGINS: [(&str, &str, &str, Role); 5] = [
    ("demo.iglead", "Priya Raman", "Deputy practice manager", Role::IgLead),
    ("demo.caldicott", "Dr Tom Okafor", "GP partner", Role::CaldicottGuardian),
    ("demo.siro", "Dr Helen Marsh", "GP partner", Role::Siro),
    ("demo.dpo", "Sam Whitfield", "Data protection officer (external)", Role::Dpo),
    ("demo.staff", "Jordan Ellis", "Receptionist", Role::Staff),
];
/// People in the demo practice at scale 1.
pub const DEMO_PEOPLE: usize = 60;

const FIRST_NAMES: [&str; 40] = [
    "Aisha", "Ben", "Chloe", "Daniel", "Eleanor", "Farah", "George", "Hannah", "Imran", "Jess", "Kieran", "Laura",
    "Mohammed", "Niamh", "Oliver", "Poppy", "Rhys", "Sophie", "Tariq", "Una", "Victor", "Wendy", "Yusuf", "Zara",
    "Aled", "Bethan", "Callum", "Deepa", "Ewan", "Fiona", "Gareth", "Ifeoma", "Joanna", "Kwame", "Lydia", "Marek",
    "Nadia", "Owen", "Rosa", "Siân",
];
const LAST_NAMES: [&str; 30] = [
    "Ahmed",
    "Baker",
    "Campbell",
    "Davies",
    "Evans",
    "Fletcher",
    "Green",
    "Hughes",
    "Iqbal",
    "Jones",
    "Kowalski",
    "Lewis",
    "Mensah",
    "Nowak",
    "O'Connor",
    "Patel",
    "Quinn",
    "Roberts",
    "Singh",
    "Thomas",
    "Usman",
    "Vaughan",
    "Walsh",
    "Young",
    "Zielinski",
    "Adeyemi",
    "Brennan",
    "Chowdhury",
    "Doyle",
    "Ellison",
];
const JOBS: [(&str, Role); 8] = [
    ("Receptionist", Role::Staff),
    ("Practice nurse", Role::Staff),
    ("Healthcare assistant", Role::Staff),
    ("Salaried GP", Role::Staff),
    ("Administrator", Role::Staff),
    ("Secretary", Role::Staff),
    ("Clinical pharmacist", Role::Staff),
    ("Data quality lead", Role::IgLead),
];

/// Something that happened in the demo practice's invented history, for its audit trail.
struct DemoEvent {
    at: OffsetDateTime,
    actor: String,
    action: &'static str,
    record_type: &'static str,
    record_id: String,
    summary: String,
}

/// One invented person and the dates of their time at the practice.
struct DemoPerson {
    full_name: String,
    login: String,
    job_title: String,
    roles: Vec<Role>,
    start: Date,
    leaving: Option<Date>,
    documented: bool,
}

/// Creates the demo practice at `path` with `DEMO_PEOPLE × scale` people (scale 5 is for
/// benchmarks) and signs its manager in.
pub fn create_demo(
    path: &Path,
    scale: usize,
    now: OffsetDateTime,
    rng: &mut (impl RngCore + CryptoRng),
) -> Result<(Session, RecoveryKey)> {
    let founded = (now - Duration::days(10 * 365)).replace_time(time::Time::MIDNIGHT);
    let password = SecretString::from(DEMO_PASSWORD.to_owned());
    let new = NewPractice {
        practice_name: DEMO_PRACTICE_NAME,
        ods_code: DEMO_ODS_CODE,
        full_name: DEMO_FULL_NAME,
        login: DEMO_LOGIN,
        password: &password,
    };
    let (mut session, recovery) = create_practice(path, &new, KdfParams::DEFAULT, founded, rng)?;
    let people = invent_people(scale.max(1) * DEMO_PEOPLE - 1, founded.date(), now.date());
    let today = now.date();

    let slots: Vec<SlotChange<'_>> = people
        .iter()
        .filter(|p| p.leaving.is_none_or(|last| last >= today))
        .map(|p| SlotChange::SetPassword {
            login: &p.login,
            password: &password,
            kdf: if p.documented { KdfParams::DEFAULT } else { KdfParams::OWASP_MINIMUM },
        })
        .collect();
    session.vault.write_with_slots(&slots, rng, |tx| {
        let mut events: Vec<DemoEvent> = Vec::new();
        let event = |at: OffsetDateTime, actor: &str, action: &'static str, id: i64, summary: String| DemoEvent {
            at,
            actor: actor.to_owned(),
            action,
            record_type: "person",
            record_id: id.to_string(),
            summary,
        };
        for p in &people {
            let login = Login::parse(&p.login).map_err(CoreError::Refused)?;
            let fields = PersonFields {
                full_name: FullName::parse(&p.full_name).map_err(CoreError::Refused)?,
                job_title: p.job_title.clone(),
                email: Some(format!("{}@demo.invalid", p.login)),
                roles: p.roles.clone(),
                start_date: p.start,
                leaving_date: p.leaving,
            };
            let id = person::insert(tx, &login, &fields, false, founded)?;
            let roles = p.roles.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ");
            let at = |day: Date, hour: u8| day.with_hms(hour, 15, 0).map(|t| t.assume_utc()).unwrap_or(founded);
            events.push(event(
                at(p.start, 9),
                DEMO_LOGIN,
                "person.add",
                id,
                format!("added {} ({}) as {roles}", p.full_name, p.login),
            ));
            let mut year = p.start + Duration::days(365);
            while year < p.leaving.unwrap_or(today).min(today) {
                events.push(event(
                    at(year, 10),
                    &p.login,
                    "person.change_password",
                    id,
                    "changed their password".to_owned(),
                ));
                year += Duration::days(365);
            }
            if let Some(last) = p.leaving {
                events.push(event(
                    at(last - Duration::days(20), 11),
                    DEMO_LOGIN,
                    "person.leave",
                    id,
                    format!("{}: last day: none → {last}", p.login),
                ));
                if last < today {
                    person::mark_access_removed(tx, id)?;
                    events.push(event(
                        at(last + Duration::days(1), 8),
                        DEMO_LOGIN,
                        "person.remove_access",
                        id,
                        format!("removed {}'s access after their last day, {last}", p.login),
                    ));
                }
            }
        }
        let everyone = person::all(tx)?;
        let find = |login: &str| everyone.iter().find(|p| p.login == login).ok_or(CoreError::Incomplete("demo person"));
        let signers = policies::Signers {
            manager: find(DEMO_LOGIN)?,
            ig_lead: find("demo.iglead")?,
            siro: find("demo.siro")?,
            caldicott: find("demo.caldicott")?,
        };
        events.extend(policies::invent(tx, &everyone, &signers, founded.date(), now)?);
        events.extend(devices::invent(tx, &everyone, signers.manager, founded.date(), now)?);
        events.extend(byod::invent(tx, signers.manager, now)?);
        events.extend(incidents::invent(tx, &everyone, &signers, founded.date(), now)?);
        events.sort_by_key(|e| e.at);
        for e in events.into_iter().filter(|e| e.at <= now) {
            let entry = NewAuditEntry {
                actor_login: &e.actor,
                action: e.action,
                record_type: e.record_type,
                record_id: e.record_id,
                summary: e.summary,
            };
            audit::append(tx, e.at, &entry)?;
        }
        Ok::<_, CoreError>(())
    })?;
    Ok((session, recovery))
}

/// The documented role holders, then invented staff with staggered starts and some leavers.
fn invent_people(count: usize, founded: Date, today: Date) -> Vec<DemoPerson> {
    let mut seeded = ChaCha20Rng::seed_from_u64(0x5249_5645_5253_4944);
    let mut pick = |n: usize| (seeded.next_u32() as usize) % n;
    let mut people: Vec<DemoPerson> = DEMO_ROLE_LOGINS
        .iter()
        .map(|(login, name, job, role)| DemoPerson {
            full_name: (*name).to_owned(),
            login: (*login).to_owned(),
            job_title: (*job).to_owned(),
            roles: if *role == Role::Staff { vec![Role::Staff] } else { vec![*role, Role::Staff] },
            start: founded,
            leaving: None,
            documented: true,
        })
        .collect();
    let span = (today - founded).whole_days().max(1) as usize;
    let mut n = 0usize;
    while people.len() < count {
        n += 1;
        let first = FIRST_NAMES[pick(FIRST_NAMES.len())];
        let last = LAST_NAMES[pick(LAST_NAMES.len())];
        let (job, role) = JOBS[pick(JOBS.len())];
        let start = founded + Duration::days(pick(span * 9 / 10) as i64);
        let leaving = (pick(10) < 3)
            .then(|| start + Duration::days(180 + pick(4 * 365) as i64))
            .filter(|last| *last < today + Duration::days(60));
        let login = format!(
            "{}.{}{n}",
            ascii_lower(first).chars().next().unwrap_or('x'),
            ascii_lower(last).chars().filter(char::is_ascii_alphanumeric).collect::<String>()
        );
        let roles = if role == Role::Staff { vec![Role::Staff] } else { vec![role, Role::Staff] };
        people.push(DemoPerson {
            full_name: format!("{first} {last}"),
            login,
            job_title: job.to_owned(),
            roles,
            start,
            leaving,
            documented: false,
        });
    }
    people.truncate(count);
    people
}

fn ascii_lower(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'â' | 'á' => 'a',
            _ => c,
        })
        .filter(|c| c.is_ascii())
        .collect::<String>()
        .to_lowercase()
}
