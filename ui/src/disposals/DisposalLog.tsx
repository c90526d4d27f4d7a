import { Fragment, useState } from 'react';

import type { DisposalLogView, DisposalRow } from '../ipc';
import { ShortHash } from '../policies/labels';
import { formatDay } from '../shared/dates';
import { LinkButton } from '../shared/LinkButton';
import { countOf } from '../shared/plural';
import { CellNote, ResponsiveCell, ResponsiveTable } from '../shared/ResponsiveTable';
import { CertificateOutcome, useCertificateOpener } from './CertificateOpener';
import { DisposalDetails } from './DisposalDetails';
import { CheckedTag, checkedWhen, containersLabel, disposalWhat } from './labels';
import type { DisposalId } from './useDisposals';

const HEADINGS = ['Date', 'What', 'Method', 'Performed by', 'Certificate', 'Checked', 'Details'];

type DisposalLogProps = {
  view: DisposalLogView;
  /** Check and sign a disposal (offered only when core says the viewer may). */
  onCheck: (disposal: DisposalRow) => void;
};

/** The disposal log, newest first (as core sends it), each row opening onto every field. */
export function DisposalLog({ view, onCheck }: DisposalLogProps) {
  const { disposals, canCheck } = view;
  const [open, setOpen] = useState<ReadonlySet<DisposalId>>(() => new Set());
  const toggle = (id: DisposalId) =>
    setOpen((shown) => {
      const next = new Set(shown);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const certificate = useCertificateOpener();

  if (disposals.length === 0) {
    return (
      <div className="nhsuk-inset-text" id="disposal-log-empty">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>Nothing has been recorded as disposed of yet.</p>
      </div>
    );
  }
  const unchecked = disposals.filter((disposal) => disposal.checkedBy === null).length;

  return (
    <>
      <p id="disposal-counts">
        {countOf(disposals.length, 'disposal')}
        {unchecked === 0 ? ', all checked.' : <>: <strong>{unchecked} not checked yet</strong>.</>}
      </p>
      <CertificateOutcome opener={certificate} />
      <ResponsiveTable id="disposal-log" caption="Disposal log, newest first" headings={HEADINGS}>
        {disposals.map((disposal) => {
          const id = String(disposal.id);
          const expanded = open.has(disposal.id);
          return (
            <Fragment key={id}>
              <tr className="nhsuk-table__row" role="row" data-disposal={id}>
                <ResponsiveCell heading="Date">{formatDay(disposal.disposedOn)}</ResponsiveCell>
                <ResponsiveCell heading="What">
                  <What disposal={disposal} />
                </ResponsiveCell>
                <ResponsiveCell heading="Method">{disposal.methodLabel}</ResponsiveCell>
                <ResponsiveCell heading="Performed by">
                  {disposal.performedBy}
                  {disposal.contractor && disposal.contractor !== disposal.performedBy ? (
                    <CellNote>Contractor: {disposal.contractor}</CellNote>
                  ) : null}
                </ResponsiveCell>
                <ResponsiveCell heading="Certificate">
                  <Certificate disposal={disposal} busy={certificate.busy} onOpen={() => certificate.open(disposal)} />
                </ResponsiveCell>
                <ResponsiveCell heading="Checked">
                  <CheckedTag disposal={disposal} />
                  {checkedWhen(disposal) ? <CellNote>{checkedWhen(disposal)}</CellNote> : null}
                  {canCheck && disposal.checkedBy === null ? (
                    <p className="nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                      <LinkButton id={`disposal-check-${id}`} onClick={() => onCheck(disposal)}>
                        Check and sign{' '}
                        <span className="nhsuk-u-visually-hidden">{disposalWhat(disposal)}</span>
                      </LinkButton>
                    </p>
                  ) : null}
                </ResponsiveCell>
                <ResponsiveCell heading="Details">
                  <LinkButton
                    id={`disposal-view-${id}`}
                    aria-expanded={expanded}
                    aria-controls={expanded ? `disposal-details-${id}` : undefined}
                    onClick={() => toggle(disposal.id)}
                  >
                    {expanded ? 'Hide' : 'View'}{' '}
                    <span className="nhsuk-u-visually-hidden">the details of {disposalWhat(disposal)}</span>
                  </LinkButton>
                </ResponsiveCell>
              </tr>
              {expanded ? (
                <tr className="nhsuk-table__row" role="row" data-disposal-details={id}>
                  <td className="nhsuk-table__cell" role="cell" colSpan={HEADINGS.length}>
                    <DisposalDetails disposal={disposal} id={`disposal-details-${id}`} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </ResponsiveTable>
    </>
  );
}

/** The asset tag, or "Confidential waste" with its containers and consignment. */
function What({ disposal }: { disposal: DisposalRow }) {
  if (disposal.assetTag !== null) return <>{disposal.assetTag}</>;
  const parts = [
    disposal.containers !== null ? containersLabel(disposal.containers) : null,
    disposal.consignmentReference ? `consignment ${disposal.consignmentReference}` : null,
  ].filter(Boolean);
  return (
    <>
      Confidential waste
      {parts.length > 0 ? <CellNote>{parts.join(', ')}</CellNote> : null}
    </>
  );
}

type CertificateProps = { disposal: DisposalRow; busy: boolean; onOpen: () => void };

/** The certificate's number, and its file with a short SHA-256 and a button to open it. */
function Certificate({ disposal, busy, onOpen }: CertificateProps) {
  const { certificate, certificateNumber } = disposal;
  if (!certificate && !certificateNumber) return <span className="nhsuk-u-secondary-text-colour">None</span>;
  return (
    <>
      {certificateNumber ? <>No. {certificateNumber}</> : null}
      {certificate ? (
        <>
          <CellNote>
            {certificate.fileName} <ShortHash hash={certificate.sha256} />
          </CellNote>
          <p className="nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
            <LinkButton id={`disposal-certificate-${String(disposal.id)}`} disabled={busy} onClick={onOpen}>
              Open certificate{' '}
              <span className="nhsuk-u-visually-hidden">for {disposalWhat(disposal)}</span>
            </LinkButton>
          </p>
        </>
      ) : (
        <CellNote>No file attached</CellNote>
      )}
    </>
  );
}
