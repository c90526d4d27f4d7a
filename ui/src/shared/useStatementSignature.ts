import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';

import type { CommandError } from '../ipc';
import { formErrors } from './formErrors';
import { EMPTY_SIGNATURE, signatureFieldIds, signatureSchema } from './StatementSignature';
import { useSchemaForm } from './useSchemaForm';

/** What a signature adds to a request: the password typed again and the tick. */
export type Signature = { password: string; confirmed: boolean };

type StatementSignatureOptions<Signed> = {
  /** As given to `StatementSignature`: the fields' ids start with it. */
  idPrefix: string;
  /** Sends the signature with whatever the request also needs. */
  sign: (signature: Signature) => Promise<Signed>;
  /** Signed; the form is already emptied. Awaited, so a refresh can finish first. */
  onSigned: (signed: Signed) => void | Promise<void>;
  /** The signature is on its way. */
  onStarted?: () => void;
};

/**
 * The form behind a `StatementSignature`: the tick and password checked by `signatureSchema`, the
 * signing command, and the errors of both for the error summary and the fields. The password is
 * never kept: the form forgets it after each attempt and the command's variables are reset.
 *
 * Spread `fields` into `StatementSignature`; give `errors.items`, `focusKey` to the `ErrorSummary`.
 */
export function useStatementSignature<Signed>({ idPrefix, sign, onSigned, onStarted }: StatementSignatureOptions<Signed>) {
  const form = useSchemaForm(signatureSchema, EMPTY_SIGNATURE);
  // The error is kept apart so the mutation (whose variables hold the password) can be reset at once.
  const [failure, setFailure] = useState<CommandError | null>(null);
  const mutation = useMutation({
    mutationFn: sign,
    gcTime: 0,
    onMutate: () => {
      setFailure(null);
      onStarted?.();
    },
    onError: (error) => setFailure(error),
  });
  const errors = formErrors(form.formState.errors, failure, signatureFieldIds(idPrefix));

  const onSubmit = form.handleSubmit(
    ({ confirmed, currentPassword }) =>
      mutation.mutate(
        { password: currentPassword, confirmed },
        {
          onSuccess: async (signed) => {
            form.reset(EMPTY_SIGNATURE);
            await onSigned(signed);
          },
          onError: () => form.resetField('currentPassword'),
          onSettled: () => mutation.reset(),
        },
      ),
    () => setFailure(null),
  );

  return {
    /** What Rust said of the last attempt, if it failed. */
    failure,
    errors,
    /** Moves focus to the error summary after each submit. */
    focusKey: form.formState.submitCount,
    fields: {
      idPrefix,
      confirmError: errors.of('confirmed'),
      passwordError: errors.of('currentPassword'),
      confirmRegistration: form.register('confirmed'),
      passwordRegistration: form.register('currentPassword'),
      pending: mutation.isPending,
      onSubmit,
    },
  };
}
