// Fixtures and typed command handlers for the disposals area's component tests.
import type {
  ChoiceOption,
  DisposalLogView,
  DisposalRequest,
  DisposalRow,
  ExportedFile,
  IdRequest,
  PersonRefView,
  SignOffStatement,
  SignRequest,
} from '../ipc';
import { commandHandler, type CommandHandlers } from '../testing/commands';

type DisposalCommands = {
  disposal_list: [undefined, DisposalLogView];
  disposal_record: [DisposalRequest, DisposalRow];
  disposal_check_statement: [IdRequest, SignOffStatement];
  disposal_check: [SignRequest, DisposalRow];
  disposal_certificate_export: [IdRequest, ExportedFile];
};

export type DisposalHandlers = CommandHandlers & {
  [Name in keyof DisposalCommands]?: (
    request: DisposalCommands[Name][0],
  ) => DisposalCommands[Name][1] | Promise<DisposalCommands[Name][1]>;
};

/** commandHandler, knowing the disposal commands too. */
export function disposalHandler(handlers: DisposalHandlers) {
  return commandHandler(handlers as CommandHandlers);
}

export const jane: PersonRefView = { id: 1, fullName: 'Jane Smith' };
export const priya: PersonRefView = { id: 3, fullName: 'Priya Shah' };

export const CERTIFICATE_HASH = '4b1e9d2c7a3f58e6b0c4d9a2e7f1b3c5d8a6e4f2b0c9d7e5a3f1b8c6d4e2a0f9';

/** The methods core lists for devices. */
export const deviceMethods: ChoiceOption[] = [
  { value: 'wipe_and_reuse', label: 'Wiped and re-used' },
  { value: 'crypto_erase', label: 'Crypto-erased' },
  { value: 'physical_destruction', label: 'Physically destroyed' },
  { value: 'return_to_supplier', label: 'Returned to supplier' },
];

/** The methods core lists for confidential waste. */
export const wasteMethods: ChoiceOption[] = [{ value: 'shredding', label: 'Shredded (paper)' }];

/** LT-0012 physically destroyed by SecureShred Ltd with a certificate, not yet checked, unless overridden. */
export function deviceDisposal(overrides: Partial<DisposalRow> = {}): DisposalRow {
  return {
    id: 40,
    assetTag: 'LT-0012',
    disposedOn: '2025-05-14',
    reason: 'End of life',
    method: 'physical_destruction',
    methodLabel: 'Physically destroyed',
    sanitisationStandard: 'NCSC secure sanitisation',
    performedBy: 'SecureShred Ltd',
    contractor: 'Northern IT Recycling',
    contractReference: 'NITR-2025-07',
    certificateNumber: 'COD-88121',
    certificate: { fileName: 'COD-88121.pdf', sha256: CERTIFICATE_HASH, mediaType: 'application/pdf', size: 250_880 },
    witness: 'Jordan Ellis',
    reuseAssessment: '',
    consignmentReference: '',
    containers: null,
    recordedBy: jane,
    recordedAt: '2025-05-14T10:00:00Z',
    checkedBy: null,
    checkedAt: null,
    checkStatement: null,
    ...overrides,
  };
}

/** Four bags of confidential waste collected by Shred-It, checked by Priya Shah, unless overridden. */
export function wasteCollection(overrides: Partial<DisposalRow> = {}): DisposalRow {
  return {
    id: 41,
    assetTag: null,
    disposedOn: '2025-06-02',
    reason: '',
    method: 'shredding',
    methodLabel: 'Shredded (paper)',
    sanitisationStandard: '',
    performedBy: 'Shred-It',
    contractor: '',
    contractReference: '',
    certificateNumber: '',
    certificate: null,
    witness: '',
    reuseAssessment: '',
    consignmentReference: 'WTN-5521',
    containers: 4,
    recordedBy: jane,
    recordedAt: '2025-06-02T09:00:00Z',
    checkedBy: priya,
    checkedAt: '2025-06-03T12:00:00Z',
    checkStatement:
      'I, Priya Shah, have checked the confidential-waste collection, consignment WTN-5521 on 2025-06-02, with no certificate attached, and the record is correct.',
    ...overrides,
  };
}

/** The log as a practice manager who is also the IG lead sees it. */
export function logView(overrides: Partial<DisposalLogView> = {}): DisposalLogView {
  return {
    disposals: [wasteCollection(), deviceDisposal()],
    canRecord: true,
    canCheck: true,
    devices: [
      { id: 7, label: 'LT-0007 — Laptop Dell Latitude 5440' },
      { id: 12, label: 'DT-0012 — Desktop HP EliteDesk 800' },
    ],
    deviceMethods,
    wasteMethods,
    ...overrides,
  };
}
