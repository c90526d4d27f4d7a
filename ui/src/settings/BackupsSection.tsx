import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { SESSION_KEY } from '../appStatus';
import { settingsBackups, settingsSetBackups, type BackupSettingsView } from '../ipc';
import { formatDay } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { countOf } from '../shared/plural';
import { LoadFailed, Loading } from '../shared/QueryState';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';

const BACKUPS_KEY = [...SESSION_KEY, 'settings_backups'] as const;

// Shape only: Rust checks the folder and the allowed range (1 to 365).
const schema = z.object({
  folder: z.string().trim(),
  kept: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, 'Enter how many backups to keep as a whole number, from 1 to 365'),
});

const FIELD_IDS = { folder: 'backup-folder', kept: 'backups-kept' } as const;

/** Where the daily backups go, how many are kept, and the backups there now. */
export function BackupsSection() {
  const backups = useQuery({ queryKey: BACKUPS_KEY, queryFn: settingsBackups });
  return (
    <section aria-labelledby="backups-heading">
      <h2 id="backups-heading">Backups</h2>
      <p>
        Custodian keeps an encrypted copy of the vault each day. A backup opens with the passwords that worked on its
        day.
      </p>
      {backups.isPending ? (
        <Loading>Loading the backup settings…</Loading>
      ) : backups.isError ? (
        <LoadFailed title="The backup settings cannot be shown" error={backups.error} onRetry={() => void backups.refetch()} />
      ) : (
        <>
          <BackupSettingsForm view={backups.data} />
          <BackupList view={backups.data} />
        </>
      )}
    </section>
  );
}

function BackupSettingsForm({ view }: { view: BackupSettingsView }) {
  const queryClient = useQueryClient();
  const form = useSchemaForm(schema, { folder: view.folder ?? '', kept: String(view.kept) });
  const save = useMutation({
    mutationFn: settingsSetBackups,
    onSuccess: (saved) => {
      queryClient.setQueryData(BACKUPS_KEY, saved);
      form.reset({ folder: saved.folder ?? '', kept: String(saved.kept) });
    },
  });
  const errors = formErrors(form.formState.errors, save.error, FIELD_IDS);

  const submit = form.handleSubmit(
    ({ folder, kept }) => save.mutate({ folder: folder === '' ? null : folder, kept: Number(kept) }),
    () => save.reset(),
  );

  return (
    <>
      <ErrorSummary id="backups-error-summary" errors={errors.items} focusKey={form.formState.submitCount} />
      <form onSubmit={submit} noValidate>
        <TextField
          id={FIELD_IDS.folder}
          label="Backup folder"
          hint={
            <>
              The full path of a folder, for example on another drive. Leave it empty to use the default folder:{' '}
              <span className="custodian-path">{view.defaultFolder}</span>
            </>
          }
          error={errors.of('folder')}
          autoComplete="off"
          spellCheck={false}
          inputClassName="custodian-path"
          registration={form.register('folder')}
        />
        <TextField
          id={FIELD_IDS.kept}
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          step={1}
          label="How many daily backups to keep"
          hint="From 1 to 365. The oldest is removed when a new one is made."
          error={errors.of('kept')}
          width={3}
          registration={form.register('kept')}
        />
        <p id="backups-current" role="status">
          {save.isSuccess ? 'Saved. ' : ''}
          Custodian keeps {countOf(view.kept, 'daily backup')} in{' '}
          <span className="custodian-path">{view.folder ?? view.defaultFolder}</span>.
        </p>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary" id="save-backups" disabled={save.isPending}>
          Save backup settings
        </button>
      </form>
    </>
  );
}

function BackupList({ view }: { view: BackupSettingsView }) {
  if (view.backups.length === 0) {
    return (
      <div className="nhsuk-inset-text" id="backup-list">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>There are no backups in this folder yet. The first is made the next time something is saved.</p>
      </div>
    );
  }
  return (
    <table className="nhsuk-table" id="backup-list">
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">Backups there now, newest first</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className="nhsuk-table__header">
            Day
          </th>
          <th scope="col" className="nhsuk-table__header">
            File
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {view.backups.map((backup) => (
          <tr className="nhsuk-table__row" key={backup.path}>
            <td className="nhsuk-table__cell">{formatDay(backup.date)}</td>
            <td className="nhsuk-table__cell custodian-path">{backup.path}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
