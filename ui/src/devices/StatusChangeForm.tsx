import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';

import { deviceSetStatus, type ChoiceOption, type DeviceRow } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { SelectField } from '../shared/SelectField';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { statusLabel } from './labels';
import { useRefreshAfterDeviceChange } from './useDevices';

// Shape only: Rust decides whether the change is allowed.
const schema = z.object({ status: z.string().min(1, 'Choose the new status'), reason: z.string() });

const FIELD_IDS = { status: 'device-status-change', reason: 'device-status-reason' } as const;

type StatusChangeFormProps = {
  device: DeviceRow;
  /** Every status, for naming the new one. */
  statuses: readonly ChoiceOption[];
  /** The statuses core lets a manager set here (lost and stolen have their own form, disposal its own record). */
  offered: readonly ChoiceOption[];
  /** Changed: `message` says to what. */
  onChanged: (message: string) => void;
};

/** Puts a device in store, in use, or aside for disposal, with an optional reason. */
export function StatusChangeForm({ device, statuses, offered, onChanged }: StatusChangeFormProps) {
  const refresh = useRefreshAfterDeviceChange();
  const options = offered;
  const form = useSchemaForm(schema, {
    status: options.find((option) => option.value !== device.status)?.value ?? '',
    reason: '',
  });
  const change = useMutation({
    mutationFn: deviceSetStatus,
    onSuccess: async (row) => {
      await refresh();
      onChanged(`${row.assetTag} is now ${statusLabel(statuses, row.status).toLowerCase()}`);
    },
  });
  const errors = formErrors(form.formState.errors, change.error, FIELD_IDS);
  const submit = form.handleSubmit(
    ({ status, reason }) => change.mutate({ id: device.id, status, reason }),
    () => change.reset(),
  );

  return (
    <form id="device-status-form" onSubmit={submit} noValidate aria-labelledby="device-status-heading">
      <ErrorSummary id="device-status-error-summary" errors={errors.items} focusKey={form.formState.submitCount} />
      <h3 className="nhsuk-heading-s" id="device-status-heading">
        Change its status
      </h3>
      <SelectField
        id={FIELD_IDS.status}
        label="New status"
        error={errors.of('status')}
        options={options}
        registration={form.register('status')}
      />
      <TextField
        id={FIELD_IDS.reason}
        label="Why? (optional)"
        hint="Recorded in the audit trail"
        error={errors.of('reason')}
        autoComplete="off"
        registration={form.register('reason')}
      />
      <button type="submit" className="nhsuk-button nhsuk-button--secondary" id="device-status-save" disabled={change.isPending}>
        Change the status
      </button>
    </form>
  );
}
