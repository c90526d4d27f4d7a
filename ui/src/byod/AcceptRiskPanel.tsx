import { byodAcceptRisk, type ByodCheckRow, type ErrorCode } from '../ipc';
import { formatDay } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { StatementSignature, StatementState } from '../shared/StatementSignature';
import { SummaryRow } from '../shared/SummaryRow';
import { useStatementSignature } from '../shared/useStatementSignature';
import { checkName, failedItems } from './labels';
import { useRefreshAfterByodChange, useRiskStatement } from './useByod';

const ID_PREFIX = 'byod-risk';

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
      <StatementState
        idPrefix={ID_PREFIX}
        query={statement}
        refusals={REFUSALS}
        back={{ label: 'Back to BYOD checks', onClick: onCancel }}
      >
        {(data) => (
          <AcceptRiskForm check={check} signer={signer} statement={data.statement} onCancel={onCancel} onAccepted={onAccepted} />
        )}
      </StatementState>
    </>
  );
}

type AcceptRiskFormProps = AcceptRiskPanelProps & { statement: string };

function AcceptRiskForm({ check, signer, statement, onCancel, onAccepted }: AcceptRiskFormProps) {
  const refresh = useRefreshAfterByodChange();
  const signature = useStatementSignature({
    idPrefix: ID_PREFIX,
    sign: ({ password, confirmed }) => byodAcceptRisk({ id: check.id, password, confirmed }),
    onSigned: async (accepted) => {
      await refresh();
      onAccepted(`You accepted the risk of ${checkName(accepted)}`);
    },
  });

  return (
    <>
      <ErrorSummary errors={signature.errors.items} focusKey={signature.focusKey} />
      <StatementSignature
        {...signature.fields}
        intro={
          <>
            You sign as <strong>{signer}</strong>. Your name, the statement and the date and time are recorded with the check
            and in the audit trail.
          </>
        }
        statement={statement}
        onCancel={onCancel}
      />
    </>
  );
}
