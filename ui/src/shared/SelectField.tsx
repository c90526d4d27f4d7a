import type { ChangeEventHandler, ReactNode, SelectHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

import { FieldFrame, fieldDescription } from './FieldFrame';

export type SelectOption = { value: string; label: string };

/** What holds the chosen value: react-hook-form, or the caller (a filter, a small form kept in state). */
type SelectControl =
  | { registration: UseFormRegisterReturn; value?: never; onChange?: never }
  | { registration?: never; value: string; onChange: ChangeEventHandler<HTMLSelectElement> };

type SelectFieldProps = Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'className' | 'name' | 'value' | 'onChange' | 'onBlur'
> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly SelectOption[];
} & SelectControl;

/** An NHS select with its label, hint and error message, wired to react-hook-form or to the caller's state. */
export function SelectField({ id, label, hint, error, options, registration, ...selectProps }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        {...selectProps}
        {...registration}
        id={id}
        className={error ? 'nhsuk-select nhsuk-select--error' : 'nhsuk-select'}
        aria-describedby={fieldDescription(id, hint, error)}
        aria-invalid={error ? true : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
