import type { AppStatus, CertificateView, PeopleView, Permissions, PersonInfo, PersonRow, RoleOption, SessionInfo } from '../ipc';

export const person: PersonInfo = { fullName: 'Jane Smith', login: 'jsmith' };

/** What a practice manager may do: everything. */
export const allPermissions: Permissions = {
  managePeople: true,
  viewPeople: true,
  viewAuditLog: true,
  changeSettings: true,
  manageVault: true,
  generatePacks: true,
  managePolicies: true,
  viewCompliance: true,
  manageDevices: true,
  viewDevices: true,
};

/** What someone who holds only the Staff role may do. */
export const staffPermissions: Permissions = {
  managePeople: false,
  viewPeople: false,
  viewAuditLog: false,
  changeSettings: false,
  manageVault: false,
  generatePacks: false,
  managePolicies: false,
  viewCompliance: false,
  manageDevices: false,
  viewDevices: false,
};

/** Jane Smith, practice manager, signed in. */
export const session: SessionInfo = {
  practiceName: 'Riverside Surgery',
  odsCode: 'B86001',
  person,
  roles: ['practice_manager', 'staff'],
  mustChangePassword: false,
  acknowledgeOnly: false,
  permissions: allPermissions,
  idleLockMinutes: 5,
  vaultPath: '/home/jane/Documents/Custodian/Riverside Surgery.custodian',
};

/** Jordan Ellis, who holds only the Staff role, signed in. */
export const staffSession: SessionInfo = {
  ...session,
  person: { fullName: 'Jordan Ellis', login: 'jellis' },
  roles: ['staff'],
  permissions: staffPermissions,
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

/** Every role with its label, as Rust lists them. */
export const roleOptions: RoleOption[] = [
  { role: 'practice_manager', label: 'Practice manager' },
  { role: 'ig_lead', label: 'IG lead' },
  { role: 'caldicott_guardian', label: 'Caldicott Guardian' },
  { role: 'siro', label: 'SIRO' },
  { role: 'dpo', label: 'DPO' },
  { role: 'staff', label: 'Staff' },
];

/** A register row: Jane Smith unless overridden. */
export function personRow(overrides: Partial<PersonRow> = {}): PersonRow {
  return {
    id: 1,
    fullName: 'Jane Smith',
    login: 'jsmith',
    jobTitle: 'Practice manager',
    email: 'jane.smith@nhs.net',
    roles: ['practice_manager', 'staff'],
    startDate: '2019-09-02',
    leavingDate: null,
    status: 'active',
    mustChangePassword: false,
    accessRemoved: false,
    ...overrides,
  };
}

export const jordan = personRow({
  id: 2,
  fullName: 'Jordan Ellis',
  login: 'jellis',
  jobTitle: 'Receptionist',
  email: null,
  roles: ['staff'],
  startDate: '2024-04-01',
});

/** The register as a practice manager sees it. */
export function peopleView(overrides: Partial<PeopleView> = {}): PeopleView {
  return { people: [personRow(), jordan], canManage: true, roleOptions, ...overrides };
}

/** The practice's signing certificate, not yet exported. */
export const certificate: CertificateView = {
  subject: 'CN=Riverside Surgery, O=Riverside Surgery, OU=ODS B86001',
  fingerprint:
    '3A:7F:0C:91:5E:22:B4:D8:6A:19:E0:4C:7B:33:F2:85:AD:60:1E:C9:94:07:5B:E3:28:DA:4F:71:0B:C6:9E:52',
  exportedTo: null,
};
