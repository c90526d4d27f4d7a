import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { appStatus, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { HomeScreen } from './HomeScreen';

function setup(handlers: CommandHandlers) {
  const ipc = commandHandler({ app_status: () => appStatus({ session }), ...handlers });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<HomeScreen session={session} />) };
}

describe('HomeScreen', () => {
  it('shows the practice, its ODS code and who is signed in', () => {
    setup({});
    expect(document.getElementById('home-practice-name')).toHaveTextContent(/^Riverside Surgery$/);
    expect(screen.getByRole('heading', { level: 1 })).toHaveAttribute('id', 'home-practice-name');
    expect(screen.getByRole('banner')).toHaveTextContent('B86001');
    expect(document.getElementById('signed-in-as')).toHaveTextContent('Signed in as Jane Smith (jsmith)');
    expect(screen.getByText('Nothing recorded yet')).toBeInTheDocument();
  });

  it('saves the idle time and shows the saved value', async () => {
    const { ipc, user } = setup({ settings_set_idle_lock: ({ minutes }) => ({ ...session, idleLockMinutes: minutes }) });
    expect(screen.getByLabelText(/Lock the screen after/)).toHaveValue(5);

    await user.clear(screen.getByLabelText(/Lock the screen after/));
    await user.type(screen.getByLabelText(/Lock the screen after/), '10');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(document.getElementById('idle-minutes-current')).toHaveTextContent(/^Saved\./));
    expect(ipc).toHaveBeenCalledWith('settings_set_idle_lock', { request: { minutes: 10 } });
    expect(screen.getByLabelText(/Lock the screen after/)).toHaveValue(10);
  });

  it('shows why Rust refused the idle time', async () => {
    const { user } = setup({
      settings_set_idle_lock: () => {
        throw commandError('invalid_input', 'Check the setting', [
          { field: 'minutes', message: 'Choose between 1 and 60 minutes' },
        ]);
      },
    });
    await user.clear(screen.getByLabelText(/Lock the screen after/));
    await user.type(screen.getByLabelText(/Lock the screen after/), '90');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('link', { name: 'Choose between 1 and 60 minutes' })).toHaveAttribute('href', '#idle-minutes');
    expect(document.getElementById('idle-minutes-error')).toHaveTextContent('Choose between 1 and 60 minutes');
  });

  it('signs out', async () => {
    const { ipc, user } = setup({ session_sign_out: () => null });
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(ipc).toHaveBeenCalledWith('session_sign_out', {}));
  });
});
