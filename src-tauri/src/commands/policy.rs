//! The policy register, versions, sign-offs and publishing.

use custodian_core::secrecy::SecretString;
use custodian_core::{
    Permission, Policy, PolicyBlock, PolicyForm, PolicySource, PolicyStanding, PolicyVersion, Role, SignOff,
    SignOffKind, VersionChange, VersionStatus,
};
use tauri::State;
use time::OffsetDateTime;

use super::acknowledgement::acknowledgement_row;
use super::files::read_chosen;
use super::{current_staff, role_options, with_session};
use crate::dto::{
    CommandError, EditDraftRequest, IdRequest, NewVersionRequest, PersonRefView, PolicyBlockView, PolicyDetailView,
    PolicyFormRequest, PolicyRegisterView, PolicyRow, PolicyStandingName, PolicyTextView, PolicyUpdateRequest,
    ReturnToDraftRequest, SignOffKindName, SignOffRow, SignOffStatement, SignRequest, VersionChangeName, VersionRow,
    VersionSourceRequest, VersionStatusName,
};
use crate::state::AppState;

/// Files larger than this are refused before they are read.
const MAX_IMPORT_BYTES: u64 = 50 * 1024 * 1024;

/// The register.
#[tauri::command(async)]
pub fn policy_list(state: State<'_, AppState>) -> Result<PolicyRegisterView, CommandError> {
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let policies = session.policies(now)?;
        let can_manage = session.require(Permission::ManagePolicies, now).is_ok();
        let owner_options = if can_manage { current_staff(session, now)? } else { vec![] };
        Ok(PolicyRegisterView {
            policies: policies.iter().map(|p| policy_row(p, now)).collect(),
            can_manage,
            owner_options,
            role_options: role_options(),
        })
    })
}

/// One policy with its versions, sign-offs and acknowledgements.
#[tauri::command(async)]
pub fn policy_get(state: State<'_, AppState>, request: IdRequest) -> Result<PolicyDetailView, CommandError> {
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let history = session.policy_history(request.id, now)?;
        let me = session.own_record()?;
        let acknowledgements = match session.policy_acknowledgements(request.id, now) {
            Ok(acks) => {
                let people = session.people(now)?;
                acks.iter()
                    .map(|a| {
                        let name = people.iter().find(|p| p.id == a.person_id).map(|p| p.full_name.clone());
                        acknowledgement_row(a, name)
                    })
                    .collect()
            }
            Err(custodian_core::CoreError::Forbidden { .. }) => vec![],
            Err(other) => return Err(other),
        };
        let in_review = history.policy.pending.as_ref().filter(|v| v.status == VersionStatus::InReview);
        let (awaiting_sign_off, can_sign_now) = match in_review {
            Some(version) => (
                session.sign_offs_awaited(version.id, now)?.into_iter().map(Into::into).collect(),
                session.approval_statement(version.id, now).is_ok(),
            ),
            None => (vec![], false),
        };
        Ok(PolicyDetailView {
            awaiting_sign_off,
            can_sign_now,
            can_manage: session.require(Permission::ManagePolicies, now).is_ok(),
            can_approve: history.policy.approvers.iter().any(|r| me.has(*r)),
            policy: policy_row(&history.policy, now),
            versions: history.versions.iter().map(version_row).collect(),
            sign_offs: history.sign_offs.iter().map(sign_off_row).collect(),
            acknowledgements,
        })
    })
}

/// A version's text.
#[tauri::command(async)]
pub fn policy_text(state: State<'_, AppState>, request: IdRequest) -> Result<PolicyTextView, CommandError> {
    with_session(&state, |session| {
        let text = session.policy_text(request.id, OffsetDateTime::now_utc())?;
        Ok(PolicyTextView {
            title: text.title,
            version: version_row(&text.version),
            blocks: text.blocks.into_iter().map(block_view).collect(),
            markdown: text.markdown,
        })
    })
}

/// Adds a policy to the register.
#[tauri::command(async)]
pub fn policy_add(state: State<'_, AppState>, request: PolicyFormRequest) -> Result<PolicyRow, CommandError> {
    let (approvers, audience) = roles_of(&request);
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let policy = session.add_policy(&form(&request, &approvers, &audience), now)?;
        Ok(policy_row(&policy, now))
    })
}

/// Changes a register entry.
#[tauri::command(async)]
pub fn policy_update(state: State<'_, AppState>, request: PolicyUpdateRequest) -> Result<PolicyRow, CommandError> {
    let (approvers, audience) = roles_of(&request.policy);
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let policy = session.update_policy(request.id, &form(&request.policy, &approvers, &audience), now)?;
        Ok(policy_row(&policy, now))
    })
}

/// Adds a draft version from a file or written text.
#[tauri::command(async)]
pub fn policy_add_version(state: State<'_, AppState>, request: NewVersionRequest) -> Result<VersionRow, CommandError> {
    let file = read_source(&request.source)?;
    let change = match request.change {
        VersionChangeName::Minor => VersionChange::Minor,
        VersionChangeName::Major => VersionChange::Major,
    };
    with_session(&state, |session| {
        let source = source_of(&request.source, file.as_deref());
        let version = session.add_policy_version(
            request.policy_id,
            source,
            change,
            &request.change_summary,
            OffsetDateTime::now_utc(),
        )?;
        Ok(version_row(&version))
    })
}

/// Replaces a draft's text.
#[tauri::command(async)]
pub fn policy_edit_draft(state: State<'_, AppState>, request: EditDraftRequest) -> Result<VersionRow, CommandError> {
    let file = read_source(&request.source)?;
    with_session(&state, |session| {
        let source = source_of(&request.source, file.as_deref());
        let version = session.edit_policy_draft(
            request.version_id,
            source,
            &request.change_summary,
            OffsetDateTime::now_utc(),
        )?;
        Ok(version_row(&version))
    })
}

/// Sends a draft for sign-off.
#[tauri::command(async)]
pub fn policy_submit(state: State<'_, AppState>, request: IdRequest) -> Result<VersionRow, CommandError> {
    with_session(&state, |session| {
        Ok(version_row(&session.submit_policy_version(request.id, OffsetDateTime::now_utc())?))
    })
}

/// Sends a version in review back to draft.
#[tauri::command(async)]
pub fn policy_return_to_draft(
    state: State<'_, AppState>,
    request: ReturnToDraftRequest,
) -> Result<VersionRow, CommandError> {
    with_session(&state, |session| {
        let version =
            session.return_policy_version_to_draft(request.version_id, &request.reason, OffsetDateTime::now_utc())?;
        Ok(version_row(&version))
    })
}

/// The approval statement the signed-in person would sign.
#[tauri::command(async)]
pub fn policy_approval_statement(
    state: State<'_, AppState>,
    request: IdRequest,
) -> Result<SignOffStatement, CommandError> {
    with_session(&state, |session| {
        let (statement, roles) = session.approval_statement(request.id, OffsetDateTime::now_utc())?;
        Ok(SignOffStatement { statement, roles: roles.into_iter().map(Into::into).collect() })
    })
}

/// Signs off a version in review.
#[tauri::command(async)]
pub fn policy_approve(state: State<'_, AppState>, request: SignRequest) -> Result<VersionRow, CommandError> {
    let password = SecretString::from(request.password);
    with_session(&state, |session| {
        let version =
            session.approve_policy_version(request.id, &password, request.confirmed, OffsetDateTime::now_utc())?;
        Ok(version_row(&version))
    })
}

/// Publishes an approved version.
#[tauri::command(async)]
pub fn policy_publish(state: State<'_, AppState>, request: IdRequest) -> Result<VersionRow, CommandError> {
    with_session(&state, |session| {
        Ok(version_row(&session.publish_policy_version(request.id, OffsetDateTime::now_utc())?))
    })
}

/// The "reviewed, no change" statement the signed-in person would sign.
#[tauri::command(async)]
pub fn policy_review_statement(
    state: State<'_, AppState>,
    request: IdRequest,
) -> Result<SignOffStatement, CommandError> {
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let statement = session.review_statement(request.id, now)?;
        let me = session.own_record()?;
        let policy = session.policy_history(request.id, now)?.policy;
        let roles = policy.approvers.into_iter().filter(|r| me.has(*r)).map(Into::into).collect();
        Ok(SignOffStatement { statement, roles })
    })
}

/// Records a signed "reviewed, no change".
#[tauri::command(async)]
pub fn policy_review_no_change(state: State<'_, AppState>, request: SignRequest) -> Result<PolicyRow, CommandError> {
    let password = SecretString::from(request.password);
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let policy = session.review_policy_no_change(request.id, &password, request.confirmed, now)?;
        Ok(policy_row(&policy, now))
    })
}

fn roles_of(request: &PolicyFormRequest) -> (Vec<Role>, Vec<Role>) {
    (
        request.approvers.iter().copied().map(Into::into).collect(),
        request.audience.iter().copied().map(Into::into).collect(),
    )
}

fn form<'a>(request: &'a PolicyFormRequest, approvers: &'a [Role], audience: &'a [Role]) -> PolicyForm<'a> {
    PolicyForm {
        title: &request.title,
        owner_id: request.owner_id,
        approvers,
        review_months: request.review_months,
        audience,
    }
}

/// Reads a chosen file before the session is locked (reading a large file must not hold it).
fn read_source(source: &VersionSourceRequest) -> Result<Option<Vec<u8>>, CommandError> {
    let VersionSourceRequest::File { path } = source else { return Ok(None) };
    let too_large = "That file is larger than 50 MB; a policy document should be far smaller";
    read_chosen(path, "file", Some((MAX_IMPORT_BYTES, too_large))).map(Some)
}

fn source_of<'a>(request: &'a VersionSourceRequest, file: Option<&'a [u8]>) -> PolicySource<'a> {
    match request {
        VersionSourceRequest::File { path } => PolicySource::File { name: path, bytes: file.unwrap_or_default() },
        VersionSourceRequest::Text { text } => PolicySource::Written(text),
    }
}

pub(crate) fn version_row(v: &PolicyVersion) -> VersionRow {
    VersionRow {
        id: v.id,
        policy_id: v.policy_id,
        number: v.number.to_string(),
        status: match v.status {
            VersionStatus::Draft => VersionStatusName::Draft,
            VersionStatus::InReview => VersionStatusName::InReview,
            VersionStatus::Approved => VersionStatusName::Approved,
            VersionStatus::Published => VersionStatusName::Published,
            VersionStatus::Superseded => VersionStatusName::Superseded,
        },
        content_hash: v.content_hash.clone(),
        source: v.source.clone(),
        change_summary: v.change_summary.clone(),
        author: (&v.author).into(),
        created_at: v.created_at.clone(),
        submitted_at: v.submitted_at.clone(),
        approved_at: v.approved_at.clone(),
        published_at: v.published_at.clone(),
        superseded_at: v.superseded_at.clone(),
    }
}

fn policy_row(p: &Policy, now: OffsetDateTime) -> PolicyRow {
    PolicyRow {
        id: p.id,
        title: p.title.clone(),
        owner: p.owner.as_ref().map(PersonRefView::from),
        approvers: p.approvers.iter().copied().map(Into::into).collect(),
        review_months: p.review_months,
        audience: p.audience.iter().copied().map(Into::into).collect(),
        dspt_items: p.dspt_items.clone(),
        next_review: p.next_review.map(|d| d.to_string()),
        standing: match p.standing(now.date()) {
            PolicyStanding::NoPublishedVersion => PolicyStandingName::NoPublishedVersion,
            PolicyStanding::ReviewOverdue { .. } => PolicyStandingName::ReviewOverdue,
            PolicyStanding::ReviewDueSoon { .. } => PolicyStandingName::ReviewDueSoon,
            PolicyStanding::Current { .. } => PolicyStandingName::Current,
        },
        current: p.current.as_ref().map(version_row),
        pending: p.pending.as_ref().map(version_row),
    }
}

fn sign_off_row(s: &SignOff) -> SignOffRow {
    SignOffRow {
        id: s.id,
        version_id: s.version_id,
        version: s.version.to_string(),
        kind: match s.kind {
            SignOffKind::Approval => SignOffKindName::Approval,
            SignOffKind::ReviewedNoChange => SignOffKindName::ReviewNoChange,
        },
        signer: (&s.signer).into(),
        roles: s.roles.iter().copied().map(Into::into).collect(),
        content_hash: s.content_hash.clone(),
        statement: s.statement.clone(),
        signed_at: s.signed_at.clone(),
        next_review: s.next_review.map(|d| d.to_string()),
        withdrawn_at: s.withdrawn_at.clone(),
    }
}

fn block_view(block: PolicyBlock) -> PolicyBlockView {
    match block {
        PolicyBlock::Heading { level, text } => PolicyBlockView::Heading { level, text },
        PolicyBlock::Paragraph(text) => PolicyBlockView::Paragraph { text },
        PolicyBlock::List { ordered, items } => PolicyBlockView::List { ordered, items },
    }
}
