import { useState } from 'react';

import type { PolicyRegisterView, PolicyRow } from '../ipc';
import { roleLabels } from '../people/StaffRegister';
import { formatDay } from '../shared/dates';
import { LinkButton } from '../shared/LinkButton';
import { countOf } from '../shared/plural';
import { ResponsiveCell } from '../shared/ResponsiveCell';
import { StandingTag, versionLabel } from './labels';

type Filter = 'all' | 'attention';

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
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="policy-filter">
          Show
        </label>
        <select
          className="nhsuk-select"
          id="policy-filter"
          value={filter}
          onChange={(event) => setFilter(event.target.value === 'attention' ? 'attention' : 'all')}
        >
          <option value="all">Every policy</option>
          <option value="attention">Only those that need attention</option>
        </select>
      </div>
      {shown.length === 0 ? (
        <div className="nhsuk-inset-text" id="policy-register-none-shown">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>No policy needs attention: every one is current.</p>
        </div>
      ) : (
        <table className="nhsuk-table-responsive" id="policy-register" role="table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Policy register</caption>
          <thead className="nhsuk-table__head" role="rowgroup">
            <tr className="nhsuk-table__row" role="row">
              {HEADINGS.map((heading) => (
                <th scope="col" className="nhsuk-table__header" role="columnheader" key={heading}>
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body" role="rowgroup">
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
          </tbody>
        </table>
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
