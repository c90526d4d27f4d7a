import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';

import { incidentActionAdd, type IncidentRow } from '../ipc';
import { formatMoment } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { ResponsiveCell, ResponsiveTable } from '../shared/ResponsiveTable';
import { TextAreaField } from '../shared/TextAreaField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { useRefreshAfterIncidentChange } from './useIncidents';

// Shape only: Rust asks for the text.
const schema = z.object({ description: z.string() });

const FIELD_IDS = { description: 'incident-action-text' } as const;

type ActionLogProps = {
  incident: IncidentRow;
  /** The IG lead may add to the log now. */
  editable: boolean;
  onMessage: (message: string) => void;
};

/** The dated log of containment and actions, oldest first, and a form to add to it. */
export function ActionLog({ incident, editable, onMessage }: ActionLogProps) {
  return (
    <section aria-labelledby="incident-actions-heading" id="incident-actions">
      <h2 className="nhsuk-heading-m" id="incident-actions-heading">
        Containment and actions
      </h2>
      {incident.actions.length === 0 ? (
        <p id="incident-actions-none">No action has been recorded yet.</p>
      ) : (
        <ResponsiveTable
          id="incident-action-log"
          caption="Actions taken, oldest first"
          headings={['When', 'Who', 'What was done']}
        >
          {incident.actions.map((action, index) => (
            // The log only grows at its end, so an entry's place is its identity.
            <tr className="nhsuk-table__row" role="row" key={index}>
              <ResponsiveCell heading="When">{formatMoment(action.at)}</ResponsiveCell>
              <ResponsiveCell heading="Who">{action.by}</ResponsiveCell>
              <ResponsiveCell heading="What was done">{action.text}</ResponsiveCell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
      {editable ? <AddAction incident={incident} onMessage={onMessage} /> : null}
    </section>
  );
}

function AddAction({ incident, onMessage }: Omit<ActionLogProps, 'editable'>) {
  const refresh = useRefreshAfterIncidentChange();
  const form = useSchemaForm(schema, { description: '' });
  const add = useMutation({
    mutationFn: incidentActionAdd,
    onSuccess: async (row) => {
      form.reset({ description: '' });
      await refresh();
      onMessage(`Added to the log of ${row.reference}.`);
    },
  });
  const errors = formErrors(form.formState.errors, add.error, FIELD_IDS);
  const submit = form.handleSubmit(
    ({ description }) => add.mutate({ id: incident.id, description }),
    () => add.reset(),
  );

  return (
    <form id="incident-action-form" onSubmit={submit} noValidate>
      <ErrorSummary id="incident-action-error-summary" errors={errors.items} focusKey={form.formState.submitCount} />
      <TextAreaField
        id={FIELD_IDS.description}
        label="Add an action"
        hint="What was done to contain it or put it right, and by whom. It is dated now."
        error={errors.of('description')}
        rows={2}
        registration={form.register('description')}
      />
      <button
        type="submit"
        className="nhsuk-button nhsuk-button--secondary"
        id="incident-action-add"
        disabled={add.isPending}
      >
        Add to the log
      </button>
    </form>
  );
}
