import { useQuery, useQueryClient } from '@tanstack/react-query';

import { SESSION_KEY } from '../appStatus';
import { policyGet, policyList, policyText, type PolicyRow, type VersionRow } from '../ipc';

/** A policy's or a version's row id, as the bindings type it. */
export type PolicyId = PolicyRow['id'];
export type VersionId = VersionRow['id'];

export const POLICIES_KEY = [...SESSION_KEY, 'policy_list'] as const;

/** Ids go into keys as text: query keys are hashed as JSON. */
export const policyKey = (id: PolicyId) => [...SESSION_KEY, 'policy_get', String(id)] as const;

export const policyTextKey = (id: VersionId) => [...SESSION_KEY, 'policy_text', String(id)] as const;

/** The policy register, with the owner and role options its forms offer. */
export function usePolicyRegister() {
  return useQuery({ queryKey: POLICIES_KEY, queryFn: policyList });
}

/** One policy with its versions, sign-offs and acknowledgements. */
export function usePolicy(id: PolicyId) {
  return useQuery({ queryKey: policyKey(id), queryFn: () => policyGet({ id }) });
}

/** A version's text, as blocks to read and as Markdown to edit a draft. */
export function usePolicyText(id: VersionId) {
  return useQuery({ queryKey: policyTextKey(id), queryFn: () => policyText({ id }) });
}

/**
 * After any change to a policy: reads again everything the session shows, since a change here
 * moves the register, the policy's history, and who must acknowledge what (the acknowledgements
 * area and the home screen).
 */
export function useRefreshAfterPolicyChange() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: SESSION_KEY });
}
