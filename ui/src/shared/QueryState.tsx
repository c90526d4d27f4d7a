import type { CommandError } from '../ipc';

/** What a section shows while Rust is answering. */
export function Loading({ children }: { children: string }) {
  return (
    <p role="status" className="nhsuk-body">
      {children}
    </p>
  );
}

type LoadFailedProps = {
  /** What could not be shown, e.g. "The staff register cannot be shown". */
  title: string;
  error: CommandError;
  onRetry: () => void;
};

/** What a section shows when Rust could not answer: why, and a way to try again. */
export function LoadFailed({ title, error, onRetry }: LoadFailedProps) {
  return (
    <div className="nhsuk-warning-callout" role="alert">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {title}
        </span>
      </h2>
      <p>{error.message}</p>
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
