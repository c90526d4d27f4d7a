import { z } from 'zod';

import { useStatusMutation } from '../appStatus';
import { sessionRecover, type CommandError } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { Page } from '../shared/Page';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';

const schema = z.object({
  login: z.string().trim().min(1, 'Enter your login name'),
  recoveryKey: z.string().trim().min(1, 'Enter the recovery key'),
});

const FIELD_IDS = { login: 'login', recoveryKey: 'recovery-key' } as const;

type RecoverScreenProps = {
  /** Back to signing in with a password. */
  onBack: () => void;
};

/** Opens the vault with the printed recovery key, so a forgotten password can be replaced. */
export function RecoverScreen({ onBack }: RecoverScreenProps) {
  const form = useSchemaForm(schema, { login: '', recoveryKey: '' });
  const recover = useStatusMutation(sessionRecover);
  const errors = formErrors(form.formState.errors, onRecoveryKey(recover.error), FIELD_IDS);

  const submit = form.handleSubmit(
    (request) => recover.mutate(request),
    () => recover.reset(),
  );

  return (
    <Page>
      <button type="button" className="nhsuk-back-link" onClick={onBack}>
        Back to sign in
      </button>
      <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
      <h1>Use your recovery key</h1>
      <p>
        The recovery key was printed or written down when the practice vault was created. With it you can choose a new
        password.
      </p>

      <form onSubmit={submit} noValidate>
        <TextField
          id={FIELD_IDS.login}
          label="Login name"
          hint="The login whose password you have forgotten"
          error={errors.of('login')}
          width={20}
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          autoFocus
          registration={form.register('login')}
        />
        <TextField
          id={FIELD_IDS.recoveryKey}
          label="Recovery key"
          hint="Ten groups of four letters and digits. You can type it with or without the dashes."
          error={errors.of('recoveryKey')}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          inputClassName="custodian-monospace"
          registration={form.register('recoveryKey')}
        />
        <button type="submit" className="nhsuk-button" id="recover-submit" disabled={recover.isPending}>
          Continue
        </button>
      </form>
    </Page>
  );
}

/** A wrong key is about the key field, even when Rust names no field. */
function onRecoveryKey(error: CommandError | null): CommandError | null {
  if (error?.code !== 'wrong_recovery_key' || error.fields.length > 0) return error;
  return { ...error, fields: [{ field: 'recoveryKey', message: error.message }] };
}
