import { useEffect, useRef } from 'react';
import { z } from 'zod';

import type { BackupRow, CommandError } from '../ipc';
import { formatDay } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';

const schema = z.object({ password: z.string().min(1, 'Enter your password') });

const FIELD_IDS = { password: 'restore-password' } as const;

type RestoreConfirmProps = {
  backup: BackupRow;
  restoring: boolean;
  /** Why the last attempt failed, if it did. */
  error: CommandError | null;
  /** When the last attempt was made: a new one moves focus to its errors again. */
  submittedAt: number;
  /** Restores with the signed-in person's login and this password. */
  onConfirm: (password: string) => void;
  /** The form itself found a problem: forget the last attempt's. */
  onInvalid: () => void;
  onCancel: () => void;
};

/** Says what restoring a backup does to the vault and to everyone's work, and asks for the password. */
export function RestoreConfirm({ backup, restoring, error, submittedAt, onConfirm, onInvalid, onCancel }: RestoreConfirmProps) {
  const day = formatDay(backup.date);
  const form = useSchemaForm(schema, { password: '' });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  // The login is the signed-in person's, so a wrong login or password means the password.
  const problem: CommandError | null =
    error?.code === 'wrong_password'
      ? {
          ...error,
          fields: [
            { field: 'password', message: `This password does not open the backup of ${day}. Enter the password you had that day.` },
          ],
        }
      : error;
  const errors = formErrors(form.formState.errors, problem, FIELD_IDS);

  const submit = form.handleSubmit(({ password }) => {
    onConfirm(password);
    // The password is not kept in the form once sent.
    form.reset({ password: '' });
  }, onInvalid);

  return (
    <section className="nhsuk-card" id="restore-confirm-panel" aria-labelledby="restore-confirm-heading">
      <div className="nhsuk-card__content">
        <ErrorSummary
          id="restore-error-summary"
          title="The backup was not restored"
          errors={errors.items}
          focusKey={`${form.formState.submitCount}:${submittedAt}`}
        />
        <h3 className="nhsuk-card__heading" id="restore-confirm-heading" tabIndex={-1} ref={heading}>
          Restore the backup of {day}?
        </h3>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>
            The vault will be replaced by the backup of {day}: the practice&apos;s records go back to how they were
            that day.
          </li>
          <li>
            The current vault file is <strong>not deleted</strong>. It is kept, renamed, in the backups folder.
          </li>
          <li>
            <strong>Everything saved since the backup was made is lost from the live vault</strong>, by you and by
            everyone else at the practice. It stays only in the kept file, and has to be entered again.
          </li>
          <li>You will be signed in to the restored vault.</li>
        </ul>
        <p className="nhsuk-body-s custodian-path">File: {backup.path}</p>
        <form onSubmit={submit} noValidate>
          <TextField
            id={FIELD_IDS.password}
            type="password"
            label="Your password"
            hint={`The password you had on ${day}: a backup opens only with the passwords that worked on its day.`}
            error={errors.of('password')}
            width={20}
            autoComplete="current-password"
            registration={form.register('password')}
          />
          <div className="nhsuk-button-group">
            <button type="submit" className="nhsuk-button nhsuk-button--warning" id="restore-confirm" disabled={restoring}>
              {restoring ? 'Restoring the backup…' : 'Replace the vault with this backup'}
            </button>
            <LinkButton id="restore-cancel" disabled={restoring} onClick={onCancel}>
              Cancel
            </LinkButton>
          </div>
        </form>
      </div>
    </section>
  );
}
