//! A laid-out page — positioned lines of text and rules — and the A4 geometry and type styles
//! everything is placed with.
//!
//! Coordinates here are in points with y measured **down** from the top of the page, the way
//! layout thinks; [`crate::render`] flips them for PDF.

use crate::fonts::Face;

/// A4 width in points (210 mm).
pub(crate) const PAGE_WIDTH: f32 = 595.276;
/// A4 height in points (297 mm).
pub(crate) const PAGE_HEIGHT: f32 = 841.89;
/// One millimetre in points.
const MM: f32 = 72.0 / 25.4;

/// Left edge of the text column (20 mm margin).
pub(crate) const LEFT: f32 = 20.0 * MM;
/// Right edge of the text column (20 mm margin).
pub(crate) const RIGHT: f32 = PAGE_WIDTH - 20.0 * MM;
/// Width of the text column.
pub(crate) const CONTENT_WIDTH: f32 = RIGHT - LEFT;
/// Top of the body, below the running header.
pub(crate) const BODY_TOP: f32 = 20.0 * MM;
/// Bottom of the body, above the footer.
pub(crate) const BODY_BOTTOM: f32 = PAGE_HEIGHT - 22.0 * MM;
/// Height of the body.
pub(crate) const BODY_HEIGHT: f32 = BODY_BOTTOM - BODY_TOP;

/// Baseline of the running header.
pub(crate) const HEADER_BASELINE: f32 = 12.5 * MM;
/// The rule under the running header.
pub(crate) const HEADER_RULE: f32 = 14.5 * MM;
/// The rule over the footer.
pub(crate) const FOOTER_RULE: f32 = PAGE_HEIGHT - 17.0 * MM;
/// Baseline of the footer.
pub(crate) const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 12.5 * MM;

/// How a run of text is set: face, size and the height of its line box, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Style {
    /// Regular or bold.
    pub(crate) face: Face,
    /// Font size.
    pub(crate) size: f32,
    /// Line box height (baseline to baseline).
    pub(crate) leading: f32,
    /// Colour.
    pub(crate) ink: Ink,
}

/// Body text.
pub(crate) const BODY: Style = Style { face: Face::Regular, size: 10.0, leading: 14.0, ink: Ink::Text };
/// Body text in bold (key/value labels, level-1 contents entries).
pub(crate) const BODY_BOLD: Style = Style { face: Face::Bold, ..BODY };
/// Table cells.
pub(crate) const CELL: Style = Style { face: Face::Regular, size: 9.0, leading: 12.0, ink: Ink::Text };
/// Table header cells.
pub(crate) const CELL_HEAD: Style = Style { face: Face::Bold, ..CELL };
/// Running header and footer.
pub(crate) const RUNNING: Style = Style { face: Face::Regular, size: 8.0, leading: 10.0, ink: Ink::Muted };

/// The style of a heading of `level` (1 to 3).
pub(crate) fn heading_style(level: u8) -> Style {
    match level {
        1 => Style { face: Face::Bold, size: 18.0, leading: 23.0, ink: Ink::Heading },
        2 => Style { face: Face::Bold, size: 14.0, leading: 18.0, ink: Ink::Heading },
        _ => Style { face: Face::Bold, size: 12.0, leading: 16.0, ink: Ink::Heading },
    }
}

/// A colour for text or rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ink {
    /// Near-black, for body text and strong rules.
    Text,
    /// Dark blue, for headings.
    Heading,
    /// Grey, for the running header and footer.
    Muted,
    /// Light grey, for row separators.
    Faint,
}

/// Something drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Item {
    /// One line of text, in its own text section when rendered.
    Text {
        /// Left edge of the text.
        x: f32,
        /// Baseline, from the top of the page.
        baseline: f32,
        /// How it is set.
        style: Style,
        /// The text, measured to fit.
        text: String,
    },
    /// A horizontal rule.
    Rule {
        /// Left end.
        x0: f32,
        /// Right end.
        x1: f32,
        /// Height from the top of the page.
        y: f32,
        /// Line width in points.
        thickness: f32,
        /// Colour.
        ink: Ink,
        /// Dotted (contents leaders) rather than solid.
        dotted: bool,
    },
}

/// One laid-out page.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Page {
    /// What is drawn on it, in drawing order.
    pub(crate) items: Vec<Item>,
}

impl Page {
    /// The text lines on the page, top to bottom in drawing order.
    #[cfg(test)]
    pub(crate) fn texts(&self) -> Vec<&str> {
        self.items
            .iter()
            .filter_map(|item| match item {
                Item::Text { text, .. } => Some(text.as_str()),
                Item::Rule { .. } => None,
            })
            .collect()
    }
}
