import type { PersonInfo } from '../ipc';

type OneTimePasswordPanelProps = {
  person: PersonInfo;
  oneTimePassword: string;
  /** Whether the person was just added (else their password was reset). */
  added: boolean;
  onDone: () => void;
};

/** A one-time password, shown once, with how to hand it over. */
export function OneTimePasswordPanel({ person, oneTimePassword, added, onDone }: OneTimePasswordPanelProps) {
  return (
    <div id="one-time-password-panel">
      <h1>{added ? `${person.fullName} has been added` : `A new one-time password for ${person.fullName}`}</h1>
      <p>
        Their login name is <strong>{person.login}</strong>.
        {added ? null : ' Their old password no longer works.'}
      </p>

      <div className="nhsuk-warning-callout">
        <h2 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            Give this password to {person.fullName} privately
          </span>
        </h2>
        <p>
          Tell them in person, or hand it over on paper that only they will see. Do not send it by email or leave it on
          a desk.
        </p>
        <p>
          It works once. The first time {person.fullName} signs in with it, they must choose their own password.
        </p>
        <p>It is shown only now. If it is lost, reset their password to get a new one.</p>
      </div>

      <h2 className="nhsuk-heading-s" id="one-time-password-heading">
        One-time password
      </h2>
      <p aria-labelledby="one-time-password-heading">
        <span className="custodian-one-time-password" id="one-time-password">
          {oneTimePassword}
        </span>
      </p>

      <button type="button" className="nhsuk-button" id="one-time-password-done" onClick={onDone}>
        Done
      </button>
    </div>
  );
}
