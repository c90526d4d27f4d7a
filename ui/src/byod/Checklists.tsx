import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';

import { byodAddChecklistItem, type ChecklistView } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { useRefreshAfterByodChange } from './useByod';

type ChecklistsProps = {
  checklists: readonly ChecklistView[];
  /** An item was added: `message` says what happened. */
  onAdded: (message: string) => void;
};

/** The checklists a check is made against, each with a way to add an item of the practice's own. */
export function Checklists({ checklists, onAdded }: ChecklistsProps) {
  // The checklist whose add-an-item form is open, if any.
  const [adding, setAdding] = useState<string | null>(null);
  return (
    <section id="byod-checklists" aria-labelledby="byod-checklists-heading">
      <h2 id="byod-checklists-heading">Checklists</h2>
      <p>
        Each check is made against one of these. An item added here is asked in every check from now on; checks already
        made keep the items they were made with.
      </p>
      {checklists.map((checklist) => (
        <div key={checklist.key} id={`byod-checklist-view-${checklist.key}`} data-checklist={checklist.key}>
          <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">{checklist.title}</h3>
          <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">Version {checklist.version}</p>
          <ol className="nhsuk-list nhsuk-list--number">
            {checklist.items.map((item) => (
              <li key={item.key}>{item.text}</li>
            ))}
          </ol>
          {adding === checklist.key ? (
            <AddItemForm
              checklist={checklist}
              onCancel={() => setAdding(null)}
              onAdded={(message) => {
                setAdding(null);
                onAdded(message);
              }}
            />
          ) : (
            <p>
              <LinkButton id={`byod-add-item-${checklist.key}`} onClick={() => setAdding(checklist.key)}>
                Add an item<span className="nhsuk-u-visually-hidden"> to {checklist.title}</span>
              </LinkButton>
            </p>
          )}
        </div>
      ))}
    </section>
  );
}

// Shape only: Rust checks the item's text.
const schema = z.object({ text: z.string() });

// Rust reports a problem with the item's text under `text`.
const FIELD_IDS = { text: 'byod-item-text' } as const;

type AddItemFormProps = {
  checklist: ChecklistView;
  onCancel: () => void;
  onAdded: (message: string) => void;
};

function AddItemForm({ checklist, onCancel, onAdded }: AddItemFormProps) {
  const refresh = useRefreshAfterByodChange();
  const form = useSchemaForm(schema, { text: '' });
  const add = useMutation({
    mutationFn: byodAddChecklistItem,
    onSuccess: async (changed) => {
      await refresh();
      onAdded(`Item added to ${changed.title}, now version ${changed.version}`);
    },
  });
  const errors = formErrors(form.formState.errors, add.error, FIELD_IDS);
  const submit = form.handleSubmit(
    ({ text }) => add.mutate({ checklistKey: checklist.key, text }),
    () => add.reset(),
  );

  return (
    <form id="byod-item-form" onSubmit={submit} noValidate>
      <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
      <TextField
        id={FIELD_IDS.text}
        label={`A new item for ${checklist.title.toLowerCase()}`}
        hint="A sentence that should be true of the device, like the items above"
        error={errors.of('text')}
        autoComplete="off"
        registration={form.register('text')}
      />
      <div className="nhsuk-button-group">
        <button type="submit" className="nhsuk-button nhsuk-button--secondary" id="byod-item-save" disabled={add.isPending}>
          Add the item
        </button>
        <LinkButton id="byod-item-cancel" onClick={onCancel}>
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}
