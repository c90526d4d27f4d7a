import { z } from 'zod';

import { useStatusMutation } from '../appStatus';
import { settingsSetIdleLock, type SessionInfo } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { countOf } from '../shared/plural';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';

// Shape only: Rust decides the allowed range (1 to 60).
const schema = z.object({
  minutes: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, 'Enter the number of minutes as a whole number, from 1 to 60'),
});

const FIELD_IDS = { minutes: 'idle-minutes' } as const;

/** How long the screen waits before it locks: shown to everyone, changed by those who may. */
export function IdleLockSection({ session }: { session: SessionInfo }) {
  return (
    <section aria-labelledby="idle-lock-heading">
      <h2 id="idle-lock-heading">Screen lock</h2>
      {session.permissions.changeSettings ? (
        <IdleLockForm session={session} />
      ) : (
        <p id="idle-minutes-current">
          The screen locks after {countOf(session.idleLockMinutes, 'minute')} of inactivity. Ask a practice manager if
          this should change.
        </p>
      )}
    </section>
  );
}

function IdleLockForm({ session }: { session: SessionInfo }) {
  const form = useSchemaForm(schema, { minutes: String(session.idleLockMinutes) });
  const save = useStatusMutation(settingsSetIdleLock, (saved) => form.reset({ minutes: String(saved.idleLockMinutes) }));
  const errors = formErrors(form.formState.errors, save.error, FIELD_IDS);

  const submit = form.handleSubmit(
    (values) => save.mutate({ minutes: Number(values.minutes) }),
    () => save.reset(),
  );

  return (
    <>
      <ErrorSummary id="idle-lock-error-summary" errors={errors.items} focusKey={form.formState.submitCount} />
      <form onSubmit={submit} noValidate>
        <TextField
          id={FIELD_IDS.minutes}
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          step={1}
          label="Lock the screen after this many minutes of inactivity"
          hint="From 1 to 60 minutes"
          error={errors.of('minutes')}
          width={3}
          registration={form.register('minutes')}
        />
        <p id="idle-minutes-current" role="status">
          {save.isSuccess ? 'Saved. ' : ''}
          The screen locks after {countOf(session.idleLockMinutes, 'minute')} of inactivity.
        </p>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary" id="save-idle-minutes" disabled={save.isPending}>
          Save
        </button>
      </form>
    </>
  );
}
