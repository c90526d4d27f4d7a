import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { appStatus, person } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { RecoverScreen } from './RecoverScreen';

function setup(handlers: CommandHandlers) {
  const ipc = commandHandler({ app_status: () => appStatus({ pendingPasswordReset: person }), ...handlers });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<RecoverScreen onBack={vi.fn()} />) };
}

async function fillIn(user: ReturnType<typeof setup>['user']) {
  await user.type(screen.getByLabelText('Login name'), 'jsmith');
  await user.type(screen.getByLabelText('Recovery key'), 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-WXYZ');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
}

describe('RecoverScreen', () => {
  it('sends the login and the key as typed', async () => {
    const { ipc, user } = setup({ session_recover: () => person });
    await fillIn(user);
    await waitFor(() =>
      expect(ipc).toHaveBeenCalledWith('session_recover', {
        request: { login: 'jsmith', recoveryKey: 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-WXYZ' },
      }),
    );
  });

  it('shows a wrong key beside the key field', async () => {
    const { user } = setup({
      session_recover: () => {
        throw commandError('wrong_recovery_key', 'This recovery key does not open the vault. Check each group again.');
      },
    });
    await fillIn(user);
    expect(await screen.findByRole('link', { name: /does not open the vault/ })).toHaveAttribute('href', '#recovery-key');
    expect(document.getElementById('recovery-key-error')).toHaveTextContent('does not open the vault');
  });
});
