import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { appStatus } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { FirstRunScreen } from './FirstRunScreen';

function setup(handlers: CommandHandlers) {
  const ipc = commandHandler({ app_status: () => appStatus(), ...handlers });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<FirstRunScreen defaultVaultFolder="/home/jane/Documents/Custodian" onCreated={vi.fn()} />) };
}

describe('FirstRunScreen', () => {
  it('offers to create a vault, and says where it will be saved', async () => {
    const { user } = setup({});
    await user.click(screen.getByRole('button', { name: 'Create a practice vault' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Create a practice vault');
    expect(screen.getByText('/home/jane/Documents/Custodian')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Welcome to Custodian');
  });

  it('opens the file chosen in the dialog, offering only vault files', async () => {
    const { ipc, user } = setup({
      'plugin:dialog|open': () => '/srv/shared/Riverside Surgery.custodian',
      vault_choose: ({ path }) => ({ path, practiceName: null }),
    });
    await user.click(screen.getByRole('button', { name: 'Open an existing vault file' }));

    await waitFor(() =>
      expect(ipc).toHaveBeenCalledWith('vault_choose', { request: { path: '/srv/shared/Riverside Surgery.custodian' } }),
    );
    expect(ipc).toHaveBeenCalledWith('plugin:dialog|open', {
      options: expect.objectContaining({
        multiple: false,
        filters: [{ name: 'Custodian vault', extensions: ['custodian'] }],
      }),
    });
  });

  it('does nothing when the dialog is cancelled', async () => {
    const { ipc, user } = setup({ 'plugin:dialog|open': () => null });
    await user.click(screen.getByRole('button', { name: 'Open an existing vault file' }));
    await waitFor(() => expect(ipc).toHaveBeenCalledWith('plugin:dialog|open', expect.anything()));
    expect(ipc.mock.calls.map(([command]) => command)).not.toContain('vault_choose');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says why a chosen file cannot be used', async () => {
    const { user } = setup({
      'plugin:dialog|open': () => '/home/jane/Downloads/holiday.jpg',
      vault_choose: () => {
        throw commandError('unusable_vault', 'This file is not a Custodian vault.');
      },
    });
    await user.click(screen.getByRole('button', { name: 'Open an existing vault file' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This file is not a Custodian vault.');
    expect(document.getElementById('error-summary')).toHaveFocus();
  });

  it('offers an invented demo practice, with its logins and their published password', () => {
    setup({});
    const logins = document.getElementById('demo-logins') as HTMLElement;
    for (const login of ['demo.manager', 'demo.iglead', 'demo.caldicott', 'demo.siro', 'demo.dpo', 'demo.staff']) {
      expect(logins).toHaveTextContent(login);
    }
    expect(document.getElementById('demo-password')).toHaveTextContent('heron lantern quarry 42');
    expect(screen.getByText(/invented/)).toBeInTheDocument();
  });

  it('says it is making the demo practice while Rust does', async () => {
    let finish: () => void = () => {};
    const { ipc, user } = setup({
      vault_open_demo: () =>
        new Promise((resolve) => {
          finish = () => resolve({ path: '/home/jane/.local/share/custodian/vaults/riverside-surgery-demo.custodian', practiceName: 'Riverside Surgery (demo)' });
        }),
    });
    await user.click(screen.getByRole('button', { name: 'Explore a demo practice' }));

    await waitFor(() => expect(document.getElementById('demo-progress')).toHaveTextContent('Making the demo practice…'));
    expect(document.getElementById('explore-demo')).toBeDisabled();
    expect(document.getElementById('open-vault-start')).toBeDisabled();

    finish();
    await waitFor(() => expect(document.getElementById('demo-progress')).toBeEmptyDOMElement());
    expect(ipc).toHaveBeenCalledWith('vault_open_demo', {});
    expect(document.getElementById('explore-demo')).toHaveTextContent('Explore a demo practice');
  });

  it('says why the demo practice cannot be opened', async () => {
    const { user } = setup({
      vault_open_demo: () => {
        throw commandError('internal', 'Could not write the demo vault: disk full');
      },
    });
    await user.click(screen.getByRole('button', { name: 'Explore a demo practice' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('The demo practice cannot be opened');
    expect(summary).toHaveTextContent('disk full');
    expect(document.getElementById('error-summary')).toHaveFocus();
    expect(document.getElementById('explore-demo')).toBeEnabled();
  });
});
