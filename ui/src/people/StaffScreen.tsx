import { useState } from 'react';

import type { PersonInfo, PersonRow, SessionInfo } from '../ipc';
import { LoadFailed, Loading } from '../shared/QueryState';
import { OneTimePasswordPanel } from './OneTimePasswordPanel';
import { PersonForm } from './PersonForm';
import { ResetPasswordConfirm } from './ResetPasswordConfirm';
import { StaffRegister } from './StaffRegister';
import { usePeople } from './usePeople';

/** What the staff screen shows: the register, a form, or a one-time password just made. */
type View =
  | { kind: 'register' }
  | { kind: 'add' }
  | { kind: 'edit'; person: PersonRow }
  | { kind: 'reset'; person: PersonRow }
  // The one-time password lives here, in memory, until Done.
  | { kind: 'one-time-password'; person: PersonInfo; oneTimePassword: string; added: boolean };

/** The staff register: everyone who works at the practice, and, for managers, adding and changing them. */
export function StaffScreen({ session }: { session: SessionInfo }) {
  const people = usePeople();
  const [view, setView] = useState<View>({ kind: 'register' });
  const toRegister = () => setView({ kind: 'register' });

  function content() {
    if (people.isPending) {
      return (
        <>
          <h1>Staff</h1>
          <Loading>Loading the staff register…</Loading>
        </>
      );
    }
    if (people.isError) {
      return (
        <>
          <h1>Staff</h1>
          <LoadFailed title="The staff register cannot be shown" error={people.error} onRetry={() => void people.refetch()} />
        </>
      );
    }
    const { roleOptions } = people.data;
    switch (view.kind) {
      case 'add':
        return (
          <PersonForm
            mode="add"
            roleOptions={roleOptions}
            onCancel={toRegister}
            onAdded={({ person, oneTimePassword }) =>
              setView({ kind: 'one-time-password', person, oneTimePassword, added: true })
            }
          />
        );
      case 'edit':
        return (
          <PersonForm mode="edit" person={view.person} roleOptions={roleOptions} onCancel={toRegister} onSaved={toRegister} />
        );
      case 'reset':
        return (
          <ResetPasswordConfirm
            person={view.person}
            onCancel={toRegister}
            onReset={({ person, oneTimePassword }) =>
              setView({ kind: 'one-time-password', person, oneTimePassword, added: false })
            }
          />
        );
      case 'one-time-password':
        return (
          <OneTimePasswordPanel
            person={view.person}
            oneTimePassword={view.oneTimePassword}
            added={view.added}
            onDone={toRegister}
          />
        );
      case 'register':
        return (
          <>
            <h1>Staff</h1>
            {session.permissions.viewPeople ? (
              <p>Everyone who works or has worked at the practice, with their roles.</p>
            ) : (
              <p id="own-entry-only">
                You can see only your own entry in the staff register. A practice manager can change it.
              </p>
            )}
            {people.data.canManage ? (
              <button type="button" className="nhsuk-button" id="add-person-start" onClick={() => setView({ kind: 'add' })}>
                Add a person
              </button>
            ) : null}
            <StaffRegister
              view={people.data}
              ownLogin={session.person.login}
              onEdit={(person) => setView({ kind: 'edit', person })}
              onResetPassword={(person) => setView({ kind: 'reset', person })}
            />
          </>
        );
    }
  }

  return <div id="staff-screen">{content()}</div>;
}
