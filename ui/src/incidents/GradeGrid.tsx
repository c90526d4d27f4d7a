import type { GradingView } from '../ipc';
import { outcomeWords } from './labels';

/** A likelihood × severity grade. */
export type Grade = { likelihood: number; severity: number };

type GradeGridProps = {
  grading: GradingView;
  /** The cell chosen, highlighted. */
  chosen: Grade | null;
  onChoose: (grade: Grade) => void;
};

/**
 * The national likelihood × severity grid: likelihood that harm has occurred down the side (most
 * likely at the top), severity across; cells the rules make reportable are marked, and those where
 * DHSC is told too more strongly. Each cell is a button that chooses that grade.
 */
export function GradeGrid({ grading, chosen, onChoose }: GradeGridProps) {
  const cell = (likelihood: number, severity: number) =>
    grading.cells.find((c) => c.likelihood === likelihood && c.severity === severity);
  const rows = [...grading.likelihood].reverse();

  return (
    <div className="custodian-table-scroll">
      <table className="nhsuk-table custodian-grade-grid" id="incident-grade-grid" data-testid="incident-grade-grid">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">
          Likelihood that harm has occurred (down), by severity of the harm (across)
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <td className="nhsuk-table__header" />
            {grading.severity.map((step) => (
              <th scope="col" className="nhsuk-table__header" key={step.score} title={step.meaning}>
                {step.score} {step.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((likelihood) => (
            <tr className="nhsuk-table__row" key={likelihood.score}>
              <th scope="row" className="nhsuk-table__header" title={likelihood.meaning}>
                {likelihood.score} {likelihood.label}
              </th>
              {grading.severity.map((severity) => {
                const outcome = cell(likelihood.score, severity.score);
                const isChosen = chosen?.likelihood === likelihood.score && chosen.severity === severity.score;
                const classes = [
                  'custodian-grade-grid__cell',
                  outcome?.notifyDhsc
                    ? 'custodian-grade-grid__cell--dhsc'
                    : outcome?.reportable
                      ? 'custodian-grade-grid__cell--reportable'
                      : null,
                ]
                  .filter(Boolean)
                  .join(' ');
                const words = outcome ? outcomeWords(outcome) : '';
                const mark = outcome?.notifyDhsc ? 'ICO + DHSC' : outcome?.reportable ? 'ICO' : '';
                return (
                  <td className="nhsuk-table__cell custodian-grade-grid__td" key={severity.score}>
                    <button
                      type="button"
                      className={classes}
                      id={`grade-cell-${likelihood.score}-${severity.score}`}
                      data-testid={`grade-cell-${likelihood.score}-${severity.score}`}
                      data-reportable={outcome?.reportable ? 'true' : 'false'}
                      aria-pressed={isChosen}
                      aria-label={
                        `Likelihood ${likelihood.score}, ${likelihood.label}; ` +
                        `severity ${severity.score}, ${severity.label}: ${words}`
                      }
                      onClick={() => onChoose({ likelihood: likelihood.score, severity: severity.score })}
                    >
                      <span aria-hidden="true">
                        {likelihood.score} × {severity.score}
                        {mark ? <span className="custodian-grade-grid__mark">{mark}</span> : null}
                      </span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
