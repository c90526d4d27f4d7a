//! Pagination: a [`Document`]'s blocks flowed down A4 pages into positioned lines and rules.
//!
//! Rules it keeps:
//! - a level-1 heading starts a new page unless the page is still empty;
//! - a heading is kept with what follows it (the space that block needs first must fit under it);
//! - a paragraph's first two lines stay together, so none starts with a lone line at the foot of
//!   a page;
//! - key/value pairs and table rows move whole to the next page when they do not fit, and are split
//!   only when taller than a page;
//! - the contents page lists level-1 and level-2 headings with the pages they land on. The
//!   document is laid out once to find those pages and again to print them; the contents take the
//!   same room either way, so the second pass confirms the first.

use crate::contents::{self, Entry};
use crate::document::{Block, Document};
use crate::error::PdfError;
use crate::flow::Flow;
use crate::fonts::Fonts;
use crate::page::{BODY, BODY_BOLD, BODY_HEIGHT, CONTENT_WIDTH, LEFT, Page, heading_style};
use crate::rows::{self, Cell, Row};
use crate::table;
use crate::wrap::wrap;

/// Space after a paragraph, key/value block or table.
const BLOCK_GAP: f32 = 8.0;
/// Share of the text width given to key/value labels.
const LABEL_SHARE: f32 = 0.35;
/// Gap between a label and its value.
const LABEL_GAP: f32 = 10.0;
/// Space above and below each key/value pair's text.
const PAIR_PADDING: f32 = 1.5;
/// Layout passes allowed for the contents' page numbers to settle.
const PASSES: usize = 3;

/// Rejects documents that cannot be laid out: heading levels other than 1–3, tables without
/// columns, weights that are not positive numbers, rows without one cell per column.
pub(crate) fn check(document: &Document) -> Result<(), PdfError> {
    for (block_index, block) in document.blocks.iter().enumerate() {
        match block {
            Block::Heading { level, .. } if !(1..=3).contains(level) => {
                return Err(PdfError::HeadingLevel { block: block_index, level: *level });
            }
            Block::Table(table) => {
                if table.columns.is_empty() {
                    return Err(PdfError::NoColumns { block: block_index });
                }
                for (column, spec) in table.columns.iter().enumerate() {
                    if !(spec.weight.is_finite() && spec.weight > 0.0) {
                        return Err(PdfError::ColumnWeight { block: block_index, column, weight: spec.weight });
                    }
                }
                for (row, cells) in table.rows.iter().enumerate() {
                    if cells.len() != table.columns.len() {
                        return Err(PdfError::RowLength {
                            block: block_index,
                            row,
                            cells: cells.len(),
                            columns: table.columns.len(),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Lays out a checked `document` into pages (without the running header and footer).
pub(crate) fn paginate(document: &Document, fonts: &Fonts) -> Result<Vec<Page>, PdfError> {
    let mut entries: Vec<Entry> = document
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, text } if *level <= 2 => {
                Some(Entry { level: *level, text: text.clone(), page: None })
            }
            _ => None,
        })
        .collect();
    let has_contents = document.blocks.contains(&Block::Contents);
    for _ in 0..PASSES {
        let (pages, heading_pages) = flow_blocks(&document.blocks, fonts, &entries);
        let settled = entries.iter().zip(&heading_pages).all(|(entry, &page)| entry.page == Some(page));
        if !has_contents || settled {
            return Ok(pages);
        }
        for (entry, page) in entries.iter_mut().zip(heading_pages) {
            entry.page = Some(page);
        }
    }
    Err(PdfError::ContentsUnsettled { passes: PASSES })
}

/// Flows `blocks` down pages, printing `entries` wherever a contents block is. Returns the pages
/// and the page number of each level-1 and level-2 heading, in order.
fn flow_blocks(blocks: &[Block], fonts: &Fonts, entries: &[Entry]) -> (Vec<Page>, Vec<usize>) {
    let mut flow = Flow::new(fonts);
    let mut heading_pages = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        match block {
            Block::Heading { level, text } => {
                let keep = lead(fonts, &blocks[i + 1..]);
                place_heading(&mut flow, *level, text, keep);
                if *level <= 2 {
                    heading_pages.push(flow.page_number());
                }
            }
            Block::Paragraph(text) => place_paragraph(&mut flow, text),
            Block::KeyValues(pairs) => place_pairs(&mut flow, pairs),
            Block::Table(table) => {
                table::place(&mut flow, table);
                flow.advance(BLOCK_GAP);
            }
            Block::Contents => contents::place(&mut flow, entries),
            Block::PageBreak => flow.end_page(),
        }
    }
    (flow.finish(), heading_pages)
}

/// Space before a heading of `level` (dropped at the top of a page).
fn space_before(level: u8) -> f32 {
    if level <= 2 { 16.0 } else { 10.0 }
}

/// Space after a heading of `level`.
fn space_after(level: u8) -> f32 {
    if level <= 1 { 10.0 } else { 6.0 }
}

/// Places a heading, with `keep` points of what follows it required to fit below it.
fn place_heading(flow: &mut Flow<'_>, level: u8, text: &str, keep: f32) {
    let style = heading_style(level);
    let lines = wrap(text, flow.fonts.face(style.face), style.size, CONTENT_WIDTH);
    if level == 1 && !flow.at_top() {
        flow.new_page();
    } else {
        flow.space(space_before(level));
    }
    let height = lines.len() as f32 * style.leading + space_after(level);
    flow.ensure((height + keep).min(BODY_HEIGHT));
    for line in &lines {
        flow.ensure(style.leading);
        flow.line(LEFT, style, line);
    }
    flow.advance(space_after(level));
}

/// The height the blocks in `rest` need first, which a heading before them must be kept with.
fn lead(fonts: &Fonts, rest: &[Block]) -> f32 {
    let Some(next) = rest.first() else { return 0.0 };
    match next {
        Block::Heading { level: 1, .. } | Block::Contents | Block::PageBreak => 0.0,
        Block::Heading { level, text } => {
            let style = heading_style(*level);
            let lines = wrap(text, fonts.face(style.face), style.size, CONTENT_WIDTH).len();
            space_before(*level) + lines as f32 * style.leading + space_after(*level) + lead(fonts, &rest[1..])
        }
        Block::Paragraph(text) => match paragraph_lines(fonts, text).len() {
            0 => lead(fonts, &rest[1..]),
            lines => lines.min(2) as f32 * BODY.leading,
        },
        Block::KeyValues(pairs) => match pairs.first() {
            None => lead(fonts, &rest[1..]),
            Some((key, value)) => pair_row(fonts, key, value).opening_height(None),
        },
        Block::Table(table) => table::opening_height(fonts, table),
    }
}

fn paragraph_lines(fonts: &Fonts, text: &str) -> Vec<String> {
    wrap(text, fonts.face(BODY.face), BODY.size, CONTENT_WIDTH)
}

/// Places a paragraph; its first two lines stay together.
fn place_paragraph(flow: &mut Flow<'_>, text: &str) {
    let lines = paragraph_lines(flow.fonts, text);
    if lines.is_empty() {
        return;
    }
    flow.ensure(lines.len().min(2) as f32 * BODY.leading);
    for line in &lines {
        flow.ensure(BODY.leading);
        flow.line(LEFT, BODY, line);
    }
    flow.advance(BLOCK_GAP);
}

/// Places key/value pairs as two columns: bold labels, wrapped values.
fn place_pairs(flow: &mut Flow<'_>, pairs: &[(String, String)]) {
    if pairs.is_empty() {
        return;
    }
    for (key, value) in pairs {
        let row = pair_row(flow.fonts, key, value);
        rows::place(flow, &row, None);
    }
    flow.advance(BLOCK_GAP);
}

fn pair_row(fonts: &Fonts, key: &str, value: &str) -> Row {
    let label_width = CONTENT_WIDTH * LABEL_SHARE;
    let label = wrap(key, fonts.face(BODY_BOLD.face), BODY_BOLD.size, label_width - LABEL_GAP);
    let value = wrap(value, fonts.face(BODY.face), BODY.size, CONTENT_WIDTH - label_width);
    Row {
        cells: vec![
            Cell { x: LEFT, style: BODY_BOLD, lines: label },
            Cell { x: LEFT + label_width, style: BODY, lines: value },
        ],
        leading: BODY.leading,
        padding: PAIR_PADDING,
        rule_above: None,
        rule_below: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Column, Metadata, Table};
    use crate::fonts::embedded;
    use crate::page::{BODY_BOTTOM, Item};
    use time::macros::datetime;

    fn document(blocks: Vec<Block>) -> Document {
        Document {
            metadata: Metadata {
                title: "T".into(),
                author: "A".into(),
                subject: "S".into(),
                created: datetime!(2025-01-01 0:00 UTC),
            },
            running_header: String::new(),
            running_footer: String::new(),
            blocks,
        }
    }

    fn pages_of(blocks: Vec<Block>) -> Vec<Page> {
        paginate(&document(blocks), embedded().unwrap()).unwrap()
    }

    fn heading(level: u8, text: &str) -> Block {
        Block::Heading { level, text: text.into() }
    }

    /// The page (from 1) on which `text` is set as a heading.
    fn page_of(pages: &[Page], text: &str) -> usize {
        let is_heading = |item: &Item| matches!(item, Item::Text { style, text: t, .. } if t == text && style.ink == crate::page::Ink::Heading);
        let index = pages.iter().position(|page| page.items.iter().any(is_heading));
        index.map(|i| i + 1).unwrap_or_else(|| panic!("no heading {text:?}"))
    }

    #[test]
    fn one_line_paragraphs_fill_pages_at_a_fixed_rate() {
        // Each one-line paragraph takes 14 pt + 8 pt of space: a 722.83 pt body holds 33
        // (the 33rd ends at 718 pt), so 100 paragraphs need 4 pages, the last holding 1.
        let blocks = (1..=100).map(|i| Block::Paragraph(format!("Paragraph {i}"))).collect();
        let pages = pages_of(blocks);
        assert_eq!(pages.len(), 4);
        assert_eq!(pages.iter().map(|p| p.texts().len()).collect::<Vec<_>>(), [33, 33, 33, 1]);
    }

    #[test]
    fn level_one_headings_start_new_pages_unless_the_page_is_empty() {
        let pages = pages_of(vec![
            heading(1, "First"),
            Block::Paragraph("Body".into()),
            heading(1, "Second"),
            heading(2, "Sub"),
            Block::Paragraph("More".into()),
            Block::PageBreak,
            heading(1, "Third"),
        ]);
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[0].texts(), ["First", "Body"]);
        assert_eq!(pages[1].texts(), ["Second", "Sub", "More"]);
        assert_eq!(pages[2].texts(), ["Third"]);
    }

    #[test]
    fn a_heading_is_never_left_alone_at_the_foot_of_a_page() {
        // 31 paragraphs end at 682 pt; with 10 pt of space before it a level-3 heading (16 pt and
        // 6 pt after) would fit in the 30.8 pt left, but not with the first line of its paragraph
        // (14 pt), so both go to the next page.
        let mut blocks: Vec<Block> = (1..=31).map(|i| Block::Paragraph(format!("P{i}"))).collect();
        blocks.push(heading(3, "Kept"));
        blocks.push(Block::Paragraph("Following".into()));
        let pages = pages_of(blocks);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[1].texts(), ["Kept", "Following"]);
    }

    #[test]
    fn a_heading_before_a_table_is_kept_with_its_header_and_first_row() {
        let mut blocks: Vec<Block> = (1..=31).map(|i| Block::Paragraph(format!("P{i}"))).collect();
        blocks.push(heading(2, "Table follows"));
        blocks.push(Block::Table(Table {
            columns: vec![Column { title: "Col".into(), weight: 1.0 }],
            rows: vec![vec!["cell".into()]],
        }));
        let pages = pages_of(blocks);
        assert_eq!(pages[1].texts(), ["Table follows", "Col", "cell"]);
    }

    #[test]
    fn key_values_put_bold_labels_in_the_left_column_and_wrap_values() {
        let long = "word ".repeat(60);
        let pages =
            pages_of(vec![Block::KeyValues(vec![("Practice".into(), "Riverside".into()), ("Notes".into(), long)])]);
        let texts: Vec<(f32, bool, &str)> = pages[0]
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Text { x, style, text, .. } => Some((*x, style.face == crate::fonts::Face::Bold, text.as_str())),
                Item::Rule { .. } => None,
            })
            .collect();
        assert_eq!(texts[0], (LEFT, true, "Practice"));
        let value_x = LEFT + CONTENT_WIDTH * LABEL_SHARE;
        assert_eq!(texts[1], (value_x, false, "Riverside"));
        let value_lines = texts.iter().filter(|(x, bold, _)| *x == value_x && !bold).count();
        assert!(value_lines >= 4, "the 300-character value wraps: {texts:?}");
    }

    #[test]
    fn the_contents_lists_headings_with_the_pages_they_land_on() {
        let mut blocks = vec![heading(1, "Cover"), Block::Contents];
        for chapter in 1..=5 {
            blocks.push(heading(1, &format!("Chapter {chapter}")));
            blocks.extend((0..40).map(|_| Block::Paragraph("Some text".into())));
            blocks.push(heading(2, &format!("Section {chapter}")));
            blocks.push(heading(3, &format!("Minor {chapter}")));
        }
        let pages = pages_of(blocks);
        let contents = &pages[1];
        assert_eq!(contents.texts()[0], "Contents");
        // Entries alternate text and number: "Cover", "1", "Chapter 1", "3", …
        let listed = &contents.texts()[1..];
        assert_eq!(listed.len(), 22, "{listed:?}");
        for pair in listed.chunks(2) {
            let page: usize = pair[1].parse().unwrap();
            assert_eq!(page, page_of(&pages, pair[0]), "{} is listed on page {page}", pair[0]);
        }
        assert_eq!(listed[..6], ["Cover", "1", "Chapter 1", "3", "Section 1", "4"]);
        assert!(!listed.contains(&"Minor 1"), "level-3 headings are not listed");
    }

    #[test]
    fn contents_longer_than_a_page_still_number_correctly() {
        let mut blocks = vec![Block::Contents];
        for i in 1..=80 {
            blocks.push(heading(1, &format!("Chapter {i}")));
            blocks.push(heading(2, &format!("Section {i}")));
        }
        let pages = pages_of(blocks);
        assert_eq!(pages.len(), 84, "4 pages of contents and 80 chapters");
        assert_eq!(page_of(&pages, "Chapter 1"), 5);
        let listed: Vec<&str> = pages[..4].iter().flat_map(Page::texts).filter(|t| *t != "Contents").collect();
        assert_eq!(listed.len(), 320);
        for pair in listed.chunks(2) {
            assert_eq!(pair[1].parse::<usize>().unwrap(), page_of(&pages, pair[0]));
        }
    }

    #[test]
    fn empty_blocks_and_trailing_page_breaks_add_no_pages() {
        let pages = pages_of(vec![Block::Paragraph(String::new()), Block::KeyValues(vec![]), Block::PageBreak]);
        assert_eq!(pages.len(), 1);
        assert!(pages[0].items.is_empty());
    }

    #[test]
    fn long_headings_wrap_and_nothing_crosses_the_foot_of_the_body() {
        let mut blocks = vec![heading(1, &"Long heading words ".repeat(12))];
        blocks.extend((0..200).map(|i| Block::Paragraph(format!("{i} ").repeat(i % 90 + 1))));
        for page in pages_of(blocks) {
            for item in &page.items {
                if let Item::Text { baseline, .. } = item {
                    assert!(*baseline <= BODY_BOTTOM, "{item:?}");
                }
            }
        }
    }

    #[test]
    fn invalid_documents_are_refused_with_the_offending_block() {
        let table = |columns: Vec<Column>, rows: Vec<Vec<String>>| Block::Table(Table { columns, rows });
        let column = |weight: f32| Column { title: "C".into(), weight };
        let cases: Vec<(Block, &str)> = vec![
            (heading(4, "Too deep"), "HeadingLevel { block: 1, level: 4 }"),
            (heading(0, "Too shallow"), "HeadingLevel { block: 1, level: 0 }"),
            (table(vec![], vec![]), "NoColumns { block: 1 }"),
            (table(vec![column(1.0), column(0.0)], vec![]), "ColumnWeight { block: 1, column: 1, weight: 0.0 }"),
            (table(vec![column(f32::NAN)], vec![]), "ColumnWeight { block: 1, column: 0, weight: NaN }"),
            (
                table(vec![column(1.0), column(1.0)], vec![vec!["a".into(), "b".into()], vec!["c".into()]]),
                "RowLength { block: 1, row: 1, cells: 1, columns: 2 }",
            ),
        ];
        for (block, expected) in cases {
            let error = check(&document(vec![Block::Paragraph("ok".into()), block])).unwrap_err();
            assert_eq!(format!("{error:?}"), expected);
        }
        assert!(check(&document(vec![heading(3, "Fine"), table(vec![column(2.5)], vec![vec!["x".into()]])])).is_ok());
    }
}
