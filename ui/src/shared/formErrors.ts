import type { CommandError } from '../ipc';
import type { ErrorItem } from './ErrorSummary';

/** A form's field names mapped to the ids of their inputs, in the order the fields appear. */
export type FieldIds<Field extends string> = Readonly<Record<Field, string>>;

type FormErrorMessages = Partial<Record<string, { message?: string } | undefined>>;

/** The errors a form shows: its own (shape) errors first, else those Rust returned for the field. */
export type FormErrors<Field extends string> = {
  /** The message to show beside `field`, if any. */
  of: (field: Field) => string | undefined;
  /** Everything for the error summary, in field order, then problems that belong to no field. */
  items: ErrorItem[];
};

/**
 * Combines react-hook-form's errors with a CommandError from Rust. Field errors whose field is not
 * on the form, and errors with no fields at all, are listed in the summary without a link.
 */
export function formErrors<Field extends string>(
  formMessages: FormErrorMessages,
  commandError: CommandError | null,
  fieldIds: FieldIds<Field>,
): FormErrors<Field> {
  const fields = Object.keys(fieldIds) as Field[];
  const isFormField = (name: string): name is Field => Object.hasOwn(fieldIds, name);

  const of = (field: Field): string | undefined =>
    formMessages[field]?.message || commandError?.fields.find((problem) => problem.field === field)?.message;

  const items: ErrorItem[] = [];
  for (const field of fields) {
    const message = of(field);
    if (message) items.push({ message, fieldId: fieldIds[field] });
  }
  if (commandError) {
    for (const problem of commandError.fields) {
      if (!isFormField(problem.field)) items.push({ message: problem.message });
    }
    if (commandError.fields.length === 0) items.push({ message: commandError.message });
  }
  return { of, items };
}
