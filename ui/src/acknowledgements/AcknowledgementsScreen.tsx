import type { MatrixView, SessionInfo } from '../ipc';
import { formatDay } from '../shared/dates';
import { LoadFailed, Loading } from '../shared/QueryState';
import { CellNote, ResponsiveCell, ResponsiveTable } from '../shared/ResponsiveTable';
import { ChaseList } from './ChaseList';
import { ExportActions } from './ExportActions';
import { permilleAsPercent } from './figures';
import { MatrixTable } from './MatrixTable';
import { useAckMatrix } from './useAcknowledgements';

/**
 * Who has acknowledged which policy: the practice's figure against its bar, each policy's share,
 * the matrix of people × policies, and the chase list. Every figure is core's.
 */
export function AcknowledgementsScreen({ session }: { session: SessionInfo }) {
  const matrix = useAckMatrix();

  return (
    <div id="acknowledgements-screen">
      <h1>Acknowledgements</h1>
      {matrix.isPending ? <Loading>Loading the acknowledgements…</Loading> : null}
      {matrix.isError ? (
        <LoadFailed title="The acknowledgements cannot be shown" error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : null}
      {matrix.data ? <MatrixScreen matrix={matrix.data} practiceName={session.practiceName} /> : null}
    </div>
  );
}

function MatrixScreen({ matrix, practiceName }: { matrix: MatrixView; practiceName: string }) {
  return (
    <>
      <p className="nhsuk-body-l">
        Staff read and acknowledge the current version of each policy that applies to them. Figures for{' '}
        {formatDay(matrix.asOf)}.
      </p>
      <PracticeFigure matrix={matrix} />

      {matrix.policies.length === 0 ? (
        <p id="ack-no-policies">No policy has been published yet, so nobody has anything to acknowledge.</p>
      ) : (
        <>
          <h2 id="ack-policy-figures-heading">By policy</h2>
          <PolicyFigures matrix={matrix} />

          <h2 id="ack-matrix-heading">By person</h2>
          <MatrixTable matrix={matrix} />

          <ChaseList matrix={matrix} practiceName={practiceName} />
          <ExportActions hasChaseList={matrix.chase.length > 0} />
        </>
      )}
    </>
  );
}

/** "92.5% of staff have acknowledged every policy that applies to them (37 of 40)", and the bar. */
function PracticeFigure({ matrix }: { matrix: MatrixView }) {
  return (
    <div className="nhsuk-card" id="ack-practice-figure">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m">The practice</h2>
        <p className="nhsuk-card__description">
          {matrix.peopleInScope === 0 ? (
            <>Nobody has a published policy to acknowledge yet.</>
          ) : (
            <>
              <strong className="custodian-figure">{permilleAsPercent(matrix.practicePermille)}</strong> of staff have
              acknowledged every policy that applies to them ({matrix.peopleUpToDate} of {matrix.peopleInScope}).
            </>
          )}{' '}
          The practice&apos;s bar is {matrix.barPercent}%.
        </p>
        <p className="nhsuk-u-margin-bottom-0" id="ack-bar-status">
          {matrix.meetsBar ? (
            <strong className="nhsuk-tag nhsuk-tag--green">Meets the bar</strong>
          ) : (
            <strong className="nhsuk-tag nhsuk-tag--red">Below the bar</strong>
          )}
        </p>
      </div>
    </div>
  );
}

/** Each current policy: how many of those who must have acknowledged it. */
function PolicyFigures({ matrix }: { matrix: MatrixView }) {
  return (
    <ResponsiveTable
      id="ack-policy-figures"
      caption="Acknowledgements of each policy"
      headings={['Policy', 'Version', 'Acknowledged', 'Share']}
    >
      {matrix.policies.map((policy) => (
        <tr className="nhsuk-table__row" role="row" key={String(policy.policyId)} data-policy-id={String(policy.policyId)}>
          <ResponsiveCell heading="Policy">{policy.title}</ResponsiveCell>
          <ResponsiveCell heading="Version">
            {policy.version}
            <CellNote>published {formatDay(policy.publishedOn)}</CellNote>
          </ResponsiveCell>
          <ResponsiveCell heading="Acknowledged">
            {policy.acknowledged} of {policy.due}
          </ResponsiveCell>
          <ResponsiveCell heading="Share">
            {policy.acknowledgedPermille === null ? 'Applies to nobody' : permilleAsPercent(policy.acknowledgedPermille)}
          </ResponsiveCell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
