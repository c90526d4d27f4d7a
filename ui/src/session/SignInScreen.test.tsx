import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { KnownVault } from '../ipc';
import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { appStatus, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { SignInScreen } from './SignInScreen';

const vault: KnownVault = { path: '/srv/shared/Riverside Surgery.custodian', practiceName: 'Riverside Surgery' };

function setup(handlers: CommandHandlers, shown: KnownVault = vault) {
  const ipc = commandHandler({ app_status: () => appStatus({ vault: shown }), ...handlers });
  mockIPC(ipc);
  const onRecover = vi.fn();
  return { ipc, onRecover, ...renderWithQuery(<SignInScreen vault={shown} onRecover={onRecover} />) };
}

describe('SignInScreen', () => {
  it('says plainly that the login name or password is wrong, and clears the password', async () => {
    const { ipc, user } = setup({
      session_sign_in: () => {
        throw commandError('wrong_password', 'Wrong login name or password');
      },
    });
    await user.type(screen.getByLabelText('Login name'), 'jsmith');
    await user.type(screen.getByLabelText('Password'), 'not my password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(document.getElementById('error-summary')).toHaveTextContent('Wrong login name or password'));
    expect(document.getElementById('error-summary')).toHaveFocus();
    expect(ipc).toHaveBeenCalledWith('session_sign_in', { request: { login: 'jsmith', password: 'not my password' } });
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Login name')).toHaveValue('jsmith');
  });

  it('sends the login and password, trimming nothing from the password', async () => {
    const { ipc, user } = setup({ session_sign_in: () => session });
    await user.type(screen.getByLabelText('Login name'), 'jsmith');
    await user.type(screen.getByLabelText('Password'), ' kettle orbit lantern {Enter}');

    await waitFor(() =>
      expect(ipc).toHaveBeenCalledWith('session_sign_in', { request: { login: 'jsmith', password: ' kettle orbit lantern ' } }),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the practice, or the file while the practice is not known', () => {
    setup({}, vault);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Riverside Surgery');

    setup({}, { path: 'C:\\Users\\jane\\Practice vault.custodian', practiceName: null });
    expect(screen.getAllByRole('heading', { level: 1 })[1]).toHaveTextContent('Practice vault.custodian');
  });

  it('offers the recovery key and another vault file', async () => {
    const { ipc, onRecover, user } = setup({ vault_forget: () => null });
    await user.click(screen.getByRole('button', { name: 'Forgotten your password? Use the recovery key' }));
    expect(onRecover).toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Use a different vault file' }));
    await waitFor(() => expect(ipc).toHaveBeenCalledWith('vault_forget', {}));
  });
});
