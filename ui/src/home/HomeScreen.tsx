import { z } from 'zod';

import { useStatusMutation } from '../appStatus';
import { sessionSignOut, settingsSetIdleLock, type SessionInfo } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { AppHeader, Page } from '../shared/Page';
import { countOf } from '../shared/plural';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';

// Shape only: Rust decides the allowed range (1 to 60).
const schema = z.object({
  minutes: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, 'Enter the number of minutes as a whole number, from 1 to 60'),
});

const FIELD_IDS = { minutes: 'idle-minutes' } as const;

type HomeScreenProps = { session: SessionInfo };

/** The signed-in start page: who and where you are, what is recorded, and the settings. */
export function HomeScreen({ session }: HomeScreenProps) {
  const { person } = session;
  const signOut = useStatusMutation(sessionSignOut);
  const form = useSchemaForm(schema, { minutes: String(session.idleLockMinutes) });
  const save = useStatusMutation(settingsSetIdleLock, (saved) => form.reset({ minutes: String(saved.idleLockMinutes) }));
  const errors = formErrors(form.formState.errors, save.error ?? signOut.error, FIELD_IDS);

  const submit = form.handleSubmit(
    (values) => save.mutate({ minutes: Number(values.minutes) }),
    () => save.reset(),
  );

  return (
    <Page
      wide
      header={
        <AppHeader
          organisation={
            <span className="custodian-header-practice">
              {session.practiceName} <span className="custodian-header-ods">ODS code {session.odsCode}</span>
            </span>
          }
          account={
            <nav className="nhsuk-header__account" aria-label="Account">
              <ul className="nhsuk-header__account-list">
                <li className="nhsuk-header__account-item" id="signed-in-as">
                  Signed in as {person.fullName} ({person.login})
                </li>
                <li className="nhsuk-header__account-item">
                  <button
                    type="button"
                    className="nhsuk-header__account-button"
                    id="sign-out"
                    disabled={signOut.isPending}
                    onClick={() => signOut.mutate()}
                  >
                    Sign out
                  </button>
                </li>
              </ul>
            </nav>
          }
        />
      }
    >
      <ErrorSummary errors={errors.items} focusKey={`${form.formState.submitCount}:${signOut.submittedAt}`} />
      <h1 className="nhsuk-u-margin-bottom-2" id="home-practice-name">
        {session.practiceName}
      </h1>
      <p className="nhsuk-caption-m">ODS code {session.odsCode}</p>

      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <h2 className="nhsuk-heading-m">Nothing recorded yet</h2>
        <p>The practice&apos;s policies, staff acknowledgements, devices and incidents will appear here.</p>
      </div>

      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">Settings</h2>
        <form onSubmit={submit} noValidate>
          <TextField
            id={FIELD_IDS.minutes}
            type="number"
            inputMode="numeric"
            min={1}
            max={60}
            step={1}
            label="Lock the screen after this many minutes of inactivity"
            hint="From 1 to 60 minutes"
            error={errors.of('minutes')}
            width={3}
            registration={form.register('minutes')}
          />
          <p id="idle-minutes-current" role="status">
            {save.isSuccess ? 'Saved. ' : ''}
            The screen locks after {countOf(session.idleLockMinutes, 'minute')} of inactivity.
          </p>
          <button type="submit" className="nhsuk-button nhsuk-button--secondary" id="save-idle-minutes" disabled={save.isPending}>
            Save
          </button>
        </form>
      </section>
    </Page>
  );
}
