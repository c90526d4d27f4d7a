import { useMutation } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';

import { incidentReport, type IncidentRow } from '../ipc';
import { formatMoment, localMomentInput, localMomentToRfc3339 } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { SummaryRow } from '../shared/SummaryRow';
import { TextAreaField } from '../shared/TextAreaField';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { Known, timeLeft } from './labels';
import { Tick } from './Tick';
import { useRefreshAfterIncidentChange } from './useIncidents';

// Shape only: Rust checks that each reference has its date and time, and the times themselves.
const schema = z.object({
  dsptReference: z.string(),
  dsptReportedAt: z.string(),
  icoReference: z.string(),
  icoReportedAt: z.string(),
  dpoConsulted: z.boolean(),
  individualsTold: z.boolean(),
  individualsNote: z.string(),
  notReportedReason: z.string(),
});

const FIELD_IDS = {
  dsptReference: 'incident-dspt-reference',
  dsptReportedAt: 'incident-dspt-reported-at',
  icoReference: 'incident-ico-reference',
  icoReportedAt: 'incident-ico-reported-at',
  individualsNote: 'incident-individuals-note',
  notReportedReason: 'incident-not-reported-reason',
} as const;

type ReportingPanelProps = {
  incident: IncidentRow;
  /** The IG lead may record the reports now. */
  editable: boolean;
  onMessage: (message: string) => void;
};

/** Whether it must be reported and by when (the 72-hour clock), and the reports made or why none was. */
export function ReportingPanel({ incident, editable, onMessage }: ReportingPanelProps) {
  return (
    <section aria-labelledby="incident-reporting-heading" id="incident-reporting">
      <h2 className="nhsuk-heading-m" id="incident-reporting-heading">
        Reporting
      </h2>
      <Deadline incident={incident} />
      {editable ? <ReportForm incident={incident} onMessage={onMessage} /> : <ReportShown incident={incident} />}
    </section>
  );
}

/** The deadline Rust worked out, and while the clock runs how long is left. */
function Deadline({ incident }: { incident: IncidentRow }) {
  if (!incident.grade) {
    return (
      <p id="incident-deadline">Once it is graded, you will see here whether it must be reported, and by when.</p>
    );
  }
  if (!incident.deadline) {
    return <p id="incident-deadline">At this grade it is not reportable to the ICO.</p>;
  }
  if (incident.clockDeadline) {
    return (
      <div className="nhsuk-warning-callout" id="incident-deadline" data-testid="incident-deadline">
        <h3 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            Report it by {formatMoment(incident.clockDeadline)}
          </span>
        </h3>
        <p>
          It is reportable to the ICO through the DSPT incident reporting tool within 72 hours of the practice becoming
          aware of it ({formatMoment(incident.awareAt)}):{' '}
          <strong id="incident-time-left">{timeLeft(incident.clockDeadline)}</strong>.
          Record the reference here once it is reported, or why it was not.
        </p>
      </div>
    );
  }
  return (
    <p id="incident-deadline">
      It was reportable by {formatMoment(incident.deadline)}.
      {incident.report.dsptReference && incident.report.dsptReportedAt ? (
        <>
          {' '}
          Reported through the DSPT tool on {formatMoment(incident.report.dsptReportedAt)}
          {incident.reportedLate ? (
            <>
              , <strong className="nhsuk-tag nhsuk-tag--orange">Reported late</strong>
            </>
          ) : (
            ', within the 72 hours'
          )}
          .
        </>
      ) : null}
    </p>
  );
}

function ReportShown({ incident }: { incident: IncidentRow }) {
  const { report } = incident;
  const at = (moment: string | null) => (moment ? formatMoment(moment) : '');
  return (
    <dl className="nhsuk-summary-list" id="incident-report-shown">
      <SummaryRow name="DSPT incident reporting tool">
        <Known value={report.dsptReference ? `${report.dsptReference}, ${at(report.dsptReportedAt)}` : ''} />
      </SummaryRow>
      <SummaryRow name="ICO">
        <Known value={report.icoReference ? `${report.icoReference}, ${at(report.icoReportedAt)}` : ''} />
      </SummaryRow>
      {report.notReportedReason ? <SummaryRow name="Why it was not reported">{report.notReportedReason}</SummaryRow> : null}
      <SummaryRow name="DPO consulted">{report.dpoConsulted ? 'Yes' : 'No'}</SummaryRow>
      <SummaryRow name="The people affected were told">
        {report.individualsTold ? 'Yes' : 'No'}
        {report.individualsNote ? `: ${report.individualsNote}` : null}
      </SummaryRow>
    </dl>
  );
}

function ReportForm({ incident, onMessage }: Omit<ReportingPanelProps, 'editable'>) {
  const refresh = useRefreshAfterIncidentChange();
  const { report } = incident;
  const local = (moment: string | null) => (moment ? localMomentInput(new Date(moment)) : '');
  const form = useSchemaForm(schema, {
    dsptReference: report.dsptReference,
    dsptReportedAt: local(report.dsptReportedAt),
    icoReference: report.icoReference,
    icoReportedAt: local(report.icoReportedAt),
    dpoConsulted: report.dpoConsulted,
    individualsTold: report.individualsTold,
    individualsNote: report.individualsNote,
    notReportedReason: report.notReportedReason,
  });
  const notReportedReason = useWatch({ control: form.control, name: 'notReportedReason' });
  const save = useMutation({
    mutationFn: incidentReport,
    onSuccess: async (row) => {
      await refresh();
      onMessage(
        row.report.dsptReference
          ? `${row.reference} is recorded as reported through the DSPT tool, reference ${row.report.dsptReference}.`
          : `The reporting details of ${row.reference} are saved.`,
      );
    },
  });
  const errors = formErrors(form.formState.errors, save.error, FIELD_IDS);
  const submit = form.handleSubmit(
    (values) =>
      save.mutate({
        id: incident.id,
        ...values,
        dsptReportedAt: localMomentToRfc3339(values.dsptReportedAt),
        icoReportedAt: localMomentToRfc3339(values.icoReportedAt),
      }),
    () => save.reset(),
  );

  return (
    <form id="incident-report-form" onSubmit={submit} noValidate aria-labelledby="incident-report-heading">
      <ErrorSummary id="incident-report-error-summary" errors={errors.items} focusKey={form.formState.submitCount} />
      <h3 className="nhsuk-heading-s" id="incident-report-heading">
        Reports made
      </h3>
      <TextField
        id={FIELD_IDS.dsptReference}
        label="DSPT incident reporting tool reference"
        error={errors.of('dsptReference')}
        width={20}
        autoComplete="off"
        registration={form.register('dsptReference')}
      />
      <TextField
        id={FIELD_IDS.dsptReportedAt}
        type="datetime-local"
        width={20}
        label="When it was reported through the DSPT tool"
        hint="Leave empty until it is reported"
        error={errors.of('dsptReportedAt')}
        registration={form.register('dsptReportedAt')}
      />
      <TextField
        id={FIELD_IDS.icoReference}
        label="ICO case reference"
        hint="If the ICO gave one"
        error={errors.of('icoReference')}
        width={20}
        autoComplete="off"
        registration={form.register('icoReference')}
      />
      <TextField
        id={FIELD_IDS.icoReportedAt}
        type="datetime-local"
        width={20}
        label="When the ICO was told"
        hint="If the ICO was told apart from the DSPT tool"
        error={errors.of('icoReportedAt')}
        registration={form.register('icoReportedAt')}
      />
      <Tick id="incident-dpo-consulted" label="The DPO was consulted" registration={form.register('dpoConsulted')} />
      <Tick
        id="incident-individuals-told"
        label="The people affected were told"
        registration={form.register('individualsTold')}
      />
      <TextAreaField
        id={FIELD_IDS.individualsNote}
        label="How and when they were told, or why not"
        error={errors.of('individualsNote')}
        rows={2}
        registration={form.register('individualsNote')}
      />
      {incident.deadline || notReportedReason.trim() ? (
        <TextAreaField
          id={FIELD_IDS.notReportedReason}
          label="If it was not reported: why not"
          hint="For example, the DPO advised that harm is unlikely after the laptop was wiped. Leave empty if it was reported."
          error={errors.of('notReportedReason')}
          rows={2}
          registration={form.register('notReportedReason')}
        />
      ) : null}
      <button type="submit" className="nhsuk-button" id="incident-report-save" disabled={save.isPending}>
        Save the reporting details
      </button>
    </form>
  );
}
