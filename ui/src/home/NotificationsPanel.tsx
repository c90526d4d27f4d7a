import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { SESSION_KEY } from '../appStatus';
import { notificationDismiss, notificationList } from '../ipc';
import { formatMoment } from '../shared/dates';
import { LoadFailed } from '../shared/QueryState';

export const NOTIFICATIONS_KEY = [...SESSION_KEY, 'notification_list'] as const;

/**
 * What core has told the signed-in person's roles (the SIRO, the DPO) and they have not yet
 * dismissed, newest first. Nothing at all when there is nothing.
 */
export function NotificationsPanel() {
  const queryClient = useQueryClient();
  const notifications = useQuery({ queryKey: NOTIFICATIONS_KEY, queryFn: notificationList });
  const dismiss = useMutation({
    mutationFn: notificationDismiss,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });

  if (notifications.isError) {
    return (
      <LoadFailed
        title="Your notifications cannot be shown"
        error={notifications.error}
        onRetry={() => void notifications.refetch()}
      />
    );
  }
  if (!notifications.data || notifications.data.length === 0) return null;

  return (
    <section className="nhsuk-card nhsuk-card--feature" id="notifications" aria-labelledby="notifications-heading">
      <div className="nhsuk-card__content nhsuk-card__content--feature">
        <h2 className="nhsuk-card__heading nhsuk-card__heading--feature nhsuk-heading-m" id="notifications-heading">
          For your attention
        </h2>
        {dismiss.error ? (
          <p className="nhsuk-error-message" id="notifications-error" role="alert">
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {dismiss.error.message}
          </p>
        ) : null}
        <ul className="nhsuk-list">
          {notifications.data.map((notification) => (
            <li key={String(notification.id)} data-notification={String(notification.id)}>
              <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-1">
                For you as {notification.role},{' '}
                <time dateTime={notification.createdAt}>{formatMoment(notification.createdAt)}</time>
              </p>
              <p className="nhsuk-u-margin-bottom-2">{notification.message}</p>
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                id={`notification-dismiss-${String(notification.id)}`}
                disabled={dismiss.isPending}
                onClick={() => dismiss.mutate({ id: notification.id })}
              >
                Dismiss<span className="nhsuk-u-visually-hidden">: {notification.message}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
