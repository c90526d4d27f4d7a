import type { ReactNode, TextareaHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

import { FieldFrame, fieldDescription } from './FieldFrame';

type TextAreaFieldProps = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'className' | 'name' | 'onChange' | 'onBlur'
> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  textareaClassName?: string;
  registration: UseFormRegisterReturn;
};

/** An NHS textarea with its label, hint and error message, wired to react-hook-form. */
export function TextAreaField({ id, label, hint, error, textareaClassName, registration, ...props }: TextAreaFieldProps) {
  const classes = ['nhsuk-textarea', error ? 'nhsuk-textarea--error' : null, textareaClassName ?? null]
    .filter(Boolean)
    .join(' ');
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        {...props}
        {...registration}
        id={id}
        className={classes}
        aria-describedby={fieldDescription(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </FieldFrame>
  );
}
