import { z } from 'zod';

import {
  policyAdd,
  policyUpdate,
  type PolicyFormRequest,
  type PolicyRegisterView,
  type PolicyRow,
  type RoleName,
} from '../ipc';
import { Checkboxes } from '../shared/Checkboxes';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { SelectField } from '../shared/SelectField';
import { TextField } from '../shared/TextField';
import { personChoice } from '../shared/personChoice';
import { useAddOrEdit } from '../shared/useAddOrEdit';
import { useSchemaForm } from '../shared/useSchemaForm';
import { cadenceLabel } from './labels';
import { useRefreshAfterPolicyChange } from './usePolicies';

// Shape only: Rust checks the title, the owner, the approvers and the cadence.
const schema = z.object({
  title: z.string().trim().min(1, "Enter the policy's title"),
  ownerId: z.string(),
  approvers: z.array(z.string()),
  reviewMonths: z.string(),
  audience: z.array(z.string()),
});

/** The roles offered as approvers, in this order. */
const APPROVER_ROLES: readonly RoleName[] = ['caldicott_guardian', 'siro'];

/** The review cadences offered (a policy's own cadence is offered too, if it is another). */
const CADENCES = [6, 12, 24, 36];

type PolicyFormProps = {
  /** The register, for its owner and role options. */
  register: PolicyRegisterView;
  onCancel: () => void;
} & (
  | { mode: 'add'; onAdded: (added: PolicyRow) => void }
  | { mode: 'edit'; policy: PolicyRow; onSaved: (saved: PolicyRow) => void }
);

/** Adds a policy to the register, or changes a register entry's details. */
export function PolicyForm(props: PolicyFormProps) {
  const { register, onCancel } = props;
  const editing = props.mode === 'edit' ? props.policy : null;
  const refresh = useRefreshAfterPolicyChange();
  const form = useSchemaForm(schema, {
    title: editing?.title ?? '',
    ownerId: editing?.owner ? String(editing.owner.id) : '',
    approvers: editing ? [...editing.approvers] : [],
    reviewMonths: String(editing?.reviewMonths ?? 12),
    audience: editing ? [...editing.audience] : [],
  });
  const save = useAddOrEdit({
    add: policyAdd,
    edit: policyUpdate,
    refresh: refresh,
    onAdded: props.mode === 'add' ? props.onAdded : undefined,
    onSaved: props.mode === 'edit' ? props.onSaved : undefined,
  });

  // The current owner stays on offer even if they are no longer among the options.
  const owner = personChoice(register.ownerOptions, editing?.owner ?? null, 'No owner yet');
  const cadences = editing && !CADENCES.includes(editing.reviewMonths) ? [...CADENCES, editing.reviewMonths] : CADENCES;
  const approverOptions = APPROVER_ROLES.map((role) => ({
    value: role,
    label: register.roleOptions.find((option) => option.role === role)?.label ?? role,
    id: `policy-approver-${role}`,
  }));
  const audienceOptions = register.roleOptions.map((option) => ({
    value: option.role,
    label: option.label,
    id: `policy-audience-${option.role}`,
  }));

  const fieldIds = {
    title: 'policy-title',
    ownerId: 'policy-owner',
    approvers: approverOptions[0]?.id ?? 'policy-approvers',
    reviewMonths: 'policy-review-months',
    audience: audienceOptions[0]?.id ?? 'policy-audience',
  };
  const errors = formErrors(form.formState.errors, save.error, fieldIds);

  const submit = form.handleSubmit(
    (values) => {
      const request: PolicyFormRequest = {
        title: values.title,
        ownerId: owner.idOf(values.ownerId),
        approvers: APPROVER_ROLES.filter((role) => values.approvers.includes(role)),
        reviewMonths: Number(values.reviewMonths),
        audience: register.roleOptions.filter((option) => values.audience.includes(option.role)).map((option) => option.role),
      };
      if (editing) save.edit({ id: editing.id, policy: request });
      else save.add(request);
    },
    save.reset,
  );

  return (
    <>
      <button type="button" className="nhsuk-back-link" onClick={onCancel}>
        {editing ? `Back to ${editing.title}` : 'Back to the policy register'}
      </button>
      <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
      <h1>{editing ? `Change the details of ${editing.title}` : 'Add a policy'}</h1>

      <form id="policy-form" onSubmit={submit} noValidate>
        <TextField
          id={fieldIds.title}
          label="Title"
          error={errors.of('title')}
          autoComplete="off"
          registration={form.register('title')}
        />
        <SelectField
          id={fieldIds.ownerId}
          label="Owner"
          hint="Who keeps it up to date"
          error={errors.of('ownerId')}
          options={owner.options}
          registration={form.register('ownerId')}
        />
        <Checkboxes
          id="policy-approvers"
          legend="Who signs off a new version?"
          hint="Each role ticked must sign off a version before it can be published."
          error={errors.of('approvers')}
          options={approverOptions}
          registration={form.register('approvers')}
        />
        <SelectField
          id={fieldIds.reviewMonths}
          label="How often is it reviewed?"
          error={errors.of('reviewMonths')}
          options={cadences.map((months) => ({ value: String(months), label: cadenceLabel(months) }))}
          registration={form.register('reviewMonths')}
        />
        <Checkboxes
          id="policy-audience"
          legend="Who must read it?"
          hint="Leave all unticked for everyone."
          error={errors.of('audience')}
          options={audienceOptions}
          registration={form.register('audience')}
        />

        <div className="nhsuk-button-group">
          <button type="submit" className="nhsuk-button" id="policy-save" disabled={save.pending}>
            {editing ? 'Save changes' : 'Add the policy'}
          </button>
          <LinkButton id="policy-cancel" onClick={onCancel}>
            Cancel
          </LinkButton>
        </div>
      </form>
    </>
  );
}
