import type { MatrixCellView, MatrixView } from '../ipc';
import { formatDay, formatMomentDay } from '../shared/dates';
import { CellNote } from '../shared/ResponsiveTable';
import { shortTitle } from './figures';

/** People (rows) × current policies (columns): who has acknowledged what. */
export function MatrixTable({ matrix }: { matrix: MatrixView }) {
  return (
    <>
      <div className="custodian-table-scroll" role="region" aria-labelledby="ack-matrix-heading" tabIndex={0}>
        <table className="nhsuk-table custodian-matrix" id="ack-matrix">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            Who has acknowledged the current version of each policy
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Person
              </th>
              <th scope="col" className="nhsuk-table__header">
                Acknowledged
              </th>
              {matrix.policies.map((policy) => {
                const full = `${policy.title}, version ${policy.version}`;
                return (
                  <th
                    scope="col"
                    className="nhsuk-table__header custodian-matrix__policy"
                    key={String(policy.policyId)}
                    title={full}
                  >
                    <span aria-hidden="true">{shortTitle(policy.title)}</span>
                    <span className="nhsuk-u-visually-hidden">{full}</span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {matrix.people.map((person, row) => (
              <tr className="nhsuk-table__row" key={String(person.personId)} data-person-id={String(person.personId)}>
                <th scope="row" className="nhsuk-table__header custodian-matrix__person">
                  {person.fullName}
                  {person.jobTitle ? (
                    <CellNote>{person.jobTitle}</CellNote>
                  ) : null}
                </th>
                <td className="nhsuk-table__cell">
                  {person.acknowledged} of {person.due}
                </td>
                {matrix.policies.map((policy, column) => {
                  const cell = matrix.cells[row]?.[column] ?? NOT_IN_SCOPE;
                  return (
                    <td
                      className="nhsuk-table__cell custodian-matrix__cell"
                      key={String(policy.policyId)}
                      id={`ack-cell-${person.personId}-${policy.policyId}`}
                      data-state={cell.state}
                    >
                      <Cell cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="nhsuk-heading-xs nhsuk-u-margin-bottom-1" id="ack-matrix-legend-heading">
        Key
      </h3>
      <ul
        className="nhsuk-list nhsuk-body-s custodian-matrix-legend"
        id="ack-matrix-legend"
        aria-labelledby="ack-matrix-legend-heading"
      >
        <li>
          <span className="custodian-matrix-legend__mark" aria-hidden="true">
            ✓
          </span>{' '}
          acknowledged
        </li>
        <li>
          <span className="custodian-matrix-legend__mark" aria-hidden="true">
            ✓*
          </span>{' '}
          acknowledged, recorded on their behalf by a manager
        </li>
        <li>
          <span className="custodian-matrix-legend__mark custodian-matrix__due" aria-hidden="true">
            Due
          </span>{' '}
          not acknowledged yet
        </li>
        <li>
          <span className="custodian-matrix-legend__mark" aria-hidden="true">
            –
          </span>{' '}
          does not apply to them
        </li>
      </ul>
    </>
  );
}

const NOT_IN_SCOPE: MatrixCellView = { state: 'not_in_scope' };

function Cell({ cell }: { cell: MatrixCellView }) {
  switch (cell.state) {
    case 'acknowledged': {
      const day = formatMomentDay(cell.at);
      const onBehalf = cell.method === 'on_behalf';
      return (
        <span title={onBehalf ? `Acknowledged ${day}, recorded on their behalf` : `Acknowledged ${day}`}>
          <span aria-hidden="true">{onBehalf ? '✓*' : '✓'}</span>
          <span className="nhsuk-u-visually-hidden">
            acknowledged {day}
            {onBehalf ? ' (on behalf)' : ''}
          </span>
        </span>
      );
    }
    case 'outstanding': {
      const since = formatDay(cell.since);
      return (
        <strong className="custodian-matrix__due" title={`Due since ${since}`}>
          Due<span className="nhsuk-u-visually-hidden"> since {since}</span>
        </strong>
      );
    }
    case 'not_in_scope':
      return (
        <span title="Not required">
          <span aria-hidden="true">–</span>
          <span className="nhsuk-u-visually-hidden">not required</span>
        </span>
      );
  }
}
