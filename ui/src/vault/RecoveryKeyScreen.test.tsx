import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { CreatedVault } from '../ipc';
import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { appStatus, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { RecoveryKeyScreen } from './RecoveryKeyScreen';

const created: CreatedVault = {
  recoveryKey: 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-WXYZ',
  vaultPath: '/home/jane/Documents/Custodian/Riverside Surgery.custodian',
};

function setup(handlers: CommandHandlers, shown: CreatedVault | null = created) {
  const ipc = commandHandler({ app_status: () => appStatus({ session }), ...handlers });
  mockIPC(ipc);
  const onConfirmed = vi.fn();
  return { ipc, onConfirmed, ...renderWithQuery(<RecoveryKeyScreen created={shown} onConfirmed={onConfirmed} />) };
}

describe('RecoveryKeyScreen', () => {
  it('shows the key once, large, and says to keep it', () => {
    setup({});
    expect(document.getElementById('recovery-key-display')).toHaveTextContent(/^ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-WXYZ$/);
    expect(screen.getByText('This key is shown only once')).toBeInTheDocument();
    expect(screen.getByText(/Print it or write it down/)).toBeInTheDocument();
  });

  it('prints with the system print dialog', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const { user } = setup({});
    await user.click(screen.getByRole('button', { name: 'Print the recovery key' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('sends the typed last group and carries on when it matches', async () => {
    const { ipc, onConfirmed, user } = setup({ vault_confirm_recovery_key: () => session });
    await user.type(screen.getByLabelText('Type the last 4 characters of the recovery key'), 'wxyz');
    await user.click(screen.getByRole('button', { name: 'I have kept it' }));

    await waitFor(() => expect(onConfirmed).toHaveBeenCalled());
    expect(ipc).toHaveBeenCalledWith('vault_confirm_recovery_key', { request: { lastGroup: 'wxyz' } });
  });

  it('shows a mismatch in the summary and beside the field', async () => {
    const { onConfirmed, user } = setup({
      vault_confirm_recovery_key: () => {
        throw commandError('recovery_key_mismatch', 'That is not the last group of the key. Check your copy.');
      },
    });
    await user.type(screen.getByLabelText('Type the last 4 characters of the recovery key'), 'ABCD');
    await user.click(screen.getByRole('button', { name: 'I have kept it' }));

    expect(await screen.findByRole('link', { name: 'That is not the last group of the key. Check your copy.' })).toHaveAttribute(
      'href',
      '#last-group',
    );
    expect(document.getElementById('last-group-error')).toHaveTextContent('That is not the last group of the key.');
    expect(onConfirmed).not.toHaveBeenCalled();
  });

  it('explains when the key can no longer be shown, and still accepts a kept copy', async () => {
    const { ipc, user } = setup({ vault_confirm_recovery_key: () => session }, null);
    expect(document.getElementById('recovery-key-display')).toBeNull();
    expect(screen.getByText('The recovery key cannot be shown again')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Type the last 4 characters of the recovery key'), 'WXYZ');
    await user.click(screen.getByRole('button', { name: 'I have kept it' }));
    await waitFor(() =>
      expect(ipc).toHaveBeenCalledWith('vault_confirm_recovery_key', { request: { lastGroup: 'WXYZ' } }),
    );
  });
});
