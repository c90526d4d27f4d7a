import { z } from 'zod';

import {
  deviceAdd,
  deviceUpdate,
  type ChoiceOption,
  type DeviceFormRequest,
  type DeviceRegisterView,
  type DeviceRow,
} from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { Radios } from '../shared/Radios';
import { SelectField } from '../shared/SelectField';
import { TextAreaField } from '../shared/TextAreaField';
import { TextField } from '../shared/TextField';
import { personChoice } from '../shared/personChoice';
import { useAddOrEdit } from '../shared/useAddOrEdit';
import { useSchemaForm } from '../shared/useSchemaForm';
import { useRefreshAfterDeviceChange } from './useDevices';

// Shape only: Rust checks every answer, that the asset tag and serial number are not taken, the
// dates, and who may be the asset owner.
const schema = z.object({
  assetTag: z.string().trim().min(1, 'Enter the asset tag'),
  kind: z.string(),
  make: z.string(),
  model: z.string(),
  serial: z.string(),
  ownership: z.string().nullish(),
  encryption: z.string().nullish(),
  encryptionMethod: z.string(),
  osName: z.string(),
  osVersion: z.string(),
  vendorSupported: z.string().nullish(),
  location: z.string(),
  assetOwnerId: z.string(),
  status: z.string(),
  purchaseDate: z.string(),
  notes: z.string(),
});

/** The status a new device starts in. */
const NEW_DEVICE_STATUS = 'in_store';

/** The answer a new device starts with when no one has checked yet. */
const NOT_KNOWN = 'unknown';

type DeviceFormProps = {
  /** The register, for its choices and people. */
  register: DeviceRegisterView;
  onCancel: () => void;
} & (
  | { mode: 'add'; onAdded: (added: DeviceRow) => void }
  | { mode: 'edit'; device: DeviceRow; onSaved: (saved: DeviceRow) => void }
);

/** Adds a device to the register, or changes a device's details. */
export function DeviceForm(props: DeviceFormProps) {
  const { register, onCancel } = props;
  const editing = props.mode === 'edit' ? props.device : null;
  const refresh = useRefreshAfterDeviceChange();
  const form = useSchemaForm(schema, {
    assetTag: editing?.assetTag ?? '',
    kind: editing?.kind ?? '',
    make: editing?.make ?? '',
    model: editing?.model ?? '',
    serial: editing?.serial ?? '',
    ownership: editing?.ownership ?? null,
    encryption: editing?.encryption ?? NOT_KNOWN,
    encryptionMethod: editing?.encryptionMethod ?? '',
    osName: editing?.osName ?? '',
    osVersion: editing?.osVersion ?? '',
    vendorSupported: editing?.vendorSupported ?? NOT_KNOWN,
    location: editing?.location ?? '',
    assetOwnerId: editing?.assetOwner ? String(editing.assetOwner.id) : '',
    status: editing?.status ?? NEW_DEVICE_STATUS,
    purchaseDate: editing?.purchaseDate ?? '',
    notes: editing?.notes ?? '',
  });
  const save = useAddOrEdit({
    add: deviceAdd,
    edit: deviceUpdate,
    refresh: refresh,
    onAdded: props.mode === 'add' ? props.onAdded : undefined,
    onSaved: props.mode === 'edit' ? props.onSaved : undefined,
  });

  // The current asset owner stays on offer even if they are no longer among current staff.
  const owner = personChoice(register.people, editing?.assetOwner ?? null, 'None');
  const radios = (prefix: string, options: readonly ChoiceOption[]) =>
    options.map((option) => ({ value: option.value, label: option.label, id: `${prefix}-${option.value}` }));
  const ownershipOptions = radios('device-ownership', register.ownerships);
  const encryptionOptions = radios('device-encryption', register.answers);
  const supportedOptions = radios('device-vendor-supported', register.answers);

  const fieldIds = {
    assetTag: 'device-asset-tag',
    kind: 'device-kind',
    make: 'device-make',
    model: 'device-model',
    serial: 'device-serial',
    ownership: ownershipOptions[0]?.id ?? 'device-ownership',
    encryption: encryptionOptions[0]?.id ?? 'device-encryption',
    encryptionMethod: 'device-encryption-method',
    osName: 'device-os-name',
    osVersion: 'device-os-version',
    vendorSupported: supportedOptions[0]?.id ?? 'device-vendor-supported',
    location: 'device-location',
    assetOwnerId: 'device-asset-owner',
    status: 'device-status',
    purchaseDate: 'device-purchase-date',
    notes: 'device-notes',
  };
  const errors = formErrors(form.formState.errors, save.error, fieldIds);

  const submit = form.handleSubmit(
    (values) => {
      const request: DeviceFormRequest = {
        assetTag: values.assetTag,
        kind: values.kind,
        make: values.make,
        model: values.model,
        serial: values.serial,
        ownership: values.ownership ?? '',
        encryption: values.encryption ?? '',
        encryptionMethod: values.encryptionMethod,
        osName: values.osName,
        osVersion: values.osVersion,
        vendorSupported: values.vendorSupported ?? '',
        location: values.location,
        assetOwnerId: owner.idOf(values.assetOwnerId),
        status: values.status,
        purchaseDate: values.purchaseDate,
        notes: values.notes,
      };
      if (editing) save.edit({ id: editing.id, device: request });
      else save.add(request);
    },
    save.reset,
  );

  return (
    <>
      <button type="button" className="nhsuk-back-link" onClick={onCancel}>
        {editing ? `Back to ${editing.assetTag}` : 'Back to the device register'}
      </button>
      <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
      <h1>{editing ? `Change the details of ${editing.assetTag}` : 'Add a device'}</h1>

      <form id="device-form" onSubmit={submit} noValidate>
        <h2 className="nhsuk-heading-m">The device</h2>
        <TextField
          id={fieldIds.assetTag}
          label="Asset tag"
          hint="The label on the device, unique in the practice, e.g. LT-014"
          error={errors.of('assetTag')}
          width={10}
          autoComplete="off"
          spellCheck={false}
          registration={form.register('assetTag')}
        />
        <SelectField
          id={fieldIds.kind}
          label="Kind"
          error={errors.of('kind')}
          options={[{ value: '', label: 'Choose a kind' }, ...register.kinds]}
          registration={form.register('kind')}
        />
        <TextField
          id={fieldIds.make}
          label="Make (optional)"
          error={errors.of('make')}
          width={20}
          autoComplete="off"
          registration={form.register('make')}
        />
        <TextField
          id={fieldIds.model}
          label="Model (optional)"
          error={errors.of('model')}
          width={20}
          autoComplete="off"
          registration={form.register('model')}
        />
        <TextField
          id={fieldIds.serial}
          label="Serial number (optional)"
          error={errors.of('serial')}
          width={20}
          autoComplete="off"
          spellCheck={false}
          registration={form.register('serial')}
        />
        <div id="device-ownership">
          <Radios
            id="device-ownership"
            legend="Who owns it?"
            hint="Personal: a member of staff's own device used for practice work"
            error={errors.of('ownership')}
            options={ownershipOptions}
            registration={form.register('ownership')}
          />
        </div>

        <h2 className="nhsuk-heading-m">Security</h2>
        <div id="device-encryption">
          <Radios
            id="device-encryption"
            legend="Is it encrypted?"
            error={errors.of('encryption')}
            options={encryptionOptions}
            registration={form.register('encryption')}
          />
        </div>
        <TextField
          id={fieldIds.encryptionMethod}
          label="How is it encrypted? (optional)"
          hint="For example BitLocker, FileVault or hardware encryption"
          error={errors.of('encryptionMethod')}
          width={20}
          autoComplete="off"
          registration={form.register('encryptionMethod')}
        />
        <TextField
          id={fieldIds.osName}
          label="Operating system (optional)"
          hint="For example Windows 11, iOS or Android"
          error={errors.of('osName')}
          width={20}
          autoComplete="off"
          registration={form.register('osName')}
        />
        <TextField
          id={fieldIds.osVersion}
          label="Version (optional)"
          hint="For example 23H2 or 17.4"
          error={errors.of('osVersion')}
          width={10}
          autoComplete="off"
          registration={form.register('osVersion')}
        />
        <div id="device-vendor-supported">
          <Radios
            id="device-vendor-supported"
            legend="Does its maker still send security updates for that system?"
            error={errors.of('vendorSupported')}
            options={supportedOptions}
            registration={form.register('vendorSupported')}
          />
        </div>

        <h2 className="nhsuk-heading-m">Where it is and who answers for it</h2>
        <TextField
          id={fieldIds.location}
          label="Location (optional)"
          hint="For example Reception or Consulting room 3"
          error={errors.of('location')}
          width={30}
          autoComplete="off"
          registration={form.register('location')}
        />
        <SelectField
          id={fieldIds.assetOwnerId}
          label="Information asset owner"
          hint="Who is responsible for the information on it"
          error={errors.of('assetOwnerId')}
          options={owner.options}
          registration={form.register('assetOwnerId')}
        />
        <SelectField
          id={fieldIds.status}
          label="Status"
          error={errors.of('status')}
          options={register.statuses}
          registration={form.register('status')}
        />
        <TextField
          id={fieldIds.purchaseDate}
          type="date"
          label="Purchase date (optional)"
          error={errors.of('purchaseDate')}
          width={10}
          registration={form.register('purchaseDate')}
        />
        <TextAreaField
          id={fieldIds.notes}
          label="Notes (optional)"
          error={errors.of('notes')}
          rows={3}
          registration={form.register('notes')}
        />

        <div className="nhsuk-button-group">
          <button type="submit" className="nhsuk-button" id="device-save" disabled={save.pending}>
            {editing ? 'Save changes' : 'Add the device'}
          </button>
          <LinkButton id="device-cancel" onClick={onCancel}>
            Cancel
          </LinkButton>
        </div>
      </form>
    </>
  );
}
