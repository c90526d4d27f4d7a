import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { EvidenceMapView, PeriodRequest, SessionInfo } from '../ipc';
import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { appStatus, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { DsptScreen } from './DsptScreen';
import { evidenceEntry, evidenceMap } from './testing';

function setup(handlers: CommandHandlers = {}, shown: SessionInfo = session) {
  const ipc = commandHandler({
    app_status: () => appStatus({ session: shown }),
    dspt_evidence_map: () => evidenceMap(),
    ...handlers,
  });
  mockIPC(ipc);
  const onNavigate = vi.fn();
  return { ipc, onNavigate, ...renderWithQuery(<DsptScreen session={shown} onNavigate={onNavigate} />) };
}

const field = (id: string) => document.getElementById(id) as HTMLInputElement;
const row = (part: string) => document.getElementById(`dspt-item-${part}`) as HTMLElement;

describe('DsptScreen', () => {
  it('asks core for the current DSPT year and starts the period there', async () => {
    const { ipc } = setup();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('DSPT evidence');
    expect(screen.getByText('Loading the evidence map…')).toHaveAttribute('role', 'status');

    expect(await screen.findByRole('heading', { level: 2, name: '1 July 2026 to 30 June 2027' })).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('dspt_evidence_map', { request: { from: '', to: '' } });
    expect(field('dspt-from')).toHaveValue('2026-07-01');
    expect(field('dspt-to')).toHaveValue('2027-06-30');
    expect(document.getElementById('dspt-toolkit-year')).toHaveTextContent('2025-26');
    expect(document.getElementById('dspt-source')).toHaveTextContent('NHS England, Data Security and Protection Toolkit');
  });

  it('lists each item with its standing in words and colour, the evidence, what to do, and a summary', async () => {
    setup();
    await screen.findByRole('table');
    expect(document.getElementById('dspt-summary')).toHaveTextContent('1 looks met, 1 partly met, 1 missing');

    const met = row('1-3-1');
    expect(within(met).getByText('1.3.1')).toBeInTheDocument();
    expect(met).toHaveTextContent('approved, published and reviewed on time');
    expect(within(met).getByText('Looks met')).toHaveClass('nhsuk-tag', 'nhsuk-tag--green');
    expect(met).toHaveTextContent('14 policies published, every one reviewed on time.');
    expect(met).toHaveTextContent('In the pack: Policy register');
    expect(within(met).getByText('Nothing')).toBeInTheDocument();

    const partly = row('3-2-1');
    expect(within(partly).getByText('Partly met')).toHaveClass('nhsuk-tag', 'nhsuk-tag--orange');
    expect(partly).toHaveTextContent('Chase the 3 people on the chase list');

    const missing = row('6-1-1');
    expect(within(missing).getByText('Missing')).toHaveClass('nhsuk-tag', 'nhsuk-tag--red');
    expect(missing).toHaveAttribute('data-standing', 'missing');
    expect(missing).toHaveTextContent('Record incidents and near misses as they happen');
  });

  it('goes to the section where an item’s evidence is kept, when the person’s roles open it', async () => {
    const dpo: SessionInfo = {
      ...session,
      roles: ['dpo'],
      permissions: { ...session.permissions, viewDevices: false, manageDevices: false },
    };
    const { onNavigate, user } = setup(
      {
        dspt_evidence_map: () =>
          evidenceMap({
            entries: [
              evidenceEntry(),
              evidenceEntry({ id: '1.7.2', section: 'disposals', standing: 'partly_met', standingLabel: 'Partly met' }),
            ],
          }),
      },
      dpo,
    );
    await user.click(await screen.findByRole('button', { name: 'Go to Policies: item 1.3.1' }));
    expect(onNavigate).toHaveBeenCalledWith('policies');
    // The disposal log is not open to them: no way there from here either.
    expect(document.getElementById('dspt-go-1-7-2')).toBeNull();
    expect(document.getElementById('dspt-summary')).toHaveTextContent('1 looks met, 1 partly met, 0 missing');
  });

  it('shows another period when asked, keeping the last one while core judges it', async () => {
    let finish: (map: EvidenceMapView) => void = () => {};
    const { ipc, user } = setup({
      dspt_evidence_map: (request: PeriodRequest) =>
        request.from === '' ? evidenceMap() : new Promise<EvidenceMapView>((resolve) => (finish = resolve)),
    });
    await screen.findByRole('table');
    await user.clear(field('dspt-from'));
    await user.type(field('dspt-from'), '2025-04-01');
    await user.clear(field('dspt-to'));
    await user.type(field('dspt-to'), '2026-03-31');
    await user.click(screen.getByRole('button', { name: 'Show' }));

    await waitFor(() =>
      expect(ipc).toHaveBeenCalledWith('dspt_evidence_map', { request: { from: '2025-04-01', to: '2026-03-31' } }),
    );
    expect(document.getElementById('dspt-progress')).toHaveTextContent('Judging the records for the period…');
    expect(screen.getByRole('table')).toBeInTheDocument();

    finish(evidenceMap({ from: '2025-04-01', to: '2026-03-31', entries: [evidenceEntry()] }));
    expect(await screen.findByRole('heading', { level: 2, name: '1 April 2025 to 31 March 2026' })).toBeInTheDocument();
    expect(document.getElementById('dspt-summary')).toHaveTextContent('1 looks met, 0 partly met, 0 missing');
    expect(document.getElementById('dspt-progress')).toBeEmptyDOMElement();
  });

  it('checks the days’ shape first, and shows a period Rust refuses beside its fields', async () => {
    const { ipc, user } = setup({
      dspt_evidence_map: (request: PeriodRequest) => {
        if (request.from === '') return evidenceMap();
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'to', message: 'The end of the period cannot be before its start' },
        ]);
      },
    });
    await screen.findByRole('table');
    await user.clear(field('dspt-from'));
    await user.type(field('dspt-from'), '1/4/2025');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(await screen.findByRole('link', { name: /first day of the period as year-month-day/ })).toHaveAttribute(
      'href',
      '#dspt-from',
    );
    expect(ipc.mock.calls.filter(([command]) => command === 'dspt_evidence_map')).toHaveLength(1);

    await user.clear(field('dspt-from'));
    await user.type(field('dspt-from'), '2027-04-01');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(await screen.findByRole('link', { name: 'The end of the period cannot be before its start' })).toHaveAttribute(
      'href',
      '#dspt-to',
    );
    expect(document.getElementById('dspt-to-error')).toHaveTextContent('The end of the period cannot be before its start');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says why the map cannot be shown, and tries again', async () => {
    let attempts = 0;
    const { user } = setup({
      dspt_evidence_map: () => {
        attempts += 1;
        if (attempts === 1) throw commandError('internal', 'The evidence items cannot be read');
        return evidenceMap();
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The evidence items cannot be read');
    expect(document.getElementById('dspt-from')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(field('dspt-from')).toHaveValue('2026-07-01');
  });

  it('says so when no item is listed', async () => {
    setup({ dspt_evidence_map: () => evidenceMap({ entries: [] }) });
    expect(await screen.findByText("The toolkit lists no items that Custodian's records support.")).toBeInTheDocument();
    expect(document.getElementById('dspt-summary')).toHaveTextContent('0 look met, 0 partly met, 0 missing');
  });
});
