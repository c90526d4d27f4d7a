import type { UseFormRegisterReturn } from 'react-hook-form';
import { z } from 'zod';

import { TextField } from './TextField';

const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A period's two days, for a form's zod schema (`z.object({ ...periodShape })`). Shape only: Rust
 * checks that the days are real and in order.
 */
export const periodShape = {
  from: z.string().trim().regex(DAY_SHAPE, 'Enter the first day of the period as year-month-day, for example 2025-07-01'),
  to: z.string().trim().regex(DAY_SHAPE, 'Enter the last day of the period as year-month-day, for example 2026-06-30'),
};

type Day = keyof typeof periodShape;

/** A period of days, `YYYY-MM-DD`, both included. */
export type Period = Record<Day, string>;

type PeriodFieldsProps = {
  /** The inputs' ids. */
  ids: Readonly<Record<Day, string>>;
  errorOf: (field: Day) => string | undefined;
  register: (field: Day) => UseFormRegisterReturn;
};

/** A period's first and last day, typed as year-month-day. Put them in a fieldset that says which period. */
export function PeriodFields({ ids, errorOf, register }: PeriodFieldsProps) {
  const day = (field: Day, label: string, example: string) => (
    <TextField
      id={ids[field]}
      label={label}
      hint={`Year-month-day, for example ${example}`}
      error={errorOf(field)}
      width={10}
      autoComplete="off"
      spellCheck={false}
      inputMode="numeric"
      registration={register(field)}
    />
  );
  return (
    <>
      {day('from', 'From', '2025-07-01')}
      {day('to', 'To', '2026-06-30')}
    </>
  );
}
