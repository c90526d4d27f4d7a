import { z } from 'zod';

import { type ChoiceOption, type DisposalRequest, type DisposalRow } from '../ipc';
import { today } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { CertificateFields } from './CertificateFields';
import { MethodField, methodFieldId } from './MethodField';
import { useRecordDisposal } from './useRecordDisposal';

// Shape only: Rust checks the day, the method, the company, the consignment, the containers and the file.
const schema = z.object({
  disposedOn: z.string(),
  method: z.string().nullish(),
  performedBy: z.string(),
  consignmentReference: z.string(),
  containers: z.string(),
  certificateNumber: z.string(),
  certificatePath: z.string(),
  witness: z.string(),
});

// Rust reports problems under the request's names; anything else goes in the summary.
const FIELD_IDS = {
  disposedOn: 'disposal-date',
  method: 'disposal-method', // Its first choice's, once core's methods are known (below).
  performedBy: 'disposal-performed-by',
  consignmentReference: 'disposal-consignment',
  containers: 'disposal-containers',
  certificateNumber: 'disposal-certificate-number',
  certificatePath: 'disposal-certificate-path',
  witness: 'disposal-witness',
} as const;

type WasteCollectionFormProps = {
  /** How core says confidential waste may be destroyed; the only one is chosen already. */
  methods: readonly ChoiceOption[];
  onCancel: () => void;
  onRecorded: (row: DisposalRow) => void;
};

/** Records a confidential-waste collection: paper taken away to be shredded, with its consignment note. */
export function WasteCollectionForm({ methods, onCancel, onRecorded }: WasteCollectionFormProps) {
  const fieldIds = { ...FIELD_IDS, method: methodFieldId(methods) };
  const form = useSchemaForm(schema, {
    disposedOn: today(),
    method: methods.length === 1 ? methods[0]?.value : null,
    performedBy: '',
    consignmentReference: '',
    containers: '',
    certificateNumber: '',
    certificatePath: '',
    witness: '',
  });
  const save = useRecordDisposal((path) => form.setValue('certificatePath', path), onRecorded);
  const errors = formErrors(form.formState.errors, save.error, fieldIds);

  const submit = form.handleSubmit(
    (values) => {
      const request: DisposalRequest = {
        // No device: a confidential-waste collection.
        deviceId: null,
        disposedOn: values.disposedOn,
        reason: '',
        method: values.method ?? '',
        sanitisationStandard: '',
        performedBy: values.performedBy,
        contractor: '',
        contractReference: '',
        certificateNumber: values.certificateNumber,
        certificatePath: values.certificatePath,
        witness: values.witness,
        reuseAssessment: '',
        consignmentReference: values.consignmentReference,
        // As typed: Rust reads the number.
        containers: values.containers,
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
      <h1>Record a confidential-waste collection</h1>
      <p>Paper with personal or confidential information, collected by a company to be shredded.</p>

      <form id="disposal-form" onSubmit={submit} noValidate>
        <TextField
          id={FIELD_IDS.disposedOn}
          type="date"
          label="Date collected"
          error={errors.of('disposedOn')}
          width={10}
          registration={form.register('disposedOn')}
        />
        <MethodField
          legend="How was it destroyed?"
          methods={methods}
          error={errors.of('method')}
          registration={form.register('method')}
        />
        <TextField
          id={FIELD_IDS.performedBy}
          label="Company that collected it"
          error={errors.of('performedBy')}
          autoComplete="off"
          registration={form.register('performedBy')}
        />
        <TextField
          id={FIELD_IDS.consignmentReference}
          label="Consignment reference"
          hint="The consignment or waste-transfer note reference"
          error={errors.of('consignmentReference')}
          width={20}
          autoComplete="off"
          registration={form.register('consignmentReference')}
        />
        <TextField
          id={FIELD_IDS.containers}
          label="Number of bags or containers"
          error={errors.of('containers')}
          width={4}
          inputMode="numeric"
          autoComplete="off"
          registration={form.register('containers')}
        />
        <CertificateFields
          errorOf={errors.of}
          register={(field) => form.register(field)}
          witnessHint="Who saw it collected, if anyone"
          onChoose={save.choose}
          choosing={save.choosing}
        />

        <div className="nhsuk-button-group">
          <button type="submit" className="nhsuk-button" id="disposal-save" disabled={save.recording}>
            {save.recording ? 'Saving…' : 'Record the collection'}
          </button>
          <LinkButton id="disposal-cancel" onClick={onCancel}>
            Cancel
          </LinkButton>
        </div>
      </form>
    </>
  );
}
