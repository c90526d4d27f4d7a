import { useMutation } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';

import {
  chooseCsvFile,
  deviceImport,
  deviceImportPreview,
  type ChoiceOption,
  type CsvProblemRow,
  type DeviceImportPreviewView,
  type DeviceRegisterView,
} from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { ResponsiveCell, ResponsiveTable } from '../shared/ResponsiveTable';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { DISPOSED, formatCount, howMany } from './labels';
import { useRefreshAfterDeviceChange } from './useDevices';

// Shape only: Rust reads the file and checks every row; a problem with the file itself (missing
// columns, not UTF-8, unreadable) comes back under `path`.
const schema = z.object({ path: z.string().trim().min(1, "Enter the file's full path, or choose the file") });

const FIELD_IDS = { path: 'device-import-path' } as const;

/** At most this many problems are listed; the summary gives the full count. */
const MAX_PROBLEMS_SHOWN = 200;

type DeviceImportProps = {
  /** The register, for the choices each column accepts. */
  register: DeviceRegisterView;
  onCancel: () => void;
  /** Imported: how many devices were added. */
  onImported: (count: number) => void;
};

/** Imports devices from a CSV file: check the file, see every problem, then import all or nothing. */
export function DeviceImport({ register, onCancel, onImported }: DeviceImportProps) {
  const refresh = useRefreshAfterDeviceChange();
  const form = useSchemaForm(schema, { path: '' });
  const path = useWatch({ control: form.control, name: 'path' });
  const choose = useMutation({
    mutationFn: chooseCsvFile,
    onSuccess: (chosen) => {
      if (chosen) form.setValue('path', chosen);
    },
  });
  const check = useMutation({ mutationFn: deviceImportPreview });
  const apply = useMutation({
    mutationFn: deviceImport,
    onSuccess: async (count) => {
      await refresh();
      onImported(count);
    },
  });
  // A preview holds only for the file it checked: a different path needs checking again.
  const checkedPath = check.variables?.path;
  const preview = check.data && checkedPath === path.trim() ? check.data : null;
  const ready = preview !== null && preview.rows > 0 && preview.problems.length === 0;

  const errors = formErrors(form.formState.errors, apply.error ?? check.error ?? choose.error, FIELD_IDS);
  const submit = form.handleSubmit(
    (values) => {
      apply.reset();
      check.mutate({ path: values.path });
    },
    () => {
      check.reset();
      apply.reset();
    },
  );

  return (
    <>
      <button type="button" className="nhsuk-back-link" onClick={onCancel}>
        Back to the device register
      </button>
      <ErrorSummary errors={errors.items} focusKey={`${form.formState.submitCount}:${apply.submittedAt}`} />
      <h1>Import devices from a spreadsheet</h1>
      <p>
        Save the spreadsheet as a CSV file (in Excel, &ldquo;CSV UTF-8&rdquo;), with the column names on its first line.
        Every row is checked first, and nothing is imported until the whole file is right.
      </p>
      <ImportColumns register={register} />

      <form id="device-import-form" onSubmit={submit} noValidate>
        <div className="nhsuk-form-group">
          <TextField
            id={FIELD_IDS.path}
            label="The file's full path"
            error={errors.of('path')}
            autoComplete="off"
            spellCheck={false}
            inputClassName="custodian-path"
            registration={form.register('path')}
          />
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            id="device-import-choose"
            onClick={() => choose.mutate()}
          >
            Choose file…
          </button>
        </div>
        <div className="nhsuk-button-group">
          <button type="submit" className="nhsuk-button" id="device-import-check" disabled={check.isPending}>
            Check the file
          </button>
          <LinkButton id="device-import-cancel" onClick={onCancel}>
            Cancel
          </LinkButton>
        </div>
      </form>

      {preview ? (
        <section aria-labelledby="device-import-preview-heading" id="device-import-preview">
          <h2 className="nhsuk-heading-m" id="device-import-preview-heading">
            What the file holds
          </h2>
          <p id="device-import-summary" role="status">
            <PreviewSummary preview={preview} />
          </p>
          {preview.problems.length > 0 ? <ProblemsTable problems={preview.problems} /> : null}
          {ready ? (
            <details className="nhsuk-details" id="device-import-tags">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">Their asset tags</span>
              </summary>
              <div className="nhsuk-details__text">
                <p>{preview.assetTags.join(', ')}</p>
              </div>
            </details>
          ) : null}
          <button
            type="button"
            className="nhsuk-button"
            id="device-import-apply"
            disabled={!ready || apply.isPending}
            onClick={() => {
              if (checkedPath) apply.mutate({ path: checkedPath });
            }}
          >
            Import {howMany(preview.rows, 'device')}
          </button>
        </section>
      ) : null}
    </>
  );
}

/** "12 devices in the file; 3 problems — …" or "12 devices are ready to import". */
function PreviewSummary({ preview }: { preview: DeviceImportPreviewView }) {
  const devices = howMany(preview.rows, 'device');
  if (preview.problems.length > 0) {
    return (
      <>
        {devices} in the file;{' '}
        <strong>
          {howMany(preview.problems.length, 'problem')} — nothing will be imported until they are fixed
        </strong>
      </>
    );
  }
  if (preview.rows === 0) return <>The file has no devices in it.</>;
  return (
    <>
      {devices} {preview.rows === 1 ? 'is' : 'are'} ready to import
    </>
  );
}

/** Every problem, by line (the first few hundred, if there are more). */
function ProblemsTable({ problems }: { problems: readonly CsvProblemRow[] }) {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  return (
    <>
      {problems.length > shown.length ? (
        <p id="device-import-problems-shown">
          Showing the first {formatCount(shown.length)} of {formatCount(problems.length)} problems
        </p>
      ) : null}
      <ResponsiveTable
        id="device-import-problems"
        caption="Problems to fix in the file"
        captionSize="m"
        headings={['Line', 'Asset tag', 'Problem']}
      >
        {shown.map((problem, index) => (
          // A line may have several problems, and the list never changes order.
          <tr className="nhsuk-table__row" role="row" key={index} data-line={String(problem.line)}>
            <ResponsiveCell heading="Line">{problem.line}</ResponsiveCell>
            <ResponsiveCell heading="Asset tag">{problem.assetTag}</ResponsiveCell>
            <ResponsiveCell heading="Problem">{problem.message}</ResponsiveCell>
          </tr>
        ))}
      </ResponsiveTable>
    </>
  );
}

const labels = (options: readonly ChoiceOption[]) => options.map((option) => option.label).join(', ');

/** The columns a file may have, with the choices core accepts in each. */
function ImportColumns({ register }: { register: DeviceRegisterView }) {
  const statuses = register.statuses.filter((option) => option.value !== DISPOSED);
  const columns: [string, string][] = [
    ['asset_tag', 'Required. The label on the device, unique in the practice.'],
    ['type', `Required. One of: ${labels(register.kinds)}.`],
    ['ownership', `Required. ${labels(register.ownerships)}.`],
    ['make', 'The maker.'],
    ['model', 'The model.'],
    ['serial', 'The serial number.'],
    ['encrypted', `${labels(register.answers)}.`],
    ['encryption_method', 'For example BitLocker.'],
    ['operating_system', 'For example Windows 11.'],
    ['os_version', 'For example 23H2.'],
    ['vendor_supported', `Whether the maker still sends security updates: ${labels(register.answers)}.`],
    ['location', 'Where it is kept or used.'],
    ['asset_owner', "The information asset owner's login name or full name."],
    ['status', `One of: ${labels(statuses)}.`],
    ['purchase_date', 'YYYY-MM-DD or DD/MM/YYYY.'],
    ['notes', 'Anything else.'],
  ];
  return (
    <details className="nhsuk-details" id="device-import-columns" open>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">The columns</span>
      </summary>
      <div className="nhsuk-details__text">
        <p>
          Column names may have spaces and capitals (&ldquo;Asset tag&rdquo;), and may come in any order. An export from
          Custodian writes the same columns, plus holder and held_since, which an import ignores.
        </p>
        <dl className="nhsuk-summary-list" id="device-import-column-list">
          {columns.map(([name, meaning]) => (
            <div className="nhsuk-summary-list__row" key={name}>
              <dt className="nhsuk-summary-list__key custodian-monospace">{name}</dt>
              <dd className="nhsuk-summary-list__value">{meaning}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
