import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { AuditPageView, AuditQuery, AuditRow } from '../ipc';
import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { appStatus, peopleView, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { AUDIT_PAGE_SIZE, AuditScreen } from './AuditScreen';

/** A trail of `total` entries; each page answers the query it was asked, as Rust would. */
function trail(total: number) {
  return (query: AuditQuery): AuditPageView => {
    const top = query.beforeSeq === null ? total : query.beforeSeq - 1;
    const entries: AuditRow[] = [];
    for (let seq = top; seq > 0 && entries.length < query.limit; seq -= 1) {
      entries.push({
        seq,
        at: '2026-05-04T13:05:00Z',
        actorLogin: seq % 2 === 0 ? 'jsmith' : 'jellis',
        action: 'person.update',
        recordType: 'person',
        recordId: '2',
        summary: `change number ${seq}`,
      });
    }
    const last = entries.at(-1)?.seq ?? 1;
    return { entries, nextBeforeSeq: last > 1 ? last : null };
  };
}

function setup(handlers: CommandHandlers = {}) {
  const ipc = commandHandler({
    app_status: () => appStatus({ session }),
    people_list: () => peopleView(),
    audit_list: trail(120),
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<AuditScreen />) };
}

const NEWEST: AuditQuery = { actorLogin: null, recordType: null, from: null, to: null, beforeSeq: null, limit: AUDIT_PAGE_SIZE };

const auditRequests = (ipc: ReturnType<typeof setup>['ipc']) =>
  ipc.mock.calls.filter(([command]) => command === 'audit_list').map(([, args]) => (args as { request: AuditQuery }).request);

const entryRows = () => within(document.getElementById('audit-entries') as HTMLElement).getAllByRole('row').slice(1);

describe('AuditScreen', () => {
  it('shows the newest 50 entries: when in local time, who by name, what and the details', async () => {
    const { ipc } = setup();
    expect(await screen.findByText('change number 120')).toBeInTheDocument();
    expect(auditRequests(ipc)).toEqual([NEWEST]);
    expect(entryRows()).toHaveLength(50);
    const first = entryRows()[0] as HTMLElement;
    expect(first).toHaveTextContent('4 May 2026, 14:05');
    await waitFor(() => expect(first).toHaveTextContent('Jane Smith (jsmith)'));
    expect(first).toHaveTextContent('Changed a person’s details');
    expect(first).toHaveTextContent('person.update');
  });

  it('pages back with the cursor Rust gave, forward again, and back to the newest', async () => {
    const { ipc, user } = setup();
    await screen.findByText('change number 120');

    await user.click(screen.getByRole('button', { name: 'Older entries' }));
    expect(await screen.findByText('change number 70')).toBeInTheDocument();
    expect(screen.queryByText('change number 120')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Older entries' }));
    expect(await screen.findByText('change number 20')).toBeInTheDocument();
    expect(entryRows()).toHaveLength(20);
    // The oldest page: nothing older.
    expect(screen.queryByRole('button', { name: 'Older entries' })).toBeNull();
    expect(auditRequests(ipc).map((request) => request.beforeSeq)).toEqual([null, 71, 21]);

    await user.click(screen.getByRole('button', { name: 'Newer entries' }));
    expect(await screen.findByText('change number 70')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Older entries' }));
    await screen.findByText('change number 20');
    await user.click(screen.getByRole('button', { name: 'Back to the newest entries' }));
    expect(await screen.findByText('change number 120')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Newer entries' })).toBeNull();
  });

  it('sends the filters, starting again from the newest entry', async () => {
    const { ipc, user } = setup();
    await screen.findByText('change number 120');
    await user.click(screen.getByRole('button', { name: 'Older entries' }));
    await screen.findByText('change number 70');

    await user.selectOptions(screen.getByLabelText('Who'), 'Jordan Ellis (jellis)');
    await user.selectOptions(screen.getByLabelText('Kind of record'), 'People');
    await user.type(screen.getByLabelText('From (optional)'), '2026-04-01');
    await user.type(screen.getByLabelText('To (optional)'), '2026-04-30');
    await user.click(screen.getByRole('button', { name: 'Show entries' }));

    await waitFor(() =>
      expect(auditRequests(ipc).at(-1)).toEqual({
        actorLogin: 'jellis',
        recordType: 'person',
        from: '2026-04-01',
        to: '2026-04-30',
        beforeSeq: null,
        limit: 50,
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Older entries' }));
    await waitFor(() => expect(auditRequests(ipc).at(-1)).toMatchObject({ actorLogin: 'jellis', beforeSeq: 71 }));
  });

  it('asks for a login by hand when the register cannot be read', async () => {
    const { ipc, user } = setup({
      people_list: () => {
        throw commandError('forbidden', 'Only practice managers may see the staff register');
      },
    });
    await user.type(await screen.findByLabelText('Who (login name)'), 'jellis');
    await user.click(screen.getByRole('button', { name: 'Show entries' }));
    await waitFor(() => expect(auditRequests(ipc).at(-1)).toMatchObject({ actorLogin: 'jellis' }));
  });

  it('shows a date Rust cannot read beside its field', async () => {
    const { user } = setup({
      audit_list: (query) => {
        if (query.from === null) return trail(3)(query);
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'from', message: 'Enter a real date, for example 2026-04-01' },
        ]);
      },
    });
    await screen.findByText('change number 3');
    await user.type(screen.getByLabelText('From (optional)'), '2026-02-28');
    await user.click(screen.getByRole('button', { name: 'Show entries' }));
    expect(await screen.findByRole('link', { name: 'Enter a real date, for example 2026-04-01' })).toHaveAttribute('href', '#audit-from');
  });

  it('says when nothing matches, and when the trail cannot be read', async () => {
    const empty = setup({ audit_list: () => ({ entries: [], nextBeforeSeq: null }) });
    expect(await screen.findByText('The audit trail is empty.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Older entries' })).toBeNull();
    empty.unmount();

    setup({
      audit_list: () => {
        throw commandError('forbidden', 'Only practice managers, IG leads, SIROs and DPOs may read the audit trail');
      },
    });
    expect(await screen.findByText(/may read the audit trail/)).toBeInTheDocument();
  });

  it('says that every entry links correctly when the chain holds', async () => {
    const { ipc, user } = setup({ audit_verify: () => ({ entries: 12345, intact: true, firstBroken: null, head: 'ab12cd' }) });
    await user.click(screen.getByRole('button', { name: 'Check the chain' }));
    expect(await screen.findByText(/All 12,345 entries link correctly/)).toBeInTheDocument();
    expect(document.getElementById('audit-chain-status')).toHaveTextContent('ab12cd');
    expect(ipc).toHaveBeenCalledWith('audit_verify', {});
  });

  it('names the first entry that breaks the chain', async () => {
    const { user } = setup({ audit_verify: () => ({ entries: 120, intact: false, firstBroken: 57, head: 'ab12cd' }) });
    await user.click(screen.getByRole('button', { name: 'Check the chain' }));
    await waitFor(() =>
      expect(document.getElementById('audit-chain-status')).toHaveTextContent(
        'Entry 57 has been altered or an entry before it removed',
      ),
    );
    expect(document.getElementById('audit-chain-status')).not.toHaveTextContent('link correctly');
  });
});
