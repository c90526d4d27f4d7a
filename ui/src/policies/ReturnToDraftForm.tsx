import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';

import { policyReturnToDraft, type PolicyRow, type VersionRow } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { TextAreaField } from '../shared/TextAreaField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { statusLabel } from './labels';
import { useRefreshAfterPolicyChange } from './usePolicies';

const schema = z.object({ reason: z.string().trim().min(1, 'Say why it goes back to draft') });

const FIELD_IDS = { reason: 'return-reason' } as const;

type ReturnToDraftFormProps = {
  policy: PolicyRow;
  version: VersionRow;
  onCancel: () => void;
  onReturned: (version: VersionRow) => void;
};

/** Sends a version in review (or approved, not yet published) back to draft, with the reason. */
export function ReturnToDraftForm({ policy, version, onCancel, onReturned }: ReturnToDraftFormProps) {
  const refresh = useRefreshAfterPolicyChange();
  const form = useSchemaForm(schema, { reason: '' });
  const send = useMutation({
    mutationFn: policyReturnToDraft,
    onSuccess: async (returned) => {
      await refresh();
      onReturned(returned);
    },
  });
  const errors = formErrors(form.formState.errors, send.error, FIELD_IDS);
  const submit = form.handleSubmit(
    ({ reason }) => send.mutate({ versionId: version.id, reason }),
    () => send.reset(),
  );

  return (
    <>
      <button type="button" className="nhsuk-back-link" onClick={onCancel}>
        Back to {policy.title}
      </button>
      <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
      <span className="nhsuk-caption-l">{policy.title}</span>
      <h1>Send version {version.number} back to draft?</h1>
      <p>
        Version {version.number} is {statusLabel(version.status).toLowerCase()}. Back in draft, its text can be changed;
        any sign-offs already given are withdrawn, and it must be sent for sign-off again.
      </p>
      <form id="return-form" onSubmit={submit} noValidate>
        <TextAreaField
          id={FIELD_IDS.reason}
          label="Why does it go back to draft?"
          hint="Recorded in the audit trail"
          error={errors.of('reason')}
          rows={3}
          registration={form.register('reason')}
        />
        <div className="nhsuk-button-group">
          <button type="submit" className="nhsuk-button nhsuk-button--warning" id="return-confirm" disabled={send.isPending}>
            Send back to draft
          </button>
          <LinkButton id="return-cancel" onClick={onCancel}>
            Cancel
          </LinkButton>
        </div>
      </form>
    </>
  );
}
