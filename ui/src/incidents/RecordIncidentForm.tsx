import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';

import { incidentRecord, type IncidentRequest, type IncidentRow, type IncidentsView } from '../ipc';
import { Checkboxes } from '../shared/Checkboxes';
import { localMomentInput, localMomentToRfc3339 } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { Radios } from '../shared/Radios';
import { SelectField } from '../shared/SelectField';
import { TextAreaField } from '../shared/TextAreaField';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { DevicePicker } from './DevicePicker';
import { AffectedCounts, PoliciesInvolved } from './IncidentFields';
import { LOST_OR_STOLEN_DEVICE } from './labels';
import { Tick } from './Tick';
import { useRefreshAfterIncidentChange } from './useIncidents';

/** What another screen fills in before the form opens (a device's page: its device, lost or stolen). */
export type IncidentDraft = { category?: string; deviceIds?: readonly number[]; stolen?: boolean };

// Shape only: Rust checks the kind, the category, the times, the description and the numbers.
const schema = z.object({
  kind: z.string().nullish(),
  category: z.string(),
  breachTypes: z.array(z.string()),
  occurredAt: z.string(),
  awareAt: z.string(),
  awareFirstReason: z.string(),
  description: z.string(),
  involves: z.array(z.string()),
  dataCategories: z.string(),
  peopleAffected: z.string(),
  recordsAffected: z.string(),
  consequences: z.string(),
  deviceIds: z.array(z.string()),
  stolen: z.boolean(),
  policyIds: z.array(z.string()),
});

type Values = z.input<typeof schema>;

// Rust reports problems under the request's names; the times' problems link to their inputs.
const FIELD_IDS = {
  kind: 'incident-kind-ig',
  category: 'incident-category',
  breachTypes: 'incident-breach-confidentiality',
  occurredAt: 'incident-occurred-at',
  awareAt: 'incident-aware-at',
  description: 'incident-description',
  peopleAffected: 'incident-people-affected',
  recordsAffected: 'incident-records-affected',
  deviceId: 'incident-device-choice',
} as const;

const SPECIAL_CATEGORY = 'special_category';
const VULNERABLE_PEOPLE = 'vulnerable_people';

type RecordIncidentFormProps = {
  view: IncidentsView;
  draft?: IncidentDraft | undefined;
  onCancel: () => void;
  onRecorded: (row: IncidentRow) => void;
};

/** Records an incident or near miss: anyone may. The IG lead grades it afterwards. */
export function RecordIncidentForm({ view, draft, onCancel, onRecorded }: RecordIncidentFormProps) {
  const refresh = useRefreshAfterIncidentChange();
  // Both times start at this minute: most incidents are recorded as soon as someone knows.
  const [now] = useState(() => localMomentInput());
  // A device picked in the list but not yet added is named too.
  const [deviceChoice, setDeviceChoice] = useState('');
  const form = useSchemaForm(schema, {
    kind: null,
    category: draft?.category ?? '',
    breachTypes: [],
    occurredAt: now,
    awareAt: now,
    awareFirstReason: '',
    description: '',
    involves: [],
    dataCategories: '',
    peopleAffected: '',
    recordsAffected: '',
    consequences: '',
    deviceIds: (draft?.deviceIds ?? []).map(String),
    stolen: draft?.stolen ?? false,
    policyIds: [],
  });
  const [category, occurredAt, awareAt, awareFirstReason, deviceIds] = useWatch({
    control: form.control,
    name: ['category', 'occurredAt', 'awareAt', 'awareFirstReason', 'deviceIds'],
  });
  const record = useMutation({
    mutationFn: incidentRecord,
    onSuccess: async (row) => {
      await refresh();
      onRecorded(row);
    },
  });
  const errors = formErrors(form.formState.errors, record.error, FIELD_IDS);
  // Awareness before the incident needs a reason (a threat received first): asked for only then.
  const awareFirst = Boolean(occurredAt && awareAt && awareAt < occurredAt) || awareFirstReason.trim() !== '';

  const submit = form.handleSubmit(
    (values: Values) => {
      const request: IncidentRequest = {
        kind: values.kind ?? '',
        category: values.category,
        breachTypes: values.breachTypes,
        occurredAt: localMomentToRfc3339(values.occurredAt),
        awareAt: localMomentToRfc3339(values.awareAt),
        awareFirstReason: awareFirst ? values.awareFirstReason : '',
        description: values.description,
        specialCategory: values.involves.includes(SPECIAL_CATEGORY),
        vulnerablePeople: values.involves.includes(VULNERABLE_PEOPLE),
        deviceIds: [...new Set([...values.deviceIds, deviceChoice].filter(Boolean))].map(Number),
        stolen: values.category === LOST_OR_STOLEN_DEVICE && values.stolen,
        policyIds: values.policyIds.map(Number),
        dataCategories: values.dataCategories,
        // As typed: Rust reads the numbers.
        peopleAffected: values.peopleAffected,
        recordsAffected: values.recordsAffected,
        consequences: values.consequences,
      };
      record.mutate(request);
    },
    () => record.reset(),
  );

  return (
    <>
      <button type="button" className="nhsuk-back-link" onClick={onCancel}>
        Back to incidents
      </button>
      <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
      <h1>Record an incident</h1>
      <p>
        Say what happened as soon as you know, even if details are missing: the IG lead grades it and decides whether it
        must be reported within 72 hours of the practice becoming aware of it.
      </p>

      <form id="incident-form" onSubmit={submit} noValidate>
        <Radios
          id="incident-kind"
          legend="What kind of incident is it?"
          error={errors.of('kind')}
          options={view.kinds.map((kind) => ({ value: kind.value, label: kind.label, id: `incident-kind-${kind.value}` }))}
          registration={form.register('kind')}
        />
        <SelectField
          id={FIELD_IDS.category}
          label="What happened?"
          error={errors.of('category')}
          options={[{ value: '', label: 'Choose the category' }, ...view.categories]}
          registration={form.register('category')}
        />
        <Checkboxes
          id="incident-breach"
          legend="What did it affect?"
          hint={
            'Tick all that apply. Confidentiality: information seen or sent where it should not be. ' +
            'Integrity: information changed or wrong. Availability: information or systems not there when needed.'
          }
          error={errors.of('breachTypes')}
          options={view.breachTypes.map((type) => ({
            value: type.value,
            label: type.label,
            id: `incident-breach-${type.value}`,
          }))}
          registration={form.register('breachTypes')}
        />
        <TextField
          id={FIELD_IDS.occurredAt}
          type="datetime-local"
          width={20}
          label="When did it happen?"
          hint="Your best estimate, in this computer's time"
          error={errors.of('occurredAt')}
          registration={form.register('occurredAt')}
        />
        <TextField
          id={FIELD_IDS.awareAt}
          type="datetime-local"
          width={20}
          label="When did the practice become aware of it?"
          hint="The 72-hour clock for reporting starts here"
          error={errors.of('awareAt')}
          registration={form.register('awareAt')}
        />
        {awareFirst ? (
          <TextAreaField
            id="incident-aware-first-reason"
            label="Why did the practice know before it happened?"
            hint="For example, a threat was received before the attack"
            rows={2}
            registration={form.register('awareFirstReason')}
          />
        ) : null}
        <TextAreaField
          id={FIELD_IDS.description}
          label="Describe what happened"
          hint="Where, how, who found it, and what has been done so far"
          error={errors.of('description')}
          rows={5}
          registration={form.register('description')}
        />
        <TextField
          id="incident-data-categories"
          label="What personal information was involved?"
          hint="For example: names, addresses, NHS numbers, test results"
          registration={form.register('dataCategories')}
        />
        <Checkboxes
          id="incident-involves"
          legend="Who and what does it involve?"
          hint="Tick all that apply"
          options={[
            {
              value: SPECIAL_CATEGORY,
              label: 'Health or other special-category information',
              id: 'incident-special-category',
            },
            {
              value: VULNERABLE_PEOPLE,
              label: 'Vulnerable people (children, vulnerable adults)',
              id: 'incident-vulnerable-people',
            },
          ]}
          registration={form.register('involves')}
        />
        <AffectedCounts ids={FIELD_IDS} errorOf={errors.of} register={form.register} />
        <TextAreaField
          id="incident-consequences"
          label="What could the consequences be?"
          hint="For the people affected and for the practice"
          rows={3}
          registration={form.register('consequences')}
        />
        <DevicePicker
          idPrefix="incident-device"
          devices={view.devices}
          chosen={deviceIds}
          error={errors.of('deviceId')}
          onChange={(next) => form.setValue('deviceIds', next)}
          choice={deviceChoice}
          onChoice={setDeviceChoice}
        />
        {category === LOST_OR_STOLEN_DEVICE ? (
          <Tick
            id="incident-stolen"
            label="It was stolen"
            hint="The devices are marked stolen in the register; otherwise lost"
            registration={form.register('stolen')}
          />
        ) : null}
        <PoliciesInvolved
          idPrefix="incident"
          summary="Policies involved (optional)"
          policies={view.policies}
          registration={form.register('policyIds')}
        />

        <div className="nhsuk-button-group">
          <button type="submit" className="nhsuk-button" id="incident-save" disabled={record.isPending}>
            {record.isPending ? 'Saving…' : 'Record the incident'}
          </button>
          <LinkButton id="incident-cancel" onClick={onCancel}>
            Cancel
          </LinkButton>
        </div>
      </form>
    </>
  );
}
