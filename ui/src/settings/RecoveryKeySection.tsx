import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';

import { accountRegenerateRecoveryKey, type SessionInfo } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { RecoveryKeyCard } from '../vault/RecoveryKeyCard';

const schema = z.object({ currentPassword: z.string().min(1, 'Enter your password') });

const FIELD_IDS = { currentPassword: 'current-password-recovery' } as const;

/** Replaces the practice's recovery key after the manager's password; shows the new key once. */
export function RecoveryKeySection({ session }: { session: SessionInfo }) {
  const form = useSchemaForm(schema, { currentPassword: '' });
  // gcTime 0: the new key is not kept in the mutation cache once this section is gone.
  const regenerate = useMutation({ mutationFn: accountRegenerateRecoveryKey, gcTime: 0 });
  const errors = formErrors(form.formState.errors, regenerate.error, FIELD_IDS);

  const submit = form.handleSubmit(
    (request) => regenerate.mutate(request, { onSettled: () => form.reset({ currentPassword: '' }) }),
    () => regenerate.reset(),
  );

  return (
    <section aria-labelledby="recovery-key-heading">
      <h2 id="recovery-key-heading">Recovery key</h2>
      {regenerate.data ? (
        <>
          <p>
            The recovery key has been replaced. <strong>The old key no longer opens the vault</strong>: destroy any
            printed or written copy of it.
          </p>
          <RecoveryKeyCard recoveryKey={regenerate.data.recoveryKey} keyId="new-recovery-key" vaultPath={session.vaultPath} />
          <p>
            <button
              type="button"
              className="nhsuk-button"
              id="new-recovery-key-done"
              onClick={() => regenerate.reset()}
            >
              I have kept the new key
            </button>
          </p>
        </>
      ) : (
        <>
          <ErrorSummary id="recovery-key-error-summary" errors={errors.items} focusKey={form.formState.submitCount} />
          <p>
            If the printed recovery key is lost, or someone who should not have it may have seen it, replace it. The
            current key stops working at once, and the new one is shown once.
          </p>
          <form onSubmit={submit} noValidate>
            <TextField
              id={FIELD_IDS.currentPassword}
              type="password"
              label="Your password"
              hint="To check it is you"
              error={errors.of('currentPassword')}
              width={20}
              autoComplete="current-password"
              registration={form.register('currentPassword')}
            />
            <button
              type="submit"
              className="nhsuk-button nhsuk-button--warning"
              id="regenerate-recovery-key"
              disabled={regenerate.isPending}
            >
              Replace the recovery key
            </button>
          </form>
        </>
      )}
    </section>
  );
}
