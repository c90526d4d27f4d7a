import type { InputHTMLAttributes, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

import { FieldFrame, fieldDescription } from './FieldFrame';

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
  const inputClasses = [
    'nhsuk-input',
    width ? `nhsuk-input--width-${width}` : null,
    error ? 'nhsuk-input--error' : null,
    inputClassName ?? null,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <FieldFrame id={id} label={label} labelClassName={labelClassName} hint={hint} error={error}>
      <input
        type="text"
        {...inputProps}
        {...registration}
        id={id}
        className={inputClasses}
        aria-describedby={fieldDescription(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </FieldFrame>
  );
}
