/** The outcome of the last change, announced politely. */
export function SuccessMessage({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success"
      id="policy-message"
      role="status"
      aria-labelledby="policy-message-title"
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="policy-message-title">
          Done
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{message}</p>
      </div>
    </div>
  );
}
