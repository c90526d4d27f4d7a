import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { commandError } from '../testing/commands';
import { appStatus, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { PoliciesScreen } from './PoliciesScreen';
import { detailView, HASH_2, policyHandler, policyRow, registerView, rowId, versionRow, type PolicyHandlers } from './testing';

const inReview = versionRow({
  id: rowId(101),
  number: '1.1',
  status: 'in_review',
  contentHash: HASH_2,
  changeSummary: 'New retention periods',
  approvedAt: null,
  publishedAt: null,
});

const statement = `I, Jane Smith, as Caldicott Guardian, have reviewed version 1.1 of "Confidentiality" (SHA-256 ${HASH_2}) and approve it for publication.`;

function setup(handlers: PolicyHandlers = {}) {
  const ipc = policyHandler({
    app_status: () => appStatus({ session }),
    policy_list: () => registerView(),
    policy_get: () =>
      detailView({ policy: policyRow({ pending: inReview }), versions: [inReview, versionRow()], canApprove: true, canSignNow: true }),
    policy_approval_statement: () => ({ statement, roles: ['caldicott_guardian'] }),
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<PoliciesScreen session={session} />) };
}

type User = ReturnType<typeof setup>['user'];
const byId = (id: string) => document.getElementById(id);
const calls = (ipc: ReturnType<typeof setup>['ipc'], command: string) =>
  ipc.mock.calls.filter(([name]) => name === command).length;

async function startSigning(user: User, button = 'Sign off this version') {
  await user.click(await screen.findByRole('button', { name: 'Confidentiality' }));
  await user.click(await screen.findByRole('button', { name: button }));
}

describe('SignOffPanel', () => {
  it('shows the statement, will not sign until it is ticked, then signs with the password', async () => {
    const { ipc, user } = setup({ policy_approve: () => ({ ...inReview }) });
    await startSigning(user);

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Sign off version 1.1 of Confidentiality');
    expect(await screen.findByText(statement)).toBeInTheDocument();
    expect(byId('signoff-statement')).toHaveTextContent(statement);
    expect(ipc).toHaveBeenCalledWith('policy_approval_statement', { request: { id: 101 } });
    expect(screen.getByText('Caldicott Guardian')).toBeInTheDocument();
    const password = screen.getByLabelText('Your password');
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveAttribute('autocomplete', 'current-password');

    await user.type(password, 'my password');
    await user.click(screen.getByRole('button', { name: 'Sign' }));
    expect(await screen.findByRole('link', { name: 'Tick to confirm the statement' })).toHaveAttribute('href', '#signoff-confirm');
    expect(calls(ipc, 'policy_approve')).toBe(0);

    await user.click(screen.getByLabelText('I confirm this statement'));
    await user.click(screen.getByRole('button', { name: 'Sign' }));
    expect(await screen.findByText(/Your sign-off of version 1.1 is recorded/)).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('policy_approve', { request: { id: 101, password: 'my password', confirmed: true } });
    expect(screen.getByRole('heading', { level: 1, name: 'Confidentiality' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Your password')).toBeNull();
  });

  it('says when the last approval makes the version ready to publish', async () => {
    const { user } = setup({ policy_approve: () => ({ ...inReview, status: 'approved' }) });
    await startSigning(user);
    await screen.findByText(statement);
    await user.click(screen.getByLabelText('I confirm this statement'));
    await user.type(screen.getByLabelText('Your password'), 'my password');
    await user.click(screen.getByRole('button', { name: 'Sign' }));
    expect(await screen.findByText('Version 1.1 is signed off by every approver and can now be published')).toBeInTheDocument();
  });

  it('shows a wrong password at the password field, and keeps it nowhere', async () => {
    const { client, user } = setup({
      policy_approve: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'currentPassword', message: 'That is not your current password' },
        ]);
      },
    });
    await startSigning(user);
    await screen.findByText(statement);
    await user.click(screen.getByLabelText('I confirm this statement'));
    await user.type(screen.getByLabelText('Your password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign' }));

    expect(await screen.findByRole('link', { name: 'That is not your current password' })).toHaveAttribute(
      'href',
      '#signoff-password',
    );
    expect(byId('signoff-password-error')).toHaveTextContent('That is not your current password');
    await waitFor(() => expect(screen.getByLabelText('Your password')).toHaveValue(''));
    expect(screen.getByLabelText('I confirm this statement')).toBeChecked();
    // Nor in the mutation cache.
    await waitFor(() =>
      expect(client.getMutationCache().getAll().filter((mutation) => mutation.state.variables !== undefined)).toEqual([]),
    );
  });

  it('shows why core will not let this person sign, instead of the form', async () => {
    const refusal = 'You wrote this version, so another approver must sign it off: Priya Shah (SIRO)';
    const { ipc, user } = setup({
      policy_approval_statement: () => {
        throw commandError('refused', refusal);
      },
    });
    await startSigning(user);
    expect(await screen.findByText(refusal)).toBeInTheDocument();
    expect(byId('signoff-refused')).toHaveTextContent(refusal);
    expect(byId('signoff-confirm')).toBeNull();
    expect(byId('signoff-password')).toBeNull();
    expect(calls(ipc, 'policy_approve')).toBe(0);

    await user.click(byId('signoff-cancel') as HTMLElement);
    expect(await screen.findByRole('heading', { level: 1, name: 'Confidentiality' })).toBeInTheDocument();
  });

  it('records a review with no change against the policy', async () => {
    const review = `I, Jane Smith, as Caldicott Guardian, have reviewed version 1.0 of "Confidentiality" and it needs no change. Next review: 2027-03-05.`;
    const { ipc, user } = setup({
      policy_get: () => detailView({ canApprove: true }),
      policy_review_statement: () => ({ statement: review, roles: ['caldicott_guardian'] }),
      policy_review_no_change: () => policyRow({ nextReview: '2027-03-05' }),
    });
    await startSigning(user, 'Record a review with no change');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Record a review of Confidentiality with no change');
    expect(await screen.findByText(review)).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('policy_review_statement', { request: { id: 10 } });

    await user.click(screen.getByLabelText('I confirm this statement'));
    await user.type(screen.getByLabelText('Your password'), 'my password');
    await user.click(screen.getByRole('button', { name: 'Sign' }));
    expect(await screen.findByText('Review of Confidentiality recorded. Next review by 5 March 2027.')).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('policy_review_no_change', {
      request: { id: 10, password: 'my password', confirmed: true },
    });
  });
});
