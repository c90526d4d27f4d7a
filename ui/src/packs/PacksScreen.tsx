import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';

import { CURRENT_DSPT_YEAR, useEvidenceMap } from '../dspt/useEvidenceMap';
import { packCreate, type SessionInfo } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { PeriodFields, periodShape, type Period } from '../shared/PeriodFields';
import { LoadFailed, Loading } from '../shared/QueryState';
import { Radios } from '../shared/Radios';
import { useSchemaForm } from '../shared/useSchemaForm';
import { AnnualPackPanel } from './AnnualPackPanel';
import { PackCreatedPanel, type MadePack } from './PackCreatedPanel';
import { SCOPE_NAMES, SCOPES, scopeLabel } from './scopes';

// Shape only: Rust checks that the days are real and in order.
const schema = z.object({
  scope: z.enum(SCOPE_NAMES, 'Choose what the pack covers'),
  ...periodShape,
});

const FIELD_IDS = { scope: 'pack-scope-all', from: 'pack-from', to: 'pack-to' } as const;

/**
 * Makes a signed PDF evidence pack of the practice's records for a scope and a period; and the
 * annual DSPT pack, which the SIRO signs off. The last pack made, of either kind, is shown at the top.
 */
export function PacksScreen({ session }: { session: SessionInfo }) {
  // Core says which DSPT year holds today: the suggested period, which Rust checks like any other.
  const year = useEvidenceMap(CURRENT_DSPT_YEAR);
  const [made, setMade] = useState<MadePack | null>(null);

  return (
    <div id="packs-screen">
      <h1>Evidence packs</h1>
      <p>
        An evidence pack is a PDF of the practice&apos;s records for a period, signed with the practice&apos;s own
        certificate. Give it to the DSPT assessor, the CQC or an auditor: they can check that nothing in it was changed
        after it was made.
      </p>

      {made ? <PackCreatedPanel made={made} /> : null}

      {year.data ? (
        <PackForm
          defaults={{ from: year.data.currentYearFrom, to: year.data.currentYearTo }}
          another={made !== null}
          onStarted={() => setMade(null)}
          onMade={setMade}
        />
      ) : year.isError ? (
        <LoadFailed title="The DSPT year cannot be shown" error={year.error} onRetry={() => void year.refetch()} />
      ) : (
        <Loading>Loading the current DSPT year…</Loading>
      )}

      <AnnualPackPanel session={session} onStarted={() => setMade(null)} onMade={setMade} />
    </div>
  );
}

type PackFormProps = {
  defaults: Period;
  /** A pack was made already: the form offers "another". */
  another: boolean;
  onStarted: () => void;
  onMade: (made: MadePack) => void;
};

/** The scope and period of an ordinary pack, and making it. */
function PackForm({ defaults, another, onStarted, onMade }: PackFormProps) {
  const form = useSchemaForm(schema, { scope: 'all', ...defaults });
  const create = useMutation({
    mutationFn: packCreate,
    onMutate: onStarted,
    onSuccess: (created, request) => onMade({ created, label: scopeLabel(request.scope), from: request.from, to: request.to }),
  });
  const errors = formErrors(form.formState.errors, create.error, FIELD_IDS);

  const submit = form.handleSubmit(
    (request) => create.mutate({ ...request, recordId: null }),
    () => create.reset(),
  );

  return (
    <>
      <ErrorSummary
        title={create.error?.code === 'forbidden' ? 'You cannot make evidence packs' : undefined}
        errors={errors.items}
        focusKey={form.formState.submitCount}
      />
      <form onSubmit={submit} noValidate aria-labelledby="pack-form-heading">
        <h2 className="nhsuk-heading-m" id="pack-form-heading">
          {another ? 'Make another pack' : 'Make a pack'}
        </h2>
        <Radios
          id="pack-scope"
          legend="What should the pack cover?"
          error={errors.of('scope')}
          options={SCOPES}
          registration={form.register('scope')}
        />
        <fieldset className="nhsuk-fieldset" aria-describedby="pack-period-hint">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Which period?</legend>
          <div className="nhsuk-hint" id="pack-period-hint">
            Both days are included. The suggested period is the current DSPT year.
          </div>
          <PeriodFields ids={FIELD_IDS} errorOf={errors.of} register={form.register} />
        </fieldset>

        <div id="pack-progress" role="status" aria-live="polite">
          {create.isPending ? (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>
                <strong>Making and signing the pack…</strong> This takes a few seconds. Keep Custodian open until it
                is done.
              </p>
            </div>
          ) : null}
        </div>

        <button type="submit" className="nhsuk-button" id="pack-submit" disabled={create.isPending}>
          {create.isPending ? 'Making the pack…' : 'Make and sign the pack'}
        </button>
      </form>
    </>
  );
}
