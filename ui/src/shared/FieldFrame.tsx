import type { ReactNode } from 'react';

type FieldFrameProps = {
  id: string;
  label: ReactNode;
  labelClassName?: string | undefined;
  hint?: ReactNode;
  error?: string | undefined;
  /** The control itself; give it `aria-describedby={fieldDescription(id, hint, error)}`. */
  children: ReactNode;
};

/** The ids that describe a field's control: its hint and its error message, when shown. */
export function fieldDescription(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** An NHS form group around one control: its label, hint and error message. */
export function FieldFrame({ id, label, labelClassName, hint, error, children }: FieldFrameProps) {
  return (
    <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <label className={labelClassName ? `nhsuk-label ${labelClassName}` : 'nhsuk-label'} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      {children}
    </div>
  );
}
