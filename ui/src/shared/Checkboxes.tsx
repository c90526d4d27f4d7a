import type { ReactNode } from 'react';

import { ChoiceGroup, type ChoiceGroupProps } from './ChoiceGroup';

export type CheckboxOption = { value: string; label: ReactNode; id: string };

type CheckboxesProps = Omit<ChoiceGroupProps, 'options'> & { options: readonly CheckboxOption[] };

/**
 * NHS checkboxes in a fieldset, with a hint and an error message, wired to react-hook-form, which
 * collects the ticked values in an array.
 */
export function Checkboxes(props: CheckboxesProps) {
  return <ChoiceGroup type="checkbox" {...props} />;
}
