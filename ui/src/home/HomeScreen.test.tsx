import { mockIPC } from '@tauri-apps/api/mocks';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { policiesForMe } from '../testing/acknowledgementFixtures';
import { commandHandler } from '../testing/commands';
import { appStatus, session, staffSession } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { HomeScreen } from './HomeScreen';

function setup(shown = session) {
  mockIPC(commandHandler({ app_status: () => appStatus({ session: shown }), ack_mine: () => policiesForMe() }));
  const onNavigate = vi.fn();
  return { onNavigate, ...renderWithQuery(<HomeScreen session={shown} onNavigate={onNavigate} />) };
}

describe('HomeScreen', () => {
  it('names the practice and its ODS code, and starts with the policies waiting for the person', async () => {
    setup();
    expect(screen.getByRole('heading', { level: 1 })).toHaveAttribute('id', 'home-practice-name');
    expect(document.getElementById('home-practice-name')).toHaveTextContent(/^Riverside Surgery$/);
    expect(screen.getByText('ODS code B86001')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Policies for you' })).toBeInTheDocument();
    expect(await screen.findByText('Data protection policy')).toBeInTheDocument();
    expect(screen.queryByText('Nothing recorded yet')).toBeNull();
  });

  it('leads to the staff register, or to their own entry for staff', async () => {
    const { onNavigate, user } = setup();
    await user.click(screen.getByRole('button', { name: 'See the staff register' }));
    expect(onNavigate).toHaveBeenCalledWith('staff');

    setup(staffSession);
    expect(screen.getByRole('button', { name: 'See your entry' })).toBeInTheDocument();
  });

  it('leads those who may to the acknowledgements and the policy register', async () => {
    const { onNavigate, user } = setup();
    await user.click(document.getElementById('home-open-acknowledgements') as HTMLElement);
    expect(onNavigate).toHaveBeenCalledWith('acknowledgements');
    await user.click(document.getElementById('home-open-policies') as HTMLElement);
    expect(onNavigate).toHaveBeenCalledWith('policies');
  });

  it('offers staff neither the acknowledgements nor the policy register', () => {
    setup(staffSession);
    expect(document.getElementById('home-open-acknowledgements')).toBeNull();
    expect(document.getElementById('home-open-policies')).toBeNull();
    expect(document.getElementById('policies-for-you')).toBeInTheDocument();
  });
});
