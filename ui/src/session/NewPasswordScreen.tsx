import { useWatch } from 'react-hook-form';
import { z } from 'zod';

import { useStatusMutation } from '../appStatus';
import { sessionSetNewPassword, sessionSignOut, type PersonInfo } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { Page } from '../shared/Page';
import { PasswordStrengthMeter } from '../shared/PasswordStrengthMeter';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { usePasswordStrength } from './usePasswordStrength';

const schema = z
  .object({
    password: z.string().min(1, 'Enter a new password'),
    confirmPassword: z.string().min(1, 'Type the new password again'),
  })
  .refine((values) => values.password === values.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords do not match',
  });

const FIELD_IDS = { password: 'password', confirmPassword: 'confirm-password' } as const;

type NewPasswordScreenProps = {
  /** Whose password is being replaced. */
  person: PersonInfo;
  /** The practice name, when known, so the password does not lean on it. */
  practiceName: string | null;
};

/** After signing in with the recovery key: choose a new password. */
export function NewPasswordScreen({ person, practiceName }: NewPasswordScreenProps) {
  const form = useSchemaForm(schema, { password: '', confirmPassword: '' });
  const save = useStatusMutation(sessionSetNewPassword);
  const cancel = useStatusMutation(sessionSignOut);
  const password = useWatch({ control: form.control, name: 'password' });
  const strength = usePasswordStrength(password, [person.fullName, person.login, practiceName ?? '']);
  const errors = formErrors(form.formState.errors, save.error ?? cancel.error, FIELD_IDS);

  const submit = form.handleSubmit(
    ({ password: newPassword }) => save.mutate({ password: newPassword }),
    () => save.reset(),
  );

  return (
    <Page>
      <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
      <h1>Choose a new password</h1>
      <p>
        For <strong>{person.fullName}</strong> ({person.login}). Your old password will no longer work.
      </p>

      <form onSubmit={submit} noValidate>
        <TextField
          id={FIELD_IDS.password}
          type="password"
          label="New password"
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
          label="Type the new password again"
          error={errors.of('confirmPassword')}
          width={20}
          autoComplete="new-password"
          registration={form.register('confirmPassword')}
        />
        <div className="nhsuk-button-group">
          <button type="submit" className="nhsuk-button" id="new-password-submit" disabled={save.isPending}>
            Save new password
          </button>
          <LinkButton id="cancel-new-password" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
            Cancel and sign out
          </LinkButton>
        </div>
      </form>
    </Page>
  );
}
