import { mockIPC } from '@tauri-apps/api/mocks';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { commandHandler } from '../testing/commands';
import { appStatus, session, staffSession } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { HomeScreen } from './HomeScreen';

function setup(shown = session) {
  mockIPC(commandHandler({ app_status: () => appStatus({ session: shown }) }));
  const onOpenStaff = vi.fn();
  return { onOpenStaff, ...renderWithQuery(<HomeScreen session={shown} onOpenStaff={onOpenStaff} />) };
}

describe('HomeScreen', () => {
  it('names the practice and its ODS code, and says nothing is recorded yet', () => {
    setup();
    expect(screen.getByRole('heading', { level: 1 })).toHaveAttribute('id', 'home-practice-name');
    expect(document.getElementById('home-practice-name')).toHaveTextContent(/^Riverside Surgery$/);
    expect(screen.getByText('ODS code B86001')).toBeInTheDocument();
    expect(screen.getByText('Nothing recorded yet')).toBeInTheDocument();
  });

  it('leads to the staff register, or to their own entry for staff', async () => {
    const { onOpenStaff, user } = setup();
    await user.click(screen.getByRole('button', { name: 'See the staff register' }));
    expect(onOpenStaff).toHaveBeenCalledOnce();

    setup(staffSession);
    expect(screen.getByRole('button', { name: 'See your entry' })).toBeInTheDocument();
  });
});
