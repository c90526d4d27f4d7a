import { useWatch } from 'react-hook-form';
import { z } from 'zod';

import { NEW_PASSWORD_FIELD_IDS, NewPasswordFields } from '../session/NewPasswordFields';
import { useStatusMutation } from '../appStatus';
import { vaultCreate, type CreatedVault } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { Page } from '../shared/Page';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';

// Shape only: Rust checks the ODS code, the login rules and the password's strength.
const schema = z
  .object({
    practiceName: z.string().trim().min(1, 'Enter the practice name'),
    odsCode: z.string().trim().min(1, "Enter the practice's ODS code"),
    fullName: z.string().trim().min(1, 'Enter your full name'),
    login: z.string().trim().min(1, 'Enter a login name'),
    password: z.string().min(1, 'Enter a password'),
    confirmPassword: z.string().min(1, 'Type the password again'),
  })
  .refine((values) => values.password === values.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords do not match',
  });

const FIELD_IDS = {
  practiceName: 'practice-name',
  odsCode: 'ods-code',
  fullName: 'full-name',
  login: 'login',
  ...NEW_PASSWORD_FIELD_IDS,
} as const;

type CreateVaultFormProps = {
  defaultVaultFolder: string;
  onCreated: (created: CreatedVault) => void;
  onCancel: () => void;
};

/** Creates the practice's vault and its first person, who holds the password. */
export function CreateVaultForm({ defaultVaultFolder, onCreated, onCancel }: CreateVaultFormProps) {
  const form = useSchemaForm(schema, {
    practiceName: '',
    odsCode: '',
    fullName: '',
    login: '',
    password: '',
    confirmPassword: '',
  });
  const create = useStatusMutation(vaultCreate, onCreated);
  const [typedPracticeName, typedFullName, typedLogin, typedPassword] = useWatch({
    control: form.control,
    name: ['practiceName', 'fullName', 'login', 'password'],
  });
  const errors = formErrors(form.formState.errors, create.error, FIELD_IDS);

  const submit = form.handleSubmit(
    // The confirmation stays here: Rust never sees it.
    ({ practiceName, odsCode, fullName, login, password }) =>
      create.mutate({ practiceName, odsCode, fullName, login, password }),
    () => create.reset(),
  );

  return (
    <Page>
      <button type="button" className="nhsuk-back-link" onClick={onCancel}>
        Back
      </button>
      <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
      <h1>Create a practice vault</h1>
      <p>
        The vault is one encrypted file that holds all of the practice&apos;s records. It will be saved in{' '}
        <strong className="custodian-path">{defaultVaultFolder}</strong>.
      </p>

      <form onSubmit={submit} noValidate>
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
            <h2 className="nhsuk-fieldset__heading">About the practice</h2>
          </legend>
          <TextField
            id={FIELD_IDS.practiceName}
            label="Practice name"
            hint="For example, Riverside Surgery"
            error={errors.of('practiceName')}
            autoComplete="organization"
            registration={form.register('practiceName')}
          />
          <TextField
            id={FIELD_IDS.odsCode}
            label="ODS code"
            hint="3 to 6 letters and digits, e.g. B86001"
            error={errors.of('odsCode')}
            width={10}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            registration={form.register('odsCode')}
          />
        </fieldset>

        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
            <h2 className="nhsuk-fieldset__heading">About you</h2>
          </legend>
          <div className="nhsuk-hint">You will be the first person who can sign in. Other staff can be added later.</div>
          <TextField
            id={FIELD_IDS.fullName}
            label="Your full name"
            error={errors.of('fullName')}
            autoComplete="name"
            registration={form.register('fullName')}
          />
          <TextField
            id={FIELD_IDS.login}
            label="Login name"
            hint="What you will type to sign in, e.g. jsmith: letters, digits, dots, hyphens or underscores, starting with a letter"
            error={errors.of('login')}
            width={20}
            autoComplete="username"
            spellCheck={false}
            autoCapitalize="none"
            registration={form.register('login')}
          />
          <NewPasswordFields
            label="Password"
            confirmLabel="Type the password again"
            typed={typedPassword}
            context={[typedFullName, typedLogin, typedPracticeName]}
            errors={errors}
            register={form.register}
          />
        </fieldset>

        {create.isPending ? (
          <div className="nhsuk-inset-text" role="status">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>Creating the vault and protecting it with your password can take a few seconds…</p>
          </div>
        ) : null}
        <button type="submit" className="nhsuk-button" id="create-vault-submit" disabled={create.isPending}>
          Create vault
        </button>
      </form>
    </Page>
  );
}
