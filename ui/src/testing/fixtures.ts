import type { AppStatus, PersonInfo, SessionInfo } from '../ipc';

export const person: PersonInfo = { fullName: 'Jane Smith', login: 'jsmith' };

export const session: SessionInfo = {
  practiceName: 'Riverside Surgery',
  odsCode: 'B86001',
  person,
  idleLockMinutes: 5,
  vaultPath: '/home/jane/Documents/Custodian/Riverside Surgery.custodian',
};

/** An app status with nothing going on: no vault known. Override what a test needs. */
export function appStatus(overrides: Partial<AppStatus> = {}): AppStatus {
  return {
    vault: null,
    session: null,
    locked: null,
    pendingRecoveryConfirmation: false,
    pendingPasswordReset: null,
    defaultVaultFolder: '/home/jane/Documents/Custodian',
    ...overrides,
  };
}
