import { useMutation } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';

import {
  choosePolicyFile,
  policyAddVersion,
  policyEditDraft,
  type PolicyRow,
  type VersionRow,
  type VersionSourceRequest,
} from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { LoadFailed, Loading } from '../shared/QueryState';
import { Radios } from '../shared/Radios';
import { TextAreaField } from '../shared/TextAreaField';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { usePolicyText, useRefreshAfterPolicyChange } from './usePolicies';

// Shape only: Rust reads the file, checks the text and the change summary, and numbers the version.
// Every check is in one refinement, so that all the problems show at once.
const SOURCES = ['file', 'text'] as const;
const CHANGES = ['minor', 'major'] as const;

/** The form's schema; the size of the change is asked only when the policy already has versions. */
function schemaFor(asksChange: boolean) {
  return z
    .object({
      source: z.enum(SOURCES).nullish(),
      file: z.string().trim(),
      text: z.string(),
      change: z.enum(CHANGES).nullish(),
      changeSummary: z.string(),
    })
    .superRefine((values, context) => {
      const problem = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
      if (!values.source) problem('source', 'Choose whether to import a file or write the text here');
      if (values.source === 'file' && !values.file) problem('file', "Enter the file's full path, or choose the file");
      if (values.source === 'text' && !values.text.trim()) problem('text', "Write the policy's text");
      if (asksChange && !values.change) problem('change', 'Choose whether this is a small or a significant change');
    });
}

type Values = z.input<ReturnType<typeof schemaFor>>;

// Rust reports an unreadable file under `file`, empty written text under `text`.
const FIELD_IDS = {
  source: 'version-source-file',
  file: 'version-file-path',
  text: 'version-text',
  change: 'version-change-minor',
  changeSummary: 'version-change-summary',
} as const;

type VersionFormProps = {
  policy: PolicyRow;
  /** Whether the policy already has a version (the first one is always 1.0). */
  hasVersions: boolean;
  /** A draft to change; a new version when absent. */
  draft?: VersionRow;
  onCancel: () => void;
  /** Saved: `message` says what happened. */
  onSaved: (version: VersionRow, message: string) => void;
};

/** Adds a new draft version, or changes a draft, from a file or from text written here. */
export function VersionForm(props: VersionFormProps) {
  if (props.draft) return <DraftVersionForm {...props} draft={props.draft} />;
  return (
    <VersionFormFields
      {...props}
      asksChange={props.hasVersions}
      defaults={{ file: '', text: '', changeSummary: '' }}
    />
  );
}

/** Changing a draft starts from its text as it stands. */
function DraftVersionForm(props: VersionFormProps & { draft: VersionRow }) {
  const text = usePolicyText(props.draft.id);
  if (text.isPending) return <Loading>{`Loading the text of draft ${props.draft.number}…`}</Loading>;
  if (text.isError) {
    return (
      <>
        <button type="button" className="nhsuk-back-link" onClick={props.onCancel}>
          Back to {props.policy.title}
        </button>
        <LoadFailed title="The draft's text cannot be shown" error={text.error} onRetry={() => void text.refetch()} />
      </>
    );
  }
  return (
    <VersionFormFields
      {...props}
      asksChange={false}
      defaults={{ source: 'text', file: '', text: text.data.markdown, changeSummary: props.draft.changeSummary }}
    />
  );
}

type VersionFormFieldsProps = VersionFormProps & { asksChange: boolean; defaults: Partial<Values> };

function VersionFormFields({ policy, draft, onCancel, onSaved, asksChange, defaults }: VersionFormFieldsProps) {
  const refresh = useRefreshAfterPolicyChange();
  const form = useSchemaForm(schemaFor(asksChange), defaults);
  const source = useWatch({ control: form.control, name: 'source' });
  const choose = useMutation({
    mutationFn: choosePolicyFile,
    onSuccess: (chosen) => {
      if (chosen) form.setValue('file', chosen);
    },
  });
  const add = useMutation({
    mutationFn: policyAddVersion,
    onSuccess: async (version) => {
      await refresh();
      onSaved(version, `Version ${version.number} drafted. Check it, then send it for sign-off.`);
    },
  });
  const edit = useMutation({
    mutationFn: policyEditDraft,
    onSuccess: async (version) => {
      await refresh();
      onSaved(version, `Draft ${version.number} saved`);
    },
  });
  const pending = add.isPending || edit.isPending;
  const errors = formErrors(form.formState.errors, add.error ?? edit.error ?? choose.error, FIELD_IDS);

  const submit = form.handleSubmit(
    (values) => {
      const request: VersionSourceRequest =
        values.source === 'file' ? { kind: 'file', path: values.file } : { kind: 'text', text: values.text };
      if (draft) {
        edit.mutate({ versionId: draft.id, source: request, changeSummary: values.changeSummary });
      } else {
        add.mutate({
          policyId: policy.id,
          source: request,
          // The first version is 1.0 whatever the change; Rust ignores it.
          change: values.change ?? 'minor',
          changeSummary: values.changeSummary,
        });
      }
    },
    () => {
      add.reset();
      edit.reset();
    },
  );

  return (
    <>
      <button type="button" className="nhsuk-back-link" onClick={onCancel}>
        Back to {policy.title}
      </button>
      <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
      <span className="nhsuk-caption-l">{policy.title}</span>
      <h1>{draft ? `Change draft ${draft.number}` : 'Add a new version'}</h1>
      <p>
        {draft
          ? 'Its text is replaced by what you save here. It stays a draft until you send it for sign-off.'
          : 'It starts as a draft: no one is asked to read it until it has been signed off and published.'}
      </p>

      <form id="version-form" onSubmit={submit} noValidate>
        <Radios
          id="version-source"
          legend="Where does the text come from?"
          error={errors.of('source')}
          options={[
            { value: 'file', label: 'Import a file', id: 'version-source-file' },
            { value: 'text', label: 'Write it here', id: 'version-source-text' },
          ]}
          registration={form.register('source')}
        />

        {source === 'file' ? (
          <div className="nhsuk-form-group" id="version-file-group">
            <TextField
              id={FIELD_IDS.file}
              label="The file's full path"
              hint="Word (.docx), PDF, Markdown or plain text"
              error={errors.of('file')}
              autoComplete="off"
              spellCheck={false}
              inputClassName="custodian-path"
              registration={form.register('file')}
            />
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              id="version-choose-file"
              onClick={() => choose.mutate()}
            >
              Choose file…
            </button>
          </div>
        ) : null}

        {source === 'text' ? (
          <TextAreaField
            id={FIELD_IDS.text}
            label="The policy's text"
            hint={
              <>
                Start a heading with <code>#</code> (<code>##</code> for a smaller one) and each bullet point with{' '}
                <code>-</code>. Leave a blank line between paragraphs.
              </>
            }
            error={errors.of('text')}
            rows={20}
            spellCheck
            textareaClassName="custodian-monospace"
            registration={form.register('text')}
          />
        ) : null}

        {asksChange ? (
          <Radios
            id="version-change"
            legend="How big a change is it?"
            error={errors.of('change')}
            options={[
              { value: 'minor', label: 'Small change (e.g. 1.1 → 1.2)', id: 'version-change-minor' },
              { value: 'major', label: 'Significant change (e.g. 1.2 → 2.0)', id: 'version-change-major' },
            ]}
            registration={form.register('change')}
          />
        ) : null}

        <TextField
          id={FIELD_IDS.changeSummary}
          label={asksChange || draft ? 'Summary of the change' : 'Summary of the change (optional for the first version)'}
          hint="What changed and why"
          error={errors.of('changeSummary')}
          autoComplete="off"
          registration={form.register('changeSummary')}
        />

        <div className="nhsuk-button-group">
          <button type="submit" className="nhsuk-button" id="version-save" disabled={pending}>
            {pending ? 'Saving…' : draft ? 'Save the draft' : 'Save as a draft'}
          </button>
          <LinkButton id="version-cancel" onClick={onCancel}>
            Cancel
          </LinkButton>
        </div>
      </form>
    </>
  );
}
