import { useWatch } from 'react-hook-form';
import { z } from 'zod';

import { useStatusMutation } from '../appStatus';
import { accountChoosePassword, type SessionInfo } from '../ipc';
import { SessionPage } from '../session/SessionPage';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { useSchemaForm } from '../shared/useSchemaForm';
import { NEW_PASSWORD_FIELD_IDS, NewPasswordFields } from '../session/NewPasswordFields';

const schema = z
  .object({
    password: z.string().min(1, 'Enter a password'),
    confirmPassword: z.string().min(1, 'Type the password again'),
  })
  .refine((values) => values.password === values.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords do not match',
  });

const FIELD_IDS = NEW_PASSWORD_FIELD_IDS;

/** First sign-in with a one-time password: the person chooses their own before anything else. */
export function ChoosePasswordScreen({ session }: { session: SessionInfo }) {
  const { person } = session;
  const form = useSchemaForm(schema, { password: '', confirmPassword: '' });
  const choose = useStatusMutation(accountChoosePassword);
  const password = useWatch({ control: form.control, name: 'password' });
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
          <NewPasswordFields
            label="Your new password"
            confirmLabel="Type the password again"
            typed={password}
            context={[person.fullName, person.login, session.practiceName]}
            errors={errors}
            register={form.register}
            autoFocus
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
