// The app's state lives in Rust; the UI reads it with one query and refreshes it after every change.
import { useMutation, useQuery, useQueryClient, QueryClient } from '@tanstack/react-query';

import { appStatus, type CommandError } from './ipc';

export const APP_STATUS_KEY = ['app_status'] as const;

/** A query client for an offline desktop app: never waits for a network, never retries on its own. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false },
      mutations: { networkMode: 'always', retry: false },
    },
  });
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
