import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { SessionInfo } from '../ipc';
import { commandError } from '../testing/commands';
import { appStatus, session, staffSession } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { DevicesScreen } from './DevicesScreen';
import {
  detailView,
  deviceHandler,
  deviceRow,
  jordan,
  manyDevices,
  registerView,
  stolenPhone,
  type DeviceHandlers,
} from './testing';

function setup(handlers: DeviceHandlers = {}, shown: SessionInfo = session) {
  const ipc = deviceHandler({
    app_status: () => appStatus({ session: shown }),
    device_list: () => registerView(),
    device_get: () => detailView(),
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<DevicesScreen session={shown} />) };
}

type Ipc = ReturnType<typeof setup>['ipc'];

const calls = (ipc: Ipc, command: string) => ipc.mock.calls.filter(([name]) => name === command).length;
const row = (id: number) => document.querySelector(`#device-register [data-device="${id}"]`) as HTMLElement | null;
const shownIds = () =>
  Array.from(document.querySelectorAll('#device-register [data-device]')).map((element) =>
    Number(element.getAttribute('data-device')),
  );
const byId = (id: string) => document.getElementById(id) as HTMLElement;

describe('DevicesScreen: the register', () => {
  it('shows each active device with its kind, ownership, encryption, status tag and holder, and the counts', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Devices' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'LT-014' })).toHaveAttribute('id', 'device-7');

    const laptop = row(7) as HTMLElement;
    expect(laptop).toHaveTextContent('Laptop');
    expect(laptop).toHaveTextContent('Dell Latitude 5440');
    expect(laptop).toHaveTextContent('Practice');
    expect(laptop).toHaveTextContent('Yes');
    expect(within(laptop).getByText('In use')).toHaveClass('nhsuk-tag', 'nhsuk-tag--green');
    expect(laptop).toHaveTextContent('Jordan Ellis');
    expect(laptop).toHaveTextContent('since 1 April 2025');
    expect(within(row(8) as HTMLElement).getByText('In store')).toHaveClass('nhsuk-tag--grey');
    expect(row(8)).toHaveTextContent('USB stick');
    expect(row(8)).toHaveTextContent('Unknown');
    expect(row(8)).toHaveTextContent('No one');
    expect(within(row(10) as HTMLElement).getByText('Stolen')).toHaveClass('nhsuk-tag--red');
    // Disposed devices are kept on record but left out of the active register.
    expect(row(11)).toBeNull();

    expect(byId('device-counts')).toHaveTextContent(
      '4 devices: 1 with unknown encryption, 1 unsupported system, 1 whose support is unknown. 1 disposed device kept on record.',
    );
    expect(byId('device-add')).toHaveTextContent('Add a device');
    expect(byId('device-import')).toHaveTextContent('Import from a spreadsheet (CSV)');
    expect(byId('device-export')).toHaveTextContent('Export (CSV)');
    expect(byId('devices-to-return')).toBeNull();
  });

  it('says when every device is encrypted and supported', async () => {
    setup({ device_list: () => registerView({ devices: [deviceRow(), stolenPhone] }) });
    await waitFor(() => expect(byId('device-counts')).toHaveTextContent('2 devices, all encrypted and on supported systems.'));
  });

  it('searches by asset tag, make, model, serial number, holder and location, ignoring case', async () => {
    const { user } = setup();
    await screen.findByRole('button', { name: 'LT-014' });
    const search = screen.getByLabelText('Search');
    expect(search).toHaveAttribute('id', 'device-search');

    for (const [typed, expected] of [
      ['usb-003', [8]],
      ['KINGSTON', [8]],
      ['elitedesk', [9]],
      ['sn-5440', [7]],
      ['priya', [9]],
      ['consulting room', [9]],
      ['dell latitude', [7]],
    ] as const) {
      await user.clear(search);
      await user.type(search, typed);
      await waitFor(() => expect(shownIds()).toEqual(expected));
    }
    await user.clear(search);
    await user.type(search, 'nothing like this');
    expect(await screen.findByText('No device matches the search and filters.')).toBeInTheDocument();
    expect(byId('device-register-shown')).toHaveTextContent('0 of 5 devices shown');
  });

  it('filters by status, kind (removable media too) and what needs attention', async () => {
    const { user } = setup();
    await screen.findByRole('button', { name: 'LT-014' });
    const status = screen.getByLabelText('Status');
    const kind = screen.getByLabelText('Kind');
    const attention = screen.getByLabelText('Needs attention');

    await user.selectOptions(status, 'In store');
    expect(shownIds()).toEqual([8]);
    await user.selectOptions(status, 'Disposed');
    expect(shownIds()).toEqual([11]);
    expect(within(row(11) as HTMLElement).getByText('Disposed')).toHaveClass('nhsuk-tag--white');
    await user.selectOptions(status, 'All active (not disposed)');
    expect(shownIds()).toEqual([7, 8, 9, 10]);

    await user.selectOptions(kind, 'Laptop');
    expect(shownIds()).toEqual([7]);
    await user.selectOptions(kind, 'Removable media');
    expect(shownIds()).toEqual([8]);
    await user.selectOptions(kind, 'All kinds');

    await user.selectOptions(attention, 'Encryption unknown or no');
    expect(shownIds()).toEqual([8]);
    await user.selectOptions(attention, 'System not supported or unknown');
    expect(shownIds()).toEqual([8, 9]);
    expect(byId('device-register-shown')).toHaveTextContent('2 of 5 devices shown');
  });

  it('draws at most 200 rows of 2,000, and says so until the search narrows them', async () => {
    const { user } = setup({ device_list: () => registerView({ devices: manyDevices(2000) }) });
    expect(await screen.findByText('Showing 200 of 2,000 — refine the search')).toBeInTheDocument();
    expect(shownIds()).toHaveLength(200);
    expect(byId('device-counts')).toHaveTextContent('2,000 devices, all encrypted and on supported systems.');

    await user.type(screen.getByLabelText('Search'), 'lt-00');
    await waitFor(() => expect(shownIds()).toHaveLength(99));
    expect(byId('device-register-shown')).toHaveTextContent('99 of 2,000 devices shown');
    expect(screen.queryByText(/refine the search/)).toBeNull();
  });

  it('lists the devices leavers still hold, each opening the device', async () => {
    const { ipc, user } = setup({
      device_list: () =>
        registerView({ toReturn: [{ deviceId: 7, assetTag: 'LT-014', holder: 'Jordan Ellis', lastDay: '2026-03-31' }] }),
    });
    const inset = await screen.findByText('Devices held by leavers');
    expect(byId('devices-to-return')).toContainElement(inset);
    expect(byId('devices-to-return')).toHaveTextContent('LT-014 — Jordan Ellis, last day 31 March 2026');
    await user.click(byId('device-to-return-7'));
    expect(await screen.findByRole('heading', { level: 1, name: 'LT-014' })).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('device_get', { request: { id: 7 } });
  });

  it('keeps the search and filters after a visit to a device', async () => {
    const { user } = setup();
    await screen.findByRole('button', { name: 'LT-014' });
    await user.selectOptions(screen.getByLabelText('Kind'), 'Laptop');
    await user.click(screen.getByRole('button', { name: 'LT-014' }));
    await user.click(await screen.findByRole('button', { name: 'Back to the device register' }));
    expect(await screen.findByLabelText('Kind')).toHaveValue('laptop');
    expect(shownIds()).toEqual([7]);
  });

  it('exports the register as CSV and opens the file', async () => {
    const { ipc, user } = setup({
      device_export: () => ({ path: '/srv/practice/exports/device-register-2026-05-05.csv' }),
      export_open: () => null,
    });
    await user.click(await screen.findByRole('button', { name: 'Export (CSV)' }));
    await waitFor(() =>
      expect(byId('device-export-path')).toHaveTextContent('/srv/practice/exports/device-register-2026-05-05.csv'),
    );
    await user.click(byId('device-export-open'));
    expect(ipc).toHaveBeenCalledWith('export_open', {
      request: { path: '/srv/practice/exports/device-register-2026-05-05.csv' },
    });
  });

  it('says why the register cannot be shown, and tries again', async () => {
    let attempts = 0;
    const { user } = setup({
      device_list: () => {
        attempts += 1;
        if (attempts === 1) throw commandError('internal', 'The vault could not be read');
        return registerView();
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The vault could not be read');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'LT-014' })).toBeInTheDocument();
  });

  it('shows staff the devices they hold, with nothing to open or change', async () => {
    setup(
      {
        device_list: () =>
          registerView({ devices: [deviceRow({ holder: { ...jordan } })], canManage: false, people: [] }),
      },
      staffSession,
    );
    expect(await screen.findByText(/The devices recorded as allocated to you/)).toBeInTheDocument();
    expect(row(7)).toHaveTextContent('LT-014');
    expect(screen.queryByRole('button', { name: 'LT-014' })).toBeNull();
    for (const id of ['device-add', 'device-import', 'device-export', 'devices-to-return']) {
      expect(document.getElementById(id)).toBeNull();
    }
  });

  it('tells staff who hold nothing so', async () => {
    setup({ device_list: () => registerView({ devices: [], canManage: false, people: [] }) }, staffSession);
    expect(await screen.findByText('No device is recorded as allocated to you.')).toBeInTheDocument();
  });
});

describe('DevicesScreen: adding and changing a device', () => {
  it('adds a device with every detail, sending exactly what was typed, then opens it', async () => {
    const added = deviceRow({ id: 20, assetTag: 'LT-015', holder: null, heldSince: null, status: 'in_store' });
    const { ipc, user } = setup({
      device_add: () => added,
      device_get: () => detailView({ device: added, allocations: [] }),
    });
    await user.click(await screen.findByRole('button', { name: 'Add a device' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Add a device' })).toBeInTheDocument();
    expect(byId('device-status')).toHaveValue('in_store');
    expect(byId('device-encryption-unknown')).toBeChecked();
    expect(byId('device-vendor-supported-unknown')).toBeChecked();
    expect(byId('device-ownership-practice')).not.toBeChecked();
    expect(byId('device-asset-owner')).toHaveValue('');

    await user.type(byId('device-asset-tag'), 'LT-015');
    await user.selectOptions(byId('device-kind'), 'Laptop');
    await user.type(byId('device-make'), 'Lenovo');
    await user.type(byId('device-model'), 'ThinkPad T14');
    await user.type(byId('device-serial'), 'PF-4X2Z');
    await user.click(byId('device-ownership-personal'));
    await user.click(byId('device-encryption-yes'));
    await user.type(byId('device-encryption-method'), 'BitLocker');
    await user.type(byId('device-os-name'), 'Windows 11');
    await user.type(byId('device-os-version'), '24H2');
    await user.click(byId('device-vendor-supported-yes'));
    await user.type(byId('device-location'), 'Home working');
    await user.selectOptions(byId('device-asset-owner'), 'Priya Shah');
    await user.type(byId('device-purchase-date'), '2025-01-15');
    await user.type(byId('device-notes'), 'Bought for the new GP');
    await user.click(byId('device-save'));

    expect(await screen.findByRole('heading', { level: 1, name: 'LT-015' })).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('device_add', {
      request: {
        assetTag: 'LT-015',
        kind: 'laptop',
        make: 'Lenovo',
        model: 'ThinkPad T14',
        serial: 'PF-4X2Z',
        ownership: 'personal',
        encryption: 'yes',
        encryptionMethod: 'BitLocker',
        osName: 'Windows 11',
        osVersion: '24H2',
        vendorSupported: 'yes',
        location: 'Home working',
        assetOwnerId: 3,
        status: 'in_store',
        purchaseDate: '2025-01-15',
        notes: 'Bought for the new GP',
      },
    });
    expect(byId('device-message')).toHaveTextContent('LT-015 added to the register');
    expect(byId('device-message')).toHaveAttribute('role', 'status');
    expect(calls(ipc, 'device_list')).toBe(2);
  });

  it('asks for the asset tag before sending, then sends what is left unchosen as empty', async () => {
    const { ipc, user } = setup({ device_add: () => deviceRow({ id: 21, assetTag: 'USB-010' }) });
    await user.click(await screen.findByRole('button', { name: 'Add a device' }));
    await user.click(byId('device-save'));
    expect(await screen.findByRole('link', { name: 'Enter the asset tag' })).toHaveAttribute('href', '#device-asset-tag');
    expect(calls(ipc, 'device_add')).toBe(0);

    await user.type(byId('device-asset-tag'), 'USB-010');
    await user.click(byId('device-save'));
    await waitFor(() =>
      expect(ipc).toHaveBeenCalledWith('device_add', {
        request: expect.objectContaining({ assetTag: 'USB-010', kind: '', ownership: '', assetOwnerId: null, purchaseDate: '' }),
      }),
    );
  });

  it('shows the problems Rust finds beside each field, and any other in the summary', async () => {
    const { user } = setup({
      device_add: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'assetTag', message: 'The register already has a device tagged LT-014' },
          { field: 'kind', message: 'Choose what kind of device it is' },
          { field: 'ownership', message: 'Choose who owns it' },
          { field: 'purchaseDate', message: 'The purchase date cannot be in the future' },
          { field: 'form', message: 'Something else is wrong with the device' },
        ]);
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Add a device' }));
    await user.type(byId('device-asset-tag'), 'LT-014');
    await user.click(byId('device-save'));

    expect(await screen.findByRole('link', { name: /already has a device tagged/ })).toHaveAttribute(
      'href',
      '#device-asset-tag',
    );
    expect(screen.getByRole('link', { name: 'Choose what kind of device it is' })).toHaveAttribute('href', '#device-kind');
    expect(screen.getByRole('link', { name: 'Choose who owns it' })).toHaveAttribute('href', '#device-ownership-practice');
    expect(screen.getByRole('link', { name: /cannot be in the future/ })).toHaveAttribute('href', '#device-purchase-date');
    const summary = byId('error-summary');
    expect(summary).toHaveTextContent('Something else is wrong with the device');
    expect(within(summary).queryByRole('link', { name: 'Something else is wrong with the device' })).toBeNull();
    expect(byId('device-asset-tag-error')).toHaveTextContent('already has a device tagged LT-014');
    expect(byId('device-ownership-error')).toHaveTextContent('Choose who owns it');
    expect(byId('device-purchase-date-error')).toHaveTextContent('cannot be in the future');
    expect(summary).toHaveFocus();
  });

  it('changes a device from its page, keeping what was there', async () => {
    let device = deviceRow();
    const { ipc, user } = setup({
      device_get: () => detailView({ device }),
      device_update: ({ device: request }) => {
        device = { ...device, location: request.location };
        return device;
      },
    });
    await user.click(await screen.findByRole('button', { name: 'LT-014' }));
    await user.click(await screen.findByRole('button', { name: 'Change these details' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Change the details of LT-014' })).toBeInTheDocument();
    expect(byId('device-asset-tag')).toHaveValue('LT-014');
    expect(byId('device-kind')).toHaveValue('laptop');
    expect(byId('device-ownership-practice')).toBeChecked();
    expect(byId('device-encryption-yes')).toBeChecked();
    expect(byId('device-asset-owner')).toHaveValue('1');
    expect(byId('device-status')).toHaveValue('in_use');
    expect(byId('device-purchase-date')).toHaveValue('2024-03-01');

    await user.clear(byId('device-location'));
    await user.type(byId('device-location'), 'Nurse room');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Changes saved')).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('device_update', {
      request: {
        id: 7,
        device: {
          assetTag: 'LT-014',
          kind: 'laptop',
          make: 'Dell',
          model: 'Latitude 5440',
          serial: 'SN-5440-01',
          ownership: 'practice',
          encryption: 'yes',
          encryptionMethod: 'BitLocker',
          osName: 'Windows 11',
          osVersion: '23H2',
          vendorSupported: 'yes',
          location: 'Nurse room',
          assetOwnerId: 1,
          status: 'in_use',
          purchaseDate: '2024-03-01',
          notes: '',
        },
      },
    });
    await waitFor(() => expect(byId('device-summary')).toHaveTextContent('LocationNurse room'));
  });
});
