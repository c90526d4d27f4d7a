import type { UseFormRegisterReturn } from 'react-hook-form';

import type { ChoiceOption } from '../ipc';
import { Radios } from '../shared/Radios';

/** The id a problem with the method links to: its first choice's. */
export function methodFieldId(methods: readonly ChoiceOption[]): string {
  return methods[0] ? `disposal-method-${methods[0].value}` : 'disposal-method';
}

type MethodFieldProps = {
  legend: string;
  /** The methods core offers for what is disposed of (a device, or confidential waste). */
  methods: readonly ChoiceOption[];
  error: string | undefined;
  registration: UseFormRegisterReturn;
};

/** How it was disposed of: one of the methods core offers, as radios. */
export function MethodField({ legend, methods, error, registration }: MethodFieldProps) {
  return (
    <Radios
      id="disposal-method"
      legend={legend}
      error={error}
      options={methods.map((method) => ({ ...method, id: `disposal-method-${method.value}` }))}
      registration={registration}
    />
  );
}
