import { useMutation } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';

import {
  byodRecord,
  chooseEvidenceFile,
  type ByodCheckRequest,
  type ByodView,
  type ChecklistItemView,
  type ChecklistView,
  type CommandError,
} from '../ipc';
import { today } from '../shared/dates';
import { ErrorSummary, type ErrorItem } from '../shared/ErrorSummary';
import { formErrors, type FieldIds, type FormErrors } from '../shared/formErrors';
import { LinkButton } from '../shared/LinkButton';
import { Radios } from '../shared/Radios';
import { SelectField } from '../shared/SelectField';
import { TextAreaField } from '../shared/TextAreaField';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { APPROVED_WITH_RISK, checkName, outcomeLabel, RESULTS, rolesTold } from './labels';
import { useRefreshAfterByodChange } from './useByod';

// Shape only: a check names a person and a device by id, so both must be chosen before it is sent.
// Rust checks everything else: the checklist, the day, every answer, the outcome and the risk.
const schema = z.object({
  personId: z.string().min(1, 'Choose whose device it is'),
  deviceId: z.string().min(1, 'Choose the device'),
  checklistKey: z.string().nullish(),
  checkedOn: z.string(),
  // One answer per item of the chosen checklist, in its order.
  answers: z.array(z.object({ result: z.string().nullish(), note: z.string(), evidence: z.string() })),
  outcome: z.string().nullish(),
  risk: z.string(),
});

type Values = z.input<typeof schema>;
type Answer = Values['answers'][number];

const OUTCOME_OPTIONS = [
  {
    value: 'approved',
    label: 'Approved',
    id: 'byod-outcome-approved',
    hint: 'The device may be used for practice work.',
  },
  {
    value: APPROVED_WITH_RISK,
    label: 'Approved with a risk',
    id: 'byod-outcome-approved_with_risk',
    hint: 'The SIRO is asked to accept the risk, and the SIRO and DPO are told.',
  },
  {
    value: 'refused',
    label: 'Refused',
    id: 'byod-outcome-refused',
    hint: 'The device must not be used for practice work.',
  },
] as const;

type Field = 'personId' | 'deviceId' | 'checklistKey' | 'checkedOn' | 'outcome' | 'risk';

/**
 * The form's own fields, in order, as Rust names them (the answers are shown apart: Rust may report
 * several problems with them). A problem with the checklist links to its first choice.
 */
function fieldIdsFor(checklists: readonly ChecklistView[]): FieldIds<Field> {
  return {
    personId: 'byod-person',
    deviceId: 'byod-device',
    checklistKey: checklists[0] ? `byod-checklist-${checklists[0].key}` : 'byod-checklist',
    checkedOn: 'byod-date',
    outcome: 'byod-outcome-approved',
    risk: 'byod-risk',
  };
}

/** Fields whose problems the summary lists after those of the answers. */
const AFTER_ANSWERS: readonly Field[] = ['outcome', 'risk'];

const blankAnswer = (): Answer => ({ result: null, note: '', evidence: '' });

const itemId = (item: ChecklistItemView) => `byod-item-${item.key}`;

/**
 * The request fields of an item's answer, as Rust reports them (naming the item), each with the
 * end of the id of the input a problem with it links to: the first choice, the note, the file.
 */
const ANSWER_FIELDS: Readonly<Record<string, string>> = {
  answers: RESULTS[0].value,
  note: 'note',
  evidencePath: 'evidence',
};

type ByodCheckFormProps = {
  view: ByodView;
  onCancel: () => void;
  /** Recorded: `message` says what happened. */
  onRecorded: (message: string) => void;
};

/** Records a check of a person's own device: item by item against a checklist, then the outcome. */
export function ByodCheckForm({ view, onCancel, onRecorded }: ByodCheckFormProps) {
  const { checklists, devices, people } = view;
  const refresh = useRefreshAfterByodChange();
  const form = useSchemaForm(schema, {
    personId: '',
    deviceId: '',
    checkedOn: today(),
    answers: [],
    risk: '',
  });
  const checklistKey = useWatch({ control: form.control, name: 'checklistKey' });
  const outcome = useWatch({ control: form.control, name: 'outcome' });
  const checklist = checklists.find((candidate) => candidate.key === checklistKey) ?? null;

  const record = useMutation({
    mutationFn: byodRecord,
    onSuccess: async (recorded) => {
      await refresh();
      // Core says whom it told (the SIRO and DPO, of a failed item or a risk).
      const told = rolesTold(recorded);
      onRecorded(
        `Check recorded for ${checkName(recorded)}: ${outcomeLabel(recorded.outcome).toLowerCase()}.` +
          (told ? ` The ${told} ${recorded.notified.length === 1 ? 'has' : 'have'} been told.` : ''),
      );
    },
  });
  const choose = useMutation({
    mutationFn: async (index: number) => ({ index, path: await chooseEvidenceFile() }),
    onSuccess: ({ index, path }) => {
      if (path) form.setValue(`answers.${index}.evidence`, path);
    },
  });

  /** A new checklist asks new items: their answers start blank. */
  const startChecklist = (key: string) => {
    const chosen = checklists.find((candidate) => candidate.key === key);
    form.setValue('answers', (chosen?.items ?? []).map(blankAnswer));
  };

  const onDeviceChosen = (deviceId: string) => {
    const device = devices.find((candidate) => String(candidate.id) === deviceId);
    if (!device) return;
    // Conveniences only: the holder, and the checklist core says a device of its kind is checked
    // against. Core checks that the person, the device and the checklist go together.
    const holder = people.find((person) => person.id === device.holderId);
    if (holder && !form.getValues('personId')) form.setValue('personId', String(holder.id));
    const fitting = device.checklistKey;
    if (fitting !== null && fitting !== form.getValues('checklistKey')) {
      form.setValue('checklistKey', fitting);
      startChecklist(fitting);
    }
  };

  const fieldIds = fieldIdsFor(checklists);
  const failure = record.error ?? choose.error;
  const errors = checkErrors(form.formState.errors, failure, fieldIds, checklist);

  const submit = form.handleSubmit(
    (values) => {
      const request: ByodCheckRequest = {
        personId: Number(values.personId),
        deviceId: Number(values.deviceId),
        checklistKey: values.checklistKey ?? '',
        checkedOn: values.checkedOn,
        // Every item of the chosen checklist, answered or not: core says what is missing.
        answers: (checklist?.items ?? []).map((item, index) => {
          const answer = values.answers[index];
          return {
            itemKey: item.key,
            result: answer?.result ?? '',
            note: answer?.note ?? '',
            evidencePath: answer?.evidence ?? '',
          };
        }),
        outcome: values.outcome ?? '',
        // The risk is asked only for an approval with a risk.
        risk: values.outcome === APPROVED_WITH_RISK ? values.risk : '',
      };
      record.mutate(request);
    },
    () => {
      record.reset();
      choose.reset();
    },
  );

  return (
    <>
      <button type="button" className="nhsuk-back-link" onClick={onCancel}>
        Back to BYOD checks
      </button>
      <ErrorSummary errors={errors.items} focusKey={form.formState.submitCount} />
      <h1>Check a new starter&apos;s device</h1>
      <p>
        Go through the checklist with the person and their device: answer every item, add a note to anything that fails,
        and add a screenshot or photo where it helps.
      </p>
      {devices.length === 0 ? (
        <div className="nhsuk-inset-text" id="byod-no-devices">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>No personal device is registered yet. Register the person&apos;s own device under Devices first.</p>
        </div>
      ) : null}

      <form id="byod-form" onSubmit={submit} noValidate>
        <SelectField
          id={fieldIds.personId}
          label="Whose device is it?"
          error={errors.of('personId')}
          options={[
            { value: '', label: 'Choose a person' },
            ...people.map((person) => ({ value: String(person.id), label: person.fullName })),
          ]}
          registration={form.register('personId')}
        />
        <SelectField
          id={fieldIds.deviceId}
          label="The device"
          hint="Register the person's own device under Devices first, as a personal device"
          error={errors.of('deviceId')}
          options={[
            { value: '', label: 'Choose a device' },
            ...devices.map((device) => ({ value: String(device.id), label: device.label })),
          ]}
          registration={form.register('deviceId', { onChange: (event) => onDeviceChosen(String(event.target.value)) })}
        />
        <div id="byod-checklist">
          <Radios
            id="byod-checklist"
            legend="Checklist"
            error={errors.of('checklistKey')}
            options={checklists.map((option) => ({
              value: option.key,
              label: option.title,
              id: `byod-checklist-${option.key}`,
              hint: `Version ${option.version}`,
            }))}
            registration={form.register('checklistKey', { onChange: (event) => startChecklist(String(event.target.value)) })}
          />
        </div>
        <TextField
          id={fieldIds.checkedOn}
          type="date"
          label="Day of the check"
          error={errors.of('checkedOn')}
          width={10}
          registration={form.register('checkedOn')}
        />

        {checklist ? (
          <ItemAnswers
            key={checklist.key}
            checklist={checklist}
            problems={errors.answers}
            itemProblems={errors.byItem}
            form={form}
            choosing={choose.isPending}
            onChoose={(index) => choose.mutate(index)}
          />
        ) : null}

        <div id="byod-outcome">
          <Radios
            id="byod-outcome"
            legend="Outcome"
            error={errors.of('outcome')}
            options={OUTCOME_OPTIONS}
            registration={form.register('outcome')}
          />
        </div>
        {outcome === APPROVED_WITH_RISK ? (
          <TextAreaField
            id={fieldIds.risk}
            label="What is the risk?"
            hint="The SIRO reads this before accepting it"
            error={errors.of('risk')}
            rows={4}
            spellCheck
            registration={form.register('risk')}
          />
        ) : null}

        <div className="nhsuk-button-group">
          <button type="submit" className="nhsuk-button" id="byod-save" disabled={record.isPending}>
            {record.isPending ? 'Saving…' : 'Record the check'}
          </button>
          <LinkButton id="byod-cancel" onClick={onCancel}>
            Cancel
          </LinkButton>
        </div>
      </form>
    </>
  );
}

type CheckForm = ReturnType<typeof useSchemaForm<Values, z.output<typeof schema>>>;

type ItemAnswersProps = {
  checklist: ChecklistView;
  /** What Rust found wrong with the answers as a whole (an answer to no item of this checklist). */
  problems: readonly string[];
  /** What Rust found wrong with each item's answer, by the item's key. */
  itemProblems: ReadonlyMap<string, readonly string[]>;
  form: CheckForm;
  choosing: boolean;
  onChoose: (index: number) => void;
};

/**
 * One fieldset per item of the checklist: pass, fail or not applicable, a note, and a screenshot or
 * photo; a problem with an item's answer is shown beside it.
 */
function ItemAnswers({ checklist, problems, itemProblems, form, choosing, onChoose }: ItemAnswersProps) {
  return (
    <div
      className={problems.length > 0 ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}
      id="byod-items"
    >
      <h2 className="nhsuk-heading-m">
        {checklist.title}, version {checklist.version}
      </h2>
      <ErrorMessages id="byod-items-error" problems={problems} />
      {checklist.items.map((item, index) => {
        const id = itemId(item);
        const own = itemProblems.get(item.key) ?? [];
        const describedBy = [problems.length > 0 ? 'byod-items-error' : '', own.length > 0 ? `${id}-error` : '']
          .filter(Boolean)
          .join(' ');
        return (
          <div className={own.length > 0 ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'} key={item.key}>
            <fieldset className="nhsuk-fieldset" id={id} aria-describedby={describedBy || undefined}>
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{item.text}</legend>
              <ErrorMessages id={`${id}-error`} problems={own} />
              <div className="nhsuk-form-group">
                <div className="nhsuk-radios nhsuk-radios--inline">
                  {RESULTS.map((result) => (
                    <div className="nhsuk-radios__item" key={result.value}>
                      <input
                        className="nhsuk-radios__input"
                        type="radio"
                        value={result.value}
                        {...form.register(`answers.${index}.result`)}
                        id={`${id}-${result.value}`}
                      />
                      <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${id}-${result.value}`}>
                        {result.label}
                      </label>
                    </div>
                  ))}
                </div>
              </div>
              <TextField
                id={`${id}-note`}
                label="Note"
                hint="Required when it fails"
                autoComplete="off"
                registration={form.register(`answers.${index}.note`)}
              />
              <TextField
                id={`${id}-evidence`}
                label="Screenshot or photo (optional)"
                hint="The file's full path: PNG, JPEG or PDF"
                autoComplete="off"
                spellCheck={false}
                inputClassName="custodian-path"
                registration={form.register(`answers.${index}.evidence`)}
              />
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                id={`${id}-choose`}
                disabled={choosing}
                onClick={() => onChoose(index)}
              >
                Choose file…
              </button>
            </fieldset>
          </div>
        );
      })}
    </div>
  );
}

/** Rust's problems with the answers, each an NHS error message; nothing when there are none. */
function ErrorMessages({ id, problems }: { id: string; problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <div id={id}>
      {problems.map((problem) => (
        <span className="nhsuk-error-message" key={problem}>
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {problem}
        </span>
      ))}
    </div>
  );
}

type CheckErrors = FormErrors<Field> & {
  /** The problems Rust found with the answers as a whole, naming no item of the checklist. */
  answers: string[];
  /** The problems Rust found with each item's answer, by the item's key. */
  byItem: Map<string, string[]>;
};

/**
 * The form's errors as `formErrors` gives them, except the answers: Rust may report several, and
 * every one is shown in the summary (after the fields above the items) and beside the item it
 * names, linking to that item's choice, note or file (or beside the items, when it names none).
 */
function checkErrors(
  formMessages: Parameters<typeof formErrors>[0],
  failure: CommandError | null,
  fieldIds: FieldIds<Field>,
  checklist: ChecklistView | null,
): CheckErrors {
  const isAnswer = (field: string) => Object.hasOwn(ANSWER_FIELDS, field);
  const problems = failure?.fields.filter((problem) => isAnswer(problem.field)) ?? [];
  const rest = failure ? { ...failure, fields: failure.fields.filter((problem) => !isAnswer(problem.field)) } : null;
  // Only problems with the answers: the summary lists those, not the command's general message.
  const others = rest && rest.fields.length === 0 && problems.length > 0 ? null : rest;
  const errors = formErrors(formMessages, others, fieldIds);
  const after = AFTER_ANSWERS.map((field) => fieldIds[field]);
  const first = checklist?.items[0];
  const answers: string[] = [];
  const byItem = new Map<string, string[]>();
  const answerItems: ErrorItem[] = problems.map(({ field, item: key, message }) => {
    const item = checklist?.items.find((candidate) => candidate.key === key);
    if (!item) {
      answers.push(message);
      return { message, fieldId: first ? `${itemId(first)}-${RESULTS[0].value}` : undefined };
    }
    byItem.set(item.key, [...(byItem.get(item.key) ?? []), message]);
    return { message, fieldId: `${itemId(item)}-${ANSWER_FIELDS[field] ?? RESULTS[0].value}` };
  });
  const at = errors.items.findIndex((item) => item.fieldId === undefined || after.includes(item.fieldId));
  const items = [...errors.items];
  items.splice(at < 0 ? items.length : at, 0, ...answerItems);
  return { ...errors, items, answers, byItem };
}
