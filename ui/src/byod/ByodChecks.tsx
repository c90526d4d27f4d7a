import type { ByodCheckRow } from '../ipc';
import { ShortHash } from '../policies/labels';
import { formatDay, formatMoment, today } from '../shared/dates';
import { CellNote, ResponsiveCell, ResponsiveTable } from '../shared/ResponsiveTable';
import { APPROVED_WITH_RISK, checkName, failedItems, isBefore, OutcomeTag, ResultTag, rolesTold } from './labels';

const HEADINGS = ['Person', 'Device', 'Checklist', 'Checked on', 'Outcome', 'Failed items', 'Re-check due', 'Answers'];

type ByodChecksProps = {
  checks: readonly ByodCheckRow[];
  /** Whether the viewer is the SIRO, who accepts risks. */
  canAcceptRisk: boolean;
  onAccept: (check: ByodCheckRow) => void;
};

/** Every check, newest first (as core lists them), each with its answers. */
export function ByodChecks({ checks, canAcceptRisk, onAccept }: ByodChecksProps) {
  if (checks.length === 0) {
    return (
      <div className="nhsuk-inset-text" id="byod-checks-empty">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>No one&apos;s own device has been checked yet.</p>
      </div>
    );
  }
  const now = today();
  return (
    <ResponsiveTable id="byod-checks" caption="BYOD checks, newest first" headings={HEADINGS}>
      {checks.map((check) => (
        <tr className="nhsuk-table__row" role="row" key={String(check.id)} data-byod={String(check.id)}>
          <ResponsiveCell heading="Person">{check.person.fullName}</ResponsiveCell>
          <ResponsiveCell heading="Device">{check.assetTag}</ResponsiveCell>
          <ResponsiveCell heading="Checklist">
            {check.checklistTitle}
            <CellNote>Version {check.checklistVersion}</CellNote>
          </ResponsiveCell>
          <ResponsiveCell heading="Checked on">
            {formatDay(check.checkedOn)}
            <CellNote>By {check.checkedBy.fullName}</CellNote>
          </ResponsiveCell>
          <ResponsiveCell heading="Outcome">
            <OutcomeTag outcome={check.outcome} />
            <RiskStanding check={check} canAcceptRisk={canAcceptRisk} onAccept={onAccept} />
            <Told check={check} />
          </ResponsiveCell>
          <ResponsiveCell heading="Failed items">{failedItems(check.items).length}</ResponsiveCell>
          <ResponsiveCell heading="Re-check due">
            {check.recheckDue === null ? (
              <span className="nhsuk-body-s">None</span>
            ) : (
              <>
                {formatDay(check.recheckDue)}
                {isBefore(check.recheckDue, now) ? (
                  <CellNote>
                    <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>
                  </CellNote>
                ) : null}
              </>
            )}
          </ResponsiveCell>
          <ResponsiveCell heading="Answers">
            <CheckDetails check={check} />
          </ResponsiveCell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}

type RiskStandingProps = Omit<ByodChecksProps, 'checks'> & { check: ByodCheckRow };

/** For an approval with risk: who accepted it, or that it waits for the SIRO (who may accept it here). */
function RiskStanding({ check, canAcceptRisk, onAccept }: RiskStandingProps) {
  if (check.outcome !== APPROVED_WITH_RISK) return null;
  if (check.riskAcceptedBy) {
    return (
      <CellNote>
        Risk accepted by {check.riskAcceptedBy.fullName}
        {check.riskAcceptedAt ? `, ${formatMoment(check.riskAcceptedAt)}` : null}
      </CellNote>
    );
  }
  return (
    <>
      <CellNote>Waiting for the SIRO</CellNote>
      {canAcceptRisk ? (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0"
          id={`byod-accept-${String(check.id)}`}
          onClick={() => onAccept(check)}
        >
          Accept the risk<span className="nhsuk-u-visually-hidden">: {checkName(check)}</span>
        </button>
      ) : null}
    </>
  );
}

/** Which roles core told of the check (the SIRO and DPO, of a failed item or a risk), if any. */
function Told({ check }: { check: ByodCheckRow }) {
  const told = rolesTold(check);
  return told ? <CellNote>Told: {told}</CellNote> : null;
}

/** Every item of a check as answered, and the risk with the statement the SIRO signed. */
function CheckDetails({ check }: { check: ByodCheckRow }) {
  return (
    <details className="nhsuk-details nhsuk-u-margin-bottom-0" id={`byod-view-${String(check.id)}`}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          See the answers<span className="nhsuk-u-visually-hidden">: {checkName(check)}</span>
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <ul className="nhsuk-list">
          {check.items.map((item) => (
            <li key={item.key} data-item={item.key}>
              <p className="nhsuk-u-margin-bottom-1">{item.text}</p>
              <ResultTag result={item.result} />
              {item.note ? <CellNote>{item.note}</CellNote> : null}
              {item.evidence ? (
                <CellNote>
                  <span className="custodian-path">{item.evidence.fileName}</span>, <ShortHash hash={item.evidence.sha256} />
                </CellNote>
              ) : null}
            </li>
          ))}
        </ul>
        {check.risk ? (
          <p className="nhsuk-u-margin-bottom-2">
            <strong>The risk:</strong> {check.risk}
          </p>
        ) : null}
        {check.riskStatement ? (
          <p className="nhsuk-u-margin-bottom-0">
            <strong>The statement signed:</strong> {check.riskStatement}
          </p>
        ) : null}
      </div>
    </details>
  );
}
