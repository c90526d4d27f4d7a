//! The contents page: level-1 and level-2 headings, each with its page number right-aligned and a
//! dotted leader running to it.
//!
//! The numbers' column has a fixed width, so the contents take the same room whatever the numbers
//! are; that is what lets [`crate::layout`] lay the document out once to find the numbers and once
//! more to print them, with every heading staying on the page it was found on.

use crate::flow::Flow;
use crate::page::{BODY, BODY_BOLD, CONTENT_WIDTH, LEFT, RIGHT, heading_style};
use crate::wrap::wrap;

/// The page-number column, including the gap before it.
const NUMBER_COLUMN: f32 = 40.0;
/// How far level-2 entries are indented.
const INDENT: f32 = 16.0;
/// Space before a level-1 entry (other than the first).
const GROUP_GAP: f32 = 6.0;
/// Space after the title.
const TITLE_GAP: f32 = 10.0;
/// Gap between text and leader, and between leader and number.
const LEADER_GAP: f32 = 4.0;
/// The contents page's title.
const TITLE: &str = "Contents";

/// One line of the contents.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Entry {
    /// 1 or 2.
    pub(crate) level: u8,
    /// The heading's text.
    pub(crate) text: String,
    /// The page the heading is on, once known.
    pub(crate) page: Option<usize>,
}

/// Places the contents on a page of its own (or several); whatever follows starts a new page.
pub(crate) fn place(flow: &mut Flow<'_>, entries: &[Entry]) {
    if !flow.at_top() {
        flow.new_page();
    }
    let title = heading_style(1);
    flow.line(LEFT, title, TITLE);
    flow.advance(TITLE_GAP);
    for (i, entry) in entries.iter().enumerate() {
        let (style, indent) = if entry.level <= 1 { (BODY_BOLD, 0.0) } else { (BODY, INDENT) };
        if entry.level <= 1 && i > 0 {
            flow.space(GROUP_GAP);
        }
        let face = flow.fonts.face(style.face);
        let lines = wrap(&entry.text, face, style.size, CONTENT_WIDTH - indent - NUMBER_COLUMN);
        let lines = if lines.is_empty() { vec![String::new()] } else { lines };
        flow.ensure(lines.len() as f32 * style.leading);
        let last = lines.len() - 1;
        for (j, line) in lines.iter().enumerate() {
            let top = flow.y();
            flow.line(LEFT + indent, style, line);
            if j < last {
                continue;
            }
            let number = entry.page.map(|page| page.to_string()).unwrap_or_default();
            let number_width = face.width(&number, style.size);
            let baseline = top + face.baseline(style.size, style.leading);
            let leader_start = LEFT + indent + face.width(line, style.size) + LEADER_GAP;
            let leader_end = RIGHT - number_width - LEADER_GAP;
            if leader_end - leader_start > 2.0 * LEADER_GAP {
                flow.dots(leader_start, leader_end, baseline);
            }
            flow.text_at(RIGHT - number_width, top, style.leading, style, &number);
        }
    }
    flow.end_page();
}
