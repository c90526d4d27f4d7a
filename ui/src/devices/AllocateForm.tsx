import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';

import { deviceAllocate, type DeviceRow, type PersonRefView } from '../ipc';
import { formatDay, today } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { SelectField } from '../shared/SelectField';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { useRefreshAfterDeviceChange } from './useDevices';
import { useFocusOnMount } from './useFocusOnMount';

// Shape only: a person must be chosen to send their id. Rust checks the day, that they work here
// then, and that the device may be allocated at all.
const schema = z.object({
  personId: z.string().min(1, 'Choose who it goes to'),
  from: z.string(),
  note: z.string(),
});

const FIELD_IDS = { personId: 'allocate-person', from: 'allocate-from', note: 'allocate-note' } as const;

type AllocateFormProps = {
  device: DeviceRow;
  /** Current staff, as the register offers them. */
  people: readonly PersonRefView[];
  onCancel: () => void;
  /** Allocated: `message` says to whom. */
  onAllocated: (message: string) => void;
};

/** Allocates a device to someone from a day (whoever holds it gives it back the day before). */
export function AllocateForm({ device, people, onCancel, onAllocated }: AllocateFormProps) {
  const refresh = useRefreshAfterDeviceChange();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const form = useSchemaForm(schema, { personId: '', from: today(), note: '' });
  const allocate = useMutation({
    mutationFn: deviceAllocate,
    onSuccess: async (row) => {
      await refresh();
      const from = row.heldSince ? ` from ${formatDay(row.heldSince)}` : '';
      onAllocated(`${row.assetTag} allocated to ${row.holder?.fullName ?? 'them'}${from}`);
    },
  });
  const errors = formErrors(form.formState.errors, allocate.error, FIELD_IDS);
  const submit = form.handleSubmit(
    (values) => {
      const person = people.find((candidate) => String(candidate.id) === values.personId);
      if (person) allocate.mutate({ id: device.id, personId: person.id, from: values.from, note: values.note });
    },
    () => allocate.reset(),
  );
  const held = device.holder !== null;

  return (
    <form id="allocate-form" onSubmit={submit} noValidate aria-labelledby="allocate-heading">
      <ErrorSummary id="allocate-error-summary" errors={errors.items} focusKey={form.formState.submitCount} />
      <h3 className="nhsuk-heading-s" id="allocate-heading" tabIndex={-1} ref={heading}>
        {held ? `Re-allocate ${device.assetTag}` : `Allocate ${device.assetTag} to someone`}
      </h3>
      {held && device.holder ? (
        <p>{device.holder.fullName} will be recorded as giving it back the day before.</p>
      ) : null}
      <SelectField
        id={FIELD_IDS.personId}
        label="Who does it go to?"
        error={errors.of('personId')}
        options={[
          { value: '', label: 'Choose a person' },
          ...people.map((person) => ({ value: String(person.id), label: person.fullName })),
        ]}
        registration={form.register('personId')}
      />
      <TextField
        id={FIELD_IDS.from}
        type="date"
        label="Their first day with it"
        error={errors.of('from')}
        width={10}
        registration={form.register('from')}
      />
      <TextField
        id={FIELD_IDS.note}
        label="Note (optional)"
        hint="For example, what came with it: charger, case, smartcard"
        error={errors.of('note')}
        autoComplete="off"
        registration={form.register('note')}
      />
      <div className="nhsuk-button-group">
        <button type="submit" className="nhsuk-button" id="allocate-save" disabled={allocate.isPending}>
          {held ? 'Re-allocate' : 'Allocate'}
        </button>
        <LinkButton id="allocate-cancel" onClick={onCancel}>
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}
