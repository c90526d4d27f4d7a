import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';

import { commandError, commandHandler } from '../testing/commands';
import { appStatus, person } from '../testing/fixtures';
import { sessionLock, sessionSignIn, toCommandError, vaultCreate } from './commands';

describe('the IPC adapter', () => {
  it('passes the request as `request` and returns the answer', async () => {
    const ipc = commandHandler({ session_lock: () => person, app_status: () => appStatus() });
    mockIPC(ipc);
    await expect(sessionLock()).resolves.toEqual(person);
    expect(ipc).toHaveBeenCalledWith('session_lock', {});
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
