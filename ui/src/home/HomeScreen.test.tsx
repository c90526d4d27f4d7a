import { mockIPC } from '@tauri-apps/api/mocks';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { NotificationRow } from '../ipc';
import { policiesForMe } from '../testing/acknowledgementFixtures';
import { commandHandler } from '../testing/commands';
import { appStatus, session, staffSession } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { HomeScreen } from './HomeScreen';

function setup(shown = session, notifications: NotificationRow[] = []) {
  mockIPC(
    commandHandler({
      app_status: () => appStatus({ session: shown }),
      ack_mine: () => policiesForMe(),
      notification_list: () => notifications,
    }),
  );
  const onNavigate = vi.fn();
  return { onNavigate, ...renderWithQuery(<HomeScreen session={shown} onNavigate={onNavigate} />) };
}

describe('HomeScreen', () => {
  it('names the practice and its ODS code, and starts with the policies waiting for the person', async () => {
    setup();
    expect(screen.getByRole('heading', { level: 1 })).toHaveAttribute('id', 'home-practice-name');
    expect(document.getElementById('home-practice-name')).toHaveTextContent(/^Riverside Surgery$/);
    expect(screen.getByText('ODS code B86001')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Policies for you' })).toBeInTheDocument();
    expect(await screen.findByText('Data protection policy')).toBeInTheDocument();
    expect(screen.queryByText('Nothing recorded yet')).toBeNull();
  });

  it('shows what is for the person\'s attention below the practice name, and nothing when there is nothing', async () => {
    setup(session, [
      {
        id: 9,
        role: 'SIRO',
        recordType: 'byod_check',
        message: "checked Sam Patel's mobile phone (PH-0020): 1 failed; approved with risk",
        createdAt: '2026-04-10T13:05:00Z',
      },
    ]);
    expect(await screen.findByRole('heading', { level: 2, name: 'For your attention' })).toBeInTheDocument();
    const headings = screen.getAllByRole('heading').map((heading) => heading.textContent);
    expect(headings.slice(0, 3)).toEqual(['Riverside Surgery', 'For your attention', 'Policies for you']);
    expect(document.getElementById('notification-dismiss-9')).toBeInTheDocument();

    setup(staffSession);
    await screen.findAllByText('Data protection policy');
    expect(screen.getAllByRole('heading', { name: 'For your attention' })).toHaveLength(1);
  });

  it('leads to the staff register, or to their own entry for staff', async () => {
    const { onNavigate, user } = setup();
    await user.click(screen.getByRole('button', { name: 'See the staff register' }));
    expect(onNavigate).toHaveBeenCalledWith('staff');

    setup(staffSession);
    expect(screen.getByRole('button', { name: 'See your entry' })).toBeInTheDocument();
  });

  it('leads those who may to the acknowledgements and the policy register', async () => {
    const { onNavigate, user } = setup();
    await user.click(document.getElementById('home-open-acknowledgements') as HTMLElement);
    expect(onNavigate).toHaveBeenCalledWith('acknowledgements');
    await user.click(document.getElementById('home-open-policies') as HTMLElement);
    expect(onNavigate).toHaveBeenCalledWith('policies');
  });

  it('offers staff neither the acknowledgements nor the policy register', () => {
    setup(staffSession);
    expect(document.getElementById('home-open-acknowledgements')).toBeNull();
    expect(document.getElementById('home-open-policies')).toBeNull();
    expect(document.getElementById('policies-for-you')).toBeInTheDocument();
  });
});
