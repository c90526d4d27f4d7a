import { useQuery } from '@tanstack/react-query';

import { SESSION_KEY } from '../appStatus';
import { dashboardView } from '../ipc';

export const DASHBOARD_KEY = [...SESSION_KEY, 'dashboard_view'] as const;

/**
 * The signed-in person's dashboard, as core judges it. Read again every minute while shown, so a
 * running 72-hour clock's hours stay current.
 */
export function useDashboard() {
  return useQuery({ queryKey: DASHBOARD_KEY, queryFn: dashboardView, refetchInterval: 60_000 });
}
