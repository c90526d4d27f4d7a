import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { SessionInfo } from '../ipc';
import { commandError } from '../testing/commands';
import { appStatus, session, staffSession } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { PoliciesScreen } from './PoliciesScreen';
import {
  acknowledgementRow,
  detailView,
  HASH_1,
  HASH_2,
  policyHandler,
  policyRow,
  registerView,
  rowId,
  signOffRow,
  versionRow,
  type PolicyHandlers,
} from './testing';

function setup(handlers: PolicyHandlers = {}, shown: SessionInfo = session) {
  const ipc = policyHandler({
    app_status: () => appStatus({ session: shown }),
    policy_list: () => registerView(),
    policy_get: () => detailView(),
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<PoliciesScreen session={shown} />) };
}

type Ipc = ReturnType<typeof setup>['ipc'];
type User = ReturnType<typeof setup>['user'];

const calls = (ipc: Ipc, command: string) => ipc.mock.calls.filter(([name]) => name === command).length;
const row = (id: number) => document.querySelector(`#policy-register [data-policy="${id}"]`) as HTMLElement;
const byId = (id: string) => document.getElementById(id);

async function openConfidentiality(user: User) {
  await user.click(await screen.findByRole('button', { name: 'Confidentiality' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Confidentiality' })).toBeInTheDocument();
}

const gap = policyRow({ id: rowId(11), title: 'Data protection', standing: 'no_published_version', current: null, nextReview: null, owner: null });
const overdue = policyRow({
  id: rowId(12),
  title: 'Records management',
  standing: 'review_overdue',
  nextReview: '2025-01-31',
  pending: versionRow({ id: rowId(120), policyId: rowId(12), number: '2.0', status: 'in_review' }),
});
const dueSoon = policyRow({ id: rowId(13), title: 'Clear desk', standing: 'review_due_soon', approvers: ['siro'] });

describe('PoliciesScreen: the register', () => {
  it('shows each policy with its standing as a tag, the counts, and what is on its way', async () => {
    setup({ policy_list: () => registerView({ policies: [policyRow(), gap, overdue, dueSoon] }) });

    expect(await screen.findByRole('heading', { level: 1, name: 'Policies' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Data protection' })).toHaveAttribute('id', 'policy-11');
    expect(byId('policy-counts')).toHaveTextContent('4 policies: 1 gap, 1 review overdue, 1 due soon.');

    expect(within(row(10)).getByText('Current')).toHaveClass('nhsuk-tag', 'nhsuk-tag--green');
    expect(row(10)).toHaveTextContent('Caldicott Guardian, SIRO');
    expect(row(10)).toHaveTextContent('5 March 2026');
    expect(row(10)).toHaveTextContent('Jane Smith');
    expect(within(row(11)).getByText('No published version')).toHaveClass('nhsuk-tag--red');
    expect(row(11)).toHaveTextContent('None');
    expect(row(11)).toHaveTextContent('No owner yet');
    expect(within(row(12)).getByText('Review overdue')).toHaveClass('nhsuk-tag--red');
    expect(row(12)).toHaveTextContent('In review 2.0');
    expect(within(row(13)).getByText('Review due')).toHaveClass('nhsuk-tag--orange');
    expect(byId('policy-add')).toHaveTextContent('Add a policy');
  });

  it('shows only the policies that need attention when asked', async () => {
    const { user } = setup({ policy_list: () => registerView({ policies: [policyRow(), gap, dueSoon] }) });
    await screen.findByRole('button', { name: 'Confidentiality' });
    await user.selectOptions(screen.getByLabelText('Show'), 'Only those that need attention');
    expect(screen.queryByRole('button', { name: 'Confidentiality' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Data protection' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clear desk' })).toBeInTheDocument();
  });

  it('says when every policy is current', async () => {
    setup();
    expect(await screen.findByText(/1 policy, all current/)).toBeInTheDocument();
  });

  it('opens a policy with its details', async () => {
    const { ipc, user } = setup({
      policy_get: () => detailView({ policy: policyRow({ audience: ['practice_manager', 'ig_lead'] }) }),
    });
    await openConfidentiality(user);
    expect(ipc).toHaveBeenCalledWith('policy_get', { request: { id: 10 } });
    const summary = byId('policy-summary') as HTMLElement;
    expect(summary).toHaveTextContent('OwnerJane Smith');
    expect(summary).toHaveTextContent('Signed off byCaldicott Guardian, SIRO');
    expect(summary).toHaveTextContent('ReviewedEvery year');
    expect(summary).toHaveTextContent('Next review5 March 2026');
    expect(summary).toHaveTextContent('Read byPractice manager, IG lead');
    expect(summary).toHaveTextContent('DSPT evidence1.3.1, 3.2.1');
    expect(within(byId('policy-standing') as HTMLElement).getByText('Current')).toHaveClass('nhsuk-tag');

    await user.click(screen.getByRole('button', { name: 'Back to the policy register' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Policies' })).toBeInTheDocument();
  });

  it('says why the register cannot be shown, and tries again', async () => {
    let attempts = 0;
    const { user } = setup({
      policy_list: () => {
        attempts += 1;
        if (attempts === 1) throw commandError('internal', 'The vault could not be read');
        return registerView();
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The vault could not be read');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Confidentiality' })).toBeInTheDocument();
  });
});

describe('PoliciesScreen: adding and changing a policy', () => {
  it('adds a policy with its owner, approvers, cadence and readers, then opens it', async () => {
    const added = policyRow({ id: rowId(20), title: 'Data protection', standing: 'no_published_version', current: null });
    const { ipc, user } = setup({
      policy_add: () => added,
      policy_get: ({ id }) => detailView({ policy: id === rowId(20) ? added : policyRow(), versions: [] }),
    });
    await user.click(await screen.findByRole('button', { name: 'Add a policy' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Add a policy' })).toBeInTheDocument();
    expect(screen.getByLabelText('Owner')).toHaveValue('');
    expect(screen.getByLabelText('How often is it reviewed?')).toHaveValue('12');

    await user.type(screen.getByLabelText('Title'), 'Data protection');
    await user.selectOptions(screen.getByLabelText('Owner'), 'Priya Shah');
    const approvers = within(screen.getByRole('group', { name: 'Who signs off a new version?' }));
    await user.click(approvers.getByLabelText('SIRO'));
    await user.click(approvers.getByLabelText('Caldicott Guardian'));
    await user.selectOptions(screen.getByLabelText('How often is it reviewed?'), 'Every 2 years');
    expect(screen.getByText('Leave all unticked for everyone.')).toBeInTheDocument();
    await user.click(byId('policy-audience-ig_lead') as HTMLElement);
    await user.click(byId('policy-audience-practice_manager') as HTMLElement);
    await user.click(screen.getByRole('button', { name: 'Add the policy' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Data protection' })).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('policy_add', {
      request: {
        title: 'Data protection',
        ownerId: 3,
        approvers: ['caldicott_guardian', 'siro'],
        reviewMonths: 24,
        audience: ['practice_manager', 'ig_lead'],
      },
    });
    expect(byId('policy-message')).toHaveTextContent('Data protection added to the register');
    expect(byId('policy-message')).toHaveAttribute('role', 'status');
    expect(calls(ipc, 'policy_list')).toBe(2);
  });

  it('sends no owner as null, and asks for a title before sending', async () => {
    const { ipc, user } = setup({ policy_add: () => policyRow({ id: rowId(21), title: 'Clear desk' }) });
    await user.click(await screen.findByRole('button', { name: 'Add a policy' }));
    await user.click(screen.getByRole('button', { name: 'Add the policy' }));
    expect(await screen.findByRole('link', { name: "Enter the policy's title" })).toHaveAttribute('href', '#policy-title');
    expect(calls(ipc, 'policy_add')).toBe(0);

    await user.type(screen.getByLabelText('Title'), 'Clear desk');
    await user.click(screen.getByRole('button', { name: 'Add the policy' }));
    await waitFor(() =>
      expect(ipc).toHaveBeenCalledWith('policy_add', {
        request: { title: 'Clear desk', ownerId: null, approvers: [], reviewMonths: 12, audience: [] },
      }),
    );
  });

  it('shows the problems Rust finds beside each field, and any other in the summary', async () => {
    const { user } = setup({
      policy_add: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'title', message: 'The register already has a policy called "Confidentiality"; choose another title' },
          { field: 'approvers', message: 'Choose who approves it: the Caldicott Guardian, the SIRO, or both' },
          { field: 'form', message: 'Something else is wrong with the policy' },
        ]);
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Add a policy' }));
    await user.type(screen.getByLabelText('Title'), 'Confidentiality');
    await user.click(screen.getByRole('button', { name: 'Add the policy' }));

    expect(await screen.findByRole('link', { name: /already has a policy/ })).toHaveAttribute('href', '#policy-title');
    expect(screen.getByRole('link', { name: /Choose who approves it/ })).toHaveAttribute(
      'href',
      '#policy-approver-caldicott_guardian',
    );
    const summary = byId('error-summary') as HTMLElement;
    expect(summary).toHaveTextContent('Something else is wrong with the policy');
    expect(within(summary).queryByRole('link', { name: 'Something else is wrong with the policy' })).toBeNull();
    expect(byId('policy-title-error')).toHaveTextContent('already has a policy');
    expect(byId('policy-approvers-error')).toHaveTextContent('Choose who approves it');
    expect(summary).toHaveFocus();
  });

  it('changes a policy from its page, keeping what was there', async () => {
    let policy = policyRow({ reviewMonths: 18, audience: ['ig_lead'] });
    const { ipc, user } = setup({
      policy_get: () => detailView({ policy }),
      policy_update: ({ policy: request }) => {
        policy = { ...policy, title: request.title };
        return policy;
      },
    });
    await openConfidentiality(user);
    await user.click(screen.getByRole('button', { name: 'Change these details' }));
    expect(screen.getByLabelText('Title')).toHaveValue('Confidentiality');
    expect(screen.getByLabelText('Owner')).toHaveValue('1');
    expect(screen.getByLabelText('How often is it reviewed?')).toHaveValue('18');
    expect(byId('policy-audience-ig_lead')).toBeChecked();
    expect(byId('policy-approver-siro')).toBeChecked();

    await user.clear(screen.getByLabelText('Title'));
    await user.type(screen.getByLabelText('Title'), 'Confidentiality and disclosure');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Confidentiality and disclosure' })).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('policy_update', {
      request: {
        id: 10,
        policy: {
          title: 'Confidentiality and disclosure',
          ownerId: 1,
          approvers: ['caldicott_guardian', 'siro'],
          reviewMonths: 18,
          audience: ['ig_lead'],
        },
      },
    });
    expect(byId('policy-message')).toHaveTextContent('Changes saved');
  });
});

describe('PoliciesScreen: one policy', () => {
  const draft = versionRow({
    id: rowId(101),
    number: '1.1',
    status: 'draft',
    contentHash: HASH_2,
    changeSummary: 'New retention periods',
    submittedAt: null,
    approvedAt: null,
    publishedAt: null,
  });

  it('sends a draft for sign-off and says so', async () => {
    let pending = draft;
    const { ipc, user } = setup({
      policy_get: () => detailView({ policy: policyRow({ pending }), versions: [pending, versionRow()] }),
      policy_submit: () => {
        pending = { ...draft, status: 'in_review' };
        return pending;
      },
    });
    await openConfidentiality(user);
    expect(byId('policy-pending')).toHaveTextContent('Version 1.1 is Draft');
    expect(byId('policy-new-version')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send for sign-off' }));

    expect(await screen.findByText('Version 1.1 sent for sign-off')).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('policy_submit', { request: { id: 101 } });
    await waitFor(() => expect(byId('policy-pending')).toHaveTextContent('Version 1.1 is In review'));
    expect(byId('version-submit')).toBeNull();
    expect(calls(ipc, 'policy_get')).toBe(2);
  });

  it('shows why core refused an action', async () => {
    const { user } = setup({
      policy_get: () => detailView({ policy: policyRow({ pending: draft }), versions: [draft, versionRow()] }),
      policy_submit: () => {
        throw commandError('refused', 'Version 1.1 is in review, not a draft');
      },
    });
    await openConfidentiality(user);
    await user.click(screen.getByRole('button', { name: 'Send for sign-off' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Version 1.1 is in review, not a draft');
  });

  it('publishes an approved version, after saying who will be asked to read it', async () => {
    const approved = { ...draft, status: 'approved' as const };
    const { ipc, user } = setup({
      policy_get: () => detailView({ policy: policyRow({ pending: approved }), versions: [approved, versionRow()] }),
      policy_publish: () => ({ ...approved, status: 'published' }),
    });
    await openConfidentiality(user);
    expect(byId('version-publish-warning')).toHaveTextContent(
      'everyone it applies to will be asked to read and acknowledge it. It replaces version 1.0.',
    );
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText(/Version 1.1 published/)).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('policy_publish', { request: { id: 101 } });
  });

  it('sends a version in review back to draft, with the reason', async () => {
    const inReview = { ...draft, status: 'in_review' as const };
    const { ipc, user } = setup({
      policy_get: () => detailView({ policy: policyRow({ pending: inReview }), versions: [inReview, versionRow()] }),
      policy_return_to_draft: () => ({ ...draft }),
    });
    await openConfidentiality(user);
    expect(byId('version-approve')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send back to draft' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Send version 1.1 back to draft?');
    await user.click(byId('return-confirm') as HTMLElement);
    expect(await screen.findByRole('link', { name: 'Say why it goes back to draft' })).toHaveAttribute('href', '#return-reason');
    expect(calls(ipc, 'policy_return_to_draft')).toBe(0);

    await user.type(screen.getByLabelText('Why does it go back to draft?'), 'Retention table is wrong');
    await user.click(byId('return-confirm') as HTMLElement);
    expect(await screen.findByText('Version 1.1 sent back to draft')).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('policy_return_to_draft', {
      request: { versionId: 101, reason: 'Retention table is wrong' },
    });
  });

  it('lists the versions with short hashes, and the sign-offs with their statements', async () => {
    const withdrawn = signOffRow({ id: rowId(501), versionId: rowId(101), version: '1.1', contentHash: HASH_2, withdrawnAt: '2025-04-02T10:00:00Z' });
    const review = signOffRow({
      id: rowId(502),
      kind: 'review_no_change',
      roles: ['caldicott_guardian', 'siro'],
      nextReview: '2027-03-05',
      statement: 'I, Priya Shah, … it needs no change.',
    });
    const superseded = versionRow({ status: 'superseded', supersededAt: '2025-04-05T09:00:00Z' });
    const { user } = setup({
      policy_get: () =>
        detailView({
          policy: policyRow({ pending: draft }),
          versions: [draft, superseded],
          signOffs: [signOffRow(), withdrawn, review],
        }),
    });
    await openConfidentiality(user);

    const versions = byId('policy-versions') as HTMLElement;
    const first = versions.querySelector('[data-version="100"]') as HTMLElement;
    expect(within(first).getByText('Superseded')).toHaveClass('nhsuk-tag');
    expect(first).toHaveTextContent('First version');
    expect(first).toHaveTextContent('written in Custodian');
    expect(first).toHaveTextContent('Created 3 Mar 2025, 10:00');
    expect(first).toHaveTextContent('Published 5 Mar 2025, 09:30');
    expect(first).toHaveTextContent('Superseded 5 Apr 2025, 10:00');
    expect(within(first).getByTitle(HASH_1)).toHaveTextContent(`${HASH_1.slice(0, 12)}…`);
    expect(within(first).getByTitle(HASH_1)).toHaveTextContent(`SHA-256 ${HASH_1}`);

    const signOffs = byId('policy-sign-offs') as HTMLElement;
    const approval = signOffs.querySelector('[data-sign-off="500"]') as HTMLElement;
    expect(approval).toHaveTextContent('Approved');
    expect(approval).toHaveTextContent('Priya Shah');
    expect(approval).toHaveTextContent('Caldicott Guardian');
    expect(approval).toHaveTextContent('4 Mar 2025, 09:00');
    expect(approval).not.toHaveTextContent('Withdrawn');
    expect(byId('sign-off-statement-500')).toHaveTextContent('approve it for publication');
    expect(signOffs.querySelector('[data-sign-off="501"]')).toHaveTextContent('Withdrawn 2 Apr 2025, 11:00');
    const reviewed = signOffs.querySelector('[data-sign-off="502"]') as HTMLElement;
    expect(reviewed).toHaveTextContent('Reviewed, no change');
    expect(reviewed).toHaveTextContent('Next review set to 5 March 2027');
    expect(reviewed).toHaveTextContent('Caldicott Guardian, SIRO');
  });

  it('counts the acknowledgements of each version, with who and how', async () => {
    const onBehalf = acknowledgementRow({
      personId: rowId(4),
      fullName: 'Ann Lee',
      method: 'on_behalf',
      recordedBy: { id: rowId(1), fullName: 'Jane Smith' },
      reason: 'Read the paper copy at the team meeting',
    });
    const { user } = setup({ policy_get: () => detailView({ acknowledgements: [acknowledgementRow(), onBehalf] }) });
    await openConfidentiality(user);
    const acks = byId('policy-acknowledgements') as HTMLElement;
    expect(within(acks).getByText('Version 1.0: 2 acknowledgements')).toBeInTheDocument();
    expect(acks).toHaveTextContent('Jordan Ellis, 6 Mar 2025, 08:10');
    expect(acks).toHaveTextContent(
      'Ann Lee, 6 Mar 2025, 08:10 — recorded by Jane Smith on their behalf: Read the paper copy at the team meeting',
    );
  });

  it('shows no acknowledgements section when there are none to see', async () => {
    const { user } = setup();
    await openConfidentiality(user);
    expect(screen.queryByRole('heading', { name: 'Acknowledgements' })).toBeNull();
    expect(byId('policy-acknowledgements')).toBeNull();
  });

  it('reads a version: its headings, paragraphs and lists, its status and its full hash', async () => {
    const { ipc, user } = setup({
      policy_text: () => ({
        title: 'Confidentiality',
        version: versionRow(),
        markdown: '# Purpose\n\nWhy.\n\n- One\n- Two\n',
        blocks: [
          { kind: 'heading', level: 1, text: 'Purpose' },
          { kind: 'paragraph', text: 'Why we keep confidences.' },
          { kind: 'list', ordered: false, items: ['Lock the screen', 'Shred paper'] },
        ],
      }),
    });
    await openConfidentiality(user);
    await user.click(byId('version-read-100') as HTMLElement);

    expect(await screen.findByRole('heading', { level: 1, name: 'Version 1.0 of Confidentiality' })).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('policy_text', { request: { id: 100 } });
    expect(screen.getByRole('heading', { level: 2, name: 'Purpose' })).toBeInTheDocument();
    expect(screen.getByText('Why we keep confidences.')).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Lock the screen', 'Shred paper']);
    expect(screen.getByText('Published')).toHaveClass('nhsuk-tag');
    expect(byId('version-hash')).toHaveTextContent(HASH_1);

    await user.click(byId('version-back') as HTMLElement);
    expect(await screen.findByRole('heading', { level: 1, name: 'Confidentiality' })).toBeInTheDocument();
  });

  it('offers staff nothing to change, sign or publish', async () => {
    const inReview = { ...draft, status: 'in_review' as const };
    const { user } = setup(
      {
        policy_list: () => registerView({ canManage: false, ownerOptions: [] }),
        policy_get: () =>
          detailView({ policy: policyRow({ pending: inReview }), versions: [versionRow()], canManage: false, canApprove: false }),
      },
      staffSession,
    );
    expect(await screen.findByText(/The practice manager and the IG lead keep the register/)).toBeInTheDocument();
    expect(byId('policy-add')).toBeNull();
    await openConfidentiality(user);
    for (const id of [
      'policy-edit',
      'policy-new-version',
      'version-edit',
      'version-submit',
      'version-approve',
      'version-return',
      'version-publish',
      'policy-review-no-change',
    ]) {
      expect(byId(id)).toBeNull();
    }
    // Reading is for everyone.
    expect(byId('version-read-100')).toBeInTheDocument();
  });

  it('offers an approver the sign-off and the review, but not what a manager does', async () => {
    const inReview = { ...draft, status: 'in_review' as const };
    const { user } = setup({
      policy_get: () =>
        detailView({ policy: policyRow({ pending: inReview }), versions: [inReview, versionRow()], canManage: false, canApprove: true, canSignNow: true, awaitingSignOff: ['siro'] }),
    });
    await openConfidentiality(user);
    expect(byId('policy-awaiting')).toHaveTextContent('Waiting for: SIRO');
    expect(byId('version-approve')).toHaveTextContent('Sign off this version');
    expect(byId('version-return')).toBeInTheDocument();
    expect(byId('policy-review-no-change')).toBeInTheDocument();
    expect(byId('policy-edit')).toBeNull();
    expect(byId('version-publish')).toBeNull();
    expect(byId('policy-new-version')).toBeNull();
  });

  it('does not offer the sign-off to an approver who cannot sign it now (they wrote it, or signed already)', async () => {
    const inReview = { ...draft, status: 'in_review' as const };
    const { user } = setup({
      policy_get: () =>
        detailView({
          policy: policyRow({ pending: inReview }),
          versions: [inReview, versionRow()],
          canApprove: true,
          canSignNow: false,
          awaitingSignOff: ['caldicott_guardian'],
        }),
    });
    await openConfidentiality(user);
    expect(byId('version-approve')).toBeNull();
    expect(byId('policy-awaiting')).toHaveTextContent('Waiting for: Caldicott Guardian');
  });
});
