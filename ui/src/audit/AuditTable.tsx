import type { AuditRow } from '../ipc';
import { formatMoment } from '../shared/dates';
import { ResponsiveCell } from '../shared/ResponsiveCell';

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
  'certificate.create': 'Made the signing certificate',
};

type AuditTableProps = {
  entries: readonly AuditRow[];
  /** Full names by login, where known. */
  names: ReadonlyMap<string, string>;
};

/** One page of the audit trail. */
export function AuditTable({ entries, names }: AuditTableProps) {
  return (
    <table className="nhsuk-table-responsive" id="audit-entries" role="table">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Audit entries, newest first</caption>
      <thead className="nhsuk-table__head" role="rowgroup">
        <tr className="nhsuk-table__row" role="row">
          {['Entry', 'When', 'Who', 'What', 'Details'].map((heading) => (
            <th scope="col" className="nhsuk-table__header" role="columnheader" key={heading}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body" role="rowgroup">
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
      </tbody>
    </table>
  );
}
