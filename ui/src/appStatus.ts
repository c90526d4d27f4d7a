// The app's state lives in Rust; the UI reads it with one query and refreshes it after every change.
import { MutationCache, QueryCache, QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { appStatus, isCommandError, type CommandError } from './ipc';

declare module '@tanstack/react-query' {
  // Every command rejects with a CommandError (src/ipc normalises anything else into one).
  interface Register {
    defaultError: CommandError;
  }
}

export const APP_STATUS_KEY = ['app_status'] as const;

/**
 * The first part of the key of every query that reads the signed-in practice's records. They are
 * dropped when the session ends, so nothing read in one session outlives it.
 */
export const SESSION_KEY = ['session'] as const;

/** Why the person was signed out by Rust (their access ended), shown on the sign-in screen. */
const SIGNED_OUT_NOTICE_KEY = ['signed_out_notice'] as const;

/** A query client for an offline desktop app: never waits for a network, never retries on its own. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => followSessionChange(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => followSessionChange(client, error) }),
    defaultOptions: {
      queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false },
      mutations: { networkMode: 'always', retry: false },
    },
  });
  return client;
}

/**
 * Any command may find that the session changed under it: the person's access ended (Rust has
 * already signed them out), they must choose their own password first, or nobody is signed in any
 * more. Each time, the app status is fetched again so the right screen follows.
 */
function followSessionChange(client: QueryClient, error: unknown) {
  if (!isCommandError(error)) return;
  if (error.code === 'access_ended') noteSignedOut(client, error.message);
  if (error.code === 'access_ended' || error.code === 'password_change_required' || error.code === 'not_signed_in') {
    void client.invalidateQueries({ queryKey: APP_STATUS_KEY });
  }
}

/** Where the app is: no vault, a vault to sign in to, signed in, locked, or part-way through a step. */
export function useAppStatus() {
  return useQuery({ queryKey: APP_STATUS_KEY, queryFn: appStatus });
}

/**
 * A command that changes the app's state. On success `onSuccess` runs first (to keep anything the
 * response carries), then the app status is fetched again, so the right screen follows.
 */
export function useStatusMutation<Request, Response>(
  command: (request: Request) => Promise<Response>,
  onSuccess?: (response: Response) => void,
) {
  const queryClient = useQueryClient();
  return useMutation<Response, CommandError, Request>({
    mutationFn: command,
    onSuccess: async (response) => {
      onSuccess?.(response);
      await queryClient.invalidateQueries({ queryKey: APP_STATUS_KEY });
    },
  });
}

/**
 * Why Rust signed the person out, if it did (their access ended while they were signed in), and a
 * way to clear it once read.
 */
export function useSignedOutNotice(): { notice: string | null; clear: () => void } {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: SIGNED_OUT_NOTICE_KEY,
    // Nothing to fetch: the notice is only ever set by followSessionChange.
    queryFn: () => queryClient.getQueryData<string | null>(SIGNED_OUT_NOTICE_KEY) ?? null,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  return {
    notice: query.data ?? null,
    clear: () => queryClient.setQueryData(SIGNED_OUT_NOTICE_KEY, null),
  };
}

/** Keeps `notice` to show on the sign-in screen: why the person was signed out. */
export function noteSignedOut(queryClient: QueryClient, notice: string) {
  queryClient.setQueryData(SIGNED_OUT_NOTICE_KEY, notice);
}

/** Forgets every record read in a session: call when no one is signed in. */
export function forgetSessionData(queryClient: QueryClient) {
  queryClient.removeQueries({ queryKey: SESSION_KEY });
}
