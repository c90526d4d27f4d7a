import { useMutation } from '@tanstack/react-query';

type AddOrEditOptions<AddRequest, Added, EditRequest, Saved> = {
  /** The command that adds a record. */
  add: (request: AddRequest) => Promise<Added>;
  /** The command that saves changes to one. */
  edit: (request: EditRequest) => Promise<Saved>;
  /** Re-reads what the change affects, before the form says it is done. */
  refresh: () => Promise<unknown>;
  onAdded?: (added: Added) => void;
  onSaved?: (saved: Saved) => void;
  /** The answer to adding holds a secret (a one-time password): keep it out of the mutation cache. */
  forgetAdded?: boolean;
};

/**
 * The two commands behind a form that adds a record or edits one: each refreshes what it changed,
 * then hands its answer on. `error` and `pending` cover whichever ran.
 */
export function useAddOrEdit<AddRequest, Added, EditRequest, Saved>({
  add,
  edit,
  refresh,
  onAdded,
  onSaved,
  forgetAdded = false,
}: AddOrEditOptions<AddRequest, Added, EditRequest, Saved>) {
  const adding = useMutation({
    mutationFn: add,
    ...(forgetAdded ? { gcTime: 0 } : {}),
    onSuccess: async (added) => {
      await refresh();
      onAdded?.(added);
    },
  });
  const editing = useMutation({
    mutationFn: edit,
    onSuccess: async (saved) => {
      await refresh();
      onSaved?.(saved);
    },
  });
  return {
    add: adding.mutate,
    edit: editing.mutate,
    pending: adding.isPending || editing.isPending,
    error: adding.error ?? editing.error,
    reset: () => {
      adding.reset();
      editing.reset();
    },
  };
}
