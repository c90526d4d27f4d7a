import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';

import { disposalCheck, type CommandError, type DisposalRow, type SignRequest } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LoadFailed, Loading } from '../shared/QueryState';
import { EMPTY_SIGNATURE, signatureFieldIds, signatureSchema, StatementSignature } from '../shared/StatementSignature';
import { useSchemaForm } from '../shared/useSchemaForm';
import { CertificateOutcome, useCertificateOpener } from './CertificateOpener';
import { DisposalDetails } from './DisposalDetails';
import { disposalName } from './labels';
import { useCheckStatement, useRefreshAfterDisposalChange } from './useDisposals';

const FIELD_IDS = signatureFieldIds('disposal-check');


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
  const form = useSchemaForm(signatureSchema, EMPTY_SIGNATURE);
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
            form.reset(EMPTY_SIGNATURE);
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
      <StatementSignature
        idPrefix="disposal-check"
        intro={
          <>
            Check the record above against the certificate of destruction. Your name, the statement and the date and time
            are recorded in the disposal log and the audit trail.
          </>
        }
        statement={statement}
        confirmError={errors.of('confirmed')}
        passwordError={errors.of('currentPassword')}
        confirmRegistration={form.register('confirmed')}
        passwordRegistration={form.register('currentPassword')}
        pending={check.isPending}
        onSubmit={submit}
        onCancel={onCancel}
      />
    </>
  );
}
