// Acknowledgement answers as Rust sends them: Jane Smith's policies, the matrix, the chase list.
import type {
  AcknowledgementRow,
  MatrixView,
  PoliciesForMeView,
  PolicyForMeRow,
  PolicyTextView,
  VersionRow,
} from '../ipc';

export const STATEMENT = 'I have read and understood this policy and will comply with it.';

/** A published version: Data protection policy 2.0 unless overridden. */
export function versionRow(overrides: Partial<VersionRow> = {}): VersionRow {
  return {
    id: 11,
    policyId: 1,
    number: '2.0',
    status: 'published',
    contentHash: 'c0ffee',
    source: 'written in Custodian',
    changeSummary: 'Yearly review',
    author: { id: 1, fullName: 'Jane Smith' },
    createdAt: '2026-03-20T09:00:00Z',
    submittedAt: '2026-03-21T09:00:00Z',
    approvedAt: '2026-03-25T09:00:00Z',
    publishedAt: '2026-04-01T09:00:00Z',
    supersededAt: null,
    ...overrides,
  };
}

/** Jane's own acknowledgement of version 11, by her own login. */
export function acknowledgementRow(overrides: Partial<AcknowledgementRow> = {}): AcknowledgementRow {
  return {
    personId: 1,
    fullName: 'Jane Smith',
    versionId: 11,
    contentHash: 'c0ffee',
    firstOpenedAt: '2026-04-02T08:00:00Z',
    acknowledgedAt: '2026-04-02T08:10:00Z',
    method: 'own_login',
    recordedBy: null,
    reason: null,
    ...overrides,
  };
}

/** A policy for the signed-in person: the data protection policy, waiting since 1 April. */
export function policyForMe(overrides: Partial<PolicyForMeRow> = {}): PolicyForMeRow {
  return {
    policyId: 1,
    title: 'Data protection policy',
    version: versionRow(),
    dueSince: '2026-04-01',
    firstOpenedAt: null,
    reachedEnd: false,
    acknowledgement: null,
    ...overrides,
  };
}

export const waitingPolicy = policyForMe();

export const acknowledgedPolicy = policyForMe({
  policyId: 2,
  title: 'Acceptable use policy',
  version: versionRow({ id: 21, policyId: 2, number: '1.0' }),
  dueSince: '2026-01-10',
  reachedEnd: true,
  acknowledgement: acknowledgementRow({ versionId: 21, acknowledgedAt: '2026-01-12T10:30:00Z' }),
});

export function policiesForMe(policies: PolicyForMeRow[] = [waitingPolicy, acknowledgedPolicy]): PoliciesForMeView {
  return { policies, statement: STATEMENT };
}

/** The text of version 11. */
export const policyTextView: PolicyTextView = {
  title: 'Data protection policy',
  version: versionRow(),
  blocks: [
    { kind: 'heading', level: 1, text: 'Purpose' },
    { kind: 'paragraph', text: 'This policy says how the practice looks after personal data.' },
    { kind: 'list', ordered: false, items: ['Lock your screen', 'Use your own login'] },
  ],
  markdown: '# Purpose\n\nThis policy says how the practice looks after personal data.\n',
};

/**
 * The matrix on 5 May 2026: Jane (practice manager) and Jordan (receptionist) against two
 * policies, the second of which applies to clinical staff only.
 */
export function matrixView(overrides: Partial<MatrixView> = {}): MatrixView {
  return {
    asOf: '2026-05-05',
    barPercent: 95,
    practicePermille: 500,
    meetsBar: false,
    peopleInScope: 2,
    peopleUpToDate: 1,
    policies: [
      {
        policyId: 1,
        title: 'Data protection policy',
        versionId: 11,
        version: '2.0',
        publishedOn: '2026-04-01',
        due: 2,
        acknowledged: 1,
        acknowledgedPermille: 500,
      },
      {
        policyId: 3,
        title: 'Clinical photography',
        versionId: 31,
        version: '1.0',
        publishedOn: '2026-02-01',
        due: 1,
        acknowledged: 1,
        acknowledgedPermille: 1000,
      },
    ],
    people: [
      { personId: 1, fullName: 'Jane Smith', login: 'jsmith', jobTitle: 'Practice manager', due: 2, acknowledged: 2 },
      { personId: 2, fullName: 'Jordan Ellis', login: 'jellis', jobTitle: 'Receptionist', due: 1, acknowledged: 0 },
    ],
    cells: [
      [
        { state: 'acknowledged', at: '2026-04-02T08:10:00Z', method: 'own_login' },
        { state: 'acknowledged', at: '2026-02-03T11:00:00Z', method: 'on_behalf' },
      ],
      [{ state: 'outstanding', since: '2026-04-01' }, { state: 'not_in_scope' }],
    ],
    chase: [
      {
        personId: 2,
        fullName: 'Jordan Ellis',
        login: 'jellis',
        policyId: 1,
        title: 'Data protection policy',
        versionId: 11,
        version: '2.0',
        since: '2026-04-01',
        days: 34,
      },
    ],
    canRecordOnBehalf: true,
    ...overrides,
  };
}
