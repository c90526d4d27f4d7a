import type { UseQueryResult } from '@tanstack/react-query';
import type { FormEventHandler, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { z } from 'zod';

import type { CommandError, ErrorCode } from '../ipc';
import { LinkButton } from './LinkButton';
import { LoadFailed, Loading } from './QueryState';
import { TextField } from './TextField';

/** A signature's form: the statement ticked, and the signer's password typed again. */
export const signatureSchema = z.object({
  confirmed: z.boolean().refine((confirmed) => confirmed, 'Tick to confirm the statement'),
  currentPassword: z.string().min(1, 'Enter your password'),
});

/** The signature form, empty (also after each attempt: the password is never kept). */
export const EMPTY_SIGNATURE = { confirmed: false, currentPassword: '' };

/**
 * The element ids of a signature's fields, `{prefix}-confirm` and `{prefix}-password`. Rust reports
 * an unticked confirmation under `confirmed` and a wrong password under `currentPassword`.
 */
export function signatureFieldIds<P extends string>(prefix: P) {
  return { confirmed: `${prefix}-confirm`, currentPassword: `${prefix}-password` } as const;
}

type StatementSignatureProps = {
  /** Ids: `{prefix}-statement`, `-form`, `-confirm`, `-password`, `-sign`, `-cancel`. */
  idPrefix: string;
  /** Who signs and what is recorded, said before the statement. */
  intro: ReactNode;
  /** The statement core wrote, to be signed as it stands. */
  statement: string;
  confirmError: string | undefined;
  passwordError: string | undefined;
  confirmRegistration: UseFormRegisterReturn;
  passwordRegistration: UseFormRegisterReturn;
  pending: boolean;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onCancel: () => void;
};

/** A statement to sign, its confirmation tick, the signer's password, and Sign / Cancel. */
export function StatementSignature({
  idPrefix,
  intro,
  statement,
  confirmError,
  passwordError,
  confirmRegistration,
  passwordRegistration,
  pending,
  onSubmit,
  onCancel,
}: StatementSignatureProps) {
  const ids = signatureFieldIds(idPrefix);
  const confirmErrorId = `${ids.confirmed}-error`;
  return (
    <>
      <p>{intro}</p>
      <div className="nhsuk-inset-text" id={`${idPrefix}-statement`}>
        <span className="nhsuk-u-visually-hidden">The statement: </span>
        <p>{statement}</p>
      </div>
      <form id={`${idPrefix}-form`} onSubmit={onSubmit} noValidate>
        <div className={confirmError ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
          {confirmError ? (
            <span className="nhsuk-error-message" id={confirmErrorId}>
              <span className="nhsuk-u-visually-hidden">Error: </span>
              {confirmError}
            </span>
          ) : null}
          <div className="nhsuk-checkboxes">
            <div className="nhsuk-checkboxes__item">
              <input
                className="nhsuk-checkboxes__input"
                type="checkbox"
                {...confirmRegistration}
                id={ids.confirmed}
                aria-describedby={confirmError ? confirmErrorId : undefined}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={ids.confirmed}>
                I confirm this statement
              </label>
            </div>
          </div>
        </div>
        <TextField
          id={ids.currentPassword}
          type="password"
          label="Your password"
          hint="To check it is you signing"
          error={passwordError}
          width={20}
          autoComplete="current-password"
          registration={passwordRegistration}
        />
        <div className="nhsuk-button-group">
          <button type="submit" className="nhsuk-button" id={`${idPrefix}-sign`} disabled={pending}>
            Sign
          </button>
          <LinkButton id={`${idPrefix}-cancel`} onClick={onCancel}>
            Cancel
          </LinkButton>
        </div>
      </form>
    </>
  );
}

/** Why core will not let this person sign, unless a caller says otherwise. */
const REFUSALS: readonly ErrorCode[] = ['refused', 'forbidden'];

type StatementStateProps<Statement> = {
  /** Ids: `{prefix}-refused`, and `{prefix}-cancel` for the way back. */
  idPrefix: string;
  /** The statement as core writes it now. */
  query: UseQueryResult<Statement, CommandError>;
  /** The error codes that mean this person cannot sign: said in place of the form. */
  refusals?: readonly ErrorCode[];
  /** Where to go instead, offered beside a refusal. */
  back?: { label: ReactNode; onClick: () => void };
  /** The signature, once the statement is here. */
  children: (statement: Statement) => ReactNode;
};

/**
 * The statement to sign while it loads: loading, a refusal (with a way back), a failure to try
 * again, or what `children` makes of it.
 */
export function StatementState<Statement>({ idPrefix, query, refusals = REFUSALS, back, children }: StatementStateProps<Statement>) {
  if (query.isPending) return <Loading>Loading the statement to sign…</Loading>;
  if (query.isError) {
    if (refusals.includes(query.error.code)) {
      return (
        <>
          <div className="nhsuk-inset-text" id={`${idPrefix}-refused`}>
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>{query.error.message}</p>
          </div>
          {back ? (
            <button type="button" className="nhsuk-button nhsuk-button--secondary" id={`${idPrefix}-cancel`} onClick={back.onClick}>
              {back.label}
            </button>
          ) : null}
        </>
      );
    }
    return <LoadFailed title="The statement cannot be shown" error={query.error} onRetry={() => void query.refetch()} />;
  }
  return children(query.data);
}
