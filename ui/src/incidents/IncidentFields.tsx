import type { UseFormRegisterReturn } from 'react-hook-form';

import type { IncidentLinkView } from '../ipc';
import { Checkboxes } from '../shared/Checkboxes';
import { TextField } from '../shared/TextField';

type Count = 'peopleAffected' | 'recordsAffected';

type AffectedCountsProps = {
  /** The inputs' ids. */
  ids: Readonly<Record<Count, string>>;
  errorOf: (field: Count) => string | undefined;
  register: (field: Count) => UseFormRegisterReturn;
};

/** About how many people and records an incident affects, as typed: Rust reads the numbers. */
export function AffectedCounts({ ids, errorOf, register }: AffectedCountsProps) {
  const count = (field: Count, label: string) => (
    <TextField
      id={ids[field]}
      label={label}
      hint="Leave empty if not known"
      error={errorOf(field)}
      width={5}
      inputMode="numeric"
      autoComplete="off"
      registration={register(field)}
    />
  );
  return (
    <>
      {count('peopleAffected', 'About how many people are affected?')}
      {count('recordsAffected', 'About how many records are affected?')}
    </>
  );
}

type PoliciesInvolvedProps = {
  /** Ids: `{prefix}-policies-details`, `{prefix}-policies`, `{prefix}-policy-{id}`. */
  idPrefix: string;
  summary: string;
  /** The practice's policies; nothing is shown when it has none. */
  policies: readonly IncidentLinkView[];
  open?: boolean;
  registration: UseFormRegisterReturn;
};

/** The policies an incident concerns, ticked in a fold-away list. */
export function PoliciesInvolved({ idPrefix, summary, policies, open, registration }: PoliciesInvolvedProps) {
  if (policies.length === 0) return null;
  return (
    <details className="nhsuk-details" id={`${idPrefix}-policies-details`} open={open}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{summary}</span>
      </summary>
      <div className="nhsuk-details__text">
        <Checkboxes
          id={`${idPrefix}-policies`}
          legend="Which policies does it concern?"
          options={policies.map((policy) => ({
            value: String(policy.id),
            label: policy.label,
            id: `${idPrefix}-policy-${String(policy.id)}`,
          }))}
          registration={registration}
        />
      </div>
    </details>
  );
}
