import { Fragment, useState } from 'react';

import type { AcknowledgementRow, ChaseRow, MatrixView } from '../ipc';
import { formatDay } from '../shared/dates';
import { countOf } from '../shared/plural';
import { OnBehalfForm } from './OnBehalfForm';

type ChaseListProps = {
  matrix: MatrixView;
  practiceName: string;
};

/** What was just recorded on someone's behalf, to say so. */
type Recorded = { name: string; title: string; version: string };

/**
 * Everyone with an acknowledgement outstanding, longest-waiting first: the list to print and
 * chase, and (for those who may) recording an acknowledgement made on paper.
 */
export function ChaseList({ matrix, practiceName }: ChaseListProps) {
  const [recording, setRecording] = useState<ChaseRow | null>(null);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const { chase, canRecordOnBehalf } = matrix;
  const columns = canRecordOnBehalf ? 6 : 5;

  const isRecording = (item: ChaseRow) =>
    recording !== null && recording.personId === item.personId && recording.versionId === item.versionId;

  const onRecorded = (item: ChaseRow, row: AcknowledgementRow) => {
    setRecording(null);
    setRecorded({ name: row.fullName ?? item.fullName, title: item.title, version: item.version });
  };

  return (
    <section className="custodian-print-area" id="ack-chase-section" aria-labelledby="ack-chase-heading">
      <p className="custodian-print-only">
        {practiceName}: acknowledgements outstanding on {formatDay(matrix.asOf)}
      </p>
      <h2 id="ack-chase-heading">Chase list</h2>
      <div id="on-behalf-status" role="status" className="custodian-no-print">
        {recorded ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              Recorded on their behalf: {recorded.name} acknowledged {recorded.title} version {recorded.version}.
            </p>
          </div>
        ) : null}
      </div>
      {chase.length === 0 ? (
        <p id="ack-chase-empty">Nobody has an acknowledgement outstanding.</p>
      ) : (
        <>
          <p>
            {countOf(chase.length, 'acknowledgement')} outstanding, longest-waiting first.
          </p>
          {/* A plain table, not a responsive one: on paper it must stay a table. */}
          <table className="nhsuk-table" id="ack-chase-list">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
              Acknowledgements outstanding, longest-waiting first
            </caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                {['Name', 'Policy', 'Version', 'Outstanding since', 'Days'].map((heading) => (
                  <th scope="col" className="nhsuk-table__header" key={heading}>
                    {heading}
                  </th>
                ))}
                {canRecordOnBehalf ? (
                  <th scope="col" className="nhsuk-table__header custodian-no-print">
                    <span className="nhsuk-u-visually-hidden">Action</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {chase.map((item) => {
                const key = `${item.personId}-${item.versionId}`;
                return (
                  <Fragment key={key}>
                    <tr className="nhsuk-table__row" data-chase={key}>
                      <td className="nhsuk-table__cell">{item.fullName}</td>
                      <td className="nhsuk-table__cell">{item.title}</td>
                      <td className="nhsuk-table__cell">{item.version}</td>
                      <td className="nhsuk-table__cell">{formatDay(item.since)}</td>
                      <td className="nhsuk-table__cell">{String(item.days)}</td>
                      {canRecordOnBehalf ? (
                        <td className="nhsuk-table__cell custodian-no-print">
                          <button
                            type="button"
                            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                            id={`on-behalf-${item.personId}-${item.versionId}`}
                            aria-expanded={isRecording(item)}
                            onClick={() => {
                              setRecorded(null);
                              setRecording(isRecording(item) ? null : item);
                            }}
                          >
                            Record for {item.fullName}
                            <span className="nhsuk-u-visually-hidden">
                              : {item.title} version {item.version}
                            </span>
                          </button>
                        </td>
                      ) : null}
                    </tr>
                    {isRecording(item) ? (
                      <tr className="nhsuk-table__row custodian-no-print">
                        <td className="nhsuk-table__cell" colSpan={columns}>
                          <OnBehalfForm
                            item={item}
                            onRecorded={(row) => onRecorded(item, row)}
                            onCancel={() => setRecording(null)}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
