//! Session operations on the policy register: entries, versions, review, sign-off, publishing.

use custodian_document::{ImportError, PolicyDocument};
use custodian_vault::rusqlite::Connection;
use custodian_vault::secrecy::SecretString;
use time::OffsetDateTime;

use super::store::{self, NewSignOff, NewVersion, PolicyFields};
use super::version::{VersionChange, VersionNumber, VersionStatus};
use super::{Policy, PolicyHistory, PolicyText, PolicyVersion, SignOffKind, add_months, catalogue};
use crate::audit::{self, NewAuditEntry};
use crate::error::{CoreError, Field, Result};
use crate::person::{self, PersonRecord, PersonStatus};
use crate::role::{Permission, Role};
use crate::session::Session;
use crate::validate::Problems;

/// A register entry's details as typed into the policy form.
#[derive(Clone, Debug, Default)]
pub struct PolicyForm<'a> {
    /// Title, unique in the practice.
    pub title: &'a str,
    /// Who keeps it current (a person in the register), if anyone yet.
    pub owner_id: Option<i64>,
    /// Roles that must each sign off a version: Caldicott Guardian, SIRO, or both.
    pub approvers: &'a [Role],
    /// Months between reviews (1 to 60; 12 is usual, some are 36).
    pub review_months: u32,
    /// Roles who must read it; empty means everyone.
    pub audience: &'a [Role],
}

/// Where a version's text comes from.
#[derive(Clone, Copy, Debug)]
pub enum PolicySource<'a> {
    /// A file: Markdown, plain text, Word (.docx) or PDF.
    File {
        /// Its name (the extension decides how it is read).
        name: &'a str,
        /// Its bytes.
        bytes: &'a [u8],
    },
    /// Text written in Custodian, as Markdown.
    Written(&'a str),
}

/// Reads and normalises a version's text, or says what is wrong with it.
fn read_source(source: PolicySource<'_>) -> Result<(PolicyDocument, String)> {
    match source {
        PolicySource::File { name, bytes } => {
            let imported = custodian_document::import(name, bytes)
                .map_err(|e| CoreError::invalid(Field::PolicyFile, message(&e)))?;
            let file_name = std::path::Path::new(name).file_name().and_then(|n| n.to_str()).unwrap_or(name);
            Ok((imported.document, format!("imported from {} file {file_name}", imported.kind.label())))
        }
        PolicySource::Written(text) => {
            let document = PolicyDocument::from_markdown(text);
            if document.is_empty() {
                return Err(CoreError::invalid(Field::PolicyText, "Write the policy's text"));
            }
            Ok((document, "written in Custodian".into()))
        }
    }
}

fn message(error: &ImportError) -> String {
    error.to_string()
}

const MAX_TITLE_CHARS: usize = 150;

fn check_form(
    conn: &Connection,
    form: &PolicyForm<'_>,
    except: Option<i64>,
    today: time::Date,
) -> Result<PolicyFields> {
    let mut problems = Problems::default();
    let title = crate::validate::single_spaced(form.title);
    if title.is_empty() {
        problems.check::<()>(Field::PolicyTitle, Err("Enter the policy's title".into()));
    } else if title.chars().count() > MAX_TITLE_CHARS {
        problems.check::<()>(Field::PolicyTitle, Err(format!("A title must be {MAX_TITLE_CHARS} characters or fewer")));
    } else if store::title_taken(conn, &title, except)? {
        problems.check::<()>(
            Field::PolicyTitle,
            Err(format!("The register already has a policy called \"{title}\"; choose another title")),
        );
    }
    if let Some(owner) = form.owner_id {
        match person::by_id(conn, owner) {
            Ok(p) if !matches!(p.status(today), PersonStatus::Left(_)) => {}
            Ok(p) => {
                problems
                    .check::<()>(Field::PolicyOwner, Err(format!("{} has left; choose a current owner", p.full_name)));
            }
            Err(_) => {
                problems.check::<()>(Field::PolicyOwner, Err("Choose the owner from the staff register".into()));
            }
        }
    }
    let mut approvers = form.approvers.to_vec();
    approvers.sort();
    approvers.dedup();
    if approvers.is_empty() || approvers.iter().any(|r| !matches!(r, Role::CaldicottGuardian | Role::Siro)) {
        problems.check::<()>(
            Field::Approvers,
            Err("Choose who approves it: the Caldicott Guardian, the SIRO, or both".into()),
        );
    }
    if !(1..=60).contains(&form.review_months) {
        problems.check::<()>(Field::ReviewMonths, Err("Choose a review cadence between 1 and 60 months".into()));
    }
    let mut audience = form.audience.to_vec();
    audience.sort();
    audience.dedup();
    if audience.contains(&Role::Staff) {
        audience.clear();
    }
    problems.finish()?;
    Ok(PolicyFields {
        title,
        owner_id: form.owner_id,
        approvers,
        review_months: form.review_months,
        audience,
        dspt_items: vec!["1.3.1".into()],
    })
}

/// Starts the register from the catalogue (a new vault, or one made before policies existed).
pub(crate) fn seed_from_catalogue(conn: &Connection, owner_id: Option<i64>, now: OffsetDateTime) -> Result<usize> {
    let mut added = 0;
    for t in catalogue::policy_types() {
        if store::title_taken(conn, &t.title, None)? {
            continue;
        }
        let fields = PolicyFields {
            title: t.title.clone(),
            owner_id,
            approvers: catalogue::roles(&t.approvers),
            review_months: t.review_months,
            audience: catalogue::roles(&t.audience),
            dspt_items: t.dspt_items.clone(),
        };
        store::insert_policy(conn, &fields, Some(&t.key), now)?;
        added += 1;
    }
    Ok(added)
}

/// The register with each entry's current and pending versions filled in.
pub(crate) fn register(conn: &Connection) -> Result<Vec<Policy>> {
    let mut policies = store::all_policies(conn)?;
    let versions = store::all_versions(conn)?;
    for policy in &mut policies {
        let mine = versions.iter().filter(|v| v.policy_id == policy.id);
        for v in mine {
            match v.status {
                VersionStatus::Published if policy.current.is_none() => policy.current = Some(v.clone()),
                s if s.is_pending() && policy.pending.is_none() => policy.pending = Some(v.clone()),
                _ => {}
            }
        }
    }
    Ok(policies)
}

pub(crate) fn policy_by_id(conn: &Connection, id: i64) -> Result<Policy> {
    register(conn)?.into_iter().find(|p| p.id == id).ok_or(CoreError::NotFound("policy"))
}

fn roles_list(roles: &[Role]) -> String {
    let labels: Vec<&str> = roles.iter().map(|r| r.label()).collect();
    match labels.as_slice() {
        [] => String::new(),
        [one] => format!("the {one}"),
        [rest @ .., last] => format!("the {} and the {last}", rest.join(", the ")),
    }
}

impl Session {
    /// The policy register, in title order. Everyone may see it.
    pub fn policies(&self, now: OffsetDateTime) -> Result<Vec<Policy>> {
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        register(self.vault.connection())
    }

    /// One policy with every version and sign-off.
    pub fn policy_history(&self, id: i64, now: OffsetDateTime) -> Result<PolicyHistory> {
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        let conn = self.vault.connection();
        let policy = policy_by_id(conn, id)?;
        let mut versions = store::versions_of(conn, id)?;
        if !may_see_pending(&me, &policy) {
            versions.retain(|v| !v.status.is_pending());
        }
        Ok(PolicyHistory { policy, versions, sign_offs: store::sign_offs(conn, Some(id))? })
    }

    /// The text of one version. Published and superseded versions are open to everyone; drafts
    /// and versions in review to those who manage policies and the policy's approvers.
    pub fn policy_text(&self, version_id: i64, now: OffsetDateTime) -> Result<PolicyText> {
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        let conn = self.vault.connection();
        let version = store::version(conn, version_id)?;
        let policy = policy_by_id(conn, version.policy_id)?;
        if version.status.is_pending() && !may_see_pending(&me, &policy) {
            return Err(CoreError::Forbidden {
                action: "read a policy before it is published",
                allowed: "practice managers, IG leads and the policy's approvers",
            });
        }
        let markdown = store::version_body(conn, version_id)?;
        let blocks = PolicyDocument::from_markdown(&markdown).blocks;
        Ok(PolicyText { title: policy.title, version, blocks, markdown })
    }

    /// Adds a policy to the register. Practice managers and IG leads.
    pub fn add_policy(&mut self, form: &PolicyForm<'_>, now: OffsetDateTime) -> Result<Policy> {
        self.require(Permission::ManagePolicies, now)?;
        self.refresh()?;
        let fields = check_form(self.vault.connection(), form, None, now.date())?;
        let actor = self.person.login.as_str().to_owned();
        let id = self.vault.write(|tx| {
            let id = store::insert_policy(tx, &fields, None, now)?;
            let summary = format!(
                "added \"{}\" to the policy register, approved by {}, reviewed every {} months",
                fields.title,
                roles_list(&fields.approvers),
                fields.review_months
            );
            audit::append(tx, now, &entry(&actor, "policy.add", id, summary))?;
            Ok::<_, CoreError>(id)
        })?;
        policy_by_id(self.vault.connection(), id)
    }

    /// Changes a register entry's title, owner, approvers, cadence or audience.
    pub fn update_policy(&mut self, id: i64, form: &PolicyForm<'_>, now: OffsetDateTime) -> Result<Policy> {
        self.require(Permission::ManagePolicies, now)?;
        self.refresh()?;
        let before = policy_by_id(self.vault.connection(), id)?;
        let mut fields = check_form(self.vault.connection(), form, Some(id), now.date())?;
        fields.dspt_items = before.dspt_items.clone();
        let summary = policy_change_summary(&before, &fields, self.vault.connection());
        let actor = self.person.login.as_str().to_owned();
        self.vault.write(|tx| {
            store::update_policy(tx, id, &fields)?;
            audit::append(tx, now, &entry(&actor, "policy.update", id, format!("\"{}\": {summary}", before.title)))
        })?;
        policy_by_id(self.vault.connection(), id)
    }

    /// Adds a new draft version from a file or written text. The first version is 1.0; later
    /// ones are a minor or major step from the newest. One version at a time is on its way.
    pub fn add_policy_version(
        &mut self,
        policy_id: i64,
        source: PolicySource<'_>,
        change: VersionChange,
        change_summary: &str,
        now: OffsetDateTime,
    ) -> Result<PolicyVersion> {
        let me = self.require(Permission::ManagePolicies, now)?;
        self.refresh()?;
        let conn = self.vault.connection();
        let policy = policy_by_id(conn, policy_id)?;
        if let Some(pending) = &policy.pending {
            return Err(CoreError::Refused(format!(
                "Version {} of \"{}\" is already {}; finish or change that version first",
                pending.number,
                policy.title,
                pending.status.label().to_lowercase()
            )));
        }
        let newest = store::versions_of(conn, policy_id)?.first().map(|v| v.number);
        let number = newest.map_or(VersionNumber::FIRST, |n| n.next(change));
        let mut problems = Problems::default();
        let document = problems.check(Field::PolicyFile, read_source(source).map_err(crate::session::first_message));
        let summary = crate::validate::single_spaced(change_summary);
        let summary = if summary.is_empty() && newest.is_none() { "First version".to_owned() } else { summary };
        if summary.is_empty() {
            problems.check::<()>(Field::ChangeSummary, Err("Say briefly what changed in this version".into()));
        }
        if let PolicySource::Written(_) = source
            && document.is_none()
        {
            return Err(CoreError::invalid(Field::PolicyText, "Write the policy's text"));
        }
        problems.finish()?;
        let Some((document, source_text)) = document else { unreachable!("checked above") };
        let body = document.to_markdown();
        let hash = document.sha256_hex();
        let actor = me.login.clone();
        let id = self.vault.write(|tx| {
            let new = NewVersion {
                policy_id,
                number,
                body: &body,
                content_hash: &hash,
                source: &source_text,
                change_summary: &summary,
                author_id: me.id,
            };
            let id = store::insert_version(tx, &new, now)?;
            let text = format!("drafted version {number} of \"{}\" ({source_text}), SHA-256 {hash}", policy.title);
            audit::append(tx, now, &entry(&actor, "policy.draft", policy_id, text))?;
            Ok::<_, CoreError>(id)
        })?;
        store::version(self.vault.connection(), id)
    }

    /// Replaces a draft's text (and change summary). Drafts only.
    pub fn edit_policy_draft(
        &mut self,
        version_id: i64,
        source: PolicySource<'_>,
        change_summary: &str,
        now: OffsetDateTime,
    ) -> Result<PolicyVersion> {
        let me = self.require(Permission::ManagePolicies, now)?;
        self.refresh()?;
        let version = store::version(self.vault.connection(), version_id)?;
        if version.status != VersionStatus::Draft {
            return Err(CoreError::Refused(format!(
                "Version {} is {} and its text is frozen; send it back to draft first",
                version.number,
                version.status.label().to_lowercase()
            )));
        }
        let (document, source_text) = read_source(source)?;
        let summary = crate::validate::single_spaced(change_summary);
        if summary.is_empty() {
            return Err(CoreError::invalid(Field::ChangeSummary, "Say briefly what changed in this version"));
        }
        let body = document.to_markdown();
        let hash = document.sha256_hex();
        let actor = me.login.clone();
        self.vault.write(|tx| {
            store::update_draft(tx, version_id, &body, &hash, &source_text, &summary)?;
            let text = format!("changed draft {} ({source_text}), SHA-256 {hash}", version.number);
            audit::append(tx, now, &entry(&actor, "policy.edit_draft", version.policy_id, text))
        })?;
        store::version(self.vault.connection(), version_id)
    }

    /// Sends a draft for sign-off; its text is frozen from now on.
    pub fn submit_policy_version(&mut self, version_id: i64, now: OffsetDateTime) -> Result<PolicyVersion> {
        let me = self.require(Permission::ManagePolicies, now)?;
        self.refresh()?;
        let version = store::version(self.vault.connection(), version_id)?;
        if version.status != VersionStatus::Draft {
            return Err(CoreError::Refused(format!(
                "Version {} is {}, not a draft",
                version.number,
                version.status.label().to_lowercase()
            )));
        }
        let actor = me.login.clone();
        self.vault.write(|tx| {
            store::set_status(tx, version_id, VersionStatus::InReview, now)?;
            let text = format!("sent version {} for sign-off, SHA-256 {}", version.number, version.content_hash);
            audit::append(tx, now, &entry(&actor, "policy.submit", version.policy_id, text))
        })?;
        store::version(self.vault.connection(), version_id)
    }

    /// Sends a version in review (or approved but not yet published) back to draft so its text
    /// can change. Sign-offs already given are kept but withdrawn.
    pub fn return_policy_version_to_draft(
        &mut self,
        version_id: i64,
        reason: &str,
        now: OffsetDateTime,
    ) -> Result<PolicyVersion> {
        self.require_full_session("send a policy version back to draft")?;
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        self.refresh()?;
        let conn = self.vault.connection();
        let version = store::version(conn, version_id)?;
        let policy = policy_by_id(conn, version.policy_id)?;
        if !crate::role::permits(&me.roles, Permission::ManagePolicies) && !policy.approvers.iter().any(|r| me.has(*r))
        {
            return Err(CoreError::Forbidden {
                action: "send a policy version back to draft",
                allowed: "practice managers, IG leads and the policy's approvers",
            });
        }
        if !matches!(version.status, VersionStatus::InReview | VersionStatus::Approved) {
            return Err(CoreError::Refused(format!(
                "Version {} is {}; only a version in review or approved and not yet published can go back to draft",
                version.number,
                version.status.label().to_lowercase()
            )));
        }
        let reason = crate::validate::single_spaced(reason);
        if reason.is_empty() {
            return Err(CoreError::invalid(Field::Reason, "Say why it goes back to draft"));
        }
        let actor = me.login.clone();
        self.vault.write(|tx| {
            store::set_status(tx, version_id, VersionStatus::Draft, now)?;
            store::withdraw_sign_offs(tx, version_id, now)?;
            let text = format!("sent version {} back to draft: {reason}", version.number);
            audit::append(tx, now, &entry(&actor, "policy.return_to_draft", version.policy_id, text))
        })?;
        store::version(self.vault.connection(), version_id)
    }

    /// The statement the signed-in person would sign to approve a version in review, and the
    /// approver roles their signature would cover. Refuses as [`Self::approve_policy_version`] would.
    pub fn approval_statement(&self, version_id: i64, now: OffsetDateTime) -> Result<(String, Vec<Role>)> {
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        let conn = self.vault.connection();
        let version = store::version(conn, version_id)?;
        let policy = policy_by_id(conn, version.policy_id)?;
        let roles = approval_roles(conn, &me, &policy, &version, now)?;
        Ok((approval_text(&me, &roles, &policy, &version), roles))
    }

    /// Signs off a version in review: the signer re-enters their password and confirms the
    /// statement, which names the exact content hash. When every approver role has signed, the
    /// version is approved.
    pub fn approve_policy_version(
        &mut self,
        version_id: i64,
        password: &SecretString,
        statement_confirmed: bool,
        now: OffsetDateTime,
    ) -> Result<PolicyVersion> {
        self.require_full_session("sign off a policy")?;
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        self.refresh()?;
        let conn = self.vault.connection();
        let version = store::version(conn, version_id)?;
        let policy = policy_by_id(conn, version.policy_id)?;
        let roles = approval_roles(conn, &me, &policy, &version, now)?;
        self.confirm_signature(password, statement_confirmed)?;
        let statement = approval_text(&me, &roles, &policy, &version);
        let covered = covered_roles(conn, &version)?;
        let complete = policy.approvers.iter().all(|r| covered.contains(r) || roles.contains(r));
        let actor = me.login.clone();
        self.vault.write(|tx| {
            let sign_off = NewSignOff {
                policy_id: policy.id,
                version_id,
                kind: SignOffKind::Approval,
                signer_id: me.id,
                roles: &roles,
                content_hash: &version.content_hash,
                statement: &statement,
                next_review: None,
            };
            store::insert_sign_off(tx, &sign_off, now)?;
            if complete {
                store::set_status(tx, version_id, VersionStatus::Approved, now)?;
            }
            let text = format!(
                "signed off version {} of \"{}\" as {}{}, SHA-256 {}",
                version.number,
                policy.title,
                roles_list(&roles).trim_start_matches("the "),
                if complete { "; version approved" } else { "; waiting for the other approver" },
                version.content_hash
            );
            audit::append(tx, now, &entry(&actor, "policy.approve", policy.id, text))
        })?;
        store::version(self.vault.connection(), version_id)
    }

    /// Publishes an approved version: it becomes the version staff acknowledge, the one before
    /// it is superseded, and the next review is set a cadence from today.
    pub fn publish_policy_version(&mut self, version_id: i64, now: OffsetDateTime) -> Result<PolicyVersion> {
        let me = self.require(Permission::ManagePolicies, now)?;
        self.refresh()?;
        let conn = self.vault.connection();
        let version = store::version(conn, version_id)?;
        if version.status != VersionStatus::Approved {
            return Err(CoreError::Refused(format!(
                "Version {} is {}; only an approved version can be published",
                version.number,
                version.status.label().to_lowercase()
            )));
        }
        let policy = policy_by_id(conn, version.policy_id)?;
        let next_review = add_months(now.date(), policy.review_months);
        let actor = me.login.clone();
        self.vault.write(|tx| {
            if let Some(old) = &policy.current {
                store::set_status(tx, old.id, VersionStatus::Superseded, now)?;
            }
            store::set_status(tx, version_id, VersionStatus::Published, now)?;
            store::set_next_review(tx, policy.id, next_review)?;
            let replaced = policy.current.as_ref().map(|o| format!(", replacing {}", o.number)).unwrap_or_default();
            let text = format!(
                "published version {} of \"{}\"{replaced}; next review {next_review}; staff asked to acknowledge it",
                version.number, policy.title
            );
            audit::append(tx, now, &entry(&actor, "policy.publish", policy.id, text))
        })?;
        store::version(self.vault.connection(), version_id)
    }

    /// Records a signed "reviewed, no change" of the current version by one of the policy's
    /// approvers, which moves the next review date a cadence from today.
    pub fn review_policy_no_change(
        &mut self,
        policy_id: i64,
        password: &SecretString,
        statement_confirmed: bool,
        now: OffsetDateTime,
    ) -> Result<Policy> {
        self.require_full_session("review a policy")?;
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        self.refresh()?;
        let conn = self.vault.connection();
        let policy = policy_by_id(conn, policy_id)?;
        let (statement, roles, next_review) = review_statement_of(&me, &policy, now)?;
        let current = policy.current.clone().ok_or(CoreError::NotFound("published version"))?;
        self.confirm_signature(password, statement_confirmed)?;
        let actor = me.login.clone();
        self.vault.write(|tx| {
            let sign_off = NewSignOff {
                policy_id,
                version_id: current.id,
                kind: SignOffKind::ReviewedNoChange,
                signer_id: me.id,
                roles: &roles,
                content_hash: &current.content_hash,
                statement: &statement,
                next_review: Some(next_review),
            };
            store::insert_sign_off(tx, &sign_off, now)?;
            store::set_next_review(tx, policy_id, next_review)?;
            let text = format!(
                "reviewed \"{}\" version {}: no change needed; next review {next_review}",
                policy.title, current.number
            );
            audit::append(tx, now, &entry(&actor, "policy.review", policy_id, text))
        })?;
        policy_by_id(self.vault.connection(), policy_id)
    }

    /// The approver roles a version in review still waits for (empty for any other version).
    pub fn sign_offs_awaited(&self, version_id: i64, now: OffsetDateTime) -> Result<Vec<Role>> {
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        let conn = self.vault.connection();
        let version = store::version(conn, version_id)?;
        if version.status != VersionStatus::InReview {
            return Ok(vec![]);
        }
        let policy = policy_by_id(conn, version.policy_id)?;
        let covered = covered_roles(conn, &version)?;
        Ok(policy.approvers.into_iter().filter(|r| !covered.contains(r)).collect())
    }

    /// The statement the signed-in person would sign for "reviewed, no change".
    pub fn review_statement(&self, policy_id: i64, now: OffsetDateTime) -> Result<String> {
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        let policy = policy_by_id(self.vault.connection(), policy_id)?;
        Ok(review_statement_of(&me, &policy, now)?.0)
    }
}

fn entry<'a>(actor: &'a str, action: &'static str, policy_id: i64, summary: String) -> NewAuditEntry<'a> {
    NewAuditEntry { actor_login: actor, action, record_type: "policy", record_id: policy_id.to_string(), summary }
}

fn may_see_pending(me: &PersonRecord, policy: &Policy) -> bool {
    crate::role::permits(&me.roles, Permission::ManagePolicies) || policy.approvers.iter().any(|r| me.has(*r))
}

/// Approver roles whose approval of `version` still stands.
fn covered_roles(conn: &Connection, version: &PolicyVersion) -> Result<Vec<Role>> {
    Ok(store::sign_offs(conn, Some(version.policy_id))?
        .into_iter()
        .filter(|s| {
            s.version_id == version.id
                && s.kind == SignOffKind::Approval
                && s.withdrawn_at.is_none()
                && s.content_hash == version.content_hash
        })
        .flat_map(|s| s.roles)
        .collect())
}

/// The approver roles `me` would sign `version` in, or why they may not.
fn approval_roles(
    conn: &Connection,
    me: &PersonRecord,
    policy: &Policy,
    version: &PolicyVersion,
    now: OffsetDateTime,
) -> Result<Vec<Role>> {
    let held: Vec<Role> = policy.approvers.iter().copied().filter(|r| me.has(*r)).collect();
    if held.is_empty() {
        return Err(CoreError::Refused(format!(
            "Only {} may approve \"{}\"",
            roles_list(&policy.approvers),
            policy.title
        )));
    }
    if version.status != VersionStatus::InReview {
        return Err(CoreError::Refused(format!(
            "Version {} is {}; only a version in review can be signed off",
            version.number,
            version.status.label().to_lowercase()
        )));
    }
    let covered = covered_roles(conn, version)?;
    let mut roles: Vec<Role> = held.into_iter().filter(|r| !covered.contains(r)).collect();
    if roles.is_empty() {
        return Err(CoreError::Refused(format!(
            "You have already signed off version {}; it waits for {}",
            version.number,
            roles_list(&policy.approvers.iter().copied().filter(|r| !covered.contains(r)).collect::<Vec<_>>())
        )));
    }
    if version.author.id == me.id {
        let today = now.date();
        let people = person::all(conn)?;
        let other_holder = |role: Role| {
            people.iter().find(|p| {
                p.id != me.id && p.has(role) && !p.access_removed && !matches!(p.status(today), PersonStatus::Left(_))
            })
        };
        let mut others = Vec::new();
        roles.retain(|r| match other_holder(*r) {
            Some(other) => {
                others.push(format!("{} ({})", other.full_name, r.label()));
                false
            }
            None => true,
        });
        if roles.is_empty() {
            return Err(CoreError::Refused(format!(
                "You wrote this version, so another approver must sign it off: {}",
                others.join(", ")
            )));
        }
    }
    Ok(roles)
}

fn approval_text(me: &PersonRecord, roles: &[Role], policy: &Policy, version: &PolicyVersion) -> String {
    format!(
        "I, {}, as {}, have reviewed version {} of \"{}\" (SHA-256 {}) and approve it for publication.",
        me.full_name,
        roles_list(roles),
        version.number,
        policy.title,
        version.content_hash
    )
}

fn review_statement_of(
    me: &PersonRecord,
    policy: &Policy,
    now: OffsetDateTime,
) -> Result<(String, Vec<Role>, time::Date)> {
    let roles: Vec<Role> = policy.approvers.iter().copied().filter(|r| me.has(*r)).collect();
    if roles.is_empty() {
        return Err(CoreError::Refused(format!(
            "Only {} may review \"{}\"",
            roles_list(&policy.approvers),
            policy.title
        )));
    }
    let Some(current) = &policy.current else {
        return Err(CoreError::Refused(format!(
            "\"{}\" has no published version to review; add and publish a version first",
            policy.title
        )));
    };
    let next_review = add_months(now.date(), policy.review_months);
    let statement = format!(
        "I, {}, as {}, have reviewed version {} of \"{}\" (SHA-256 {}) and it needs no change. Next review: {}.",
        me.full_name,
        roles_list(&roles),
        current.number,
        policy.title,
        current.content_hash,
        next_review
    );
    Ok((statement, roles, next_review))
}

fn policy_change_summary(before: &Policy, after: &PolicyFields, conn: &Connection) -> String {
    let owner_name = |id: Option<i64>| {
        id.and_then(|id| person::by_id(conn, id).ok()).map(|p| p.full_name).unwrap_or_else(|| "none".into())
    };
    let mut changes = Vec::new();
    if before.title != after.title {
        changes.push(format!("title: {} → {}", before.title, after.title));
    }
    if before.owner.as_ref().map(|o| o.id) != after.owner_id {
        changes.push(format!(
            "owner: {} → {}",
            owner_name(before.owner.as_ref().map(|o| o.id)),
            owner_name(after.owner_id)
        ));
    }
    if before.approvers != after.approvers {
        changes.push(format!("approvers: {} → {}", roles_list(&before.approvers), roles_list(&after.approvers)));
    }
    if before.review_months != after.review_months {
        changes.push(format!("review every {} → {} months", before.review_months, after.review_months));
    }
    if before.audience != after.audience {
        let who = |a: &[Role]| if a.is_empty() { "everyone".to_owned() } else { roles_list(a) };
        changes.push(format!("read by: {} → {}", who(&before.audience), who(&after.audience)));
    }
    if changes.is_empty() { "no change".into() } else { changes.join("; ") }
}

/// What an importable document would become, checked without a vault (to check a folder of
/// documents before importing any of them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentPreview {
    /// How it was read ("Word document (.docx)").
    pub kind: &'static str,
    /// Its first heading, if any.
    pub first_heading: Option<String>,
    /// Words of text.
    pub words: usize,
    /// SHA-256 of the normalised text.
    pub sha256: String,
}

/// Reads and normalises a document as an import would, or says what is wrong with it.
pub fn preview_policy_document(name: &str, bytes: &[u8]) -> Result<DocumentPreview> {
    let imported =
        custodian_document::import(name, bytes).map_err(|e| CoreError::invalid(Field::PolicyFile, message(&e)))?;
    Ok(DocumentPreview {
        kind: imported.kind.label(),
        first_heading: imported.document.first_heading().map(str::to_owned),
        words: imported.document.word_count(),
        sha256: imported.document.sha256_hex(),
    })
}
