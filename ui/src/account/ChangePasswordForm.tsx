import { useWatch } from 'react-hook-form';
import { z } from 'zod';

import { useStatusMutation } from '../appStatus';
import { accountChangePassword, type SessionInfo } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { NEW_PASSWORD_FIELD_IDS, NewPasswordFields } from '../session/NewPasswordFields';

const schema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password'),
    password: z.string().min(1, 'Enter a new password'),
    confirmPassword: z.string().min(1, 'Type the new password again'),
  })
  .refine((values) => values.password === values.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords do not match',
  });

// Rust reports a weak new password under `password`, a wrong current one under `currentPassword`.
const FIELD_IDS = { currentPassword: 'current-password', ...NEW_PASSWORD_FIELD_IDS } as const;

const EMPTY = { currentPassword: '', password: '', confirmPassword: '' };

/** Changes the signed-in person's own password, after their current one. */
export function ChangePasswordForm({ session }: { session: SessionInfo }) {
  const form = useSchemaForm(schema, EMPTY);
  const change = useStatusMutation(accountChangePassword, () => form.reset(EMPTY));
  const password = useWatch({ control: form.control, name: 'password' });
  const errors = formErrors(form.formState.errors, change.error, FIELD_IDS);

  const submit = form.handleSubmit(
    ({ currentPassword, password: newPassword }) =>
      change.mutate({ currentPassword, newPassword }, { onError: () => form.resetField('currentPassword') }),
    () => change.reset(),
  );

  return (
    <section aria-labelledby="change-password-heading">
      <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
      <h2 id="change-password-heading">Change your password</h2>
      {change.isSuccess ? (
        <div className="nhsuk-inset-text" id="password-changed" role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>Your password has been changed. Use the new one from now on.</p>
        </div>
      ) : null}
      <form onSubmit={submit} noValidate>
        <TextField
          id={FIELD_IDS.currentPassword}
          type="password"
          label="Current password"
          error={errors.of('currentPassword')}
          width={20}
          autoComplete="current-password"
          registration={form.register('currentPassword')}
        />
        <NewPasswordFields
          label="New password"
          confirmLabel="Type the new password again"
          typed={password}
          context={[session.person.fullName, session.person.login, session.practiceName]}
          errors={errors}
          register={form.register}
        />
        <button type="submit" className="nhsuk-button" id="change-password-submit" disabled={change.isPending}>
          Change password
        </button>
      </form>
    </section>
  );
}
