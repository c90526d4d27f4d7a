// Dates as people in a UK practice read them. Days travel as `YYYY-MM-DD`; moments as RFC 3339.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

// Date and time apart, joined here, so the result does not depend on the ICU version's joining words.
const momentDateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const momentTimeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const momentDayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** "2024-04-01" → "1 April 2024". Anything that is not such a day is shown as it is. */
export function formatDay(day: string): string {
  const match = DAY.exec(day);
  if (!match) return day;
  const [, year, month, date] = match;
  return dayFormat.format(new Date(Date.UTC(Number(year), Number(month) - 1, Number(date))));
}

/** An RFC 3339 moment in this computer's time zone: "3 Apr 2024, 14:05". */
export function formatMoment(moment: string): string {
  const at = new Date(moment);
  return Number.isNaN(at.getTime()) ? moment : `${momentDateFormat.format(at)}, ${momentTimeFormat.format(at)}`;
}

/** The day of an RFC 3339 moment in this computer's time zone: "3 April 2024". */
export function formatMomentDay(moment: string): string {
  const at = new Date(moment);
  return Number.isNaN(at.getTime()) ? moment : momentDayFormat.format(at);
}

/** Today on this computer, as `YYYY-MM-DD`. */
export function today(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const LOCAL_MOMENT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const pad2 = (value: number) => String(value).padStart(2, '0');

/**
 * A `datetime-local` input's value ("2026-11-24T14:30", this computer's time) as RFC 3339 with the
 * computer's offset then ("2026-11-24T14:30:00+00:00"). Anything else is sent as it is, for Rust to explain.
 */
export function localMomentToRfc3339(value: string): string {
  const match = LOCAL_MOMENT.exec(value.trim());
  if (!match) return value.trim();
  const [, year, month, day, hour, minute, second = '00'] = match;
  const at = new Date(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const east = -at.getTimezoneOffset();
  const sign = east >= 0 ? '+' : '-';
  const offset = `${sign}${pad2(Math.floor(Math.abs(east) / 60))}:${pad2(Math.abs(east) % 60)}`;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`;
}

/** A moment as a `datetime-local` input shows it, in this computer's time, to the minute: "2026-11-24T14:30". */
export function localMomentInput(at: Date = new Date()): string {
  return `${today(at)}T${pad2(at.getHours())}:${pad2(at.getMinutes())}`;
}
