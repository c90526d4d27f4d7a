import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { NotificationRow } from '../ipc';
import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { renderWithQuery } from '../testing/render';
import { NOTIFICATIONS_KEY, NotificationsPanel } from './NotificationsPanel';

const risk: NotificationRow = {
  id: 9,
  role: 'SIRO',
  recordType: 'byod_check',
  message: "checked Sam Patel's mobile phone (PH-0020) against the personal mobile phone or tablet checklist v1.1: 1 failed; approved with risk",
  createdAt: '2026-04-10T13:05:00Z',
};

const accepted: NotificationRow = {
  id: 8,
  role: 'DPO',
  recordType: 'byod_check',
  message: "I, Priya Shah, as SIRO, accept the risk of Lee Hart's personal laptop or computer (LT-0031) being used for practice work",
  createdAt: '2026-01-16T09:30:00Z',
};

function setup(handlers: CommandHandlers = {}) {
  const ipc = commandHandler({ notification_list: () => [risk, accepted], ...handlers });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<NotificationsPanel />) };
}

const byId = (id: string) => document.getElementById(id);

describe('NotificationsPanel', () => {
  it('lists each notification for the person, newest first, with its role, date and message', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 2, name: 'For your attention' })).toBeInTheDocument();
    const items = within(byId('notifications') as HTMLElement).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-notification'))).toEqual(['9', '8']);
    expect(items[0]).toHaveTextContent('For you as SIRO, 10 Apr 2026, 14:05');
    expect(items[0]).toHaveTextContent(risk.message);
    expect(items[1]).toHaveTextContent('For you as DPO, 16 Jan 2026, 09:30');
    expect(byId('notification-dismiss-9')).toHaveTextContent(/^Dismiss/);
    expect(byId('notification-dismiss-8')).toBeInTheDocument();
  });

  it('dismisses one and reads the list again', async () => {
    let dismissed = false;
    const { ipc, user } = setup({
      notification_list: () => (dismissed ? [accepted] : [risk, accepted]),
      notification_dismiss: () => {
        dismissed = true;
        return null;
      },
    });
    await user.click(await screen.findByRole('button', { name: `Dismiss: ${risk.message}` }));
    expect(ipc).toHaveBeenCalledWith('notification_dismiss', { request: { id: 9 } });
    await waitFor(() => expect(byId('notification-dismiss-9')).toBeNull());
    expect(byId('notification-dismiss-8')).toBeInTheDocument();
  });

  it('shows nothing at all when there is nothing', async () => {
    const { client } = setup({ notification_list: () => [] });
    await waitFor(() => expect(client.getQueryState(NOTIFICATIONS_KEY)?.status).toBe('success'));
    expect(byId('notifications')).toBeNull();
    expect(screen.queryByRole('heading')).toBeNull();
  });

  it('says when a notification cannot be dismissed', async () => {
    const { user } = setup({
      notification_dismiss: () => {
        throw commandError('not_found', 'That notification no longer exists');
      },
    });
    await user.click(await screen.findByRole('button', { name: `Dismiss: ${risk.message}` }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That notification no longer exists');
    expect(byId('notification-dismiss-9')).toBeInTheDocument();
  });

  it('says when the notifications cannot be read, and tries again', async () => {
    let attempts = 0;
    const { user } = setup({
      notification_list: () => {
        attempts += 1;
        if (attempts === 1) throw commandError('internal', 'The vault could not be read');
        return [risk];
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The vault could not be read');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'For your attention' })).toBeInTheDocument();
  });
});
