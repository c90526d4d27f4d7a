import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { renderWithQuery } from '../testing/render';
import { CertificateImportSection } from './CertificateImportSection';

const imported = { subject: 'CN=Riverside Surgery, O=NHS Example Trust', fingerprint: 'AB:CD', exportedTo: null };

function setup(handlers: CommandHandlers) {
  const ipc = commandHandler(handlers);
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<CertificateImportSection />) };
}

describe('CertificateImportSection', () => {
  it('sends the chosen file with both passwords and shows what packs will now be signed as', async () => {
    const { ipc, user } = setup({
      'plugin:dialog|open': () => '/home/jane/practice.p12',
      certificate_import: () => imported,
    });
    await user.click(screen.getByRole('button', { name: 'Choose the .p12 or .pfx file' }));
    expect(await screen.findByText('/home/jane/practice.p12')).toBeInTheDocument();
    await user.type(screen.getByLabelText("The file's password"), 'file secret');
    await user.type(screen.getByLabelText(/Your Custodian password/), 'my password');
    await user.click(screen.getByRole('button', { name: 'Import the certificate' }));
    await waitFor(() =>
      expect(ipc).toHaveBeenCalledWith('certificate_import', {
        request: { path: '/home/jane/practice.p12', pkcs12Password: 'file secret', currentPassword: 'my password' },
      }),
    );
    expect(await screen.findByText(/Packs are now signed as CN=Riverside Surgery, O=NHS Example Trust/)).toBeInTheDocument();
  });

  it('asks for a file before calling Rust, and shows why Rust refused one', async () => {
    const { ipc, user } = setup({
      'plugin:dialog|open': () => '/home/jane/other.p12',
      certificate_import: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'pkcs12Password', message: 'That file could not be opened with that password' },
        ]);
      },
    });
    await user.type(screen.getByLabelText(/Your Custodian password/), 'my password');
    await user.click(screen.getByRole('button', { name: 'Import the certificate' }));
    expect(await screen.findByRole('link', { name: 'Choose the certificate file' })).toBeInTheDocument();
    expect(ipc).not.toHaveBeenCalledWith('certificate_import', expect.anything());

    await user.click(screen.getByRole('button', { name: 'Choose the .p12 or .pfx file' }));
    await screen.findByText('/home/jane/other.p12');
    await user.type(screen.getByLabelText(/Your Custodian password/), 'my password');
    await user.click(screen.getByRole('button', { name: 'Import the certificate' }));
    expect(await screen.findAllByText('That file could not be opened with that password')).not.toHaveLength(0);
  });
});
