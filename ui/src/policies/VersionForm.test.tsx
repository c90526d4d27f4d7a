import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { commandError } from '../testing/commands';
import { appStatus, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { PoliciesScreen } from './PoliciesScreen';
import { detailView, HASH_2, policyHandler, policyRow, registerView, rowId, versionRow, type PolicyHandlers } from './testing';

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

const noVersions = detailView({
  policy: policyRow({ standing: 'no_published_version', current: null, nextReview: null }),
  versions: [],
});

function setup(handlers: PolicyHandlers = {}) {
  const ipc = policyHandler({
    app_status: () => appStatus({ session }),
    policy_list: () => registerView(),
    policy_get: () => detailView(),
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<PoliciesScreen session={session} />) };
}

type User = ReturnType<typeof setup>['user'];
const byId = (id: string) => document.getElementById(id);
const calls = (ipc: ReturnType<typeof setup>['ipc'], command: string) =>
  ipc.mock.calls.filter(([name]) => name === command).length;

async function startNewVersion(user: User) {
  await user.click(await screen.findByRole('button', { name: 'Confidentiality' }));
  await user.click(await screen.findByRole('button', { name: 'Add a new version' }));
  expect(screen.getByRole('heading', { level: 1, name: 'Add a new version' })).toBeInTheDocument();
}

describe('VersionForm', () => {
  it('imports a chosen file as a significant change', async () => {
    const { ipc, user } = setup({
      'plugin:dialog|open': () => '/home/jane/Policies/Confidentiality v2.docx',
      policy_add_version: () => versionRow({ id: rowId(102), number: '2.0', status: 'draft' }),
    });
    await startNewVersion(user);
    expect(byId('version-file-path')).toBeNull();
    expect(byId('version-text')).toBeNull();

    await user.click(screen.getByLabelText('Import a file'));
    expect(screen.getByText('Word (.docx), PDF, Markdown or plain text')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    await waitFor(() => expect(screen.getByLabelText("The file's full path")).toHaveValue('/home/jane/Policies/Confidentiality v2.docx'));
    await user.click(screen.getByLabelText('Significant change (e.g. 1.2 → 2.0)'));
    await user.type(screen.getByLabelText('Summary of the change'), 'Rewritten for UK GDPR');
    await user.click(screen.getByRole('button', { name: 'Save as a draft' }));

    expect(await screen.findByText(/Version 2.0 drafted/)).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('policy_add_version', {
      request: {
        policyId: 10,
        source: { kind: 'file', path: '/home/jane/Policies/Confidentiality v2.docx' },
        change: 'major',
        changeSummary: 'Rewritten for UK GDPR',
      },
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Confidentiality' })).toBeInTheDocument();
  });

  it('takes a typed path, and shows exactly why the file could not be read', async () => {
    const unreadable = 'That file cannot be read: No such file or directory (os error 2)';
    const { ipc, user } = setup({
      policy_add_version: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [{ field: 'file', message: unreadable }]);
      },
    });
    await startNewVersion(user);
    await user.click(screen.getByLabelText('Import a file'));
    await user.click(screen.getByRole('button', { name: 'Save as a draft' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent("Enter the file's full path, or choose the file");
    expect(summary).toHaveTextContent('Choose whether this is a small or a significant change');
    expect(calls(ipc, 'policy_add_version')).toBe(0);

    await user.type(screen.getByLabelText("The file's full path"), '/tmp/missing.docx');
    await user.click(screen.getByLabelText('Small change (e.g. 1.1 → 1.2)'));
    await user.type(screen.getByLabelText('Summary of the change'), 'Typo');
    await user.click(screen.getByRole('button', { name: 'Save as a draft' }));
    expect(await screen.findByRole('link', { name: unreadable })).toHaveAttribute('href', '#version-file-path');
    expect(byId('version-file-path-error')).toHaveTextContent(unreadable);
    expect(ipc).toHaveBeenCalledWith('policy_add_version', {
      request: { policyId: 10, source: { kind: 'file', path: '/tmp/missing.docx' }, change: 'minor', changeSummary: 'Typo' },
    });
  });

  it('shows a problem with the document that core reports for the whole form', async () => {
    const { user } = setup({
      policy_add_version: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'form', message: 'That PDF has no text to read (it may be a scan)' },
        ]);
      },
    });
    await startNewVersion(user);
    await user.click(screen.getByLabelText('Import a file'));
    await user.type(screen.getByLabelText("The file's full path"), '/home/jane/scan.pdf');
    await user.click(screen.getByLabelText('Small change (e.g. 1.1 → 1.2)'));
    await user.type(screen.getByLabelText('Summary of the change'), 'Scanned copy');
    await user.click(screen.getByRole('button', { name: 'Save as a draft' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That PDF has no text to read (it may be a scan)');
  });

  it('writes the first version here, without asking the size of the change', async () => {
    const { ipc, user } = setup({
      policy_get: () => noVersions,
      policy_add_version: () => versionRow({ id: rowId(102), status: 'draft' }),
    });
    await startNewVersion(user);
    expect(screen.queryByLabelText('Small change (e.g. 1.1 → 1.2)')).toBeNull();
    expect(screen.getByLabelText('Summary of the change (optional for the first version)')).toBeInTheDocument();

    await user.click(screen.getByLabelText('Write it here'));
    const hint = document.getElementById('version-text-hint') as HTMLElement;
    expect(hint).toHaveTextContent('Start a heading with #');
    expect(hint).toHaveTextContent('each bullet point with -');
    await user.type(screen.getByLabelText("The policy's text"), '# Purpose{Enter}{Enter}- Lock the screen');
    await user.click(screen.getByRole('button', { name: 'Save as a draft' }));

    expect(await screen.findByText(/Version 1.0 drafted/)).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('policy_add_version', {
      request: { policyId: 10, source: { kind: 'text', text: '# Purpose\n\n- Lock the screen' }, change: 'minor', changeSummary: '' },
    });
  });

  it('asks for text before sending written text', async () => {
    const { ipc, user } = setup({ policy_get: () => noVersions });
    await startNewVersion(user);
    await user.click(screen.getByLabelText('Write it here'));
    await user.click(screen.getByRole('button', { name: 'Save as a draft' }));
    expect(await screen.findByRole('link', { name: "Write the policy's text" })).toHaveAttribute('href', '#version-text');
    expect(calls(ipc, 'policy_add_version')).toBe(0);
  });

  it("changes a draft, starting from its text and change summary", async () => {
    const { ipc, user } = setup({
      policy_get: () => detailView({ policy: policyRow({ pending: draft }), versions: [draft, versionRow()] }),
      policy_text: () => ({ title: 'Confidentiality', version: draft, blocks: [], markdown: '# Retention\n\nSix years.\n' }),
      policy_edit_draft: () => ({ ...draft }),
    });
    await user.click(await screen.findByRole('button', { name: 'Confidentiality' }));
    await user.click(await screen.findByRole('button', { name: 'Change the draft' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Change draft 1.1' })).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('policy_text', { request: { id: 101 } });
    expect(screen.getByLabelText('Write it here')).toBeChecked();
    expect(screen.getByLabelText("The policy's text")).toHaveValue('# Retention\n\nSix years.\n');
    expect(screen.getByLabelText('Summary of the change')).toHaveValue('New retention periods');
    expect(screen.queryByRole('group', { name: 'How big a change is it?' })).toBeNull();

    await user.type(screen.getByLabelText("The policy's text"), 'Then destroy.');
    await user.click(screen.getByRole('button', { name: 'Save the draft' }));
    expect(await screen.findByText('Draft 1.1 saved')).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('policy_edit_draft', {
      request: {
        versionId: 101,
        source: { kind: 'text', text: '# Retention\n\nSix years.\nThen destroy.' },
        changeSummary: 'New retention periods',
      },
    });
    expect(within(document.getElementById('policy-message') as HTMLElement).getByText('Draft 1.1 saved')).toBeInTheDocument();
  });
});
