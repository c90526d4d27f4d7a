import { useWatch } from 'react-hook-form';
import { z } from 'zod';

import { type DisposalLogView, type DisposalRequest, type DisposalRow } from '../ipc';
import { today } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { SelectField, type SelectOption } from '../shared/SelectField';
import { TextAreaField } from '../shared/TextAreaField';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { CertificateFields } from './CertificateFields';
import { WIPE_AND_REUSE } from './labels';
import { MethodField, methodFieldId } from './MethodField';
import { useRecordDisposal } from './useRecordDisposal';

// Shape only: Rust checks the day, the method, who did it, the re-use assessment and the file.
// The device must be chosen here, since a disposal with no device is a confidential-waste collection.
const schema = z.object({
  deviceId: z.string().min(1, 'Choose the device'),
  disposedOn: z.string(),
  reason: z.string(),
  method: z.string().nullish(),
  reuseAssessment: z.string(),
  sanitisationStandard: z.string(),
  performedBy: z.string(),
  contractor: z.string(),
  contractReference: z.string(),
  certificateNumber: z.string(),
  certificatePath: z.string(),
  witness: z.string(),
});

type DeviceDisposalFormProps = {
  /** The log, for the devices that may be disposed of and the methods. */
  view: DisposalLogView;
  onCancel: () => void;
  onRecorded: (row: DisposalRow) => void;
};

/** Records how a device (or its data-bearing media) was disposed of, or wiped for re-use. */
export function DeviceDisposalForm({ view, onCancel, onRecorded }: DeviceDisposalFormProps) {
  const form = useSchemaForm(schema, {
    deviceId: '',
    disposedOn: today(),
    reason: '',
    reuseAssessment: '',
    sanitisationStandard: '',
    performedBy: '',
    contractor: '',
    contractReference: '',
    certificateNumber: '',
    certificatePath: '',
    witness: '',
  });
  const method = useWatch({ control: form.control, name: 'method' });
  const save = useRecordDisposal((path) => form.setValue('certificatePath', path), onRecorded);

  const deviceOptions: SelectOption[] = [
    { value: '', label: 'Choose a device' },
    ...view.devices.map((device) => ({ value: String(device.id), label: device.label })),
  ];

  // Rust reports the day under `disposedOn`, an unreadable or unsuitable file under `certificatePath`.
  const fieldIds = {
    deviceId: 'disposal-device',
    disposedOn: 'disposal-date',
    reason: 'disposal-reason',
    method: methodFieldId(view.deviceMethods),
    reuseAssessment: 'disposal-reuse-assessment',
    sanitisationStandard: 'disposal-standard',
    performedBy: 'disposal-performed-by',
    contractor: 'disposal-contractor',
    contractReference: 'disposal-contract-reference',
    certificateNumber: 'disposal-certificate-number',
    certificatePath: 'disposal-certificate-path',
    witness: 'disposal-witness',
  };
  const errors = formErrors(form.formState.errors, save.error, fieldIds);

  const submit = form.handleSubmit(
    (values) => {
      const device = view.devices.find((option) => String(option.id) === values.deviceId);
      if (!device) return;
      const chosenMethod = values.method ?? '';
      const request: DisposalRequest = {
        deviceId: device.id,
        disposedOn: values.disposedOn,
        reason: values.reason,
        method: chosenMethod,
        sanitisationStandard: values.sanitisationStandard,
        performedBy: values.performedBy,
        contractor: values.contractor,
        contractReference: values.contractReference,
        certificateNumber: values.certificateNumber,
        certificatePath: values.certificatePath,
        witness: values.witness,
        // Asked only when the device is wiped for re-use.
        reuseAssessment: chosenMethod === WIPE_AND_REUSE ? values.reuseAssessment : '',
        consignmentReference: '',
        containers: '',
      };
      save.record(request);
    },
    save.reset,
  );

  return (
    <>
      <button type="button" className="nhsuk-back-link" onClick={onCancel}>
        Back to the disposal log
      </button>
      <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
      <h1>Record a device disposal</h1>
      <p>
        A device that is destroyed, erased, returned or wiped for re-use. Keep the certificate of destruction with
        it: the IG lead or SIRO checks and signs each disposal.
      </p>

      {view.devices.length === 0 ? (
        <div className="nhsuk-inset-text" id="disposal-no-devices">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            No device can be disposed of now. Devices still held by someone are not listed: record their return
            first.
          </p>
        </div>
      ) : null}

      <form id="disposal-form" onSubmit={submit} noValidate>
        <SelectField
          id={fieldIds.deviceId}
          label="Device"
          hint="Devices still held by someone are not listed: record their return first"
          error={errors.of('deviceId')}
          options={deviceOptions}
          registration={form.register('deviceId')}
        />
        <TextField
          id={fieldIds.disposedOn}
          type="date"
          label="Date of disposal"
          error={errors.of('disposedOn')}
          width={10}
          registration={form.register('disposedOn')}
        />
        <TextField
          id={fieldIds.reason}
          label="Reason"
          hint="For example: end of life, faulty, lost data-bearing part"
          error={errors.of('reason')}
          autoComplete="off"
          registration={form.register('reason')}
        />
        <MethodField
          legend="How was it disposed of?"
          methods={view.deviceMethods}
          error={errors.of('method')}
          registration={form.register('method')}
        />
        {method === WIPE_AND_REUSE ? (
          <TextAreaField
            id={fieldIds.reuseAssessment}
            label="Re-use assessment"
            hint="Its condition, how it was wiped, and who it will go to"
            error={errors.of('reuseAssessment')}
            rows={5}
            spellCheck
            registration={form.register('reuseAssessment')}
          />
        ) : null}
        <TextField
          id={fieldIds.sanitisationStandard}
          label="Standard followed"
          hint="For example: NCSC secure sanitisation, HMG IS5, NIST 800-88"
          error={errors.of('sanitisationStandard')}
          autoComplete="off"
          registration={form.register('sanitisationStandard')}
        />
        <TextField
          id={fieldIds.performedBy}
          label="Performed by"
          hint="The company or person who did it"
          error={errors.of('performedBy')}
          autoComplete="off"
          registration={form.register('performedBy')}
        />
        <TextField
          id={fieldIds.contractor}
          label="Contractor"
          hint="If a disposal company did it under contract"
          error={errors.of('contractor')}
          autoComplete="off"
          registration={form.register('contractor')}
        />
        <TextField
          id={fieldIds.contractReference}
          label="Contract reference"
          error={errors.of('contractReference')}
          width={20}
          autoComplete="off"
          registration={form.register('contractReference')}
        />
        <CertificateFields
          errorOf={errors.of}
          register={(field) => form.register(field)}
          witnessHint="Who saw it done, if anyone"
          onChoose={save.choose}
          choosing={save.choosing}
        />

        <div className="nhsuk-button-group">
          <button type="submit" className="nhsuk-button" id="disposal-save" disabled={save.recording}>
            {save.recording ? 'Saving…' : 'Record the disposal'}
          </button>
          <LinkButton id="disposal-cancel" onClick={onCancel}>
            Cancel
          </LinkButton>
        </div>
      </form>
    </>
  );
}
