import { useEffect, useRef, useState } from 'react';

import type { PolicyForMeRow } from '../ipc';
import { formatDay, formatMomentDay } from '../shared/dates';
import { LinkButton } from '../shared/LinkButton';
import { countOf } from '../shared/plural';
import { LoadFailed, Loading } from '../shared/QueryState';
import { PolicyReader } from './PolicyReader';
import { useMyPolicies } from './useAcknowledgements';

/**
 * The signed-in person's current policies: those waiting for them first, each to read and
 * acknowledge, then those already acknowledged. Choosing one opens it in the reader.
 */
export function PoliciesForYou() {
  const mine = useMyPolicies();
  // The policy being read, as it was listed when chosen (the list is read again once it changes).
  const [reading, setReading] = useState<PolicyForMeRow | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const cameBack = useRef(false);

  useEffect(() => {
    // Back from a policy: keyboard and screen-reader users carry on at the list.
    if (reading !== null || !cameBack.current) return;
    cameBack.current = false;
    listHeading.current?.focus();
  }, [reading]);

  const back = () => {
    cameBack.current = true;
    setReading(null);
  };

  if (reading && mine.data) {
    return (
      <section id="policies-for-you" aria-labelledby="policy-reader-title">
        <p>
          <LinkButton id="back-to-policies" onClick={back}>
            Back to your policies
          </LinkButton>
        </p>
        <PolicyReader key={String(reading.version.id)} policy={reading} statement={mine.data.statement} />
      </section>
    );
  }

  const policies = mine.data?.policies ?? [];
  const waiting = policies.filter((policy) => policy.acknowledgement === null);
  const acknowledged = policies.filter((policy) => policy.acknowledgement !== null);

  return (
    <section id="policies-for-you" aria-labelledby="policies-for-you-heading">
      <h2 id="policies-for-you-heading" tabIndex={-1} ref={listHeading}>
        Policies for you
      </h2>
      {mine.isPending ? <Loading>Loading your policies…</Loading> : null}
      {mine.isError ? (
        <LoadFailed title="Your policies cannot be shown" error={mine.error} onRetry={() => void mine.refetch()} />
      ) : null}
      {mine.data ? (
        <>
          {waiting.length === 0 ? (
            <p id="policies-for-you-empty">Nothing is waiting for you.</p>
          ) : (
            <>
              <p>
                {countOf(waiting.length, 'policy', 'policies')} {waiting.length === 1 ? 'is' : 'are'} waiting for you
                to read and acknowledge.
              </p>
              <ul className="nhsuk-list custodian-policy-list" id="policies-waiting">
                {waiting.map((policy) => (
                  <li key={String(policy.version.id)} data-version-id={String(policy.version.id)}>
                    <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">{policy.title}</h3>
                    <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
                      Version {policy.version.number}, waiting since {formatDay(policy.dueSince)}
                    </p>
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                      id={`read-policy-${policy.version.id}`}
                      onClick={() => setReading(policy)}
                    >
                      Read and acknowledge<span className="nhsuk-u-visually-hidden">: {policy.title}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          {acknowledged.length > 0 ? (
            <details className="nhsuk-details" id="policies-acknowledged">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">Acknowledged ({acknowledged.length})</span>
              </summary>
              <div className="nhsuk-details__text">
                <ul className="nhsuk-list custodian-policy-list">
                  {acknowledged.map((policy) => (
                    <AcknowledgedItem key={String(policy.version.id)} policy={policy} onRead={() => setReading(policy)} />
                  ))}
                </ul>
              </div>
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function AcknowledgedItem({ policy, onRead }: { policy: PolicyForMeRow; onRead: () => void }) {
  const { acknowledgement } = policy;
  if (!acknowledgement) return null;
  return (
    <li data-version-id={String(policy.version.id)}>
      <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">{policy.title}</h3>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
        Version {policy.version.number}, acknowledged on{' '}
        <time dateTime={acknowledgement.acknowledgedAt}>{formatMomentDay(acknowledgement.acknowledgedAt)}</time>
        {acknowledgement.method === 'on_behalf' ? ' (recorded on your behalf)' : null}
      </p>
      <LinkButton id={`read-policy-${policy.version.id}`} onClick={onRead}>
        Read it again<span className="nhsuk-u-visually-hidden">: {policy.title}</span>
      </LinkButton>
    </li>
  );
}
