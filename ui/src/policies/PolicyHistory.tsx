import type { AcknowledgementRow, RoleOption, SignOffRow, VersionRow } from '../ipc';
import { roleLabels } from '../people/StaffRegister';
import { formatDay, formatMoment } from '../shared/dates';
import { countOf } from '../shared/plural';
import { CellNote, ResponsiveCell, ResponsiveTable } from '../shared/ResponsiveTable';
import { ShortHash, SIGN_OFF_KINDS, StatusTag } from './labels';

type VersionsTableProps = {
  versions: readonly VersionRow[];
  onRead: (version: VersionRow) => void;
};

/** Every version the viewer may see, newest first. */
export function VersionsTable({ versions, onRead }: VersionsTableProps) {
  if (versions.length === 0) {
    return (
      <p id="policy-versions-none" className="nhsuk-body">
        No version has been added yet.
      </p>
    );
  }
  return (
    <ResponsiveTable
      id="policy-versions"
      caption="Versions, newest first"
      headings={['Version', 'Status', 'What changed', 'Author', 'Dates', 'SHA-256', 'Text']}
    >
      {versions.map((version) => (
        <tr className="nhsuk-table__row" role="row" key={String(version.id)} data-version={String(version.id)}>
          <ResponsiveCell heading="Version">{version.number}</ResponsiveCell>
          <ResponsiveCell heading="Status">
            <StatusTag status={version.status} />
          </ResponsiveCell>
          <ResponsiveCell heading="What changed">
            {version.changeSummary}
            <CellNote>{version.source}</CellNote>
          </ResponsiveCell>
          <ResponsiveCell heading="Author">{version.author.fullName}</ResponsiveCell>
          <ResponsiveCell heading="Dates">
            Created {formatMoment(version.createdAt)}
            {version.publishedAt ? <CellNote>Published {formatMoment(version.publishedAt)}</CellNote> : null}
            {version.supersededAt ? <CellNote>Superseded {formatMoment(version.supersededAt)}</CellNote> : null}
          </ResponsiveCell>
          <ResponsiveCell heading="SHA-256">
            <ShortHash hash={version.contentHash} />
          </ResponsiveCell>
          <ResponsiveCell heading="Text">
            <button
              type="button"
              className="custodian-link-button"
              id={`version-read-${String(version.id)}`}
              onClick={() => onRead(version)}
            >
              Read <span className="nhsuk-u-visually-hidden">version {version.number}</span>
            </button>
          </ResponsiveCell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}

type SignOffsTableProps = {
  signOffs: readonly SignOffRow[];
  roleOptions: readonly RoleOption[];
};

/** Every sign-off, oldest first, each with the statement its signer confirmed. */
export function SignOffsTable({ signOffs, roleOptions }: SignOffsTableProps) {
  if (signOffs.length === 0) {
    return (
      <p id="policy-sign-offs-none" className="nhsuk-body">
        No one has signed off a version yet.
      </p>
    );
  }
  return (
    <ResponsiveTable
      id="policy-sign-offs"
      caption="Sign-offs, oldest first"
      headings={['What', 'Version', 'Signed by', 'As', 'When', 'SHA-256']}
    >
      {signOffs.map((signOff) => (
        <tr className="nhsuk-table__row" role="row" key={String(signOff.id)} data-sign-off={String(signOff.id)}>
          <ResponsiveCell heading="What">
            {SIGN_OFF_KINDS[signOff.kind]}
            {signOff.withdrawnAt ? (
              <CellNote>
                <strong className="nhsuk-tag nhsuk-tag--grey">Withdrawn</strong> {formatMoment(signOff.withdrawnAt)}: the
                version went back to draft
              </CellNote>
            ) : null}
            {signOff.nextReview ? <CellNote>Next review set to {formatDay(signOff.nextReview)}</CellNote> : null}
            <details className="nhsuk-details nhsuk-u-margin-bottom-0 nhsuk-u-margin-top-2">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">The statement signed</span>
              </summary>
              <div className="nhsuk-details__text" id={`sign-off-statement-${String(signOff.id)}`}>
                {signOff.statement}
              </div>
            </details>
          </ResponsiveCell>
          <ResponsiveCell heading="Version">{signOff.version}</ResponsiveCell>
          <ResponsiveCell heading="Signed by">{signOff.signer.fullName}</ResponsiveCell>
          <ResponsiveCell heading="As">{roleLabels(signOff.roles, roleOptions)}</ResponsiveCell>
          <ResponsiveCell heading="When">{formatMoment(signOff.signedAt)}</ResponsiveCell>
          <ResponsiveCell heading="SHA-256">
            <ShortHash hash={signOff.contentHash} />
          </ResponsiveCell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}

type AcknowledgementsSummaryProps = {
  versions: readonly VersionRow[];
  acknowledgements: readonly AcknowledgementRow[];
};

/** How many have acknowledged each version, and who (only for those who may see it). */
export function AcknowledgementsSummary({ versions, acknowledgements }: AcknowledgementsSummaryProps) {
  const acknowledged = versions
    .map((version) => ({ version, rows: acknowledgements.filter((row) => row.versionId === version.id) }))
    .filter(({ rows }) => rows.length > 0);
  return (
    <ul className="nhsuk-list" id="policy-acknowledgements">
      {acknowledged.map(({ version, rows }) => (
        <li key={String(version.id)} data-version={String(version.id)}>
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">
                Version {version.number}: {countOf(rows.length, 'acknowledgement')}
              </span>
            </summary>
            <div className="nhsuk-details__text">
              <ul className="nhsuk-list nhsuk-list--bullet">
                {rows.map((row) => (
                  <li key={String(row.personId)}>
                    {row.fullName ?? 'Someone whose name you cannot see'}, {formatMoment(row.acknowledgedAt)}
                    {row.method === 'on_behalf' ? (
                      <>
                        {' '}
                        — recorded by {row.recordedBy?.fullName ?? 'a manager'} on their behalf
                        {row.reason ? `: ${row.reason}` : null}
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
