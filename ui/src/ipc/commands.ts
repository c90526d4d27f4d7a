// The one adapter between the UI and the Rust commands: a typed function per command.
// Every rejection is normalised into a CommandError, so callers branch on `code` only.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { open } from '@tauri-apps/plugin-dialog';

import type { AckExportRequest } from './bindings/AckExportRequest';
import type { AcknowledgementRow } from './bindings/AcknowledgementRow';
import type { AcknowledgeOnBehalfRequest } from './bindings/AcknowledgeOnBehalfRequest';
import type { AcknowledgeRequest } from './bindings/AcknowledgeRequest';
import type { AddedPerson } from './bindings/AddedPerson';
import type { AllocateRequest } from './bindings/AllocateRequest';
import type { AnnualPackRequest } from './bindings/AnnualPackRequest';
import type { AppStatus } from './bindings/AppStatus';
import type { AuditPageView } from './bindings/AuditPageView';
import type { AuditQuery } from './bindings/AuditQuery';
import type { BackupLookupRequest } from './bindings/BackupLookupRequest';
import type { BackupOffer } from './bindings/BackupOffer';
import type { BackupRestoreRequest } from './bindings/BackupRestoreRequest';
import type { BackupSettingsRequest } from './bindings/BackupSettingsRequest';
import type { BackupSettingsView } from './bindings/BackupSettingsView';
import type { ByodCheckRequest } from './bindings/ByodCheckRequest';
import type { ByodCheckRow } from './bindings/ByodCheckRow';
import type { ByodView } from './bindings/ByodView';
import type { CertificateImportRequest } from './bindings/CertificateImportRequest';
import type { CertificateView } from './bindings/CertificateView';
import type { ChainStatus } from './bindings/ChainStatus';
import type { ChangePasswordRequest } from './bindings/ChangePasswordRequest';
import type { ChecklistItemRequest } from './bindings/ChecklistItemRequest';
import type { ChecklistView } from './bindings/ChecklistView';
import type { ChooseVaultRequest } from './bindings/ChooseVaultRequest';
import type { CommandError } from './bindings/CommandError';
import type { ComplianceBarRequest } from './bindings/ComplianceBarRequest';
import type { ConfirmRecoveryKeyRequest } from './bindings/ConfirmRecoveryKeyRequest';
import type { CreatedVault } from './bindings/CreatedVault';
import type { CreateVaultRequest } from './bindings/CreateVaultRequest';
import type { DashboardView } from './bindings/DashboardView';
import type { DeviceDetailView } from './bindings/DeviceDetailView';
import type { DeviceFormRequest } from './bindings/DeviceFormRequest';
import type { DeviceImportPreviewView } from './bindings/DeviceImportPreviewView';
import type { DeviceImportRequest } from './bindings/DeviceImportRequest';
import type { DeviceRegisterView } from './bindings/DeviceRegisterView';
import type { DeviceRow } from './bindings/DeviceRow';
import type { DeviceStatusRequest } from './bindings/DeviceStatusRequest';
import type { DeviceUpdateRequest } from './bindings/DeviceUpdateRequest';
import type { DisposalLogView } from './bindings/DisposalLogView';
import type { DisposalRequest } from './bindings/DisposalRequest';
import type { DisposalRow } from './bindings/DisposalRow';
import type { EditDraftRequest } from './bindings/EditDraftRequest';
import type { EvidenceMapView } from './bindings/EvidenceMapView';
import type { ExportedFile } from './bindings/ExportedFile';
import type { IdleLockRequest } from './bindings/IdleLockRequest';
import type { IdRequest } from './bindings/IdRequest';
import type { IncidentActionRequest } from './bindings/IncidentActionRequest';
import type { IncidentAssessRequest } from './bindings/IncidentAssessRequest';
import type { IncidentDeviceRequest } from './bindings/IncidentDeviceRequest';
import type { IncidentGradeRequest } from './bindings/IncidentGradeRequest';
import type { IncidentReportRequest } from './bindings/IncidentReportRequest';
import type { IncidentRequest } from './bindings/IncidentRequest';
import type { IncidentRow } from './bindings/IncidentRow';
import type { IncidentsView } from './bindings/IncidentsView';
import type { IncidentStatusRequest } from './bindings/IncidentStatusRequest';
import type { KnownVault } from './bindings/KnownVault';
import type { MatrixView } from './bindings/MatrixView';
import type { NewRecoveryKey } from './bindings/NewRecoveryKey';
import type { NewVersionRequest } from './bindings/NewVersionRequest';
import type { NotificationRow } from './bindings/NotificationRow';
import type { OneTimePasswordShown } from './bindings/OneTimePasswordShown';
import type { PackCreated } from './bindings/PackCreated';
import type { PackOpenRequest } from './bindings/PackOpenRequest';
import type { PackRequest } from './bindings/PackRequest';
import type { PasswordCheckRequest } from './bindings/PasswordCheckRequest';
import type { PasswordRequest } from './bindings/PasswordRequest';
import type { PasswordStrength } from './bindings/PasswordStrength';
import type { PeopleView } from './bindings/PeopleView';
import type { PeriodRequest } from './bindings/PeriodRequest';
import type { PersonFormRequest } from './bindings/PersonFormRequest';
import type { PersonInfo } from './bindings/PersonInfo';
import type { PersonRow } from './bindings/PersonRow';
import type { PoliciesForMeView } from './bindings/PoliciesForMeView';
import type { PolicyDetailView } from './bindings/PolicyDetailView';
import type { PolicyFormRequest } from './bindings/PolicyFormRequest';
import type { PolicyRegisterView } from './bindings/PolicyRegisterView';
import type { PolicyRow } from './bindings/PolicyRow';
import type { PolicyTextView } from './bindings/PolicyTextView';
import type { PolicyUpdateRequest } from './bindings/PolicyUpdateRequest';
import type { RecoverRequest } from './bindings/RecoverRequest';
import type { RegenerateRecoveryKeyRequest } from './bindings/RegenerateRecoveryKeyRequest';
import type { ResetPasswordRequest } from './bindings/ResetPasswordRequest';
import type { ReturnDeviceRequest } from './bindings/ReturnDeviceRequest';
import type { ReturnToDraftRequest } from './bindings/ReturnToDraftRequest';
import type { SessionInfo } from './bindings/SessionInfo';
import type { SignInRequest } from './bindings/SignInRequest';
import type { SignOffStatement } from './bindings/SignOffStatement';
import type { SignRequest } from './bindings/SignRequest';
import type { UpdatePersonRequest } from './bindings/UpdatePersonRequest';
import type { VersionRow } from './bindings/VersionRow';

/** Whether `value` has the shape of the CommandError that Rust sends. */
export function isCommandError(value: unknown): value is CommandError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.code === 'string' &&
    typeof candidate.message === 'string' &&
    Array.isArray(candidate.fields)
  );
}

/** Any rejection as a CommandError; something that is not one becomes an `internal` error. */
export function toCommandError(reason: unknown): CommandError {
  if (isCommandError(reason)) return reason;
  const message = reason instanceof Error ? reason.message : String(reason);
  return { code: 'internal', message, fields: [] };
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toCommandError(reason);
  }
}

export const appStatus = (): Promise<AppStatus> => call('app_status');

export const vaultCreate = (request: CreateVaultRequest): Promise<CreatedVault> =>
  call('vault_create', { request });

export const vaultConfirmRecoveryKey = (request: ConfirmRecoveryKeyRequest): Promise<SessionInfo> =>
  call('vault_confirm_recovery_key', { request });

export const vaultChoose = (request: ChooseVaultRequest): Promise<KnownVault> => call('vault_choose', { request });

export const vaultForget = (): Promise<null> => call('vault_forget');

/** Creates the invented demo practice if needed and makes it the known vault (only when signed out). */
export const vaultOpenDemo = (): Promise<KnownVault> => call('vault_open_demo');

export const sessionSignIn = (request: SignInRequest): Promise<SessionInfo> => call('session_sign_in', { request });

/** Signs in to read and acknowledge one's policies only (a shared computer); core refuses the rest. */
export const sessionSignInToAcknowledge = (request: SignInRequest): Promise<SessionInfo> =>
  call('session_sign_in_to_acknowledge', { request });

export const sessionRecover = (request: RecoverRequest): Promise<PersonInfo> => call('session_recover', { request });

export const sessionSetNewPassword = (request: PasswordRequest): Promise<SessionInfo> =>
  call('session_set_new_password', { request });

export const sessionSignOut = (): Promise<null> => call('session_sign_out');

export const sessionLock = (): Promise<PersonInfo> => call('session_lock');

export const sessionUnlock = (request: PasswordRequest): Promise<SessionInfo> => call('session_unlock', { request });

export const settingsSetIdleLock = (request: IdleLockRequest): Promise<SessionInfo> =>
  call('settings_set_idle_lock', { request });

export const passwordCheck = (request: PasswordCheckRequest): Promise<PasswordStrength> =>
  call('password_check', { request });

export const settingsBackups = (): Promise<BackupSettingsView> => call('settings_backups');

export const settingsSetBackups = (request: BackupSettingsRequest): Promise<BackupSettingsView> =>
  call('settings_set_backups', { request });

export const peopleList = (): Promise<PeopleView> => call('people_list');

export const peopleAdd = (request: PersonFormRequest): Promise<AddedPerson> => call('people_add', { request });

export const peopleUpdate = (request: UpdatePersonRequest): Promise<PersonRow> => call('people_update', { request });

export const peopleResetPassword = (request: ResetPasswordRequest): Promise<OneTimePasswordShown> =>
  call('people_reset_password', { request });

export const accountChoosePassword = (request: PasswordRequest): Promise<SessionInfo> =>
  call('account_choose_password', { request });

export const accountChangePassword = (request: ChangePasswordRequest): Promise<SessionInfo> =>
  call('account_change_password', { request });

export const accountRegenerateRecoveryKey = (request: RegenerateRecoveryKeyRequest): Promise<NewRecoveryKey> =>
  call('account_regenerate_recovery_key', { request });

export const auditList = (request: AuditQuery): Promise<AuditPageView> => call('audit_list', { request });

export const auditVerify = (): Promise<ChainStatus> => call('audit_verify');

/** The newest backup of the known vault that opens with these credentials; `null` when none does. */
export const backupFind = (request: BackupLookupRequest): Promise<BackupOffer | null> =>
  call('backup_find', { request });

/**
 * Restores a backup over the known vault and signs in to it. Called signed in (from Settings), it
 * first signs the current person out.
 */
export const backupRestore = (request: BackupRestoreRequest): Promise<SessionInfo> =>
  call('backup_restore', { request });

/** Makes and signs an evidence pack and saves it in the `packs` folder beside the vault. Takes seconds. */
export const packCreate = (request: PackRequest): Promise<PackCreated> => call('pack_create', { request });

/** Opens a pack (in the vault's packs folder) in the computer's PDF reader. */
export const packOpen = (request: PackOpenRequest): Promise<null> => call('pack_open', { request });

/** The statement the SIRO signs for the annual DSPT-year pack over a period (refused for anyone else). */
export const packAnnualStatement = (request: PeriodRequest): Promise<string> =>
  call('pack_annual_statement', { request });

/** The SIRO signs the annual pack with their password; it is made, signed and saved in the `packs` folder. */
export const packAnnualCreate = (request: AnnualPackRequest): Promise<PackCreated> =>
  call('pack_annual_create', { request });

/** The practice's signing certificate. */
export const certificateInfo = (): Promise<CertificateView> => call('certificate_info');

/** Writes the signing certificate as a `.cer` file beside the vault; `exportedTo` says where. */
export const certificateExport = (): Promise<CertificateView> => call('certificate_export');

/** Replaces the signing key and certificate with ones from a PKCS#12 file. */
export const certificateImport = (request: CertificateImportRequest): Promise<CertificateView> =>
  call('certificate_import', { request });

/** Asks for a PKCS#12 certificate file with the native open dialog; `null` when cancelled. */
export async function choosePkcs12File(): Promise<string | null> {
  try {
    return await open({
      title: 'Choose the certificate file (PKCS#12)',
      multiple: false,
      directory: false,
      filters: [{ name: 'PKCS#12 certificate', extensions: ['p12', 'pfx'] }],
    });
  } catch (reason) {
    throw toCommandError(reason);
  }
}

/** Asks for a vault file with the native open dialog; `null` when the person cancels. */
export async function chooseVaultFile(): Promise<string | null> {
  try {
    return await open({
      title: 'Open a Custodian vault file',
      multiple: false,
      directory: false,
      filters: [{ name: 'Custodian vault', extensions: ['custodian'] }],
    });
  } catch (reason) {
    throw toCommandError(reason);
  }
}

// --- the dashboard and the DSPT evidence map ---

/** What the signed-in person should look at first: items by audience and urgency, and running 72-hour clocks. */
export const dashboardView = (): Promise<DashboardView> => call('dashboard_view');

/** The DSPT evidence map for a period; empty days ask for the DSPT year holding today. */
export const dsptEvidenceMap = (request: PeriodRequest): Promise<EvidenceMapView> =>
  call('dspt_evidence_map', { request });

// --- policies ---

export const policyList = (): Promise<PolicyRegisterView> => call('policy_list');

export const policyGet = (request: IdRequest): Promise<PolicyDetailView> => call('policy_get', { request });

/** A version's text (drafts only for those who manage policies and the policy's approvers). */
export const policyText = (request: IdRequest): Promise<PolicyTextView> => call('policy_text', { request });

export const policyAdd = (request: PolicyFormRequest): Promise<PolicyRow> => call('policy_add', { request });

export const policyUpdate = (request: PolicyUpdateRequest): Promise<PolicyRow> => call('policy_update', { request });

/** Adds a draft version from a chosen file or from written text. */
export const policyAddVersion = (request: NewVersionRequest): Promise<VersionRow> =>
  call('policy_add_version', { request });

export const policyEditDraft = (request: EditDraftRequest): Promise<VersionRow> =>
  call('policy_edit_draft', { request });

/** Sends a draft for sign-off (`id` = version). Its text is frozen from then on. */
export const policySubmit = (request: IdRequest): Promise<VersionRow> => call('policy_submit', { request });

export const policyReturnToDraft = (request: ReturnToDraftRequest): Promise<VersionRow> =>
  call('policy_return_to_draft', { request });

/** The statement the signed-in approver would sign for a version in review (`id` = version). */
export const policyApprovalStatement = (request: IdRequest): Promise<SignOffStatement> =>
  call('policy_approval_statement', { request });

/** Signs off a version in review (`id` = version) with the signer's password. */
export const policyApprove = (request: SignRequest): Promise<VersionRow> => call('policy_approve', { request });

/** Publishes an approved version (`id` = version). */
export const policyPublish = (request: IdRequest): Promise<VersionRow> => call('policy_publish', { request });

/** The "reviewed, no change" statement the signed-in approver would sign (`id` = policy). */
export const policyReviewStatement = (request: IdRequest): Promise<SignOffStatement> =>
  call('policy_review_statement', { request });

/** Records a signed "reviewed, no change" (`id` = policy). */
export const policyReviewNoChange = (request: SignRequest): Promise<PolicyRow> =>
  call('policy_review_no_change', { request });

/** Asks for a policy document with the native open dialog; `null` when cancelled. */
export async function choosePolicyFile(): Promise<string | null> {
  try {
    return await open({
      title: 'Choose the policy document',
      multiple: false,
      directory: false,
      filters: [{ name: 'Policy document', extensions: ['docx', 'md', 'markdown', 'txt', 'pdf'] }],
    });
  } catch (reason) {
    throw toCommandError(reason);
  }
}

// --- acknowledgements ---

/** The signed-in person's current policies, waiting ones first. */
export const ackMine = (): Promise<PoliciesForMeView> => call('ack_mine');

/** Notes that the signed-in person opened a version waiting for them (`id` = version). */
export const ackOpen = (request: IdRequest): Promise<null> => call('ack_open', { request });

/** Notes that the signed-in person reached the end of the text (`id` = version). */
export const ackReachedEnd = (request: IdRequest): Promise<null> => call('ack_reached_end', { request });

export const ackAcknowledge = (request: AcknowledgeRequest): Promise<AcknowledgementRow> =>
  call('ack_acknowledge', { request });

export const ackOnBehalf = (request: AcknowledgeOnBehalfRequest): Promise<AcknowledgementRow> =>
  call('ack_on_behalf', { request });

export const ackMatrix = (): Promise<MatrixView> => call('ack_matrix');

/** Saves the matrix or chase list as CSV in the `exports` folder beside the vault. */
export const ackExport = (request: AckExportRequest): Promise<ExportedFile> => call('ack_export', { request });

/** Opens an exported CSV (in the vault's exports folder) in the computer's spreadsheet program. */
export const exportOpen = (request: ExportedFile): Promise<null> => call('export_open', { request });

export const settingsSetComplianceBar = (request: ComplianceBarRequest): Promise<null> =>
  call('settings_set_compliance_bar', { request });

// --- devices ---

export const deviceList = (): Promise<DeviceRegisterView> => call('device_list');

/** One device and who held it when (`id` = device). */
export const deviceGet = (request: IdRequest): Promise<DeviceDetailView> => call('device_get', { request });

export const deviceAdd = (request: DeviceFormRequest): Promise<DeviceRow> => call('device_add', { request });

export const deviceUpdate = (request: DeviceUpdateRequest): Promise<DeviceRow> => call('device_update', { request });

/** Allocates a device from a day; whoever held it returns it the day before. */
export const deviceAllocate = (request: AllocateRequest): Promise<DeviceRow> => call('device_allocate', { request });

export const deviceReturn = (request: ReturnDeviceRequest): Promise<DeviceRow> => call('device_return', { request });

/** Marks a device lost, stolen, in store, in use or awaiting disposal (lost and stolen need a reason). */
export const deviceSetStatus = (request: DeviceStatusRequest): Promise<DeviceRow> =>
  call('device_set_status', { request });

/** Checks a CSV file of devices; lists every problem and changes nothing. */
export const deviceImportPreview = (request: DeviceImportRequest): Promise<DeviceImportPreviewView> =>
  call('device_import_preview', { request });

/** Imports every device in a CSV file, or none; returns how many. */
export const deviceImport = (request: DeviceImportRequest): Promise<number> => call('device_import', { request });

/** Saves the register as CSV in the `exports` folder beside the vault. */
export const deviceExport = (): Promise<ExportedFile> => call('device_export');

/** Asks for a CSV file with the native open dialog; `null` when cancelled. */
export async function chooseCsvFile(): Promise<string | null> {
  try {
    return await open({
      title: 'Choose the device register (CSV)',
      multiple: false,
      directory: false,
      filters: [{ name: 'CSV file', extensions: ['csv', 'txt'] }],
    });
  } catch (reason) {
    throw toCommandError(reason);
  }
}

// --- disposals ---

export const disposalList = (): Promise<DisposalLogView> => call('disposal_list');

/** Records a disposal (a device's, or with `deviceId` null a confidential-waste collection). */
export const disposalRecord = (request: DisposalRequest): Promise<DisposalRow> => call('disposal_record', { request });

/** The statement the signed-in IG lead or SIRO would sign to check a disposal (`id` = disposal). */
export const disposalCheckStatement = (request: IdRequest): Promise<SignOffStatement> =>
  call('disposal_check_statement', { request });

/** Checks a disposal and signs it with the checker's password (`id` = disposal). */
export const disposalCheck = (request: SignRequest): Promise<DisposalRow> => call('disposal_check', { request });

/** Saves a disposal's certificate in the `exports` folder beside the vault; open it with exportOpen. */
export const disposalCertificateExport = (request: IdRequest): Promise<ExportedFile> =>
  call('disposal_certificate_export', { request });

/** Asks for a certificate file (PDF, PNG or JPEG) with the native open dialog; `null` when cancelled. */
export async function chooseCertificateFile(): Promise<string | null> {
  try {
    return await open({
      title: 'Choose the certificate of destruction',
      multiple: false,
      directory: false,
      filters: [{ name: 'Certificate (PDF or picture)', extensions: ['pdf', 'png', 'jpg', 'jpeg'] }],
    });
  } catch (reason) {
    throw toCommandError(reason);
  }
}

// --- BYOD checks and notifications ---

export const byodList = (): Promise<ByodView> => call('byod_list');

/** Records a check of a person's own device against a checklist. */
export const byodRecord = (request: ByodCheckRequest): Promise<ByodCheckRow> => call('byod_record', { request });

/** Adds an item to a checklist; checks already made keep the items they used. */
export const byodAddChecklistItem = (request: ChecklistItemRequest): Promise<ChecklistView> =>
  call('byod_add_checklist_item', { request });

/** The statement the SIRO would sign to accept a check's risk (`id` = check). */
export const byodRiskStatement = (request: IdRequest): Promise<SignOffStatement> =>
  call('byod_risk_statement', { request });

/** The SIRO accepts a check's risk with their password (`id` = check). */
export const byodAcceptRisk = (request: SignRequest): Promise<ByodCheckRow> => call('byod_accept_risk', { request });

/** Notifications for the signed-in person's roles (the SIRO, the DPO), newest first. */
export const notificationList = (): Promise<NotificationRow[]> => call('notification_list');

export const notificationDismiss = (request: IdRequest): Promise<null> => call('notification_dismiss', { request });

/** Asks for a screenshot or photo (PNG, JPEG or PDF) with the native open dialog; `null` when cancelled. */
export async function chooseEvidenceFile(): Promise<string | null> {
  try {
    return await open({
      title: 'Choose a screenshot or photo',
      multiple: false,
      directory: false,
      filters: [{ name: 'Screenshot or photo', extensions: ['png', 'jpg', 'jpeg', 'pdf'] }],
    });
  } catch (reason) {
    throw toCommandError(reason);
  }
}

// --- incidents ---

/** The incidents the viewer may see, what they may do, and the choices the forms offer. */
export const incidentList = (): Promise<IncidentsView> => call('incident_list');

/** Records an incident or near miss (anyone may); times are RFC 3339 with their offset. */
export const incidentRecord = (request: IncidentRequest): Promise<IncidentRow> => call('incident_record', { request });

/** Grades an incident: likelihood × severity, each 1 to 5. */
export const incidentGrade = (request: IncidentGradeRequest): Promise<IncidentRow> => call('incident_grade', { request });

/** Adds a dated entry to an incident's log of containment and actions. */
export const incidentActionAdd = (request: IncidentActionRequest): Promise<IncidentRow> =>
  call('incident_action_add', { request });

/** Records the IG lead's assessment, lessons and the policies involved. */
export const incidentAssess = (request: IncidentAssessRequest): Promise<IncidentRow> =>
  call('incident_assess', { request });

/** Records the reports made (DSPT tool, ICO), or why a reportable incident was not reported. */
export const incidentReport = (request: IncidentReportRequest): Promise<IncidentRow> =>
  call('incident_report', { request });

/** Withdraws an incident, marks it a duplicate, or reopens it, with a reason. */
export const incidentStatus = (request: IncidentStatusRequest): Promise<IncidentRow> =>
  call('incident_status', { request });

/** Links a device to an incident (a lost or stolen device incident marks it lost or stolen). */
export const incidentLinkDevice = (request: IncidentDeviceRequest): Promise<IncidentRow> =>
  call('incident_link_device', { request });

/** The statement the signed-in person would sign to close an incident (`id` = incident), for their next role. */
export const incidentClosureStatement = (request: IdRequest): Promise<SignOffStatement> =>
  call('incident_closure_statement', { request });

/** Signs an incident's closure review with the signer's password; the last signature closes it. */
export const incidentCloseSign = (request: SignRequest): Promise<IncidentRow> => call('incident_close_sign', { request });
