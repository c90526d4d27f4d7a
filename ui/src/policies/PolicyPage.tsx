import { useMutation } from '@tanstack/react-query';

import { policyPublish, policySubmit, type PolicyDetailView, type RoleOption, type VersionRow } from '../ipc';
import { roleLabels } from '../people/StaffRegister';
import { formatDay } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { LinkButton } from '../shared/LinkButton';
import { SuccessMessage } from '../shared/SuccessMessage';
import { SummaryRow } from '../shared/SummaryRow';
import { cadenceLabel, StandingTag, StatusTag } from './labels';
import { AcknowledgementsSummary, SignOffsTable, VersionsTable } from './PolicyHistory';
import { useRefreshAfterPolicyChange } from './usePolicies';

/** Where the policy page can lead. */
export type PolicyPageActions = {
  onBack: () => void;
  onEdit: () => void;
  onNewVersion: () => void;
  onEditDraft: (draft: VersionRow) => void;
  onRead: (version: VersionRow) => void;
  onApprove: (version: VersionRow) => void;
  onReturn: (version: VersionRow) => void;
  onReview: () => void;
  /** A change was made here; say what. */
  onMessage: (message: string) => void;
};

type PolicyPageProps = PolicyPageActions & {
  detail: PolicyDetailView;
  roleOptions: readonly RoleOption[];
  /** What the last change did, if anything. */
  message: string | null;
};

/** One policy: its register entry, what can be done next, and its history. */
export function PolicyPage(props: PolicyPageProps) {
  const { detail, roleOptions, message, onBack, onEdit, onRead } = props;
  const { policy, versions, signOffs, acknowledgements, canManage } = detail;
  const refresh = useRefreshAfterPolicyChange();
  const submit = useMutation({
    mutationFn: policySubmit,
    onSuccess: async (version) => {
      await refresh();
      props.onMessage(`Version ${version.number} sent for sign-off`);
    },
  });
  const publish = useMutation({
    mutationFn: policyPublish,
    onSuccess: async (version) => {
      await refresh();
      props.onMessage(`Version ${version.number} published. Everyone it applies to will be asked to read it.`);
    },
  });
  const failure = submit.error ?? publish.error;

  return (
    <div id="policy-page" data-policy={String(policy.id)}>
      <button type="button" className="nhsuk-back-link" id="policy-back" onClick={onBack}>
        Back to the policy register
      </button>
      <ErrorSummary errors={failure ? [{ message: failure.message }] : []} focusKey={submit.submittedAt + publish.submittedAt} />
      <SuccessMessage id="policy-message" message={message} />
      <span className="nhsuk-caption-l">Policy</span>
      <h1>{policy.title}</h1>
      <p id="policy-standing">
        <StandingTag standing={policy.standing} />
      </p>

      <dl className="nhsuk-summary-list" id="policy-summary">
        <SummaryRow name="Owner">{policy.owner?.fullName ?? 'No owner yet'}</SummaryRow>
        <SummaryRow name="Signed off by">{roleLabels(policy.approvers, roleOptions)}</SummaryRow>
        <SummaryRow name="Reviewed">{cadenceLabel(policy.reviewMonths)}</SummaryRow>
        <SummaryRow name="Next review">
          {policy.nextReview ? formatDay(policy.nextReview) : 'Set when a version is published'}
        </SummaryRow>
        <SummaryRow name="Read by">
          {policy.audience.length > 0 ? roleLabels(policy.audience, roleOptions) : 'Everyone'}
        </SummaryRow>
        <SummaryRow name="DSPT evidence">{policy.dsptItems.length > 0 ? policy.dsptItems.join(', ') : 'None'}</SummaryRow>
        <SummaryRow name="Current version">{policy.current ? policy.current.number : 'None published'}</SummaryRow>
      </dl>
      {canManage ? (
        <p>
          <LinkButton id="policy-edit" onClick={onEdit}>
            Change these details
          </LinkButton>
        </p>
      ) : null}

      <NextSteps
        {...props}
        onSubmit={(version) => submit.mutate({ id: version.id })}
        onPublish={(version) => publish.mutate({ id: version.id })}
        busy={submit.isPending || publish.isPending}
      />

      <h2 className="nhsuk-heading-m">Versions</h2>
      <VersionsTable versions={versions} onRead={onRead} />

      <h2 className="nhsuk-heading-m">Sign-offs</h2>
      <SignOffsTable signOffs={signOffs} roleOptions={roleOptions} />

      {acknowledgements.length > 0 ? (
        <>
          <h2 className="nhsuk-heading-m">Acknowledgements</h2>
          <AcknowledgementsSummary versions={versions} acknowledgements={acknowledgements} />
        </>
      ) : null}
    </div>
  );
}

type NextStepsProps = PolicyPageProps & {
  onSubmit: (version: VersionRow) => void;
  onPublish: (version: VersionRow) => void;
  busy: boolean;
};

/** The version on its way, and what this viewer may do with it (core checks each again). */
function NextSteps({ detail, roleOptions, busy, onNewVersion, onEditDraft, onSubmit, onApprove, onReturn, onPublish, onReview }: NextStepsProps) {
  const { policy, canManage, canApprove, canSignNow, awaitingSignOff } = detail;
  const pending = policy.pending;
  const mayReturn = pending && (pending.status === 'in_review' || pending.status === 'approved') && (canManage || canApprove);
  const buttons = [
    !pending && canManage ? (
      <button type="button" className="nhsuk-button" id="policy-new-version" key="new" onClick={onNewVersion}>
        Add a new version
      </button>
    ) : null,
    pending?.status === 'draft' && canManage ? (
      <button type="button" className="nhsuk-button" id="version-submit" key="submit" disabled={busy} onClick={() => onSubmit(pending)}>
        Send for sign-off
      </button>
    ) : null,
    pending?.status === 'draft' && canManage ? (
      <button type="button" className="nhsuk-button nhsuk-button--secondary" id="version-edit" key="edit" onClick={() => onEditDraft(pending)}>
        Change the draft
      </button>
    ) : null,
    pending?.status === 'in_review' && canSignNow ? (
      <button type="button" className="nhsuk-button" id="version-approve" key="approve" onClick={() => onApprove(pending)}>
        Sign off this version
      </button>
    ) : null,
    pending?.status === 'approved' && canManage ? (
      <button type="button" className="nhsuk-button" id="version-publish" key="publish" disabled={busy} onClick={() => onPublish(pending)}>
        Publish
      </button>
    ) : null,
    mayReturn ? (
      <button type="button" className="nhsuk-button nhsuk-button--secondary" id="version-return" key="return" onClick={() => onReturn(pending)}>
        Send back to draft
      </button>
    ) : null,
  ].filter(Boolean);
  const mayReview = policy.current && canApprove;

  return (
    <section aria-labelledby="policy-next-heading" id="policy-next">
      <h2 className="nhsuk-heading-m" id="policy-next-heading">
        On its way
      </h2>
      {pending ? (
        <p id="policy-pending">
          Version {pending.number} is <StatusTag status={pending.status} />
          {pending.status === 'in_review' && awaitingSignOff.length > 0 ? (
            <span id="policy-awaiting"> Waiting for: {roleLabels(awaitingSignOff, roleOptions)}.</span>
          ) : null}
        </p>
      ) : (
        <p id="policy-pending">No new version is on its way.</p>
      )}
      {pending?.status === 'approved' && canManage ? (
        <div className="nhsuk-inset-text" id="version-publish-warning">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            When you publish version {pending.number}, everyone it applies to will be asked to read and acknowledge it.
            {policy.current ? ` It replaces version ${policy.current.number}.` : null}
          </p>
        </div>
      ) : null}
      {buttons.length > 0 ? <div className="nhsuk-button-group">{buttons}</div> : null}
      {mayReview ? (
        <>
          <h3 className="nhsuk-heading-s">Review</h3>
          <p>If version {policy.current?.number} still holds, record a review with no change: it sets the next review date.</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" id="policy-review-no-change" onClick={onReview}>
            Record a review with no change
          </button>
        </>
      ) : null}
    </section>
  );
}
