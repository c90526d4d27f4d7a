import { useEffect, useRef, type MouseEvent } from 'react';

/** One problem to list: with `fieldId` it links to the field, without it is plain text. */
export type ErrorItem = { message: string; fieldId?: string };

type ErrorSummaryProps = {
  errors: readonly ErrorItem[];
  /** Change this (e.g. on each submit) to move focus to the summary again, even if the errors are the same. */
  focusKey?: unknown;
  title?: string;
  /** Only when a page needs a second summary; `error-summary` otherwise. */
  id?: string;
};

/** The NHS error summary: takes focus when it appears so screen readers announce it. */
export function ErrorSummary({ errors, focusKey, title = 'There is a problem', id = 'error-summary' }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const visible = errors.length > 0;

  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, focusKey]);

  if (!visible) return null;

  return (
    <div className="nhsuk-error-summary" id={id} aria-labelledby={`${id}-title`} tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__title" id={`${id}-title`}>
          {title}
        </h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.fieldId ?? ''}:${error.message}`}>
                {error.fieldId ? (
                  <a href={`#${error.fieldId}`} onClick={(event) => focusField(event, error.fieldId)}>
                    {error.message}
                  </a>
                ) : (
                  error.message
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** Moves focus to the field itself (a fragment link alone only scrolls). */
function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string | undefined) {
  const field = fieldId ? document.getElementById(fieldId) : null;
  if (!field) return;
  event.preventDefault();
  field.focus();
  document.querySelector(`label[for="${fieldId}"]`)?.scrollIntoView?.();
}
