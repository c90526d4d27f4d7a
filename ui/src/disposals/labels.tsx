import type { DisposalRow } from '../ipc';
import { formatMoment } from '../shared/dates';
import { countOf } from '../shared/plural';

/** The method that keeps a device for re-use, which asks for the re-use assessment. */
export const WIPE_AND_REUSE = 'wipe_and_reuse';

/** "LT-0012", or "Confidential waste" for a collection. */
export function disposalWhat(disposal: DisposalRow): string {
  return disposal.assetTag ?? 'Confidential waste';
}

/** "the disposal of LT-0012", "the confidential-waste collection (consignment WTN-1)". */
export function disposalName(disposal: DisposalRow): string {
  if (disposal.assetTag !== null) return `the disposal of ${disposal.assetTag}`;
  return disposal.consignmentReference
    ? `the confidential-waste collection (consignment ${disposal.consignmentReference})`
    : 'the confidential-waste collection';
}

/** "4 bags or containers". */
export function containersLabel(containers: number): string {
  return countOf(containers, 'bag or container', 'bags or containers');
}

/** "245 KB", "1.2 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return countOf(bytes, 'byte');
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Whether the IG lead or SIRO has checked and signed it, as an NHS tag. */
export function CheckedTag({ disposal }: { disposal: DisposalRow }) {
  if (disposal.checkedBy) {
    return <strong className="nhsuk-tag nhsuk-tag--green">Checked by {disposal.checkedBy.fullName}</strong>;
  }
  return <strong className="nhsuk-tag nhsuk-tag--orange">Not checked</strong>;
}

/** "3 Apr 2024, 14:05", for when a check was signed. */
export function checkedWhen(disposal: DisposalRow): string | null {
  return disposal.checkedAt ? formatMoment(disposal.checkedAt) : null;
}
