import type { IncidentRow, IncidentsView } from '../ipc';
import { formatMoment } from '../shared/dates';
import { SummaryRow } from '../shared/SummaryRow';
import { choiceLabel, Known } from './labels';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** Everything recorded about what happened, and the assessment. */
export function IncidentDetails({ incident, view }: { incident: IncidentRow; view: IncidentsView }) {
  const count = (value: number | null) => (value === null ? '' : String(value));
  return (
    <dl className="nhsuk-summary-list" id="incident-summary">
      <SummaryRow name="Kind">{incident.kindLabel}</SummaryRow>
      <SummaryRow name="Category">{incident.categoryLabel}</SummaryRow>
      <SummaryRow name="What it affected">
        <Known value={incident.breachTypes.map((type) => choiceLabel(view.breachTypes, type)).join(', ')} />
      </SummaryRow>
      <SummaryRow name="Happened">{formatMoment(incident.occurredAt)}</SummaryRow>
      <SummaryRow name="The practice became aware">
        {formatMoment(incident.awareAt)}
        {incident.awareFirstReason ? (
          <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
            Aware before it happened: {incident.awareFirstReason}
          </p>
        ) : null}
      </SummaryRow>
      <SummaryRow name="Description">
        <span className="custodian-preserve-lines">{incident.description}</span>
      </SummaryRow>
      <SummaryRow name="Personal information involved">
        <Known value={incident.dataCategories} />
      </SummaryRow>
      <SummaryRow name="Health or special-category information">{yesNo(incident.specialCategory)}</SummaryRow>
      <SummaryRow name="Vulnerable people">{yesNo(incident.vulnerablePeople)}</SummaryRow>
      <SummaryRow name="People affected">
        <Known value={count(incident.peopleAffected)} />
      </SummaryRow>
      <SummaryRow name="Records affected">
        <Known value={count(incident.recordsAffected)} />
      </SummaryRow>
      <SummaryRow name="Likely consequences">
        <Known value={incident.consequences} />
      </SummaryRow>
      <SummaryRow name="Lessons learned">
        <Known value={incident.lessons} />
      </SummaryRow>
      <SummaryRow name="Devices">
        <Known value={incident.devices.map((device) => device.label).join(', ')} />
      </SummaryRow>
      <SummaryRow name="Policies">
        <Known value={incident.policies.map((policy) => policy.label).join(', ')} />
      </SummaryRow>
      <SummaryRow name="Reported by">
        {incident.reportedBy.fullName}, recorded {formatMoment(incident.recordedAt)}
      </SummaryRow>
    </dl>
  );
}
