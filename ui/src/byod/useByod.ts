import { useQuery, useQueryClient } from '@tanstack/react-query';

import { SESSION_KEY } from '../appStatus';
import { byodList, byodRiskStatement, type ByodCheckRow } from '../ipc';

/** A check's row id, as the bindings type it. */
export type ByodCheckId = ByodCheckRow['id'];

export const BYOD_KEY = [...SESSION_KEY, 'byod_list'] as const;

/** Ids go into keys as text: query keys are hashed as JSON. */
export const riskStatementKey = (id: ByodCheckId) => [...SESSION_KEY, 'byod_risk_statement', String(id)] as const;

/** Every check, the checklists, the devices and people a new check may name, and what the viewer may do. */
export function useByod() {
  return useQuery({ queryKey: BYOD_KEY, queryFn: byodList });
}

/** The statement the SIRO would sign to accept a check's risk, as it stands now. */
export function useRiskStatement(id: ByodCheckId) {
  return useQuery({
    queryKey: riskStatementKey(id),
    queryFn: () => byodRiskStatement({ id }),
    // Always the statement as it stands now: never one kept from before.
    gcTime: 0,
  });
}

/**
 * After any change to the checks or checklists: reads again everything the session shows, since a
 * check may notify the SIRO and DPO (on their home screen) and moves the audit trail.
 */
export function useRefreshAfterByodChange() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: SESSION_KEY });
}
