import { useQuery } from '@tanstack/react-query';

import { SESSION_KEY } from '../appStatus';
import {
  policyApprovalStatement,
  policyApprove,
  policyReviewNoChange,
  policyReviewStatement,
  type PolicyRow,
  type RoleOption,
  type SignRequest,
  type VersionRow,
} from '../ipc';
import { roleLabels } from '../people/StaffRegister';
import { formatDay } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { StatementSignature, StatementState } from '../shared/StatementSignature';
import { useStatementSignature } from '../shared/useStatementSignature';
import { statusLabel } from './labels';
import { useRefreshAfterPolicyChange } from './usePolicies';

const ID_PREFIX = 'signoff';

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

  return (
    <>
      <button type="button" className="nhsuk-back-link" onClick={onCancel}>
        Back to {policy.title}
      </button>
      <h1>{heading}</h1>
      <StatementState idPrefix={ID_PREFIX} query={statement} back={{ label: `Back to ${policy.title}`, onClick: onCancel }}>
        {(data) => (
          <SignOffForm
            id={id}
            signOff={signOff}
            statement={data.statement}
            roles={roleLabels(data.roles, roleOptions)}
            onCancel={onCancel}
            onSigned={onSigned}
          />
        )}
      </StatementState>
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
  const signature = useStatementSignature({
    idPrefix: ID_PREFIX,
    sign: (given) =>
      signOff.kind === 'approval'
        ? policyApprove({ id, ...given }).then((version) => approvedMessage(version))
        : policyReviewNoChange({ id, ...given }).then((policy) => reviewedMessage(policy)),
    onSigned: async (message) => {
      await refresh();
      onSigned(message);
    },
  });

  return (
    <>
      <ErrorSummary errors={signature.errors.items} focusKey={signature.focusKey} />
      <StatementSignature
        {...signature.fields}
        intro={
          <>
            You sign as <strong>{roles}</strong>. Your name, the statement and the date and time are recorded in the policy's
            history and the audit trail.
          </>
        }
        statement={statement}
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
