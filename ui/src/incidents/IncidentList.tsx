import type { IncidentRow, IncidentsView } from '../ipc';
import { formatMoment } from '../shared/dates';
import { LinkButton } from '../shared/LinkButton';
import { countOf } from '../shared/plural';
import { CellNote, ResponsiveCell, ResponsiveTable } from '../shared/ResponsiveTable';
import { ClockTag, outcomeWords, StatusTag } from './labels';

const HEADINGS = ['Reference', 'Aware', 'Category', 'Grade', 'Status'];

type IncidentListProps = {
  view: IncidentsView;
  onOpen: (incident: IncidentRow) => void;
};

/** The incidents, newest awareness first (as core sends them), with the 72-hour clock where it runs. */
export function IncidentList({ view, onOpen }: IncidentListProps) {
  const { incidents } = view;
  if (incidents.length === 0) {
    return (
      <div className="nhsuk-inset-text" id="incident-list-empty">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>{view.canManage ? 'No incident has been recorded yet.' : 'You have not reported an incident.'}</p>
      </div>
    );
  }
  const open = incidents.filter((incident) => incident.status === 'open').length;
  const running = incidents.filter((incident) => incident.clockDeadline !== null).length;

  return (
    <>
      <p id="incident-counts">
        {countOf(incidents.length, 'incident')}, {open} open
        {running > 0 ? (
          <>
            : <strong>{countOf(running, 'reportable incident is', 'reportable incidents are')} not yet reported</strong>.
          </>
        ) : (
          '.'
        )}
      </p>
      <ResponsiveTable id="incident-list" caption="Incidents, newest first" headings={HEADINGS}>
        {incidents.map((incident) => {
          const id = String(incident.id);
          return (
            <tr className="nhsuk-table__row" role="row" key={id} data-incident={id} data-reference={incident.reference}>
              <ResponsiveCell heading="Reference">
                <LinkButton id={`incident-open-${id}`} className="custodian-nowrap" onClick={() => onOpen(incident)}>
                  {incident.reference}
                </LinkButton>
                <CellNote>Reported by {incident.reportedBy.fullName}</CellNote>
              </ResponsiveCell>
              <ResponsiveCell heading="Aware">{formatMoment(incident.awareAt)}</ResponsiveCell>
              <ResponsiveCell heading="Category">
                {incident.categoryLabel}
                {incident.devices.length > 0 ? (
                  <CellNote>{incident.devices.map((device) => device.label).join(', ')}</CellNote>
                ) : null}
              </ResponsiveCell>
              <ResponsiveCell heading="Grade">
                {incident.grade ? (
                  <>
                    {incident.grade.likelihood} × {incident.grade.severity}
                    <CellNote>{outcomeWords(incident.grade)}</CellNote>
                  </>
                ) : (
                  <span className="nhsuk-u-secondary-text-colour">Not graded</span>
                )}
              </ResponsiveCell>
              <ResponsiveCell heading="Status">
                <StatusTag incident={incident} />
                {incident.clockDeadline || incident.reportedLate ? (
                  <span className="custodian-cell-note">
                    <ClockTag incident={incident} id={`incident-clock-${id}`} />
                  </span>
                ) : null}
                {incident.awaitingSignOff.length > 0 ? (
                  <CellNote>Waits for the {incident.awaitingSignOff.map((role) => role.label).join(' and ')}</CellNote>
                ) : null}
              </ResponsiveCell>
            </tr>
          );
        })}
      </ResponsiveTable>
    </>
  );
}
