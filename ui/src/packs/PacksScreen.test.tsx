import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { PackCreated } from '../ipc';
import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { evidenceMap } from '../dspt/testing';
import { appStatus, certificate, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { PacksScreen } from './PacksScreen';

const created: PackCreated = {
  path: '/home/jane/Documents/Custodian/packs/riverside-surgery-evidence-people-2025-04-01-to-2026-03-31.pdf',
  sha256: '9f2c4e0b7a1d3c5e8f6a2b4d6c8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e',
  bytes: 865_280,
};

/** Renders the screen and waits for the pack form, whose period core suggests. */
async function setup(handlers: CommandHandlers = {}) {
  const ipc = commandHandler({
    app_status: () => appStatus({ session }),
    certificate_info: () => certificate,
    dspt_evidence_map: () => evidenceMap({ currentYearFrom: '2026-07-01', currentYearTo: '2027-06-30' }),
    ...handlers,
  });
  mockIPC(ipc);
  const rendered = renderWithQuery(<PacksScreen session={session} />);
  await screen.findByLabelText('From');
  return { ipc, ...rendered };
}

const field = (id: string) => document.getElementById(id) as HTMLInputElement;

describe('PacksScreen', () => {
  it('suggests the whole practice over the current DSPT year that core names', async () => {
    const { ipc } = await setup();
    expect(ipc).toHaveBeenCalledWith('dspt_evidence_map', { request: { from: '', to: '' } });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Evidence packs');
    expect(screen.getByLabelText('Whole practice')).toBeChecked();
    expect(field('pack-scope-all')).toBeChecked();
    expect(field('pack-scope-people')).not.toBeChecked();
    expect(field('pack-scope-audit')).not.toBeChecked();
    expect(field('pack-scope-incidents')).not.toBeChecked();
    expect(screen.getByLabelText('Incidents')).toHaveAccessibleDescription(/72-hour clock/);
    expect(screen.getByLabelText('From')).toHaveValue('2026-07-01');
    expect(screen.getByLabelText('To')).toHaveValue('2027-06-30');
    expect(field('pack-from')).toHaveAccessibleDescription(/for example 2025-07-01/);
    expect(document.getElementById('pack-created')).toBeNull();
  });

  it('sends the scope and the period, shows progress while the pack is made, then where it was saved', async () => {
    let finish: (pack: PackCreated) => void = () => {};
    const { ipc, user } = await setup({ pack_create: () => new Promise<PackCreated>((resolve) => (finish = resolve)) });

    await user.click(screen.getByLabelText('People and roles'));
    await user.clear(screen.getByLabelText('From'));
    await user.type(screen.getByLabelText('From'), ' 2025-04-01 ');
    await user.clear(screen.getByLabelText('To'));
    await user.type(screen.getByLabelText('To'), '2026-03-31');
    await user.click(screen.getByRole('button', { name: 'Make and sign the pack' }));

    await waitFor(() =>
      expect(ipc).toHaveBeenCalledWith('pack_create', { request: { scope: 'people', from: '2025-04-01', to: '2026-03-31', recordId: null } }),
    );
    const progress = document.getElementById('pack-progress') as HTMLElement;
    expect(progress).toHaveAttribute('aria-live', 'polite');
    expect(progress).toHaveTextContent('Making and signing the pack…');
    expect(document.getElementById('pack-submit')).toBeDisabled();
    expect(document.getElementById('pack-created')).toBeNull();

    finish(created);

    expect(await screen.findByRole('heading', { name: 'Evidence pack made and signed' })).toHaveFocus();
    expect(document.getElementById('pack-path')).toHaveTextContent(created.path);
    expect(document.getElementById('pack-created')).toHaveTextContent('People and roles, 1 April 2025 to 31 March 2026');
    expect(document.getElementById('pack-size')).toHaveTextContent('845 KB (865,280 bytes)');
    expect(document.getElementById('pack-sha256')).toHaveTextContent(created.sha256);
    expect(progress).toBeEmptyDOMElement();
    expect(document.getElementById('pack-submit')).toBeEnabled();
  });

  it('makes a pack of the incidents alone', async () => {
    const { ipc, user } = await setup({ pack_create: () => created });
    await user.click(screen.getByLabelText('Incidents'));
    await user.click(screen.getByRole('button', { name: 'Make and sign the pack' }));
    await waitFor(() =>
      expect(ipc).toHaveBeenCalledWith('pack_create', { request: { scope: 'incidents', from: '2026-07-01', to: '2027-06-30', recordId: null } }),
    );
    expect(await screen.findByRole('region', { name: 'Evidence pack made and signed' })).toHaveTextContent(
      'Incidents, 1 July 2026 to 30 June 2027',
    );
  });

  it('tells an inspector how to check the pack, with the certificate fingerprint to compare', async () => {
    const { user } = await setup({ pack_create: () => created });
    await user.click(screen.getByRole('button', { name: 'Make and sign the pack' }));

    const panel = await screen.findByRole('region', { name: 'Evidence pack made and signed' });
    expect(panel).toHaveTextContent('Adobe Acrobat Reader');
    expect(panel).toHaveTextContent('signature panel');
    expect(panel).toHaveTextContent('pdfsig');
    expect(panel).toHaveTextContent('pyhanko sign validate');
    expect(panel).toHaveTextContent('custodian pack verify');
    await waitFor(() =>
      expect(document.getElementById('pack-certificate-fingerprint')).toHaveTextContent(certificate.fingerprint),
    );
  });

  it('opens the pack it made, and says so plainly when it cannot', async () => {
    const { ipc, user } = await setup({
      pack_create: () => created,
      pack_open: () => {
        throw commandError('not_found', 'That is not a pack of this vault');
      },
    });
    await user.click(screen.getByRole('button', { name: 'Make and sign the pack' }));
    await user.click(await screen.findByRole('button', { name: 'Open the pack' }));
    await waitFor(() => expect(ipc).toHaveBeenCalledWith('pack_open', { request: { path: created.path } }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That is not a pack of this vault');
  });

  it('checks the shape of the days before asking Rust', async () => {
    const { ipc, user } = await setup();
    await user.clear(screen.getByLabelText('From'));
    await user.type(screen.getByLabelText('From'), '1/4/2025');
    await user.clear(screen.getByLabelText('To'));
    await user.click(screen.getByRole('button', { name: 'Make and sign the pack' }));

    expect(await screen.findByRole('link', { name: /first day of the period as year-month-day/ })).toHaveAttribute(
      'href',
      '#pack-from',
    );
    expect(screen.getByRole('link', { name: /last day of the period as year-month-day/ })).toHaveAttribute('href', '#pack-to');
    expect(document.getElementById('error-summary')).toHaveFocus();
    expect(ipc.mock.calls.map(([command]) => command)).not.toContain('pack_create');
  });

  it('shows the days Rust refuses beside their fields', async () => {
    const { user } = await setup({
      pack_create: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'from', message: 'Enter a real date for the start of the period' },
          { field: 'to', message: 'The end of the period cannot be before its start' },
        ]);
      },
    });
    await user.click(screen.getByRole('button', { name: 'Make and sign the pack' }));

    expect(await screen.findByRole('link', { name: 'Enter a real date for the start of the period' })).toHaveAttribute(
      'href',
      '#pack-from',
    );
    expect(screen.getByRole('link', { name: 'The end of the period cannot be before its start' })).toHaveAttribute(
      'href',
      '#pack-to',
    );
    expect(document.getElementById('pack-to-error')).toHaveTextContent('The end of the period cannot be before its start');
    expect(document.getElementById('pack-created')).toBeNull();
  });

  it('says so when the person’s roles do not allow packs', async () => {
    const { user } = await setup({
      pack_create: () => {
        throw commandError('forbidden', 'Only practice managers, IG leads, Caldicott Guardians, SIROs and DPOs may make evidence packs');
      },
    });
    await user.click(screen.getByRole('button', { name: 'Make and sign the pack' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('You cannot make evidence packs');
    expect(summary).toHaveTextContent('may make evidence packs');
    expect(document.getElementById('error-summary')).toHaveFocus();
    expect(document.getElementById('pack-created')).toBeNull();
  });
});
