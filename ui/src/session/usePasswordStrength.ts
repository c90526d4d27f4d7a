import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { passwordCheck, type PasswordCheckRequest, type PasswordStrength } from '../ipc';
import { useDebouncedValue } from '../shared/useDebouncedValue';

/** How long typing must pause before the password is judged. */
export const PASSWORD_CHECK_DELAY_MS = 250;

/**
 * Asks Rust how strong `password` is, once typing pauses. `context` holds words the password must
 * not lean on (the person's name and login, the practice name). `null` until there is an answer.
 */
export function usePasswordStrength(password: string, context: readonly string[]): PasswordStrength | null {
  const typed: PasswordCheckRequest = {
    password,
    context: context.map((word) => word.trim()).filter((word) => word !== ''),
  };
  // Debounce a string: it compares by value, so re-renders do not restart the wait.
  const settled = useDebouncedValue(JSON.stringify(typed), PASSWORD_CHECK_DELAY_MS);
  const request = JSON.parse(settled) as PasswordCheckRequest;
  const check = useQuery({
    queryKey: ['password_check', request],
    queryFn: () => passwordCheck(request),
    enabled: request.password !== '',
    placeholderData: keepPreviousData,
    // Keep no password in the cache once nothing shows it.
    gcTime: 0,
    staleTime: Infinity,
  });
  return password === '' ? null : (check.data ?? null);
}
