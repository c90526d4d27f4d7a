import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { PoliciesForMeView } from '../ipc';
import {
  acknowledgedPolicy,
  acknowledgementRow,
  policiesForMe,
  policyForMe,
  policyTextView,
  versionRow,
  waitingPolicy,
} from '../testing/acknowledgementFixtures';
import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { renderWithQuery } from '../testing/render';
import { PoliciesForYou } from './PoliciesForYou';

function setup(mine: () => PoliciesForMeView, handlers: CommandHandlers = {}) {
  const ipc = commandHandler({
    ack_mine: mine,
    policy_text: () => policyTextView,
    ack_open: () => null,
    ack_reached_end: () => null,
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<PoliciesForYou />) };
}

const onBehalf = policyForMe({
  policyId: 4,
  title: 'Clear desk policy',
  version: versionRow({ id: 41, policyId: 4, number: '1.1' }),
  acknowledgement: acknowledgementRow({
    versionId: 41,
    acknowledgedAt: '2026-03-03T09:00:00Z',
    method: 'on_behalf',
    recordedBy: { id: 1, fullName: 'Jane Smith' },
    reason: 'signed the paper sheet',
  }),
});

describe('PoliciesForYou', () => {
  it('lists the policies waiting first, then those acknowledged under a disclosure', async () => {
    setup(() => policiesForMe([waitingPolicy, acknowledgedPolicy, onBehalf]));
    const section = document.getElementById('policies-for-you') as HTMLElement;
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent('Policies for you');

    const waiting = await screen.findByText('Data protection policy');
    expect(section).toHaveTextContent('1 policy is waiting for you to read and acknowledge.');
    expect(document.getElementById('policies-waiting')).toContainElement(waiting);
    expect(document.getElementById('policies-waiting')).toHaveTextContent('Version 2.0, waiting since 1 April 2026');
    expect(document.getElementById('read-policy-11')).toHaveTextContent('Read and acknowledge');
    expect(document.getElementById('policies-waiting')).not.toHaveTextContent('Acceptable use policy');

    const done = document.getElementById('policies-acknowledged') as HTMLElement;
    expect(done.tagName).toBe('DETAILS');
    expect(within(done).getByText('Acknowledged (2)')).toBeInTheDocument();
    expect(done).toHaveTextContent('Version 1.0, acknowledged on 12 January 2026');
    expect(done).toHaveTextContent('Version 1.1, acknowledged on 3 March 2026 (recorded on your behalf)');
    // Waiting ones come first in the page.
    expect(waiting.compareDocumentPosition(done) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByText('Nothing is waiting for you.')).toBeNull();
  });

  it('says when nothing is waiting', async () => {
    setup(() => policiesForMe([acknowledgedPolicy]));
    expect(await screen.findByText('Nothing is waiting for you.')).toHaveAttribute('id', 'policies-for-you-empty');
    expect(screen.getByText('Acknowledged (1)')).toBeInTheDocument();

    setup(() => policiesForMe([]));
    await waitFor(() => expect(screen.getAllByText('Nothing is waiting for you.')).toHaveLength(2));
  });

  it('opens a policy to read, goes back, and reads the list again after acknowledging', async () => {
    let mine = policiesForMe([policyForMe({ reachedEnd: true })]);
    const { ipc, user } = setup(() => mine, {
      ack_acknowledge: () => {
        const acknowledgement = acknowledgementRow({ acknowledgedAt: '2026-05-04T13:05:00Z' });
        mine = policiesForMe([policyForMe({ reachedEnd: true, acknowledgement })]);
        return acknowledgement;
      },
    });
    await user.click(await screen.findByRole('button', { name: /Read and acknowledge/ }));

    expect(await screen.findByRole('region', { name: 'Policy text' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveFocus();
    expect(screen.queryByText('Policies for you')).toBeNull();

    await user.click(document.getElementById('ack-confirm') as HTMLElement);
    await user.click(document.getElementById('ack-submit') as HTMLElement);
    await waitFor(() =>
      expect(document.getElementById('ack-done')).toHaveTextContent(
        'You acknowledged Data protection policy version 2.0 on 4 May 2026',
      ),
    );
    await waitFor(() => expect(ipc.mock.calls.filter(([command]) => command === 'ack_mine')).toHaveLength(2));

    await user.click(screen.getByRole('button', { name: 'Back to your policies' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Policies for you' })).toHaveFocus();
    expect(screen.getByText('Nothing is waiting for you.')).toBeInTheDocument();
    expect(screen.getByText('Acknowledged (1)')).toBeInTheDocument();
  });

  it('says why the list cannot be shown, and tries again', async () => {
    let attempts = 0;
    const { user } = setup(() => {
      attempts += 1;
      if (attempts === 1) throw commandError('internal', 'The vault cannot be read');
      return policiesForMe([]);
    });
    expect(await screen.findByText('The vault cannot be read')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Nothing is waiting for you.')).toBeInTheDocument();
  });
});
