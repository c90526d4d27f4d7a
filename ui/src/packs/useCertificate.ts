import { useQuery } from '@tanstack/react-query';

import { SESSION_KEY } from '../appStatus';
import { certificateInfo } from '../ipc';

export const CERTIFICATE_KEY = [...SESSION_KEY, 'certificate_info'] as const;

/** The practice's signing certificate: who it names, and its SHA-256 fingerprint. */
export function useCertificate() {
  return useQuery({ queryKey: CERTIFICATE_KEY, queryFn: certificateInfo });
}
