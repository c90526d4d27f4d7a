//! Tables: columns sharing the text width by weight, wrapped cells, a bold header row with a rule
//! under it that is repeated on every page the table spans, and light rules between rows.

use crate::document::Table;
use crate::flow::Flow;
use crate::fonts::Fonts;
use crate::page::{CELL, CELL_HEAD, CONTENT_WIDTH, Ink, LEFT, Style};
use crate::rows::{self, Cell, Row, RowRule};
use crate::wrap::wrap;

/// Space between a cell's edge and its text, left and right.
const PADDING_X: f32 = 4.0;
/// Space above and below a row's text.
const PADDING_Y: f32 = 3.0;
/// The rules above and below the header row.
const HEADER_RULE: RowRule = RowRule { thickness: 0.8, ink: Ink::Text };
/// The rule below each body row.
const ROW_RULE: RowRule = RowRule { thickness: 0.3, ink: Ink::Faint };

/// Places `table` at the cursor. The table must have been checked (see [`crate::layout::check`]):
/// at least one column, positive weights, one cell per column in every row.
pub(crate) fn place(flow: &mut Flow<'_>, table: &Table) {
    let columns = columns(table);
    let header = header_row(flow.fonts, table, &columns);
    flow.ensure(opening_height(flow.fonts, table));
    rows::draw_whole(flow, &header);
    for cells in &table.rows {
        let row = body_row(flow.fonts, cells, &columns);
        rows::place(flow, &row, Some(&header));
    }
}

/// The height that must fit where the table starts: the header and the first row (or, for a
/// first row taller than a page, its first line).
pub(crate) fn opening_height(fonts: &Fonts, table: &Table) -> f32 {
    let columns = columns(table);
    let header = header_row(fonts, table, &columns);
    let first = table.rows.first().map_or(0.0, |cells| body_row(fonts, cells, &columns).opening_height(Some(&header)));
    header.height() + first
}

/// Each column's left edge and width.
fn columns(table: &Table) -> Vec<(f32, f32)> {
    let total: f32 = table.columns.iter().map(|column| column.weight).sum();
    let mut x = LEFT;
    table
        .columns
        .iter()
        .map(|column| {
            let width = CONTENT_WIDTH * column.weight / total;
            let left = x;
            x += width;
            (left, width)
        })
        .collect()
}

fn header_row(fonts: &Fonts, table: &Table, columns: &[(f32, f32)]) -> Row {
    let titles = table.columns.iter().map(|column| column.title.as_str());
    Row {
        cells: cells(fonts, titles, columns, CELL_HEAD),
        leading: CELL_HEAD.leading,
        padding: PADDING_Y,
        rule_above: Some(HEADER_RULE),
        rule_below: Some(HEADER_RULE),
    }
}

fn body_row(fonts: &Fonts, cells_text: &[String], columns: &[(f32, f32)]) -> Row {
    Row {
        cells: cells(fonts, cells_text.iter().map(String::as_str), columns, CELL),
        leading: CELL.leading,
        padding: PADDING_Y,
        rule_above: None,
        rule_below: Some(ROW_RULE),
    }
}

fn cells<'t>(fonts: &Fonts, texts: impl Iterator<Item = &'t str>, columns: &[(f32, f32)], style: Style) -> Vec<Cell> {
    texts
        .zip(columns)
        .map(|(text, &(x, width))| Cell {
            x: x + PADDING_X,
            style,
            lines: wrap(text, fonts.face(style.face), style.size, (width - 2.0 * PADDING_X).max(1.0)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Column;
    use crate::fonts::embedded;
    use crate::page::{BODY_BOTTOM, Item, Page};

    fn table(columns: &[(&str, f32)], rows: Vec<Vec<String>>) -> Table {
        Table {
            columns: columns.iter().map(|&(title, weight)| Column { title: title.to_owned(), weight }).collect(),
            rows,
        }
    }

    fn lay_out(table: &Table) -> Vec<Page> {
        let mut flow = Flow::new(embedded().unwrap());
        place(&mut flow, table);
        flow.finish()
    }

    #[test]
    fn columns_share_the_width_by_weight() {
        let t = table(&[("A", 1.0), ("B", 3.0)], vec![]);
        let columns = columns(&t);
        assert!((columns[0].1 - CONTENT_WIDTH / 4.0).abs() < 0.01);
        assert!((columns[1].0 - (LEFT + CONTENT_WIDTH / 4.0)).abs() < 0.01);
        assert!((columns[1].1 - CONTENT_WIDTH * 0.75).abs() < 0.01);
    }

    #[test]
    fn the_header_row_is_repeated_on_every_page_the_table_spans() {
        let rows = (1..=200).map(|i| vec![format!("row {i}"), format!("value {i}")]).collect();
        let pages = lay_out(&table(&[("Name", 1.0), ("Value", 2.0)], rows));
        // Each row is 12 pt of text plus 6 pt of padding: 18 pt. A page's body is 722.83 pt; the
        // header takes 18 pt, leaving room for 39 rows: 200 rows need 6 pages.
        assert_eq!(pages.len(), 6);
        for page in &pages {
            assert_eq!(page.texts()[..2], ["Name", "Value"]);
        }
        let all: Vec<&str> = pages.iter().flat_map(Page::texts).filter(|t| t.starts_with("row ")).collect();
        assert_eq!(all.len(), 200, "every row appears once");
        assert_eq!(pages[0].texts()[2..4], ["row 1", "value 1"]);
        assert_eq!(pages[1].texts()[2], "row 40");
    }

    #[test]
    fn nothing_is_drawn_below_the_body() {
        let rows = (1..=300).map(|i| vec![format!("row {i} ").repeat(i % 7 + 1), String::new()]).collect();
        for page in lay_out(&table(&[("Name", 1.0), ("Other", 1.0)], rows)) {
            for item in &page.items {
                let bottom = match item {
                    Item::Text { baseline, .. } => *baseline,
                    Item::Rule { y, .. } => *y,
                };
                assert!(bottom <= BODY_BOTTOM + 0.01, "{item:?}");
            }
        }
    }

    #[test]
    fn a_row_taller_than_a_page_is_split_across_pages_without_losing_lines() {
        // 150 lines of 12 pt in one cell: more than three pages' worth.
        let tall = (1..=150).map(|i| format!("line {i}")).collect::<Vec<_>>().join("\n");
        let rows = vec![vec!["short".to_owned(), "first".to_owned()], vec!["tall".to_owned(), tall]];
        let pages = lay_out(&table(&[("Key", 1.0), ("Text", 1.0)], rows));
        assert!(pages.len() >= 3, "{} pages", pages.len());
        let lines: Vec<&str> = pages.iter().flat_map(Page::texts).filter(|t| t.starts_with("line ")).collect();
        let expected: Vec<String> = (1..=150).map(|i| format!("line {i}")).collect();
        assert_eq!(lines, expected);
        // The split row starts on the first page, under the short row, and each page repeats the header.
        assert_eq!(pages[0].texts()[..6], ["Key", "Text", "short", "first", "tall", "line 1"]);
        for page in &pages[1..] {
            assert_eq!(page.texts()[..3], ["Key", "Text", page.texts()[2]]);
            assert!(page.texts()[2].starts_with("line "));
        }
    }

    #[test]
    fn a_row_that_does_not_fit_moves_whole_to_the_next_page() {
        // 38 one-line rows fill all but 2 lines' room; then a 3-line row cannot fit and moves.
        let mut rows: Vec<Vec<String>> = (1..=38).map(|i| vec![format!("r{i}")]).collect();
        rows.push(vec!["a\nb\nc".to_owned()]);
        let pages = lay_out(&table(&[("Only", 1.0)], rows));
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[1].texts(), ["Only", "a", "b", "c"]);
    }
}
