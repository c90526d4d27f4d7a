import type { SessionInfo } from '../ipc';
import { ChangePasswordForm } from './ChangePasswordForm';

/** The signed-in person's own account: who they are, and their password. */
export function AccountScreen({ session }: { session: SessionInfo }) {
  const { person } = session;
  return (
    <div id="account-screen">
      <h1>My account</h1>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Name</dt>
          <dd className="nhsuk-summary-list__value">{person.fullName}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Login name</dt>
          <dd className="nhsuk-summary-list__value">{person.login}</dd>
        </div>
      </dl>
      <ChangePasswordForm session={session} />
    </div>
  );
}
