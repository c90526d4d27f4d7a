import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';

import { commandError, commandHandler } from '../testing/commands';
import type { PersonFormRequest } from './bindings/PersonFormRequest';
import { appStatus, jordan, person } from '../testing/fixtures';
import {
  backupFind,
  certificateInfo,
  dashboardView,
  dsptEvidenceMap,
  packAnnualCreate,
  packAnnualStatement,
  packCreate,
  peopleUpdate,
  sessionLock,
  sessionSignIn,
  toCommandError,
  vaultCreate,
  vaultOpenDemo,
} from './commands';

describe('the IPC adapter', () => {
  it('passes the request as `request` and returns the answer', async () => {
    const ipc = commandHandler({ session_lock: () => person, app_status: () => appStatus() });
    mockIPC(ipc);
    await expect(sessionLock()).resolves.toEqual(person);
    expect(ipc).toHaveBeenCalledWith('session_lock', {});
  });

  it('wraps nested requests once, and hands on a null answer', async () => {
    const ipc = commandHandler({ people_update: () => jordan, backup_find: () => null });
    mockIPC(ipc);
    const details: PersonFormRequest = {
      fullName: 'Jordan Ellis',
      login: 'jellis',
      jobTitle: '',
      email: '',
      roles: ['staff'],
      startDate: '2024-04-01',
      leavingDate: '',
    };
    await expect(peopleUpdate({ id: 2, person: details })).resolves.toEqual(jordan);
    expect(ipc).toHaveBeenCalledWith('people_update', { request: { id: 2, person: details } });
    await expect(backupFind({ login: 'jsmith', password: 'p' })).resolves.toBeNull();
  });

  it('sends a pack request as `request`, and commands without one with no arguments', async () => {
    const created = { path: '/p/pack.pdf', sha256: 'ab', bytes: 10 };
    const demo = { path: '/v/riverside-surgery-demo.custodian', practiceName: 'Riverside Surgery (demo)' };
    const certificate = { subject: 'CN=P', fingerprint: 'AB:CD', exportedTo: null };
    const ipc = commandHandler({ pack_create: () => created, vault_open_demo: () => demo, certificate_info: () => certificate });
    mockIPC(ipc);
    await expect(packCreate({ scope: 'audit', from: '2025-04-01', to: '2026-03-31', recordId: null })).resolves.toEqual(created);
    expect(ipc).toHaveBeenCalledWith('pack_create', { request: { scope: 'audit', from: '2025-04-01', to: '2026-03-31', recordId: null } });
    await expect(vaultOpenDemo()).resolves.toEqual(demo);
    expect(ipc).toHaveBeenCalledWith('vault_open_demo', {});
    await expect(certificateInfo()).resolves.toEqual(certificate);
    expect(ipc).toHaveBeenCalledWith('certificate_info', {});
  });

  it('asks for the dashboard with no arguments, and sends periods and the annual sign-off as `request`', async () => {
    const created = { path: '/p/annual.pdf', sha256: 'cd', bytes: 20 };
    const map = {
      source: 'NHS England',
      toolkitYear: '2025-26',
      from: '2026-04-01',
      to: '2027-03-31',
      entries: [],
      currentYearFrom: '2026-04-01',
      currentYearTo: '2027-03-31',
    };
    const ipc = commandHandler({
      dashboard_view: () => ({ items: [], clocks: [] }),
      dspt_evidence_map: () => map,
      pack_annual_statement: () => 'I sign it off.',
      pack_annual_create: () => created,
    });
    mockIPC(ipc);
    await expect(dashboardView()).resolves.toEqual({ items: [], clocks: [] });
    expect(ipc).toHaveBeenCalledWith('dashboard_view', {});
    await expect(dsptEvidenceMap({ from: '', to: '' })).resolves.toEqual(map);
    expect(ipc).toHaveBeenCalledWith('dspt_evidence_map', { request: { from: '', to: '' } });
    await expect(packAnnualStatement({ from: '2026-04-01', to: '2027-03-31' })).resolves.toBe('I sign it off.');
    expect(ipc).toHaveBeenCalledWith('pack_annual_statement', { request: { from: '2026-04-01', to: '2027-03-31' } });
    const signed = { from: '2026-04-01', to: '2027-03-31', password: 'p', confirmed: true };
    await expect(packAnnualCreate(signed)).resolves.toEqual(created);
    expect(ipc).toHaveBeenCalledWith('pack_annual_create', { request: signed });
  });

  it('hands on a CommandError from Rust as it is', async () => {
    const wrong = commandError('wrong_password', 'Wrong login name or password');
    mockIPC(
      commandHandler({
        session_sign_in: () => {
          throw wrong;
        },
      }),
    );
    await expect(sessionSignIn({ login: 'jsmith', password: 'x' })).rejects.toEqual(wrong);
  });

  it('turns any other failure into an internal CommandError', async () => {
    mockIPC(() => {
      throw 'command vault_create not allowed by capability';
    });
    await expect(
      vaultCreate({ practiceName: 'P', odsCode: 'B86001', fullName: 'J', login: 'j', password: 'p' }),
    ).rejects.toEqual({ code: 'internal', message: 'command vault_create not allowed by capability', fields: [] });
    expect(toCommandError(new Error('boom'))).toEqual({ code: 'internal', message: 'boom', fields: [] });
    expect(toCommandError({ code: 'internal' })).toEqual({ code: 'internal', message: '[object Object]', fields: [] });
  });
});
