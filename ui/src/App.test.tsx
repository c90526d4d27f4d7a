import { mockIPC } from '@tauri-apps/api/mocks';
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { App } from './App';
import { evidenceEntry, evidenceMap } from './dspt/testing';
import { dashboardItem } from './home/testing';
import type { AppStatus, BackupSettingsView, CreatedVault, SessionInfo } from './ipc';
import { policiesForMe } from './testing/acknowledgementFixtures';
import { commandError, commandHandler, type CommandHandlers } from './testing/commands';
import { appStatus, certificate, peopleView, person, session, staffSession } from './testing/fixtures';
import { renderWithQuery } from './testing/render';

const vault = { path: '/srv/shared/Riverside Surgery.custodian', practiceName: 'Riverside Surgery' };

function setup(status: () => AppStatus | Promise<AppStatus>, handlers: CommandHandlers = {}) {
  const ipc = commandHandler({
    app_status: status,
    ack_mine: () => policiesForMe([]),
    notification_list: () => [],
    dashboard_view: () => ({ items: [], clocks: [] }),
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<App />) };
}

const heading = (name: string | RegExp) => screen.findByRole('heading', { level: 1, name });

describe('App', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each<[string, AppStatus, RegExp]>([
    ['no vault: the first-run choices', appStatus(), /^Welcome to Custodian$/],
    ['a known vault: sign in', appStatus({ vault }), /Sign in$/],
    ['a session: the practice home', appStatus({ vault, session }), /^Riverside Surgery$/],
    ['a locked session: the lock screen', appStatus({ vault, locked: person }), /^Screen locked$/],
    [
      'an unconfirmed recovery key: confirm it',
      appStatus({ vault, pendingRecoveryConfirmation: true }),
      /^Confirm your recovery key$/,
    ],
    [
      'a recovery sign-in: choose a new password',
      appStatus({ vault, pendingPasswordReset: person }),
      /^Choose a new password$/,
    ],
    [
      'a first sign-in with a one-time password: choose your own',
      appStatus({ vault, session: { ...staffSession, mustChangePassword: true } }),
      /^Choose your own password$/,
    ],
  ])('routes %s', async (_, status, title) => {
    setup(() => status);
    expect(await heading(title)).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('shows the lock screen as a whole', async () => {
    setup(() => appStatus({ vault, locked: person }));
    await heading('Screen locked');
    expect(document.getElementById('lock-screen')).toHaveTextContent('Jane Smith');
  });

  it('says it is opening while Rust answers', async () => {
    setup(() => new Promise<AppStatus>(() => {}));
    expect(await heading('Opening…')).toBeInTheDocument();
  });

  it('says why it cannot start, and tries again', async () => {
    let attempts = 0;
    const { user } = setup(() => {
      attempts += 1;
      if (attempts === 1) throw commandError('internal', 'The settings folder cannot be read');
      return appStatus();
    });
    expect(await heading('Custodian cannot start')).toBeInTheDocument();
    expect(screen.getByText('The settings folder cannot be read')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await heading('Welcome to Custodian')).toBeInTheDocument();
  });

  it('creates a vault, shows its recovery key, and opens the practice once the key is confirmed', async () => {
    const created: CreatedVault = {
      recoveryKey: 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-WXYZ',
      vaultPath: '/home/jane/Documents/Custodian/Riverside Surgery.custodian',
    };
    let status = appStatus();
    const { user } = setup(() => status, {
      password_check: () => ({ acceptable: true, score: 4, warning: null, suggestions: [] }),
      vault_create: () => {
        status = appStatus({ vault, pendingRecoveryConfirmation: true });
        return created;
      },
      vault_confirm_recovery_key: () => {
        status = appStatus({ vault, session });
        return session;
      },
    });

    await user.click(await screen.findByRole('button', { name: 'Create a practice vault' }));
    await user.type(screen.getByLabelText('Practice name'), 'Riverside Surgery');
    await user.type(screen.getByLabelText('ODS code'), 'B86001');
    await user.type(screen.getByLabelText('Your full name'), 'Jane Smith');
    await user.type(screen.getByLabelText('Login name'), 'jsmith');
    await user.type(screen.getByLabelText('Password'), 'kettle orbit lantern');
    await user.type(screen.getByLabelText('Type the password again'), 'kettle orbit lantern');
    await user.click(screen.getByRole('button', { name: 'Create vault' }));

    expect(await screen.findByText(created.recoveryKey)).toHaveAttribute('id', 'recovery-key-display');
    await user.type(screen.getByLabelText('Type the last 4 characters of the recovery key'), 'WXYZ');
    await user.click(screen.getByRole('button', { name: 'I have kept it' }));

    await waitFor(() => expect(document.getElementById('home-practice-name')).toHaveTextContent('Riverside Surgery'));
  });

  it('goes from sign-in to the recovery key and back', async () => {
    const { user } = setup(() => appStatus({ vault }));
    await user.click(await screen.findByRole('button', { name: 'Forgotten your password? Use the recovery key' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Use your recovery key');
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/Sign in$/);
  });

  it('locks the screen after the practice idle time', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let status = appStatus({ vault, session: { ...session, idleLockMinutes: 1 } });
    const { ipc } = setup(() => status, {
      session_lock: () => {
        status = appStatus({ vault, locked: person });
        return person;
      },
    });
    await screen.findByText('Nothing is waiting for you.');
    expect(ipc).not.toHaveBeenCalledWith('session_lock', {});

    act(() => vi.advanceTimersByTime(60_000));

    expect(await screen.findByText('Screen locked after 1 minute of inactivity.')).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('session_lock', {});
  });

  it('shows nothing but the choose-password screen at a first sign-in, then the app', async () => {
    let status = appStatus({ vault, session: { ...staffSession, mustChangePassword: true } });
    const { ipc, user } = setup(() => status, {
      password_check: () => ({ acceptable: true, score: 4, warning: null, suggestions: [] }),
      account_choose_password: () => {
        status = appStatus({ vault, session: staffSession });
        return staffSession;
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Choose your own password' })).toBeInTheDocument();
    expect(document.getElementById('choose-password-screen')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Menu' })).toBeNull();
    expect(document.getElementById('home-practice-name')).toBeNull();

    await user.type(screen.getByLabelText('Your new password'), 'otter violet marble 3');
    await user.type(screen.getByLabelText('Type the password again'), 'otter violet marble 3');
    await user.click(screen.getByRole('button', { name: 'Save password' }));

    expect(await heading('Riverside Surgery')).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('account_choose_password', { request: { password: 'otter violet marble 3' } });
    expect(screen.getByRole('navigation', { name: 'Menu' })).toBeInTheDocument();
  });

  it('moves between sections from the menu, showing only those the roles open', async () => {
    const { user } = setup(() => appStatus({ vault, session: staffSession }), {
      people_list: () => peopleView({ people: [], canManage: false }),
    });
    await heading('Riverside Surgery');
    expect(document.getElementById('nav-audit')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Staff' }));
    expect(await heading('Staff')).toBeInTheDocument();
    expect(document.getElementById('staff-screen')).toBeInTheDocument();
    expect(document.getElementById('maincontent')).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'My account' }));
    expect(await heading('My account')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await heading('Settings')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Home' }));
    expect(await heading('Riverside Surgery')).toBeInTheDocument();
  });

  it('goes from a dashboard item, and from the DSPT evidence, to the section where the records are kept', async () => {
    const { user } = setup(() => appStatus({ vault, session }), {
      dashboard_view: () => ({
        items: [dashboardItem({ key: 'leavers', audience: 'practice', section: 'staff', title: 'Check the leavers' })],
        clocks: [],
      }),
      dspt_evidence_map: () => evidenceMap({ entries: [evidenceEntry({ id: '1.1.5', section: 'staff' })] }),
      people_list: () => peopleView(),
    });
    await heading('Riverside Surgery');
    await user.click(await screen.findByRole('button', { name: 'Go to Staff: Check the leavers' }));
    expect(await heading('Staff')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'DSPT evidence' }));
    expect(await heading('DSPT evidence')).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Go to Staff: item 1.1.5' }));
    expect(await heading('Staff')).toBeInTheDocument();
  });

  it('goes back to sign-in, saying why, when a person\'s access ends while they are signed in', async () => {
    let status = appStatus({ vault, session });
    const { client, user } = setup(() => status, {
      people_list: () => {
        // Rust signs the person out before it answers.
        status = appStatus({ vault });
        throw commandError('access_ended', "Jsmith's access to this vault ended when they left on 2026-05-01");
      },
      session_sign_in: () => {
        throw commandError('access_ended', "Jsmith's access to this vault ended when they left on 2026-05-01");
      },
    });
    await heading('Riverside Surgery');
    await user.click(screen.getByRole('button', { name: 'Staff' }));

    expect(await heading(/Sign in$/)).toBeInTheDocument();
    const notice = document.getElementById('signed-out-notice');
    expect(notice).toHaveTextContent('You have been signed out');
    expect(notice).toHaveTextContent("Jsmith's access to this vault ended when they left on 2026-05-01");
    // Nothing read in the session is kept once it has ended.
    await waitFor(() => expect(client.getQueryCache().findAll({ queryKey: ['session'] })).toHaveLength(0));

    // Trying again shows Rust's answer once, not the notice as well.
    await user.type(screen.getByLabelText('Login name'), 'jsmith');
    await user.type(screen.getByLabelText('Password'), 'pebble violin harbour 7{Enter}');
    await waitFor(() => expect(document.getElementById('error-summary')).toHaveTextContent('ended when they left'));
    expect(document.getElementById('signed-out-notice')).toBeNull();
  });

  it('carries on in the same section after unlocking, and starts at home after signing out', async () => {
    let status = appStatus({ vault, session });
    const { client, user } = setup(() => status, {
      settings_backups: () => ({ folder: null, defaultFolder: '/srv/shared/backups', kept: 14, backups: [] }),
      certificate_info: () => certificate,
      session_unlock: () => {
        status = appStatus({ vault, session });
        return session;
      },
      session_sign_out: () => {
        status = appStatus({ vault });
        return null;
      },
      session_sign_in: () => {
        status = appStatus({ vault, session });
        return session;
      },
    });
    await heading('Riverside Surgery');
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await heading('Settings');

    // Locked (from another window, or by the idle timer).
    status = appStatus({ vault, locked: person });
    await act(() => client.invalidateQueries({ queryKey: ['app_status'] }));
    await heading('Screen locked');
    await user.type(screen.getByLabelText('Password'), 'pebble violin harbour 7{Enter}');
    expect(await heading('Settings')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await heading(/Sign in$/);
    await user.type(screen.getByLabelText('Login name'), 'jsmith');
    await user.type(screen.getByLabelText('Password'), 'pebble violin harbour 7{Enter}');
    expect(await heading('Riverside Surgery')).toBeInTheDocument();
  });

  it('opens the invented demo practice from the first run, then asks to sign in to it', async () => {
    const demo = { path: '/home/jane/.local/share/custodian/vaults/riverside-surgery-demo.custodian', practiceName: 'Riverside Surgery (demo)' };
    let status = appStatus();
    const { ipc, user } = setup(() => status, {
      vault_open_demo: () => {
        status = appStatus({ vault: demo });
        return demo;
      },
    });
    await heading('Welcome to Custodian');
    await user.click(screen.getByRole('button', { name: 'Explore a demo practice' }));

    expect(await heading(/Sign in$/)).toHaveTextContent('Riverside Surgery (demo)');
    expect(ipc).toHaveBeenCalledWith('vault_open_demo', {});
    expect(screen.getByLabelText('Login name')).toBeInTheDocument();
  });

  describe('restoring a backup from Settings', () => {
    const backups: BackupSettingsView = {
      folder: null,
      defaultFolder: '/srv/shared/backups',
      kept: 14,
      backups: [{ path: '/srv/shared/backups/Riverside Surgery.2026-05-03.custodian', date: '2026-05-03' }],
    };

    async function restoreWith(user: ReturnType<typeof setup>['user'], password: string) {
      await heading('Riverside Surgery');
      await user.click(screen.getByRole('button', { name: 'Settings' }));
      await user.click(await screen.findByRole('button', { name: 'Restore the backup of 3 May 2026' }));
      await user.type(document.getElementById('restore-password') as HTMLElement, password);
      await user.click(screen.getByRole('button', { name: 'Replace the vault with this backup' }));
    }

    it('carries on signed in to the restored vault, and says so', async () => {
      const restored: SessionInfo = { ...session, idleLockMinutes: 15 };
      let status = appStatus({ vault, session });
      const { ipc, user } = setup(() => status, {
        settings_backups: () => backups,
        certificate_info: () => certificate,
        backup_restore: () => {
          // Rust signs the person out and in again, to the restored vault.
          status = appStatus({ vault, session: restored });
          return restored;
        },
      });
      await restoreWith(user, 'pebble violin harbour 7');

      expect(await screen.findByText('The vault was restored from the backup of 3 May 2026')).toBeInTheDocument();
      expect(ipc).toHaveBeenCalledWith('backup_restore', {
        request: { path: backups.backups[0]?.path, login: 'jsmith', password: 'pebble violin harbour 7' },
      });
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Settings');
      // The session shown is the restored vault's.
      await waitFor(() =>
        expect(document.getElementById('idle-minutes-current')).toHaveTextContent('The screen locks after 15 minutes'),
      );
    });

    it('goes back to sign-in, saying why, when a restore that failed left the person signed out', async () => {
      let status = appStatus({ vault, session });
      const { user } = setup(() => status, {
        settings_backups: () => backups,
        certificate_info: () => certificate,
        backup_restore: () => {
          // Rust signs the person out before it opens the backup.
          status = appStatus({ vault });
          throw commandError('wrong_password', 'Wrong login name or password');
        },
      });
      await restoreWith(user, 'an old password');

      expect(await heading(/Sign in$/)).toBeInTheDocument();
      await waitFor(() =>
        expect(document.getElementById('signed-out-notice')).toHaveTextContent(
          'The backup of 3 May 2026 was not restored (Wrong login name or password)',
        ),
      );
    });
  });
});
