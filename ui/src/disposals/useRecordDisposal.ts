import { useMutation } from '@tanstack/react-query';

import { chooseCertificateFile, disposalRecord, type DisposalRow } from '../ipc';
import { useRefreshAfterDisposalChange } from './useDisposals';

/**
 * The commands behind a disposal form: choosing the certificate's file in the open dialog (the
 * path goes to `onChosen`) and recording the disposal. `error` is whichever failed; `reset`
 * clears both before the form shows its own problems.
 */
export function useRecordDisposal(onChosen: (path: string) => void, onRecorded: (row: DisposalRow) => void) {
  const refresh = useRefreshAfterDisposalChange();
  const choose = useMutation({
    mutationFn: chooseCertificateFile,
    onSuccess: (chosen) => {
      if (chosen) onChosen(chosen);
    },
  });
  const record = useMutation({
    mutationFn: disposalRecord,
    onSuccess: async (row) => {
      await refresh();
      onRecorded(row);
    },
  });
  return {
    choose: () => choose.mutate(),
    choosing: choose.isPending,
    record: record.mutate,
    recording: record.isPending,
    error: record.error ?? choose.error,
    reset: () => {
      record.reset();
      choose.reset();
    },
  };
}
