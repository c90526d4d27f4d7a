import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';

import { disposalCheck, type CommandError, type DisposalRow, type SignRequest } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { LoadFailed, Loading } from '../shared/QueryState';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { CertificateOutcome, useCertificateOpener } from './CertificateOpener';
import { DisposalDetails } from './DisposalDetails';
import { disposalName } from './labels';
import { useCheckStatement, useRefreshAfterDisposalChange } from './useDisposals';

const schema = z.object({
  confirmed: z.boolean().refine((confirmed) => confirmed, 'Tick to confirm the statement'),
  currentPassword: z.string().min(1, 'Enter your password'),
});

// Rust reports an unticked confirmation under `confirmed`, a wrong password under `currentPassword`.
const FIELD_IDS = { confirmed: 'disposal-check-confirm', currentPassword: 'disposal-check-password' } as const;

const EMPTY = { confirmed: false, currentPassword: '' };

type CheckPanelProps = {
  disposal: DisposalRow;
  onCancel: () => void;
  /** Signed: the disposal as it now stands. */
  onChecked: (row: DisposalRow) => void;
};

/**
 * The IG lead or SIRO checks a disposal against its record and certificate, then signs the
 * statement core wrote with their password.
 */
export function CheckPanel({ disposal, onCancel, onChecked }: CheckPanelProps) {
  const statement = useCheckStatement(disposal.id);
  const certificate = useCertificateOpener();

  function content() {
    if (statement.isPending) return <Loading>Loading the statement to sign…</Loading>;
    if (statement.isError) {
      if (statement.error.code === 'refused' || statement.error.code === 'forbidden') {
        return (
          <>
            <div className="nhsuk-inset-text" id="disposal-check-refused">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>{statement.error.message}</p>
            </div>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              id="disposal-check-cancel"
              onClick={onCancel}
            >
              Back to the disposal log
            </button>
          </>
        );
      }
      return (
        <LoadFailed title="The statement cannot be shown" error={statement.error} onRetry={() => void statement.refetch()} />
      );
    }
    return (
      <CheckForm disposal={disposal} statement={statement.data.statement} onCancel={onCancel} onChecked={onChecked} />
    );
  }

  return (
    <>
      <button type="button" className="nhsuk-back-link" onClick={onCancel}>
        Back to the disposal log
      </button>
      <h1>Check and sign {disposalName(disposal)}</h1>
      <h2 className="nhsuk-heading-m">What was recorded</h2>
      <DisposalDetails disposal={disposal} id="disposal-check-details" />
      {disposal.certificate ? (
        <>
          <CertificateOutcome opener={certificate} />
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            id="disposal-check-open-certificate"
            disabled={certificate.busy}
            onClick={() => certificate.open(disposal)}
          >
            Open the certificate
          </button>
        </>
      ) : null}
      <h2 className="nhsuk-heading-m">Your check</h2>
      {content()}
    </>
  );
}

type CheckFormProps = {
  disposal: DisposalRow;
  statement: string;
  onCancel: () => void;
  onChecked: (row: DisposalRow) => void;
};

function CheckForm({ disposal, statement, onCancel, onChecked }: CheckFormProps) {
  const refresh = useRefreshAfterDisposalChange();
  const form = useSchemaForm(schema, EMPTY);
  // The error is kept apart so the mutation (whose variables hold the password) can be reset at once.
  const [failure, setFailure] = useState<CommandError | null>(null);
  const check = useMutation({
    mutationFn: (request: SignRequest) => disposalCheck(request),
    gcTime: 0,
    onMutate: () => setFailure(null),
    onError: (error) => setFailure(error),
  });
  const errors = formErrors(form.formState.errors, failure, FIELD_IDS);

  const submit = form.handleSubmit(
    ({ confirmed, currentPassword }) =>
      check.mutate(
        { id: disposal.id, password: currentPassword, confirmed },
        {
          onSuccess: async (row) => {
            form.reset(EMPTY);
            await refresh();
            onChecked(row);
          },
          onError: () => form.resetField('currentPassword'),
          onSettled: () => check.reset(),
        },
      ),
    () => setFailure(null),
  );

  return (
    <>
      <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
      <p>
        Check the record above against the certificate of destruction. Your name, the statement and the date and time
        are recorded in the disposal log and the audit trail.
      </p>
      <div className="nhsuk-inset-text" id="disposal-check-statement">
        <span className="nhsuk-u-visually-hidden">The statement: </span>
        <p>{statement}</p>
      </div>
      <form id="disposal-check-form" onSubmit={submit} noValidate>
        <div className={errors.of('confirmed') ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
          {errors.of('confirmed') ? (
            <span className="nhsuk-error-message" id="disposal-check-confirm-error">
              <span className="nhsuk-u-visually-hidden">Error: </span>
              {errors.of('confirmed')}
            </span>
          ) : null}
          <div className="nhsuk-checkboxes">
            <div className="nhsuk-checkboxes__item">
              <input
                className="nhsuk-checkboxes__input"
                type="checkbox"
                {...form.register('confirmed')}
                id={FIELD_IDS.confirmed}
                aria-describedby={errors.of('confirmed') ? 'disposal-check-confirm-error' : undefined}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={FIELD_IDS.confirmed}>
                I confirm this statement
              </label>
            </div>
          </div>
        </div>
        <TextField
          id={FIELD_IDS.currentPassword}
          type="password"
          label="Your password"
          hint="To check it is you signing"
          error={errors.of('currentPassword')}
          width={20}
          autoComplete="current-password"
          registration={form.register('currentPassword')}
        />
        <div className="nhsuk-button-group">
          <button type="submit" className="nhsuk-button" id="disposal-check-sign" disabled={check.isPending}>
            Sign
          </button>
          <LinkButton id="disposal-check-cancel" onClick={onCancel}>
            Cancel
          </LinkButton>
        </div>
      </form>
    </>
  );
}
