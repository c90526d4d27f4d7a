import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { SESSION_KEY } from '../appStatus';
import { dsptEvidenceMap, type PeriodRequest } from '../ipc';

export const EVIDENCE_MAP_KEY = [...SESSION_KEY, 'dspt_evidence_map'] as const;

/** The period core chooses when it is given none: the DSPT year holding today. */
export const CURRENT_DSPT_YEAR: PeriodRequest = { from: '', to: '' };

/**
 * The DSPT evidence map for a period, as core judges it. While another period is read, the one
 * before stays shown.
 */
export function useEvidenceMap(period: PeriodRequest) {
  return useQuery({
    queryKey: [...EVIDENCE_MAP_KEY, period.from, period.to],
    queryFn: () => dsptEvidenceMap(period),
    placeholderData: keepPreviousData,
  });
}
