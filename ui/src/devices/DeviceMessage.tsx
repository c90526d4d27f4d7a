/** The outcome of the last change to a device, announced politely. */
export function DeviceMessage({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success"
      id="device-message"
      role="status"
      aria-labelledby="device-message-title"
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="device-message-title">
          Done
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{message}</p>
      </div>
    </div>
  );
}
