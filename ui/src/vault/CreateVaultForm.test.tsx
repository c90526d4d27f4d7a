import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { CreatedVault, PasswordStrength } from '../ipc';
import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { appStatus } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { CreateVaultForm } from './CreateVaultForm';

const created: CreatedVault = {
  recoveryKey: 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-WXYZ',
  vaultPath: '/home/jane/Documents/Custodian/Riverside Surgery.custodian',
};

const weak: PasswordStrength = {
  acceptable: false,
  score: 1,
  warning: 'This is similar to a commonly used password',
  suggestions: ['Add another word or two'],
};

function setup(handlers: CommandHandlers) {
  const ipc = commandHandler({ password_check: () => weak, app_status: () => appStatus(), ...handlers });
  mockIPC(ipc);
  const onCreated = vi.fn();
  const view = renderWithQuery(
    <CreateVaultForm defaultVaultFolder="/home/jane/Documents/Custodian" onCreated={onCreated} onCancel={() => {}} />,
  );
  return { ipc, onCreated, ...view };
}

async function fillIn(user: ReturnType<typeof setup>['user'], confirmPassword = 'kettle orbit lantern') {
  await user.type(screen.getByLabelText('Practice name'), 'Riverside Surgery');
  await user.type(screen.getByLabelText('ODS code'), 'B86001');
  await user.type(screen.getByLabelText('Your full name'), 'Jane Smith');
  await user.type(screen.getByLabelText('Login name'), 'jsmith');
  await user.type(screen.getByLabelText('Password'), 'kettle orbit lantern');
  await user.type(screen.getByLabelText('Type the password again'), confirmPassword);
}

describe('CreateVaultForm', () => {
  it('sends the practice and person to Rust, without the confirmation, and hands back the recovery key', async () => {
    const { ipc, onCreated, user } = setup({ vault_create: () => created });
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Create vault' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    expect(ipc).toHaveBeenCalledWith('vault_create', {
      request: {
        practiceName: 'Riverside Surgery',
        odsCode: 'B86001',
        fullName: 'Jane Smith',
        login: 'jsmith',
        password: 'kettle orbit lantern',
      },
    });
  });

  it('shows the field errors Rust returns in the error summary and beside each field', async () => {
    const { user } = setup({
      vault_create: () => {
        throw commandError('invalid_input', 'Some answers need correcting', [
          { field: 'odsCode', message: 'An ODS code is 3 to 6 letters and digits' },
          { field: 'password', message: 'This password is too easy to guess' },
        ]);
      },
    });
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Create vault' }));

    const summary = await screen.findByRole('alert');
    expect(document.getElementById('error-summary')).toHaveFocus();
    const odsLink = screen.getByRole('link', { name: 'An ODS code is 3 to 6 letters and digits' });
    expect(odsLink).toHaveAttribute('href', '#ods-code');
    expect(summary).toHaveTextContent('This password is too easy to guess');
    expect(document.getElementById('ods-code-error')).toHaveTextContent('An ODS code is 3 to 6 letters and digits');
    expect(document.getElementById('password-error')).toHaveTextContent('This password is too easy to guess');
    expect(screen.getByLabelText('ODS code')).toHaveAttribute('aria-invalid', 'true');
    expect(document.getElementById('practice-name-error')).toBeNull();

    await user.click(odsLink);
    expect(screen.getByLabelText('ODS code')).toHaveFocus();
  });

  it('stops a mismatched confirmation before anything reaches Rust', async () => {
    const { ipc, user } = setup({ vault_create: () => created });
    await fillIn(user, 'kettle orbit lantern!');
    await user.click(screen.getByRole('button', { name: 'Create vault' }));

    expect(await screen.findByRole('link', { name: 'The two passwords do not match' })).toHaveAttribute(
      'href',
      '#confirm-password',
    );
    expect(document.getElementById('confirm-password-error')).toHaveTextContent('The two passwords do not match');
    expect(document.getElementById('error-summary')).toHaveFocus();
    expect(ipc.mock.calls.map(([command]) => command)).not.toContain('vault_create');
  });

  it('lists every missing answer at once', async () => {
    const { ipc, user } = setup({ vault_create: () => created });
    await user.click(screen.getByRole('button', { name: 'Create vault' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Enter the practice name');
    expect(summary).toHaveTextContent("Enter the practice's ODS code");
    expect(summary).toHaveTextContent('Enter a password');
    expect(ipc).not.toHaveBeenCalled();
  });

  it('judges the password in Rust, against the name, login and practice, and shows the advice', async () => {
    const { ipc, user } = setup({ vault_create: () => created });
    await fillIn(user);

    expect(await screen.findByText('This is similar to a commonly used password')).toBeInTheDocument();
    expect(screen.getByText('Add another word or two')).toBeInTheDocument();
    expect(screen.getByText('Not strong enough yet')).toBeInTheDocument();
    expect(ipc).toHaveBeenLastCalledWith('password_check', {
      request: { password: 'kettle orbit lantern', context: ['Jane Smith', 'jsmith', 'Riverside Surgery'] },
    });
  });

  it('says that creating the vault takes a few seconds while it does', async () => {
    let finish: (value: CreatedVault) => void = () => {};
    const { user } = setup({ vault_create: () => new Promise<CreatedVault>((resolve) => (finish = resolve)) });
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Create vault' }));

    expect(await screen.findByText(/can take a few seconds/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create vault' })).toBeDisabled();
    finish(created);
    await waitFor(() => expect(screen.queryByText(/can take a few seconds/)).toBeNull());
  });
});
