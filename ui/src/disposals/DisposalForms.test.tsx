import { mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { DisposalRequest } from '../ipc';
import { today } from '../shared/dates';
import { commandError } from '../testing/commands';
import { appStatus, session } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { DisposalsScreen } from './DisposalsScreen';
import { deviceDisposal, deviceMethods, disposalHandler, logView, wasteCollection, wasteMethods, type DisposalHandlers } from './testing';

function setup(handlers: DisposalHandlers = {}) {
  const ipc = disposalHandler({
    app_status: () => appStatus({ session }),
    disposal_list: () => logView(),
    ...handlers,
  });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<DisposalsScreen session={session} />) };
}

type Ipc = ReturnType<typeof setup>['ipc'];
type User = ReturnType<typeof setup>['user'];
const calls = (ipc: Ipc, command: string) => ipc.mock.calls.filter(([name]) => name === command).length;
const byId = (id: string) => document.getElementById(id) as HTMLElement;

/** Every field empty: what a request carries for whatever is not on the form. */
const EMPTY: DisposalRequest = {
  deviceId: null,
  disposedOn: '',
  reason: '',
  method: '',
  sanitisationStandard: '',
  performedBy: '',
  contractor: '',
  contractReference: '',
  certificateNumber: '',
  certificatePath: '',
  witness: '',
  reuseAssessment: '',
  consignmentReference: '',
  containers: '',
};

function setDate(value: string) {
  fireEvent.change(byId('disposal-date'), { target: { value } });
}

async function openDeviceForm(user: User) {
  await user.click(await screen.findByRole('button', { name: 'Record a device disposal' }));
  expect(screen.getByRole('heading', { level: 1, name: 'Record a device disposal' })).toBeInTheDocument();
}

async function openWasteForm(user: User) {
  await user.click(await screen.findByRole('button', { name: 'Record a confidential-waste collection' }));
  expect(screen.getByRole('heading', { level: 1, name: 'Record a confidential-waste collection' })).toBeInTheDocument();
}

describe('Recording a device disposal', () => {
  it('offers the devices and the methods core lists for devices, dated today', async () => {
    const { user } = setup();
    await openDeviceForm(user);

    const device = screen.getByLabelText('Device');
    expect(device).toHaveAttribute('id', 'disposal-device');
    expect(within(device).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Choose a device',
      'LT-0007 — Laptop Dell Latitude 5440',
      'DT-0012 — Desktop HP EliteDesk 800',
    ]);
    expect(screen.getByText('Devices still held by someone are not listed: record their return first')).toBeInTheDocument();
    expect(byId('disposal-date')).toHaveAttribute('type', 'date');
    expect(byId('disposal-date')).toHaveValue(today());
    expect(screen.getByText('For example: end of life, faulty, lost data-bearing part')).toBeInTheDocument();
    expect(screen.getByText('For example: NCSC secure sanitisation, HMG IS5, NIST 800-88')).toBeInTheDocument();
    expect(screen.getByText('PDF, PNG or JPEG')).toBeInTheDocument();

    const methods = within(screen.getByRole('group', { name: 'How was it disposed of?' }));
    expect(methods.getAllByRole('radio').map((radio) => radio.id)).toEqual([
      'disposal-method-wipe_and_reuse',
      'disposal-method-crypto_erase',
      'disposal-method-physical_destruction',
      'disposal-method-return_to_supplier',
    ]);
    expect(methods.getByLabelText('Physically destroyed')).toHaveAttribute('id', 'disposal-method-physical_destruction');
    expect(byId('disposal-method-shredding')).toBeNull();
  });

  it('offers whatever methods core lists for devices, leaving none out', async () => {
    const { user } = setup({
      disposal_list: () => logView({ deviceMethods: [...deviceMethods, { value: 'shredding', label: 'Shredded (paper)' }] }),
    });
    await openDeviceForm(user);
    expect(byId('disposal-method-shredding')).toHaveAttribute('type', 'radio');
  });

  it('asks for the re-use assessment only when the device is wiped for re-use', async () => {
    const { user } = setup();
    await openDeviceForm(user);
    expect(byId('disposal-reuse-assessment')).toBeNull();

    await user.click(screen.getByLabelText('Wiped and re-used'));
    expect(screen.getByLabelText('Re-use assessment')).toHaveAttribute('id', 'disposal-reuse-assessment');
    expect(screen.getByText('Its condition, how it was wiped, and who it will go to')).toBeInTheDocument();

    await user.click(screen.getByLabelText('Crypto-erased'));
    expect(byId('disposal-reuse-assessment')).toBeNull();
  });

  it('sends exactly what was entered, with the device as a number and empty strings for the rest', async () => {
    const recorded = deviceDisposal({ id: 50, assetTag: 'DT-0012' });
    const { ipc, user } = setup({
      disposal_record: () => recorded,
      'plugin:dialog|open': () => '/home/jane/Scans/COD-88121.pdf',
    });
    await openDeviceForm(user);

    await user.selectOptions(screen.getByLabelText('Device'), 'DT-0012 — Desktop HP EliteDesk 800');
    setDate('2025-05-14');
    await user.type(screen.getByLabelText('Reason'), 'End of life');
    await user.click(screen.getByLabelText('Physically destroyed'));
    await user.type(screen.getByLabelText('Standard followed'), 'NCSC secure sanitisation');
    await user.type(screen.getByLabelText('Performed by'), 'SecureShred Ltd');
    await user.type(screen.getByLabelText('Contractor'), 'Northern IT Recycling');
    await user.type(screen.getByLabelText('Contract reference'), 'NITR-2025-07');
    await user.type(screen.getByLabelText('Certificate of destruction number'), 'COD-88121');
    await user.click(byId('disposal-certificate-choose'));
    await waitFor(() => expect(byId('disposal-certificate-path')).toHaveValue('/home/jane/Scans/COD-88121.pdf'));
    await user.type(screen.getByLabelText('Witness'), 'Jordan Ellis');
    await user.click(byId('disposal-save'));

    expect(await screen.findByRole('heading', { level: 1, name: 'Disposals' })).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('disposal_record', {
      request: {
        ...EMPTY,
        deviceId: 12,
        disposedOn: '2025-05-14',
        reason: 'End of life',
        method: 'physical_destruction',
        sanitisationStandard: 'NCSC secure sanitisation',
        performedBy: 'SecureShred Ltd',
        contractor: 'Northern IT Recycling',
        contractReference: 'NITR-2025-07',
        certificateNumber: 'COD-88121',
        certificatePath: '/home/jane/Scans/COD-88121.pdf',
        witness: 'Jordan Ellis',
      },
    });
    expect(byId('disposal-message')).toHaveAttribute('role', 'status');
    expect(byId('disposal-message')).toHaveTextContent('The disposal of DT-0012 is recorded.');
    // The log (and everything else the session shows) is read again.
    expect(calls(ipc, 'disposal_list')).toBe(2);
  });

  it('sends the re-use assessment for a device wiped for re-use', async () => {
    const { ipc, user } = setup({ disposal_record: () => deviceDisposal({ method: 'wipe_and_reuse' }) });
    await openDeviceForm(user);
    await user.selectOptions(screen.getByLabelText('Device'), 'LT-0007 — Laptop Dell Latitude 5440');
    await user.click(screen.getByLabelText('Wiped and re-used'));
    await user.type(screen.getByLabelText('Re-use assessment'), 'Good condition; goes to reception');
    await user.type(screen.getByLabelText('Performed by'), 'Jane Smith');
    await user.click(byId('disposal-save'));

    await waitFor(() =>
      expect(ipc).toHaveBeenCalledWith('disposal_record', {
        request: {
          ...EMPTY,
          deviceId: 7,
          disposedOn: today(),
          method: 'wipe_and_reuse',
          reuseAssessment: 'Good condition; goes to reception',
          performedBy: 'Jane Smith',
        },
      }),
    );
  });

  it('asks which device before sending, since a disposal with none is a waste collection', async () => {
    const { ipc, user } = setup();
    await openDeviceForm(user);
    await user.click(byId('disposal-save'));
    expect(await screen.findByRole('link', { name: 'Choose the device' })).toHaveAttribute('href', '#disposal-device');
    expect(calls(ipc, 'disposal_record')).toBe(0);
  });

  it('shows the problems core finds beside each field, and any other in the summary', async () => {
    const { ipc, user } = setup({
      disposal_record: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'disposedOn', message: 'A disposal cannot be recorded before it happens' },
          { field: 'method', message: 'Choose how it was disposed of' },
          { field: 'performedBy', message: 'Say which company or person did it' },
          {
            field: 'certificatePath',
            message: 'COD.docx is not a PDF, PNG or JPEG file; attach the certificate as a PDF or a photo',
          },
          { field: 'form', message: 'Something else is wrong with the disposal' },
        ]);
      },
    });
    await openDeviceForm(user);
    await user.selectOptions(screen.getByLabelText('Device'), 'LT-0007 — Laptop Dell Latitude 5440');
    await user.type(screen.getByLabelText("The certificate's file"), '/home/jane/COD.docx');
    await user.click(byId('disposal-save'));

    expect(await screen.findByRole('link', { name: /COD.docx is not a PDF, PNG or JPEG file/ })).toHaveAttribute(
      'href',
      '#disposal-certificate-path',
    );
    expect(byId('disposal-certificate-path-error')).toHaveTextContent('COD.docx is not a PDF, PNG or JPEG file');
    expect(byId('disposal-certificate-path')).toHaveAttribute('aria-invalid', 'true');
    expect(byId('disposal-date-error')).toHaveTextContent('A disposal cannot be recorded before it happens');
    expect(byId('disposal-method-error')).toHaveTextContent('Choose how it was disposed of');
    expect(screen.getByRole('link', { name: 'Choose how it was disposed of' })).toHaveAttribute(
      'href',
      '#disposal-method-wipe_and_reuse',
    );
    expect(byId('disposal-performed-by-error')).toHaveTextContent('Say which company or person did it');
    const summary = byId('error-summary');
    expect(summary).toHaveTextContent('Something else is wrong with the disposal');
    expect(within(summary).queryByRole('link', { name: 'Something else is wrong with the disposal' })).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Record a device disposal' })).toBeInTheDocument();
    // No method chosen: sent empty, for core to say so.
    expect(ipc).toHaveBeenCalledWith('disposal_record', {
      request: expect.objectContaining({ deviceId: 7, method: '', certificatePath: '/home/jane/COD.docx' }),
    });
  });

  it('shows a refusal from core (a device still held) in the summary', async () => {
    const { user } = setup({
      disposal_record: () => {
        throw commandError('refused', 'LT-0007 is still held by Jordan Ellis; record its return first');
      },
    });
    await openDeviceForm(user);
    await user.selectOptions(screen.getByLabelText('Device'), 'LT-0007 — Laptop Dell Latitude 5440');
    await user.click(byId('disposal-save'));
    expect(await screen.findByText('LT-0007 is still held by Jordan Ellis; record its return first')).toBeInTheDocument();
  });

  it('says when no device can be disposed of now', async () => {
    const { user } = setup({ disposal_list: () => logView({ devices: [] }) });
    await openDeviceForm(user);
    expect(byId('disposal-no-devices')).toHaveTextContent('No device can be disposed of now.');
  });

  it('goes back to the log without sending anything', async () => {
    const { ipc, user } = setup();
    await openDeviceForm(user);
    await user.click(byId('disposal-cancel'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Disposals' })).toBeInTheDocument();
    expect(byId('disposal-message')).toBeNull();
    expect(calls(ipc, 'disposal_record')).toBe(0);
  });
});

describe('Recording a confidential-waste collection', () => {
  it('sends no device, shredding, the consignment and the containers as typed', async () => {
    const { ipc, user } = setup({
      disposal_record: () => wasteCollection({ id: 60, consignmentReference: 'WTN-6001', checkedBy: null }),
    });
    await openWasteForm(user);
    expect(byId('disposal-device')).toBeNull();
    // The one method core lists for confidential waste, chosen already.
    const methods = within(screen.getByRole('group', { name: 'How was it destroyed?' }));
    expect(methods.getAllByRole('radio').map((radio) => radio.id)).toEqual(['disposal-method-shredding']);
    expect(methods.getByLabelText('Shredded (paper)')).toBeChecked();
    expect(byId('disposal-date')).toHaveValue(today());

    setDate('2025-06-02');
    await user.type(screen.getByLabelText('Company that collected it'), 'Shred-It');
    await user.type(screen.getByLabelText('Consignment reference'), 'WTN-6001');
    expect(screen.getByText('The consignment or waste-transfer note reference')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Number of bags or containers'), '4');
    await user.type(screen.getByLabelText('Certificate of destruction number'), 'SI-1001');
    await user.type(screen.getByLabelText("The certificate's file"), '/home/jane/Scans/SI-1001.jpg');
    await user.type(screen.getByLabelText('Witness'), 'Jordan Ellis');
    await user.click(byId('disposal-save'));

    expect(await screen.findByRole('heading', { level: 1, name: 'Disposals' })).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('disposal_record', {
      request: {
        ...EMPTY,
        deviceId: null,
        disposedOn: '2025-06-02',
        method: 'shredding',
        performedBy: 'Shred-It',
        consignmentReference: 'WTN-6001',
        containers: '4',
        certificateNumber: 'SI-1001',
        certificatePath: '/home/jane/Scans/SI-1001.jpg',
        witness: 'Jordan Ellis',
      },
    });
    expect(byId('disposal-message')).toHaveTextContent(
      'The confidential-waste collection (consignment WTN-6001) is recorded.',
    );
  });

  it('asks how it was destroyed when core lists more than one way, and shows its refusal beside the choice', async () => {
    const { ipc, user } = setup({
      disposal_list: () => logView({ wasteMethods: [...wasteMethods, { value: 'pulping', label: 'Pulped' }] }),
      disposal_record: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'method', message: 'Pulped is for devices; choose how the confidential waste was destroyed' },
        ]);
      },
    });
    await openWasteForm(user);
    expect(byId('disposal-method-shredding')).not.toBeChecked();
    await user.click(screen.getByLabelText('Pulped'));
    await user.click(byId('disposal-save'));
    expect(await screen.findByRole('link', { name: /Pulped is for devices/ })).toHaveAttribute('href', '#disposal-method-shredding');
    expect(byId('disposal-method-error')).toHaveTextContent('Pulped is for devices');
    expect(ipc).toHaveBeenCalledWith('disposal_record', { request: expect.objectContaining({ method: 'pulping' }) });
  });

  it('shows the consignment and containers problems beside their fields', async () => {
    const { ipc, user } = setup({
      disposal_record: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'consignmentReference', message: 'Give the consignment or waste-transfer note reference' },
          { field: 'containers', message: 'Say how many bags or containers were collected (a number from 1 to 1,000)' },
        ]);
      },
    });
    await openWasteForm(user);
    await user.type(screen.getByLabelText('Number of bags or containers'), 'four');
    await user.click(byId('disposal-save'));

    expect(await screen.findByRole('link', { name: /Give the consignment/ })).toHaveAttribute('href', '#disposal-consignment');
    expect(byId('disposal-containers-error')).toHaveTextContent('a number from 1 to 1,000');
    expect(ipc).toHaveBeenCalledWith('disposal_record', {
      request: expect.objectContaining({ containers: 'four', deviceId: null, method: 'shredding' }),
    });
  });
});
