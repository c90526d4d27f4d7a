//! The demo practice's policy history: every catalogue policy with three to five versions over
//! ten years, their sign-offs and yearly reviews, and staff acknowledgements — mostly prompt,
//! some late, some still outstanding, a few recorded on someone's behalf.

use custodian_document::PolicyDocument;
use custodian_vault::rusqlite::Connection;
use rand_chacha::ChaCha20Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use time::{Date, Duration, OffsetDateTime, Time};

use super::DemoEvent;
use crate::acknowledgement::store::{self as ack_store, NewAcknowledgement};
use crate::acknowledgement::{ACKNOWLEDGEMENT_STATEMENT, AcknowledgementMethod};
use crate::error::Result;
use crate::person::PersonRecord;
use crate::policy::store::{self, NewSignOff, NewVersion};
use crate::policy::{SignOffKind, VersionChange, VersionNumber, VersionStatus, add_months, catalogue, register};
use crate::role::Role;

/// The people who sign and draft in the demo.
pub(super) struct Signers<'a> {
    pub manager: &'a PersonRecord,
    pub ig_lead: &'a PersonRecord,
    pub siro: &'a PersonRecord,
    pub caldicott: &'a PersonRecord,
}

fn at(day: Date, hour: u8, minute: u8) -> OffsetDateTime {
    day.with_time(Time::from_hms(hour, minute, 0).unwrap_or(Time::MIDNIGHT)).assume_utc()
}

fn body(title: &str, purpose: &str, number: VersionNumber, change: &str, months: u32) -> String {
    let markdown = format!(
        "# {title}\n\n## 1. Purpose\n\n{purpose}\n\n## 2. Scope\n\nThis policy applies to everyone who works at \
         Riverside Surgery, including locums, students and contractors, and to information held on paper and \
         electronically.\n\n## 3. Responsibilities\n\n- The practice manager keeps this policy current and makes \
         sure staff have read it.\n- The SIRO owns the risks it addresses and approves it.\n- Every member of staff \
         reads it, follows it and reports anything that goes wrong.\n\n## 4. What we do\n\n1. We handle information \
         only for the purpose it was given.\n2. We keep it secure, on practice systems, and share it only when we \
         may.\n3. We report incidents and near misses to the IG lead the same day.\n\n## 5. Review\n\nThis policy is \
         reviewed every {months} months, and sooner if the law, national guidance or our systems change.\n\n## \
         Version {number}\n\n{change}\n"
    );
    PolicyDocument::from_markdown(&markdown).to_markdown()
}

/// Writes the history into the register that `create_practice` started, returning its audit events.
pub(super) fn invent(
    tx: &Connection,
    people: &[PersonRecord],
    signers: &Signers<'_>,
    founded: Date,
    now: OffsetDateTime,
) -> Result<Vec<DemoEvent>> {
    let mut rng = ChaCha20Rng::seed_from_u64(0x504f_4c49_4349_4553);
    let today = now.date();
    let purposes: Vec<(String, String)> = catalogue::policy_types().into_iter().map(|t| (t.title, t.purpose)).collect();
    let mut events = Vec::new();
    for (i, policy) in register::register(tx)?.into_iter().enumerate() {
        let purpose = purposes.iter().find(|(t, _)| *t == policy.title).map(|p| p.1.clone()).unwrap_or_default();
        let count = 3 + i % 3;
        let first = founded + Duration::days(20 + 9 * i as i64);
        // Some policies changed recently, so their newest version is still being read.
        let last = if i % 4 == 0 {
            today - Duration::days(12 + 6 * (i as i64 % 5))
        } else {
            today - Duration::days(150 + 37 * (i as i64 % 11))
        };
        let step = (last - first).whole_days() / (count as i64 - 1);
        let mut number = VersionNumber::FIRST;
        let mut published: Vec<(i64, Date, String, VersionNumber)> = Vec::new();
        for n in 0..count {
            let day = first + Duration::days(step * n as i64);
            if n > 0 {
                number = number.next(if n % 2 == 1 { VersionChange::Minor } else { VersionChange::Major });
            }
            let change = match n {
                0 => "First version, adopted from the practice's Word document".to_owned(),
                _ if n % 2 == 1 => "Updated contacts and references to national guidance".to_owned(),
                _ => "Rewritten for new systems and the latest DSPT requirements".to_owned(),
            };
            let text = body(&policy.title, &purpose, number, &change, policy.review_months);
            let hash = PolicyDocument::from_markdown(&text).sha256_hex();
            let author = if n % 2 == 0 { signers.ig_lead } else { signers.manager };
            let created = at(day - Duration::days(21), 10, 5);
            let new = NewVersion {
                policy_id: policy.id,
                number,
                body: &text,
                content_hash: &hash,
                source: if n == 0 {
                    "imported from Word document (.docx) file policy.docx"
                } else {
                    "written in Custodian"
                },
                change_summary: &change,
                author_id: author.id,
            };
            let id = store::insert_version(tx, &new, created)?;
            let record = policy.id.to_string();
            let event = |when: OffsetDateTime, actor: &PersonRecord, action: &'static str, summary: String| DemoEvent {
                at: when,
                actor: actor.login.clone(),
                action,
                record_type: "policy",
                record_id: record.clone(),
                summary,
            };
            events.push(event(
                created,
                author,
                "policy.draft",
                format!("drafted version {number} of \"{}\" ({}), SHA-256 {hash}", policy.title, new.source),
            ));
            let submitted = at(day - Duration::days(14), 11, 20);
            store::set_status(tx, id, VersionStatus::InReview, submitted)?;
            events.push(event(
                submitted,
                author,
                "policy.submit",
                format!("sent version {number} for sign-off, SHA-256 {hash}"),
            ));
            for (k, role) in policy.approvers.iter().enumerate() {
                let signer = if *role == Role::Siro { signers.siro } else { signers.caldicott };
                let signed = at(day - Duration::days(7 - k as i64), 14, 40);
                let statement = format!(
                    "I, {}, as the {}, have reviewed version {number} of \"{}\" (SHA-256 {hash}) and approve it for \
                     publication.",
                    signer.full_name,
                    role.label(),
                    policy.title
                );
                let sign_off = NewSignOff {
                    policy_id: policy.id,
                    version_id: id,
                    kind: SignOffKind::Approval,
                    signer_id: signer.id,
                    roles: &[*role],
                    content_hash: &hash,
                    statement: &statement,
                    next_review: None,
                };
                store::insert_sign_off(tx, &sign_off, signed)?;
                let done = k + 1 == policy.approvers.len();
                if done {
                    store::set_status(tx, id, VersionStatus::Approved, signed)?;
                }
                events.push(event(
                    signed,
                    signer,
                    "policy.approve",
                    format!(
                        "signed off version {number} of \"{}\" as {}{}, SHA-256 {hash}",
                        policy.title,
                        role.label(),
                        if done { "; version approved" } else { "; waiting for the other approver" }
                    ),
                ));
            }
            let publish = at(day, 9, 30);
            if let Some((old, ..)) = published.last() {
                store::set_status(tx, *old, VersionStatus::Superseded, publish)?;
            }
            store::set_status(tx, id, VersionStatus::Published, publish)?;
            let mut next_review = add_months(day, policy.review_months);
            events.push(event(
                publish,
                signers.manager,
                "policy.publish",
                format!("published version {number} of \"{}\"; next review {next_review}", policy.title),
            ));
            // Yearly reviews with no change until the next version; two policies lapse.
            let limit = if n + 1 < count {
                first + Duration::days(step * (n as i64 + 1)) - Duration::days(30)
            } else {
                today + Duration::days(9)
            };
            let lapses = n + 1 == count && i % 7 == 3;
            while next_review < limit && !(lapses && next_review > today - Duration::days(400)) {
                let reviewed = at(next_review - Duration::days(10), 15, 0);
                let following = add_months(reviewed.date(), policy.review_months);
                let statement = format!(
                    "I, {}, as the SIRO, have reviewed version {number} of \"{}\" (SHA-256 {hash}) and it needs no \
                     change. Next review: {following}.",
                    signers.siro.full_name, policy.title
                );
                let review = NewSignOff {
                    policy_id: policy.id,
                    version_id: id,
                    kind: SignOffKind::ReviewedNoChange,
                    signer_id: signers.siro.id,
                    roles: &[Role::Siro],
                    content_hash: &hash,
                    statement: &statement,
                    next_review: Some(following),
                };
                store::insert_sign_off(tx, &review, reviewed)?;
                events.push(event(
                    reviewed,
                    signers.siro,
                    "policy.review",
                    format!(
                        "reviewed \"{}\" version {number}: no change needed; next review {following}",
                        policy.title
                    ),
                ));
                next_review = following;
            }
            store::set_next_review(tx, policy.id, next_review)?;
            published.push((id, day, hash, number));
        }
        events.extend(acknowledgements(tx, &policy.title, &published, people, signers.manager, today, &mut rng)?);
    }
    events.extend(waiting_for_sign_off(tx, signers, now)?);
    Ok(events)
}

/// Everyone's acknowledgements of one policy's versions.
fn acknowledgements(
    tx: &Connection,
    title: &str,
    published: &[(i64, Date, String, VersionNumber)],
    people: &[PersonRecord],
    manager: &PersonRecord,
    today: Date,
    rng: &mut ChaCha20Rng,
) -> Result<Vec<DemoEvent>> {
    let mut events = Vec::new();
    for (k, (version_id, day, hash, number)) in published.iter().enumerate() {
        let replaced = published.get(k + 1).map(|p| p.1);
        for person in people {
            let end = [person.leaving_date, replaced, Some(today)].into_iter().flatten().min().unwrap_or(today);
            let due = (*day).max(person.start_date);
            if due >= end {
                continue;
            }
            // Most people are prompt; a few are slow; some never get round to it.
            let profile = person.id.unsigned_abs() % 10;
            let delay = match profile {
                0 => 40 + i64::from(rng.next_u32() % 150),
                1 | 2 => 10 + i64::from(rng.next_u32() % 50),
                _ => 1 + i64::from(rng.next_u32() % 12),
            };
            let when = at(due + Duration::days(delay), 9 + (rng.next_u32() % 8) as u8, (rng.next_u32() % 60) as u8);
            let still_current = replaced.is_none();
            if when.date() >= end || (still_current && profile == 0 && rng.next_u32() % 10 < 6) {
                continue;
            }
            let on_behalf = rng.next_u32().is_multiple_of(25);
            let opened = crate::time_text(when - Duration::minutes(6));
            let new = NewAcknowledgement {
                person_id: person.id,
                version_id: *version_id,
                content_hash: hash,
                first_opened_at: if on_behalf { None } else { Some(&opened) },
                method: if on_behalf {
                    AcknowledgementMethod::RecordedOnBehalf
                } else {
                    AcknowledgementMethod::OwnLogin
                },
                recorded_by_id: on_behalf.then_some(manager.id),
                reason: on_behalf.then_some("Signed the paper acknowledgement sheet at the team meeting"),
            };
            ack_store::insert(tx, &new, when)?;
            events.push(if on_behalf {
                DemoEvent {
                    at: when,
                    actor: manager.login.clone(),
                    action: "acknowledgement.on_behalf",
                    record_type: "acknowledgement",
                    record_id: person.id.to_string(),
                    summary: format!(
                        "recorded on behalf of {} ({}) their acknowledgement of \"{title}\" version {number}: Signed \
                         the paper acknowledgement sheet at the team meeting",
                        person.full_name, person.login
                    ),
                }
            } else {
                DemoEvent {
                    at: when,
                    actor: person.login.clone(),
                    action: "acknowledgement.add",
                    record_type: "acknowledgement",
                    record_id: person.id.to_string(),
                    summary: format!(
                        "acknowledged \"{title}\" version {number} (SHA-256 {hash}): {ACKNOWLEDGEMENT_STATEMENT}"
                    ),
                }
            });
        }
    }
    Ok(events)
}

/// A new version of the information security policy, sent for sign-off three days ago, waiting
/// for the SIRO: something for the demo SIRO to sign.
fn waiting_for_sign_off(tx: &Connection, signers: &Signers<'_>, now: OffsetDateTime) -> Result<Vec<DemoEvent>> {
    let Some(policy) =
        register::register(tx)?.into_iter().find(|p| p.catalogue_key.as_deref() == Some("information-security"))
    else {
        return Ok(vec![]);
    };
    let Some(current) = &policy.current else { return Ok(vec![]) };
    let number = current.number.next(VersionChange::Minor);
    let change = "Adds the rule that removable media must be encrypted";
    let text = body(&policy.title, "How the practice protects its information and systems.", number, change, 12);
    let hash = PolicyDocument::from_markdown(&text).sha256_hex();
    let created = now - Duration::days(5);
    let new = NewVersion {
        policy_id: policy.id,
        number,
        body: &text,
        content_hash: &hash,
        source: "written in Custodian",
        change_summary: change,
        author_id: signers.ig_lead.id,
    };
    let id = store::insert_version(tx, &new, created)?;
    let submitted = now - Duration::days(3);
    store::set_status(tx, id, VersionStatus::InReview, submitted)?;
    let event = |when, action, summary| DemoEvent {
        at: when,
        actor: signers.ig_lead.login.clone(),
        action,
        record_type: "policy",
        record_id: policy.id.to_string(),
        summary,
    };
    Ok(vec![
        event(
            created,
            "policy.draft",
            format!("drafted version {number} of \"{}\" (written in Custodian), SHA-256 {hash}", policy.title),
        ),
        event(submitted, "policy.submit", format!("sent version {number} for sign-off, SHA-256 {hash}")),
    ])
}
