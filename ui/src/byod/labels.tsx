import type { ByodCheckRow, CheckedItemView } from '../ipc';

/** The outcomes core records, in the order the form offers them. */
export const OUTCOMES = ['approved', 'approved_with_risk', 'refused'] as const;

/** What an approval with a risk is called on the wire; the form asks for the risk then. */
export const APPROVED_WITH_RISK = 'approved_with_risk';

const OUTCOME_TAGS: Readonly<Record<string, { label: string; colour: string }>> = {
  approved: { label: 'Approved', colour: 'green' },
  approved_with_risk: { label: 'Approved with risk', colour: 'orange' },
  refused: { label: 'Refused', colour: 'red' },
};

/** "Approved", "Approved with risk", "Refused" (anything else as core sent it). */
export function outcomeLabel(outcome: string): string {
  return OUTCOME_TAGS[outcome]?.label ?? outcome;
}

/** A check's outcome, as an NHS tag. */
export function OutcomeTag({ outcome }: { outcome: string }) {
  const tag = OUTCOME_TAGS[outcome];
  return <strong className={`nhsuk-tag nhsuk-tag--${tag?.colour ?? 'grey'}`}>{tag?.label ?? outcome}</strong>;
}

/** The answers an item may have, in the order the form offers them. */
export const RESULTS = [
  { value: 'pass', label: 'Pass', colour: 'green' },
  { value: 'fail', label: 'Fail', colour: 'red' },
  { value: 'not_applicable', label: 'Not applicable', colour: 'grey' },
] as const;

/** An item's answer, as an NHS tag. */
export function ResultTag({ result }: { result: string }) {
  const known = RESULTS.find((option) => option.value === result);
  return <strong className={`nhsuk-tag nhsuk-tag--${known?.colour ?? 'grey'}`}>{known?.label ?? result}</strong>;
}

/** The items of a check answered "fail". */
export function failedItems(items: readonly CheckedItemView[]): CheckedItemView[] {
  return items.filter((item) => item.result === 'fail');
}

/** "Jordan Ellis's PH-0012". */
export function checkName(check: ByodCheckRow): string {
  return `${check.person.fullName}'s ${check.assetTag}`;
}

const inWords = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/** "SIRO and DPO": the roles core says were told of a check, in its order; null when none was. */
export function rolesTold(check: ByodCheckRow): string | null {
  return check.notified.length > 0 ? inWords.format(check.notified) : null;
}

/** Whether a `YYYY-MM-DD` day core gave is before `today` (same form): both compare as text. */
export function isBefore(day: string, today: string): boolean {
  return day < today;
}
