import type { PolicyStandingName, SignOffKindName, VersionRow, VersionStatusName } from '../ipc';

const STANDINGS: Readonly<Record<PolicyStandingName, { label: string; colour: string }>> = {
  no_published_version: { label: 'No published version', colour: 'red' },
  review_overdue: { label: 'Review overdue', colour: 'red' },
  review_due_soon: { label: 'Review due', colour: 'orange' },
  current: { label: 'Current', colour: 'green' },
};

/** Where a policy stands today, as core judged it, as an NHS tag. */
export function StandingTag({ standing }: { standing: PolicyStandingName }) {
  const { label, colour } = STANDINGS[standing];
  return <strong className={`nhsuk-tag nhsuk-tag--${colour}`}>{label}</strong>;
}

const STATUSES: Readonly<Record<VersionStatusName, { label: string; colour: string }>> = {
  draft: { label: 'Draft', colour: 'grey' },
  in_review: { label: 'In review', colour: 'blue' },
  approved: { label: 'Approved', colour: 'purple' },
  published: { label: 'Published', colour: 'green' },
  superseded: { label: 'Superseded', colour: 'white' },
};

/** "Draft", "In review", … */
export function statusLabel(status: VersionStatusName): string {
  return STATUSES[status].label;
}

/** A version's place in its lifecycle, as an NHS tag. */
export function StatusTag({ status }: { status: VersionStatusName }) {
  const { label, colour } = STATUSES[status];
  return <strong className={`nhsuk-tag nhsuk-tag--${colour}`}>{label}</strong>;
}

/** "Draft 1.1", "In review 2.0". */
export function versionLabel(version: VersionRow): string {
  return `${statusLabel(version.status)} ${version.number}`;
}

export const SIGN_OFF_KINDS: Readonly<Record<SignOffKindName, string>> = {
  approval: 'Approved',
  review_no_change: 'Reviewed, no change',
};

/** "Every year", "Every 2 years", "Every 6 months". */
export function cadenceLabel(months: number): string {
  if (months === 12) return 'Every year';
  if (months > 12 && months % 12 === 0) return `Every ${months / 12} years`;
  return months === 1 ? 'Every month' : `Every ${months} months`;
}

/** How many hex characters of a SHA-256 a table shows. */
const SHORT_HASH = 12;

/** A SHA-256 shortened for a table; the whole of it is in the title and for screen readers. */
export function ShortHash({ hash }: { hash: string }) {
  return (
    <span className="custodian-monospace" title={hash}>
      <span aria-hidden="true">{hash.slice(0, SHORT_HASH)}…</span>
      <span className="nhsuk-u-visually-hidden">SHA-256 {hash}</span>
    </span>
  );
}
