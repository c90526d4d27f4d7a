import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { CellNote, ResponsiveCell, ResponsiveTable } from './ResponsiveTable';

describe('ResponsiveTable', () => {
  it('repeats each heading in its cell, with small print under the cell content', () => {
    render(
      <ResponsiveTable id="things" caption="Things" headings={['Name', 'Held by']}>
        <tr className="nhsuk-table__row" role="row">
          <ResponsiveCell heading="Name">LT-014</ResponsiveCell>
          <ResponsiveCell heading="Held by">
            Jordan Ellis
            <CellNote>since 1 April 2025</CellNote>
          </ResponsiveCell>
        </tr>
      </ResponsiveTable>,
    );
    const table = screen.getByRole('table');
    expect(table).toHaveAttribute('id', 'things');
    expect(within(table).getAllByRole('columnheader').map((heading) => heading.textContent)).toEqual(['Name', 'Held by']);
    const cells = within(table).getAllByRole('cell');
    expect(cells[1]).toHaveTextContent('Held by Jordan Ellissince 1 April 2025');
    const note = screen.getByText('since 1 April 2025');
    expect(note.tagName).toBe('SPAN');
    expect(note).toHaveClass('nhsuk-body-s', 'nhsuk-u-secondary-text-colour', 'custodian-cell-note');
  });
});
