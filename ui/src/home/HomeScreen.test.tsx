import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { DashboardView, NotificationRow, SessionInfo } from '../ipc';
import { policiesForMe } from '../testing/acknowledgementFixtures';
import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { appStatus, session, staffSession } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { hoursLeft } from './ClockAlert';
import { HomeScreen } from './HomeScreen';
import { clock, dashboardItem, managerDashboard, staffDashboard } from './testing';

const siro: SessionInfo = { ...session, roles: ['practice_manager', 'siro', 'staff'] };

function setup(
  shown: SessionInfo = session,
  dashboard: DashboardView = managerDashboard(),
  notifications: NotificationRow[] = [],
  handlers: CommandHandlers = {},
) {
  const ipc = commandHandler({
    app_status: () => appStatus({ session: shown }),
    ack_mine: () => policiesForMe(),
    notification_list: () => notifications,
    dashboard_view: () => dashboard,
    ...handlers,
  });
  mockIPC(ipc);
  const onNavigate = vi.fn();
  const onOpenIncidents = vi.fn();
  const rendered = renderWithQuery(<HomeScreen session={shown} onNavigate={onNavigate} onOpenIncidents={onOpenIncidents} />);
  return { ipc, onNavigate, onOpenIncidents, ...rendered };
}

const group = (id: string) => document.getElementById(`dashboard-${id}`);
const item = (key: string) => document.getElementById(`dashboard-item-${key}`) as HTMLElement;
const h2s = () => screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);

describe('HomeScreen', () => {
  it('names the practice and its ODS code', async () => {
    setup();
    expect(screen.getByRole('heading', { level: 1 })).toHaveAttribute('id', 'home-practice-name');
    expect(document.getElementById('home-practice-name')).toHaveTextContent(/^Riverside Surgery$/);
    expect(screen.getByText('ODS code B86001')).toBeInTheDocument();
    expect(await screen.findByText('Data protection policy')).toBeInTheDocument();
  });

  it('shows staff only what is for them: the policies waiting, as the summary above the list, with no link to itself', async () => {
    setup(staffSession, staffDashboard());
    const mine = await screen.findByText('2 policies are waiting for you to read and acknowledge');
    expect(mine.closest('li')).toBe(item('policies_to_read'));
    expect(item('policies_to_read')).toHaveTextContent('Data protection policy (version 3)');
    expect(item('policies_to_read')).toHaveTextContent('Clear desk policy (version 1)');
    expect(within(item('policies_to_read')).getByText('Due')).toHaveClass('nhsuk-tag', 'nhsuk-tag--orange');
    expect(within(item('policies_to_read')).queryByRole('button')).toBeNull();
    // The policies themselves follow, to read and acknowledge.
    expect(within(group('you') as HTMLElement).getByRole('heading', { name: 'Policies for you' })).toBeInTheDocument();
    expect(await screen.findByText('Data protection policy')).toBeInTheDocument();

    expect(group('practice')).toBeNull();
    expect(group('sign-off')).toBeNull();
    expect(document.getElementById('dashboard-clocks')).toBeNull();
    expect(h2s()).toEqual(['For you', 'Policies for you']);
  });

  it('shows a manager the clocks first, then the groups, each item with its urgency, details and the rest counted', async () => {
    setup(siro);
    const clocks = await screen.findByRole('region', { name: /2 72-hour reporting clocks are running/ });
    expect(clocks).toHaveAttribute('id', 'dashboard-clocks');
    expect(h2s()).toEqual([
      'Important: 2 72-hour reporting clocks are running',
      'For you',
      'Policies for you',
      'The practice',
      'Waiting for your sign-off',
    ]);

    const overdue = item('reviews_overdue');
    expect(within(overdue).getByText('Overdue')).toHaveClass('nhsuk-tag', 'nhsuk-tag--red');
    expect(overdue).toHaveAttribute('data-urgency', 'overdue');
    expect(within(overdue).getAllByRole('listitem')).toHaveLength(5);
    expect(document.getElementById('dashboard-more-reviews_overdue')).toHaveTextContent('and 2 more');
    expect(within(group('practice') as HTMLElement).getByRole('heading', { level: 3, name: /7 policy reviews are overdue/ }));

    const inOrder = item('devices_unsupported');
    expect(within(inOrder).getByText('In order')).toHaveClass('nhsuk-tag--green');
    expect(inOrder).toHaveClass('custodian-dashboard-item--in_order');
    expect(document.getElementById('dashboard-more-devices_unsupported')).toBeNull();
    // No count beyond the details shown: nothing more to say.
    expect(document.getElementById('dashboard-more-incidents_open')).toBeNull();

    expect(within(group('sign-off') as HTMLElement).getByText('1 BYOD risk waits for your acceptance as SIRO')).toBeInTheDocument();
    expect(item('byod_risks')).toHaveTextContent('Sam Patel — PH-0020');
  });

  it('goes to each item’s section, and to the one incident an item is about', async () => {
    const { onNavigate, onOpenIncidents, user } = setup(siro);
    await user.click(await screen.findByRole('button', { name: 'Go to Policies: 7 policy reviews are overdue' }));
    expect(onNavigate).toHaveBeenLastCalledWith('policies');

    await user.click(document.getElementById('dashboard-go-byod_risks') as HTMLElement);
    expect(onNavigate).toHaveBeenLastCalledWith('byod');

    // Several incidents: the list; one incident: that incident.
    await user.click(document.getElementById('dashboard-go-incidents_open') as HTMLElement);
    expect(onNavigate).toHaveBeenLastCalledWith('incidents');
    expect(onOpenIncidents).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Go to Incidents: 1 incident waits for your closure sign-off' }));
    expect(onOpenIncidents).toHaveBeenCalledWith({ kind: 'incident', id: 19 });
    expect(onNavigate).toHaveBeenCalledTimes(3);
  });

  it('offers no link to a section the person’s roles do not open', async () => {
    setup(
      staffSession,
      {
        items: [
          dashboardItem(),
          dashboardItem({ key: 'byod_risks', audience: 'sign_off', section: 'byod', title: 'A BYOD risk waits' }),
        ],
        clocks: [],
      },
    );
    expect(await screen.findByText('A BYOD risk waits')).toBeInTheDocument();
    expect(document.getElementById('dashboard-go-byod_risks')).toBeNull();
  });

  it('shows each running clock with its deadline in local time and the hours left, and opens its incident', async () => {
    const { onOpenIncidents, user } = setup(siro);
    const soon = (await screen.findByText('INC-2026-004')).closest('li') as HTMLElement;
    expect(soon).toHaveAttribute('id', 'dashboard-clock-31');
    expect(soon).toHaveTextContent('INC-2026-004: report by 27 Nov 2026, 14:00, 12 hours left');

    const late = document.getElementById('dashboard-clock-27') as HTMLElement;
    expect(late).toHaveTextContent('INC-2026-002: report by 25 Nov 2026, 09:30, overdue by 5 hours');
    expect(within(late).getByText('overdue by 5 hours')).toHaveClass('custodian-clock-alert__left');

    await user.click(screen.getByRole('button', { name: 'Open incident INC-2026-002' }));
    expect(onOpenIncidents).toHaveBeenCalledWith({ kind: 'incident', id: 27 });
  });

  it('says which side of the deadline a clock is within its last hour', () => {
    const now = new Date('2026-11-27T13:30:00Z');
    expect(hoursLeft(clock({ hoursLeft: 1 }), now)).toBe('1 hour left');
    expect(hoursLeft(clock({ hoursLeft: -1 }), now)).toBe('overdue by 1 hour');
    expect(hoursLeft(clock({ hoursLeft: 0 }), now)).toBe('less than an hour left');
    expect(hoursLeft(clock({ hoursLeft: 0, deadline: '2026-11-27T13:00:00Z' }), now)).toBe('overdue by less than an hour');
  });

  it('says it is loading, and why the dashboard cannot be shown, and tries again', async () => {
    let attempts = 0;
    const { user } = setup(session, staffDashboard(), [], {
      dashboard_view: () => {
        attempts += 1;
        if (attempts === 1) throw commandError('internal', 'The vault could not be read');
        return staffDashboard();
      },
    });
    expect(screen.getByText('Loading what needs your attention…')).toHaveAttribute('role', 'status');
    const failed = await screen.findByText('What needs your attention cannot be shown');
    expect(failed.closest('[role="alert"]')).toHaveTextContent('The vault could not be read');
    // The policies to read are still there to read.
    expect(await screen.findByText('Data protection policy')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('2 policies are waiting for you to read and acknowledge')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('What needs your attention cannot be shown')).toBeNull());
  });

  it('shows notifications below the clocks and above what is for the person', async () => {
    setup(session, staffDashboard(), [
      {
        id: 9,
        role: 'SIRO',
        recordType: 'byod_check',
        message: "checked Sam Patel's mobile phone (PH-0020): 1 failed; approved with risk",
        createdAt: '2026-04-10T13:05:00Z',
      },
    ]);
    expect(await screen.findByRole('heading', { level: 2, name: 'For your attention' })).toBeInTheDocument();
    expect(h2s()).toEqual(['For your attention', 'For you', 'Policies for you']);
    expect(document.getElementById('notification-dismiss-9')).toBeInTheDocument();
  });
});
