import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { appStatus, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { AccountScreen } from './AccountScreen';

function setup(handlers: CommandHandlers) {
  const ipc = commandHandler({
    app_status: () => appStatus({ session }),
    password_check: () => ({ acceptable: true, score: 4, warning: null, suggestions: [] }),
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<AccountScreen session={session} />) };
}

async function fillIn(user: ReturnType<typeof setup>['user'], again = 'otter violet marble 3') {
  await user.type(screen.getByLabelText('Current password'), 'pebble violin harbour 7');
  await user.type(screen.getByLabelText('New password'), 'otter violet marble 3');
  await user.type(screen.getByLabelText('Type the new password again'), again);
  await user.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('AccountScreen', () => {
  it('shows who is signed in', () => {
    setup({});
    expect(document.getElementById('account-screen')).toHaveTextContent('Jane Smith');
    expect(document.getElementById('account-screen')).toHaveTextContent('jsmith');
  });

  it('sends the current and new password, says it is done, and empties the form', async () => {
    const { ipc, user } = setup({ account_change_password: () => session });
    await fillIn(user);
    expect(await screen.findByText(/Your password has been changed/)).toBeInTheDocument();
    expect(document.getElementById('password-changed')).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('account_change_password', {
      request: { currentPassword: 'pebble violin harbour 7', newPassword: 'otter violet marble 3' },
    });
    expect(screen.getByLabelText('Current password')).toHaveValue('');
    expect(screen.getByLabelText('New password')).toHaveValue('');
  });

  it('judges the new password against the person and practice', async () => {
    const { ipc, user } = setup({});
    await user.type(screen.getByLabelText('New password'), 'otter violet marble 3');
    await waitFor(() =>
      expect(ipc).toHaveBeenCalledWith('password_check', {
        request: { password: 'otter violet marble 3', context: ['Jane Smith', 'jsmith', 'Riverside Surgery'] },
      }),
    );
    expect(await screen.findByText('Strong enough')).toBeInTheDocument();
  });

  it('stops a mismatched confirmation before anything is sent', async () => {
    const { ipc, user } = setup({ account_change_password: () => session });
    await fillIn(user, 'otter violet marble');
    expect(await screen.findByRole('link', { name: 'The two passwords do not match' })).toHaveAttribute('href', '#confirm-password');
    expect(ipc.mock.calls.map(([command]) => command)).not.toContain('account_change_password');
  });

  it('shows a wrong current password and a weak new one beside their fields', async () => {
    const { user } = setup({
      account_change_password: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'currentPassword', message: 'That is not your current password' },
          { field: 'password', message: 'Use at least 10 characters' },
        ]);
      },
    });
    await fillIn(user);
    expect(await screen.findByRole('link', { name: 'That is not your current password' })).toHaveAttribute(
      'href',
      '#current-password',
    );
    expect(screen.getByRole('link', { name: 'Use at least 10 characters' })).toHaveAttribute('href', '#password');
    expect(document.getElementById('current-password-error')).toHaveTextContent('That is not your current password');
    expect(document.getElementById('password-changed')).toBeNull();
  });
});
