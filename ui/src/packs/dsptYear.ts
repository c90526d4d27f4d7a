// The Data Security and Protection Toolkit runs from 1 April to 31 March.

/** A period of days, `YYYY-MM-DD`, both included. */
export type Period = { from: string; to: string };

/**
 * The DSPT year that contains `now` (on this computer's calendar): a suggestion for the form only,
 * since Rust checks whatever period is sent.
 */
export function dsptYear(now: Date = new Date()): Period {
  const april = 3;
  const start = now.getMonth() >= april ? now.getFullYear() : now.getFullYear() - 1;
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}
