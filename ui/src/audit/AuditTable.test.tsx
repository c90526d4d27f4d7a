import { render, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { AuditRow } from '../ipc';
import { AuditTable } from './AuditTable';

const entry = (seq: number, action: string): AuditRow => ({
  seq,
  at: '2026-05-04T13:05:00Z',
  actorLogin: 'jsmith',
  action,
  recordType: 'incident',
  recordId: '1',
  summary: `entry ${seq}`,
});

/** The words the "What" cell shows for `action`, before Rust's own name for it. */
function words(action: string): string {
  const { unmount } = render(<AuditTable entries={[entry(1, action)]} names={new Map()} />);
  const row = within(document.getElementById('audit-entries') as HTMLElement).getAllByRole('row')[1] as HTMLElement;
  // After the heading repeated for narrow windows, and before the note of Rust's name.
  const what = (within(row).getAllByRole('cell')[3] as HTMLElement).childNodes[1]?.textContent ?? '';
  unmount();
  return what;
}

describe('AuditTable', () => {
  it.each([
    ['incident.add', 'Recorded an incident'],
    ['incident.grade', 'Graded an incident'],
    ['incident.action', 'Added to an incident’s action log'],
    ['incident.assess', 'Saved an incident’s assessment'],
    ['incident.report', 'Saved an incident’s reporting details'],
    ['incident.device', 'Linked a device to an incident'],
    ['incident.status', 'Changed an incident’s status'],
    ['incident.sign', 'Signed an incident’s closure review'],
    ['pack.sign_off', 'Signed off the annual DSPT pack'],
    ['person.update', 'Changed a person’s details'],
    ['policy.approve', 'Signed off a policy version'],
    ['device.allocate', 'Allocated a device'],
    ['disposal.check', 'Signed a disposal check'],
    ['byod.accept_risk', 'Accepted a BYOD risk as SIRO'],
  ])('names %s in words', (action, expected) => {
    expect(words(action)).toBe(expected);
  });

  it('shows an action it has no words for as Rust names it', () => {
    expect(words('something.new')).toBe('something.new');
  });
});
