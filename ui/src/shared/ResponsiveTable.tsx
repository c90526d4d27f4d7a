import type { ReactNode } from 'react';

type ResponsiveTableProps = {
  id: string;
  caption: ReactNode;
  /** Shows the caption at this NHS size; without it the caption is for screen readers only. */
  captionSize?: 's' | 'm' | 'l';
  /** The column headings, which each row's `ResponsiveCell`s repeat. */
  headings: readonly string[];
  /** The rows. */
  children: ReactNode;
};

/**
 * An NHS responsive table: its caption, a row of column headings and the rows given. On narrow
 * windows each row becomes a card whose cells name their column (see `ResponsiveCell`).
 */
export function ResponsiveTable({ id, caption, captionSize, headings, children }: ResponsiveTableProps) {
  const captionClass = captionSize ? `nhsuk-table__caption--${captionSize}` : 'nhsuk-u-visually-hidden';
  return (
    <table className="nhsuk-table-responsive" id={id} role="table">
      <caption className={`nhsuk-table__caption ${captionClass}`}>{caption}</caption>
      <thead className="nhsuk-table__head" role="rowgroup">
        <tr className="nhsuk-table__row" role="row">
          {headings.map((heading) => (
            <th scope="col" className="nhsuk-table__header" role="columnheader" key={heading}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body" role="rowgroup">
        {children}
      </tbody>
    </table>
  );
}

/** A cell of a responsive NHS table: its heading is repeated inside it on narrow windows. */
export function ResponsiveCell({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <td className="nhsuk-table__cell" role="cell">
      <span className="nhsuk-table-responsive__heading" aria-hidden="true">
        {heading}{' '}
      </span>
      {children}
    </td>
  );
}

/** A line of small print under a table cell's main content. */
export function CellNote({ children }: { children: ReactNode }) {
  return <span className="nhsuk-body-s nhsuk-u-secondary-text-colour custodian-cell-note">{children}</span>;
}
