import type { ClockView } from '../ipc';
import { formatMoment } from '../shared/dates';
import { LinkButton } from '../shared/LinkButton';
import { countOf } from '../shared/plural';

type ClockAlertProps = {
  /** The running clocks, soonest first, as core sends them. */
  clocks: readonly ClockView[];
  /** Opens the incidents section at one incident. */
  onOpen: (clock: ClockView) => void;
};

/**
 * Running 72-hour clocks, at the top of the home screen: each incident's reference (which opens
 * it), when it must be reported by in this computer's time, and the hours left or overdue. Core
 * decides which clocks run and their deadlines; nothing shows when none runs.
 */
export function ClockAlert({ clocks, onOpen }: ClockAlertProps) {
  if (clocks.length === 0) return null;
  return (
    <section className="custodian-clock-alert" id="dashboard-clocks" aria-labelledby="dashboard-clocks-heading">
      <h2 className="nhsuk-heading-m nhsuk-u-margin-bottom-2" id="dashboard-clocks-heading">
        <span className="nhsuk-u-visually-hidden">Important: </span>
        {clocks.length === 1 ? 'A 72-hour reporting clock is running' : `${clocks.length} 72-hour reporting clocks are running`}
      </h2>
      <p className="nhsuk-body-s">
        {clocks.length === 1 ? 'This incident is' : 'These incidents are'} to be reported by the time shown. Open an
        incident to record its reports.
      </p>
      <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
        {clocks.map((clock) => {
          const id = String(clock.incidentId);
          return (
            <li key={id} id={`dashboard-clock-${id}`} data-incident-id={id} className="custodian-clock-alert__clock">
              <LinkButton id={`dashboard-clock-open-${id}`} onClick={() => onOpen(clock)}>
                <span className="nhsuk-u-visually-hidden">Open incident</span> {clock.reference}
              </LinkButton>
              : report by <time dateTime={clock.deadline}>{formatMoment(clock.deadline)}</time>,{' '}
              <strong className="custodian-clock-alert__left">{hoursLeft(clock)}</strong>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * "5 hours left", "overdue by 3 hours". Core counts whole hours towards zero, so within the hour
 * either side of the deadline the moment itself says which side it is.
 */
export function hoursLeft(clock: ClockView, now: Date = new Date()): string {
  if (clock.hoursLeft > 0) return `${countOf(clock.hoursLeft, 'hour')} left`;
  if (clock.hoursLeft < 0) return `overdue by ${countOf(-clock.hoursLeft, 'hour')}`;
  return new Date(clock.deadline).getTime() <= now.getTime() ? 'overdue by less than an hour' : 'less than an hour left';
}
