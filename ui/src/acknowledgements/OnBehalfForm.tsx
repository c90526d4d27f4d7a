import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { ackOnBehalf, type AcknowledgementRow, type ChaseRow } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { FieldFrame, fieldDescription } from '../shared/FieldFrame';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { useSchemaForm } from '../shared/useSchemaForm';
import { ACK_KEY } from './useAcknowledgements';

// Shape only: Rust decides whether the reason will do.
const schema = z.object({ reason: z.string() });

const FIELD_IDS = { reason: 'on-behalf-reason' } as const;

const HINT = 'For example: signed the paper sheet on 3 March';

type OnBehalfFormProps = {
  /** The outstanding acknowledgement to record. */
  item: ChaseRow;
  onRecorded: (recorded: AcknowledgementRow) => void;
  onCancel: () => void;
};

/** A manager records that someone acknowledged a policy another way (on paper, say), with a reason. */
export function OnBehalfForm({ item, onRecorded, onCancel }: OnBehalfFormProps) {
  const queryClient = useQueryClient();
  const form = useSchemaForm(schema, { reason: '' });
  const save = useMutation({
    mutationFn: ackOnBehalf,
    onSuccess: async (recorded) => {
      onRecorded(recorded);
      await queryClient.invalidateQueries({ queryKey: ACK_KEY });
    },
  });
  const errors = formErrors(form.formState.errors, save.error, FIELD_IDS);
  const error = errors.of('reason');

  const submit = form.handleSubmit(
    ({ reason }) => save.mutate({ personId: item.personId, versionId: item.versionId, reason }),
    () => save.reset(),
  );

  return (
    <form onSubmit={submit} noValidate id="on-behalf-form" aria-labelledby="on-behalf-heading">
      <ErrorSummary id="on-behalf-error-summary" errors={errors.items} focusKey={form.formState.submitCount} />
      <h3 className="nhsuk-heading-s" id="on-behalf-heading">
        Record that {item.fullName} acknowledged {item.title} version {item.version}
      </h3>
      <p>
        Only do this when they have acknowledged it another way, for example by signing the paper sheet. It will be
        shown everywhere as recorded on their behalf, by you, with your reason.
      </p>
      <FieldFrame id={FIELD_IDS.reason} label="Why are you recording it for them?" hint={HINT} error={error}>
        <textarea
          {...form.register('reason')}
          id={FIELD_IDS.reason}
          className={error ? 'nhsuk-textarea nhsuk-textarea--error' : 'nhsuk-textarea'}
          rows={3}
          autoFocus
          aria-describedby={fieldDescription(FIELD_IDS.reason, HINT, error)}
          aria-invalid={error ? true : undefined}
        />
      </FieldFrame>
      <div className="nhsuk-button-group">
        <button type="submit" className="nhsuk-button" id="on-behalf-save" disabled={save.isPending}>
          Record the acknowledgement
        </button>
        <LinkButton id="on-behalf-cancel" onClick={onCancel}>
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}
