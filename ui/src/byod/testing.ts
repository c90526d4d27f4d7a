// Fixtures and typed command handlers for the BYOD area's component tests.
import type {
  ByodCheckRequest,
  ByodCheckRow,
  ByodView,
  ChecklistItemRequest,
  ChecklistView,
  CheckedItemView,
  IdRequest,
  PersonRefView,
  SignOffStatement,
  SignRequest,
} from '../ipc';
import { commandHandler, type CommandHandlers } from '../testing/commands';

type ByodCommands = {
  byod_list: [undefined, ByodView];
  byod_record: [ByodCheckRequest, ByodCheckRow];
  byod_add_checklist_item: [ChecklistItemRequest, ChecklistView];
  byod_risk_statement: [IdRequest, SignOffStatement];
  byod_accept_risk: [SignRequest, ByodCheckRow];
};

export type ByodHandlers = CommandHandlers & {
  [Name in keyof ByodCommands]?: (
    request: ByodCommands[Name][0],
  ) => ByodCommands[Name][1] | Promise<ByodCommands[Name][1]>;
};

/** commandHandler, knowing the BYOD commands too. */
export function byodHandler(handlers: ByodHandlers) {
  return commandHandler(handlers as CommandHandlers);
}

export const jane: PersonRefView = { id: 1, fullName: 'Jane Smith' };
export const jordan: PersonRefView = { id: 2, fullName: 'Jordan Ellis' };
export const priya: PersonRefView = { id: 3, fullName: 'Priya Shah' };

export const SCREENSHOT_HASH = '7d3f1a9c2b8e4f60a5e9c2d4b8f1a3e7c6d0b9a8f7e6d5c4b3a2918070615243';

/** The checklists as core lists them (shortened to three items each). */
export const computerChecklist: ChecklistView = {
  key: 'byod-computer',
  version: '1.0',
  title: 'Personal laptop or computer',
  items: [
    { key: 'antivirus', text: 'Anti-virus software is installed and updates itself automatically.' },
    { key: 'encryption', text: 'The device is encrypted (for example BitLocker or FileVault).' },
    { key: 'browser-only', text: 'Practice data is reached through the web browser only; nothing is downloaded to the device.' },
  ],
};

export const phoneChecklist: ChecklistView = {
  key: 'byod-phone',
  version: '1.1',
  title: 'Personal mobile phone or tablet',
  items: [
    { key: 'screen-lock', text: 'A screen lock (PIN, password or biometrics) is on.' },
    { key: 'two-factor', text: 'Two-factor authentication is on wherever it is available.' },
    { key: 'practice-8', text: 'The phone is not shared with family members.' },
  ],
};

/** Answers: every item passed unless overridden. */
export function checkedItems(checklist: ChecklistView, overrides: Record<string, Partial<CheckedItemView>> = {}) {
  return checklist.items.map(
    (item): CheckedItemView => ({ key: item.key, text: item.text, result: 'pass', note: '', evidence: null, ...overrides[item.key] }),
  );
}

/** Jordan Ellis's phone PH-0012, checked by Jane Smith and approved, unless overridden. */
export function checkRow(overrides: Partial<ByodCheckRow> = {}): ByodCheckRow {
  return {
    id: 70,
    person: jordan,
    deviceId: 50,
    assetTag: 'PH-0012',
    checklistTitle: phoneChecklist.title,
    checklistVersion: '1.1',
    checkedBy: jane,
    checkedOn: '2026-03-02',
    items: checkedItems(phoneChecklist),
    outcome: 'approved',
    risk: '',
    riskAcceptedBy: null,
    riskAcceptedAt: null,
    riskStatement: null,
    recheckDue: '2099-03-02',
    notified: [],
    ...overrides,
  };
}

export const RISK = 'Two-factor authentication is not available for the rota app on this phone.';

export const STATEMENT = `I, Priya Shah, as SIRO, accept the risk of Sam Patel's personal mobile phone or tablet (PH-0020) being used for practice work: ${RISK}`;

/** Sam Patel's phone, approved with a risk the SIRO has not yet accepted. */
export const waitingForSiro = checkRow({
  id: 71,
  person: { id: 4, fullName: 'Sam Patel' },
  deviceId: 52,
  assetTag: 'PH-0020',
  checkedOn: '2026-04-10',
  items: checkedItems(phoneChecklist, {
    'two-factor': {
      result: 'fail',
      note: 'The rota app has no two-factor option',
      evidence: { fileName: 'rota-settings.png', sha256: SCREENSHOT_HASH, mediaType: 'image/png', size: 48213 },
    },
  }),
  outcome: 'approved_with_risk',
  risk: RISK,
  recheckDue: '2099-04-10',
  notified: ['SIRO', 'DPO'],
});

/** Lee Hart's laptop, approved with a risk Priya Shah accepted. */
export const riskAccepted = checkRow({
  id: 72,
  person: { id: 5, fullName: 'Lee Hart' },
  deviceId: 53,
  assetTag: 'LT-0031',
  checklistTitle: computerChecklist.title,
  checklistVersion: '1.0',
  checkedOn: '2026-01-15',
  items: checkedItems(computerChecklist, {
    encryption: { result: 'fail', note: 'Windows Home: no BitLocker' },
    'browser-only': { result: 'not_applicable' },
  }),
  outcome: 'approved_with_risk',
  risk: 'The laptop is not encrypted; practice data stays in the browser.',
  riskAcceptedBy: priya,
  riskAcceptedAt: '2026-01-16T09:30:00Z',
  riskStatement: "I, Priya Shah, as SIRO, accept the risk of Lee Hart's personal laptop or computer (LT-0031) being used for practice work: The laptop is not encrypted; practice data stays in the browser.",
  recheckDue: '2021-01-15',
  notified: ['SIRO', 'DPO'],
});

/** Alex Moore's laptop, refused: no re-check falls due. */
export const refused = checkRow({
  id: 73,
  person: { id: 6, fullName: 'Alex Moore' },
  deviceId: 54,
  assetTag: 'LT-0007',
  checklistTitle: computerChecklist.title,
  checklistVersion: '1.0',
  checkedOn: '2019-06-03',
  items: checkedItems(computerChecklist, {
    antivirus: { result: 'fail', note: 'No anti-virus' },
    encryption: { result: 'fail', note: 'Not encrypted' },
  }),
  outcome: 'refused',
  recheckDue: null,
  notified: ['SIRO', 'DPO'],
});

/** The BYOD screen as a practice manager (who checks, and is not the SIRO) sees it. */
export function byodView(overrides: Partial<ByodView> = {}): ByodView {
  return {
    checks: [waitingForSiro, checkRow(), riskAccepted, refused],
    checklists: [computerChecklist, phoneChecklist],
    canCheck: true,
    canAcceptRisk: false,
    devices: [
      { id: 50, label: 'PH-0012 — Mobile phone Samsung Galaxy A54', checklistKey: 'byod-phone', holderId: 2 },
      { id: 51, label: 'LT-0040 — Laptop Dell XPS 13', checklistKey: 'byod-computer', holderId: null },
    ],
    people: [jane, jordan, priya],
    ...overrides,
  };
}
