import type { PackScopeName } from '../ipc';

type Scope = { value: PackScopeName; label: string; id: string; hint: string };

/** What a pack may cover, in the order the form offers it. */
export const SCOPES: readonly Scope[] = [
  {
    value: 'all',
    label: 'Whole practice',
    id: 'pack-scope-all',
    hint: 'The policy register, staff acknowledgements, the device register and disposals, BYOD checks, incidents, the staff register and roles, and the audit trail. For example for the DSPT or a CQC inspection.',
  },
  {
    value: 'policies',
    label: 'Policy register',
    id: 'pack-scope-policies',
    hint: 'Every policy, its versions with their fingerprints, and the approvals and reviews signed in the period.',
  },
  {
    value: 'acknowledgements',
    label: 'Staff acknowledgements',
    id: 'pack-scope-acknowledgements',
    hint: 'Who has read and understood each current policy, the practice figure against its bar, and who is outstanding.',
  },
  {
    value: 'devices',
    label: 'Device register',
    id: 'pack-scope-devices',
    hint: 'Every device and removable medium, its encryption and system, who held what in the period, and the disposal log.',
  },
  {
    value: 'byod',
    label: 'BYOD checks',
    id: 'pack-scope-byod',
    hint: 'Checks of staff’s own devices in the period, with their outcomes and the risks the SIRO accepted.',
  },
  {
    value: 'incidents',
    label: 'Incidents',
    id: 'pack-scope-incidents',
    hint: 'Incidents and near misses the practice became aware of in the period: their grading, actions, reports within the 72-hour clock, and closure sign-offs.',
  },
  {
    value: 'people',
    label: 'People and roles',
    id: 'pack-scope-people',
    hint: 'Who worked at the practice in the period, their roles, who started and who left.',
  },
  {
    value: 'audit',
    label: 'Audit trail',
    id: 'pack-scope-audit',
    hint: 'Every change recorded in the period, and whether the audit trail is intact.',
  },
];

export const SCOPE_NAMES = ['all', 'policies', 'acknowledgements', 'devices', 'byod', 'incidents', 'people', 'audit'] as const satisfies readonly PackScopeName[];

/** "Whole practice" for `all`. */
export function scopeLabel(name: PackScopeName): string {
  return SCOPES.find((scope) => scope.value === name)?.label ?? name;
}
