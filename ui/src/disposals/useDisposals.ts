import { useQuery, useQueryClient } from '@tanstack/react-query';

import { SESSION_KEY } from '../appStatus';
import { disposalCheckStatement, disposalList, type DisposalRow } from '../ipc';

/** A disposal's row id, as the bindings type it. */
export type DisposalId = DisposalRow['id'];

export const DISPOSALS_KEY = [...SESSION_KEY, 'disposal_list'] as const;

/** Ids go into keys as text: query keys are hashed as JSON. */
export const checkStatementKey = (id: DisposalId) => [...SESSION_KEY, 'disposal_check_statement', String(id)] as const;

/** The disposal log, with the devices that may be disposed of and the methods its forms offer. */
export function useDisposalLog() {
  return useQuery({ queryKey: DISPOSALS_KEY, queryFn: disposalList });
}

/** The statement the signed-in person would sign to check a disposal, as it stands now. */
export function useCheckStatement(id: DisposalId) {
  return useQuery({
    queryKey: checkStatementKey(id),
    queryFn: () => disposalCheckStatement({ id }),
    // Always the statement as it stands now: never one kept from before.
    gcTime: 0,
  });
}

/**
 * After any change to the log: reads again everything the session shows, since a disposal also
 * moves the device register (the device leaves it, or goes back into store) and the home screen.
 */
export function useRefreshAfterDisposalChange() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: SESSION_KEY });
}
