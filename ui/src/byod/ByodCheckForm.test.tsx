import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { ByodCheckRequest } from '../ipc';
import { today } from '../shared/dates';
import { commandError } from '../testing/commands';
import { appStatus, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { ByodScreen } from './ByodScreen';
import { byodHandler, byodView, checkedItems, checkRow, computerChecklist, jordan, phoneChecklist, RISK, type ByodHandlers } from './testing';

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
type User = ReturnType<typeof setup>['user'];

const calls = (ipc: Ipc, command: string) => ipc.mock.calls.filter(([name]) => name === command).length;
const byId = (id: string) => document.getElementById(id) as HTMLElement;

async function startCheck(user: User) {
  await user.click(await screen.findByRole('button', { name: "Check a new starter's device" }));
  expect(screen.getByRole('heading', { level: 1, name: "Check a new starter's device" })).toBeInTheDocument();
}

/** What Rust records for a request: the answers as sent, with their texts, telling the SIRO and DPO of a failure or a risk. */
function recorded(request: ByodCheckRequest) {
  const checklist = request.checklistKey === phoneChecklist.key ? phoneChecklist : computerChecklist;
  const told = request.outcome === 'approved_with_risk' || request.answers.some((answer) => answer.result === 'fail');
  return checkRow({
    notified: told ? ['SIRO', 'DPO'] : [],
    person: jordan,
    items: checkedItems(
      checklist,
      Object.fromEntries(request.answers.map((answer) => [answer.itemKey, { result: answer.result, note: answer.note }])),
    ),
    outcome: request.outcome,
    risk: request.risk,
  });
}

describe('ByodCheckForm', () => {
  it('starts today with nothing chosen, and lists the people, devices and checklists core gave', async () => {
    const { user } = setup();
    await startCheck(user);
    expect(byId('byod-date')).toHaveAttribute('type', 'date');
    expect(byId('byod-date')).toHaveValue(today());
    expect(byId('byod-person')).toHaveValue('');
    expect(byId('byod-device')).toHaveValue('');
    expect(screen.getByText("Register the person's own device under Devices first, as a personal device")).toBeInTheDocument();
    expect(within(byId('byod-person')).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Choose a person',
      'Jane Smith',
      'Jordan Ellis',
      'Priya Shah',
    ]);
    expect(within(byId('byod-device')).getByRole('option', { name: 'LT-0040 — Laptop Dell XPS 13' })).toBeInTheDocument();
    expect(byId('byod-checklist-byod-computer')).not.toBeChecked();
    expect(byId('byod-checklist-byod-phone')).not.toBeChecked();
    // No items until a checklist is chosen; no risk until the outcome asks for one.
    expect(byId('byod-items')).toBeNull();
    expect(byId('byod-risk')).toBeNull();
    for (const outcome of ['approved', 'approved_with_risk', 'refused']) {
      expect(byId(`byod-outcome-${outcome}`)).toHaveAttribute('type', 'radio');
    }
    expect(screen.getByText('The SIRO is asked to accept the risk, and the SIRO and DPO are told.')).toBeInTheDocument();
  });

  it('preselects no checklist for a device core fits none to', async () => {
    const watch = { id: 55, label: 'WA-0001 — Other Smartwatch', checklistKey: null, holderId: null };
    const { user } = setup({ byod_list: () => byodView({ devices: [...byodView().devices, watch] }) });
    await startCheck(user);
    await user.selectOptions(byId('byod-device'), 'LT-0040 — Laptop Dell XPS 13');
    await user.selectOptions(byId('byod-device'), watch.label);
    // The checklist chosen before stays: core names none for this device.
    expect(byId('byod-checklist-byod-computer')).toBeChecked();
    expect(byId('byod-checklist-byod-phone')).not.toBeChecked();
  });

  it('preselects the checklist core names for the device, and its holder when no one is chosen yet', async () => {
    const { user } = setup();
    await startCheck(user);

    await user.selectOptions(byId('byod-device'), 'LT-0040 — Laptop Dell XPS 13');
    expect(byId('byod-checklist-byod-computer')).toBeChecked();
    expect(byId('byod-person')).toHaveValue('');
    for (const item of computerChecklist.items) {
      expect(within(byId(`byod-item-${item.key}`)).getByText(item.text)).toBeInTheDocument();
    }

    await user.selectOptions(byId('byod-person'), 'Priya Shah');
    await user.selectOptions(byId('byod-device'), 'PH-0012 — Mobile phone Samsung Galaxy A54');
    expect(byId('byod-checklist-byod-phone')).toBeChecked();
    expect(byId('byod-checklist-byod-computer')).not.toBeChecked();
    // The person already chosen stays.
    expect(byId('byod-person')).toHaveValue('3');
    expect(byId('byod-item-antivirus')).toBeNull();
    expect(byId('byod-item-screen-lock')).toBeInTheDocument();
  });

  it('sends every item with its answer, note and evidence, the outcome and the risk, then says who was told', async () => {
    const { ipc, user } = setup({
      byod_record: (request) => recorded(request),
      'plugin:dialog|open': () => '/home/jane/Pictures/rota settings.png',
    });
    await startCheck(user);
    await user.selectOptions(byId('byod-device'), 'PH-0012 — Mobile phone Samsung Galaxy A54');
    // The holder of the phone.
    expect(byId('byod-person')).toHaveValue('2');
    expect(byId('byod-checklist-byod-phone')).toBeChecked();
    await user.clear(byId('byod-date'));
    await user.type(byId('byod-date'), '2026-05-01');

    const screenLock = within(byId('byod-item-screen-lock'));
    expect(screenLock.getByLabelText('Pass')).toHaveAttribute('id', 'byod-item-screen-lock-pass');
    await user.click(byId('byod-item-screen-lock-pass'));
    await user.type(byId('byod-item-screen-lock-evidence'), '/home/jane/Pictures/lock.jpg');
    await user.click(byId('byod-item-two-factor-fail'));
    await user.type(byId('byod-item-two-factor-note'), 'The rota app has no two-factor option');
    await user.click(byId('byod-item-two-factor-choose'));
    await waitFor(() => expect(byId('byod-item-two-factor-evidence')).toHaveValue('/home/jane/Pictures/rota settings.png'));
    await user.click(byId('byod-item-practice-8-not_applicable'));

    await user.click(byId('byod-outcome-approved_with_risk'));
    expect(screen.getByLabelText('What is the risk?')).toHaveAttribute('id', 'byod-risk');
    await user.type(byId('byod-risk'), RISK);
    await user.click(byId('byod-save'));

    expect(await screen.findByRole('heading', { level: 1, name: 'BYOD checks' })).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('byod_record', {
      request: {
        personId: 2,
        deviceId: 50,
        checklistKey: 'byod-phone',
        checkedOn: '2026-05-01',
        answers: [
          { itemKey: 'screen-lock', result: 'pass', note: '', evidencePath: '/home/jane/Pictures/lock.jpg' },
          {
            itemKey: 'two-factor',
            result: 'fail',
            note: 'The rota app has no two-factor option',
            evidencePath: '/home/jane/Pictures/rota settings.png',
          },
          { itemKey: 'practice-8', result: 'not_applicable', note: '', evidencePath: '' },
        ],
        outcome: 'approved_with_risk',
        risk: RISK,
      },
    });
    const message = byId('byod-message');
    expect(message).toHaveAttribute('role', 'status');
    expect(message).toHaveTextContent(
      "Check recorded for Jordan Ellis's PH-0012: approved with risk. The SIRO and DPO have been told.",
    );
    await waitFor(() => expect(calls(ipc, 'byod_list')).toBe(2));
  });

  it('says nothing of the SIRO and DPO for a clean approval, and sends no risk it does not ask', async () => {
    const { ipc, user } = setup({ byod_record: (request) => recorded(request) });
    await startCheck(user);
    await user.selectOptions(byId('byod-person'), 'Jordan Ellis');
    await user.selectOptions(byId('byod-device'), 'LT-0040 — Laptop Dell XPS 13');
    for (const item of computerChecklist.items) await user.click(byId(`byod-item-${item.key}-pass`));
    await user.click(byId('byod-outcome-approved_with_risk'));
    await user.type(byId('byod-risk'), 'Something');
    await user.click(byId('byod-outcome-approved'));
    expect(byId('byod-risk')).toBeNull();
    await user.click(byId('byod-save'));

    expect(await screen.findByText("Check recorded for Jordan Ellis's PH-0012: approved.")).toBeInTheDocument();
    expect(byId('byod-message')).not.toHaveTextContent('SIRO');
    const request = ipc.mock.calls.find(([name]) => name === 'byod_record')?.[1] as { request: ByodCheckRequest };
    expect(request.request.risk).toBe('');
    expect(request.request.checklistKey).toBe('byod-computer');
    expect(request.request.answers.map((answer) => answer.result)).toEqual(['pass', 'pass', 'pass']);
  });

  it('sends unanswered items blank, and shows each problem Rust finds with an answer beside its item', async () => {
    const problems = [
      { field: 'answers', item: 'screen-lock', message: 'Answer every item: "A screen lock (PIN, password or biometrics) is on."' },
      {
        field: 'answers',
        item: 'two-factor',
        message: 'Choose pass, fail or not applicable for "Two-factor authentication is on wherever it is available."',
      },
      { field: 'note', item: 'practice-8', message: 'Say what is wrong for the failed item "The phone is not shared with family members."' },
      { field: 'evidencePath', item: 'two-factor', message: 'The screenshot must be a PNG, JPEG or PDF file' },
    ];
    const { ipc, user } = setup({
      byod_record: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          ...problems,
          { field: 'outcome', message: 'Choose the outcome of the check' },
        ]);
      },
    });
    await startCheck(user);
    await user.selectOptions(byId('byod-device'), 'PH-0012 — Mobile phone Samsung Galaxy A54');
    await user.click(byId('byod-item-practice-8-fail'));
    await user.click(byId('byod-save'));

    const summary = await screen.findByRole('alert');
    const links = within(byId('error-summary')).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      [problems[0]?.message, '#byod-item-screen-lock-pass'],
      [problems[1]?.message, '#byod-item-two-factor-pass'],
      [problems[2]?.message, '#byod-item-practice-8-note'],
      [problems[3]?.message, '#byod-item-two-factor-evidence'],
      ['Choose the outcome of the check', '#byod-outcome-approved'],
    ]);
    expect(summary).not.toHaveTextContent('Check the highlighted answers');

    expect(byId('byod-item-screen-lock-error')).toHaveTextContent('Answer every item');
    expect(byId('byod-item-screen-lock')).toHaveAttribute('aria-describedby', 'byod-item-screen-lock-error');
    const twoFactor = byId('byod-item-two-factor-error');
    expect(twoFactor).toHaveTextContent('Choose pass, fail or not applicable');
    expect(twoFactor).toHaveTextContent('The screenshot must be a PNG, JPEG or PDF file');
    expect(twoFactor).not.toHaveTextContent('Answer every item');
    expect(byId('byod-item-practice-8-error')).toHaveTextContent('Say what is wrong for the failed item');
    expect(byId('byod-item-practice-8').parentElement).toHaveClass('nhsuk-form-group--error');
    expect(byId('byod-items-error')).toBeNull();
    expect(byId('byod-outcome-error')).toHaveTextContent('Choose the outcome of the check');

    expect(ipc).toHaveBeenCalledWith('byod_record', {
      request: {
        personId: 2,
        deviceId: 50,
        checklistKey: 'byod-phone',
        checkedOn: today(),
        answers: [
          { itemKey: 'screen-lock', result: '', note: '', evidencePath: '' },
          { itemKey: 'two-factor', result: '', note: '', evidencePath: '' },
          { itemKey: 'practice-8', result: 'fail', note: '', evidencePath: '' },
        ],
        outcome: '',
        risk: '',
      },
    });
  });

  it('shows a problem with the answers that names no item above the items', async () => {
    const stray = 'bluetooth is not an item of this checklist';
    const { user } = setup({
      byod_record: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [{ field: 'answers', message: stray }]);
      },
    });
    await startCheck(user);
    await user.selectOptions(byId('byod-device'), 'PH-0012 — Mobile phone Samsung Galaxy A54');
    await user.click(byId('byod-save'));
    expect(await screen.findByRole('link', { name: stray })).toHaveAttribute('href', '#byod-item-screen-lock-pass');
    expect(byId('byod-items-error')).toHaveTextContent(stray);
    expect(byId('byod-item-screen-lock')).toHaveAttribute('aria-describedby', 'byod-items-error');
    expect(byId('byod-item-screen-lock-error')).toBeNull();
  });

  it('asks for the person and the device before sending, and shows what Rust says of the rest', async () => {
    const { ipc, user } = setup({
      byod_record: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'checklistKey', message: 'Choose a checklist' },
          { field: 'checkedOn', message: 'A check cannot be recorded before it happens' },
        ]);
      },
    });
    await startCheck(user);
    await user.click(byId('byod-save'));
    expect(await screen.findByRole('link', { name: 'Choose whose device it is' })).toHaveAttribute('href', '#byod-person');
    expect(screen.getByRole('link', { name: 'Choose the device' })).toHaveAttribute('href', '#byod-device');
    expect(calls(ipc, 'byod_record')).toBe(0);

    await user.selectOptions(byId('byod-person'), 'Jane Smith');
    await user.selectOptions(byId('byod-device'), 'PH-0012 — Mobile phone Samsung Galaxy A54');
    // Rust's problems with the checklist and the day go beside them.
    await user.click(byId('byod-save'));
    expect(await screen.findByRole('link', { name: 'A check cannot be recorded before it happens' })).toHaveAttribute(
      'href',
      '#byod-date',
    );
    expect(screen.getByRole('link', { name: 'Choose a checklist' })).toHaveAttribute('href', '#byod-checklist-byod-computer');
    expect(byId('byod-checklist-error')).toHaveTextContent('Choose a checklist');
  });

  it('goes back to the checks without recording anything', async () => {
    const { ipc, user } = setup();
    await startCheck(user);
    await user.click(byId('byod-cancel'));
    expect(await screen.findByRole('heading', { level: 1, name: 'BYOD checks' })).toBeInTheDocument();
    expect(calls(ipc, 'byod_record')).toBe(0);
  });
});
