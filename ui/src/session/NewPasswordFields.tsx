import type { UseFormRegisterReturn } from 'react-hook-form';

import { usePasswordStrength } from './usePasswordStrength';
import type { FormErrors } from '../shared/formErrors';
import { PasswordStrengthMeter } from '../shared/PasswordStrengthMeter';
import { TextField } from '../shared/TextField';

type NewPasswordField = 'password' | 'confirmPassword';

/** The ids of the two inputs, for a form's field ids. */
export const NEW_PASSWORD_FIELD_IDS = { password: 'password', confirmPassword: 'confirm-password' } as const;

type NewPasswordFieldsProps = {
  label: string;
  confirmLabel: string;
  /** The password typed so far, whose strength is shown. */
  typed: string;
  /** Words the password must not lean on (see usePasswordStrength). */
  context: readonly string[];
  errors: FormErrors<NewPasswordField>;
  register: (field: NewPasswordField) => UseFormRegisterReturn;
  autoFocus?: boolean;
};

/** A new password with live strength feedback, then the same password typed again. */
export function NewPasswordFields({ label, confirmLabel, typed, context, errors, register, autoFocus }: NewPasswordFieldsProps) {
  const strength = usePasswordStrength(typed, context);
  return (
    <>
      <TextField
        id={NEW_PASSWORD_FIELD_IDS.password}
        type="password"
        label={label}
        hint="At least 10 characters. Three random words work well, e.g. kettle orbit lantern."
        error={errors.of('password')}
        width={20}
        autoComplete="new-password"
        autoFocus={autoFocus}
        registration={register('password')}
      />
      <PasswordStrengthMeter id="password-strength" strength={strength} />
      <TextField
        id={NEW_PASSWORD_FIELD_IDS.confirmPassword}
        type="password"
        label={confirmLabel}
        error={errors.of('confirmPassword')}
        width={20}
        autoComplete="new-password"
        registration={register('confirmPassword')}
      />
    </>
  );
}
