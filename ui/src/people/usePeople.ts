import { useQuery } from '@tanstack/react-query';

import { SESSION_KEY } from '../appStatus';
import { peopleList } from '../ipc';

export const PEOPLE_KEY = [...SESSION_KEY, 'people_list'] as const;

/** The staff register as the signed-in person may see it (only their own entry for staff). */
export function usePeople() {
  return useQuery({ queryKey: PEOPLE_KEY, queryFn: peopleList });
}
