/** The outcome of the last change to an incident, announced politely. */
export function IncidentMessage({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success"
      id="incident-message"
      role="status"
      aria-labelledby="incident-message-title"
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="incident-message-title">
          Done
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{message}</p>
      </div>
    </div>
  );
}
