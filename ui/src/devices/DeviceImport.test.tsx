import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { commandError } from '../testing/commands';
import { appStatus, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { DevicesScreen } from './DevicesScreen';
import { deviceHandler, registerView, type DeviceHandlers } from './testing';

const PATH = '/home/jane/Documents/devices.csv';

async function setup(handlers: DeviceHandlers = {}) {
  const ipc = deviceHandler({
    app_status: () => appStatus({ session }),
    device_list: () => registerView(),
    ...handlers,
  });
  mockIPC(ipc);
  const rendered = renderWithQuery(<DevicesScreen session={session} />);
  await rendered.user.click(await screen.findByRole('button', { name: 'Import from a spreadsheet (CSV)' }));
  expect(screen.getByRole('heading', { level: 1, name: 'Import devices from a spreadsheet' })).toBeInTheDocument();
  return { ipc, ...rendered };
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const calls = (ipc: { mock: { calls: unknown[][] } }, command: string) =>
  ipc.mock.calls.filter(([name]) => name === command).length;

describe('DevicesScreen: importing devices from CSV', () => {
  it('explains the columns, with the choices core accepts', async () => {
    await setup();
    const columns = byId('device-import-column-list');
    expect(columns).toHaveTextContent('asset_tagRequired.');
    expect(columns).toHaveTextContent('typeRequired. One of: Desktop computer, Laptop, Tablet, Mobile phone, USB stick');
    expect(columns).toHaveTextContent('ownershipRequired. Practice, Personal.');
    expect(columns).toHaveTextContent('asset_ownerThe information asset owner\'s login name or full name.');
    expect(columns).toHaveTextContent('purchase_dateYYYY-MM-DD or DD/MM/YYYY.');
    expect(columns).toHaveTextContent('statusOne of: In use, In store, Lost, Stolen, Awaiting disposal.');
    expect(byId('device-import-columns')).toHaveTextContent('An export from Custodian writes the same columns');
  });

  it('lists every problem and imports nothing while there are any', async () => {
    const { ipc, user } = await setup({
      device_import_preview: () => ({
        rows: 12,
        assetTags: [],
        problems: [
          { line: 3, assetTag: 'LT-1', message: 'the asset tag LT-1 appears twice in the file' },
          { line: 5, assetTag: 'USB-7', message: 'Choose whether it is encrypted: yes, no or unknown' },
          { line: 5, assetTag: 'USB-7', message: 'asset owner: no one called bob is in the staff register' },
        ],
      }),
    });
    await user.type(byId('device-import-path'), PATH);
    await user.click(byId('device-import-check'));

    expect(await screen.findByText(/nothing will be imported until they are fixed/)).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('device_import_preview', { request: { path: PATH } });
    expect(byId('device-import-summary')).toHaveTextContent(
      '12 devices in the file; 3 problems — nothing will be imported until they are fixed',
    );
    const rows = within(byId('device-import-problems')).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent('Line 3Asset tag LT-1Problem the asset tag LT-1 appears twice in the file');
    expect(rows[3]).toHaveTextContent('no one called bob is in the staff register');
    expect(byId('device-import-apply')).toHaveTextContent('Import 12 devices');
    expect(byId('device-import-apply')).toBeDisabled();
    expect(calls(ipc, 'device_import')).toBe(0);
  });

  it('imports a file with no problems, then says how many were added', async () => {
    const { ipc, user } = await setup({
      'plugin:dialog|open': () => PATH,
      device_import_preview: () => ({ rows: 2, assetTags: ['LT-1', 'USB-7'], problems: [] }),
      device_import: () => 2,
    });
    await user.click(byId('device-import-choose'));
    await waitFor(() => expect(byId('device-import-path')).toHaveValue(PATH));
    await user.click(byId('device-import-check'));

    expect(await screen.findByText('2 devices are ready to import')).toBeInTheDocument();
    expect(byId('device-import-problems')).toBeNull();
    expect(byId('device-import-tags')).toHaveTextContent('LT-1, USB-7');
    const apply = byId('device-import-apply');
    expect(apply).toHaveTextContent('Import 2 devices');
    expect(apply).toBeEnabled();
    await user.click(apply);

    expect(await screen.findByRole('heading', { level: 1, name: 'Devices' })).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('device_import', { request: { path: PATH } });
    expect(byId('device-message')).toHaveTextContent('2 devices imported');
    expect(calls(ipc, 'device_list')).toBe(2);
  });

  it('asks for the file to be checked again when the path changes', async () => {
    const { user } = await setup({
      device_import_preview: () => ({ rows: 1, assetTags: ['LT-1'], problems: [] }),
    });
    await user.type(byId('device-import-path'), PATH);
    await user.click(byId('device-import-check'));
    expect(await screen.findByText('1 device is ready to import')).toBeInTheDocument();
    await user.type(byId('device-import-path'), '.bak');
    expect(byId('device-import-apply')).toBeNull();
  });

  it('shows a problem with the file itself beside the path and in the summary', async () => {
    const { user } = await setup({
      device_import_preview: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          {
            field: 'path',
            message: 'The file has no ownership column. The columns are: asset_tag, type, make',
          },
        ]);
      },
    });
    await user.click(byId('device-import-check'));
    expect(await screen.findByRole('link', { name: "Enter the file's full path, or choose the file" })).toHaveAttribute(
      'href',
      '#device-import-path',
    );

    await user.type(byId('device-import-path'), PATH);
    await user.click(byId('device-import-check'));
    expect(await screen.findByRole('link', { name: /The file has no ownership column/ })).toHaveAttribute(
      'href',
      '#device-import-path',
    );
    expect(byId('device-import-path-error')).toHaveTextContent('The file has no ownership column');
    expect(byId('device-import-preview')).toBeNull();
  });

  it('shows why core refused the import after all (the file changed since it was checked)', async () => {
    const { user } = await setup({
      device_import_preview: () => ({ rows: 1, assetTags: ['LT-1'], problems: [] }),
      device_import: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'path', message: '1 problem in the file, so nothing was imported; the first, on line 2: …' },
        ]);
      },
    });
    await user.type(byId('device-import-path'), PATH);
    await user.click(byId('device-import-check'));
    await user.click(await screen.findByRole('button', { name: 'Import 1 device' }));
    expect(await screen.findByRole('link', { name: /nothing was imported/ })).toHaveAttribute('href', '#device-import-path');
  });
});
