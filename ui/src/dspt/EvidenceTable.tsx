import type { EvidenceEntryView } from '../ipc';
import type { SectionLink } from '../session/SessionPage';
import { LinkButton } from '../shared/LinkButton';
import { CellNote, ResponsiveCell, ResponsiveTable } from '../shared/ResponsiveTable';
import { itemIdPart, StandingTag } from './labels';

const HEADINGS = ['Item', 'What it asks for', 'Standing', 'Evidence held', 'To do', 'Where'];

type EvidenceTableProps = {
  entries: readonly EvidenceEntryView[];
  /** The menu entry of an item's section, when this person's roles open it. */
  linkOf: (entry: EvidenceEntryView) => SectionLink | undefined;
  onGo: (link: SectionLink) => void;
};

/** The toolkit's items in the toolkit's order, each judged by core, with where its evidence is kept. */
export function EvidenceTable({ entries, linkOf, onGo }: EvidenceTableProps) {
  if (entries.length === 0) {
    return (
      <div className="nhsuk-inset-text" id="dspt-empty">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>The toolkit lists no items that Custodian&apos;s records support.</p>
      </div>
    );
  }
  return (
    <ResponsiveTable id="dspt-table" caption="DSPT evidence items" headings={HEADINGS}>
      {entries.map((entry) => {
        const link = linkOf(entry);
        const part = itemIdPart(entry);
        return (
          <tr className="nhsuk-table__row" role="row" key={entry.id} id={`dspt-item-${part}`} data-standing={entry.standing}>
            <ResponsiveCell heading="Item">
              <span className="custodian-nowrap">{entry.id}</span>
            </ResponsiveCell>
            <ResponsiveCell heading="What it asks for">{entry.title}</ResponsiveCell>
            <ResponsiveCell heading="Standing">
              <StandingTag entry={entry} />
            </ResponsiveCell>
            <ResponsiveCell heading="Evidence held">
              {entry.evidence}
              {entry.packSections.length > 0 ? (
                <CellNote>In the pack: {entry.packSections.join(', ')}</CellNote>
              ) : null}
            </ResponsiveCell>
            <ResponsiveCell heading="To do">
              {entry.toDo.trim() ? entry.toDo : <span className="nhsuk-u-secondary-text-colour">Nothing</span>}
            </ResponsiveCell>
            <ResponsiveCell heading="Where">
              {link ? (
                <LinkButton id={`dspt-go-${part}`} onClick={() => onGo(link)}>
                  Go to {link.label}
                  <span className="nhsuk-u-visually-hidden">: item {entry.id}</span>
                </LinkButton>
              ) : null}
            </ResponsiveCell>
          </tr>
        );
      })}
    </ResponsiveTable>
  );
}
