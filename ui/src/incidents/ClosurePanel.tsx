import { useState } from 'react';

import { incidentCloseSign, type ErrorCode, type IncidentRow, type RoleOption } from '../ipc';
import { formatMoment } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { StatementSignature, StatementState } from '../shared/StatementSignature';
import { useStatementSignature } from '../shared/useStatementSignature';
import { useClosureStatement, useRefreshAfterIncidentChange } from './useIncidents';

const ID_PREFIX = 'incident-close';

/** Why core will not let this person sign now: said instead of the form. */
const REFUSALS: readonly ErrorCode[] = ['refused', 'forbidden', 'not_found'];

/** "IG lead", "IG lead and SIRO", "IG lead, SIRO and Caldicott Guardian". */
function roleList(roles: readonly RoleOption[]): string {
  const labels = roles.map((role) => role.label);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** "Grade it" from core's "grade it". */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

type ClosurePanelProps = {
  incident: IncidentRow;
  /** The signed-in person's name. */
  signer: string;
  onMessage: (message: string) => void;
};

/**
 * The closure review: who must sign it, what is left before the IG lead can begin it, the
 * signatures given, and the signature panel for whoever can sign next.
 */
export function ClosurePanel({ incident, signer, onMessage }: ClosurePanelProps) {
  const open = incident.status === 'open';
  const closed = [...incident.statusChanges].reverse().find((change) => change.to === 'closed');
  const begun = incident.signOffs.length > 0;

  return (
    <section aria-labelledby="incident-closure-heading" id="incident-closure">
      <h2 className="nhsuk-heading-m" id="incident-closure-heading">
        Closure
      </h2>
      {incident.status === 'closed' ? (
        <p id="incident-closed">
          <strong className="nhsuk-tag nhsuk-tag--green">Closed</strong>
          {closed ? ` on ${formatMoment(closed.at)}, when the last signature of its review was given.` : null}
        </p>
      ) : (
        <p id="incident-closure-roles">
          It is closed by a signed review: the {roleList(incident.closureRoles)} sign
          {incident.closureRoles.length === 1 ? 's' : ''} it off, in that order.
        </p>
      )}
      {open && !begun && incident.closureGaps.length > 0 ? (
        <div className="nhsuk-inset-text" id="incident-closure-gaps">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p className="nhsuk-u-margin-bottom-2">Before the IG lead can sign it off:</p>
          <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-bottom-0">
            {incident.closureGaps.map((gap) => (
              <li key={gap}>{sentence(gap)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {incident.signOffs.length > 0 ? (
        <ol className="nhsuk-list" id="incident-sign-offs">
          {incident.signOffs.map((signOff) => (
            <li key={signOff.role.role} data-role={signOff.role.role}>
              <strong>
                {signOff.role.label}: {signOff.by.fullName}
              </strong>
              , {formatMoment(signOff.at)}
              <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">{signOff.statement}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {open && incident.awaitingSignOff.length > 0 ? (
        <p id="incident-awaiting">It waits for the {roleList(incident.awaitingSignOff)} to sign.</p>
      ) : null}
      {incident.canSign ? (
        <ClosureSignature
          key={`${incident.canSign.role}-${String(incident.signOffs.length)}`}
          incident={incident}
          role={incident.canSign}
          signer={signer}
          onMessage={onMessage}
        />
      ) : null}
    </section>
  );
}

type ClosureSignatureProps = {
  incident: IncidentRow;
  role: RoleOption;
  signer: string;
  onMessage: (message: string) => void;
};

function ClosureSignature({ incident, role, signer, onMessage }: ClosureSignatureProps) {
  const statement = useClosureStatement(incident.id);
  // The form is open once the person chooses to sign; Cancel closes it again.
  const [signing, setSigning] = useState(false);

  if (!signing) {
    return (
      <button type="button" className="nhsuk-button" id="incident-close-start" onClick={() => setSigning(true)}>
        Sign the closure as {role.label}
      </button>
    );
  }
  return (
    <StatementState idPrefix={ID_PREFIX} query={statement} refusals={REFUSALS}>
      {(data) => (
        <SignForm
          incident={incident}
          role={role}
          signer={signer}
          statement={data.statement}
          onCancel={() => setSigning(false)}
          onMessage={onMessage}
        />
      )}
    </StatementState>
  );
}

type SignFormProps = ClosureSignatureProps & { statement: string; onCancel: () => void };

function SignForm({ incident, role, signer, statement, onCancel, onMessage }: SignFormProps) {
  const refresh = useRefreshAfterIncidentChange();
  const signature = useStatementSignature({
    idPrefix: ID_PREFIX,
    sign: ({ password, confirmed }) => incidentCloseSign({ id: incident.id, password, confirmed }),
    onSigned: async (row) => {
      await refresh();
      onMessage(
        row.status === 'closed'
          ? `${row.reference} is closed.`
          : `You signed the closure of ${row.reference} as ${role.label}. ` +
              `It waits for the ${roleList(row.awaitingSignOff)}.`,
      );
    },
  });

  return (
    <div id="incident-close-panel">
      <h3 className="nhsuk-heading-s">Sign the closure as {role.label}</h3>
      <ErrorSummary id="incident-close-error-summary" errors={signature.errors.items} focusKey={signature.focusKey} />
      <StatementSignature
        {...signature.fields}
        intro={
          <>
            You sign as <strong>{signer}</strong>, {role.label}. Your name, the statement and the date and time are kept
            with the incident and in the audit trail; once the review is signed its record no longer changes.
          </>
        }
        statement={statement}
        onCancel={onCancel}
      />
    </div>
  );
}
