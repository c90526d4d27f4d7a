// Everything the UI needs from Rust: typed commands and the generated wire types.
export * from './commands';

export type { AppStatus } from './bindings/AppStatus';
export type { ChooseVaultRequest } from './bindings/ChooseVaultRequest';
export type { CommandError } from './bindings/CommandError';
export type { ConfirmRecoveryKeyRequest } from './bindings/ConfirmRecoveryKeyRequest';
export type { CreatedVault } from './bindings/CreatedVault';
export type { CreateVaultRequest } from './bindings/CreateVaultRequest';
export type { ErrorCode } from './bindings/ErrorCode';
export type { FieldError } from './bindings/FieldError';
export type { IdleLockRequest } from './bindings/IdleLockRequest';
export type { KnownVault } from './bindings/KnownVault';
export type { PasswordCheckRequest } from './bindings/PasswordCheckRequest';
export type { PasswordRequest } from './bindings/PasswordRequest';
export type { PasswordStrength } from './bindings/PasswordStrength';
export type { PersonInfo } from './bindings/PersonInfo';
export type { RecoverRequest } from './bindings/RecoverRequest';
export type { SessionInfo } from './bindings/SessionInfo';
export type { SignInRequest } from './bindings/SignInRequest';
