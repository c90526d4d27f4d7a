import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';

import { incidentAssess, type IncidentRow, type IncidentsView } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { TextAreaField } from '../shared/TextAreaField';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { AffectedCounts, PoliciesInvolved } from './IncidentFields';
import { useRefreshAfterIncidentChange } from './useIncidents';

// Shape only: Rust reads the numbers and checks the policies.
const schema = z.object({
  dataCategories: z.string(),
  peopleAffected: z.string(),
  recordsAffected: z.string(),
  consequences: z.string(),
  lessons: z.string(),
  policyIds: z.array(z.string()),
});

const FIELD_IDS = {
  dataCategories: 'incident-assess-data-categories',
  peopleAffected: 'incident-assess-people',
  recordsAffected: 'incident-assess-records',
  consequences: 'incident-assess-consequences',
  lessons: 'incident-assess-lessons',
} as const;

type AssessmentFormProps = {
  incident: IncidentRow;
  view: IncidentsView;
  onMessage: (message: string) => void;
};

/** The IG lead's assessment: what was affected, the likely consequences, the lessons, the policies involved. */
export function AssessmentForm({ incident, view, onMessage }: AssessmentFormProps) {
  const refresh = useRefreshAfterIncidentChange();
  const count = (value: number | null) => (value === null ? '' : String(value));
  const form = useSchemaForm(schema, {
    dataCategories: incident.dataCategories,
    peopleAffected: count(incident.peopleAffected),
    recordsAffected: count(incident.recordsAffected),
    consequences: incident.consequences,
    lessons: incident.lessons,
    policyIds: incident.policies.map((policy) => String(policy.id)),
  });
  const save = useMutation({
    mutationFn: incidentAssess,
    onSuccess: async (row) => {
      await refresh();
      onMessage(`The assessment of ${row.reference} is saved.`);
    },
  });
  const errors = formErrors(form.formState.errors, save.error, FIELD_IDS);
  const submit = form.handleSubmit(
    (values) => save.mutate({ id: incident.id, ...values, policyIds: values.policyIds.map(Number) }),
    () => save.reset(),
  );

  return (
    <section aria-labelledby="incident-assessment-heading" id="incident-assessment">
      <h2 className="nhsuk-heading-m" id="incident-assessment-heading">
        Assessment and lessons
      </h2>
      <form id="incident-assess-form" onSubmit={submit} noValidate>
        <ErrorSummary id="incident-assess-error-summary" errors={errors.items} focusKey={form.formState.submitCount} />
        <TextField
          id={FIELD_IDS.dataCategories}
          label="What personal information was involved?"
          error={errors.of('dataCategories')}
          registration={form.register('dataCategories')}
        />
        <AffectedCounts ids={FIELD_IDS} errorOf={errors.of} register={form.register} />
        <TextAreaField
          id={FIELD_IDS.consequences}
          label="Likely consequences"
          error={errors.of('consequences')}
          rows={2}
          registration={form.register('consequences')}
        />
        <TextAreaField
          id={FIELD_IDS.lessons}
          label="Lessons learned"
          hint="What the practice will do differently. Needed before the incident can be closed."
          error={errors.of('lessons')}
          rows={3}
          registration={form.register('lessons')}
        />
        <PoliciesInvolved
          idPrefix="incident-assess"
          summary="Policies involved"
          policies={view.policies}
          open={incident.policies.length > 0}
          registration={form.register('policyIds')}
        />
        <button type="submit" className="nhsuk-button" id="incident-assess-save" disabled={save.isPending}>
          Save the assessment
        </button>
      </form>
    </section>
  );
}
