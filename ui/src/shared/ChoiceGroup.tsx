import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

export type ChoiceOption = { value: string; label: ReactNode; id: string; hint?: ReactNode };

export type ChoiceGroupProps = {
  /** Prefix of the hint and error ids. */
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly ChoiceOption[];
  /** One registration for the whole group. */
  registration: UseFormRegisterReturn;
};

const KINDS = {
  checkbox: 'nhsuk-checkboxes',
  radio: 'nhsuk-radios',
} as const;

/** NHS checkboxes or radios in a fieldset, with hints and an error message, wired to react-hook-form. */
export function ChoiceGroup({
  type,
  id,
  legend,
  hint,
  error,
  options,
  registration,
}: ChoiceGroupProps & { type: keyof typeof KINDS }) {
  const kind = KINDS[type];
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
        <div className={kind}>
          {options.map((option) => {
            const itemHintId = `${option.id}-item-hint`;
            return (
              <div className={`${kind}__item`} key={option.value}>
                <input
                  className={`${kind}__input`}
                  type={type}
                  value={option.value}
                  {...registration}
                  id={option.id}
                  aria-describedby={option.hint ? itemHintId : undefined}
                />
                <label className={`nhsuk-label ${kind}__label`} htmlFor={option.id}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div className={`nhsuk-hint ${kind}__hint`} id={itemHintId}>
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
