import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';

import { SESSION_KEY } from '../appStatus';
import { ackAcknowledge, ackOpen, ackReachedEnd, type AcknowledgementRow, type PolicyForMeRow } from '../ipc';
import { PolicyBlocks } from '../policies/PolicyBlocks';
import { formatMomentDay } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LoadFailed, Loading } from '../shared/QueryState';
import { hasReachedEnd } from './readerEnd';
import { ACK_MINE_KEY, useVersionText } from './useAcknowledgements';

const FIELD_IDS = { confirmed: 'ack-confirm' } as const;

type PolicyReaderProps = {
  /** The policy, as `ack_mine` listed it when the person chose it. */
  policy: PolicyForMeRow;
  /** The statement the person confirms, as Rust words it. */
  statement: string;
};

/**
 * One policy to read: its text in a scrolling region and, for a version waiting for the person,
 * the acknowledgement, which opens once they have reached the end of the text.
 */
export function PolicyReader({ policy, statement }: PolicyReaderProps) {
  const queryClient = useQueryClient();
  const versionId = policy.version.id;
  const waiting = policy.acknowledgement === null;
  const text = useVersionText(versionId);

  const { mutate: noteOpened } = useMutation({ mutationFn: ackOpen });
  const reachedEnd = useMutation({
    mutationFn: ackReachedEnd,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ACK_MINE_KEY }),
  });
  const acknowledge = useMutation({
    mutationFn: ackAcknowledge,
    // Everything the session shows: an acknowledgement moves the figures and the dashboard too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });

  const [confirmed, setConfirmed] = useState(false);
  const [submitCount, setSubmitCount] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const region = useRef<HTMLDivElement>(null);
  // Each is told to Rust once per reading: the first look, and reaching the end.
  const openNoted = useRef(false);
  const endNoted = useRef(policy.reachedEnd);

  const canAcknowledge = policy.reachedEnd || reachedEnd.isSuccess;
  const errors = formErrors({}, acknowledge.error ?? reachedEnd.error, FIELD_IDS);

  useEffect(() => {
    // Opening a policy moves keyboard and screen-reader users to its title.
    heading.current?.focus();
  }, []);

  useEffect(() => {
    if (!waiting || openNoted.current) return;
    openNoted.current = true;
    noteOpened({ id: versionId });
  }, [waiting, versionId, noteOpened]);

  const checkEnd = () => {
    if (!waiting || endNoted.current || !region.current || !hasReachedEnd(region.current)) return;
    endNoted.current = true;
    reachedEnd.mutate({ id: versionId });
  };
  const checkEndAfterRender = useEffectEvent(checkEnd);
  useEffect(() => {
    // A text short enough to need no scrolling is at its end as soon as it is shown.
    if (text.data) checkEndAfterRender();
  }, [text.data]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitCount((count) => count + 1);
    acknowledge.mutate({ versionId, confirmed });
  };

  return (
    <article id="policy-reader-article" aria-labelledby="policy-reader-title">
      <ErrorSummary
        id="ack-error-summary"
        title={acknowledge.error?.code === 'refused' ? 'This policy cannot be acknowledged' : undefined}
        errors={errors.items}
        focusKey={submitCount}
      />
      <h2 className="nhsuk-heading-l" id="policy-reader-title" tabIndex={-1} ref={heading}>
        <span className="nhsuk-caption-l">
          Version {policy.version.number}
          <span className="nhsuk-u-visually-hidden"> – </span>
        </span>
        {policy.title}
      </h2>

      {policy.acknowledgement ? <AlreadyAcknowledged acknowledgement={policy.acknowledgement} /> : null}

      {text.isPending ? <Loading>Loading the policy…</Loading> : null}
      {text.isError ? (
        <LoadFailed title="The policy cannot be shown" error={text.error} onRetry={() => void text.refetch()} />
      ) : null}
      {text.data ? (
        <div
          className="custodian-policy-reader"
          id="policy-reader"
          tabIndex={0}
          role="region"
          aria-label="Policy text"
          ref={region}
          onScroll={checkEnd}
        >
          <PolicyBlocks blocks={text.data.blocks} topLevel={3} />
          <p className="custodian-policy-reader__end" id="policy-reader-end">
            End of the policy
          </p>
        </div>
      ) : null}

      {waiting && acknowledge.data ? (
        <AcknowledgedPanel acknowledgement={acknowledge.data} title={policy.title} version={policy.version.number} />
      ) : null}
      {waiting && !acknowledge.data ? (
        <form onSubmit={submit} noValidate aria-label="Acknowledge the policy">
          <div className={errors.of('confirmed') ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
            <fieldset className="nhsuk-fieldset" aria-describedby={fieldDescription(canAcknowledge, errors.of('confirmed'))}>
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                <h3 className="nhsuk-fieldset__heading">Acknowledge the policy</h3>
              </legend>
              {canAcknowledge ? null : (
                <div className="nhsuk-hint" id="ack-hint">
                  Scroll to the end of the policy to acknowledge it
                </div>
              )}
              {errors.of('confirmed') ? (
                <span className="nhsuk-error-message" id="ack-confirm-error">
                  <span className="nhsuk-u-visually-hidden">Error: </span>
                  {errors.of('confirmed')}
                </span>
              ) : null}
              <div className="nhsuk-checkboxes">
                <div className="nhsuk-checkboxes__item">
                  <input
                    className="nhsuk-checkboxes__input"
                    type="checkbox"
                    id="ack-confirm"
                    name="confirmed"
                    checked={confirmed}
                    disabled={!canAcknowledge}
                    onChange={(event) => setConfirmed(event.target.checked)}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="ack-confirm">
                    {statement}
                  </label>
                </div>
              </div>
            </fieldset>
          </div>
          <button type="submit" className="nhsuk-button" id="ack-submit" disabled={!canAcknowledge || acknowledge.isPending}>
            Acknowledge
          </button>
        </form>
      ) : null}
    </article>
  );
}

/** The hint (while the end is not reached) and the error that describe the confirmation. */
function fieldDescription(canAcknowledge: boolean, error: string | undefined): string | undefined {
  return [canAcknowledge ? null : 'ack-hint', error ? 'ack-confirm-error' : null].filter(Boolean).join(' ') || undefined;
}

/** "You acknowledged this on 2 April 2026", and by whom it was recorded if not by the person. */
function AlreadyAcknowledged({ acknowledgement }: { acknowledgement: AcknowledgementRow }) {
  return (
    <div className="nhsuk-inset-text" id="ack-already">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        You acknowledged this on{' '}
        <time dateTime={acknowledgement.acknowledgedAt}>{formatMomentDay(acknowledgement.acknowledgedAt)}</time>
        {acknowledgement.method === 'on_behalf' ? onBehalfNote(acknowledgement) : null}.
      </p>
    </div>
  );
}

/** ", recorded on your behalf by Jane Smith: signed the paper sheet on 3 March". */
export function onBehalfNote(acknowledgement: AcknowledgementRow): string {
  const by = acknowledgement.recordedBy ? ` by ${acknowledgement.recordedBy.fullName}` : '';
  const reason = acknowledgement.reason ? `: ${acknowledgement.reason}` : '';
  return `, recorded on your behalf${by}${reason}`;
}

type AcknowledgedPanelProps = { acknowledgement: AcknowledgementRow; title: string; version: string };

/** The acknowledgement just made. */
function AcknowledgedPanel({ acknowledgement, title, version }: AcknowledgedPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className="nhsuk-panel" id="ack-done">
      <h3 className="nhsuk-panel__heading" tabIndex={-1} ref={heading}>
        Policy acknowledged
      </h3>
      <div className="nhsuk-panel__body">
        You acknowledged {title} version {version} on{' '}
        <time dateTime={acknowledgement.acknowledgedAt}>{formatMomentDay(acknowledgement.acknowledgedAt)}</time>
      </div>
    </div>
  );
}
