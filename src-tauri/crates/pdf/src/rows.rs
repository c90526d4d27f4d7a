//! Rows of side-by-side wrapped cells (table rows, key/value pairs) placed down the pages.
//!
//! A row that does not fit at the bottom of a page moves whole to the next; a row taller than a
//! whole page is split between lines instead, so nothing is lost. A header row, if given, is drawn
//! again at the top of every page the rows continue onto.

use std::ops::Range;

use crate::flow::{EPSILON, Flow};
use crate::page::{BODY_HEIGHT, BODY_TOP, Ink, LEFT, RIGHT, Style};

/// A rule across the text column above or below a row.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RowRule {
    /// Line width in points.
    pub(crate) thickness: f32,
    /// Colour.
    pub(crate) ink: Ink,
}

/// One cell: its wrapped lines and where they go.
#[derive(Clone, Debug)]
pub(crate) struct Cell {
    /// Left edge of the cell's text.
    pub(crate) x: f32,
    /// How the text is set.
    pub(crate) style: Style,
    /// The wrapped lines.
    pub(crate) lines: Vec<String>,
}

/// A row of cells sharing a line height.
#[derive(Clone, Debug)]
pub(crate) struct Row {
    /// The cells, left to right.
    pub(crate) cells: Vec<Cell>,
    /// Line box height for every cell.
    pub(crate) leading: f32,
    /// Space above the first line and below the last.
    pub(crate) padding: f32,
    /// Rule drawn above the row.
    pub(crate) rule_above: Option<RowRule>,
    /// Rule drawn below the row (below each part, if split).
    pub(crate) rule_below: Option<RowRule>,
}

impl Row {
    /// Lines in the tallest cell (a row of empty cells still takes one line).
    pub(crate) fn line_count(&self) -> usize {
        self.cells.iter().map(|cell| cell.lines.len()).max().unwrap_or(0).max(1)
    }

    /// Height of the whole row.
    pub(crate) fn height(&self) -> f32 {
        self.height_of(self.line_count())
    }

    /// Height of a part of the row holding `lines` lines.
    fn height_of(&self, lines: usize) -> f32 {
        lines as f32 * self.leading + 2.0 * self.padding
    }

    /// Height of the first thing that must go on a page with the row: all of it, or — for a row
    /// too tall for any page — its first line.
    pub(crate) fn opening_height(&self, header: Option<&Row>) -> f32 {
        let room = BODY_HEIGHT - header.map_or(0.0, Row::height);
        if self.height() <= room + EPSILON { self.height() } else { self.height_of(1) }
    }
}

/// Places `row` at the cursor, starting a new page (with `header` drawn again) when it does not
/// fit, and splitting it when it is taller than a page.
pub(crate) fn place(flow: &mut Flow<'_>, row: &Row, header: Option<&Row>) {
    let header_height = header.map_or(0.0, Row::height);
    if row.height() > flow.remaining() + EPSILON
        && !flow.at_top()
        && row.height() <= BODY_HEIGHT - header_height + EPSILON
    {
        next_page(flow, header);
    }
    let total = row.line_count();
    let mut start = 0;
    loop {
        let left = total - start;
        if row.height_of(left) <= flow.remaining() + EPSILON {
            draw(flow, row, start..total);
            return;
        }
        let fitting = ((flow.remaining() - 2.0 * row.padding) / row.leading).floor().max(0.0) as usize;
        let page_holds_only_header = flow.y() <= BODY_TOP + header_height + EPSILON;
        let fitting = if fitting == 0 && page_holds_only_header { 1 } else { fitting.min(left) };
        if fitting > 0 {
            draw(flow, row, start..start + fitting);
            start += fitting;
        }
        next_page(flow, header);
    }
}

/// Draws `row` (all its lines) at the cursor without any page-break check.
pub(crate) fn draw_whole(flow: &mut Flow<'_>, row: &Row) {
    draw(flow, row, 0..row.line_count());
}

fn next_page(flow: &mut Flow<'_>, header: Option<&Row>) {
    flow.new_page();
    if let Some(header) = header {
        draw_whole(flow, header);
    }
}

/// Draws lines `lines` of every cell of `row` at the cursor and moves below them.
fn draw(flow: &mut Flow<'_>, row: &Row, lines: Range<usize>) {
    let top = flow.y();
    if let Some(rule) = row.rule_above {
        flow.rule(LEFT, RIGHT, top, rule.thickness, rule.ink);
    }
    for cell in &row.cells {
        let end = lines.end.min(cell.lines.len());
        let start = lines.start.min(end);
        for (i, line) in cell.lines[start..end].iter().enumerate() {
            let line_top = top + row.padding + i as f32 * row.leading;
            flow.text_at(cell.x, line_top, row.leading, cell.style, line);
        }
    }
    flow.advance(row.height_of(lines.len()));
    if let Some(rule) = row.rule_below {
        flow.rule(LEFT, RIGHT, flow.y(), rule.thickness, rule.ink);
    }
}
