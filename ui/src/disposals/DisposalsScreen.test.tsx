import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { SessionInfo } from '../ipc';
import { commandError } from '../testing/commands';
import { appStatus, session, staffSession } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { DisposalsScreen } from './DisposalsScreen';
import {
  CERTIFICATE_HASH,
  deviceDisposal,
  disposalHandler,
  logView,
  wasteCollection,
  type DisposalHandlers,
} from './testing';

function setup(handlers: DisposalHandlers = {}, shown: SessionInfo = session) {
  const ipc = disposalHandler({
    app_status: () => appStatus({ session: shown }),
    disposal_list: () => logView(),
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<DisposalsScreen session={shown} />) };
}

type Ipc = ReturnType<typeof setup>['ipc'];
const calls = (ipc: Ipc, command: string) => ipc.mock.calls.filter(([name]) => name === command).length;
const byId = (id: string) => document.getElementById(id);
const row = (id: number) => document.querySelector(`#disposal-log [data-disposal="${id}"]`) as HTMLElement;

/** Someone who may see the register and the log, but neither records nor checks disposals. */
const viewerSession: SessionInfo = {
  ...staffSession,
  permissions: { ...staffSession.permissions, viewDevices: true },
};

describe('DisposalsScreen: the log', () => {
  it('shows each disposal, newest first, with its certificate, hash and whether it was checked', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Disposals' })).toBeInTheDocument();
    await screen.findByRole('table');
    expect(screen.getByText(/certificate of destruction kept encrypted in the vault/)).toBeInTheDocument();
    expect(byId('disposal-counts')).toHaveTextContent('2 disposals: 1 not checked yet.');

    const rows = document.querySelectorAll('#disposal-log tbody tr');
    expect([...rows].map((tr) => tr.getAttribute('data-disposal'))).toEqual(['41', '40']);

    const device = row(40);
    expect(device).toHaveTextContent('14 May 2025');
    expect(device).toHaveTextContent('LT-0012');
    expect(device).toHaveTextContent('Physically destroyed');
    expect(device).toHaveTextContent('SecureShred Ltd');
    expect(device).toHaveTextContent('Contractor: Northern IT Recycling');
    expect(device).toHaveTextContent('No. COD-88121');
    expect(device).toHaveTextContent('COD-88121.pdf');
    const hash = within(device).getByTitle(CERTIFICATE_HASH);
    expect(hash).toHaveTextContent(`${CERTIFICATE_HASH.slice(0, 12)}…`);
    expect(hash).toHaveTextContent(`SHA-256 ${CERTIFICATE_HASH}`);
    expect(within(device).getByText('Not checked')).toHaveClass('nhsuk-tag', 'nhsuk-tag--orange');
    expect(byId('disposal-certificate-40')).toHaveTextContent('Open certificate');

    const waste = row(41);
    expect(waste).toHaveTextContent('Confidential waste');
    expect(waste).toHaveTextContent('4 bags or containers, consignment WTN-5521');
    expect(waste).toHaveTextContent('Shredded (paper)');
    expect(waste).toHaveTextContent('Shred-It');
    expect(waste).toHaveTextContent('None');
    expect(within(waste).getByText('Checked by Priya Shah')).toHaveClass('nhsuk-tag', 'nhsuk-tag--green');
    expect(byId('disposal-certificate-41')).toBeNull();
  });

  it('offers to record and to check and sign only what core allows: each unchecked row, for a checker', async () => {
    setup();
    await screen.findByRole('table');
    expect(byId('disposal-record-device')).toHaveTextContent('Record a device disposal');
    expect(byId('disposal-record-waste')).toHaveTextContent('Record a confidential-waste collection');
    expect(byId('disposal-check-40')).toHaveTextContent('Check and sign');
    expect(byId('disposal-check-41')).toBeNull();
  });

  it('shows no action buttons to someone who neither records nor checks', async () => {
    setup({ disposal_list: () => logView({ canRecord: false, canCheck: false, devices: [] }) }, viewerSession);
    await screen.findByRole('table');
    expect(byId('disposal-record-device')).toBeNull();
    expect(byId('disposal-record-waste')).toBeNull();
    expect(byId('disposal-check-40')).toBeNull();
    expect(screen.queryByRole('button', { name: /Check and sign/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Record/ })).toBeNull();
    // They may still read every record and open its certificate.
    expect(byId('disposal-certificate-40')).toBeInTheDocument();
    expect(byId('disposal-view-40')).toBeInTheDocument();
  });

  it('opens a row onto every field, the re-use assessment and the statement signed', async () => {
    const reused = deviceDisposal({
      id: 42,
      assetTag: 'DT-0003',
      method: 'wipe_and_reuse',
      methodLabel: 'Wiped and re-used',
      reuseAssessment: 'Good condition\nWiped with Blancco\nGoes to reception',
      checkedBy: { id: 3, fullName: 'Priya Shah' },
      checkedAt: '2025-05-15T09:00:00Z',
      checkStatement: 'I, Priya Shah, have checked the disposal of DT-0003 (wiped and re-used) on 2025-05-14, and the record is correct.',
    });
    const { user } = setup({ disposal_list: () => logView({ disposals: [reused] }) });
    const view = await screen.findByRole('button', { name: 'View the details of DT-0003' });
    expect(view).toHaveAttribute('id', 'disposal-view-42');
    expect(view).toHaveAttribute('aria-expanded', 'false');
    expect(byId('disposal-details-42')).toBeNull();

    await user.click(view);
    expect(view).toHaveAttribute('aria-expanded', 'true');
    const details = byId('disposal-details-42') as HTMLElement;
    expect(details).toHaveTextContent('ReasonEnd of life');
    expect(details).toHaveTextContent('Re-use assessmentGood conditionWiped with BlanccoGoes to reception');
    expect(details).toHaveTextContent('Standard followedNCSC secure sanitisation');
    expect(details).toHaveTextContent('Contract referenceNITR-2025-07');
    expect(details).toHaveTextContent('WitnessJordan Ellis');
    expect(details).toHaveTextContent(`SHA-256 ${CERTIFICATE_HASH}`);
    expect(details).toHaveTextContent('application/pdf, 245 KB');
    expect(details).toHaveTextContent('Recorded byJane Smith');
    expect(details).toHaveTextContent('Checked byPriya Shah');
    expect(details).toHaveTextContent(`Statement signed${reused.checkStatement ?? ''}`);

    await user.click(screen.getByRole('button', { name: 'Hide the details of DT-0003' }));
    expect(byId('disposal-details-42')).toBeNull();
  });

  it('saves the certificate from the vault, then opens the file saved', async () => {
    const path = '/home/jane/Documents/Custodian/exports/COD-88121.pdf';
    const { ipc, user } = setup({
      disposal_certificate_export: () => ({ path }),
      export_open: () => null,
    });
    await user.click(await screen.findByRole('button', { name: 'Open certificate for LT-0012' }));

    await waitFor(() => expect(ipc).toHaveBeenCalledWith('export_open', { request: { path } }));
    expect(ipc).toHaveBeenCalledWith('disposal_certificate_export', { request: { id: 40 } });
    const order = ipc.mock.calls.map(([name]) => name);
    expect(order.indexOf('disposal_certificate_export')).toBeLessThan(order.indexOf('export_open'));
    expect(await screen.findByText(path)).toHaveAttribute('id', 'disposal-certificate-path');
  });

  it('says why a certificate cannot be opened', async () => {
    const { ipc, user } = setup({
      disposal_certificate_export: () => {
        throw commandError('not_found', 'No certificate is attached to this disposal');
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Open certificate for LT-0012' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No certificate is attached to this disposal');
    expect(calls(ipc, 'export_open')).toBe(0);
  });

  it('says when nothing has been disposed of', async () => {
    setup({ disposal_list: () => logView({ disposals: [] }) });
    expect(await screen.findByText('Nothing has been recorded as disposed of yet.')).toBeInTheDocument();
    expect(byId('disposal-record-device')).toBeInTheDocument();
  });

  it('says why the log cannot be shown, and tries again', async () => {
    let attempts = 0;
    const { user } = setup({
      disposal_list: () => {
        attempts += 1;
        if (attempts === 1) throw commandError('internal', 'The vault could not be read');
        return logView();
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The vault could not be read');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });

  it('keeps the hash and certificate of a collection with one attached', async () => {
    setup({
      disposal_list: () =>
        logView({
          disposals: [
            wasteCollection({
              certificateNumber: 'SI-1001',
              certificate: { fileName: 'SI-1001.jpg', sha256: CERTIFICATE_HASH, mediaType: 'image/jpeg', size: 900 },
            }),
          ],
        }),
    });
    expect(await screen.findByRole('button', { name: 'Open certificate for Confidential waste' })).toHaveAttribute(
      'id',
      'disposal-certificate-41',
    );
    expect(row(41)).toHaveTextContent('SI-1001.jpg');
  });
});
