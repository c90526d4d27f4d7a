import { mockIPC } from '@tauri-apps/api/mocks';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { BackupSettingsView, SessionInfo } from '../ipc';
import { matrixView } from '../testing/acknowledgementFixtures';
import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { appStatus, certificate, session, staffSession } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { SettingsScreen } from './SettingsScreen';

const backups: BackupSettingsView = {
  folder: null,
  defaultFolder: '/home/jane/Documents/Custodian/backups',
  kept: 14,
  backups: [
    { path: '/home/jane/Documents/Custodian/backups/Riverside Surgery.2026-05-04.custodian', date: '2026-05-04' },
    { path: '/home/jane/Documents/Custodian/backups/Riverside Surgery.2026-05-03.custodian', date: '2026-05-03' },
  ],
};

function setup(handlers: CommandHandlers = {}, shown: SessionInfo = session) {
  const ipc = commandHandler({
    app_status: () => appStatus({ session: shown }),
    settings_backups: () => backups,
    certificate_info: () => certificate,
    ack_matrix: () => matrixView(),
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<SettingsScreen session={shown} />) };
}

const idleField = () => screen.getByLabelText(/Lock the screen after/);

describe('SettingsScreen: screen lock', () => {
  it('saves the idle time and shows the saved value', async () => {
    const { ipc, user } = setup({ settings_set_idle_lock: ({ minutes }) => ({ ...session, idleLockMinutes: minutes }) });
    expect(idleField()).toHaveValue(5);
    expect(document.getElementById('idle-minutes-current')).toHaveTextContent('The screen locks after 5 minutes of inactivity');

    await user.clear(idleField());
    await user.type(idleField(), '10');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(document.getElementById('idle-minutes-current')).toHaveTextContent(/^Saved\./));
    expect(ipc).toHaveBeenCalledWith('settings_set_idle_lock', { request: { minutes: 10 } });
    expect(idleField()).toHaveValue(10);
  });

  it('says "1 minute", not "1 minutes"', () => {
    setup({}, { ...session, idleLockMinutes: 1 });
    expect(document.getElementById('idle-minutes-current')).toHaveTextContent('The screen locks after 1 minute of inactivity.');
  });

  it('shows why Rust refused the idle time', async () => {
    const { user } = setup({
      settings_set_idle_lock: () => {
        throw commandError('invalid_input', 'Check the setting', [{ field: 'minutes', message: 'Choose between 1 and 60 minutes' }]);
      },
    });
    await user.clear(idleField());
    await user.type(idleField(), '90');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('link', { name: 'Choose between 1 and 60 minutes' })).toHaveAttribute('href', '#idle-minutes');
    expect(document.getElementById('idle-minutes-error')).toHaveTextContent('Choose between 1 and 60 minutes');
  });

  it('only tells staff the idle time, and shows them no practice settings', () => {
    const { ipc } = setup({}, staffSession);
    expect(document.getElementById('idle-minutes')).toBeNull();
    expect(document.getElementById('idle-minutes-current')).toHaveTextContent('The screen locks after 5 minutes of inactivity');
    expect(document.getElementById('backup-folder')).toBeNull();
    expect(document.getElementById('regenerate-recovery-key')).toBeNull();
    expect(ipc.mock.calls.map(([command]) => command)).not.toContain('settings_backups');
    expect(document.getElementById('compliance-bar')).toBeNull();
    expect(ipc.mock.calls.map(([command]) => command)).not.toContain('ack_matrix');
  });
});

describe('SettingsScreen: backups', () => {
  it('shows where backups go, how many are kept and those there now', async () => {
    setup();
    expect(await screen.findByLabelText('Backup folder')).toHaveValue('');
    expect(screen.getByText(/Leave it empty to use the default folder/)).toHaveTextContent(backups.defaultFolder);
    expect(screen.getByLabelText('How many daily backups to keep')).toHaveValue(14);
    const list = document.getElementById('backup-list') as HTMLElement;
    expect(within(list).getAllByRole('row')).toHaveLength(3);
    expect(list).toHaveTextContent('4 May 2026');
    expect(list).toHaveTextContent('Riverside Surgery.2026-05-03.custodian');
  });

  it('saves a folder and how many to keep, and an empty folder as the default', async () => {
    const saved: BackupSettingsView = { ...backups, folder: '/mnt/nas/custodian', kept: 30, backups: [] };
    const { ipc, user } = setup({ settings_set_backups: () => saved });
    await user.type(await screen.findByLabelText('Backup folder'), '  /mnt/nas/custodian ');
    await user.clear(screen.getByLabelText('How many daily backups to keep'));
    await user.type(screen.getByLabelText('How many daily backups to keep'), '30');
    await user.click(screen.getByRole('button', { name: 'Save backup settings' }));

    await waitFor(() => expect(document.getElementById('backups-current')).toHaveTextContent(/^Saved\./));
    expect(ipc).toHaveBeenCalledWith('settings_set_backups', { request: { folder: '/mnt/nas/custodian', kept: 30 } });
    expect(document.getElementById('backups-current')).toHaveTextContent('keeps 30 daily backups in /mnt/nas/custodian');
    expect(screen.getByText(/There are no backups in this folder yet/)).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Backup folder'));
    await user.click(screen.getByRole('button', { name: 'Save backup settings' }));
    await waitFor(() =>
      expect(ipc).toHaveBeenLastCalledWith('settings_set_backups', { request: { folder: null, kept: 30 } }),
    );
  });

  it('stops a number that is not a whole number, and shows what Rust refuses', async () => {
    const { ipc, user } = setup({
      settings_set_backups: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'folder', message: 'The backup folder must be a full path' },
          { field: 'kept', message: 'Keep between 1 and 365 backups' },
        ]);
      },
    });
    await user.clear(await screen.findByLabelText('How many daily backups to keep'));
    await user.click(screen.getByRole('button', { name: 'Save backup settings' }));
    expect(await screen.findByRole('link', { name: /as a whole number, from 1 to 365/ })).toHaveAttribute('href', '#backups-kept');
    expect(ipc.mock.calls.map(([command]) => command)).not.toContain('settings_set_backups');

    await user.type(screen.getByLabelText('Backup folder'), 'backups');
    await user.type(screen.getByLabelText('How many daily backups to keep'), '999');
    await user.click(screen.getByRole('button', { name: 'Save backup settings' }));
    expect(await screen.findByRole('link', { name: 'The backup folder must be a full path' })).toHaveAttribute('href', '#backup-folder');
    expect(document.getElementById('backups-kept-error')).toHaveTextContent('Keep between 1 and 365 backups');
  });

  it('says why the backup settings cannot be shown', async () => {
    setup({
      settings_backups: () => {
        throw commandError('internal', 'The backups folder cannot be read');
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The backups folder cannot be read');
  });
});

describe('SettingsScreen: recovery key', () => {
  it('replaces the key after the password, and shows the new one once, to print', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const { ipc, user } = setup({
      account_regenerate_recovery_key: () => ({ recoveryKey: 'WXYZ-2345-ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-ABCD' }),
    });
    await user.type(screen.getByLabelText('Your password'), 'pebble violin harbour 7');
    await user.click(screen.getByRole('button', { name: 'Replace the recovery key' }));

    expect(await screen.findByText('WXYZ-2345-ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-ABCD')).toHaveAttribute('id', 'new-recovery-key');
    expect(ipc).toHaveBeenCalledWith('account_regenerate_recovery_key', { request: { currentPassword: 'pebble violin harbour 7' } });
    expect(screen.getByText('This key is shown only once')).toBeInTheDocument();
    expect(screen.getByText(/Print it or write it down/)).toBeInTheDocument();
    expect(screen.getByText(/The old key no longer opens the vault/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Print the recovery key' }));
    expect(print).toHaveBeenCalledOnce();

    await user.click(screen.getByRole('button', { name: 'I have kept the new key' }));
    expect(document.getElementById('new-recovery-key')).toBeNull();
  });

  it('shows a wrong password beside the field', async () => {
    const { user } = setup({
      account_regenerate_recovery_key: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'currentPassword', message: 'That is not your current password' },
        ]);
      },
    });
    await user.type(screen.getByLabelText('Your password'), 'guess');
    await user.click(screen.getByRole('button', { name: 'Replace the recovery key' }));
    expect(await screen.findByRole('link', { name: 'That is not your current password' })).toHaveAttribute(
      'href',
      '#current-password-recovery',
    );
    expect(document.getElementById('new-recovery-key')).toBeNull();
  });
});

describe('SettingsScreen: signing certificate', () => {
  it('shows who the certificate names and its fingerprint, to everyone signed in', async () => {
    setup({}, staffSession);
    await waitFor(() => expect(document.getElementById('certificate-fingerprint')).toHaveTextContent(certificate.fingerprint));
    expect(document.getElementById('certificate-subject')).toHaveTextContent('CN=Riverside Surgery, O=Riverside Surgery, OU=ODS B86001');
    expect(document.getElementById('certificate-exported')).toBeNull();
  });

  it('exports the certificate and says where the file is', async () => {
    const exportedTo = '/home/jane/Documents/Custodian/packs/Riverside Surgery-certificate.cer';
    const { ipc, user } = setup({ certificate_export: () => ({ ...certificate, exportedTo }) });
    await user.click(await screen.findByRole('button', { name: 'Export the certificate (.cer)' }));

    await waitFor(() => expect(document.getElementById('certificate-exported')).toHaveTextContent(exportedTo));
    expect(ipc).toHaveBeenCalledWith('certificate_export', {});
  });

  it('says why the certificate cannot be shown or exported', async () => {
    const { user } = setup({
      certificate_export: () => {
        throw commandError('internal', 'Could not save in /home/jane/Documents/Custodian/packs: permission denied');
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Export the certificate (.cer)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('permission denied');
    expect(document.getElementById('certificate-exported')).toBeNull();
    cleanup();

    setup({
      certificate_info: () => {
        throw commandError('refused', "The practice's signing key in the vault is unusable");
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The signing certificate cannot be shown');
  });
});

describe('SettingsScreen: restoring a backup', () => {
  const restored: SessionInfo = { ...session, idleLockMinutes: 10 };

  it('explains what restoring does, then restores with the signed-in login and the password', async () => {
    const { ipc, user } = setup({ backup_restore: () => restored });
    await user.click(await screen.findByRole('button', { name: 'Restore the backup of 3 May 2026' }));

    const panel = document.getElementById('restore-confirm-panel') as HTMLElement;
    expect(screen.getByRole('heading', { name: 'Restore the backup of 3 May 2026?' })).toHaveFocus();
    expect(panel).toHaveTextContent('The vault will be replaced by the backup of 3 May 2026');
    expect(panel).toHaveTextContent('kept, renamed, in the backups folder');
    expect(panel).toHaveTextContent('Everything saved since the backup was made is lost from the live vault');
    expect(panel).toHaveTextContent('everyone else');

    const backupReads = ipc.mock.calls.filter(([command]) => command === 'settings_backups').length;
    await user.type(within(panel).getByLabelText('Your password'), 'pebble violin harbour 7');
    await user.click(within(panel).getByRole('button', { name: 'Replace the vault with this backup' }));

    expect(await screen.findByText('The vault was restored from the backup of 3 May 2026')).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('backup_restore', {
      request: { path: backups.backups[1]?.path, login: 'jsmith', password: 'pebble violin harbour 7' },
    });
    expect(document.getElementById('restore-done')).toHaveFocus();
    expect(document.getElementById('restore-confirm-panel')).toBeNull();
    // The backups are read afresh from the restored vault.
    await waitFor(() =>
      expect(ipc.mock.calls.filter(([command]) => command === 'settings_backups').length).toBeGreaterThan(backupReads),
    );
  });

  it('asks for the password, and shows a password that does not open the backup beside it', async () => {
    const { ipc, user } = setup({
      backup_restore: () => {
        throw commandError('wrong_password', 'Wrong login name or password');
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Restore the backup of 4 May 2026' }));
    await user.click(screen.getByRole('button', { name: 'Replace the vault with this backup' }));
    expect(await screen.findByRole('link', { name: 'Enter your password' })).toHaveAttribute('href', '#restore-password');
    expect(ipc.mock.calls.map(([command]) => command)).not.toContain('backup_restore');

    const password = document.getElementById('restore-password') as HTMLInputElement;
    await user.type(password, 'my new password');
    await user.click(screen.getByRole('button', { name: 'Replace the vault with this backup' }));
    expect(
      await screen.findByRole('link', { name: /This password does not open the backup of 4 May 2026/ }),
    ).toHaveAttribute('href', '#restore-password');
    expect(ipc).toHaveBeenCalledWith('backup_restore', {
      request: { path: backups.backups[0]?.path, login: 'jsmith', password: 'my new password' },
    });
    expect(password).toHaveValue('');
    expect(document.getElementById('restore-done')).toBeNull();
  });

  it('closes the confirmation without restoring', async () => {
    const { ipc, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Restore the backup of 4 May 2026' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.getElementById('restore-confirm-panel')).toBeNull();
    expect(ipc.mock.calls.map(([command]) => command)).not.toContain('backup_restore');
  });

  it('offers no restore to someone who may change settings but not manage the vault', async () => {
    setup({}, { ...session, permissions: { ...session.permissions, manageVault: false } });
    expect(await screen.findByText('4 May 2026')).toBeInTheDocument();
    expect(document.getElementById('restore-2026-05-04')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Restore/ })).toBeNull();
  });
});
