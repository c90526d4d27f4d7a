import type { EvidenceEntryView } from '../ipc';

/** Each standing as an NHS tag; the words come from core, so colour is never the only sign. */
const STANDING_TAGS: Record<string, string> = {
  met: 'nhsuk-tag--green',
  partly_met: 'nhsuk-tag--orange',
  missing: 'nhsuk-tag--red',
};

/** "Looks met", "Partly met" or "Missing", as core words it. */
export function StandingTag({ entry }: { entry: EvidenceEntryView }) {
  return (
    <strong className={`nhsuk-tag ${STANDING_TAGS[entry.standing] ?? 'nhsuk-tag--grey'}`}>
      {entry.standing === 'met' ? <span aria-hidden="true">✓ </span> : null}
      {entry.standingLabel}
    </strong>
  );
}

/** "3 look met, 1 partly met, 2 missing". */
export function standingCounts(entries: readonly EvidenceEntryView[]): string {
  const count = (standing: string) => entries.filter((entry) => entry.standing === standing).length;
  const met = count('met');
  return `${met} ${met === 1 ? 'looks' : 'look'} met, ${count('partly_met')} partly met, ${count('missing')} missing`;
}

/** An element id from a toolkit item number: "1.3.1" → "1-3-1" (dots would need escaping in selectors). */
export function itemIdPart(entry: EvidenceEntryView): string {
  return entry.id.replace(/[^A-Za-z0-9_-]/g, '-');
}
