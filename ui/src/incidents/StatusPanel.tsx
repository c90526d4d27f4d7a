import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';

import { incidentStatus, type IncidentRow } from '../ipc';
import { formatMoment } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { Radios } from '../shared/Radios';
import { ResponsiveCell, ResponsiveTable } from '../shared/ResponsiveTable';
import { TextAreaField } from '../shared/TextAreaField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { useRefreshAfterIncidentChange } from './useIncidents';

// Shape only: which status must be chosen to send it; Rust asks for the reason.
const schema = z.object({
  status: z.string({ error: 'Choose the new status' }).min(1, 'Choose the new status'),
  reason: z.string(),
});

type StatusPanelProps = {
  incident: IncidentRow;
  /** The viewer manages incidents. */
  editable: boolean;
  onMessage: (message: string) => void;
};

/** What each status change offered does, in words. */
const ACTIONS: Record<string, string> = {
  open: 'Reopen it',
  withdrawn: 'Withdraw it (it was not an incident)',
  duplicate: 'Mark it a duplicate of another incident',
};

/** Its status changes with their reasons, and withdrawing, marking a duplicate or reopening. */
export function StatusPanel({ incident, editable, onMessage }: StatusPanelProps) {
  const changes = incident.statusChanges;
  const canChange = editable && incident.statusChoices.length > 0;
  if (changes.length === 0 && !canChange) return null;
  return (
    <section aria-labelledby="incident-status-heading" id="incident-status">
      <h2 className="nhsuk-heading-m" id="incident-status-heading">
        Status
      </h2>
      {changes.length > 0 ? (
        <ResponsiveTable
          id="incident-status-history"
          caption="Status changes, oldest first"
          headings={['When', 'Who', 'Change', 'Why']}
        >
          {changes.map((change, index) => (
            // The history only grows at its end, so a change's place is its identity.
            <tr className="nhsuk-table__row" role="row" key={index}>
              <ResponsiveCell heading="When">{formatMoment(change.at)}</ResponsiveCell>
              <ResponsiveCell heading="Who">{change.by.fullName}</ResponsiveCell>
              <ResponsiveCell heading="Change">
                {change.fromLabel} → {change.toLabel}
              </ResponsiveCell>
              <ResponsiveCell heading="Why">{change.reason}</ResponsiveCell>
            </tr>
          ))}
        </ResponsiveTable>
      ) : null}
      {canChange ? <StatusForm key={incident.status} incident={incident} onMessage={onMessage} /> : null}
    </section>
  );
}

function StatusForm({ incident, onMessage }: Omit<StatusPanelProps, 'editable'>) {
  const refresh = useRefreshAfterIncidentChange();
  const form = useSchemaForm(schema, { reason: '' });
  const change = useMutation({
    mutationFn: incidentStatus,
    onSuccess: async (row) => {
      await refresh();
      onMessage(`${row.reference} is now ${row.statusLabel.toLowerCase()}.`);
    },
  });
  const firstChoice = incident.statusChoices[0]?.value ?? 'open';
  const errors = formErrors(form.formState.errors, change.error, {
    status: `incident-status-${firstChoice}`,
    reason: 'incident-status-reason',
  });
  const submit = form.handleSubmit(
    ({ status, reason }) => change.mutate({ id: incident.id, status, reason }),
    () => change.reset(),
  );

  return (
    <form id="incident-status-form" onSubmit={submit} noValidate>
      <ErrorSummary id="incident-status-error-summary" errors={errors.items} focusKey={form.formState.submitCount} />
      <Radios
        id="incident-status"
        legend="Change its status"
        error={errors.of('status')}
        options={incident.statusChoices.map((choice) => ({
          value: choice.value,
          label: ACTIONS[choice.value] ?? choice.label,
          id: `incident-status-${choice.value}`,
        }))}
        registration={form.register('status')}
      />
      <TextAreaField
        id="incident-status-reason"
        label="Why?"
        hint="Recorded with the change and in the audit trail"
        error={errors.of('reason')}
        rows={2}
        registration={form.register('reason')}
      />
      <button
        type="submit"
        className="nhsuk-button nhsuk-button--secondary"
        id="incident-status-save"
        disabled={change.isPending}
      >
        Change the status
      </button>
    </form>
  );
}
