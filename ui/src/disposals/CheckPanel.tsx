import { disposalCheck, type DisposalRow } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { StatementSignature, StatementState } from '../shared/StatementSignature';
import { useStatementSignature } from '../shared/useStatementSignature';
import { CertificateOutcome, useCertificateOpener } from './CertificateOpener';
import { DisposalDetails } from './DisposalDetails';
import { disposalName } from './labels';
import { useCheckStatement, useRefreshAfterDisposalChange } from './useDisposals';

const ID_PREFIX = 'disposal-check';

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
      <StatementState idPrefix={ID_PREFIX} query={statement} back={{ label: 'Back to the disposal log', onClick: onCancel }}>
        {(data) => <CheckForm disposal={disposal} statement={data.statement} onCancel={onCancel} onChecked={onChecked} />}
      </StatementState>
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
  const signature = useStatementSignature({
    idPrefix: ID_PREFIX,
    sign: ({ password, confirmed }) => disposalCheck({ id: disposal.id, password, confirmed }),
    onSigned: async (row) => {
      await refresh();
      onChecked(row);
    },
  });

  return (
    <>
      <ErrorSummary errors={signature.errors.items} focusKey={signature.focusKey} />
      <StatementSignature
        {...signature.fields}
        intro={
          <>
            Check the record above against the certificate of destruction. Your name, the statement and the date and time
            are recorded in the disposal log and the audit trail.
          </>
        }
        statement={statement}
        onCancel={onCancel}
      />
    </>
  );
}
