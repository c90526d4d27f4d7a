// Fixtures for the dashboard's component tests, shaped as core sends them.
import type { ClockView, DashboardItemView, DashboardView } from '../ipc';

/** A dashboard item: the policies waiting for the person unless overridden. */
export function dashboardItem(overrides: Partial<DashboardItemView> = {}): DashboardItemView {
  return {
    key: 'policies_to_read',
    audience: 'you',
    urgency: 'due',
    title: '2 policies are waiting for you to read and acknowledge',
    details: ['Data protection policy (version 3)', 'Clear desk policy (version 1)'],
    count: 2,
    section: 'home',
    recordId: null,
    ...overrides,
  };
}

/** What someone with only the Staff role sees: their own policies, nothing else. */
export function staffDashboard(): DashboardView {
  return { items: [dashboardItem()], clocks: [] };
}

/** A running clock: INC-2026-004, due at 14:00 UTC on 27 November 2026. */
export function clock(overrides: Partial<ClockView> = {}): ClockView {
  return { incidentId: 31, reference: 'INC-2026-004', deadline: '2026-11-27T14:00:00Z', hoursLeft: 12, ...overrides };
}

/** What a practice manager who is also the SIRO sees: every group and a running clock. */
export function managerDashboard(): DashboardView {
  return {
    items: [
      dashboardItem({
        urgency: 'in_order',
        title: 'You have read and acknowledged every policy that applies to you',
        details: [],
        count: 0,
      }),
      dashboardItem({
        key: 'reviews_overdue',
        audience: 'practice',
        urgency: 'overdue',
        title: '7 policy reviews are overdue',
        details: [
          'Access control policy (due 2026-01-31)',
          'Business continuity plan (due 2026-02-28)',
          'Clear desk policy (due 2026-03-01)',
          'Data protection policy (due 2026-03-31)',
          'Email and internet policy (due 2026-04-30)',
        ],
        count: 7,
        section: 'policies',
      }),
      dashboardItem({
        key: 'incidents_open',
        audience: 'practice',
        urgency: 'due',
        title: '1 incident is open; 1 to grade',
        details: ['INC-2026-004 — Lost or stolen device'],
        count: 1,
        section: 'incidents',
      }),
      dashboardItem({
        key: 'devices_unsupported',
        audience: 'practice',
        urgency: 'in_order',
        title: 'No device in use runs an unsupported system',
        details: [],
        count: 0,
        section: 'devices',
      }),
      dashboardItem({
        key: 'incident_sign_offs',
        audience: 'sign_off',
        urgency: 'due',
        title: '1 incident waits for your closure sign-off',
        details: ['INC-2025-019 (SIRO)'],
        count: 1,
        section: 'incidents',
        recordId: 19,
      }),
      dashboardItem({
        key: 'byod_risks',
        audience: 'sign_off',
        urgency: 'due',
        title: '1 BYOD risk waits for your acceptance as SIRO',
        details: ['Sam Patel — PH-0020'],
        count: 1,
        section: 'byod',
      }),
    ],
    clocks: [clock(), clock({ incidentId: 27, reference: 'INC-2026-002', deadline: '2026-11-25T09:30:00Z', hoursLeft: -5 })],
  };
}
