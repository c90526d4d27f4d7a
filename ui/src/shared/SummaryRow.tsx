import type { ReactNode } from 'react';

/** One row of an NHS summary list (`<dl className="nhsuk-summary-list">`): a name and its value. */
export function SummaryRow({ name, children }: { name: ReactNode; children: ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{name}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}
