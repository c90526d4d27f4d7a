import { useMutation, useQueryClient } from '@tanstack/react-query';

import { peopleResetPassword, type OneTimePasswordShown, type PersonRow } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { LinkButton } from '../shared/LinkButton';
import { PEOPLE_KEY } from './usePeople';

type ResetPasswordConfirmProps = {
  person: PersonRow;
  onReset: (shown: OneTimePasswordShown) => void;
  onCancel: () => void;
};

/** Asks before giving someone a new one-time password: their current password stops working at once. */
export function ResetPasswordConfirm({ person, onReset, onCancel }: ResetPasswordConfirmProps) {
  const queryClient = useQueryClient();
  // gcTime 0: the one-time password in the answer is not kept in the mutation cache.
  const reset = useMutation({
    mutationFn: peopleResetPassword,
    gcTime: 0,
    onSuccess: async (shown) => {
      await queryClient.invalidateQueries({ queryKey: PEOPLE_KEY });
      onReset(shown);
    },
  });

  return (
    <>
      <button type="button" className="nhsuk-back-link" onClick={onCancel}>
        Back to the staff register
      </button>
      <ErrorSummary errors={reset.error ? [{ message: reset.error.message }] : []} focusKey={reset.submittedAt} />
      <h1>Give {person.fullName} a new one-time password?</h1>
      <p>Do this when {person.fullName} has forgotten their password.</p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        <li>Their current password stops working at once.</li>
        <li>You will be shown a one-time password to give them privately.</li>
        <li>When they sign in with it, they must choose their own password.</li>
      </ul>
      <div className="nhsuk-button-group">
        <button
          type="button"
          className="nhsuk-button nhsuk-button--warning"
          id="reset-password-confirm"
          disabled={reset.isPending}
          onClick={() => reset.mutate({ id: person.id })}
        >
          Reset the password
        </button>
        <LinkButton id="reset-password-cancel" onClick={onCancel}>
          Cancel
        </LinkButton>
      </div>
    </>
  );
}
