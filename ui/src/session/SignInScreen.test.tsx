import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { BackupOffer, KnownVault } from '../ipc';
import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { appStatus, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { SignInScreen } from './SignInScreen';

const vault: KnownVault = { path: '/srv/shared/Riverside Surgery.custodian', practiceName: 'Riverside Surgery' };

function setup(handlers: CommandHandlers, shown: KnownVault = vault) {
  const ipc = commandHandler({ app_status: () => appStatus({ vault: shown }), ...handlers });
  mockIPC(ipc);
  const onRecover = vi.fn();
  const onQuickAcknowledge = vi.fn();
  return {
    ipc,
    onRecover,
    onQuickAcknowledge,
    ...renderWithQuery(<SignInScreen vault={shown} onRecover={onRecover} onQuickAcknowledge={onQuickAcknowledge} />),
  };
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

  it('offers a quick sign-in only to acknowledge policies', async () => {
    const { onQuickAcknowledge, user } = setup({});
    await user.click(screen.getByRole('button', { name: 'Acknowledge policies (quick sign-in)' }));
    expect(onQuickAcknowledge).toHaveBeenCalledOnce();
    expect(document.getElementById('quick-finished')).toBeNull();
  });

  it('offers the recovery key and another vault file', async () => {
    const { ipc, onRecover, user } = setup({ vault_forget: () => null });
    await user.click(screen.getByRole('button', { name: 'Forgotten your password? Use the recovery key' }));
    expect(onRecover).toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Use a different vault file' }));
    await waitFor(() => expect(ipc).toHaveBeenCalledWith('vault_forget', {}));
  });

  describe('when the vault file is damaged', () => {
    const offer: BackupOffer = {
      backup: { path: '/srv/shared/backups/Riverside Surgery.2026-05-03.custodian', date: '2026-05-03' },
      practiceName: 'Riverside Surgery',
      lastChangeAt: '2026-05-03T15:42:00Z',
      lastChangeBy: 'jsmith',
      lastChangeSummary: 'added Jordan Ellis (jellis) as Staff',
    };
    const damaged = () => {
      throw commandError('unusable_vault', 'The vault file is damaged or has been altered since it was saved');
    };

    async function signInTo(user: ReturnType<typeof setup>['user']) {
      await user.type(screen.getByLabelText('Login name'), 'jsmith');
      await user.type(screen.getByLabelText('Password'), 'pebble violin harbour 7');
      await user.click(screen.getByRole('button', { name: 'Sign in' }));
      expect(await screen.findByText('The vault file is damaged or has been altered since it was saved')).toBeInTheDocument();
    }

    it('looks for a backup with the details just typed, says what it holds, and restores it', async () => {
      const { ipc, user } = setup({ session_sign_in: damaged, backup_find: () => offer, backup_restore: () => session });
      await signInTo(user);
      expect(screen.getByLabelText('Password')).toHaveValue('');

      await user.click(screen.getByRole('button', { name: 'Look for a backup' }));
      const shown = await screen.findByText('The backup of 3 May 2026 opens');
      expect(ipc).toHaveBeenCalledWith('backup_find', { request: { login: 'jsmith', password: 'pebble violin harbour 7' } });
      const panel = document.getElementById('backup-offer') as HTMLElement;
      expect(panel).toContainElement(shown);
      expect(panel).toHaveTextContent('3 May 2026, 16:42 by jsmith');
      expect(panel).toHaveTextContent('added Jordan Ellis (jellis) as Staff');
      expect(panel).toHaveTextContent('The damaged vault file is not deleted');

      await user.click(screen.getByRole('button', { name: 'Restore this backup' }));
      await waitFor(() =>
        expect(ipc).toHaveBeenCalledWith('backup_restore', {
          request: { path: offer.backup.path, login: 'jsmith', password: 'pebble violin harbour 7' },
        }),
      );
      const order = ipc.mock.calls.map(([command]) => command).filter((command) => command.startsWith('backup_'));
      expect(order).toEqual(['backup_find', 'backup_restore']);
    });

    it('says plainly when no backup opens, and forgets the details', async () => {
      const { ipc, user } = setup({ session_sign_in: damaged, backup_find: () => null });
      await signInTo(user);
      await user.click(screen.getByRole('button', { name: 'Look for a backup' }));
      expect(await screen.findByText('No backup opens with that login and password.')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Restore this backup' })).toBeNull();
      expect(ipc.mock.calls.map(([command]) => command)).not.toContain('backup_restore');
    });

    it('shows why a restore failed', async () => {
      const { user } = setup({
        session_sign_in: damaged,
        backup_find: () => offer,
        backup_restore: () => {
          throw commandError('in_use', 'Another copy of Custodian is saving to this vault; try again in a moment');
        },
      });
      await signInTo(user);
      await user.click(screen.getByRole('button', { name: 'Look for a backup' }));
      await user.click(await screen.findByRole('button', { name: 'Restore this backup' }));
      expect(await screen.findByText(/Another copy of Custodian is saving/)).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Restore this backup' })).toBeDisabled();
    });

    it('offers no backup for a wrong password', async () => {
      const { user } = setup({
        session_sign_in: () => {
          throw commandError('wrong_password', 'Wrong login name or password');
        },
      });
      await user.type(screen.getByLabelText('Login name'), 'jsmith');
      await user.type(screen.getByLabelText('Password'), 'guess{Enter}');
      await screen.findByText('Wrong login name or password');
      expect(screen.queryByRole('button', { name: 'Look for a backup' })).toBeNull();
    });
  });
});
