import type { ChoiceOption } from '../ipc';

/** The status a disposal records; core leaves it out of the statuses a person may choose. */
export const DISPOSED = 'disposed';

/** The label core gave a stored name, or the stored name itself if core gave none. */
export function choiceLabel(options: readonly ChoiceOption[], value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}

/** A status's label: core's, or "Disposed", which is not among the statuses it offers. */
export function statusLabel(statuses: readonly ChoiceOption[], status: string): string {
  const label = statuses.find((option) => option.value === status)?.label;
  if (label) return label;
  return status === DISPOSED ? 'Disposed' : status;
}

const STATUS_COLOURS: Readonly<Record<string, string>> = {
  in_use: 'green',
  in_store: 'grey',
  lost: 'red',
  stolen: 'red',
  awaiting_disposal: 'orange',
  [DISPOSED]: 'white',
};

/** Where a device is in its life, as an NHS tag. */
export function DeviceStatusTag({ status, statuses }: { status: string; statuses: readonly ChoiceOption[] }) {
  const colour = STATUS_COLOURS[status] ?? 'grey';
  return <strong className={`nhsuk-tag nhsuk-tag--${colour}`}>{statusLabel(statuses, status)}</strong>;
}

/** "Dell Latitude 5440", or whichever of the two is known. */
export function makeAndModel(device: { make: string; model: string }): string {
  return [device.make, device.model].filter((part) => part.trim() !== '').join(' ');
}

const numbers = new Intl.NumberFormat('en-GB');

/** "1 device", "2,000 devices": a count with its thousands separated, as registers grow large. */
export function howMany(count: number, singular: string, plural = `${singular}s`): string {
  return `${numbers.format(count)} ${count === 1 ? singular : plural}`;
}

/** "2,000". */
export function formatCount(count: number): string {
  return numbers.format(count);
}
