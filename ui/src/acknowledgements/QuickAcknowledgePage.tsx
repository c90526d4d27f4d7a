import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { ChoosePasswordScreen } from '../account/ChoosePasswordScreen';
import { noteSignedOut, useStatusMutation } from '../appStatus';
import { sessionSignOut, type SessionInfo } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { AppHeader, Page } from '../shared/Page';
import { countOf } from '../shared/plural';
import { useIdleTimer } from '../shared/useIdleTimer';
import { PoliciesForYou } from './PoliciesForYou';

type QuickAcknowledgePageProps = {
  session: SessionInfo;
  /** The person finished and was signed out. */
  onFinished: () => void;
};

/**
 * The whole app after a quick sign-in: the person's policies and a way to finish. Nothing else of
 * the practice's records is offered, and the person is signed out (not locked) when idle.
 */
export function QuickAcknowledgePage({ session, onFinished }: QuickAcknowledgePageProps) {
  const queryClient = useQueryClient();
  const finish = useStatusMutation(sessionSignOut, onFinished);
  const idleMinutes = session.idleLockMinutes;
  const idleSignOut = useStatusMutation(sessionSignOut, () =>
    noteSignedOut(queryClient, `You were signed out after ${countOf(idleMinutes, 'minute')} without activity.`),
  );
  // A shared computer: the next person must not find this one's session, so idle means signed out.
  useIdleTimer(idleMinutes, () => idleSignOut.mutate());

  useEffect(() => {
    document.title = 'Acknowledge policies – Custodian';
    return () => {
      document.title = 'Custodian';
    };
  }, []);

  // A one-time password: they choose their own first, as in the full app.
  if (session.mustChangePassword) return <ChoosePasswordScreen session={session} />;

  const signOutError = finish.error ?? idleSignOut.error;
  const { person } = session;
  return (
    <Page
      header={
        <AppHeader
          organisation={<span className="custodian-header-practice">{session.practiceName}</span>}
          account={
            <nav className="nhsuk-header__account" aria-label="Account">
              <ul className="nhsuk-header__account-list">
                <li className="nhsuk-header__account-item" id="signed-in-as">
                  Signed in as {person.fullName} ({person.login})
                </li>
              </ul>
            </nav>
          }
        />
      }
    >
      <div id="quick-acknowledge-page">
        <ErrorSummary
          id="sign-out-error-summary"
          title="You could not be signed out"
          errors={signOutError ? [{ message: signOutError.message }] : []}
          focusKey={finish.submittedAt + idleSignOut.submittedAt}
        />
        <h1>
          <span className="nhsuk-caption-l">
            {session.practiceName}
            <span className="nhsuk-u-visually-hidden"> – </span>
          </span>
          Acknowledge policies
        </h1>
        <p id="quick-signed-in-as">
          Signed in as {person.fullName}. When you have finished, sign out so that the next person can use the
          computer.
        </p>

        <PoliciesForYou />

        <button
          type="button"
          className="nhsuk-button"
          id="quick-finish"
          disabled={finish.isPending || idleSignOut.isPending}
          onClick={() => finish.mutate()}
        >
          Finish and sign out
        </button>
      </div>
    </Page>
  );
}
