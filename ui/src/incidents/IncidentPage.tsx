import type { IncidentRow, IncidentsView } from '../ipc';
import { SuccessMessage } from '../shared/SuccessMessage';
import { ActionLog } from './ActionLog';
import { AssessmentForm } from './AssessmentForm';
import { ClosurePanel } from './ClosurePanel';
import { DeviceLinks } from './DeviceLinks';
import { GradePanel } from './GradePanel';
import { IncidentDetails } from './IncidentDetails';
import { ClockTag, StatusTag } from './labels';
import { ReportingPanel } from './ReportingPanel';
import { StatusPanel } from './StatusPanel';

type IncidentPageProps = {
  incident: IncidentRow;
  view: IncidentsView;
  /** The signed-in person's name, for the signature panel. */
  signer: string;
  /** What the last change did, if anything. */
  message: string | null;
  onBack: () => void;
  /** A change was made here; say what. */
  onMessage: (message: string) => void;
};

/**
 * One incident: what happened, and for those who manage incidents its grade, the 72-hour clock and
 * the reports, the log of actions, the assessment, its devices and status; then the closure review,
 * which the IG lead begins and the SIRO and Caldicott Guardian complete where they must. Someone who
 * reported it sees it as recorded.
 */
export function IncidentPage({ incident, view, signer, message, onBack, onMessage }: IncidentPageProps) {
  // Core refuses changes to an incident that is not open or whose review has begun; Rust says which.
  const manage = view.canManage && incident.changeable;

  return (
    <div id="incident-page" data-incident={String(incident.id)} data-status={incident.status}>
      <button type="button" className="nhsuk-back-link" id="incident-back" onClick={onBack}>
        Back to incidents
      </button>
      <SuccessMessage id="incident-message" message={message} />
      <span className="nhsuk-caption-l" id="incident-caption">
        {incident.categoryLabel}
      </span>
      <h1 id="incident-reference">{incident.reference}</h1>
      <p id="incident-status-shown">
        <StatusTag incident={incident} /> <ClockTag incident={incident} id="incident-clock-tag" />
      </p>
      {view.canManage ? null : (
        <div className="nhsuk-inset-text" id="incident-read-only">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            The IG lead manages this incident: its grade, the reports made and the actions taken. You see it as it stands.
          </p>
        </div>
      )}

      <h2 className="nhsuk-heading-m">What happened</h2>
      <IncidentDetails incident={incident} view={view} />

      <GradePanel incident={incident} grading={view.grading} editable={manage} onMessage={onMessage} />
      <ReportingPanel incident={incident} editable={manage} onMessage={onMessage} />
      <ActionLog incident={incident} editable={manage} onMessage={onMessage} />
      {manage ? <AssessmentForm incident={incident} view={view} onMessage={onMessage} /> : null}
      <DeviceLinks incident={incident} view={view} editable={manage} onMessage={onMessage} />
      <StatusPanel incident={incident} editable={view.canManage} onMessage={onMessage} />
      <ClosurePanel incident={incident} signer={signer} onMessage={onMessage} />
    </div>
  );
}
