import { mockIPC } from '@tauri-apps/api/mocks';
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { App } from '../App';
import type { AppStatus, SessionInfo } from '../ipc';
import { policiesForMe, policyTextView } from '../testing/acknowledgementFixtures';
import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { appStatus, staffSession } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';

const vault = { path: '/srv/shared/Riverside Surgery.custodian', practiceName: 'Riverside Surgery' };

/** The app at a shared computer's sign-in screen; signing in (by either way) opens `signedIn`. */
function setup(signedIn: SessionInfo = staffSession, handlers: CommandHandlers = {}) {
  let status: AppStatus = appStatus({ vault });
  const ipc = commandHandler({
    app_status: () => status,
    ack_mine: () => policiesForMe(),
    policy_text: () => policyTextView,
    ack_open: () => null,
    ack_reached_end: () => null,
    session_sign_in: () => {
      status = appStatus({ vault, session: signedIn });
      return signedIn;
    },
    session_sign_in_to_acknowledge: () => {
      const quick = { ...signedIn, acknowledgeOnly: true };
      status = appStatus({ vault, session: quick });
      return quick;
    },
    session_sign_out: () => {
      status = appStatus({ vault });
      return null;
    },
    account_choose_password: () => {
      const chosen = { ...(status.session ?? signedIn), mustChangePassword: false };
      status = appStatus({ vault, session: chosen });
      return chosen;
    },
    password_check: () => ({ acceptable: true, score: 4, warning: null, suggestions: [] }),
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<App />) };
}

const heading = (name: string | RegExp) => screen.findByRole('heading', { level: 1, name });
const byId = (id: string) => document.getElementById(id) as HTMLElement;

async function quickSignIn(user: ReturnType<typeof setup>['user'], password = 'otter violet marble 3') {
  await user.click(await screen.findByRole('button', { name: 'Acknowledge policies (quick sign-in)' }));
  await heading(/Acknowledge policies$/);
  await user.type(screen.getByLabelText('Login name'), 'jellis');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(byId('quick-sign-in'));
}

describe('Quick sign-in to acknowledge policies', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('signs in, shows only the person’s policies, and signs out when they finish', async () => {
    const { client, ipc, user } = setup();
    await quickSignIn(user);

    expect(ipc).toHaveBeenCalledWith('session_sign_in_to_acknowledge', {
      request: { login: 'jellis', password: 'otter violet marble 3' },
    });
    await waitFor(() => expect(byId('quick-acknowledge-page')).toBeInTheDocument());
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Riverside Surgery');
    expect(byId('signed-in-as')).toHaveTextContent('Signed in as Jordan Ellis (jellis)');
    expect(await screen.findByText('Data protection policy')).toBeInTheDocument();
    expect(byId('policies-for-you')).toBeInTheDocument();
    // Nothing of the full app: no menu, no home page, no sign-out button in the header.
    expect(screen.queryByRole('navigation', { name: 'Menu' })).toBeNull();
    expect(document.getElementById('home-practice-name')).toBeNull();
    expect(document.getElementById('sign-out')).toBeNull();

    await user.click(byId('read-policy-11'));
    expect(await screen.findByRole('region', { name: 'Policy text' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Finish and sign out' }));
    expect(await heading(/Sign in$/)).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('session_sign_out', {});
    expect(byId('quick-finished')).toHaveTextContent('You have been signed out. Thank you.');
    await waitFor(() => expect(client.getQueryCache().findAll({ queryKey: ['session'] })).toHaveLength(0));
  });

  it('opens the full app at the next ordinary sign-in, and the thanks go', async () => {
    const { user } = setup();
    await quickSignIn(user);
    await user.click(await screen.findByRole('button', { name: 'Finish and sign out' }));
    await heading(/Sign in$/);

    await user.type(screen.getByLabelText('Login name'), 'jellis');
    await user.type(screen.getByLabelText('Password'), 'otter violet marble 3{Enter}');
    expect(await heading('Riverside Surgery')).toHaveAttribute('id', 'home-practice-name');
    expect(screen.getByRole('navigation', { name: 'Menu' })).toBeInTheDocument();

    await user.click(byId('sign-out'));
    await heading(/Sign in$/);
    expect(document.getElementById('quick-finished')).toBeNull();
  });

  it('says why the sign-in failed, and clears the password', async () => {
    const { user } = setup(staffSession, {
      session_sign_in_to_acknowledge: () => {
        throw commandError('wrong_password', 'Wrong login name or password');
      },
    });
    await quickSignIn(user, 'not my password');
    await waitFor(() => expect(byId('error-summary')).toHaveTextContent('Wrong login name or password'));
    expect(byId('quick-password')).toHaveValue('');
    expect(byId('quick-login')).toHaveValue('jellis');

    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    expect(await heading(/Sign in$/)).toBeInTheDocument();
  });

  it('asks someone with a one-time password to choose their own first', async () => {
    const { user } = setup({ ...staffSession, mustChangePassword: true });
    await quickSignIn(user);
    expect(await heading('Choose your own password')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Your new password'), 'otter violet marble 3');
    await user.type(screen.getByLabelText('Type the password again'), 'otter violet marble 3');
    await user.click(screen.getByRole('button', { name: 'Save password' }));

    await waitFor(() => expect(byId('quick-acknowledge-page')).toBeInTheDocument());
    expect(screen.queryByRole('navigation', { name: 'Menu' })).toBeNull();
  });

  it('signs the person out, rather than locking, after the practice idle time', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { ipc, user } = setup({ ...staffSession, idleLockMinutes: 1 });
    await quickSignIn(user);
    await waitFor(() => expect(byId('quick-acknowledge-page')).toBeInTheDocument());

    act(() => vi.advanceTimersByTime(60_000));

    expect(await heading(/Sign in$/)).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('session_sign_out', {});
    expect(ipc.mock.calls.map(([command]) => command)).not.toContain('session_lock');
    expect(byId('signed-out-notice')).toHaveTextContent('You were signed out after 1 minute without activity.');
  });
});
