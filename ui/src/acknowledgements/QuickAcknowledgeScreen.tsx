import { z } from 'zod';

import { useSignedOutNotice, useStatusMutation } from '../appStatus';
import { sessionSignInToAcknowledge, type KnownVault } from '../ipc';
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

const FIELD_IDS = { login: 'quick-login', password: 'quick-password' } as const;

type QuickAcknowledgeScreenProps = {
  vault: KnownVault;
  /** Back to the ordinary sign-in. */
  onBack: () => void;
};

/**
 * Sign in on a shared computer (at reception, say) only to read and acknowledge the policies
 * waiting for you; the app signs you out when you finish.
 */
export function QuickAcknowledgeScreen({ vault, onBack }: QuickAcknowledgeScreenProps) {
  const form = useSchemaForm(schema, { login: '', password: '' });
  // Core marks the session acknowledge-only; the app then shows only the person's policies.
  const signIn = useStatusMutation(sessionSignInToAcknowledge);
  const { clear: clearNotice } = useSignedOutNotice();
  const errors = formErrors(form.formState.errors, signIn.error, FIELD_IDS);
  const damaged = signIn.error?.code === 'unusable_vault';

  const submit = form.handleSubmit(
    (request) => {
      clearNotice();
      signIn.mutate(request, { onError: () => form.resetField('password') });
    },
    () => signIn.reset(),
  );

  return (
    <Page>
      <ErrorSummary
        errors={errors.items}
        title={damaged ? 'The vault cannot be opened' : undefined}
        focusKey={form.formState.submitCount}
      />
      <h1>
        {vault.practiceName ? (
          <span className="nhsuk-caption-l">
            {vault.practiceName}
            <span className="nhsuk-u-visually-hidden"> – </span>
          </span>
        ) : null}
        Acknowledge policies
      </h1>
      <p>Sign in to read and acknowledge the policies waiting for you. You will be signed out when you finish.</p>
      {damaged ? <p>Go back to the ordinary sign-in to look for a backup of the vault.</p> : null}

      <form onSubmit={submit} noValidate>
        <SignInFields ids={FIELD_IDS} errorOf={errors.of} register={(field) => form.register(field)} />
        <button type="submit" className="nhsuk-button" id="quick-sign-in" disabled={signIn.isPending}>
          Sign in
        </button>
      </form>

      <p>
        <LinkButton id="quick-back" onClick={onBack}>
          Back to sign in
        </LinkButton>
      </p>
    </Page>
  );
}
