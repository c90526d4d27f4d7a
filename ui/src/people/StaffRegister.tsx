import type { PeopleView, PersonRow, RoleName, RoleOption } from '../ipc';
import { formatDay } from '../shared/dates';
import { ResponsiveCell } from '../shared/ResponsiveCell';

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
    <table className="nhsuk-table-responsive" id="staff-register" role="table">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Staff register</caption>
      <thead className="nhsuk-table__head" role="rowgroup">
        <tr className="nhsuk-table__row" role="row">
          {headings.map((heading) => (
            <th scope="col" className="nhsuk-table__header" role="columnheader" key={heading}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body" role="rowgroup">
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
                    <button
                      type="button"
                      className="custodian-link-button"
                      id={`edit-person-${person.login}`}
                      onClick={() => onEdit(person)}
                    >
                      Change{' '}
                      <span className="nhsuk-u-visually-hidden">{person.fullName}&apos;s details</span>
                    </button>
                  </li>
                  {person.login !== ownLogin && person.status !== 'left' ? (
                    <li>
                      <button
                        type="button"
                        className="custodian-link-button"
                        id={`reset-password-${person.login}`}
                        onClick={() => onResetPassword(person)}
                      >
                        Reset password{' '}
                        <span className="nhsuk-u-visually-hidden">for {person.fullName}</span>
                      </button>
                    </li>
                  ) : null}
                </ul>
              </ResponsiveCell>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
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
        <span className="nhsuk-body-s nhsuk-u-secondary-text-colour custodian-cell-note">
          Last day {formatDay(person.leavingDate)}
        </span>
      ) : null}
      {person.status !== 'left' && person.mustChangePassword ? (
        <span className="nhsuk-body-s nhsuk-u-secondary-text-colour custodian-cell-note">
          Has not chosen a password yet
        </span>
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
