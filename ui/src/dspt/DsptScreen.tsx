import { useState } from 'react';
import { z } from 'zod';

import type { CommandError, EvidenceEntryView, PeriodRequest, SessionInfo } from '../ipc';
import { openSection, type Section } from '../session/SessionPage';
import { formatDay } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { PeriodFields, periodShape } from '../shared/PeriodFields';
import { LoadFailed, Loading } from '../shared/QueryState';
import { useSchemaForm } from '../shared/useSchemaForm';
import { EvidenceTable } from './EvidenceTable';
import { standingCounts } from './labels';
import { CURRENT_DSPT_YEAR, useEvidenceMap } from './useEvidenceMap';

// Shape only: Rust checks that the days are real and in order.
const schema = z.object({
  ...periodShape,
});

const FIELD_IDS = { from: 'dspt-from', to: 'dspt-to' } as const;

type DsptScreenProps = {
  session: SessionInfo;
  /** Go to the section where an item's evidence is kept. */
  onNavigate: (section: Section) => void;
};

/**
 * The DSPT evidence map: each toolkit item that the practice's records support, judged by core
 * over a period (the current DSPT year unless another is chosen) as looks met, partly met or
 * missing, with the evidence held, what would complete it, and where it is kept.
 */
export function DsptScreen({ session, onNavigate }: DsptScreenProps) {
  const [period, setPeriod] = useState<PeriodRequest>(CURRENT_DSPT_YEAR);
  const map = useEvidenceMap(period);
  // The form starts at the period core chose for the first answer: the DSPT year holding today.
  const [year, setYear] = useState<PeriodRequest | null>(null);
  if (year === null && map.data) setYear({ from: map.data.currentYearFrom, to: map.data.currentYearTo });

  // A period Rust refused is shown on the form; anything else as a failure to load.
  const periodRefused = map.error?.code === 'invalid_input' ? map.error : null;
  const linkOf = (entry: EvidenceEntryView) => openSection(session.permissions, entry.section);

  return (
    <div id="dspt-screen">
      <h1>DSPT evidence</h1>
      <p>
        The items of the Data Security and Protection Toolkit that Custodian&apos;s records support, and how each looks
        for a period. Custodian judges from the records alone: check each answer before you submit the toolkit.
      </p>

      {year === null ? (
        map.isError ? (
          <LoadFailed title="The evidence map cannot be shown" error={map.error} onRetry={() => void map.refetch()} />
        ) : (
          <Loading>Loading the evidence map…</Loading>
        )
      ) : (
        <>
          <PeriodForm defaults={year} refused={periodRefused} onShow={setPeriod} />
          <div id="dspt-progress" role="status" aria-live="polite">
            {map.isFetching ? <p className="nhsuk-body-s">Judging the records for the period…</p> : null}
          </div>
          {map.isError && !periodRefused ? (
            <LoadFailed title="The evidence map cannot be shown" error={map.error} onRetry={() => void map.refetch()} />
          ) : null}
          {map.data && !map.isError ? (
            <section id="dspt-map" aria-labelledby="dspt-map-heading">
              <h2 className="nhsuk-heading-m" id="dspt-map-heading">
                {formatDay(map.data.from)} to {formatDay(map.data.to)}
              </h2>
              <dl className="nhsuk-summary-list nhsuk-summary-list--no-border">
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Toolkit year</dt>
                  <dd className="nhsuk-summary-list__value" id="dspt-toolkit-year">
                    {map.data.toolkitYear}
                  </dd>
                </div>
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Source</dt>
                  <dd className="nhsuk-summary-list__value" id="dspt-source">
                    {map.data.source}
                  </dd>
                </div>
              </dl>
              <p id="dspt-summary">
                <strong>{standingCounts(map.data.entries)}</strong>
              </p>
              <EvidenceTable entries={map.data.entries} linkOf={linkOf} onGo={(link) => onNavigate(link.section)} />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

type PeriodFormProps = {
  defaults: PeriodRequest;
  /** Rust's refusal of the period asked for, if it refused it. */
  refused: CommandError | null;
  onShow: (period: PeriodRequest) => void;
};

/** The period to judge: two days, both included. */
function PeriodForm({ defaults, refused, onShow }: PeriodFormProps) {
  const form = useSchemaForm(schema, defaults);
  const errors = formErrors(form.formState.errors, refused, FIELD_IDS);
  const submit = form.handleSubmit((period) => onShow(period));

  return (
    <form onSubmit={submit} noValidate aria-labelledby="dspt-period-heading" id="dspt-period-form">
      <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
      <fieldset className="nhsuk-fieldset" aria-describedby="dspt-period-hint">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s" id="dspt-period-heading">
          Which period?
        </legend>
        <div className="nhsuk-hint" id="dspt-period-hint">
          Both days are included. It starts at the current DSPT year.
        </div>
        <div className="custodian-inline-fields">
          <PeriodFields ids={FIELD_IDS} errorOf={errors.of} register={form.register} />
        </div>
      </fieldset>
      <button type="submit" className="nhsuk-button nhsuk-button--secondary" id="dspt-show">
        Show
      </button>
    </form>
  );
}
