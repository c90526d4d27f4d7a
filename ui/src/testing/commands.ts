// Typed handlers for Tauri's mockIPC in component tests: each command's request and response types
// come from the generated bindings, so a test cannot fake a shape Rust would never send.
import { vi } from 'vitest';

import type {
  AckExportRequest,
  AcknowledgementRow,
  AcknowledgeOnBehalfRequest,
  AcknowledgeRequest,
  AddedPerson,
  AnnualPackRequest,
  AppStatus,
  AuditPageView,
  AuditQuery,
  BackupLookupRequest,
  BackupOffer,
  BackupRestoreRequest,
  BackupSettingsRequest,
  BackupSettingsView,
  CertificateImportRequest,
  CertificateView,
  ChainStatus,
  ChangePasswordRequest,
  ChooseVaultRequest,
  CommandError,
  ComplianceBarRequest,
  ConfirmRecoveryKeyRequest,
  CreatedVault,
  CreateVaultRequest,
  DashboardView,
  ErrorCode,
  EvidenceMapView,
  ExportedFile,
  FieldError,
  IdleLockRequest,
  IdRequest,
  KnownVault,
  MatrixView,
  NewRecoveryKey,
  NotificationRow,
  OneTimePasswordShown,
  PackCreated,
  PackOpenRequest,
  PackRequest,
  PasswordCheckRequest,
  PasswordRequest,
  PasswordStrength,
  PeopleView,
  PeriodRequest,
  PersonFormRequest,
  PersonInfo,
  PersonRow,
  PoliciesForMeView,
  PolicyTextView,
  RecoverRequest,
  RegenerateRecoveryKeyRequest,
  ResetPasswordRequest,
  SessionInfo,
  SignInRequest,
  UpdatePersonRequest,
} from '../ipc';

type Commands = {
  app_status: [undefined, AppStatus];
  vault_create: [CreateVaultRequest, CreatedVault];
  vault_confirm_recovery_key: [ConfirmRecoveryKeyRequest, SessionInfo];
  vault_choose: [ChooseVaultRequest, KnownVault];
  vault_forget: [undefined, null];
  vault_open_demo: [undefined, KnownVault];
  session_sign_in: [SignInRequest, SessionInfo];
  session_sign_in_to_acknowledge: [SignInRequest, SessionInfo];
  session_recover: [RecoverRequest, PersonInfo];
  session_set_new_password: [PasswordRequest, SessionInfo];
  session_sign_out: [undefined, null];
  session_lock: [undefined, PersonInfo];
  session_unlock: [PasswordRequest, SessionInfo];
  settings_set_idle_lock: [IdleLockRequest, SessionInfo];
  password_check: [PasswordCheckRequest, PasswordStrength];
  settings_backups: [undefined, BackupSettingsView];
  settings_set_backups: [BackupSettingsRequest, BackupSettingsView];
  people_list: [undefined, PeopleView];
  people_add: [PersonFormRequest, AddedPerson];
  people_update: [UpdatePersonRequest, PersonRow];
  people_reset_password: [ResetPasswordRequest, OneTimePasswordShown];
  account_choose_password: [PasswordRequest, SessionInfo];
  account_change_password: [ChangePasswordRequest, SessionInfo];
  account_regenerate_recovery_key: [RegenerateRecoveryKeyRequest, NewRecoveryKey];
  audit_list: [AuditQuery, AuditPageView];
  audit_verify: [undefined, ChainStatus];
  backup_find: [BackupLookupRequest, BackupOffer | null];
  backup_restore: [BackupRestoreRequest, SessionInfo];
  pack_create: [PackRequest, PackCreated];
  pack_open: [PackOpenRequest, null];
  pack_annual_statement: [PeriodRequest, string];
  pack_annual_create: [AnnualPackRequest, PackCreated];
  dashboard_view: [undefined, DashboardView];
  dspt_evidence_map: [PeriodRequest, EvidenceMapView];
  certificate_import: [CertificateImportRequest, CertificateView];
  certificate_info: [undefined, CertificateView];
  certificate_export: [undefined, CertificateView];
  policy_text: [IdRequest, PolicyTextView];
  ack_mine: [undefined, PoliciesForMeView];
  ack_open: [IdRequest, null];
  ack_reached_end: [IdRequest, null];
  ack_acknowledge: [AcknowledgeRequest, AcknowledgementRow];
  ack_on_behalf: [AcknowledgeOnBehalfRequest, AcknowledgementRow];
  ack_matrix: [undefined, MatrixView];
  ack_export: [AckExportRequest, ExportedFile];
  export_open: [ExportedFile, null];
  settings_set_compliance_bar: [ComplianceBarRequest, null];
  notification_list: [undefined, NotificationRow[]];
  notification_dismiss: [IdRequest, null];
  'plugin:dialog|open': [undefined, string | null];
};

export type CommandHandlers = {
  [Name in keyof Commands]?: (request: Commands[Name][0]) => Commands[Name][1] | Promise<Commands[Name][1]>;
};

/**
 * A mockIPC callback that answers each command with its handler (given the `request` argument)
 * and rejects commands the test did not expect. It is a `vi.fn`, so calls can be asserted.
 */
export function commandHandler(handlers: CommandHandlers) {
  return vi.fn((command: string, payload?: unknown) => {
    const handler = (handlers as Record<string, ((request: unknown) => unknown) | undefined>)[command];
    if (!handler) throw new Error(`The test did not expect the command ${command}`);
    return handler((payload as { request?: unknown } | undefined)?.request);
  });
}

/** The error Rust rejects a command with. */
export function commandError(code: ErrorCode, message: string, fields: FieldError[] = []): CommandError {
  return { code, message, fields };
}
