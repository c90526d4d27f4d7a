import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { DeviceRow, SessionInfo } from '../ipc';
import { today } from '../shared/dates';
import { commandError } from '../testing/commands';
import { appStatus, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { DevicesScreen } from './DevicesScreen';
import {
  actionsFor,
  allocationRow,
  detailView,
  deviceHandler,
  deviceRow,
  disposedLaptop,
  priya,
  registerView,
  usbStick,
  type DeviceHandlers,
} from './testing';

/** Opens `device` from the register; its details come from `device_get` unless a handler says otherwise. */
async function setup(device: DeviceRow, handlers: DeviceHandlers = {}, shown: SessionInfo = session) {
  const ipc = deviceHandler({
    app_status: () => appStatus({ session: shown }),
    device_list: () => registerView({ devices: [device] }),
    device_get: () => detailView({ device, allocations: [] }),
    ...handlers,
  });
  mockIPC(ipc);
  const onOpenIncidents = vi.fn();
  const rendered = renderWithQuery(<DevicesScreen session={shown} onOpenIncidents={onOpenIncidents} />);
  await rendered.user.click(await screen.findByRole('button', { name: device.assetTag }));
  expect(await screen.findByRole('heading', { level: 1, name: device.assetTag })).toBeInTheDocument();
  return { ipc, onOpenIncidents, ...rendered };
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const calls = (ipc: { mock: { calls: unknown[][] } }, command: string) =>
  ipc.mock.calls.filter(([name]) => name === command).length;

describe('DevicesScreen: one device', () => {
  it('shows every detail and who has held it', async () => {
    await setup(deviceRow(), { device_get: () => detailView() });
    expect(byId('device-caption')).toHaveTextContent('Laptop — Dell Latitude 5440');
    expect(within(byId('device-status-shown')).getByText('In use')).toHaveClass('nhsuk-tag--green');
    const summary = byId('device-summary');
    for (const shown of [
      'KindLaptop',
      'MakeDell',
      'ModelLatitude 5440',
      'Serial numberSN-5440-01',
      'OwnershipPractice',
      'EncryptedYes',
      'Encryption methodBitLocker',
      'Operating systemWindows 11',
      'Version23H2',
      'Security updates from its makerYes',
      'LocationReception',
      'Information asset ownerJane Smith',
      'StatusIn use',
      'Held byJordan Ellis, since 1 April 2025',
      'Purchase date1 March 2024',
      'NotesNot recorded',
    ]) {
      expect(summary).toHaveTextContent(shown);
    }
    const history = within(byId('device-allocations')).getAllByRole('row');
    expect(history[1]).toHaveTextContent('Person Priya ShahFrom 4 March 2024To 31 March 2025Note');
    expect(history[2]).toHaveTextContent('Person Jordan EllisFrom 1 April 2025To nowNote With charger');
    expect(byId('device-allocate')).toHaveTextContent('Re-allocate');
  });

  it('says removable media is removable, and when no one has held it', async () => {
    await setup(usbStick);
    expect(byId('device-summary')).toHaveTextContent('KindUSB stick (removable media)');
    expect(byId('device-summary')).toHaveTextContent('Information asset ownerNot recorded');
    expect(byId('device-allocations-none')).toHaveTextContent('No one has held it yet.');
    expect(byId('device-allocate')).toHaveTextContent('Allocate to someone');
    expect(byId('device-return')).toBeNull();
  });

  it('allocates it to someone from today unless told otherwise, with a note', async () => {
    let device = usbStick;
    const { ipc, user } = await setup(usbStick, {
      device_get: () => detailView({ device, allocations: [] }),
      device_allocate: ({ from }) => {
        device = { ...usbStick, holder: priya, heldSince: from, status: 'in_use' };
        return device;
      },
    });
    await user.click(byId('device-allocate'));
    expect(byId('allocate-heading')).toHaveFocus();
    expect(byId('allocate-from')).toHaveValue(today());
    await user.click(byId('allocate-save'));
    expect(await screen.findByRole('link', { name: 'Choose who it goes to' })).toHaveAttribute('href', '#allocate-person');
    expect(calls(ipc, 'device_allocate')).toBe(0);

    await user.selectOptions(byId('allocate-person'), 'Priya Shah');
    await user.clear(byId('allocate-from'));
    await user.type(byId('allocate-from'), '2026-05-06');
    await user.type(byId('allocate-note'), 'Encrypted stick for the audit');
    await user.click(byId('allocate-save'));

    expect(await screen.findByText('USB-003 allocated to Priya Shah from 6 May 2026')).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('device_allocate', {
      request: { id: 8, personId: 3, from: '2026-05-06', note: 'Encrypted stick for the audit' },
    });
    expect(byId('device-message')).toHaveAttribute('role', 'status');
    await waitFor(() => expect(byId('device-allocate')).toHaveTextContent('Re-allocate'));
    expect(byId('device-return')).toBeInTheDocument();
  });

  it('shows why core would not allocate it, beside the field', async () => {
    const { user } = await setup(deviceRow(), {
      device_allocate: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'from', message: 'Jordan Ellis has held it since 2025-04-01; choose a later day' },
        ]);
      },
    });
    await user.click(byId('device-allocate'));
    await user.selectOptions(byId('allocate-person'), 'Priya Shah');
    await user.click(byId('allocate-save'));
    expect(await screen.findByRole('link', { name: /choose a later day/ })).toHaveAttribute('href', '#allocate-from');
    expect(byId('allocate-from-error')).toHaveTextContent('choose a later day');
  });

  it('records its return on the day given', async () => {
    const { ipc, user } = await setup(deviceRow(), {
      device_return: () => deviceRow({ holder: null, heldSince: null, status: 'in_store' }),
    });
    await user.click(byId('device-return'));
    expect(byId('return-on')).toHaveValue(today());
    await user.clear(byId('return-on'));
    await user.type(byId('return-on'), '2026-04-30');
    await user.click(byId('return-save'));
    expect(await screen.findByText('LT-014 returned by Jordan Ellis on 30 April 2026')).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('device_return', { request: { id: 7, on: '2026-04-30' } });
  });

  it('shows a problem with the return day beside it', async () => {
    const { user } = await setup(deviceRow(), {
      device_return: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'on', message: 'It cannot be returned before it was allocated' },
        ]);
      },
    });
    await user.click(byId('device-return'));
    await user.click(byId('return-save'));
    expect(await screen.findByRole('link', { name: /cannot be returned before/ })).toHaveAttribute('href', '#return-on');
    expect(byId('return-on-error')).toHaveTextContent('cannot be returned before');
  });

  it('marks it lost with what happened, then offers to record an incident about it', async () => {
    const { ipc, onOpenIncidents, user } = await setup(deviceRow(), {
      device_set_status: ({ status }) => deviceRow({ status }),
    });
    await user.click(byId('device-mark-lost'));
    await user.click(byId('device-lost-save'));
    expect(await screen.findByRole('link', { name: 'Choose whether it was lost or stolen' })).toHaveAttribute(
      'href',
      '#device-lost-lost',
    );
    expect(calls(ipc, 'device_set_status')).toBe(0);

    await user.click(byId('device-lost-lost'));
    await user.type(byId('device-lost-reason'), 'Left on the train on 4 May');
    await user.click(byId('device-lost-save'));

    expect(await screen.findByText('LT-014 recorded as lost')).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('device_set_status', {
      request: { id: 7, status: 'lost', reason: 'Left on the train on 4 May' },
    });
    expect(byId('device-incident-advice')).toHaveTextContent('Record an incident about it now');
    await user.click(within(byId('device-incident-advice')).getByRole('button', { name: 'Record an incident' }));
    expect(onOpenIncidents).toHaveBeenCalledWith({
      kind: 'record',
      draft: { deviceIds: [7], category: 'lost_or_stolen_device', stolen: false },
    });
  });

  it('lists the incidents it is linked to, opens one, and records another about it', async () => {
    const { onOpenIncidents, user } = await setup(deviceRow(), {
      device_get: () =>
        detailView({
          device: deviceRow(),
          incidents: [
            {
              id: 31,
              reference: 'INC-2026-004',
              categoryLabel: 'Lost or stolen device',
              awareAt: '2026-05-04T08:30:00Z',
              statusLabel: 'Closed',
            },
          ],
        }),
    });
    const rows = within(byId('device-incidents')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('INC-2026-004');
    expect(rows[1]).toHaveTextContent('4 May 2026, 09:30');
    expect(rows[1]).toHaveTextContent('Lost or stolen device');
    expect(rows[1]).toHaveTextContent('Closed');
    await user.click(screen.getByRole('button', { name: 'INC-2026-004' }));
    expect(onOpenIncidents).toHaveBeenCalledWith({ kind: 'incident', id: 31 });

    // In use: an incident about it is not necessarily a lost device's.
    await user.click(screen.getByRole('button', { name: 'Record an incident about LT-014' }));
    expect(onOpenIncidents).toHaveBeenLastCalledWith({ kind: 'record', draft: { deviceIds: [7] } });
  });

  it("says when no incident is linked to it, and offers a stolen device's incident as one", async () => {
    const { onOpenIncidents, user } = await setup(deviceRow({ status: 'stolen', holder: null, heldSince: null }));
    expect(byId('device-incidents-none')).toHaveTextContent('No incident is linked to it.');
    await user.click(screen.getByRole('button', { name: 'Record an incident about LT-014' }));
    expect(onOpenIncidents).toHaveBeenCalledWith({
      kind: 'record',
      draft: { deviceIds: [7], category: 'lost_or_stolen_device', stolen: true },
    });
  });

  it('shows core asking for the reason a device was stolen', async () => {
    const { user } = await setup(deviceRow(), {
      device_set_status: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'reason', message: 'Say briefly what happened' },
        ]);
      },
    });
    await user.click(byId('device-mark-lost'));
    await user.click(byId('device-lost-stolen'));
    await user.click(byId('device-lost-save'));
    expect(await screen.findByRole('link', { name: 'Say briefly what happened' })).toHaveAttribute(
      'href',
      '#device-lost-reason',
    );
    expect(byId('device-incident-advice')).toBeNull();
  });

  it('changes its status, with an optional reason', async () => {
    const { ipc, user } = await setup(deviceRow({ holder: null, heldSince: null, status: 'in_store' }), {
      device_set_status: ({ status }) => deviceRow({ holder: null, heldSince: null, status }),
    });
    const status = byId('device-status-change');
    expect(within(status).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'In use',
      'In store',
      'Awaiting disposal',
    ]);
    expect(status).toHaveValue('in_use');
    await user.selectOptions(status, 'Awaiting disposal');
    await user.type(byId('device-status-reason'), 'Screen cracked');
    await user.click(byId('device-status-save'));
    expect(await screen.findByText('LT-014 is now awaiting disposal')).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('device_set_status', {
      request: { id: 7, status: 'awaiting_disposal', reason: 'Screen cracked' },
    });
  });

  it('offers the statuses core sends for each form, not a list of its own', async () => {
    const { user } = await setup(deviceRow({ holder: null, heldSince: null, status: 'in_store' }), {
      device_list: () =>
        registerView({
          devices: [deviceRow({ holder: null, heldSince: null, status: 'in_store' })],
          statusesSetByHand: [{ value: 'in_store', label: 'In store' }],
          missingStatuses: [{ value: 'stolen', label: 'Stolen' }],
        }),
    });
    expect(within(byId('device-status-change')).getAllByRole('option').map((o) => o.textContent)).toEqual(['In store']);
    await user.click(byId('device-mark-lost'));
    expect(byId('device-lost-stolen')).toBeInTheDocument();
    expect(document.getElementById('device-lost-lost')).toBeNull();
  });

  it('shows why core refused a change of status', async () => {
    const { user } = await setup(deviceRow(), {
      device_set_status: () => {
        throw commandError('refused', 'Disposals are recorded in the disposal log');
      },
    });
    await user.click(byId('device-status-save'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Disposals are recorded in the disposal log');
  });

  it('offers nothing to change to someone who may see the register but not keep it', async () => {
    const viewer: SessionInfo = {
      ...session,
      roles: ['caldicott_guardian', 'staff'],
      permissions: { ...session.permissions, manageDevices: false },
    };
    await setup(
      deviceRow(),
      {
        device_list: () => registerView({ devices: [deviceRow()], canManage: false, people: [] }),
        device_get: () => detailView({ actions: actionsFor(deviceRow(), false) }),
      },
      viewer,
    );
    expect(byId('device-summary')).toBeInTheDocument();
    expect(byId('device-allocations')).toBeInTheDocument();
    for (const id of ['device-edit', 'device-allocate', 'device-return', 'device-mark-lost', 'device-status-change']) {
      expect(document.getElementById(id)).toBeNull();
    }
  });
});

describe('DevicesScreen: what may be done with a device', () => {
  const nothing = { mayEdit: false, mayAllocate: false, mayReturn: false, mayChangeStatus: false, offerIncident: false };

  it('offers only what core allows, whatever the status shown', async () => {
    // A held device in use, for which core allows a return and an incident and nothing else.
    await setup(deviceRow(), {
      device_get: () => detailView({ actions: { ...nothing, mayReturn: true, offerIncident: true } }),
    });
    expect(byId('device-return')).toBeInTheDocument();
    expect(byId('device-record-incident')).toBeInTheDocument();
    for (const id of ['device-edit', 'device-allocate', 'device-mark-lost', 'device-status-change']) {
      expect(document.getElementById(id)).toBeNull();
    }
  });

  it('offers a lost device only its return, a change of status and an incident about it', async () => {
    const lost = deviceRow({ status: 'lost' });
    await setup(lost, { device_get: () => detailView({ device: lost, actions: { ...actionsFor(lost), mayAllocate: false } }) });
    expect(byId('device-allocate')).toBeNull();
    for (const id of ['device-return', 'device-mark-lost', 'device-status-change', 'device-edit', 'device-record-incident']) {
      expect(byId(id)).toBeInTheDocument();
    }
  });

  it('leaves out the actions section, and the incident, when core allows nothing', async () => {
    await setup(deviceRow(), { device_get: () => detailView({ actions: nothing }) });
    expect(byId('device-actions')).toBeNull();
    expect(byId('device-record-incident')).toBeNull();
  });
});

describe('DevicesScreen: a disposed device', () => {
  it('is kept on record, with nothing to change', async () => {
    const ipc = deviceHandler({
      app_status: () => appStatus({ session }),
      device_list: () => registerView({ devices: [disposedLaptop] }),
      device_get: () => detailView({ device: disposedLaptop, allocations: [allocationRow({ to: '2024-12-31' })] }),
    });
    mockIPC(ipc);
    const { user } = renderWithQuery(<DevicesScreen session={session} />);
    await user.selectOptions(await screen.findByLabelText('Status'), 'Disposed');
    await user.click(screen.getByRole('button', { name: 'LT-001' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'LT-001' })).toBeInTheDocument();
    expect(within(byId('device-status-shown')).getByText('Disposed')).toHaveClass('nhsuk-tag--white');
    expect(byId('device-disposed')).toHaveTextContent('It was disposed of.');
    for (const id of ['device-edit', 'device-allocate', 'device-return', 'device-mark-lost', 'device-status-change']) {
      expect(document.getElementById(id)).toBeNull();
    }
  });
});
