import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { MatrixView } from '../ipc';
import { acknowledgementRow, matrixView } from '../testing/acknowledgementFixtures';
import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { AcknowledgementsScreen } from './AcknowledgementsScreen';

function setup(matrix: () => MatrixView = () => matrixView(), handlers: CommandHandlers = {}) {
  const ipc = commandHandler({ ack_matrix: matrix, ...handlers });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<AcknowledgementsScreen session={session} />) };
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const findById = (id: string) =>
  waitFor(() => {
    const element = document.getElementById(id);
    if (!element) throw new Error(`No #${id} yet`);
    return element;
  });
const hiddenText = (element: HTMLElement) =>
  Array.from(element.querySelectorAll('.nhsuk-u-visually-hidden'))
    .map((node) => node.textContent)
    .join('');

describe('AcknowledgementsScreen', () => {
  it("states the practice's figure against its bar, as core worked it out", async () => {
    setup(() =>
      matrixView({ practicePermille: 925, peopleUpToDate: 37, peopleInScope: 40, barPercent: 95, meetsBar: false }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Acknowledgements' })).toBeInTheDocument();
    const figure = await screen.findByText(/of staff have acknowledged/);
    expect(byId('ack-practice-figure')).toContainElement(figure);
    expect(byId('ack-practice-figure')).toHaveTextContent(
      "92.5% of staff have acknowledged every policy that applies to them (37 of 40). The practice's bar is 95%.",
    );
    const tag = within(byId('ack-practice-figure')).getByText('Below the bar');
    expect(tag).toHaveClass('nhsuk-tag--red');
  });

  it('says so in green when the practice meets its bar', async () => {
    setup(() => matrixView({ practicePermille: 1000, peopleUpToDate: 2, meetsBar: true, barPercent: 90 }));
    const tag = await screen.findByText('Meets the bar');
    expect(tag).toHaveClass('nhsuk-tag--green');
    expect(byId('ack-practice-figure')).toHaveTextContent('100.0% of staff');
    expect(byId('ack-practice-figure')).toHaveTextContent("The practice's bar is 90%.");
  });

  it('shows each policy: how many of those due have acknowledged it', async () => {
    setup();
    const table = await screen.findByRole('table', { name: 'Acknowledgements of each policy' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(first).toHaveTextContent('Data protection policy');
    expect(first).toHaveTextContent('2.0');
    expect(first).toHaveTextContent('1 of 2');
    expect(first).toHaveTextContent('50.0%');
    expect(second).toHaveTextContent('1 of 1');
    expect(second).toHaveTextContent('100.0%');
  });

  it('shows the matrix: short column headings with the full title, and cells that read aloud', async () => {
    setup();
    const matrix = await findById('ack-matrix');
    const headers = within(matrix).getAllByRole('columnheader');
    expect(headers.map((header) => header.getAttribute('title'))).toEqual([
      null,
      null,
      'Data protection policy, version 2.0',
      'Clinical photography, version 1.0',
    ]);
    expect(hiddenText(headers[2] as HTMLElement)).toBe('Data protection policy, version 2.0');
    expect(byId('ack-matrix').closest('.custodian-table-scroll')).toBeInTheDocument();

    const jane = within(matrix).getByRole('rowheader', { name: /Jane Smith/ });
    expect(jane).toHaveTextContent('Practice manager');
    expect(jane.closest('tr')).toHaveTextContent('2 of 2');

    const own = byId('ack-cell-1-1');
    expect(own).toHaveAttribute('data-state', 'acknowledged');
    expect(own.querySelector('[aria-hidden="true"]')).toHaveTextContent(/^✓$/);
    expect(hiddenText(own)).toBe('acknowledged 2 April 2026');

    const behalf = byId('ack-cell-1-3');
    expect(behalf.querySelector('[aria-hidden="true"]')).toHaveTextContent(/^✓\*$/);
    expect(hiddenText(behalf)).toBe('acknowledged 3 February 2026 (on behalf)');

    const due = byId('ack-cell-2-1');
    expect(due).toHaveTextContent(/^Due since 1 April 2026$/);
    expect(hiddenText(due)).toBe(' since 1 April 2026');
    expect(due.querySelector('[title]')).toHaveAttribute('title', 'Due since 1 April 2026');
    expect(due.querySelector('.custodian-matrix__due')).toBeInTheDocument();

    const notRequired = byId('ack-cell-2-3');
    expect(notRequired.querySelector('[aria-hidden="true"]')).toHaveTextContent(/^–$/);
    expect(hiddenText(notRequired)).toBe('not required');

    expect(byId('ack-matrix-legend')).toHaveTextContent('✓* acknowledged, recorded on their behalf by a manager');
  });

  it('lists who to chase, and prints only that list', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const { user } = setup();
    const list = await findById('ack-chase-list');
    const [, row] = within(list).getAllByRole('row');
    expect(row).toHaveTextContent('Jordan Ellis');
    expect(row).toHaveTextContent('Data protection policy');
    expect(row).toHaveTextContent('1 April 2026');
    expect(row).toHaveTextContent('34');
    expect(list.closest('.custodian-print-area')).toBeInTheDocument();

    await user.click(byId('ack-print-chase'));
    expect(print).toHaveBeenCalledOnce();
  });

  it('exports the chase list or the matrix as CSV, and opens the file', async () => {
    const { ipc, user } = setup(undefined, {
      ack_export: ({ kind }) => ({ path: `/srv/shared/exports/${kind}.csv` }),
      export_open: () => null,
    });
    await user.click(await screen.findByRole('button', { name: 'Export the chase list (CSV)' }));
    expect(ipc).toHaveBeenCalledWith('ack_export', { request: { kind: 'chase_list' } });
    await waitFor(() => expect(byId('ack-export-path')).toHaveTextContent('/srv/shared/exports/chase_list.csv'));
    expect(byId('ack-exported')).toHaveTextContent('The chase list was saved as a CSV file');

    await user.click(byId('ack-export-open'));
    expect(ipc).toHaveBeenCalledWith('export_open', { request: { path: '/srv/shared/exports/chase_list.csv' } });

    await user.click(byId('ack-export-matrix'));
    expect(ipc).toHaveBeenCalledWith('ack_export', { request: { kind: 'matrix' } });
    await waitFor(() => expect(byId('ack-export-path')).toHaveTextContent('/srv/shared/exports/matrix.csv'));
    await user.click(byId('ack-export-open'));
    expect(ipc).toHaveBeenLastCalledWith('export_open', { request: { path: '/srv/shared/exports/matrix.csv' } });
  });

  it('says why an export failed', async () => {
    const { user } = setup(undefined, {
      ack_export: () => {
        throw commandError('internal', 'The exports folder cannot be written to');
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Export the matrix (CSV)' }));
    await waitFor(() => expect(byId('ack-export-error')).toHaveTextContent('The exports folder cannot be written to'));
  });

  it('records an acknowledgement on someone’s behalf with the reason, then reads the matrix again', async () => {
    let matrix = matrixView();
    const { ipc, user } = setup(() => matrix, {
      ack_on_behalf: (request) => {
        matrix = matrixView({ chase: [] });
        return acknowledgementRow({
          personId: request.personId,
          fullName: 'Jordan Ellis',
          versionId: request.versionId,
          method: 'on_behalf',
          recordedBy: { id: 1, fullName: 'Jane Smith' },
          reason: request.reason,
        });
      },
    });
    const record = await screen.findByRole('button', { name: /Record for Jordan Ellis/ });
    expect(record).toHaveAttribute('id', 'on-behalf-2-11');
    await user.click(record);

    expect(byId('on-behalf-form')).toHaveTextContent('recorded on their behalf');
    const reason = screen.getByLabelText('Why are you recording it for them?');
    expect(reason).toHaveAttribute('id', 'on-behalf-reason');
    expect(reason).toHaveFocus();
    expect(screen.getByText('For example: signed the paper sheet on 3 March')).toBeInTheDocument();
    await user.type(reason, 'signed the paper sheet on 3 May');
    await user.click(byId('on-behalf-save'));

    expect(ipc).toHaveBeenCalledWith('ack_on_behalf', {
      request: { personId: 2, versionId: 11, reason: 'signed the paper sheet on 3 May' },
    });
    await waitFor(() =>
      expect(byId('on-behalf-status')).toHaveTextContent(
        'Recorded on their behalf: Jordan Ellis acknowledged Data protection policy version 2.0.',
      ),
    );
    await waitFor(() => expect(byId('ack-chase-empty')).toHaveTextContent('Nobody has an acknowledgement outstanding.'));
    expect(ipc.mock.calls.filter(([command]) => command === 'ack_matrix')).toHaveLength(2);
    expect(document.getElementById('on-behalf-form')).toBeNull();
  });

  it('shows why Rust would not record it: beside the reason, or for the whole form', async () => {
    let answer = commandError('invalid_input', 'Check the acknowledgement', [
      { field: 'reason', message: 'Say why you are recording it for them' },
    ]);
    const { user } = setup(undefined, {
      ack_on_behalf: () => {
        throw answer;
      },
    });
    await user.click(await screen.findByRole('button', { name: /Record for Jordan Ellis/ }));
    await user.click(byId('on-behalf-save'));

    expect(await screen.findByRole('link', { name: 'Say why you are recording it for them' })).toHaveAttribute(
      'href',
      '#on-behalf-reason',
    );
    expect(byId('on-behalf-reason-error')).toHaveTextContent('Say why you are recording it for them');
    expect(byId('on-behalf-error-summary')).toHaveFocus();

    answer = commandError('refused', 'Jordan Ellis left on 2026-05-01');
    await user.type(byId('on-behalf-reason'), 'paper sheet');
    await user.click(byId('on-behalf-save'));
    await waitFor(() => expect(byId('on-behalf-error-summary')).toHaveTextContent('Jordan Ellis left on 2026-05-01'));
  });

  it('offers no recording on someone’s behalf to those who may not', async () => {
    setup(() => matrixView({ canRecordOnBehalf: false }));
    await findById('ack-chase-list');
    expect(screen.queryByRole('button', { name: /Record for/ })).toBeNull();
  });

  it('says when no policy has been published', async () => {
    setup(() =>
      matrixView({
        policies: [],
        cells: [[], []],
        chase: [],
        peopleInScope: 0,
        peopleUpToDate: 0,
        practicePermille: 1000,
        meetsBar: true,
      }),
    );
    expect(await screen.findByText(/No policy has been published yet/)).toBeInTheDocument();
    expect(byId('ack-practice-figure')).toHaveTextContent('Nobody has a published policy to acknowledge yet.');
    expect(document.getElementById('ack-matrix')).toBeNull();
  });

  it('says why the matrix cannot be shown', async () => {
    setup(() => {
      throw commandError('forbidden', 'Your roles do not allow you to see everyone’s acknowledgements');
    });
    expect(await screen.findByText('Your roles do not allow you to see everyone’s acknowledgements')).toBeInTheDocument();
  });
});
