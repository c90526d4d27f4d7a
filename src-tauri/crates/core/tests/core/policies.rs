//! The policy register, the sign-off lifecycle and read-and-understood acknowledgements.

use custodian_core::{
    AcknowledgementMethod, CoreError, Field, MatrixCell, PolicyForm, PolicySource, PolicyStanding, Role, Session,
    VersionChange, VersionStatus, sign_in,
};
use time::macros::datetime;

use super::{NOW, PASSWORD, Practice, add_and_activate, created, fields, manager, secret};

const TEXT: &str = "1.\tINTRODUCTION\n1.1\tPolicy Statement.  The Practice will protect information.\n\
                    · Lock your screen;\n· Wear your smartcard.\n";

struct Team {
    p: Practice,
    siro: String,
    caldicott: String,
    staff: String,
}

fn team() -> Team {
    let p = created();
    let siro = add_and_activate(&p, "Helen Marsh", "h.marsh", &[Role::Siro, Role::Staff]);
    let caldicott = add_and_activate(&p, "Tom Okafor", "t.okafor", &[Role::CaldicottGuardian, Role::Staff]);
    let staff = add_and_activate(&p, "Jordan Ellis", "j.ellis", &[Role::Staff]);
    Team { p, siro, caldicott, staff }
}

fn as_person(t: &Team, login: &str, password: &str) -> Session {
    sign_in(&t.p.path, login, &secret(password), NOW).unwrap()
}

fn policy_id(session: &Session, title: &str) -> i64 {
    session.policies(NOW).unwrap().into_iter().find(|p| p.title == title).unwrap().id
}

fn audit_len(session: &Session) -> u64 {
    session.verify_audit_chain().unwrap().entries
}

/// Drafts, submits, has the SIRO approve and publishes a version of the backup policy.
fn publish_backup_version(t: &Team, text: &str, change: VersionChange) -> i64 {
    let mut pm = manager(&t.p);
    let id = policy_id(&pm, "Backup policy");
    let file = PolicySource::File { name: "backup.txt", bytes: text.as_bytes() };
    let draft = pm.add_policy_version(id, file, change, "Yearly review", NOW).unwrap();
    pm.submit_policy_version(draft.id, NOW).unwrap();
    drop(pm);
    let mut siro = as_person(t, "h.marsh", &t.siro);
    siro.approve_policy_version(draft.id, &secret(&t.siro), true, NOW).unwrap();
    drop(siro);
    let mut pm = manager(&t.p);
    pm.publish_policy_version(draft.id, NOW).unwrap().id
}

#[test]
fn a_new_practice_starts_its_register_from_the_catalogue_with_every_policy_a_gap() {
    let p = created();
    let pm = manager(&p);
    let policies = pm.policies(NOW).unwrap();
    assert_eq!(policies.len(), 20);
    assert!(policies.iter().all(|p| p.standing(NOW.date()) == PolicyStanding::NoPublishedVersion));
    let confidentiality = policies.iter().find(|p| p.title == "Confidentiality policy").unwrap();
    assert_eq!(confidentiality.approvers, [Role::CaldicottGuardian, Role::Siro]);
    assert_eq!(confidentiality.review_months, 12);
    assert_eq!(confidentiality.owner.as_ref().unwrap().full_name, "Siobhán O'Brien");
}

#[test]
fn import_review_sign_off_publish_read_to_the_end_and_acknowledge() {
    let t = team();
    let mut pm = manager(&t.p);
    let id = policy_id(&pm, "Backup policy");
    let file = PolicySource::File { name: "Backup policy.txt", bytes: TEXT.as_bytes() };
    let draft = pm.add_policy_version(id, file, VersionChange::Minor, "", NOW).unwrap();
    assert_eq!((draft.number.to_string(), draft.status), ("1.0".into(), VersionStatus::Draft));
    assert_eq!(draft.change_summary, "First version");
    assert_eq!(draft.source, "imported from plain text file Backup policy.txt");
    assert_eq!(draft.content_hash.len(), 64);
    let text = pm.policy_text(draft.id, NOW).unwrap();
    assert!(text.markdown.contains("1. INTRODUCTION"), "{}", text.markdown);

    let staff_cannot = as_person(&t, "j.ellis", &t.staff).policy_text(draft.id, NOW);
    assert!(matches!(staff_cannot, Err(CoreError::Forbidden { .. })), "{staff_cannot:?}");
    let early = pm.publish_policy_version(draft.id, NOW).unwrap_err();
    assert!(matches!(early, CoreError::Refused(_)), "a draft cannot be published");
    pm.submit_policy_version(draft.id, NOW).unwrap();
    drop(pm);

    let mut siro = as_person(&t, "h.marsh", &t.siro);
    let (statement, roles) = siro.approval_statement(draft.id, NOW).unwrap();
    assert_eq!(roles, [Role::Siro]);
    assert!(statement.contains(&draft.content_hash), "{statement}");
    let wrong = siro.approve_policy_version(draft.id, &secret("not my password"), true, NOW).unwrap_err();
    assert_eq!(fields(wrong), [Field::CurrentPassword]);
    let unconfirmed = siro.approve_policy_version(draft.id, &secret(&t.siro), false, NOW).unwrap_err();
    assert_eq!(fields(unconfirmed), [Field::Statement]);
    let approved = siro.approve_policy_version(draft.id, &secret(&t.siro), true, NOW).unwrap();
    assert_eq!(approved.status, VersionStatus::Approved);
    drop(siro);

    let mut pm = manager(&t.p);
    let published = pm.publish_policy_version(draft.id, NOW).unwrap();
    assert_eq!(published.status, VersionStatus::Published);
    let policy = pm.policy_history(id, NOW).unwrap();
    assert_eq!(policy.policy.next_review, Some(time::macros::date!(2027 - 11 - 25)));
    assert_eq!(policy.sign_offs.len(), 1);
    assert_eq!(policy.sign_offs[0].signer.full_name, "Helen Marsh");
    assert_eq!(policy.sign_offs[0].content_hash, draft.content_hash);
    drop(pm);

    let mut staff = as_person(&t, "j.ellis", &t.staff);
    let mine = staff.policies_for_me(NOW).unwrap();
    assert_eq!(mine.len(), 1);
    assert!(mine[0].acknowledgement.is_none() && !mine[0].reached_end);
    let unread = staff.acknowledge_policy(draft.id, true, NOW).unwrap_err();
    assert!(unread.to_string().contains("to the end"), "{unread}");
    staff.open_policy_for_acknowledgement(draft.id, datetime!(2026-11-25 9:01 UTC)).unwrap();
    staff.mark_policy_read_to_end(draft.id, datetime!(2026-11-25 9:03 UTC)).unwrap();
    let unconfirmed = staff.acknowledge_policy(draft.id, false, NOW).unwrap_err();
    assert_eq!(fields(unconfirmed), [Field::Statement]);
    let ack = staff.acknowledge_policy(draft.id, true, datetime!(2026-11-25 9:04 UTC)).unwrap();
    assert_eq!(ack.method, AcknowledgementMethod::OwnLogin);
    assert_eq!(ack.first_opened_at.as_deref(), Some("2026-11-25T09:01:00Z"));
    assert_eq!(ack.content_hash, draft.content_hash);
    let twice = staff.acknowledge_policy(draft.id, true, NOW).unwrap_err();
    assert!(twice.to_string().contains("already acknowledged"), "{twice}");
    drop(staff);

    let pm = manager(&t.p);
    let matrix = pm.acknowledgement_matrix(NOW).unwrap();
    assert_eq!(matrix.policies.len(), 1);
    let row = matrix.people.iter().position(|p| p.login == "j.ellis").unwrap();
    assert!(matches!(matrix.cells[row][0], MatrixCell::Acknowledged { method: AcknowledgementMethod::OwnLogin, .. }));
    assert_eq!((matrix.policies[0].due, matrix.policies[0].acknowledged), (4, 1));
    assert_eq!(matrix.chase_list().len(), 3);
}

#[test]
fn a_new_version_resets_acknowledgements_and_keeps_the_old_ones() {
    let t = team();
    let first = publish_backup_version(&t, TEXT, VersionChange::Minor);
    let mut staff = as_person(&t, "j.ellis", &t.staff);
    staff.mark_policy_read_to_end(first, NOW).unwrap();
    staff.acknowledge_policy(first, true, NOW).unwrap();
    drop(staff);

    let second = publish_backup_version(&t, &format!("{TEXT}· Test restores monthly.\n"), VersionChange::Major);
    let pm = manager(&t.p);
    let history = pm.policy_history(policy_id(&pm, "Backup policy"), NOW).unwrap();
    let numbers: Vec<(String, VersionStatus)> =
        history.versions.iter().map(|v| (v.number.to_string(), v.status)).collect();
    assert_eq!(numbers, [("2.0".into(), VersionStatus::Published), ("1.0".into(), VersionStatus::Superseded)]);
    let kept = pm.policy_acknowledgements(history.policy.id, NOW).unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].version_id, first);
    let matrix = pm.acknowledgement_matrix(NOW).unwrap();
    let row = matrix.people.iter().position(|p| p.login == "j.ellis").unwrap();
    assert!(matches!(matrix.cells[row][0], MatrixCell::Outstanding { .. }));
    assert!(pm.policy_text(first, NOW).unwrap().markdown.contains("INTRODUCTION"), "superseded stays readable");
    drop(pm);

    let mut staff = as_person(&t, "j.ellis", &t.staff);
    let old = staff.acknowledge_policy(first, true, NOW).unwrap_err();
    assert_eq!(
        old.to_string(),
        "Version 1.0 of \"Backup policy\" has been replaced; read and acknowledge the current version, 2.0"
    );
    staff.mark_policy_read_to_end(second, NOW).unwrap();
    staff.acknowledge_policy(second, true, NOW).unwrap();
}

#[test]
fn a_policy_with_two_approver_roles_needs_both_sign_offs() {
    let t = team();
    let mut pm = manager(&t.p);
    let id = policy_id(&pm, "Confidentiality policy");
    let draft = pm
        .add_policy_version(id, PolicySource::Written("# Confidentiality\n\nKeep it."), VersionChange::Minor, "", NOW)
        .unwrap();
    pm.submit_policy_version(draft.id, NOW).unwrap();
    drop(pm);
    let mut siro = as_person(&t, "h.marsh", &t.siro);
    let half = siro.approve_policy_version(draft.id, &secret(&t.siro), true, NOW).unwrap();
    assert_eq!(half.status, VersionStatus::InReview);
    let again = siro.approve_policy_version(draft.id, &secret(&t.siro), true, NOW).unwrap_err();
    assert!(again.to_string().contains("waits for the Caldicott Guardian"), "{again}");
    drop(siro);
    let mut cg = as_person(&t, "t.okafor", &t.caldicott);
    let whole = cg.approve_policy_version(draft.id, &secret(&t.caldicott), true, NOW).unwrap();
    assert_eq!(whole.status, VersionStatus::Approved);
}

#[test]
fn approving_without_the_role_or_ones_own_draft_is_refused_and_changes_nothing() {
    let t = team();
    let mut pm = manager(&t.p);
    let id = policy_id(&pm, "Backup policy");
    let draft =
        pm.add_policy_version(id, PolicySource::Written("Back up nightly."), VersionChange::Minor, "", NOW).unwrap();
    pm.submit_policy_version(draft.id, NOW).unwrap();
    let before = audit_len(&pm);
    let refused = pm.approve_policy_version(draft.id, &secret(PASSWORD), true, NOW).unwrap_err();
    assert_eq!(refused.to_string(), "Only the SIRO may approve \"Backup policy\"");
    let mut cg = as_person(&t, "t.okafor", &t.caldicott);
    assert!(cg.approve_policy_version(draft.id, &secret(&t.caldicott), true, NOW).is_err());
    drop(cg);
    pm.refresh().unwrap();
    assert_eq!(audit_len(&pm), before);
    assert_eq!(pm.policy_history(id, NOW).unwrap().sign_offs.len(), 0);

    // A SIRO who is also IG lead drafts; the other SIRO exists, so they may not approve it.
    let own = add_and_activate(&t.p, "Priya Raman", "p.raman", &[Role::IgLead, Role::Siro, Role::Staff]);
    let mut author = as_person(&t, "p.raman", &own);
    let homeworking = policy_id(&author, "Homeworking policy");
    let draft = author
        .add_policy_version(homeworking, PolicySource::Written("Work safely."), VersionChange::Minor, "", NOW)
        .unwrap();
    author.submit_policy_version(draft.id, NOW).unwrap();
    let own_draft = author.approve_policy_version(draft.id, &secret(&own), true, NOW).unwrap_err();
    assert!(own_draft.to_string().contains("Helen Marsh (SIRO)"), "{own_draft}");
}

#[test]
fn approved_text_never_changes_and_going_back_to_draft_withdraws_sign_offs() {
    let t = team();
    let mut pm = manager(&t.p);
    let id = policy_id(&pm, "Confidentiality policy");
    let draft =
        pm.add_policy_version(id, PolicySource::Written("Keep secrets."), VersionChange::Minor, "", NOW).unwrap();
    pm.submit_policy_version(draft.id, NOW).unwrap();
    let frozen = pm.edit_policy_draft(draft.id, PolicySource::Written("Changed."), "typo", NOW).unwrap_err();
    assert!(frozen.to_string().contains("frozen"), "{frozen}");
    drop(pm);
    let mut siro = as_person(&t, "h.marsh", &t.siro);
    siro.approve_policy_version(draft.id, &secret(&t.siro), true, NOW).unwrap();
    let no_reason = siro.return_policy_version_to_draft(draft.id, " ", NOW).unwrap_err();
    assert_eq!(fields(no_reason), [Field::Reason]);
    siro.return_policy_version_to_draft(draft.id, "Needs the retention periods", NOW).unwrap();
    drop(siro);
    let mut pm = manager(&t.p);
    let edited =
        pm.edit_policy_draft(draft.id, PolicySource::Written("Keep secrets for 8 years."), "Retention", NOW).unwrap();
    assert_ne!(edited.content_hash, draft.content_hash);
    let history = pm.policy_history(id, NOW).unwrap();
    assert!(history.sign_offs[0].withdrawn_at.is_some());
    assert_eq!(history.versions.len(), 1);
    pm.submit_policy_version(draft.id, NOW).unwrap();
    drop(pm);
    let mut siro = as_person(&t, "h.marsh", &t.siro);
    let signed = siro.approve_policy_version(draft.id, &secret(&t.siro), true, NOW).unwrap();
    assert_eq!(signed.status, VersionStatus::InReview, "the withdrawn sign-off does not count");
}

#[test]
fn reviewed_no_change_is_signed_and_moves_the_next_review() {
    let t = team();
    publish_backup_version(&t, TEXT, VersionChange::Minor);
    let later = datetime!(2027-11-01 10:00 UTC);
    let mut siro = sign_in(&t.p.path, "h.marsh", &secret(&t.siro), later).unwrap();
    let id = policy_id(&siro, "Backup policy");
    assert!(matches!(
        siro.policies(later).unwrap().iter().find(|p| p.id == id).unwrap().standing(later.date()),
        PolicyStanding::ReviewDueSoon { .. }
    ));
    let statement = siro.review_statement(id, later).unwrap();
    assert!(statement.contains("needs no change. Next review: 2028-11-01."), "{statement}");
    let policy = siro.review_policy_no_change(id, &secret(&t.siro), true, later).unwrap();
    assert_eq!(policy.next_review, Some(time::macros::date!(2028 - 11 - 01)));
    assert!(matches!(policy.standing(later.date()), PolicyStanding::Current { .. }));
    let sign_offs = siro.policy_history(id, later).unwrap().sign_offs;
    assert_eq!(sign_offs.last().unwrap().kind, custodian_core::SignOffKind::ReviewedNoChange);
}

#[test]
fn a_manager_records_an_acknowledgement_on_someones_behalf_with_a_reason() {
    let t = team();
    let version = publish_backup_version(&t, TEXT, VersionChange::Minor);
    let mut pm = manager(&t.p);
    let staff_id = pm.people(NOW).unwrap().into_iter().find(|p| p.login == "j.ellis").unwrap().id;
    let no_reason = pm.acknowledge_policy_on_behalf(staff_id, version, "", NOW).unwrap_err();
    assert_eq!(fields(no_reason), [Field::Reason]);
    let ack = pm.acknowledge_policy_on_behalf(staff_id, version, "Signed the paper sheet on 3 March", NOW).unwrap();
    assert_eq!(ack.method, AcknowledgementMethod::RecordedOnBehalf);
    assert_eq!(ack.recorded_by.unwrap().full_name, "Siobhán O'Brien");
    let matrix = pm.acknowledgement_matrix(NOW).unwrap();
    assert!(matrix.to_csv().contains("(recorded by a manager on their behalf)"));
    drop(pm);
    let mut staff = as_person(&t, "j.ellis", &t.staff);
    assert!(staff.acknowledge_policy_on_behalf(staff_id, version, "x", NOW).is_err(), "staff may not");
    assert!(staff.acknowledgement_matrix(NOW).is_err(), "staff do not see the matrix");
}

#[test]
fn bad_documents_and_duplicate_titles_are_refused_and_change_nothing() {
    let t = team();
    let mut pm = manager(&t.p);
    let id = policy_id(&pm, "Backup policy");
    let before = audit_len(&pm);
    let cases: [(&str, &[u8]); 4] = [
        ("empty.txt", b""),
        ("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0"),
        ("policy.docx", b"this is plain text, not a Word document"),
        ("latin1.txt", b"caf\xe9 policy"),
    ];
    for (name, bytes) in cases {
        let refused = pm.add_policy_version(id, PolicySource::File { name, bytes }, VersionChange::Minor, "", NOW);
        assert_eq!(fields(refused.unwrap_err()), [Field::PolicyFile], "{name}");
    }
    let form =
        PolicyForm { title: "  backup   POLICY ", approvers: &[Role::Siro], review_months: 12, ..Default::default() };
    assert_eq!(fields(pm.add_policy(&form, NOW).unwrap_err()), [Field::PolicyTitle]);
    let nonsense =
        PolicyForm { title: "Fax policy", approvers: &[Role::Staff], review_months: 0, ..Default::default() };
    assert_eq!(fields(pm.add_policy(&nonsense, NOW).unwrap_err()), [Field::Approvers, Field::ReviewMonths]);
    assert_eq!(audit_len(&pm), before);
    assert!(pm.policy_history(id, NOW).unwrap().versions.is_empty());
    let added = pm.add_policy(&PolicyForm { title: "Fax policy", ..form }, NOW).unwrap();
    assert_eq!(added.title, "Fax policy");
}

/// Checked on the demo practice made by `the_demo_practice_opens_with_its_documented_login`.
pub(super) fn the_demo_has_ten_years_of_policies_and_acknowledgements(manager: &Session) {
    let policies = manager.policies(NOW).unwrap();
    assert_eq!(policies.len(), 20);
    let mut versions = 0;
    let mut reviewed = 0;
    for policy in &policies {
        let history = manager.policy_history(policy.id, NOW).unwrap();
        let published = history.versions.iter().filter(|v| v.published_at.is_some()).count();
        assert!((3..=5).contains(&published), "{}: {published} published versions", policy.title);
        versions += history.versions.len();
        if history.sign_offs.iter().any(|s| s.kind == custodian_core::SignOffKind::ReviewedNoChange) {
            reviewed += 1;
        }
    }
    assert!(reviewed >= 10, "yearly reviews with no change are signed ({reviewed} policies)");
    assert!(versions >= 80);
    let in_review: Vec<_> = policies.iter().filter_map(|p| p.pending.as_ref()).collect();
    assert_eq!(in_review.len(), 1, "one version waits for the SIRO");
    assert_eq!(in_review[0].status, VersionStatus::InReview);
    let overdue =
        policies.iter().filter(|p| matches!(p.standing(NOW.date()), PolicyStanding::ReviewOverdue { .. })).count();
    assert!((1..=4).contains(&overdue), "a few reviews are overdue ({overdue})");
    assert!(policies.iter().any(|p| matches!(p.standing(NOW.date()), PolicyStanding::Current { .. })));

    let matrix = manager.acknowledgement_matrix(NOW).unwrap();
    assert_eq!(matrix.policies.len(), 20);
    let figure = matrix.practice_permille();
    assert!((400..950).contains(&figure), "most, not all, staff are up to date ({figure}‰)");
    let (due, done) = matrix.acknowledgements();
    assert!(done * 100 / due >= 80, "most acknowledgements are made ({done} of {due})");
    assert!(!matrix.chase_list().is_empty());
    let on_behalf = matrix
        .cells
        .iter()
        .flatten()
        .filter(|c| matches!(c, MatrixCell::Acknowledged { method: AcknowledgementMethod::RecordedOnBehalf, .. }))
        .count();
    assert!(on_behalf > 0, "some were recorded on someone's behalf");
}

#[test]
fn a_quick_sign_in_acknowledges_policies_and_nothing_else() {
    let t = team();
    let version = publish_backup_version(&t, TEXT, VersionChange::Minor);
    let mut quick = custodian_core::sign_in_to_acknowledge(&t.p.path, "s.obrien", &secret(PASSWORD), NOW).unwrap();
    assert!(quick.is_acknowledge_only());
    let refused = quick.add_policy(
        &PolicyForm { title: "Fax", approvers: &[Role::Siro], review_months: 12, ..Default::default() },
        NOW,
    );
    assert!(matches!(refused, Err(CoreError::Forbidden { .. })), "{refused:?}");
    assert!(matches!(quick.acknowledgement_matrix(NOW), Err(CoreError::Forbidden { .. })));
    assert_eq!(quick.people(NOW).unwrap().len(), 1, "only their own record");
    let changed = quick.change_password(
        &secret(PASSWORD),
        &secret("new quiet harbour 88"),
        custodian_core::KdfParams::INSECURE_FAST,
        NOW,
        &mut rand_core::OsRng,
    );
    assert!(matches!(changed, Err(CoreError::Forbidden { .. })));
    quick.mark_policy_read_to_end(version, NOW).unwrap();
    quick.acknowledge_policy(version, true, NOW).unwrap();
    assert!(quick.policies_for_me(NOW).unwrap()[0].acknowledgement.is_some());

    let mut siro = custodian_core::sign_in_to_acknowledge(&t.p.path, "h.marsh", &secret(&t.siro), NOW).unwrap();
    let review = siro.review_policy_no_change(policy_id(&siro, "Backup policy"), &secret(&t.siro), true, NOW);
    assert!(matches!(review, Err(CoreError::Forbidden { .. })), "signing needs a full sign-in");
}
