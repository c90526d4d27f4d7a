import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { evidenceMap } from '../dspt/testing';
import type { PackCreated, SessionInfo } from '../ipc';
import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { appStatus, certificate, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { PacksScreen } from './PacksScreen';

const siro: SessionInfo = {
  ...session,
  person: { fullName: 'Priya Shah', login: 'pshah' },
  roles: ['siro', 'staff'],
};

const STATEMENT =
  'I, Priya Shah, as SIRO of Riverside Surgery, have reviewed the contents of this evidence pack for 2026-07-01 to 2027-06-30: the register of 14 policies, the acknowledgements of 12 staff, 40 devices, 3 BYOD checks, 2 disposals and 1 incidents in the period, the people and roles, the audit trail, and the DSPT evidence map (1 items look met, 1 partly met, 1 missing). I sign it off as a true record of the practice\'s information governance.';

const created: PackCreated = {
  path: '/home/jane/Documents/Custodian/packs/riverside-surgery-evidence-dspt-year-2026-07-01-to-2027-06-30.pdf',
  sha256: '5be1c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a2b4c6d8e0f2a4b6c8d0e2f4a6b8',
  bytes: 2_411_520,
};

function setup(shown: SessionInfo = siro, handlers: CommandHandlers = {}) {
  const ipc = commandHandler({
    app_status: () => appStatus({ session: shown }),
    certificate_info: () => certificate,
    dspt_evidence_map: () => evidenceMap(),
    pack_annual_statement: () => STATEMENT,
    pack_annual_create: () => created,
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<PacksScreen session={shown} />) };
}

const field = (id: string) => document.getElementById(id) as HTMLInputElement;
const panel = () => document.getElementById('annual-pack') as HTMLElement;
const commands = (ipc: ReturnType<typeof setup>['ipc']) => ipc.mock.calls.map(([command]) => command);

describe('the annual DSPT pack', () => {
  it('tells everyone else that the SIRO signs it off, with no button to try', () => {
    const { ipc } = setup(session);
    expect(within(panel()).getByRole('heading', { name: 'Annual DSPT pack (whole practice, DSPT year)' })).toBeInTheDocument();
    expect(panel()).toHaveTextContent('The SIRO signs it off');
    expect(document.getElementById('annual-pack-siro-only')).toHaveTextContent('Only the SIRO can prepare and sign off');
    expect(document.getElementById('annual-pack-prepare')).toBeNull();
    expect(within(panel()).queryByRole('button')).toBeNull();
    expect(commands(ipc)).not.toContain('pack_annual_statement');
  });

  it('lets the SIRO prepare the sign-off for the DSPT year core names, sign it, and open the pack made', async () => {
    let finish: (pack: PackCreated) => void = () => {};
    const { ipc, user } = setup(siro, {
      pack_annual_create: () => new Promise<PackCreated>((resolve) => (finish = resolve)),
    });
    await waitFor(() => expect(field('annual-pack-from')).toHaveValue('2026-07-01'));
    expect(ipc).toHaveBeenCalledWith('dspt_evidence_map', { request: { from: '', to: '' } });
    expect(field('annual-pack-to')).toHaveValue('2027-06-30');

    await user.click(document.getElementById('annual-pack-prepare') as HTMLElement);
    await waitFor(() =>
      expect(ipc).toHaveBeenCalledWith('pack_annual_statement', { request: { from: '2026-07-01', to: '2027-06-30' } }),
    );
    expect(await screen.findByText(STATEMENT)).toBeInTheDocument();
    expect(document.getElementById('annual-pack-statement')).toHaveTextContent('as SIRO of Riverside Surgery');
    expect(document.getElementById('annual-pack-period')).toHaveTextContent('For 1 July 2026 to 30 June 2027');

    await user.click(field('annual-pack-confirm'));
    await user.type(field('annual-pack-password'), 'kettle orbit lantern');
    await user.click(document.getElementById('annual-pack-sign') as HTMLElement);

    await waitFor(() =>
      expect(ipc).toHaveBeenCalledWith('pack_annual_create', {
        request: { from: '2026-07-01', to: '2027-06-30', password: 'kettle orbit lantern', confirmed: true },
      }),
    );
    expect(document.getElementById('annual-pack-progress')).toHaveTextContent('Making and signing the pack…');
    expect(document.getElementById('annual-pack-sign')).toBeDisabled();

    finish(created);

    // The same result as any pack: where it was saved, its fingerprint, and a way to open it.
    expect(await screen.findByRole('heading', { name: 'Evidence pack made and signed' })).toHaveFocus();
    expect(document.getElementById('pack-created')).toHaveTextContent(
      'Annual DSPT pack (whole practice, DSPT year), signed off by the SIRO, 1 July 2026 to 30 June 2027',
    );
    expect(document.getElementById('pack-path')).toHaveTextContent(created.path);
    expect(document.getElementById('pack-sha256')).toHaveTextContent(created.sha256);
    expect(document.getElementById('pack-open')).toBeInTheDocument();
    // Ready for another: the period again, and no password kept anywhere on screen.
    expect(document.getElementById('annual-pack-password')).toBeNull();
    expect(field('annual-pack-from')).toHaveValue('2026-07-01');
  });

  it('checks the signature’s shape first, and shows a wrong password beside its field', async () => {
    const { ipc, user } = setup(siro, {
      pack_annual_create: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'currentPassword', message: 'That is not your current password' },
        ]);
      },
    });
    await waitFor(() => expect(field('annual-pack-from')).toHaveValue('2026-07-01'));
    await user.click(document.getElementById('annual-pack-prepare') as HTMLElement);
    await screen.findByText(STATEMENT);

    await user.click(document.getElementById('annual-pack-sign') as HTMLElement);
    expect(await screen.findByRole('link', { name: 'Tick to confirm the statement' })).toHaveAttribute(
      'href',
      '#annual-pack-confirm',
    );
    expect(screen.getByRole('link', { name: 'Enter your password' })).toHaveAttribute('href', '#annual-pack-password');
    expect(commands(ipc)).not.toContain('pack_annual_create');

    await user.click(field('annual-pack-confirm'));
    await user.type(field('annual-pack-password'), 'wrong horse');
    await user.click(document.getElementById('annual-pack-sign') as HTMLElement);
    expect(await screen.findByRole('link', { name: 'That is not your current password' })).toHaveAttribute(
      'href',
      '#annual-pack-password',
    );
    expect(document.getElementById('annual-pack-password-error')).toHaveTextContent('That is not your current password');
    expect(field('annual-pack-password')).toHaveValue('');
    expect(document.getElementById('annual-pack-error-summary')).toHaveFocus();
    expect(document.getElementById('pack-created')).toBeNull();
  });

  it('shows a period Rust refuses beside its fields, and goes back from the statement keeping the period', async () => {
    const { user } = setup(siro, {
      pack_annual_statement: (request) => {
        if (request.to < request.from) {
          throw commandError('invalid_input', 'Check the highlighted answers', [
            { field: 'to', message: 'The end of the period cannot be before its start' },
          ]);
        }
        return STATEMENT;
      },
    });
    await waitFor(() => expect(field('annual-pack-from')).toHaveValue('2026-07-01'));
    await user.clear(field('annual-pack-to'));
    await user.type(field('annual-pack-to'), '2025-03-31');
    await user.click(document.getElementById('annual-pack-prepare') as HTMLElement);
    expect(await screen.findByRole('link', { name: 'The end of the period cannot be before its start' })).toHaveAttribute(
      'href',
      '#annual-pack-to',
    );

    await user.clear(field('annual-pack-from'));
    await user.type(field('annual-pack-from'), '2024-04-01');
    await user.click(document.getElementById('annual-pack-prepare') as HTMLElement);
    await screen.findByText(STATEMENT);
    expect(document.getElementById('annual-pack-period')).toHaveTextContent('For 1 April 2024 to 31 March 2025.');

    await user.click(document.getElementById('annual-pack-cancel') as HTMLElement);
    expect(field('annual-pack-from')).toHaveValue('2024-04-01');
    expect(field('annual-pack-to')).toHaveValue('2025-03-31');
  });

  it('shows core’s refusal as an explanation, not a way on', async () => {
    const { user } = setup(siro, {
      pack_annual_statement: () => {
        throw commandError('forbidden', 'Only the SIRO may sign off the annual DSPT pack');
      },
    });
    await waitFor(() => expect(field('annual-pack-from')).toHaveValue('2026-07-01'));
    await user.click(document.getElementById('annual-pack-prepare') as HTMLElement);
    expect(await screen.findByText('Only the SIRO may sign off the annual DSPT pack')).toBeInTheDocument();
    expect(document.getElementById('annual-pack-siro-only')).toBeInTheDocument();
    expect(document.getElementById('annual-pack-prepare')).toBeNull();
    expect(document.getElementById('annual-pack-form')).toBeNull();
  });

  it('says why the DSPT year cannot be shown, and tries again', async () => {
    let attempts = 0;
    const { user } = setup(siro, {
      dspt_evidence_map: () => {
        attempts += 1;
        if (attempts === 1) throw commandError('internal', 'The evidence items cannot be read');
        return evidenceMap();
      },
    });
    expect(await within(panel()).findByRole('alert')).toHaveTextContent('The evidence items cannot be read');
    await user.click(within(panel()).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(field('annual-pack-from')).toHaveValue('2026-07-01'));
  });
});
