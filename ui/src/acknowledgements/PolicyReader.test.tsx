import { mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { PolicyForMeRow } from '../ipc';
import {
  acknowledgementRow,
  policiesForMe,
  policyForMe,
  policyTextView,
  STATEMENT,
  waitingPolicy,
} from '../testing/acknowledgementFixtures';
import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { renderWithQuery } from '../testing/render';
import { PolicyReader } from './PolicyReader';

function setup(handlers: CommandHandlers = {}, policy: PolicyForMeRow = waitingPolicy) {
  const ipc = commandHandler({
    policy_text: () => policyTextView,
    ack_open: () => null,
    ack_reached_end: () => null,
    ack_mine: () => policiesForMe(),
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<PolicyReader policy={policy} statement={STATEMENT} />) };
}

/** jsdom has no layout: give the reader's region the sizes of a text longer than the window. */
function layOutLongText() {
  const size = (value: number) =>
    function (this: Element) {
      return this.id === 'policy-reader' ? value : 0;
    };
  vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(size(2000));
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(size(400));
}

function scrollReaderTo(scrollTop: number) {
  const region = document.getElementById('policy-reader') as HTMLElement;
  Object.defineProperty(region, 'scrollTop', { configurable: true, value: scrollTop });
  fireEvent.scroll(region);
}

const confirm = () => document.getElementById('ack-confirm') as HTMLInputElement;
const submit = () => document.getElementById('ack-submit') as HTMLButtonElement;
const calls = (ipc: ReturnType<typeof setup>['ipc'], name: string) =>
  ipc.mock.calls.filter(([command]) => command === name);

describe('PolicyReader', () => {
  it('opens the acknowledgement only once the reader reaches the end, then sends it', async () => {
    layOutLongText();
    const { ipc, user } = setup({
      ack_acknowledge: () => acknowledgementRow({ versionId: 11, acknowledgedAt: '2026-05-04T13:05:00Z' }),
    });
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Version 2.0');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Data protection policy');
    const region = await screen.findByRole('region', { name: 'Policy text' });
    expect(region).toHaveAttribute('id', 'policy-reader');
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region).toContainElement(screen.getByText('Purpose'));
    expect(region).toContainElement(document.getElementById('policy-reader-end'));
    expect(ipc).toHaveBeenCalledWith('ack_open', { request: { id: 11 } });
    expect(ipc).toHaveBeenCalledWith('policy_text', { request: { id: 11 } });

    expect(screen.getByText('Scroll to the end of the policy to acknowledge it')).toBeInTheDocument();
    expect(screen.getByLabelText(STATEMENT)).toBe(confirm());
    expect(confirm()).toBeDisabled();
    expect(submit()).toBeDisabled();

    scrollReaderTo(1000);
    expect(confirm()).toBeDisabled();
    expect(calls(ipc, 'ack_reached_end')).toHaveLength(0);

    scrollReaderTo(1600);
    await waitFor(() => expect(confirm()).toBeEnabled());
    expect(submit()).toBeEnabled();
    expect(screen.queryByText('Scroll to the end of the policy to acknowledge it')).toBeNull();
    expect(ipc).toHaveBeenCalledWith('ack_reached_end', { request: { id: 11 } });

    scrollReaderTo(1200);
    scrollReaderTo(1600);
    expect(calls(ipc, 'ack_reached_end')).toHaveLength(1);
    expect(calls(ipc, 'ack_open')).toHaveLength(1);

    await user.click(confirm());
    await user.click(submit());

    const done = await screen.findByText(/You acknowledged Data protection policy version 2.0 on/);
    expect(document.getElementById('ack-done')).toContainElement(done);
    expect(document.getElementById('ack-done')).toHaveTextContent(
      'You acknowledged Data protection policy version 2.0 on 4 May 2026',
    );
    expect(ipc).toHaveBeenCalledWith('ack_acknowledge', { request: { versionId: 11, confirmed: true } });
    expect(document.getElementById('ack-submit')).toBeNull();
  });

  it('needs no scrolling for a text that fits: it is at its end once shown', async () => {
    const { ipc } = setup();
    await waitFor(() => expect(confirm()).toBeEnabled());
    expect(calls(ipc, 'ack_reached_end')).toHaveLength(1);
  });

  it('opens the acknowledgement at once for someone who already read to the end', async () => {
    layOutLongText();
    const { ipc } = setup({}, policyForMe({ reachedEnd: true }));
    await screen.findByRole('region', { name: 'Policy text' });
    expect(confirm()).toBeEnabled();
    expect(submit()).toBeEnabled();
    expect(calls(ipc, 'ack_reached_end')).toHaveLength(0);
  });

  it('shows why Rust refused, such as a version replaced in the meantime', async () => {
    const refusal = 'Version 2.0 of "Data protection policy" has been replaced; read and acknowledge the current version, 2.1';
    const { user } = setup({
      ack_acknowledge: () => {
        throw commandError('refused', refusal);
      },
    });
    await waitFor(() => expect(confirm()).toBeEnabled());
    await user.click(confirm());
    await user.click(submit());

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent(refusal);
    expect(document.getElementById('ack-error-summary')).toHaveFocus();
    expect(document.getElementById('ack-done')).toBeNull();
  });

  it('shows beside the statement that it must be confirmed, when Rust says so', async () => {
    const { ipc, user } = setup({
      ack_acknowledge: () => {
        throw commandError('invalid_input', 'Check the acknowledgement', [
          { field: 'confirmed', message: 'Confirm that you have read and understood the policy' },
        ]);
      },
    });
    await waitFor(() => expect(submit()).toBeEnabled());
    await user.click(submit());

    expect(await screen.findByRole('link', { name: 'Confirm that you have read and understood the policy' })).toHaveAttribute(
      'href',
      '#ack-confirm',
    );
    expect(document.getElementById('ack-confirm-error')).toHaveTextContent('Confirm that you have read');
    expect(ipc).toHaveBeenCalledWith('ack_acknowledge', { request: { versionId: 11, confirmed: false } });
  });

  it('shows the text and when it was acknowledged, with no controls, once acknowledged', async () => {
    const acknowledged = policyForMe({
      reachedEnd: true,
      acknowledgement: acknowledgementRow({
        acknowledgedAt: '2026-04-03T10:00:00Z',
        method: 'on_behalf',
        recordedBy: { id: 1, fullName: 'Jane Smith' },
        reason: 'signed the paper sheet on 3 April',
      }),
    });
    const { ipc } = setup({}, acknowledged);
    await screen.findByRole('region', { name: 'Policy text' });
    expect(document.getElementById('ack-already')).toHaveTextContent(
      'You acknowledged this on 3 April 2026, recorded on your behalf by Jane Smith: signed the paper sheet on 3 April.',
    );
    expect(document.getElementById('ack-confirm')).toBeNull();
    expect(document.getElementById('ack-submit')).toBeNull();
    expect(calls(ipc, 'ack_open')).toHaveLength(0);
    expect(calls(ipc, 'ack_reached_end')).toHaveLength(0);
  });
});
