type SuccessMessageProps = {
  /** Ids: `{id}` and `{id}-title`. */
  id: string;
  /** What the last change did; nothing is shown without one. */
  message: string | null;
};

/** The outcome of the last change, announced politely in an NHS success banner. */
export function SuccessMessage({ id, message }: SuccessMessageProps) {
  if (!message) return null;
  return (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success"
      id={id}
      role="status"
      aria-labelledby={`${id}-title`}
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id={`${id}-title`}>
          Done
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{message}</p>
      </div>
    </div>
  );
}
