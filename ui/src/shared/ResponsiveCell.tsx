import type { ReactNode } from 'react';

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
