import { useState } from 'react';

import type { PolicyRegisterView, PolicyRow } from '../ipc';
import { roleLabels } from '../people/StaffRegister';
import { formatDay } from '../shared/dates';
import { LinkButton } from '../shared/LinkButton';
import { countOf } from '../shared/plural';
import { ResponsiveCell, ResponsiveTable } from '../shared/ResponsiveTable';
import { SelectField, type SelectOption } from '../shared/SelectField';
import { StandingTag, versionLabel } from './labels';

type Filter = 'all' | 'attention';

const FILTERS: readonly SelectOption[] = [
  { value: 'all', label: 'Every policy' },
  { value: 'attention', label: 'Only those that need attention' },
];

type PolicyRegisterProps = {
  view: PolicyRegisterView;
  onOpen: (policy: PolicyRow) => void;
};

const HEADINGS = ['Policy', 'Owner', 'Signed off by', 'Current version', 'Standing', 'Next review', 'On its way'];

/** The policy register: how many need attention, a filter, and the table. */
export function PolicyRegister({ view, onOpen }: PolicyRegisterProps) {
  const [filter, setFilter] = useState<Filter>('all');
  const { policies, roleOptions } = view;
  if (policies.length === 0) {
    return (
      <div className="nhsuk-inset-text" id="policy-register-empty">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>There are no policies on the register yet.</p>
      </div>
    );
  }
  const shown = filter === 'all' ? policies : policies.filter((policy) => policy.standing !== 'current');

  return (
    <>
      <p id="policy-counts">
        <PolicyCounts policies={policies} />
      </p>
      <SelectField
        id="policy-filter"
        label="Show"
        options={FILTERS}
        value={filter}
        onChange={(event) => setFilter(event.target.value === 'attention' ? 'attention' : 'all')}
      />
      {shown.length === 0 ? (
        <div className="nhsuk-inset-text" id="policy-register-none-shown">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>No policy needs attention: every one is current.</p>
        </div>
      ) : (
        <ResponsiveTable id="policy-register" caption="Policy register" headings={HEADINGS}>
          {shown.map((policy) => (
            <tr className="nhsuk-table__row" role="row" key={String(policy.id)} data-policy={String(policy.id)}>
              <ResponsiveCell heading="Policy">
                <LinkButton id={`policy-${String(policy.id)}`} onClick={() => onOpen(policy)}>
                  {policy.title}
                </LinkButton>
              </ResponsiveCell>
              <ResponsiveCell heading="Owner">
                {policy.owner?.fullName ?? <span className="nhsuk-u-secondary-text-colour">No owner yet</span>}
              </ResponsiveCell>
              <ResponsiveCell heading="Signed off by">{roleLabels(policy.approvers, roleOptions)}</ResponsiveCell>
              <ResponsiveCell heading="Current version">{policy.current?.number ?? 'None'}</ResponsiveCell>
              <ResponsiveCell heading="Standing">
                <StandingTag standing={policy.standing} />
              </ResponsiveCell>
              <ResponsiveCell heading="Next review">
                {policy.nextReview ? formatDay(policy.nextReview) : <span className="nhsuk-u-secondary-text-colour">Not set</span>}
              </ResponsiveCell>
              <ResponsiveCell heading="On its way">{policy.pending ? versionLabel(policy.pending) : null}</ResponsiveCell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </>
  );
}

/** "20 policies: 3 gaps, 2 reviews overdue, 1 due soon." — a count of the standings core gave. */
function PolicyCounts({ policies }: { policies: readonly PolicyRow[] }) {
  const count = (standing: PolicyRow['standing']) => policies.filter((policy) => policy.standing === standing).length;
  const gaps = count('no_published_version');
  const overdue = count('review_overdue');
  const dueSoon = count('review_due_soon');
  const total = countOf(policies.length, 'policy', 'policies');
  if (gaps + overdue + dueSoon === 0) return <>{total}, all current.</>;
  const parts = [countOf(gaps, 'gap'), countOf(overdue, 'review overdue', 'reviews overdue'), `${dueSoon} due soon`];
  return (
    <>
      {total}: <strong>{parts.join(', ')}</strong>. A gap is a policy with no published version.
    </>
  );
}
