import { z } from 'zod';

import { useStatusMutation } from '../appStatus';
import { sessionSignOut, vaultConfirmRecoveryKey, type CommandError, type CreatedVault } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { Page } from '../shared/Page';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { RecoveryKeyCard } from './RecoveryKeyCard';

const schema = z.object({
  lastGroup: z.string().trim().min(1, 'Type the last 4 characters of the recovery key'),
});

const FIELD_IDS = { lastGroup: 'last-group' } as const;

type RecoveryKeyScreenProps = {
  /** The vault just created, with its key; `null` if the key is no longer in memory (the window was reloaded). */
  created: CreatedVault | null;
  /** Called once the key is confirmed, so the key can be dropped from memory. */
  onConfirmed: () => void;
};

/** Shows the recovery key once, asks for it to be kept, and checks the last group was copied. */
export function RecoveryKeyScreen({ created, onConfirmed }: RecoveryKeyScreenProps) {
  const form = useSchemaForm(schema, { lastGroup: '' });
  const confirm = useStatusMutation(vaultConfirmRecoveryKey, onConfirmed);
  const signOut = useStatusMutation(sessionSignOut);
  const errors = formErrors(form.formState.errors, onLastGroup(confirm.error) ?? signOut.error, FIELD_IDS);

  const submit = form.handleSubmit(
    (request) => confirm.mutate(request),
    () => confirm.reset(),
  );

  return (
    <Page>
      <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
      {created ? (
        <>
          <h1>Keep your recovery key safe</h1>
          <p>
            The practice vault has been created and saved as <strong className="custodian-path">{created.vaultPath}</strong>.
          </p>
          <RecoveryKeyCard recoveryKey={created.recoveryKey} keyId="recovery-key-display" vaultPath={created.vaultPath} />
        </>
      ) : (
        <>
          <h1>Confirm your recovery key</h1>
          <div className="nhsuk-warning-callout">
            <h2 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>
                The recovery key cannot be shown again
              </span>
            </h2>
            <p>
              It was shown once, when the vault was created, and Custodian was restarted before you confirmed that you
              had kept it.
            </p>
            <p>
              If you printed it or wrote it down, type its last 4 characters below. If you did not keep it, sign out: you
              can still sign in with your password.
            </p>
          </div>
        </>
      )}

      <form onSubmit={submit} noValidate>
        <h2 className="nhsuk-heading-m">Check that you have kept it</h2>
        <TextField
          id={FIELD_IDS.lastGroup}
          label="Type the last 4 characters of the recovery key"
          hint="The group after the last dash"
          error={errors.of('lastGroup')}
          width={4}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          registration={form.register('lastGroup')}
        />
        <div className="nhsuk-button-group">
          <button type="submit" className="nhsuk-button" id="confirm-recovery-key" disabled={confirm.isPending}>
            I have kept it
          </button>
          {created ? null : (
            <LinkButton id="recovery-key-sign-out" onClick={() => signOut.mutate()}>
              Sign out
            </LinkButton>
          )}
        </div>
      </form>
    </Page>
  );
}

/** A mismatch is about the typed group, even when Rust names no field. */
function onLastGroup(error: CommandError | null): CommandError | null {
  if (error?.code !== 'recovery_key_mismatch' || error.fields.length > 0) return error;
  return { ...error, fields: [{ field: 'lastGroup', message: error.message }] };
}
