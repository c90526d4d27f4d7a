import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { commandError } from '../testing/commands';
import { appStatus, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { DisposalsScreen } from './DisposalsScreen';
import { CERTIFICATE_HASH, deviceDisposal, disposalHandler, logView, priya, type DisposalHandlers } from './testing';

const statement = `I, Priya Shah, have checked the disposal of LT-0012 (physically destroyed) on 2025-05-14, with certificate COD-88121.pdf (SHA-256 ${CERTIFICATE_HASH}), and the record is correct.`;

function setup(handlers: DisposalHandlers = {}) {
  const ipc = disposalHandler({
    app_status: () => appStatus({ session }),
    disposal_list: () => logView(),
    disposal_check_statement: () => ({ statement, roles: ['siro'] }),
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<DisposalsScreen session={session} />) };
}

type User = ReturnType<typeof setup>['user'];
const byId = (id: string) => document.getElementById(id);
const calls = (ipc: ReturnType<typeof setup>['ipc'], command: string) =>
  ipc.mock.calls.filter(([name]) => name === command).length;

async function startChecking(user: User) {
  await user.click(await screen.findByRole('button', { name: 'Check and sign LT-0012' }));
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Check and sign the disposal of LT-0012');
}

const checked = deviceDisposal({ checkedBy: priya, checkedAt: '2025-05-15T09:00:00Z', checkStatement: statement });

describe('CheckPanel', () => {
  it('shows the record and the statement, will not sign until it is ticked, then signs with the password', async () => {
    const { ipc, user } = setup({ disposal_check: () => checked });
    await startChecking(user);

    expect(await screen.findByText(statement)).toBeInTheDocument();
    expect(byId('disposal-check-statement')).toHaveTextContent(statement);
    expect(byId('disposal-check-statement')).toHaveClass('nhsuk-inset-text');
    expect(ipc).toHaveBeenCalledWith('disposal_check_statement', { request: { id: 40 } });
    expect(byId('disposal-check-details')).toHaveTextContent('Certificate numberCOD-88121');
    const password = screen.getByLabelText('Your password');
    expect(password).toHaveAttribute('id', 'disposal-check-password');
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByLabelText('I confirm this statement')).toHaveAttribute('id', 'disposal-check-confirm');

    await user.type(password, 'my password');
    await user.click(screen.getByRole('button', { name: 'Sign' }));
    expect(await screen.findByRole('link', { name: 'Tick to confirm the statement' })).toHaveAttribute(
      'href',
      '#disposal-check-confirm',
    );
    expect(calls(ipc, 'disposal_check')).toBe(0);

    await user.click(screen.getByLabelText('I confirm this statement'));
    await user.click(byId('disposal-check-sign') as HTMLElement);
    expect(await screen.findByRole('heading', { level: 1, name: 'Disposals' })).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('disposal_check', { request: { id: 40, password: 'my password', confirmed: true } });
    expect(byId('disposal-message')).toHaveTextContent('The disposal of LT-0012 is checked and signed.');
    expect(byId('disposal-message')).toHaveAttribute('role', 'status');
    expect(calls(ipc, 'disposal_list')).toBe(2);
    expect(screen.queryByLabelText('Your password')).toBeNull();
  });

  it('shows a wrong password at the password field, clears it, and keeps it nowhere', async () => {
    const { client, user } = setup({
      disposal_check: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'currentPassword', message: 'That is not your current password' },
        ]);
      },
    });
    await startChecking(user);
    await screen.findByText(statement);
    await user.click(screen.getByLabelText('I confirm this statement'));
    await user.type(screen.getByLabelText('Your password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign' }));

    expect(await screen.findByRole('link', { name: 'That is not your current password' })).toHaveAttribute(
      'href',
      '#disposal-check-password',
    );
    expect(byId('disposal-check-password-error')).toHaveTextContent('That is not your current password');
    await waitFor(() => expect(screen.getByLabelText('Your password')).toHaveValue(''));
    expect(screen.getByLabelText('I confirm this statement')).toBeChecked();
    await waitFor(() =>
      expect(client.getMutationCache().getAll().filter((mutation) => mutation.state.variables !== undefined)).toEqual([]),
    );
  });

  it('shows an unconfirmed statement from core at the tick box', async () => {
    const { user } = setup({
      disposal_check: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'confirmed', message: 'Confirm the statement to sign it' },
        ]);
      },
    });
    await startChecking(user);
    await screen.findByText(statement);
    await user.click(screen.getByLabelText('I confirm this statement'));
    await user.type(screen.getByLabelText('Your password'), 'my password');
    await user.click(screen.getByRole('button', { name: 'Sign' }));
    expect(await screen.findByRole('link', { name: 'Confirm the statement to sign it' })).toHaveAttribute(
      'href',
      '#disposal-check-confirm',
    );
    expect(byId('disposal-check-confirm-error')).toHaveTextContent('Confirm the statement to sign it');
  });

  it('shows why core will not let this person sign, instead of the form', async () => {
    const refusal = 'Only IG leads and SIROs may check a disposal';
    const { ipc, user } = setup({
      disposal_check_statement: () => {
        throw commandError('forbidden', refusal);
      },
    });
    await startChecking(user);
    expect(await screen.findByText(refusal)).toBeInTheDocument();
    expect(byId('disposal-check-refused')).toHaveTextContent(refusal);
    expect(byId('disposal-check-confirm')).toBeNull();
    expect(byId('disposal-check-password')).toBeNull();
    expect(calls(ipc, 'disposal_check')).toBe(0);

    await user.click(byId('disposal-check-cancel') as HTMLElement);
    expect(await screen.findByRole('heading', { level: 1, name: 'Disposals' })).toBeInTheDocument();
  });

  it('opens the certificate to check the record against it', async () => {
    const path = '/home/jane/Documents/Custodian/exports/COD-88121.pdf';
    const { ipc, user } = setup({ disposal_certificate_export: () => ({ path }), export_open: () => null });
    await startChecking(user);
    await screen.findByText(statement);
    await user.click(byId('disposal-check-open-certificate') as HTMLElement);
    await waitFor(() => expect(ipc).toHaveBeenCalledWith('export_open', { request: { path } }));
    expect(ipc).toHaveBeenCalledWith('disposal_certificate_export', { request: { id: 40 } });
    expect(byId('disposal-certificate-path')).toHaveTextContent(path);
    // Still checking.
    expect(screen.getByLabelText('Your password')).toBeInTheDocument();
  });

  it('cancels back to the log without signing', async () => {
    const { ipc, user } = setup();
    await startChecking(user);
    await screen.findByText(statement);
    await user.click(byId('disposal-check-cancel') as HTMLElement);
    expect(await screen.findByRole('heading', { level: 1, name: 'Disposals' })).toBeInTheDocument();
    expect(calls(ipc, 'disposal_check')).toBe(0);
  });
});
