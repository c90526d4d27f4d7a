import { ChoiceGroup, type ChoiceGroupProps, type ChoiceOption } from './ChoiceGroup';

export type RadioOption = ChoiceOption;

type RadiosProps = ChoiceGroupProps;

/** NHS radios in a fieldset, with hints and an error message, wired to react-hook-form, which keeps the chosen value. */
export function Radios(props: RadiosProps) {
  return <ChoiceGroup type="radio" {...props} />;
}
