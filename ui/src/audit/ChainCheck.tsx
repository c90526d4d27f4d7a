import { useMutation } from '@tanstack/react-query';

import { auditVerify, type ChainStatus } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';

/** Recomputes every link of the audit trail's hash chain and says whether it holds. */
export function ChainCheck() {
  const verify = useMutation({ mutationFn: auditVerify });
  return (
    <section aria-labelledby="audit-chain-heading">
      <h2 className="nhsuk-heading-m" id="audit-chain-heading">
        Check that nothing was altered
      </h2>
      <ErrorSummary
        id="audit-chain-error-summary"
        title="The chain could not be checked"
        errors={verify.error ? [{ message: verify.error.message }] : []}
        focusKey={verify.submittedAt}
      />
      {verify.data ? <ChainResult status={verify.data} /> : null}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        id="audit-verify"
        disabled={verify.isPending}
        onClick={() => verify.mutate()}
      >
        {verify.isPending ? 'Checking the chain…' : 'Check the chain'}
      </button>
    </section>
  );
}

function ChainResult({ status }: { status: ChainStatus }) {
  if (status.intact) {
    return (
      <div className="nhsuk-inset-text" id="audit-chain-status" role="status">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          <strong className="nhsuk-tag nhsuk-tag--green">Intact</strong> {intactText(status.entries)}
        </p>
        {status.head ? (
          <p className="nhsuk-body-s">
            Latest link: <span className="custodian-monospace custodian-path">{status.head}</span>
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <div className="nhsuk-warning-callout" id="audit-chain-status" role="alert">
      <h3 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          The audit trail has been tampered with
        </span>
      </h3>
      <p>
        {status.firstBroken === null
          ? 'An entry has been altered or removed.'
          : `Entry ${status.firstBroken} has been altered or an entry before it removed.`}
      </p>
      <p>Do not rely on the trail from that entry on. Tell the practice&apos;s SIRO and keep a copy of the vault file as it is.</p>
    </div>
  );
}

function intactText(entries: number): string {
  if (entries === 0) return 'There are no entries yet.';
  if (entries === 1) return 'The 1 entry links correctly.';
  return `All ${entries.toLocaleString('en-GB')} entries link correctly.`;
}
