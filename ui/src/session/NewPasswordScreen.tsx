import { useWatch } from 'react-hook-form';
import { z } from 'zod';

import { NEW_PASSWORD_FIELD_IDS, NewPasswordFields } from './NewPasswordFields';
import { useStatusMutation } from '../appStatus';
import { sessionSetNewPassword, sessionSignOut, type PersonInfo } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { Page } from '../shared/Page';
import { useSchemaForm } from '../shared/useSchemaForm';

const schema = z
  .object({
    password: z.string().min(1, 'Enter a new password'),
    confirmPassword: z.string().min(1, 'Type the new password again'),
  })
  .refine((values) => values.password === values.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords do not match',
  });

const FIELD_IDS = NEW_PASSWORD_FIELD_IDS;

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
        <NewPasswordFields
          label="New password"
          confirmLabel="Type the new password again"
          typed={password}
          context={[person.fullName, person.login, practiceName ?? '']}
          errors={errors}
          register={form.register}
          autoFocus
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
