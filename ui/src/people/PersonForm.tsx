import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { APP_STATUS_KEY } from '../appStatus';
import {
  peopleAdd,
  peopleUpdate,
  type AddedPerson,
  type PersonFormRequest,
  type PersonRow,
  type RoleOption,
} from '../ipc';
import { Checkboxes } from '../shared/Checkboxes';
import { today } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { TextField } from '../shared/TextField';
import { useAddOrEdit } from '../shared/useAddOrEdit';
import { useSchemaForm } from '../shared/useSchemaForm';
import { PEOPLE_KEY } from './usePeople';

// Shape only: Rust checks the login rules, the email, the roles and the dates.
const editSchema = z.object({
  fullName: z.string().trim().min(1, 'Enter their full name'),
  login: z.string().trim(),
  jobTitle: z.string().trim(),
  email: z.string().trim(),
  roles: z.array(z.string()),
  startDate: z.string().trim().min(1, 'Enter their first day'),
  leavingDate: z.string().trim(),
});

const addSchema = editSchema.extend({ login: z.string().trim().min(1, 'Enter a login name') });

type PersonFormProps = {
  /** Every role, for the checkboxes. */
  roleOptions: readonly RoleOption[];
  onCancel: () => void;
} & (
  | { mode: 'add'; onAdded: (added: AddedPerson) => void }
  | { mode: 'edit'; person: PersonRow; onSaved: (saved: PersonRow) => void }
);

/** Adds a person to the staff register, or changes someone's details, roles and dates. */
export function PersonForm(props: PersonFormProps) {
  const { roleOptions, onCancel } = props;
  const editing = props.mode === 'edit' ? props.person : null;
  const queryClient = useQueryClient();
  const form = useSchemaForm(editing ? editSchema : addSchema, {
    fullName: editing?.fullName ?? '',
    login: editing?.login ?? '',
    jobTitle: editing?.jobTitle ?? '',
    email: editing?.email ?? '',
    roles: editing ? [...editing.roles] : ['staff'],
    startDate: editing?.startDate ?? today(),
    leavingDate: editing?.leavingDate ?? '',
  });
  const saved = async () => {
    // A person may change their own name: the header shows it from the app status.
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: PEOPLE_KEY }),
      editing ? queryClient.invalidateQueries({ queryKey: APP_STATUS_KEY }) : null,
    ]);
  };
  // The answer to adding holds the one-time password: it is not kept in the mutation cache.
  const save = useAddOrEdit({
    add: peopleAdd,
    edit: peopleUpdate,
    refresh: saved,
    onAdded: props.mode === 'add' ? props.onAdded : undefined,
    onSaved: props.mode === 'edit' ? props.onSaved : undefined,
    forgetAdded: true,
  });
  const roleIds = roleOptions.map((option) => `role-${option.role}`);
  const fieldIds = {
    fullName: 'full-name',
    login: 'login',
    jobTitle: 'job-title',
    email: 'email',
    roles: roleIds[0] ?? 'roles',
    startDate: 'start-date',
    leavingDate: 'leaving-date',
  };
  const errors = formErrors(form.formState.errors, save.error, fieldIds);

  const submit = form.handleSubmit(
    (values) => {
      const request: PersonFormRequest = {
        fullName: values.fullName,
        // A login never changes; Rust ignores it when updating.
        login: editing?.login ?? values.login,
        jobTitle: values.jobTitle,
        email: values.email,
        roles: roleOptions.filter((option) => values.roles.includes(option.role)).map((option) => option.role),
        startDate: values.startDate,
        leavingDate: editing ? values.leavingDate : '',
      };
      if (editing) save.edit({ id: editing.id, person: request });
      else save.add(request);
    },
    save.reset,
  );

  return (
    <>
      <button type="button" className="nhsuk-back-link" onClick={onCancel}>
        Back to the staff register
      </button>
      <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
      <h1>{editing ? `Change ${editing.fullName}'s details` : 'Add a person'}</h1>
      {editing ? null : (
        <p>
          They will be given a one-time password to sign in with. The first time they sign in, they choose their own.
        </p>
      )}

      <form id="person-form" onSubmit={submit} noValidate>
        <TextField
          id={fieldIds.fullName}
          label="Full name"
          error={errors.of('fullName')}
          autoComplete="off"
          registration={form.register('fullName')}
        />
        {editing ? (
          <dl className="nhsuk-summary-list">
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Login name</dt>
              <dd className="nhsuk-summary-list__value" id="login-shown">
                {editing.login}
                <span className="nhsuk-hint nhsuk-u-margin-bottom-0">A login name never changes.</span>
              </dd>
            </div>
          </dl>
        ) : (
          <TextField
            id={fieldIds.login}
            label="Login name"
            hint="What they will type to sign in, e.g. jsmith: letters, digits, dots, hyphens or underscores, starting with a letter. It cannot be changed later."
            error={errors.of('login')}
            width={20}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            registration={form.register('login')}
          />
        )}
        <TextField
          id={fieldIds.jobTitle}
          label="Job title (optional)"
          hint="For example, Receptionist or Practice nurse"
          error={errors.of('jobTitle')}
          autoComplete="off"
          registration={form.register('jobTitle')}
        />
        <TextField
          id={fieldIds.email}
          type="email"
          label="Email address (optional)"
          error={errors.of('email')}
          autoComplete="off"
          spellCheck={false}
          registration={form.register('email')}
        />
        <Checkboxes
          id="roles"
          legend="Roles"
          hint="Select all that apply. Everyone who works at the practice holds Staff."
          error={errors.of('roles')}
          options={roleOptions.map((option, index) => ({
            value: option.role,
            label: option.label,
            id: roleIds[index] ?? `role-${option.role}`,
          }))}
          registration={form.register('roles')}
        />
        <TextField
          id={fieldIds.startDate}
          type="date"
          label="First day"
          error={errors.of('startDate')}
          width={10}
          registration={form.register('startDate')}
        />
        {editing ? (
          <TextField
            id={fieldIds.leavingDate}
            type="date"
            label="Last day (if leaving)"
            hint="Their last day. From the day after, they can no longer sign in and their key is removed."
            error={errors.of('leavingDate')}
            width={10}
            registration={form.register('leavingDate')}
          />
        ) : null}

        <div className="nhsuk-button-group">
          <button type="submit" className="nhsuk-button" id="person-submit" disabled={save.pending}>
            {editing ? 'Save changes' : 'Add person'}
          </button>
          <LinkButton id="person-cancel" onClick={onCancel}>
            Cancel
          </LinkButton>
        </div>
      </form>
    </>
  );
}
