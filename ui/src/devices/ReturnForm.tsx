import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';

import { deviceReturn, type DeviceRow } from '../ipc';
import { formatDay, today } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { useRefreshAfterDeviceChange } from './useDevices';
import { useFocusOnMount } from './useFocusOnMount';

// Shape only: Rust checks the day and reports a problem with it under `on`.
const schema = z.object({ on: z.string() });

const FIELD_IDS = { on: 'return-on' } as const;

type ReturnFormProps = {
  device: DeviceRow;
  onCancel: () => void;
  /** Returned: `message` says by whom and when. */
  onReturned: (message: string) => void;
};

/** Records that the holder gave the device back, on their last day with it. */
export function ReturnForm({ device, onCancel, onReturned }: ReturnFormProps) {
  const refresh = useRefreshAfterDeviceChange();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const form = useSchemaForm(schema, { on: today() });
  const giveBack = useMutation({
    mutationFn: deviceReturn,
    onSuccess: async (row, { on }) => {
      await refresh();
      const by = device.holder ? ` by ${device.holder.fullName}` : '';
      onReturned(`${row.assetTag} returned${by} on ${formatDay(on)}`);
    },
  });
  const errors = formErrors(form.formState.errors, giveBack.error, FIELD_IDS);
  const submit = form.handleSubmit(
    (values) => giveBack.mutate({ id: device.id, on: values.on }),
    () => giveBack.reset(),
  );

  return (
    <form id="return-form" onSubmit={submit} noValidate aria-labelledby="return-heading">
      <ErrorSummary id="return-error-summary" errors={errors.items} focusKey={form.formState.submitCount} />
      <h3 className="nhsuk-heading-s" id="return-heading" tabIndex={-1} ref={heading}>
        Record the return of {device.assetTag}
        {device.holder ? ` from ${device.holder.fullName}` : null}
      </h3>
      <TextField
        id={FIELD_IDS.on}
        type="date"
        label="Their last day with it"
        error={errors.of('on')}
        width={10}
        registration={form.register('on')}
      />
      <div className="nhsuk-button-group">
        <button type="submit" className="nhsuk-button" id="return-save" disabled={giveBack.isPending}>
          Record the return
        </button>
        <LinkButton id="return-cancel" onClick={onCancel}>
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}
