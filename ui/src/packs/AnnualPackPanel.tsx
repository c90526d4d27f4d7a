import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';

import { CURRENT_DSPT_YEAR, useEvidenceMap } from '../dspt/useEvidenceMap';
import {
  packAnnualCreate,
  packAnnualStatement,
  type PeriodRequest,
  type SessionInfo,
} from '../ipc';
import { formatDay } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { PeriodFields, periodShape } from '../shared/PeriodFields';
import { LoadFailed, Loading } from '../shared/QueryState';
import { StatementSignature } from '../shared/StatementSignature';
import { useSchemaForm } from '../shared/useSchemaForm';
import { useStatementSignature } from '../shared/useStatementSignature';
import type { MadePack } from './PackCreatedPanel';

/** What the annual pack covers, as the result shows it. */
const ANNUAL_LABEL = 'Annual DSPT pack (whole practice, DSPT year), signed off by the SIRO';

// Shape only: Rust checks that the days are real and in order.
const periodSchema = z.object({
  ...periodShape,
});

const PERIOD_IDS = { from: 'annual-pack-from', to: 'annual-pack-to' } as const;
const ERROR_SUMMARY_ID = 'annual-pack-error-summary';

type AnnualPackPanelProps = {
  session: SessionInfo;
  /** The SIRO has signed and the pack is being made: the last result no longer stands. */
  onStarted: () => void;
  /** The pack is made and saved. */
  onMade: (made: MadePack) => void;
};

/**
 * The annual "whole practice, DSPT year" pack. Everyone is told that the SIRO signs it off; the
 * SIRO chooses the period, reads the statement core wrote of what the pack holds, and signs it with
 * their password, after which the pack is made and signed. Core refuses anyone else either way.
 */
export function AnnualPackPanel({ session, onStarted, onMade }: AnnualPackPanelProps) {
  const isSiro = session.roles.includes('siro');
  return (
    <section className="nhsuk-u-margin-top-8" id="annual-pack" aria-labelledby="annual-pack-heading">
      <h2 className="nhsuk-heading-m" id="annual-pack-heading">
        Annual DSPT pack (whole practice, DSPT year)
      </h2>
      <p>
        Once a year the practice makes one pack of its whole record for the DSPT year: every area&apos;s records, the
        DSPT evidence map and a sign-off page. The SIRO signs it off: they read a statement of what the pack holds and
        confirm it with their password, and the pack is then made and signed with the practice&apos;s certificate.
      </p>
      {isSiro ? (
        <SiroSignOff onStarted={onStarted} onMade={onMade} />
      ) : (
        <SiroOnly message="Only the SIRO can prepare and sign off the annual pack. Ask them to do it from this screen." />
      )}
    </section>
  );
}

/** Why this person cannot sign it off: an explanation, not a button. */
function SiroOnly({ message }: { message: string }) {
  return (
    <div className="nhsuk-inset-text" id="annual-pack-siro-only">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>{message}</p>
    </div>
  );
}

type Prepared = { period: PeriodRequest; statement: string };

type SiroSignOffProps = Omit<AnnualPackPanelProps, 'session'>;

/** The SIRO's steps: the period (from core's DSPT year), the statement, then the signature. */
function SiroSignOff({ onStarted, onMade }: SiroSignOffProps) {
  // Core says which DSPT year holds today; the UI works out no dates of its own.
  const year = useEvidenceMap(CURRENT_DSPT_YEAR);
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  // The period last chosen, so going back from the statement keeps it.
  const [period, setPeriod] = useState<PeriodRequest | null>(null);

  if (prepared) {
    return (
      <SignForm
        prepared={prepared}
        onCancel={() => setPrepared(null)}
        onStarted={onStarted}
        onMade={(made) => {
          setPrepared(null);
          onMade(made);
        }}
      />
    );
  }
  if (period === null) {
    if (year.isPending) return <Loading>Loading the current DSPT year…</Loading>;
    if (year.isError) {
      return <LoadFailed title="The DSPT year cannot be shown" error={year.error} onRetry={() => void year.refetch()} />;
    }
  }
  const defaults = period ?? { from: year.data?.currentYearFrom ?? '', to: year.data?.currentYearTo ?? '' };
  return (
    <PeriodForm
      defaults={defaults}
      onPrepared={(next) => {
        setPeriod(next.period);
        setPrepared(next);
      }}
    />
  );
}

function PeriodForm({ defaults, onPrepared }: { defaults: PeriodRequest; onPrepared: (prepared: Prepared) => void }) {
  const form = useSchemaForm(periodSchema, defaults);
  const prepare = useMutation({
    mutationFn: (period: PeriodRequest) => packAnnualStatement(period),
    onSuccess: (statement, period) => onPrepared({ period, statement }),
  });
  const refused = prepare.error?.code === 'forbidden' || prepare.error?.code === 'refused' ? prepare.error : null;
  const errors = formErrors(form.formState.errors, refused ? null : prepare.error, PERIOD_IDS);
  const submit = form.handleSubmit(
    (period) => prepare.mutate(period),
    () => prepare.reset(),
  );

  if (refused) return <SiroOnly message={refused.message} />;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="annual-pack-period-legend" id="annual-pack-period-form">
      <ErrorSummary id={ERROR_SUMMARY_ID} errors={errors.items} focusKey={form.formState.submitCount} />
      <fieldset className="nhsuk-fieldset" aria-describedby="annual-pack-period-hint">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s" id="annual-pack-period-legend">
          Which DSPT year?
        </legend>
        <div className="nhsuk-hint" id="annual-pack-period-hint">
          Both days are included. The suggested period is the current DSPT year.
        </div>
        <PeriodFields ids={PERIOD_IDS} errorOf={errors.of} register={form.register} />
      </fieldset>
      <button type="submit" className="nhsuk-button nhsuk-button--secondary" id="annual-pack-prepare" disabled={prepare.isPending}>
        {prepare.isPending ? 'Preparing the sign-off…' : 'Prepare sign-off'}
      </button>
    </form>
  );
}

type SignFormProps = {
  prepared: Prepared;
  onCancel: () => void;
  onStarted: () => void;
  onMade: (made: MadePack) => void;
};

/** The statement for the period, its tick and the SIRO's password; signing makes the pack. */
function SignForm({ prepared, onCancel, onStarted, onMade }: SignFormProps) {
  const { period, statement } = prepared;
  const signature = useStatementSignature({
    idPrefix: 'annual-pack',
    sign: (given) => packAnnualCreate({ from: period.from, to: period.to, ...given }),
    onSigned: (created) => onMade({ created, label: ANNUAL_LABEL, from: period.from, to: period.to }),
    onStarted,
  });

  return (
    <div id="annual-pack-sign-off">
      <ErrorSummary
        id={ERROR_SUMMARY_ID}
        title={signature.failure?.code === 'forbidden' ? 'You cannot sign off the annual pack' : undefined}
        errors={signature.errors.items}
        focusKey={signature.focusKey}
      />
      <p id="annual-pack-period">
        For <strong>{formatDay(period.from)}</strong> to <strong>{formatDay(period.to)}</strong>.
      </p>
      <StatementSignature
        {...signature.fields}
        intro={
          <>
            Read the statement: it counts what the pack will hold. Your name, the statement and the date and time are
            recorded in the audit trail and printed on the pack&apos;s sign-off page; the pack is made once you sign.
          </>
        }
        statement={statement}
        onCancel={onCancel}
      />
      <div id="annual-pack-progress" role="status" aria-live="polite">
        {signature.fields.pending ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              <strong>Making and signing the pack…</strong> This takes a few seconds. Keep Custodian open until it is
              done.
            </p>
          </div>
        ) : null}
      </div>
    </div>
  );
}
