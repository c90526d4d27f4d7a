import type { ChoiceOption, GradeCellView, IncidentDeviceOption, IncidentGradeView, IncidentRow } from '../ipc';
import { formatMoment } from '../shared/dates';
import { countOf } from '../shared/plural';

/** The category whose devices an incident marks lost or stolen (core's key). */
export const LOST_OR_STOLEN_DEVICE = 'lost_or_stolen_device';

/** What a grade means, in words: whether it is reportable, and whether DHSC is told too. */
export function outcomeWords(outcome: Pick<GradeCellView, 'reportable' | 'notifyDhsc'>): string {
  if (!outcome.reportable) return 'Not reportable';
  const reportable = 'Reportable to the ICO through the DSPT incident reporting tool';
  return outcome.notifyDhsc ? `${reportable}, and DHSC is told` : reportable;
}

/** "Likelihood 3 (Likely) × severity 2 (Minor)". */
export function gradeWords(grade: IncidentGradeView): string {
  return `Likelihood ${grade.likelihood} (${grade.likelihoodLabel}) × severity ${grade.severity} (${grade.severityLabel})`;
}

/** A stored name's label from the choices Rust sent, or the name itself. */
export function choiceLabel(options: readonly ChoiceOption[], value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}

/** A device as offered for an incident, with its status: "LT-0012 — Laptop … (in use)". */
export function deviceChoiceLabel(device: IncidentDeviceOption): string {
  return device.statusLabel ? `${device.label} (${device.statusLabel.toLowerCase()})` : device.label;
}

/** How long is left before a deadline, or how long ago it passed: "31 hours left". */
export function timeLeft(deadline: string, now: Date = new Date()): string {
  const hours = (new Date(deadline).getTime() - now.getTime()) / 3_600_000;
  if (Number.isNaN(hours)) return '';
  if (hours >= 1) return `${countOf(Math.floor(hours), 'hour')} left`;
  if (hours > 0) return 'less than an hour left';
  const ago = Math.floor(-hours);
  return ago < 1 ? 'the deadline has just passed' : `the deadline passed ${countOf(ago, 'hour')} ago`;
}

const STATUS_TAGS: Record<string, string> = {
  open: 'nhsuk-tag--blue',
  closed: 'nhsuk-tag--green',
  withdrawn: 'nhsuk-tag--grey',
  duplicate: 'nhsuk-tag--grey',
};

/** The incident's status as an NHS tag. */
export function StatusTag({ incident }: { incident: IncidentRow }) {
  return <strong className={`nhsuk-tag ${STATUS_TAGS[incident.status] ?? 'nhsuk-tag--grey'}`}>{incident.statusLabel}</strong>;
}

/**
 * The 72-hour clock, while it runs: "Report by 27 Nov 2026, 19:15" in local time; or "Reported
 * late" once reported after the deadline. Nothing otherwise. Rust decides both.
 */
export function ClockTag({ incident, id }: { incident: IncidentRow; id?: string }) {
  if (incident.clockDeadline) {
    return (
      <strong className="nhsuk-tag nhsuk-tag--red" id={id} data-testid="incident-clock">
        Report by {formatMoment(incident.clockDeadline)}
      </strong>
    );
  }
  if (incident.reportedLate) {
    return (
      <strong className="nhsuk-tag nhsuk-tag--orange" id={id} data-testid="incident-reported-late">
        Reported late
      </strong>
    );
  }
  return null;
}

/** A value, or "Not recorded" when it is empty. */
export function Known({ value }: { value: string | null | undefined }) {
  return value?.trim() ? <>{value}</> : <span className="nhsuk-u-secondary-text-colour">Not recorded</span>;
}
