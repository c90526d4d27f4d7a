import { describe, expect, it } from 'vitest';

import { formatDay, formatMoment, formatMomentDay, localMomentInput, localMomentToRfc3339, today } from './dates';

describe('dates', () => {
  it.each([
    ['2024-04-01', '1 April 2024'],
    ['2026-12-31', '31 December 2026'],
    ['not a day', 'not a day'],
  ])('shows the day %s as %s', (day, shown) => {
    expect(formatDay(day)).toBe(shown);
  });

  it('shows a moment in the local time zone (UK summer time here)', () => {
    expect(formatMoment('2026-05-04T13:05:00Z')).toBe('4 May 2026, 14:05');
    expect(formatMoment('2026-01-04T13:05:00Z')).toBe('4 Jan 2026, 13:05');
    expect(formatMoment('yesterday')).toBe('yesterday');
  });

  it('shows the day of a moment in the local time zone', () => {
    expect(formatMomentDay('2026-05-04T23:30:00Z')).toBe('5 May 2026');
    expect(formatMomentDay('2026-01-04T23:30:00Z')).toBe('4 January 2026');
    expect(formatMomentDay('yesterday')).toBe('yesterday');
  });

  it('gives today as the computer sees it', () => {
    expect(today(new Date(2026, 0, 9, 23, 30))).toBe('2026-01-09');
  });

  it('sends a local date and time with the offset of the day (UK summer and winter time here)', () => {
    expect(localMomentToRfc3339('2026-05-04T14:05')).toBe('2026-05-04T14:05:00+01:00');
    expect(localMomentToRfc3339('2026-11-24T09:30')).toBe('2026-11-24T09:30:00+00:00');
    expect(localMomentToRfc3339('')).toBe('');
    expect(localMomentToRfc3339('yesterday')).toBe('yesterday');
  });

  it('fills a date-and-time input with the local time to the minute', () => {
    expect(localMomentInput(new Date(2026, 4, 4, 9, 7, 45))).toBe('2026-05-04T09:07');
  });
});
