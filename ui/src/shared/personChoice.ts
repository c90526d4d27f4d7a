import type { PersonRefView } from '../ipc';
import type { SelectOption } from './SelectField';

/**
 * A select of people (an owner, say): nobody, then `people`, keeping `current` on offer even if
 * they are no longer among them. `idOf` turns the chosen value back into the person's id.
 */
export function personChoice(people: readonly PersonRefView[], current: PersonRefView | null, noneLabel: string) {
  const offered = current && !people.some((person) => person.id === current.id) ? [...people, current] : [...people];
  const options: SelectOption[] = [
    { value: '', label: noneLabel },
    ...offered.map((person) => ({ value: String(person.id), label: person.fullName })),
  ];
  const idOf = (value: string) => offered.find((person) => String(person.id) === value)?.id ?? null;
  return { options, idOf };
}
