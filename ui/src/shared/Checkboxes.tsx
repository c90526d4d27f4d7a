import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

export type CheckboxOption = { value: string; label: ReactNode; id: string };

type CheckboxesProps = {
  /** Prefix of the hint and error ids. */
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly CheckboxOption[];
  /** One registration for the whole group: react-hook-form collects the ticked values in an array. */
  registration: UseFormRegisterReturn;
};

/** NHS checkboxes in a fieldset, with a hint and an error message, wired to react-hook-form. */
export function Checkboxes({ id, legend, hint, error, options, registration }: CheckboxesProps) {
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
        <div className="nhsuk-checkboxes">
          {options.map((option) => (
            <div className="nhsuk-checkboxes__item" key={option.value}>
              <input
                className="nhsuk-checkboxes__input"
                type="checkbox"
                value={option.value}
                {...registration}
                id={option.id}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={option.id}>
                {option.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
