import type { InputHTMLAttributes, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

type Width = 2 | 3 | 4 | 5 | 10 | 20 | 30;

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'name' | 'onChange' | 'onBlur'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Fixed width in characters (NHS input widths); full width when absent. */
  width?: Width;
  labelClassName?: string;
  inputClassName?: string;
  registration: UseFormRegisterReturn;
};

/** An NHS text input with its label, hint and error message, wired to react-hook-form. */
export function TextField({
  id,
  label,
  hint,
  error,
  width,
  labelClassName,
  inputClassName,
  registration,
  ...inputProps
}: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const inputClasses = [
    'nhsuk-input',
    width ? `nhsuk-input--width-${width}` : null,
    error ? 'nhsuk-input--error' : null,
    inputClassName ?? null,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <label className={labelClassName ? `nhsuk-label ${labelClassName}` : 'nhsuk-label'} htmlFor={id}>
        {label}
      </label>
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
      <input
        type="text"
        {...inputProps}
        {...registration}
        id={id}
        className={inputClasses}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
