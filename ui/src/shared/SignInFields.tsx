import type { UseFormRegisterReturn } from 'react-hook-form';

import { TextField } from './TextField';

type Credential = 'login' | 'password';

type SignInFieldsProps = {
  /** The inputs' ids. */
  ids: Readonly<Record<Credential, string>>;
  errorOf: (field: Credential) => string | undefined;
  register: (field: Credential) => UseFormRegisterReturn;
};

/** A login name and password to sign in with; the login name takes the focus. */
export function SignInFields({ ids, errorOf, register }: SignInFieldsProps) {
  return (
    <>
      <TextField
        id={ids.login}
        label="Login name"
        error={errorOf('login')}
        width={20}
        autoComplete="username"
        spellCheck={false}
        autoCapitalize="none"
        autoFocus
        registration={register('login')}
      />
      <TextField
        id={ids.password}
        type="password"
        label="Password"
        error={errorOf('password')}
        width={20}
        autoComplete="current-password"
        registration={register('password')}
      />
    </>
  );
}
