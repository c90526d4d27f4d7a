import { mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { localMomentInput } from '../shared/dates';
import { commandError } from '../testing/commands';
import { appStatus, session, staffSession } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { IncidentsScreen, type IncidentsStart } from './IncidentsScreen';
import { incidentHandler, incidentRow, incidentsView, type IncidentHandlers } from './testing';

async function setup(handlers: IncidentHandlers = {}, start: IncidentsStart = { kind: 'record', draft: {} }, shown = session) {
  const ipc = incidentHandler({
    app_status: () => appStatus({ session: shown }),
    incident_list: () => incidentsView(),
    ...handlers,
  });
  mockIPC(ipc);
  const rendered = renderWithQuery(<IncidentsScreen session={shown} start={start} />);
  expect(await screen.findByRole('heading', { level: 1, name: 'Record an incident' })).toBeInTheDocument();
  return { ipc, ...rendered };
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;
/** Sets a date-and-time input as the browser's own picker would. */
const setInputValue = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

describe('RecordIncidentForm', () => {
  it('sends what was typed, the times with this computer’s offset, and opens the incident it recorded', async () => {
    const recorded = incidentRow({ id: 24, reference: 'INC-2026-004' });
    let saved = false;
    const { ipc, user } = await setup(
      {
        incident_list: () => incidentsView({ canManage: false, incidents: saved ? [recorded] : [] }),
        incident_record: () => {
          saved = true;
          return recorded;
        },
      },
      { kind: 'record', draft: {} },
      staffSession,
    );
    // Both times start at this minute.
    expect(byId('incident-occurred-at')).toHaveValue(localMomentInput());
    expect(byId('incident-aware-at')).toHaveValue(localMomentInput());
    expect(byId('incident-stolen')).toBeNull();

    await user.click(byId('incident-kind-ig'));
    await user.selectOptions(byId('incident-category'), 'lost_or_stolen_device');
    await user.click(byId('incident-breach-confidentiality'));
    setInputValue(byId('incident-occurred-at'), '2026-05-04T17:00');
    setInputValue(byId('incident-aware-at'), '2026-05-04T19:15');
    await user.type(byId('incident-description'), 'Laptop left on the train home');
    await user.type(byId('incident-data-categories'), 'names, NHS numbers');
    await user.click(byId('incident-special-category'));
    await user.type(byId('incident-people-affected'), '120');
    await user.selectOptions(byId('incident-device-choice'), '9');
    await user.click(byId('incident-device-add'));
    expect(byId('incident-device-chosen')).toHaveTextContent('PH-002 — Mobile phone Samsung A54');
    // Picked but not added: named too.
    await user.selectOptions(byId('incident-device-choice'), '7');
    await user.click(byId('incident-stolen'));
    await user.click(byId('incident-save'));

    expect(await screen.findByRole('heading', { level: 1, name: 'INC-2026-004' })).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('incident_record', {
      request: {
        kind: 'ig',
        category: 'lost_or_stolen_device',
        breachTypes: ['confidentiality'],
        occurredAt: '2026-05-04T17:00:00+01:00',
        awareAt: '2026-05-04T19:15:00+01:00',
        awareFirstReason: '',
        description: 'Laptop left on the train home',
        specialCategory: true,
        vulnerablePeople: false,
        deviceIds: [9, 7],
        stolen: true,
        policyIds: [],
        dataCategories: 'names, NHS numbers',
        peopleAffected: '120',
        recordsAffected: '',
        consequences: '',
      },
    });
    expect(byId('incident-message')).toHaveTextContent(
      'INC-2026-004 is recorded. The IG lead will grade it and decide whether it must be reported.',
    );
  });

  it('opens filled in from a device’s page: the category, the device and whether it was stolen', async () => {
    await setup({}, { kind: 'record', draft: { category: 'lost_or_stolen_device', deviceIds: [7], stolen: true } });
    expect(byId('incident-category')).toHaveValue('lost_or_stolen_device');
    expect(byId('incident-device-chosen')).toHaveTextContent('LT-014 — Laptop Dell Latitude 5440');
    expect(byId('incident-stolen')).toBeChecked();
  });

  it('asks why the practice knew first only when awareness comes before the incident', async () => {
    const { ipc, user } = await setup({ incident_record: () => incidentRow() });
    expect(byId('incident-aware-first-reason')).toBeNull();
    setInputValue(byId('incident-occurred-at'), '2026-05-04T09:00');
    setInputValue(byId('incident-aware-at'), '2026-05-03T16:00');
    await user.type(await screen.findByLabelText('Why did the practice know before it happened?'), 'A ransom threat came first');
    await user.click(byId('incident-save'));
    expect(ipc).toHaveBeenCalledWith(
      'incident_record',
      expect.objectContaining({ request: expect.objectContaining({ awareFirstReason: 'A ransom threat came first' }) }),
    );
  });

  it('shows each problem Rust finds beside its field, and a count that is not a number', async () => {
    const { user } = await setup({
      incident_record: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'kind', message: 'Say whether it is an IG incident, a cyber incident, or both' },
          { field: 'awareAt', message: 'The practice became aware before it happened: correct the times, or explain why' },
          { field: 'description', message: 'Describe what happened' },
          { field: 'peopleAffected', message: 'Enter the number of people affected as a whole number, like 12, or leave it empty' },
        ]);
      },
    });
    await user.type(byId('incident-people-affected'), 'about ten');
    await user.click(byId('incident-save'));
    expect(await screen.findByRole('link', { name: /Say whether it is an IG incident/ })).toHaveAttribute('href', '#incident-kind-ig');
    expect(screen.getByRole('link', { name: /became aware before it happened/ })).toHaveAttribute('href', '#incident-aware-at');
    expect(screen.getByRole('link', { name: 'Describe what happened' })).toHaveAttribute('href', '#incident-description');
    expect(byId('incident-people-affected-error')).toHaveTextContent('as a whole number');
    expect(byId('incident-people-affected')).toHaveAttribute('aria-invalid', 'true');
  });
});
