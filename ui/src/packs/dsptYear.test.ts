import { describe, expect, it } from 'vitest';

import { dsptYear } from './dsptYear';

describe('dsptYear', () => {
  it.each([
    ['the first day of a DSPT year', new Date(2026, 3, 1), { from: '2026-04-01', to: '2027-03-31' }],
    ['the last day of a DSPT year', new Date(2026, 2, 31, 23, 59), { from: '2025-04-01', to: '2026-03-31' }],
    ['January, in the year after it started', new Date(2026, 0, 15), { from: '2025-04-01', to: '2026-03-31' }],
    ['December, in the year it started', new Date(2025, 11, 31), { from: '2025-04-01', to: '2026-03-31' }],
  ])('runs from 1 April to 31 March: %s', (_, now, period) => {
    expect(dsptYear(now)).toEqual(period);
  });
});
