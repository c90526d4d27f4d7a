import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';

import { APP_STATUS_KEY, noteSignedOut, SESSION_KEY, useStatusMutation } from '../appStatus';
import {
  backupRestore,
  settingsBackups,
  settingsSetBackups,
  type AppStatus,
  type BackupRow,
  type BackupSettingsView,
  type CommandError,
  type SessionInfo,
} from '../ipc';
import { formatDay } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { countOf } from '../shared/plural';
import { LoadFailed, Loading } from '../shared/QueryState';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { RestoreConfirm } from './RestoreConfirm';

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

/**
 * Where the daily backups go, how many are kept, and the backups there now; a practice manager
 * may restore one of them over the vault.
 */
export function BackupsSection({ session }: { session: SessionInfo }) {
  const queryClient = useQueryClient();
  const backups = useQuery({ queryKey: BACKUPS_KEY, queryFn: settingsBackups });
  // Owned here, not by the confirmation, so its callbacks run even as the confirmation closes.
  const restore = useStatusMutation(backupRestore);
  const [chosen, setChosen] = useState<BackupRow | null>(null);
  const [restored, setRestored] = useState<BackupRow | null>(null);
  const canRestore = session.permissions.manageVault;

  const restoreChosen = (password: string) => {
    if (!chosen) return;
    const backup = chosen;
    setRestored(null);
    restore.mutate(
      { path: backup.path, login: session.person.login, password },
      {
        onSuccess: () => {
          setChosen(null);
          setRestored(backup);
          // Nothing read from the replaced vault is shown again: every record is read afresh.
          void queryClient.resetQueries({ queryKey: SESSION_KEY });
          // Forget the password the request carried.
          restore.reset();
        },
        onError: (error) => void followFailedRestore(queryClient, error, backup),
      },
    );
  };

  return (
    <section aria-labelledby="backups-heading">
      {restored ? <RestoredNotice backup={restored} /> : null}
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
          <BackupList view={backups.data} onRestore={canRestore ? setChosen : null} restoring={restore.isPending} />
          {chosen && canRestore ? (
            <RestoreConfirm
              key={chosen.path}
              backup={chosen}
              restoring={restore.isPending}
              error={restore.error}
              submittedAt={restore.submittedAt}
              onConfirm={restoreChosen}
              onInvalid={() => restore.reset()}
              onCancel={() => {
                setChosen(null);
                restore.reset();
              }}
            />
          ) : null}
        </>
      )}
    </section>
  );
}

/**
 * Rust signs the person out before it opens the backup, so a restore that fails may leave nobody
 * signed in. The app status is read again; if the person was signed out, the sign-in screen says why.
 */
async function followFailedRestore(queryClient: QueryClient, error: CommandError, backup: BackupRow) {
  await queryClient.invalidateQueries({ queryKey: APP_STATUS_KEY });
  const status = queryClient.getQueryData<AppStatus>(APP_STATUS_KEY);
  if (!status || status.session) return;
  noteSignedOut(
    queryClient,
    `The backup of ${formatDay(backup.date)} was not restored (${error.message.replace(/\.$/, '')}), and you were ` +
      'signed out while Custodian tried it. Sign in again to carry on.',
  );
}

/** Says that the vault now holds the backup, and what that means for everyone else. */
function RestoredNotice({ backup }: { backup: BackupRow }) {
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => banner.current?.focus(), []);
  const day = formatDay(backup.date);
  return (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success"
      id="restore-done"
      role="alert"
      aria-labelledby="restore-done-title"
      tabIndex={-1}
      ref={banner}
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="restore-done-title">
          Success
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <h3 className="nhsuk-notification-banner__heading">The vault was restored from the backup of {day}</h3>
        <p className="nhsuk-body">
          You are signed in to the restored vault. The file it replaced is kept in the backups folder. Tell the rest of
          the practice: anything saved after the backup of {day} was made has to be entered again.
        </p>
      </div>
    </div>
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

type BackupListProps = {
  view: BackupSettingsView;
  /** Asks to restore a backup; `null` for someone who may not restore. */
  onRestore: ((backup: BackupRow) => void) | null;
  restoring: boolean;
};

function BackupList({ view, onRestore, restoring }: BackupListProps) {
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
          {onRestore ? (
            <th scope="col" className="nhsuk-table__header">
              <span className="nhsuk-u-visually-hidden">Action</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {view.backups.map((backup) => (
          <tr className="nhsuk-table__row" key={backup.path}>
            <td className="nhsuk-table__cell">{formatDay(backup.date)}</td>
            <td className="nhsuk-table__cell custodian-path">{backup.path}</td>
            {onRestore ? (
              <td className="nhsuk-table__cell">
                <button
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                  id={`restore-${backup.date}`}
                  disabled={restoring}
                  onClick={() => onRestore(backup)}
                >
                  Restore{' '}
                  <span className="nhsuk-u-visually-hidden">the backup of {formatDay(backup.date)}</span>
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
