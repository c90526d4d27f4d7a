import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { SESSION_KEY } from '../appStatus';
import {
  policyApprovalStatement,
  policyApprove,
  policyReviewNoChange,
  policyReviewStatement,
  type CommandError,
  type PolicyRow,
  type RoleOption,
  type SignRequest,
  type VersionRow,
} from '../ipc';
import { roleLabels } from '../people/StaffRegister';
import { formatDay } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LoadFailed, Loading } from '../shared/QueryState';
import { EMPTY_SIGNATURE, signatureFieldIds, signatureSchema, StatementSignature } from '../shared/StatementSignature';
import { useSchemaForm } from '../shared/useSchemaForm';
import { statusLabel } from './labels';
import { useRefreshAfterPolicyChange } from './usePolicies';

const FIELD_IDS = signatureFieldIds('signoff');


/** What is being signed: a version's approval, or a review of the current version with no change. */
export type SignOff = { kind: 'approval'; version: VersionRow } | { kind: 'review'; policy: PolicyRow };

type SignOffPanelProps = {
  signOff: SignOff;
  policy: PolicyRow;
  roleOptions: readonly RoleOption[];
  onCancel: () => void;
  /** Signed: `message` says what now. */
  onSigned: (message: string) => void;
};

/**
 * Signs off a version (approval) or records a review with no change: the approver reads the
 * statement core wrote, confirms it and re-enters their password.
 */
export function SignOffPanel({ signOff, policy, roleOptions, onCancel, onSigned }: SignOffPanelProps) {
  const id = signOff.kind === 'approval' ? signOff.version.id : signOff.policy.id;
  const statement = useQuery({
    queryKey: [...SESSION_KEY, 'policy_statement', signOff.kind, String(id)],
    queryFn: () => (signOff.kind === 'approval' ? policyApprovalStatement({ id }) : policyReviewStatement({ id })),
    // Always the statement as it stands now: never one kept from before.
    gcTime: 0,
  });
  const heading =
    signOff.kind === 'approval'
      ? `Sign off version ${signOff.version.number} of ${policy.title}`
      : `Record a review of ${policy.title} with no change`;

  function content() {
    if (statement.isPending) return <Loading>Loading the statement to sign…</Loading>;
    if (statement.isError) {
      if (statement.error.code === 'refused' || statement.error.code === 'forbidden') {
        return (
          <>
            <div className="nhsuk-inset-text" id="signoff-refused">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>{statement.error.message}</p>
            </div>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" id="signoff-cancel" onClick={onCancel}>
              Back to {policy.title}
            </button>
          </>
        );
      }
      return (
        <LoadFailed title="The statement cannot be shown" error={statement.error} onRetry={() => void statement.refetch()} />
      );
    }
    return (
      <SignOffForm
        id={id}
        signOff={signOff}
        statement={statement.data.statement}
        roles={roleLabels(statement.data.roles, roleOptions)}
        onCancel={onCancel}
        onSigned={onSigned}
      />
    );
  }

  return (
    <>
      <button type="button" className="nhsuk-back-link" onClick={onCancel}>
        Back to {policy.title}
      </button>
      <h1>{heading}</h1>
      {content()}
    </>
  );
}

type SignOffFormProps = {
  id: SignRequest['id'];
  signOff: SignOff;
  statement: string;
  /** The approver roles the signature is given in, for people. */
  roles: string;
  onCancel: () => void;
  onSigned: (message: string) => void;
};

function SignOffForm({ id, signOff, statement, roles, onCancel, onSigned }: SignOffFormProps) {
  const refresh = useRefreshAfterPolicyChange();
  const form = useSchemaForm(signatureSchema, EMPTY_SIGNATURE);
  // The error is kept apart so the mutation (whose variables hold the password) can be reset at once.
  const [failure, setFailure] = useState<CommandError | null>(null);
  const sign = useMutation({
    mutationFn: (request: SignRequest) =>
      signOff.kind === 'approval'
        ? policyApprove(request).then((version) => approvedMessage(version))
        : policyReviewNoChange(request).then((policy) => reviewedMessage(policy)),
    gcTime: 0,
    onMutate: () => setFailure(null),
    onError: (error) => setFailure(error),
  });
  const errors = formErrors(form.formState.errors, failure, FIELD_IDS);

  const submit = form.handleSubmit(
    ({ confirmed, currentPassword }) =>
      sign.mutate(
        { id, password: currentPassword, confirmed },
        {
          onSuccess: async (message) => {
            form.reset(EMPTY_SIGNATURE);
            await refresh();
            onSigned(message);
          },
          onError: () => form.resetField('currentPassword'),
          onSettled: () => sign.reset(),
        },
      ),
    () => setFailure(null),
  );

  return (
    <>
      <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
      <StatementSignature
        idPrefix="signoff"
        intro={
          <>
            You sign as <strong>{roles}</strong>. Your name, the statement and the date and time are recorded in the policy's
            history and the audit trail.
          </>
        }
        statement={statement}
        confirmError={errors.of('confirmed')}
        passwordError={errors.of('currentPassword')}
        confirmRegistration={form.register('confirmed')}
        passwordRegistration={form.register('currentPassword')}
        pending={sign.isPending}
        onSubmit={submit}
        onCancel={onCancel}
      />
    </>
  );
}

/** What an approval led to, from the version core returned. */
function approvedMessage(version: VersionRow): string {
  return version.status === 'approved'
    ? `Version ${version.number} is signed off by every approver and can now be published`
    : `Your sign-off of version ${version.number} is recorded. It is ${statusLabel(version.status).toLowerCase()}.`;
}

/** What a review led to, from the policy core returned. */
function reviewedMessage(policy: PolicyRow): string {
  return policy.nextReview
    ? `Review of ${policy.title} recorded. Next review by ${formatDay(policy.nextReview)}.`
    : `Review of ${policy.title} recorded.`;
}
