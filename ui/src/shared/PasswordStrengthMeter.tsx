import type { PasswordStrength } from '../ipc';

const SCORE_NAMES = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

type PasswordStrengthMeterProps = {
  id: string;
  /** `null` while nothing has been typed or checked yet. */
  strength: PasswordStrength | null;
};

/** Shows how strong a proposed password is, as judged in Rust, with its advice. */
export function PasswordStrengthMeter({ id, strength }: PasswordStrengthMeterProps) {
  const score = strength ? Math.min(Math.max(Math.round(strength.score), 0), 4) : 0;
  return (
    <div id={id} className="custodian-strength" aria-live="polite">
      {strength ? (
        <>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
            Password strength: <strong>{SCORE_NAMES[score]}</strong> ({score} out of 4).{' '}
            {strength.acceptable ? (
              <strong className="nhsuk-tag nhsuk-tag--green">Strong enough</strong>
            ) : (
              <strong className="nhsuk-tag nhsuk-tag--red">Not strong enough yet</strong>
            )}
          </p>
          <div className={`custodian-strength__bar custodian-strength__bar--${score}`} aria-hidden="true">
            <span className="custodian-strength__fill" />
          </div>
          {strength.warning ? <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">{strength.warning}</p> : null}
          {strength.suggestions.length > 0 ? (
            <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
              {strength.suggestions.map((suggestion) => (
                <li key={suggestion}>{suggestion}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
