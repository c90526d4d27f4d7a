import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { SessionInfo } from '../ipc';
import { commandError } from '../testing/commands';
import { appStatus, session, staffSession } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { IncidentsScreen, type IncidentsStart } from './IncidentsScreen';
import { incidentHandler, incidentRow, incidentsView, reportable, type IncidentHandlers } from './testing';

function setup(handlers: IncidentHandlers = {}, shown: SessionInfo = session, start?: IncidentsStart) {
  const ipc = incidentHandler({
    app_status: () => appStatus({ session: shown }),
    incident_list: () => incidentsView(),
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<IncidentsScreen session={shown} start={start} />) };
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;

describe('IncidentsScreen', () => {
  it('lists each incident with when the practice knew, its category, grade and status, and the running clock', async () => {
    const late = reportable('2026-11-27T19:15:00Z', {
      id: 22,
      reference: 'INC-2026-002',
      clockDeadline: null,
      reportedLate: true,
    });
    setup({
      incident_list: () =>
        incidentsView({ incidents: [reportable('2026-11-27T19:15:00Z'), late, incidentRow({ id: 23, reference: 'INC-2026-003' })] }),
    });
    const rows = within(await screen.findByRole('table')).getAllByRole('row');
    expect(rows.map((row) => row.getAttribute('data-reference'))).toEqual([null, 'INC-2026-001', 'INC-2026-002', 'INC-2026-003']);
    const first = rows[1] as HTMLElement;
    expect(first).toHaveTextContent('24 Nov 2026, 19:15');
    expect(first).toHaveTextContent('Lost or stolen device');
    expect(first).toHaveTextContent('3 × 2');
    expect(first).toHaveTextContent('Reportable to the ICO through the DSPT incident reporting tool');
    expect(byId('incident-clock-21')).toHaveTextContent('Report by 27 Nov 2026, 19:15');
    expect(byId('incident-clock-21')).toHaveClass('nhsuk-tag--red');
    expect(byId('incident-clock-22')).toHaveTextContent('Reported late');
    expect(rows[3]).toHaveTextContent('Not graded');
    expect(byId('incident-clock-23')).toBeNull();
    expect(byId('incident-counts')).toHaveTextContent('3 incidents, 3 open: 1 reportable incident is not yet reported.');
  });

  it('says when there is nothing yet, in words for the manager and for staff', async () => {
    setup({ incident_list: () => incidentsView({ incidents: [] }) });
    expect(await screen.findByText('No incident has been recorded yet.')).toBeInTheDocument();
  });

  it('shows staff the incidents they reported, read-only, with a way to record another', async () => {
    const { user } = setup(
      { incident_list: () => incidentsView({ canManage: false, devices: [] }) },
      staffSession,
    );
    expect(await screen.findByText(/You see the incidents you reported/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'INC-2026-001' }));
    expect(screen.getByRole('heading', { level: 1, name: 'INC-2026-001' })).toBeInTheDocument();
    expect(byId('incident-read-only')).toHaveTextContent('The IG lead manages this incident');
    expect(byId('incident-summary')).toHaveTextContent('DescriptionLaptop left on the train home');
    expect(byId('incident-grade-shown')).toHaveTextContent('Not graded yet.');
    for (const form of ['incident-grade-grid', 'incident-report-form', 'incident-action-form', 'incident-assess-form', 'incident-link-form', 'incident-status-form']) {
      expect(byId(form)).toBeNull();
    }
    await user.click(byId('incident-back'));
    await user.click(screen.getByRole('button', { name: 'Record an incident' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Record an incident' })).toBeInTheDocument();
  });

  it('opens at an incident when another screen sends someone there', async () => {
    setup({}, session, { kind: 'incident', id: 21 });
    expect(await screen.findByRole('heading', { level: 1, name: 'INC-2026-001' })).toBeInTheDocument();
  });

  it('says why the incidents cannot be shown, and tries again', async () => {
    let fail = true;
    const { user } = setup({
      incident_list: () => {
        if (fail) throw commandError('internal', 'The vault could not be read');
        return incidentsView();
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The vault could not be read');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });
});
