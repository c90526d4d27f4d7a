import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';

import { deviceSetStatus, type ChoiceOption, type DeviceRow } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { Radios } from '../shared/Radios';
import { TextAreaField } from '../shared/TextAreaField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { statusLabel } from './labels';
import { useRefreshAfterDeviceChange } from './useDevices';
import { useFocusOnMount } from './useFocusOnMount';

// Shape only: one of them must be chosen to send it. Rust asks for the reason.
const schema = z.object({
  status: z.string({ error: 'Choose whether it was lost or stolen' }).min(1, 'Choose whether it was lost or stolen'),
  reason: z.string(),
});

const FIELD_IDS = { status: 'device-lost-lost', reason: 'device-lost-reason' } as const;

type LostFormProps = {
  device: DeviceRow;
  /** Lost and stolen, as core names them. */
  statuses: readonly ChoiceOption[];
  onCancel: () => void;
  /** Recorded: `message` says as what. */
  onRecorded: (message: string) => void;
};

/** Records that a device was lost or stolen, with what happened. */
export function LostForm({ device, statuses, onCancel, onRecorded }: LostFormProps) {
  const refresh = useRefreshAfterDeviceChange();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const form = useSchemaForm(schema, { reason: '' });
  const record = useMutation({
    mutationFn: deviceSetStatus,
    onSuccess: async (row) => {
      await refresh();
      onRecorded(`${row.assetTag} recorded as ${statusLabel(statuses, row.status).toLowerCase()}`);
    },
  });
  const errors = formErrors(form.formState.errors, record.error, FIELD_IDS);
  const submit = form.handleSubmit(
    ({ status, reason }) => record.mutate({ id: device.id, status, reason }),
    () => record.reset(),
  );

  return (
    <form id="device-lost-form" onSubmit={submit} noValidate aria-labelledby="device-lost-heading">
      <ErrorSummary id="device-lost-error-summary" errors={errors.items} focusKey={form.formState.submitCount} />
      <h3 className="nhsuk-heading-s" id="device-lost-heading" tabIndex={-1} ref={heading}>
        Mark {device.assetTag} as lost or stolen
      </h3>
      <Radios
        id="device-lost"
        legend="What happened to it?"
        error={errors.of('status')}
        options={statuses.map(({ value, label }) => ({ value, label, id: `device-lost-${value}` }))}
        registration={form.register('status')}
      />
      <TextAreaField
        id={FIELD_IDS.reason}
        label="What happened?"
        hint="When and where it was last seen, and what information was on it. Recorded in the audit trail."
        error={errors.of('reason')}
        rows={3}
        registration={form.register('reason')}
      />
      <div className="nhsuk-button-group">
        <button type="submit" className="nhsuk-button nhsuk-button--warning" id="device-lost-save" disabled={record.isPending}>
          Mark as lost or stolen
        </button>
        <LinkButton id="device-lost-cancel" onClick={onCancel}>
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}
