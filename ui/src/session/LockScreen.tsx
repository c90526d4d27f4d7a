import { z } from 'zod';

import { useStatusMutation } from '../appStatus';
import { sessionSignOut, sessionUnlock, type PersonInfo } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { Page } from '../shared/Page';
import { countOf } from '../shared/plural';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';

const schema = z.object({ password: z.string().min(1, 'Enter your password') });

const FIELD_IDS = { password: 'password' } as const;

type LockScreenProps = {
  /** The person whose session is locked. */
  person: PersonInfo;
  /** The idle time that locked the screen, when this window saw it happen. */
  idleMinutes: number | null;
};

/** The locked screen: only the signed-in person's password opens it again. */
export function LockScreen({ person, idleMinutes }: LockScreenProps) {
  const form = useSchemaForm(schema, { password: '' });
  const unlock = useStatusMutation(sessionUnlock);
  const signOut = useStatusMutation(sessionSignOut);
  const errors = formErrors(form.formState.errors, unlock.error ?? signOut.error, FIELD_IDS);

  const submit = form.handleSubmit(
    (request) => unlock.mutate(request, { onError: () => form.resetField('password') }),
    () => unlock.reset(),
  );

  return (
    <Page>
      <div id="lock-screen">
        <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
        <h1>Screen locked</h1>
        <p className="nhsuk-body-l">
          {idleMinutes === null
            ? 'The screen was locked.'
            : `Screen locked after ${countOf(idleMinutes, 'minute')} of inactivity.`}
        </p>
        <p>
          Signed in as <strong>{person.fullName}</strong> ({person.login}). Enter your password to carry on where you
          left off.
        </p>

        <form onSubmit={submit} noValidate>
          <TextField
            id={FIELD_IDS.password}
            type="password"
            label="Password"
            error={errors.of('password')}
            width={20}
            autoComplete="current-password"
            autoFocus
            registration={form.register('password')}
          />
          <button type="submit" className="nhsuk-button" id="unlock-submit" disabled={unlock.isPending}>
            Unlock
          </button>
        </form>

        <p>
          Not {person.fullName}?{' '}
          <LinkButton id="sign-out" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
            Sign out
          </LinkButton>
        </p>
      </div>
    </Page>
  );
}
