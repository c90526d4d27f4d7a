import { useQuery, useQueryClient } from '@tanstack/react-query';

import { SESSION_KEY } from '../appStatus';
import { incidentClosureStatement, incidentList, type IncidentRow } from '../ipc';

/** An incident's row id, as the bindings type it. */
export type IncidentId = IncidentRow['id'];

export const INCIDENTS_KEY = [...SESSION_KEY, 'incident_list'] as const;

/** Ids go into keys as text: query keys are hashed as JSON. */
export const closureStatementKey = (id: IncidentId) =>
  [...SESSION_KEY, 'incident_closure_statement', String(id)] as const;

/** The incidents the viewer may see, what they may do, and the choices the forms offer. */
export function useIncidents() {
  return useQuery({ queryKey: INCIDENTS_KEY, queryFn: incidentList });
}

/** The statement the signed-in person would sign to close an incident, as it stands now. */
export function useClosureStatement(id: IncidentId) {
  return useQuery({
    queryKey: closureStatementKey(id),
    queryFn: () => incidentClosureStatement({ id }),
    // Always the statement as it stands now: never one kept from before.
    gcTime: 0,
  });
}

/**
 * After any change to an incident: reads again everything the session shows, since an incident
 * also moves the device register (a lost laptop), notifications and the audit trail.
 */
export function useRefreshAfterIncidentChange() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: SESSION_KEY });
}
