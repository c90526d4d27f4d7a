import type { ReactNode } from 'react';

import type { DisposalRow } from '../ipc';
import { formatDay, formatMoment } from '../shared/dates';
import { SummaryRow } from '../shared/SummaryRow';
import { containersLabel, disposalWhat, fileSize } from './labels';

/** A field left empty when the disposal was recorded. */
function NotRecorded() {
  return <span className="nhsuk-u-secondary-text-colour">Not recorded</span>;
}

const orNot = (value: string): ReactNode => (value.trim() ? value : <NotRecorded />);

/** Every field of a disposal, as recorded, with who checked and signed it and the statement signed. */
export function DisposalDetails({ disposal, id }: { disposal: DisposalRow; id?: string }) {
  const device = disposal.assetTag !== null;
  const { certificate } = disposal;
  return (
    <dl className="nhsuk-summary-list" id={id}>
      <SummaryRow name="What">{disposalWhat(disposal)}</SummaryRow>
      <SummaryRow name={device ? 'Disposed of on' : 'Collected on'}>{formatDay(disposal.disposedOn)}</SummaryRow>
      {device || disposal.reason ? <SummaryRow name="Reason">{orNot(disposal.reason)}</SummaryRow> : null}
      <SummaryRow name="Method">{disposal.methodLabel}</SummaryRow>
      {disposal.reuseAssessment ? (
        <SummaryRow name="Re-use assessment">
          <Lines text={disposal.reuseAssessment} />
        </SummaryRow>
      ) : null}
      {device || disposal.sanitisationStandard ? (
        <SummaryRow name="Standard followed">{orNot(disposal.sanitisationStandard)}</SummaryRow>
      ) : null}
      <SummaryRow name={device ? 'Performed by' : 'Collected by'}>{orNot(disposal.performedBy)}</SummaryRow>
      {device || disposal.contractor ? <SummaryRow name="Contractor">{orNot(disposal.contractor)}</SummaryRow> : null}
      {device || disposal.contractReference ? (
        <SummaryRow name="Contract reference">{orNot(disposal.contractReference)}</SummaryRow>
      ) : null}
      {!device || disposal.consignmentReference ? (
        <SummaryRow name="Consignment reference">{orNot(disposal.consignmentReference)}</SummaryRow>
      ) : null}
      {disposal.containers !== null ? (
        <SummaryRow name="Bags or containers">{containersLabel(disposal.containers)}</SummaryRow>
      ) : null}
      <SummaryRow name="Certificate number">{orNot(disposal.certificateNumber)}</SummaryRow>
      <SummaryRow name="Certificate file">
        {certificate ? (
          <>
            {certificate.fileName} ({certificate.mediaType}, {fileSize(certificate.size)})
            <br />
            <span className="custodian-monospace">SHA-256 {certificate.sha256}</span>
          </>
        ) : (
          <span className="nhsuk-u-secondary-text-colour">None attached</span>
        )}
      </SummaryRow>
      <SummaryRow name="Witness">{orNot(disposal.witness)}</SummaryRow>
      <SummaryRow name="Recorded by">
        {disposal.recordedBy.fullName}, {formatMoment(disposal.recordedAt)}
      </SummaryRow>
      <SummaryRow name="Checked by">
        {disposal.checkedBy ? (
          <>
            {disposal.checkedBy.fullName}
            {disposal.checkedAt ? `, ${formatMoment(disposal.checkedAt)}` : null}
          </>
        ) : (
          <span className="nhsuk-u-secondary-text-colour">Not checked yet</span>
        )}
      </SummaryRow>
      {disposal.checkStatement ? <SummaryRow name="Statement signed">{disposal.checkStatement}</SummaryRow> : null}
    </dl>
  );
}

/** Text typed over several lines, kept on its lines (never as HTML). */
function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <>
      {lines.map((line, index) => (
        // Lines have no identity of their own; their order never changes.
        <span key={index}>
          {line}
          {index < lines.length - 1 ? <br /> : null}
        </span>
      ))}
    </>
  );
}
