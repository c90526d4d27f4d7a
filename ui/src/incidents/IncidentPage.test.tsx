import { mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { IncidentRow, SessionInfo } from '../ipc';
import { commandError } from '../testing/commands';
import { appStatus, session, staffSession } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { IncidentsScreen } from './IncidentsScreen';
import {
  caldicott,
  helen,
  igLead,
  incidentHandler,
  incidentRow,
  incidentsView,
  priya,
  reportable,
  siro,
  type IncidentHandlers,
} from './testing';

/** Opens `incident` (its page) with the list answering with it, or with what a handler says. */
async function setup(incident: IncidentRow, handlers: IncidentHandlers = {}, shown: SessionInfo = session, canManage = true) {
  const ipc = incidentHandler({
    app_status: () => appStatus({ session: shown }),
    incident_list: () => incidentsView({ incidents: [incident], canManage }),
    ...handlers,
  });
  mockIPC(ipc);
  const rendered = renderWithQuery(<IncidentsScreen session={shown} start={{ kind: 'incident', id: incident.id }} />);
  expect(await screen.findByRole('heading', { level: 1, name: incident.reference })).toBeInTheDocument();
  return { ipc, ...rendered };
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe('IncidentPage', () => {
  it('grades it on the likelihood × severity grid, reportable cells marked and the outcome in words', async () => {
    const graded = reportable(hoursFromNow(60));
    const { ipc, user } = await setup(incidentRow(), { incident_grade: () => graded });
    const grid = byId('incident-grade-grid');
    const cells = within(grid).getAllByRole('button');
    expect(cells).toHaveLength(25);
    expect(within(grid).getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      '1 No adverse effect',
      '2 Minor',
      '3 Adverse',
      '4 Serious',
      '5 Catastrophic',
    ]);
    // Most likely at the top.
    expect(within(grid).getAllByRole('rowheader').map((header) => header.textContent)).toEqual([
      '5 Occurred',
      '4 Highly likely',
      '3 Likely',
      '2 Not likely',
      '1 Not occurred',
    ]);
    expect(byId('grade-cell-3-2')).toHaveClass('custodian-grade-grid__cell--reportable');
    expect(byId('grade-cell-3-4')).toHaveClass('custodian-grade-grid__cell--dhsc');
    expect(byId('grade-cell-2-5')).not.toHaveClass('custodian-grade-grid__cell--reportable');
    expect(byId('grade-cell-2-5')).toHaveAccessibleName('Likelihood 2, Not likely; severity 5, Catastrophic: Not reportable');
    expect(byId('incident-grade-save')).toBeDisabled();

    await user.click(byId('grade-cell-4-4'));
    expect(byId('grade-cell-4-4')).toHaveAttribute('aria-pressed', 'true');
    expect(byId('incident-grade-outcome')).toHaveTextContent(
      'Reportable to the ICO through the DSPT incident reporting tool, and DHSC is told',
    );
    expect(byId('incident-grade-outcome')).toHaveTextContent('Likelihood 4, Highly likely: Likelihood meaning 4');
    await user.click(byId('grade-cell-2-1'));
    expect(byId('grade-cell-4-4')).toHaveAttribute('aria-pressed', 'false');
    expect(byId('incident-grade-outcome')).toHaveTextContent('Not reportable');
    await user.click(byId('grade-cell-3-2'));
    expect(byId('incident-grade-outcome-words')).toHaveTextContent(
      /^Reportable to the ICO through the DSPT incident reporting tool$/,
    );
    await user.click(byId('incident-grade-save'));
    expect(ipc).toHaveBeenCalledWith('incident_grade', { request: { id: 21, likelihood: 3, severity: 2 } });
    expect(await screen.findByText(/INC-2026-001 is graded/)).toBeInTheDocument();
  });

  it('shows the 72-hour deadline as a date and time with the hours left, and records the DSPT report', async () => {
    const deadline = hoursFromNow(30.5);
    const incident = reportable(deadline);
    const { ipc, user } = await setup(incident, {
      incident_report: () => reportable(deadline, { clockDeadline: null }),
    });
    expect(byId('incident-clock-tag')).toHaveTextContent(/^Report by \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/);
    expect(byId('incident-deadline')).toHaveTextContent('Report it by');
    expect(byId('incident-time-left')).toHaveTextContent('30 hours left');
    expect(byId('incident-closure-gaps')).toHaveTextContent('Record the DSPT report reference, or why it was not reported');
    // Reportable: the reason for not reporting is asked for.
    expect(screen.getByLabelText('If it was not reported: why not')).toBeInTheDocument();

    await user.type(byId('incident-dspt-reference'), 'DSPT-88123');
    fireEvent.change(byId('incident-dspt-reported-at'), { target: { value: '2026-11-25T10:30' } });
    await user.click(byId('incident-dpo-consulted'));
    await user.click(byId('incident-report-save'));
    expect(ipc).toHaveBeenCalledWith('incident_report', {
      request: {
        id: 21,
        dsptReference: 'DSPT-88123',
        dsptReportedAt: '2026-11-25T10:30:00+00:00',
        icoReference: '',
        icoReportedAt: '',
        dpoConsulted: true,
        individualsTold: false,
        individualsNote: '',
        notReportedReason: '',
      },
    });
  });

  it('shows a report time Rust refuses beside its field', async () => {
    const { user } = await setup(reportable(hoursFromNow(10)), {
      incident_report: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'dsptReportedAt', message: 'Enter when it was reported' },
        ]);
      },
    });
    await user.type(byId('incident-dspt-reference'), 'DSPT-1');
    await user.click(byId('incident-report-save'));
    expect(await screen.findByRole('link', { name: 'Enter when it was reported' })).toHaveAttribute(
      'href',
      '#incident-dspt-reported-at',
    );
  });

  it('adds to the dated log of actions, saves the assessment with its lessons, and links a device', async () => {
    const logged = incidentRow({ actions: [{ at: '2026-11-24T20:00:00Z', by: 'Priya Raman', text: 'Laptop remotely wiped' }] });
    const { ipc, user } = await setup(incidentRow(), {
      incident_action_add: () => logged,
      incident_assess: () => incidentRow({ lessons: 'Lock laptops in the boot' }),
      incident_link_device: () => incidentRow(),
    });
    expect(byId('incident-actions-none')).toHaveTextContent('No action has been recorded yet.');
    await user.type(byId('incident-action-text'), 'Laptop remotely wiped');
    await user.click(byId('incident-action-add'));
    expect(ipc).toHaveBeenCalledWith('incident_action_add', { request: { id: 21, description: 'Laptop remotely wiped' } });
    expect(await screen.findByText('Added to the log of INC-2026-001.')).toBeInTheDocument();
    expect(byId('incident-action-text')).toHaveValue('');

    await user.clear(byId('incident-assess-people'));
    await user.type(byId('incident-assess-people'), '1,200');
    await user.type(byId('incident-assess-lessons'), 'Lock laptops in the boot');
    await user.click(screen.getByText('Policies involved'));
    await user.click(byId('incident-assess-policy-5'));
    await user.click(byId('incident-assess-save'));
    expect(ipc).toHaveBeenCalledWith('incident_assess', {
      request: {
        id: 21,
        dataCategories: 'names, NHS numbers',
        peopleAffected: '1,200',
        recordsAffected: '',
        consequences: '',
        lessons: 'Lock laptops in the boot',
        policyIds: [5],
      },
    });

    // LT-014 is linked already: only the phone is offered.
    const choice = byId('incident-link-device');
    expect(within(choice).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Choose a device',
      'PH-002 — Mobile phone Samsung A54 (in use)',
    ]);
    await user.selectOptions(choice, '9');
    await user.click(byId('incident-link-stolen'));
    await user.click(byId('incident-link-save'));
    expect(ipc).toHaveBeenCalledWith('incident_link_device', { request: { id: 21, deviceId: 9, stolen: true } });
  });

  it('withdraws it with a reason, which Rust asks for', async () => {
    const { ipc, user } = await setup(incidentRow(), {
      incident_status: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'reason', message: 'Say why the status changes' },
        ]);
      },
    });
    await user.click(byId('incident-status-save'));
    expect(await screen.findByRole('link', { name: 'Choose the new status' })).toHaveAttribute('href', '#incident-status-withdrawn');
    await user.click(byId('incident-status-withdrawn'));
    await user.click(byId('incident-status-save'));
    expect(ipc).toHaveBeenCalledWith('incident_status', { request: { id: 21, status: 'withdrawn', reason: '' } });
    expect(await screen.findByRole('link', { name: 'Say why the status changes' })).toHaveAttribute(
      'href',
      '#incident-status-reason',
    );
  });

  it('lists what is left before it can be closed, then the IG lead signs the statement with their password', async () => {
    const ready = reportable(hoursFromNow(40), {
      clockDeadline: null,
      closureGaps: [],
      lessons: 'Lock laptops in the boot',
      canSign: igLead,
    });
    const statement = 'I, Priya Raman, as IG lead, have reviewed incident INC-2026-001 (lost or stolen device) and I sign it off as closed.';
    const begun = { ...ready, signOffs: [{ role: igLead, by: priya, at: '2026-11-25T12:00:00Z', statement }], awaitingSignOff: [siro, caldicott], canSign: null, changeable: false };
    const { ipc, user } = await setup(ready, {
      incident_closure_statement: () => ({ statement, roles: ['ig_lead'] }),
      incident_close_sign: () => begun,
    });
    expect(byId('incident-closure-gaps')).toBeNull();
    expect(byId('incident-closure-roles')).toHaveTextContent('the IG lead, SIRO and Caldicott Guardian sign it off, in that order');
    await user.click(screen.getByRole('button', { name: 'Sign the closure as IG lead' }));
    expect(await screen.findByText(statement)).toBeInTheDocument();
    await user.type(byId('incident-close-password'), 'heron lantern');
    await user.click(byId('incident-close-sign'));
    expect(await screen.findByRole('link', { name: 'Tick to confirm the statement' })).toBeInTheDocument();
    await user.click(byId('incident-close-confirm'));
    await user.click(byId('incident-close-sign'));
    expect(ipc).toHaveBeenCalledWith('incident_close_sign', { request: { id: 21, password: 'heron lantern', confirmed: true } });
    expect(await screen.findByText(/You signed the closure of INC-2026-001 as IG lead\. It waits for the SIRO and Caldicott Guardian\./)).toBeInTheDocument();
  });

  it('shows the gaps to the IG lead while they remain, and no signature panel', async () => {
    await setup(incidentRow());
    const gaps = within(byId('incident-closure-gaps')).getAllByRole('listitem').map((item) => item.textContent);
    expect(gaps).toEqual(['Grade it', 'Record at least one containment or action', 'Record the lessons learned']);
    expect(byId('incident-close-start')).toBeNull();
  });

  it('lets the SIRO sign, read-only otherwise, and keeps a wrong password nowhere', async () => {
    const statement = 'I, Dr Helen Marsh, as SIRO, have reviewed incident INC-2026-001 and I sign it off as closed.';
    const waiting = reportable(hoursFromNow(40), {
      clockDeadline: null,
      changeable: false,
      signOffs: [{ role: igLead, by: priya, at: '2026-11-25T12:00:00Z', statement: 'I, Priya Raman, …' }],
      awaitingSignOff: [siro],
      closureRoles: [igLead, siro],
      closureGaps: [],
      canSign: siro,
    });
    const siroSession: SessionInfo = { ...staffSession, person: { fullName: helen.fullName, login: 'demo.siro' }, roles: ['siro'] };
    const { user } = await setup(
      waiting,
      {
        incident_closure_statement: () => ({ statement, roles: ['siro'] }),
        incident_close_sign: () => {
          throw commandError('invalid_input', 'Check the highlighted answers', [
            { field: 'currentPassword', message: 'That password is not right' },
          ]);
        },
      },
      siroSession,
      false,
    );
    expect(byId('incident-grade-grid')).toBeNull();
    expect(byId('incident-sign-offs')).toHaveTextContent('IG lead: Priya Raman');
    expect(byId('incident-awaiting')).toHaveTextContent('It waits for the SIRO to sign.');
    await user.click(byId('incident-close-start'));
    expect(await screen.findByText(statement)).toBeInTheDocument();
    expect(byId('incident-close-panel')).toHaveTextContent('You sign as Dr Helen Marsh, SIRO');
    await user.click(byId('incident-close-confirm'));
    await user.type(byId('incident-close-password'), 'wrong');
    await user.click(byId('incident-close-sign'));
    expect(await screen.findByRole('link', { name: 'That password is not right' })).toHaveAttribute('href', '#incident-close-password');
    expect(byId('incident-close-password')).toHaveValue('');
  });

  it('shows a closed incident as closed, with its sign-offs and when', async () => {
    await setup(
      reportable(hoursFromNow(-10), {
        status: 'closed',
        statusLabel: 'Closed',
        changeable: false,
        clockDeadline: null,
        statusChoices: [],
        statusChanges: [
          { at: '2026-11-26T09:00:00Z', by: helen, from: 'open', fromLabel: 'Open', to: 'closed', toLabel: 'Closed', reason: 'closure review signed' },
        ],
        signOffs: [
          { role: igLead, by: priya, at: '2026-11-25T12:00:00Z', statement: 'I, Priya Raman, …' },
          { role: siro, by: helen, at: '2026-11-26T09:00:00Z', statement: 'I, Dr Helen Marsh, …' },
        ],
        closureGaps: [],
      }),
    );
    expect(byId('incident-closed')).toHaveTextContent('Closed on 26 Nov 2026, 09:00');
    expect(byId('incident-status-history')).toHaveTextContent('Open → Closed');
    expect(byId('incident-status-form')).toBeNull();
    expect(byId('incident-grade-grid')).toBeNull();
    expect(byId('incident-clock-tag')).toBeNull();
  });
});
