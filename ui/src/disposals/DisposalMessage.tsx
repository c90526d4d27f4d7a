/** The outcome of the last change to the disposal log, announced politely. */
export function DisposalMessage({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success"
      id="disposal-message"
      role="status"
      aria-labelledby="disposal-message-title"
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="disposal-message-title">
          Done
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{message}</p>
      </div>
    </div>
  );
}
