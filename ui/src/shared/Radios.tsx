import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

export type RadioOption = { value: string; label: ReactNode; id: string; hint?: ReactNode };

type RadiosProps = {
  /** Prefix of the hint and error ids. */
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly RadioOption[];
  /** One registration for the whole group: react-hook-form keeps the chosen value. */
  registration: UseFormRegisterReturn;
};

/** NHS radios in a fieldset, with hints and an error message, wired to react-hook-form. */
export function Radios({ id, legend, hint, error, options, registration }: RadiosProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div className="nhsuk-hint" id={hintId}>
            {hint}
          </div>
        ) : null}
        {error ? (
          <span className="nhsuk-error-message" id={errorId}>
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {error}
          </span>
        ) : null}
        <div className="nhsuk-radios">
          {options.map((option) => {
            const itemHintId = `${option.id}-item-hint`;
            return (
              <div className="nhsuk-radios__item" key={option.value}>
                <input
                  className="nhsuk-radios__input"
                  type="radio"
                  value={option.value}
                  {...registration}
                  id={option.id}
                  aria-describedby={option.hint ? itemHintId : undefined}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={option.id}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div className="nhsuk-hint nhsuk-radios__hint" id={itemHintId}>
                    {option.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
