import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { commandError } from '../testing/commands';
import { appStatus, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { ByodScreen } from './ByodScreen';
import { byodHandler, byodView, priya, RISK, STATEMENT, waitingForSiro, type ByodHandlers } from './testing';

const siroSession = { ...session, person: { fullName: 'Priya Shah', login: 'pshah' }, roles: ['siro' as const, 'staff' as const] };

function setup(handlers: ByodHandlers = {}) {
  const ipc = byodHandler({
    app_status: () => appStatus({ session: siroSession }),
    byod_list: () => byodView({ canCheck: false, canAcceptRisk: true }),
    byod_risk_statement: () => ({ statement: STATEMENT, roles: ['siro'] }),
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<ByodScreen session={siroSession} />) };
}

type User = ReturnType<typeof setup>['user'];
const byId = (id: string) => document.getElementById(id);
const calls = (ipc: ReturnType<typeof setup>['ipc'], command: string) =>
  ipc.mock.calls.filter(([name]) => name === command).length;

async function startAccepting(user: User) {
  await screen.findByRole('table');
  await user.click(byId('byod-accept-71') as HTMLElement);
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent("Accept the risk of Sam Patel's PH-0020");
}

describe('AcceptRiskPanel', () => {
  it('shows the check and the statement, will not sign until it is ticked, then signs with the password', async () => {
    const accepted = { ...waitingForSiro, riskAcceptedBy: priya, riskAcceptedAt: '2026-04-11T10:00:00Z', riskStatement: STATEMENT };
    const { ipc, user } = setup({ byod_accept_risk: () => accepted });
    await startAccepting(user);

    expect(await screen.findByText(STATEMENT)).toBeInTheDocument();
    expect(byId('byod-risk-statement')).toHaveClass('nhsuk-inset-text');
    expect(byId('byod-risk-statement')).toHaveTextContent(STATEMENT);
    expect(ipc).toHaveBeenCalledWith('byod_risk_statement', { request: { id: 71 } });
    const summary = byId('byod-risk-summary') as HTMLElement;
    expect(summary).toHaveTextContent(RISK);
    expect(summary).toHaveTextContent('Two-factor authentication is on wherever it is available. — The rota app has no two-factor option');
    expect(screen.getByText('Priya Shah')).toBeInTheDocument();

    const password = screen.getByLabelText('Your password');
    expect(password).toHaveAttribute('id', 'byod-risk-password');
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByLabelText('I confirm this statement')).toHaveAttribute('id', 'byod-risk-confirm');

    await user.type(password, 'my password');
    await user.click(byId('byod-risk-sign') as HTMLElement);
    expect(await screen.findByRole('link', { name: 'Tick to confirm the statement' })).toHaveAttribute('href', '#byod-risk-confirm');
    expect(calls(ipc, 'byod_accept_risk')).toBe(0);

    await user.click(screen.getByLabelText('I confirm this statement'));
    await user.click(screen.getByRole('button', { name: 'Sign' }));
    expect(await screen.findByText("You accepted the risk of Sam Patel's PH-0020")).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('byod_accept_risk', { request: { id: 71, password: 'my password', confirmed: true } });
    expect(byId('byod-message')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('heading', { level: 1, name: 'BYOD checks' })).toBeInTheDocument();
    expect(byId('byod-risk-password')).toBeNull();
    await waitFor(() => expect(calls(ipc, 'byod_list')).toBe(2));
  });

  it('shows a wrong password at the password field, and keeps it nowhere', async () => {
    const { client, user } = setup({
      byod_accept_risk: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'currentPassword', message: 'That is not your current password' },
        ]);
      },
    });
    await startAccepting(user);
    await screen.findByText(STATEMENT);
    await user.click(screen.getByLabelText('I confirm this statement'));
    await user.type(screen.getByLabelText('Your password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign' }));

    expect(await screen.findByRole('link', { name: 'That is not your current password' })).toHaveAttribute(
      'href',
      '#byod-risk-password',
    );
    expect(byId('byod-risk-password-error')).toHaveTextContent('That is not your current password');
    await waitFor(() => expect(screen.getByLabelText('Your password')).toHaveValue(''));
    expect(screen.getByLabelText('I confirm this statement')).toBeChecked();
    await waitFor(() =>
      expect(client.getMutationCache().getAll().filter((mutation) => mutation.state.variables !== undefined)).toEqual([]),
    );
  });

  it("shows Rust's refusal of the confirmation beside the tick box, and a refusal without a field in the summary", async () => {
    let attempts = 0;
    const { user } = setup({
      byod_accept_risk: () => {
        attempts += 1;
        if (attempts === 1) {
          throw commandError('invalid_input', 'Check the highlighted answers', [
            { field: 'confirmed', message: 'Confirm the statement to sign it' },
          ]);
        }
        throw commandError('refused', 'This risk has already been accepted');
      },
    });
    await startAccepting(user);
    await screen.findByText(STATEMENT);
    await user.click(screen.getByLabelText('I confirm this statement'));
    await user.type(screen.getByLabelText('Your password'), 'my password');
    await user.click(screen.getByRole('button', { name: 'Sign' }));
    expect(await screen.findByRole('link', { name: 'Confirm the statement to sign it' })).toHaveAttribute(
      'href',
      '#byod-risk-confirm',
    );
    expect(byId('byod-risk-confirm-error')).toHaveTextContent('Confirm the statement to sign it');
    await waitFor(() => expect(screen.getByLabelText('Your password')).toHaveValue(''));

    await user.type(screen.getByLabelText('Your password'), 'my password');
    await user.click(screen.getByRole('button', { name: 'Sign' }));
    expect(await screen.findByText('This risk has already been accepted')).toBeInTheDocument();
    expect(byId('error-summary')).toHaveTextContent('This risk has already been accepted');
    await waitFor(() => expect(screen.getByLabelText('Your password')).toHaveValue(''));
  });

  it('shows why the statement cannot be had, instead of the form', async () => {
    const refusal = 'Only a check approved with a risk needs the SIRO\u2019s acceptance';
    const { ipc, user } = setup({
      byod_risk_statement: () => {
        throw commandError('refused', refusal);
      },
    });
    await startAccepting(user);
    expect(await screen.findByText(refusal)).toBeInTheDocument();
    expect(byId('byod-risk-refused')).toHaveTextContent(refusal);
    expect(byId('byod-risk-confirm')).toBeNull();
    expect(byId('byod-risk-password')).toBeNull();
    expect(byId('byod-risk-sign')).toBeNull();
    expect(calls(ipc, 'byod_accept_risk')).toBe(0);

    await user.click(byId('byod-risk-cancel') as HTMLElement);
    expect(await screen.findByRole('heading', { level: 1, name: 'BYOD checks' })).toBeInTheDocument();
  });

  it('shows any other failure to read the statement, with a way to try again', async () => {
    const { user } = setup({
      byod_risk_statement: () => {
        throw commandError('internal', 'The vault could not be read');
      },
    });
    await startAccepting(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('The vault could not be read');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(byId('byod-risk-password')).toBeNull();
  });
});
