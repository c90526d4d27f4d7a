import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';

import { byodAcceptRisk, type ByodCheckRow, type CommandError, type ErrorCode, type SignRequest } from '../ipc';
import { formatDay } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LoadFailed, Loading } from '../shared/QueryState';
import { SummaryRow } from '../shared/SummaryRow';
import { EMPTY_SIGNATURE, signatureFieldIds, signatureSchema, StatementSignature } from '../shared/StatementSignature';
import { useSchemaForm } from '../shared/useSchemaForm';
import { checkName, failedItems } from './labels';
import { useRefreshAfterByodChange, useRiskStatement } from './useByod';

const FIELD_IDS = signatureFieldIds('byod-risk');


/** Why core will not let this person sign this check: said instead of the form. */
const REFUSALS: readonly ErrorCode[] = ['refused', 'forbidden', 'not_found'];

type AcceptRiskPanelProps = {
  check: ByodCheckRow;
  /** The signed-in person's name. */
  signer: string;
  onCancel: () => void;
  /** Signed: `message` says what now. */
  onAccepted: (message: string) => void;
};

/**
 * The SIRO accepts the risk of a device approved with one: they read the statement core wrote,
 * confirm it and re-enter their password.
 */
export function AcceptRiskPanel({ check, signer, onCancel, onAccepted }: AcceptRiskPanelProps) {
  const statement = useRiskStatement(check.id);
  const failed = failedItems(check.items);

  function content() {
    if (statement.isPending) return <Loading>Loading the statement to sign…</Loading>;
    if (statement.isError) {
      if (REFUSALS.includes(statement.error.code)) {
        return (
          <>
            <div className="nhsuk-inset-text" id="byod-risk-refused">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>{statement.error.message}</p>
            </div>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" id="byod-risk-cancel" onClick={onCancel}>
              Back to BYOD checks
            </button>
          </>
        );
      }
      return (
        <LoadFailed title="The statement cannot be shown" error={statement.error} onRetry={() => void statement.refetch()} />
      );
    }
    return (
      <AcceptRiskForm
        check={check}
        signer={signer}
        statement={statement.data.statement}
        onCancel={onCancel}
        onAccepted={onAccepted}
      />
    );
  }

  return (
    <>
      <button type="button" className="nhsuk-back-link" onClick={onCancel}>
        Back to BYOD checks
      </button>
      <h1>Accept the risk of {checkName(check)}</h1>
      <dl className="nhsuk-summary-list" id="byod-risk-summary">
        <SummaryRow name="Device">{check.assetTag}</SummaryRow>
        <SummaryRow name="Checked">
          {formatDay(check.checkedOn)} by {check.checkedBy.fullName}, against {check.checklistTitle} version{' '}
          {check.checklistVersion}
        </SummaryRow>
        <SummaryRow name="Failed items">
          {failed.length === 0 ? (
            'None'
          ) : (
            <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-bottom-0">
              {failed.map((item) => (
                <li key={item.key}>
                  {item.text}
                  {item.note ? ` — ${item.note}` : null}
                </li>
              ))}
            </ul>
          )}
        </SummaryRow>
        <SummaryRow name="The risk">{check.risk}</SummaryRow>
      </dl>
      {content()}
    </>
  );
}

type AcceptRiskFormProps = AcceptRiskPanelProps & { statement: string };

function AcceptRiskForm({ check, signer, statement, onCancel, onAccepted }: AcceptRiskFormProps) {
  const refresh = useRefreshAfterByodChange();
  const form = useSchemaForm(signatureSchema, EMPTY_SIGNATURE);
  // The error is kept apart so the mutation (whose variables hold the password) can be reset at once.
  const [failure, setFailure] = useState<CommandError | null>(null);
  const accept = useMutation({
    mutationFn: (request: SignRequest) => byodAcceptRisk(request),
    gcTime: 0,
    onMutate: () => setFailure(null),
    onError: (error) => setFailure(error),
  });
  const errors = formErrors(form.formState.errors, failure, FIELD_IDS);

  const submit = form.handleSubmit(
    ({ confirmed, currentPassword }) =>
      accept.mutate(
        { id: check.id, password: currentPassword, confirmed },
        {
          onSuccess: async (accepted) => {
            form.reset(EMPTY_SIGNATURE);
            await refresh();
            onAccepted(`You accepted the risk of ${checkName(accepted)}`);
          },
          onError: () => form.resetField('currentPassword'),
          onSettled: () => accept.reset(),
        },
      ),
    () => setFailure(null),
  );

  return (
    <>
      <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
      <StatementSignature
        idPrefix="byod-risk"
        intro={
          <>
            You sign as <strong>{signer}</strong>. Your name, the statement and the date and time are recorded with the check
            and in the audit trail.
          </>
        }
        statement={statement}
        confirmError={errors.of('confirmed')}
        passwordError={errors.of('currentPassword')}
        confirmRegistration={form.register('confirmed')}
        passwordRegistration={form.register('currentPassword')}
        pending={accept.isPending}
        onSubmit={submit}
        onCancel={onCancel}
      />
    </>
  );
}
