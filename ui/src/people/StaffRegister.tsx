import type { PeopleView, PersonRow, RoleName, RoleOption } from '../ipc';
import { formatDay } from '../shared/dates';
import { LinkButton } from '../shared/LinkButton';
import { CellNote, ResponsiveCell, ResponsiveTable } from '../shared/ResponsiveTable';

type StaffRegisterProps = {
  view: PeopleView;
  /** The signed-in person's login: they cannot reset their own password here. */
  ownLogin: string;
  onEdit: (person: PersonRow) => void;
  onResetPassword: (person: PersonRow) => void;
};

/** The staff register as a table, with the management actions when they apply. */
export function StaffRegister({ view, ownLogin, onEdit, onResetPassword }: StaffRegisterProps) {
  const { people, canManage, roleOptions } = view;
  if (people.length === 0) {
    return (
      <div className="nhsuk-inset-text" id="staff-register-empty">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>No one is on the staff register yet.</p>
      </div>
    );
  }
  const headings = ['Name', 'Login', 'Job title', 'Roles', 'First day', 'Status', ...(canManage ? ['Actions'] : [])];
  return (
    <ResponsiveTable id="staff-register" caption="Staff register" headings={headings}>
      {people.map((person) => (
        <tr className="nhsuk-table__row" role="row" key={person.id} data-login={person.login}>
          <ResponsiveCell heading="Name">
            <strong>{person.fullName}</strong>
          </ResponsiveCell>
          <ResponsiveCell heading="Login">{person.login}</ResponsiveCell>
          <ResponsiveCell heading="Job title">{person.jobTitle || <span className="nhsuk-u-secondary-text-colour">None</span>}</ResponsiveCell>
          <ResponsiveCell heading="Roles">{roleLabels(person.roles, roleOptions)}</ResponsiveCell>
          <ResponsiveCell heading="First day">{formatDay(person.startDate)}</ResponsiveCell>
          <ResponsiveCell heading="Status">
            <StatusTag person={person} />
          </ResponsiveCell>
          {canManage ? (
            <ResponsiveCell heading="Actions">
              <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                <li>
                  <LinkButton id={`edit-person-${person.login}`} onClick={() => onEdit(person)}>
                    Change{' '}
                    <span className="nhsuk-u-visually-hidden">{person.fullName}&apos;s details</span>
                  </LinkButton>
                </li>
                {person.login !== ownLogin && person.status !== 'left' ? (
                  <li>
                    <LinkButton id={`reset-password-${person.login}`} onClick={() => onResetPassword(person)}>
                      Reset password{' '}
                      <span className="nhsuk-u-visually-hidden">for {person.fullName}</span>
                    </LinkButton>
                  </li>
                ) : null}
              </ul>
            </ResponsiveCell>
          ) : null}
        </tr>
      ))}
    </ResponsiveTable>
  );
}

function StatusTag({ person }: { person: PersonRow }) {
  const tag =
    person.status === 'active' ? (
      <strong className="nhsuk-tag nhsuk-tag--green">Active</strong>
    ) : person.status === 'leaving' ? (
      <strong className="nhsuk-tag nhsuk-tag--yellow">
        Leaving on {person.leavingDate ? formatDay(person.leavingDate) : 'a day not recorded'}
      </strong>
    ) : (
      <strong className="nhsuk-tag nhsuk-tag--grey">Left</strong>
    );
  return (
    <>
      {tag}
      {person.status === 'left' && person.leavingDate ? (
        <CellNote>Last day {formatDay(person.leavingDate)}</CellNote>
      ) : null}
      {person.status !== 'left' && person.mustChangePassword ? (
        <CellNote>Has not chosen a password yet</CellNote>
      ) : null}
    </>
  );
}

/** The people's names of `roles`, in the order Rust lists the roles. */
export function roleLabels(roles: readonly RoleName[], roleOptions: readonly RoleOption[]): string {
  return roleOptions
    .filter((option) => roles.includes(option.role))
    .map((option) => option.label)
    .join(', ');
}
