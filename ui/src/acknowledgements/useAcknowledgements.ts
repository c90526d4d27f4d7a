import { useQuery } from '@tanstack/react-query';

import { SESSION_KEY } from '../appStatus';
import { ackMatrix, ackMine, policyText, type VersionRow } from '../ipc';

/**
 * Everything read about acknowledgements: invalidate it after any change to who acknowledged
 * what (or to the bar). Under the session key, so a shared computer forgets it at sign-out.
 */
export const ACK_KEY = [...SESSION_KEY, 'ack'] as const;

export const ACK_MINE_KEY = [...ACK_KEY, 'mine'] as const;

export const ACK_MATRIX_KEY = [...ACK_KEY, 'matrix'] as const;

/** Ids go into keys as text: query keys are hashed as JSON. */
export const policyTextKey = (versionId: VersionRow['id']) => [...SESSION_KEY, 'policy_text', String(versionId)] as const;

/** The signed-in person's current policies, waiting ones first, and the statement they confirm. */
export function useMyPolicies() {
  return useQuery({ queryKey: ACK_MINE_KEY, queryFn: ackMine });
}

/** The matrix of people × current policies, its figures and the chase list. */
export function useAckMatrix() {
  return useQuery({ queryKey: ACK_MATRIX_KEY, queryFn: ackMatrix });
}

/** A version's text, to read. */
export function useVersionText(versionId: VersionRow['id']) {
  return useQuery({ queryKey: policyTextKey(versionId), queryFn: () => policyText({ id: versionId }) });
}
