import { useWatch } from 'react-hook-form';
import { z } from 'zod';

import { useStatusMutation } from '../appStatus';
import { accountChoosePassword, type SessionInfo } from '../ipc';
import { SessionPage } from '../session/SessionPage';
import { usePasswordStrength } from '../session/usePasswordStrength';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { PasswordStrengthMeter } from '../shared/PasswordStrengthMeter';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';

const schema = z
  .object({
    password: z.string().min(1, 'Enter a password'),
    confirmPassword: z.string().min(1, 'Type the password again'),
  })
  .refine((values) => values.password === values.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords do not match',
  });

const FIELD_IDS = { password: 'password', confirmPassword: 'confirm-password' } as const;

/** First sign-in with a one-time password: the person chooses their own before anything else. */
export function ChoosePasswordScreen({ session }: { session: SessionInfo }) {
  const { person } = session;
  const form = useSchemaForm(schema, { password: '', confirmPassword: '' });
  const choose = useStatusMutation(accountChoosePassword);
  const password = useWatch({ control: form.control, name: 'password' });
  const strength = usePasswordStrength(password, [person.fullName, person.login, session.practiceName]);
  const errors = formErrors(form.formState.errors, choose.error, FIELD_IDS);

  const submit = form.handleSubmit(
    ({ password: chosen }) => choose.mutate({ password: chosen }),
    () => choose.reset(),
  );

  return (
    <SessionPage session={session}>
      <div id="choose-password-screen">
        <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
        <h1>Choose your own password</h1>
        <p>
          You signed in with a one-time password. Choose your own password now: only you should know it. The one-time
          password will then stop working.
        </p>

        <form onSubmit={submit} noValidate>
          <TextField
            id={FIELD_IDS.password}
            type="password"
            label="Your new password"
            hint="At least 10 characters. Three random words work well, e.g. kettle orbit lantern."
            error={errors.of('password')}
            width={20}
            autoComplete="new-password"
            autoFocus
            registration={form.register('password')}
          />
          <PasswordStrengthMeter id="password-strength" strength={strength} />
          <TextField
            id={FIELD_IDS.confirmPassword}
            type="password"
            label="Type the password again"
            error={errors.of('confirmPassword')}
            width={20}
            autoComplete="new-password"
            registration={form.register('confirmPassword')}
          />
          <button type="submit" className="nhsuk-button" id="choose-password-submit" disabled={choose.isPending}>
            Save password
          </button>
        </form>
        <p>You cannot use Custodian until you have chosen your own password. To stop now, sign out at the top of the screen.</p>
      </div>
    </SessionPage>
  );
}
