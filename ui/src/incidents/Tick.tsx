import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

type TickProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  registration: UseFormRegisterReturn;
};

/** One NHS checkbox on its own (a yes-or-no answer), wired to react-hook-form as a boolean. */
export function Tick({ id, label, hint, registration }: TickProps) {
  const hintId = `${id}-item-hint`;
  return (
    <div className="nhsuk-form-group">
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            type="checkbox"
            {...registration}
            id={id}
            aria-describedby={hint ? hintId : undefined}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint ? (
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id={hintId}>
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}
