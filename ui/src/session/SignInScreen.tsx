import { useState } from 'react';
import { z } from 'zod';

import { useSignedOutNotice, useStatusMutation } from '../appStatus';
import { sessionSignIn, vaultForget, type KnownVault, type SignInRequest } from '../ipc';
import { BackupRecovery } from '../vault/BackupRecovery';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { Page } from '../shared/Page';
import { SignInFields } from '../shared/SignInFields';
import { useSchemaForm } from '../shared/useSchemaForm';

const schema = z.object({
  login: z.string().trim().min(1, 'Enter your login name'),
  password: z.string().min(1, 'Enter your password'),
});

const FIELD_IDS = { login: 'login', password: 'password' } as const;

type SignInScreenProps = {
  vault: KnownVault;
  /** Go to signing in with the recovery key. */
  onRecover: () => void;
  /** Go to the quick sign-in, only to acknowledge policies (a shared computer). */
  onQuickAcknowledge: () => void;
  /** Set once a quick sign-in has just finished: the person is thanked. */
  quickFinished?: boolean;
};

/** Sign in to the known vault with a login name and password. */
export function SignInScreen({ vault, onRecover, onQuickAcknowledge, quickFinished = false }: SignInScreenProps) {
  const form = useSchemaForm(schema, { login: '', password: '' });
  const signIn = useStatusMutation(sessionSignIn);
  const forget = useStatusMutation(vaultForget);
  const { notice, clear: clearNotice } = useSignedOutNotice();
  // When the vault cannot be opened: what was just typed, kept only to look for and restore a backup.
  const [damagedWith, setDamagedWith] = useState<SignInRequest | null>(null);
  const errors = formErrors(form.formState.errors, signIn.error ?? forget.error, FIELD_IDS);

  const submit = form.handleSubmit(
    (request) => {
      clearNotice();
      setDamagedWith(null);
      signIn.mutate(request, {
        onError: (error) => {
          if (error.code === 'unusable_vault') setDamagedWith(request);
          form.resetField('password');
        },
      });
    },
    () => signIn.reset(),
  );

  return (
    <Page>
      <ErrorSummary
        errors={errors.items}
        title={signIn.error?.code === 'unusable_vault' ? 'The vault cannot be opened' : undefined}
        focusKey={form.formState.submitCount}
      />
      {notice && !signIn.error ? (
        <div className="nhsuk-warning-callout" id="signed-out-notice" role="alert">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              You have been signed out
            </span>
          </h2>
          <p>{notice}</p>
        </div>
      ) : null}
      {quickFinished && !notice && !signIn.error ? (
        <div className="nhsuk-inset-text" id="quick-finished" role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>You have been signed out. Thank you.</p>
        </div>
      ) : null}
      <h1>
        <span className="nhsuk-caption-l">
          {vault.practiceName ?? fileName(vault.path)}
          <span className="nhsuk-u-visually-hidden"> – </span>
        </span>
        Sign in
      </h1>
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
        Vault file: <span className="custodian-path">{vault.path}</span>
      </p>

      {signIn.error?.code === 'unusable_vault' ? (
        <BackupRecovery credentials={damagedWith} onCredentialsUsed={() => setDamagedWith(null)} />
      ) : null}

      <form onSubmit={submit} noValidate>
        <SignInFields ids={FIELD_IDS} errorOf={errors.of} register={(field) => form.register(field)} />
        <button type="submit" className="nhsuk-button" id="sign-in-submit" disabled={signIn.isPending}>
          Sign in
        </button>
      </form>

      <ul className="nhsuk-list">
        <li>
          <LinkButton id="quick-acknowledge" onClick={onQuickAcknowledge}>
            Acknowledge policies (quick sign-in)
          </LinkButton>
        </li>
        <li>
          <LinkButton id="recover-start" onClick={onRecover}>
            Forgotten your password? Use the recovery key
          </LinkButton>
        </li>
        <li>
          <LinkButton id="use-other-vault" disabled={forget.isPending} onClick={() => forget.mutate()}>
            Use a different vault file
          </LinkButton>
        </li>
      </ul>
    </Page>
  );
}

/** The last part of a path, for a vault whose practice name is not known yet. */
function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}
