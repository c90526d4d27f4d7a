import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { appStatus, staffSession } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { ChoosePasswordScreen } from './ChoosePasswordScreen';

const firstSignIn = { ...staffSession, mustChangePassword: true };

function setup(handlers: CommandHandlers) {
  const ipc = commandHandler({
    app_status: () => appStatus({ session: firstSignIn }),
    password_check: () => ({ acceptable: false, score: 1, warning: 'This is a very common password', suggestions: [] }),
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<ChoosePasswordScreen session={firstSignIn} />) };
}

async function fillIn(user: ReturnType<typeof setup>['user'], again = 'otter violet marble 3') {
  await user.type(screen.getByLabelText('Your new password'), 'otter violet marble 3');
  await user.type(screen.getByLabelText('Type the password again'), again);
  await user.click(screen.getByRole('button', { name: 'Save password' }));
}

describe('ChoosePasswordScreen', () => {
  it('sends only the chosen password', async () => {
    const { ipc, user } = setup({ account_choose_password: () => ({ ...firstSignIn, mustChangePassword: false }) });
    expect(document.getElementById('choose-password-screen')).toBeInTheDocument();
    await fillIn(user);
    await waitFor(() =>
      expect(ipc).toHaveBeenCalledWith('account_choose_password', { request: { password: 'otter violet marble 3' } }),
    );
  });

  it('shows the strength as Rust judges it, against the person and practice', async () => {
    const { ipc, user } = setup({});
    await user.type(screen.getByLabelText('Your new password'), 'password1');
    expect(await screen.findByText('This is a very common password')).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('password_check', {
      request: { password: 'password1', context: ['Jordan Ellis', 'jellis', 'Riverside Surgery'] },
    });
  });

  it('stops a mismatch, and shows why Rust refused the password', async () => {
    const { ipc, user } = setup({
      account_choose_password: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'password', message: 'This password is too easy to guess' },
        ]);
      },
    });
    await fillIn(user, 'otter violet');
    expect(await screen.findByRole('link', { name: 'The two passwords do not match' })).toBeInTheDocument();
    expect(ipc.mock.calls.map(([command]) => command)).not.toContain('account_choose_password');

    await user.clear(screen.getByLabelText('Type the password again'));
    await user.type(screen.getByLabelText('Type the password again'), 'otter violet marble 3');
    await user.click(screen.getByRole('button', { name: 'Save password' }));
    expect(await screen.findByRole('link', { name: 'This password is too easy to guess' })).toHaveAttribute('href', '#password');
  });
});
