import type { AuditRow } from '../ipc';
import { formatMoment } from '../shared/dates';
import { ResponsiveCell, ResponsiveTable } from '../shared/ResponsiveTable';

/** What each kind of action is called, for people. An action not listed here is shown as Rust names it. */
const ACTION_NAMES: Readonly<Record<string, string>> = {
  'practice.create': 'Created the practice vault',
  'person.add': 'Added a person',
  'person.update': 'Changed a person’s details',
  'person.leave': 'Recorded a leaver',
  'person.remove_access': 'Removed a leaver’s access',
  'person.reset_password': 'Gave a one-time password',
  'person.change_password': 'Set their own password',
  'person.recover': 'Used the recovery key',
  'setting.change': 'Changed a setting',
  'vault.regenerate_recovery_key': 'Replaced the recovery key',
  'vault.restore': 'Restored a backup',
  'pack.create': 'Made an evidence pack',
  'pack.sign_off': 'Signed off the annual DSPT pack',
  'incident.add': 'Recorded an incident',
  'incident.grade': 'Graded an incident',
  'incident.action': 'Added to an incident’s action log',
  'incident.assess': 'Saved an incident’s assessment',
  'incident.report': 'Saved an incident’s reporting details',
  'incident.device': 'Linked a device to an incident',
  'incident.status': 'Changed an incident’s status',
  'incident.sign': 'Signed an incident’s closure review',
  'certificate.create': 'Made the signing certificate',
  'certificate.import': 'Imported a signing certificate',
  'policy.add': 'Added a policy to the register',
  'policy.update': 'Changed a policy’s register entry',
  'policy.draft': 'Drafted a policy version',
  'policy.edit_draft': 'Edited a policy draft',
  'policy.submit': 'Sent a policy version for sign-off',
  'policy.return_to_draft': 'Sent a policy version back to draft',
  'policy.approve': 'Signed off a policy version',
  'policy.publish': 'Published a policy version',
  'policy.review': 'Signed a policy review (no change)',
  'acknowledgement.add': 'Acknowledged a policy',
  'acknowledgement.on_behalf': 'Recorded an acknowledgement on someone’s behalf',
  'device.add': 'Added a device',
  'device.update': 'Changed a device’s details',
  'device.allocate': 'Allocated a device',
  'device.return': 'Recorded a device’s return',
  'device.status': 'Changed a device’s status',
  'device.import': 'Imported devices from CSV',
  'byod.check': 'Recorded a BYOD check',
  'byod.accept_risk': 'Accepted a BYOD risk as SIRO',
  'byod.checklist_add': 'Added a BYOD checklist item',
  'disposal.add': 'Recorded a disposal',
  'disposal.check': 'Signed a disposal check',
};

type AuditTableProps = {
  entries: readonly AuditRow[];
  /** Full names by login, where known. */
  names: ReadonlyMap<string, string>;
};

/** One page of the audit trail. */
export function AuditTable({ entries, names }: AuditTableProps) {
  return (
    <ResponsiveTable
      id="audit-entries"
      caption="Audit entries, newest first"
      headings={['Entry', 'When', 'Who', 'What', 'Details']}
    >
      {entries.map((entry) => {
        const name = names.get(entry.actorLogin);
        return (
          <tr className="nhsuk-table__row" role="row" key={entry.seq} data-seq={entry.seq}>
            <ResponsiveCell heading="Entry">{entry.seq}</ResponsiveCell>
            <ResponsiveCell heading="When">
              <time dateTime={entry.at}>{formatMoment(entry.at)}</time>
            </ResponsiveCell>
            <ResponsiveCell heading="Who">{name ? `${name} (${entry.actorLogin})` : entry.actorLogin}</ResponsiveCell>
            <ResponsiveCell heading="What">
              {ACTION_NAMES[entry.action] ?? entry.action}
              <span className="nhsuk-body-s nhsuk-u-secondary-text-colour custodian-cell-note custodian-monospace">
                {entry.action}
              </span>
            </ResponsiveCell>
            <ResponsiveCell heading="Details">{entry.summary}</ResponsiveCell>
          </tr>
        );
      })}
    </ResponsiveTable>
  );
}
