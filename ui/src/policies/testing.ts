// Fixtures and typed command handlers for the policies area's component tests.
import type {
  AcknowledgementRow,
  EditDraftRequest,
  IdRequest,
  NewVersionRequest,
  PolicyDetailView,
  PolicyFormRequest,
  PolicyRegisterView,
  PolicyRow,
  PolicyTextView,
  PolicyUpdateRequest,
  ReturnToDraftRequest,
  SignOffRow,
  SignOffStatement,
  SignRequest,
  VersionRow,
} from '../ipc';
import { commandHandler, type CommandHandlers } from '../testing/commands';
import { roleOptions } from '../testing/fixtures';

type PolicyCommands = {
  policy_list: [undefined, PolicyRegisterView];
  policy_get: [IdRequest, PolicyDetailView];
  policy_text: [IdRequest, PolicyTextView];
  policy_add: [PolicyFormRequest, PolicyRow];
  policy_update: [PolicyUpdateRequest, PolicyRow];
  policy_add_version: [NewVersionRequest, VersionRow];
  policy_edit_draft: [EditDraftRequest, VersionRow];
  policy_submit: [IdRequest, VersionRow];
  policy_return_to_draft: [ReturnToDraftRequest, VersionRow];
  policy_approval_statement: [IdRequest, SignOffStatement];
  policy_approve: [SignRequest, VersionRow];
  policy_publish: [IdRequest, VersionRow];
  policy_review_statement: [IdRequest, SignOffStatement];
  policy_review_no_change: [SignRequest, PolicyRow];
};

export type PolicyHandlers = CommandHandlers & {
  [Name in keyof PolicyCommands]?: (
    request: PolicyCommands[Name][0],
  ) => PolicyCommands[Name][1] | Promise<PolicyCommands[Name][1]>;
};

/** commandHandler, knowing the policy commands too. */
export function policyHandler(handlers: PolicyHandlers) {
  return commandHandler(handlers as CommandHandlers);
}

/**
 * A row id as Rust sends it: a JSON number (the bindings type policy ids as `bigint`, which JSON
 * never carries; this keeps tests true to the wire whichever way the bindings end up).
 */
export function rowId(value: number): PolicyRow['id'] {
  return value as unknown as PolicyRow['id'];
}

export const HASH_1 = '9f2c4e8a1b7d3f60a5e9c2d4b8f1a3e7c6d0b9a8f7e6d5c4b3a2918070615243';
export const HASH_2 = '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';

const jane = { id: rowId(1), fullName: 'Jane Smith' };
export const priya = { id: rowId(3), fullName: 'Priya Shah' };

/** A version: 1.0 of policy 10, published, unless overridden. */
export function versionRow(overrides: Partial<VersionRow> = {}): VersionRow {
  return {
    id: rowId(100),
    policyId: rowId(10),
    number: '1.0',
    status: 'published',
    contentHash: HASH_1,
    source: 'written in Custodian',
    changeSummary: 'First version',
    author: jane,
    createdAt: '2025-03-03T10:00:00Z',
    submittedAt: '2025-03-03T11:00:00Z',
    approvedAt: '2025-03-04T09:00:00Z',
    publishedAt: '2025-03-05T09:30:00Z',
    supersededAt: null,
    ...overrides,
  };
}

/** A register entry: Confidentiality, current, unless overridden. */
export function policyRow(overrides: Partial<PolicyRow> = {}): PolicyRow {
  return {
    id: rowId(10),
    title: 'Confidentiality',
    owner: jane,
    approvers: ['caldicott_guardian', 'siro'],
    reviewMonths: 12,
    audience: [],
    dsptItems: ['1.3.1', '3.2.1'],
    nextReview: '2026-03-05',
    standing: 'current',
    current: versionRow(),
    pending: null,
    ...overrides,
  };
}

/** The register as a practice manager sees it. */
export function registerView(overrides: Partial<PolicyRegisterView> = {}): PolicyRegisterView {
  return {
    policies: [policyRow()],
    canManage: true,
    ownerOptions: [jane, priya],
    roleOptions,
    ...overrides,
  };
}

/** One policy as a practice manager who is not an approver sees it. */
export function detailView(overrides: Partial<PolicyDetailView> = {}): PolicyDetailView {
  return {
    policy: policyRow(),
    versions: [versionRow()],
    signOffs: [],
    acknowledgements: [],
    canManage: true,
    canApprove: false,
    canSignNow: false,
    awaitingSignOff: [],
    ...overrides,
  };
}

/** A sign-off of version 1.0 by Priya Shah as Caldicott Guardian. */
export function signOffRow(overrides: Partial<SignOffRow> = {}): SignOffRow {
  return {
    id: rowId(500),
    versionId: rowId(100),
    version: '1.0',
    kind: 'approval',
    signer: priya,
    roles: ['caldicott_guardian'],
    contentHash: HASH_1,
    statement: `I, Priya Shah, as Caldicott Guardian, have reviewed version 1.0 of "Confidentiality" (SHA-256 ${HASH_1}) and approve it for publication.`,
    signedAt: '2025-03-04T09:00:00Z',
    nextReview: null,
    withdrawnAt: null,
    ...overrides,
  };
}

/** Jordan Ellis acknowledged version 1.0 themselves. */
export function acknowledgementRow(overrides: Partial<AcknowledgementRow> = {}): AcknowledgementRow {
  return {
    personId: rowId(2),
    fullName: 'Jordan Ellis',
    versionId: rowId(100),
    contentHash: HASH_1,
    firstOpenedAt: '2025-03-06T08:00:00Z',
    acknowledgedAt: '2025-03-06T08:10:00Z',
    method: 'own_login',
    recordedBy: null,
    reason: null,
    ...overrides,
  };
}
