import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { AddedPerson, PeopleView, SessionInfo } from '../ipc';
import { today } from '../shared/dates';
import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { appStatus, jordan, peopleView, personRow, roleOptions, session, staffSession } from '../testing/fixtures';
import { renderWithQuery } from '../testing/render';
import { StaffScreen } from './StaffScreen';

function setup(handlers: CommandHandlers = {}, shown: SessionInfo = session) {
  const ipc = commandHandler({ app_status: () => appStatus({ session: shown }), people_list: () => peopleView(), ...handlers });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<StaffScreen session={shown} />) };
}

const row = (login: string) => document.querySelector(`[data-login="${login}"]`) as HTMLElement;
const calls = (ipc: ReturnType<typeof setup>['ipc'], command: string) =>
  ipc.mock.calls.filter(([name]) => name === command).length;

const added: AddedPerson = {
  person: personRow({ id: 3, fullName: 'Sam Okafor', login: 'sokafor', roles: ['staff', 'ig_lead'], mustChangePassword: true }),
  oneTimePassword: 'ABCD-EFGH-IJKL-MNOP',
};

async function fillInSam(user: ReturnType<typeof setup>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Add a person' }));
  await user.type(screen.getByLabelText('Full name'), 'Sam Okafor');
  await user.type(screen.getByLabelText('Login name'), 'sokafor');
  await user.type(screen.getByLabelText('Job title (optional)'), 'Practice nurse');
  await user.click(screen.getByLabelText('IG lead'));
  await user.clear(screen.getByLabelText('First day'));
  await user.type(screen.getByLabelText('First day'), '2025-01-06');
}

describe('StaffScreen', () => {
  it('lists everyone with their roles, first day and status', async () => {
    const leaving = personRow({ id: 4, fullName: 'Ann Lee', login: 'alee', roles: ['staff'], leavingDate: '2031-07-31', status: 'leaving' });
    const left = personRow({ id: 5, fullName: 'Bob Hart', login: 'bhart', roles: ['staff'], leavingDate: '2024-03-29', status: 'left' });
    setup({ people_list: () => peopleView({ people: [personRow(), jordan, leaving, left] }) });

    expect(await screen.findByText('Jordan Ellis')).toBeInTheDocument();
    expect(row('jsmith')).toHaveTextContent('Practice manager, Staff');
    expect(row('jsmith')).toHaveTextContent('2 September 2019');
    expect(within(row('jsmith')).getByText('Active')).toHaveClass('nhsuk-tag');
    expect(row('jellis')).toHaveTextContent('Receptionist');
    expect(within(row('alee')).getByText('Leaving on 31 July 2031')).toHaveClass('nhsuk-tag');
    expect(within(row('bhart')).getByText('Left')).toHaveClass('nhsuk-tag');
    expect(row('bhart')).toHaveTextContent('Last day 29 March 2024');
    // A manager may change anyone, and reset anyone's password but their own or a leaver's.
    expect(document.getElementById('edit-person-jellis')).toBeInTheDocument();
    expect(document.getElementById('reset-password-jellis')).toBeInTheDocument();
    expect(document.getElementById('reset-password-jsmith')).toBeNull();
    expect(document.getElementById('reset-password-bhart')).toBeNull();
  });

  it('hides every management action when the register cannot be managed', async () => {
    setup({ people_list: () => peopleView({ canManage: false }) });
    expect(await screen.findByText('Jordan Ellis')).toBeInTheDocument();
    expect(document.getElementById('add-person-start')).toBeNull();
    expect(document.querySelector('[id^="edit-person-"]')).toBeNull();
    expect(document.querySelector('[id^="reset-password-"]')).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).toBeNull();
  });

  it('tells staff they see only their own entry', async () => {
    const own: PeopleView = { people: [jordan], canManage: false, roleOptions };
    setup({ people_list: () => own }, staffSession);
    expect(await screen.findByText('Jordan Ellis')).toBeInTheDocument();
    expect(document.getElementById('own-entry-only')).toHaveTextContent('You can see only your own entry');
    expect(document.querySelectorAll('[data-login]')).toHaveLength(1);
  });

  it('says while it loads, why it cannot show the register, and tries again', async () => {
    let attempts = 0;
    const { user } = setup({
      people_list: () => {
        attempts += 1;
        if (attempts === 1) throw commandError('internal', 'The vault could not be read');
        return peopleView();
      },
    });
    expect(screen.getByRole('status')).toHaveTextContent('Loading the staff register');
    expect(await screen.findByRole('alert')).toHaveTextContent('The vault could not be read');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Jordan Ellis')).toBeInTheDocument();
  });

  it('shows an empty register plainly', async () => {
    setup({ people_list: () => peopleView({ people: [] }) });
    expect(await screen.findByText('No one is on the staff register yet.')).toBeInTheDocument();
  });

  it('adds a person with their roles and first day, then shows their one-time password once', async () => {
    const { ipc, user } = setup({ people_add: () => added });
    await fillInSam(user);
    // Staff is ticked already; today is the default first day until changed.
    expect(screen.getByLabelText('Staff')).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Add person' }));

    const panel = await screen.findByRole('heading', { level: 1, name: 'Sam Okafor has been added' });
    expect(panel).toBeInTheDocument();
    expect(ipc).toHaveBeenCalledWith('people_add', {
      request: {
        fullName: 'Sam Okafor',
        login: 'sokafor',
        jobTitle: 'Practice nurse',
        email: '',
        roles: ['ig_lead', 'staff'],
        startDate: '2025-01-06',
        leavingDate: '',
      },
    });
    expect(document.getElementById('one-time-password')).toHaveTextContent(/^ABCD-EFGH-IJKL-MNOP$/);
    const shown = document.getElementById('one-time-password-panel');
    expect(shown).toHaveTextContent('Give this password to Sam Okafor privately');
    expect(shown).toHaveTextContent('It works once');
    expect(shown).toHaveTextContent('they must choose their own password');
    // The register is read again, so the new person shows once the panel is closed.
    expect(calls(ipc, 'people_list')).toBe(2);

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(document.getElementById('one-time-password')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Staff' })).toBeInTheDocument();
  });

  it('starts a new person on today, with Staff ticked, and asks for a name before sending', async () => {
    const { ipc, user } = setup({ people_add: () => added });
    await user.click(await screen.findByRole('button', { name: 'Add a person' }));
    expect(screen.getByLabelText('First day')).toHaveValue(today());
    expect(screen.getByLabelText('Staff')).toBeChecked();
    expect(screen.getByLabelText('Practice manager')).not.toBeChecked();
    expect(screen.queryByLabelText(/Last day/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Add person' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Enter their full name');
    expect(summary).toHaveTextContent('Enter a login name');
    expect(calls(ipc, 'people_add')).toBe(0);
  });

  it('shows the problems Rust finds beside each field, and links roles to the first checkbox', async () => {
    const { user } = setup({
      people_add: () => {
        throw commandError('invalid_input', 'Check the highlighted answers', [
          { field: 'login', message: 'The login sokafor is already used (logins are never reused)' },
          { field: 'roles', message: 'Choose at least one role (everyone holds Staff)' },
          { field: 'startDate', message: 'Enter the first day as a real date, for example 2026-04-01' },
        ]);
      },
    });
    await fillInSam(user);
    await user.click(screen.getByRole('button', { name: 'Add person' }));

    expect(await screen.findByRole('link', { name: /already used/ })).toHaveAttribute('href', '#login');
    expect(screen.getByRole('link', { name: /Choose at least one role/ })).toHaveAttribute('href', '#role-practice_manager');
    expect(screen.getByRole('link', { name: /first day as a real date/ })).toHaveAttribute('href', '#start-date');
    expect(document.getElementById('login-error')).toHaveTextContent('already used');
    expect(document.getElementById('roles-error')).toHaveTextContent('Choose at least one role');
    expect(document.getElementById('error-summary')).toHaveFocus();
  });

  it('changes a person, records their last day, and goes back to the register', async () => {
    let people = peopleView();
    const { ipc, user } = setup({
      people_list: () => people,
      people_update: ({ id, person }) => {
        const saved = { ...jordan, id, leavingDate: person.leavingDate, status: 'left' as const };
        people = peopleView({ people: [personRow(), saved] });
        return saved;
      },
    });
    await user.click(await screen.findByRole('button', { name: "Change Jordan Ellis's details" }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent("Change Jordan Ellis's details");
    expect(screen.queryByLabelText('Login name')).toBeNull();
    expect(document.getElementById('login-shown')).toHaveTextContent('jellis');
    expect(screen.getByLabelText('Full name')).toHaveValue('Jordan Ellis');
    expect(screen.getByLabelText('Staff')).toBeChecked();
    expect(screen.getByText(/From the day after, they can no longer sign in and their key is removed/)).toBeInTheDocument();

    await user.type(screen.getByLabelText('Last day (if leaving)'), '2026-01-30');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(within(row('jellis')).getByText('Left')).toBeInTheDocument());
    expect(ipc).toHaveBeenCalledWith('people_update', {
      request: {
        id: 2,
        person: {
          fullName: 'Jordan Ellis',
          login: 'jellis',
          jobTitle: 'Receptionist',
          email: '',
          roles: ['staff'],
          startDate: '2024-04-01',
          leavingDate: '2026-01-30',
        },
      },
    });
  });

  it('shows a practice rule that refuses the change', async () => {
    const { user } = setup({
      people_update: () => {
        throw commandError('refused', 'Jane Smith is the only practice manager; make someone else practice manager first');
      },
    });
    await user.click(await screen.findByRole('button', { name: "Change Jane Smith's details" }));
    await user.click(screen.getByLabelText('Practice manager'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Jane Smith is the only practice manager');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent("Change Jane Smith's details");
  });

  it('asks before resetting a password, then shows the new one-time password', async () => {
    const { ipc, user } = setup({
      people_reset_password: () => ({ person: { fullName: 'Jordan Ellis', login: 'jellis' }, oneTimePassword: 'WXYZ-2345-QRST' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Reset password for Jordan Ellis' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Give Jordan Ellis a new one-time password?');
    expect(calls(ipc, 'people_reset_password')).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Reset the password' }));
    expect(await screen.findByText('WXYZ-2345-QRST')).toHaveAttribute('id', 'one-time-password');
    expect(ipc).toHaveBeenCalledWith('people_reset_password', { request: { id: 2 } });
    expect(document.getElementById('one-time-password-panel')).toHaveTextContent('Their old password no longer works.');
  });

  it('shows why a reset was refused', async () => {
    const { user } = setup({
      people_reset_password: () => {
        throw commandError('forbidden', 'Only a practice manager may manage people');
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Reset password for Jordan Ellis' }));
    await user.click(screen.getByRole('button', { name: 'Reset the password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Only a practice manager may manage people');
  });
});
