import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { appStatus, person, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { NewPasswordScreen } from './NewPasswordScreen';

function setup(handlers: CommandHandlers) {
  const ipc = commandHandler({
    app_status: () => appStatus({ pendingPasswordReset: person }),
    password_check: () => ({ acceptable: true, score: 4, warning: null, suggestions: [] }),
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<NewPasswordScreen person={person} practiceName="Riverside Surgery" />) };
}

async function fillIn(user: ReturnType<typeof setup>['user'], again = 'kettle orbit lantern') {
  await user.type(screen.getByLabelText('New password'), 'kettle orbit lantern');
  await user.type(screen.getByLabelText('Type the new password again'), again);
  await user.click(screen.getByRole('button', { name: 'Save new password' }));
}

describe('NewPasswordScreen', () => {
  it('sends only the new password, and judges it against the person and practice', async () => {
    const { ipc, user } = setup({ session_set_new_password: () => session });
    await fillIn(user);
    await waitFor(() =>
      expect(ipc).toHaveBeenCalledWith('session_set_new_password', { request: { password: 'kettle orbit lantern' } }),
    );
    await waitFor(() =>
      expect(ipc).toHaveBeenCalledWith('password_check', {
        request: { password: 'kettle orbit lantern', context: ['Jane Smith', 'jsmith', 'Riverside Surgery'] },
      }),
    );
  });

  it('stops a mismatched confirmation before anything is saved', async () => {
    const { ipc, user } = setup({ session_set_new_password: () => session });
    await fillIn(user, 'kettle orbit lanterns');
    expect(await screen.findByRole('link', { name: 'The two passwords do not match' })).toBeInTheDocument();
    expect(ipc.mock.calls.map(([command]) => command)).not.toContain('session_set_new_password');
  });

  it('shows why Rust refused the password', async () => {
    const { user } = setup({
      session_set_new_password: () => {
        throw commandError('invalid_input', 'Choose a stronger password', [
          { field: 'password', message: 'Use at least 10 characters' },
        ]);
      },
    });
    await fillIn(user);
    expect(await screen.findByRole('link', { name: 'Use at least 10 characters' })).toHaveAttribute('href', '#password');
    expect(document.getElementById('password-error')).toHaveTextContent('Use at least 10 characters');
  });
});
