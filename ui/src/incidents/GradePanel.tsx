import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';

import { incidentGrade, type GradingView, type IncidentRow } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { GradeGrid, type Grade } from './GradeGrid';
import { gradeWords, outcomeWords } from './labels';
import { useRefreshAfterIncidentChange } from './useIncidents';

type GradePanelProps = {
  incident: IncidentRow;
  grading: GradingView;
  /** The IG lead may grade it now. */
  editable: boolean;
  onMessage: (message: string) => void;
};

/** The incident's grade: chosen on the likelihood × severity grid, or shown as it stands. */
export function GradePanel({ incident, grading, editable, onMessage }: GradePanelProps) {
  return (
    <section aria-labelledby="incident-grade-heading" id="incident-grade">
      <h2 className="nhsuk-heading-m" id="incident-grade-heading">
        Grade
      </h2>
      {editable ? (
        <GradeChooser incident={incident} grading={grading} onMessage={onMessage} />
      ) : (
        <p id="incident-grade-shown">
          {incident.grade ? (
            <>
              {gradeWords(incident.grade)}: <strong>{outcomeWords(incident.grade)}</strong>.
            </>
          ) : (
            'Not graded yet.'
          )}
        </p>
      )}
    </section>
  );
}

function GradeChooser({ incident, grading, onMessage }: Omit<GradePanelProps, 'editable'>) {
  const refresh = useRefreshAfterIncidentChange();
  const [chosen, setChosen] = useState<Grade | null>(() =>
    incident.grade ? { likelihood: incident.grade.likelihood, severity: incident.grade.severity } : null,
  );
  const grade = useMutation({
    mutationFn: incidentGrade,
    onSuccess: async (row) => {
      await refresh();
      onMessage(
        row.grade ? `${row.reference} is graded: ${outcomeWords(row.grade).toLowerCase()}.` : `${row.reference} is graded.`,
      );
    },
  });
  const outcome = chosen
    ? grading.cells.find((cell) => cell.likelihood === chosen.likelihood && cell.severity === chosen.severity)
    : undefined;
  const likelihood = grading.likelihood.find((step) => step.score === chosen?.likelihood);
  const severity = grading.severity.find((step) => step.score === chosen?.severity);
  const unchanged =
    chosen !== null &&
    incident.grade?.likelihood === chosen.likelihood &&
    incident.grade.severity === chosen.severity;
  const problems = grade.error
    ? grade.error.fields.length > 0
      ? grade.error.fields.map((field) => ({ message: field.message }))
      : [{ message: grade.error.message }]
    : [];

  return (
    <>
      <ErrorSummary id="incident-grade-error-summary" errors={problems} />
      <p>
        Choose how likely it is that harm has occurred, and how severe the harm would be, as the national guide to notifying
        incidents describes them. Marked cells are reportable to the ICO through the DSPT incident reporting tool.
      </p>
      <GradeGrid grading={grading} chosen={chosen} onChoose={setChosen} />
      <div className="nhsuk-inset-text" id="incident-grade-outcome" aria-live="polite">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        {chosen && outcome && likelihood && severity ? (
          <>
            <p className="nhsuk-u-margin-bottom-2">
              <strong id="incident-grade-outcome-words">{outcomeWords(outcome)}</strong>
            </p>
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
              Likelihood {likelihood.score}, {likelihood.label}: {likelihood.meaning}
            </p>
            <p className="nhsuk-body-s">
              Severity {severity.score}, {severity.label}: {severity.meaning}
            </p>
          </>
        ) : (
          <p>Not graded yet: choose a cell of the grid.</p>
        )}
      </div>
      <button
        type="button"
        className="nhsuk-button"
        id="incident-grade-save"
        disabled={chosen === null || unchanged || grade.isPending}
        onClick={() =>
          chosen && grade.mutate({ id: incident.id, likelihood: chosen.likelihood, severity: chosen.severity })
        }
      >
        {incident.grade ? 'Change the grade' : 'Save the grade'}
      </button>
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">{grading.source}</p>
    </>
  );
}
