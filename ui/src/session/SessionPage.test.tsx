import { mockIPC } from '@tauri-apps/api/mocks';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { SessionInfo } from '../ipc';
import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { appStatus, session, staffSession } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { SessionPage, type Section } from './SessionPage';

function setup(handlers: CommandHandlers = {}, shown: SessionInfo = session, current: Section = 'home') {
  const ipc = commandHandler({ app_status: () => appStatus({ session: shown }), ...handlers });
  mockIPC(ipc);
  const onNavigate = vi.fn();
  const view = renderWithQuery(
    <SessionPage session={shown} navigation={{ current, onNavigate }}>
      <h1>Content</h1>
    </SessionPage>,
  );
  return { ipc, onNavigate, ...view };
}

const menu = () => screen.getByRole('navigation', { name: 'Menu' });

describe('SessionPage', () => {
  it('shows the practice, its ODS code and who is signed in', () => {
    setup();
    expect(screen.getByRole('banner')).toHaveTextContent('Riverside Surgery');
    expect(screen.getByRole('banner')).toHaveTextContent('ODS code B86001');
    expect(document.getElementById('signed-in-as')).toHaveTextContent('Signed in as Jane Smith (jsmith)');
  });

  it('lists every section for a practice manager, marks the current one, and moves between them', async () => {
    const { onNavigate, user } = setup({}, session, 'staff');
    const items = Array.from(menu().querySelectorAll('button')).map((button) => [button.id, button.textContent]);
    expect(items).toEqual([
      ['nav-home', 'Home'],
      ['nav-policies', 'Policies'],
      ['nav-acknowledgements', 'Acknowledgements'],
      ['nav-devices', 'Devices'],
      ['nav-byod', 'BYOD checks'],
      ['nav-disposals', 'Disposals'],
      ['nav-incidents', 'Incidents'],
      ['nav-staff', 'Staff'],
      ['nav-audit', 'Audit trail'],
      ['nav-dspt', 'DSPT evidence'],
      ['nav-packs', 'Evidence packs'],
      ['nav-settings', 'Settings'],
      ['nav-account', 'My account'],
    ]);
    expect(screen.getByRole('button', { name: 'Staff' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: 'Home' })).not.toHaveAttribute('aria-current');

    await user.click(screen.getByRole('button', { name: 'Audit trail' }));
    expect(onNavigate).toHaveBeenCalledWith('audit');
  });

  it('works from the keyboard', async () => {
    const { onNavigate, user } = setup();
    screen.getByRole('button', { name: 'Settings' }).focus();
    await user.keyboard('{Enter}');
    expect(onNavigate).toHaveBeenCalledWith('settings');
  });

  it('leaves out the audit trail and evidence packs for someone whose roles do not open them', () => {
    setup({}, staffSession);
    expect(document.getElementById('nav-audit')).toBeNull();
    expect(document.getElementById('nav-packs')).toBeNull();
    expect(document.getElementById('nav-acknowledgements')).toBeNull();
    expect(document.getElementById('nav-dspt')).toBeNull();
    expect(document.getElementById('nav-policies')).toBeInTheDocument();
    // Everyone may report an incident.
    expect(document.getElementById('nav-incidents')).toBeInTheDocument();
    expect(document.getElementById('nav-staff')).toBeInTheDocument();
    expect(document.getElementById('nav-settings')).toBeInTheDocument();
  });

  it('shows evidence packs only to those who may make them', async () => {
    const caldicott: SessionInfo = {
      ...staffSession,
      roles: ['caldicott_guardian'],
      permissions: { ...staffSession.permissions, viewPeople: true, generatePacks: true },
    };
    const { onNavigate, user } = setup({}, caldicott);
    expect(document.getElementById('nav-audit')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Evidence packs' }));
    expect(onNavigate).toHaveBeenCalledWith('packs');

    cleanup();
    setup({}, { ...session, permissions: { ...session.permissions, generatePacks: false } });
    expect(document.getElementById('nav-audit')).toBeInTheDocument();
    expect(document.getElementById('nav-packs')).toBeNull();
  });

  it('signs out, and says so when it cannot', async () => {
    const { ipc, user } = setup({
      session_sign_out: () => {
        throw commandError('internal', 'The vault could not be closed');
      },
    });
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(ipc).toHaveBeenCalledWith('session_sign_out', {}));
    expect(await screen.findByRole('alert')).toHaveTextContent('The vault could not be closed');
  });

  it('has no menu while the person must choose their password', () => {
    mockIPC(commandHandler({ app_status: () => appStatus({ session }) }));
    renderWithQuery(
      <SessionPage session={session}>
        <h1>Content</h1>
      </SessionPage>,
    );
    expect(screen.queryByRole('navigation', { name: 'Menu' })).toBeNull();
    expect(document.getElementById('sign-out')).toBeInTheDocument();
  });
});
