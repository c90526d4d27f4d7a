import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { appStatus, person, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { LockScreen } from './LockScreen';

function setup(handlers: CommandHandlers, idleMinutes: number | null = 5) {
  const ipc = commandHandler({ app_status: () => appStatus({ locked: person }), ...handlers });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<LockScreen person={person} idleMinutes={idleMinutes} />) };
}

describe('LockScreen', () => {
  it('says why and for whom the screen is locked', () => {
    setup({});
    const lockScreen = document.getElementById('lock-screen');
    expect(lockScreen).toHaveTextContent('Screen locked after 5 minutes of inactivity.');
    expect(lockScreen).toHaveTextContent('Signed in as Jane Smith (jsmith)');
  });

  it('unlocks with the password', async () => {
    const { ipc, user } = setup({ session_unlock: () => session });
    await user.type(screen.getByLabelText('Password'), 'kettle orbit lantern{Enter}');
    await waitFor(() =>
      expect(ipc).toHaveBeenCalledWith('session_unlock', { request: { password: 'kettle orbit lantern' } }),
    );
  });

  it('refuses a wrong password plainly', async () => {
    const { user } = setup({
      session_unlock: () => {
        throw commandError('wrong_password', 'Wrong password');
      },
    });
    await user.type(screen.getByLabelText('Password'), 'guess');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong password');
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });

  it('lets someone else sign the person out', async () => {
    const { ipc, user } = setup({ session_sign_out: () => null });
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(ipc).toHaveBeenCalledWith('session_sign_out', {}));
  });
});
