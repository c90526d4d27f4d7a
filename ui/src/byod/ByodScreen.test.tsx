import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { commandError } from '../testing/commands';
import { appStatus, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { ByodScreen } from './ByodScreen';
import {
  byodHandler,
  byodView,
  checkRow,
  phoneChecklist,
  riskAccepted,
  SCREENSHOT_HASH,
  waitingForSiro,
  type ByodHandlers,
} from './testing';

function setup(handlers: ByodHandlers = {}) {
  const ipc = byodHandler({
    app_status: () => appStatus({ session }),
    byod_list: () => byodView(),
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<ByodScreen session={session} />) };
}

type Ipc = ReturnType<typeof setup>['ipc'];

const calls = (ipc: Ipc, command: string) => ipc.mock.calls.filter(([name]) => name === command).length;
const row = (id: number) => document.querySelector(`#byod-checks [data-byod="${id}"]`) as HTMLElement;
const byId = (id: string) => document.getElementById(id);

describe('ByodScreen: the checks', () => {
  it('lists every check newest first with its outcome, failed items and re-check date', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'BYOD checks' })).toBeInTheDocument();
    expect(await screen.findByRole('table')).toHaveAttribute('id', 'byod-checks');
    expect(screen.getByText(/use their own laptop or phone for practice work/)).toBeInTheDocument();

    const order = [...document.querySelectorAll('#byod-checks tbody tr')].map((tr) => tr.getAttribute('data-byod'));
    expect(order).toEqual(['71', '70', '72', '73']);

    const approved = row(70);
    expect(approved).toHaveTextContent('Jordan Ellis');
    expect(approved).toHaveTextContent('PH-0012');
    expect(approved).toHaveTextContent('Personal mobile phone or tablet');
    expect(approved).toHaveTextContent('Version 1.1');
    expect(approved).toHaveTextContent('2 March 2026');
    expect(approved).toHaveTextContent('By Jane Smith');
    expect(within(approved).getByText('Approved')).toHaveClass('nhsuk-tag', 'nhsuk-tag--green');
    expect(approved).toHaveTextContent('2 March 2099');
    expect(within(approved).queryByText('Overdue')).toBeNull();

    const waiting = row(71);
    expect(within(waiting).getByText('Approved with risk')).toHaveClass('nhsuk-tag', 'nhsuk-tag--orange');
    expect(waiting).toHaveTextContent('Waiting for the SIRO');

    const accepted = row(72);
    expect(within(accepted).getByText('Approved with risk')).toHaveClass('nhsuk-tag--orange');
    expect(accepted).toHaveTextContent('Risk accepted by Priya Shah, 16 Jan 2026, 09:30');
    expect(accepted).not.toHaveTextContent('Waiting for the SIRO');
    expect(within(accepted).getByText('Overdue')).toHaveClass('nhsuk-tag', 'nhsuk-tag--red');

    const refusedRow = row(73);
    expect(within(refusedRow).getByText('Refused')).toHaveClass('nhsuk-tag', 'nhsuk-tag--red');
    expect(refusedRow).toHaveTextContent(/Re-check due\s*None/);
    expect(within(refusedRow).queryByText('Overdue')).toBeNull();

    // Failed items: a count of the answers core recorded.
    const failedCell = (tr: HTMLElement) => within(tr).getAllByRole('cell')[5];
    expect(failedCell(approved)).toHaveTextContent(/^Failed items 0$/);
    expect(failedCell(waiting)).toHaveTextContent(/^Failed items 1$/);
    expect(failedCell(refusedRow)).toHaveTextContent(/^Failed items 2$/);
  });

  it('says which roles core told of each check, and nothing of a clean one', async () => {
    setup({ byod_list: () => byodView({ checks: [checkRow(), checkRow({ id: 74, notified: ['DPO'] }), waitingForSiro] }) });
    await screen.findByRole('table');
    expect(row(70)).not.toHaveTextContent('Told');
    expect(within(row(74)).getByText('Told: DPO')).toBeInTheDocument();
    expect(within(row(71)).getByText('Told: SIRO and DPO')).toHaveClass('custodian-cell-note');
  });

  it('shows every answer of a check, with notes, evidence, the risk and the statement signed', async () => {
    setup();
    await screen.findByRole('table');
    const waiting = byId('byod-view-71') as HTMLElement;
    expect(within(row(71)).getByText(/See the answers/)).toBeInTheDocument();
    for (const item of phoneChecklist.items) expect(waiting).toHaveTextContent(item.text);
    const twoFactor = waiting.querySelector('[data-item="two-factor"]') as HTMLElement;
    expect(within(twoFactor).getByText('Fail')).toHaveClass('nhsuk-tag--red');
    expect(twoFactor).toHaveTextContent('The rota app has no two-factor option');
    expect(twoFactor).toHaveTextContent('rota-settings.png');
    expect(twoFactor).toHaveTextContent(SCREENSHOT_HASH.slice(0, 12));
    expect(within(twoFactor).getByTitle(SCREENSHOT_HASH)).toBeInTheDocument();
    expect(within(waiting.querySelector('[data-item="screen-lock"]') as HTMLElement).getByText('Pass')).toHaveClass(
      'nhsuk-tag--green',
    );
    expect(waiting).toHaveTextContent(`The risk: ${waitingForSiro.risk}`);
    expect(waiting).not.toHaveTextContent('The statement signed');

    const accepted = byId('byod-view-72') as HTMLElement;
    expect(within(accepted.querySelector('[data-item="browser-only"]') as HTMLElement).getByText('Not applicable')).toHaveClass(
      'nhsuk-tag--grey',
    );
    expect(accepted).toHaveTextContent('Windows Home: no BitLocker');
    expect(accepted).toHaveTextContent(`The statement signed: ${riskAccepted.riskStatement ?? ''}`);
    expect(byId('byod-view-73')).toHaveTextContent('No anti-virus');
  });

  it('offers whoever checks a new check and the checklists, but not accepting a risk', async () => {
    setup();
    expect(await screen.findByRole('button', { name: "Check a new starter's device" })).toHaveAttribute('id', 'byod-new');
    expect(screen.getByRole('heading', { level: 2, name: 'Checklists' })).toBeInTheDocument();
    expect(byId('byod-add-item-byod-computer')).toBeInTheDocument();
    expect(byId('byod-add-item-byod-phone')).toBeInTheDocument();
    const phone = byId('byod-checklist-view-byod-phone') as HTMLElement;
    expect(phone).toHaveTextContent('Personal mobile phone or tablet');
    expect(phone).toHaveTextContent('Version 1.1');
    for (const item of phoneChecklist.items) expect(phone).toHaveTextContent(item.text);
    expect(document.querySelector('[id^="byod-accept-"]')).toBeNull();
  });

  it('offers the SIRO to accept each risk still waiting, and nothing else', async () => {
    setup({ byod_list: () => byodView({ canCheck: false, canAcceptRisk: true }) });
    expect(await screen.findByRole('button', { name: /Accept the risk/ })).toHaveAttribute('id', 'byod-accept-71');
    expect(document.querySelectorAll('[id^="byod-accept-"]')).toHaveLength(1);
    expect(byId('byod-new')).toBeNull();
    expect(byId('byod-checklists')).toBeNull();
  });

  it('offers staff who neither check nor accept risks no action at all', async () => {
    setup({ byod_list: () => byodView({ canCheck: false, canAcceptRisk: false }) });
    await screen.findByRole('table');
    expect(byId('byod-new')).toBeNull();
    expect(byId('byod-checklists')).toBeNull();
    expect(document.querySelector('[id^="byod-add-item-"]')).toBeNull();
    expect(document.querySelector('[id^="byod-accept-"]')).toBeNull();
    expect(screen.queryAllByRole('button', { name: /Accept|Check a new|Add an item/ })).toEqual([]);
  });

  it('says when no device has been checked yet', async () => {
    setup({ byod_list: () => byodView({ checks: [] }) });
    expect(await screen.findByText(/has been checked yet/)).toBeInTheDocument();
    expect(byId('byod-checks-empty')).toBeInTheDocument();
    expect(byId('byod-checks')).toBeNull();
  });

  it('says why the checks cannot be shown, and tries again', async () => {
    let attempts = 0;
    const { user } = setup({
      byod_list: () => {
        attempts += 1;
        if (attempts === 1) throw commandError('internal', 'The vault could not be read');
        return byodView({ checks: [checkRow()] });
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The vault could not be read');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(row(70)).toBeInTheDocument();
  });
});

describe('ByodScreen: the checklists', () => {
  it('adds an item to a checklist and says so', async () => {
    const { ipc, user } = setup({
      byod_add_checklist_item: ({ checklistKey, text }) => ({
        ...phoneChecklist,
        key: checklistKey,
        version: '1.2',
        items: [...phoneChecklist.items, { key: 'practice-9', text }],
      }),
    });
    await screen.findByRole('table');
    const add = byId('byod-add-item-byod-phone') as HTMLElement;
    expect(add).toHaveTextContent('Add an item to Personal mobile phone or tablet');
    await user.click(add);
    expect(byId('byod-add-item-byod-phone')).toBeNull();
    await user.type(byId('byod-item-text') as HTMLElement, 'Bluetooth is off when not in use.');
    await user.click(byId('byod-item-save') as HTMLElement);

    expect(await screen.findByText('Item added to Personal mobile phone or tablet, now version 1.2')).toBeInTheDocument();
    expect(byId('byod-message')).toHaveAttribute('role', 'status');
    expect(ipc).toHaveBeenCalledWith('byod_add_checklist_item', {
      request: { checklistKey: 'byod-phone', text: 'Bluetooth is off when not in use.' },
    });
    expect(byId('byod-item-text')).toBeNull();
    await waitFor(() => expect(calls(ipc, 'byod_list')).toBe(2));
  });

  it("shows Rust's problem with the item beside it", async () => {
    const { user } = setup({
      byod_add_checklist_item: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'text', message: 'Write the item as a sentence of up to 300 characters' },
        ]);
      },
    });
    await screen.findByRole('table');
    await user.click(byId('byod-add-item-byod-computer') as HTMLElement);
    await user.click(byId('byod-item-save') as HTMLElement);
    expect(await screen.findByRole('link', { name: 'Write the item as a sentence of up to 300 characters' })).toHaveAttribute(
      'href',
      '#byod-item-text',
    );
    expect(byId('byod-item-text-error')).toHaveTextContent('Write the item as a sentence of up to 300 characters');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(byId('byod-item-text')).toBeNull();
    expect(byId('byod-add-item-byod-computer')).toBeInTheDocument();
  });
});

// Keeps the accepted-risk fixture's overdue date honest: it must stay in the past for the tag to show.
it('the accepted-risk fixture is long overdue', () => {
  expect((riskAccepted.recheckDue ?? '9999') < new Date().toISOString().slice(0, 10)).toBe(true);
});
