import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { ACK_KEY, useAckMatrix } from '../acknowledgements/useAcknowledgements';
import { settingsSetComplianceBar } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LoadFailed, Loading } from '../shared/QueryState';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';

// Shape only: Rust decides the allowed range (50 to 100).
const schema = z.object({
  percent: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, 'Enter the bar as a whole number of percent, from 50 to 100'),
});

const FIELD_IDS = { percent: 'compliance-bar' } as const;

/**
 * The practice's acknowledgement bar: the share of staff who must be up to date. The current
 * value is the one the acknowledgements matrix is measured against.
 */
export function ComplianceBarSection() {
  const matrix = useAckMatrix();
  // Someone who may change settings but not see the matrix: core says no, so nothing is shown.
  if (matrix.error?.code === 'forbidden') return null;

  return (
    <section aria-labelledby="compliance-bar-heading">
      <h2 id="compliance-bar-heading">Policy acknowledgements</h2>
      {matrix.isPending ? <Loading>Loading the acknowledgement bar…</Loading> : null}
      {matrix.isError ? (
        <LoadFailed
          title="The acknowledgement bar cannot be shown"
          error={matrix.error}
          onRetry={() => void matrix.refetch()}
        />
      ) : null}
      {matrix.data ? <ComplianceBarForm barPercent={matrix.data.barPercent} /> : null}
    </section>
  );
}

function ComplianceBarForm({ barPercent }: { barPercent: number }) {
  const queryClient = useQueryClient();
  const form = useSchemaForm(schema, { percent: String(barPercent) });
  const save = useMutation({
    mutationFn: settingsSetComplianceBar,
    onSuccess: async (_, request) => {
      form.reset({ percent: String(request.percent) });
      await queryClient.invalidateQueries({ queryKey: ACK_KEY });
    },
  });
  const errors = formErrors(form.formState.errors, save.error, FIELD_IDS);

  const submit = form.handleSubmit(
    (values) => save.mutate({ percent: Number(values.percent) }),
    () => save.reset(),
  );

  return (
    <>
      <ErrorSummary id="compliance-bar-error-summary" errors={errors.items} focusKey={form.formState.submitCount} />
      <form onSubmit={submit} noValidate>
        <TextField
          id={FIELD_IDS.percent}
          type="number"
          inputMode="numeric"
          min={50}
          max={100}
          step={1}
          label="Acknowledgement bar (%)"
          hint="The share of staff who must have acknowledged every policy that applies to them. The DSPT asks for at least 95%."
          error={errors.of('percent')}
          width={3}
          registration={form.register('percent')}
        />
        <p id="compliance-bar-current" role="status">
          {save.isSuccess ? 'Saved. ' : ''}
          The practice&apos;s bar is {barPercent}%.
        </p>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary" id="compliance-bar-save" disabled={save.isPending}>
          Save acknowledgement bar
        </button>
      </form>
    </>
  );
}
