//! The document model: what a caller describes, before any layout.

use time::OffsetDateTime;

/// A document to lay out on A4 pages.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Title, author, subject and dates, written into the PDF's metadata.
    pub metadata: Metadata,
    /// Text at the top of every page after the first (e.g. "Riverside Surgery — DSPT evidence pack").
    pub running_header: String,
    /// Text at the bottom left of every page; "Page X of Y" is added at the bottom right.
    pub running_footer: String,
    /// The content, in order.
    pub blocks: Vec<Block>,
}

/// PDF document metadata.
#[derive(Clone, Debug, PartialEq)]
pub struct Metadata {
    /// Document title.
    pub title: String,
    /// Author (who generated it).
    pub author: String,
    /// Subject.
    pub subject: String,
    /// Creation time.
    pub created: OffsetDateTime,
}

/// One piece of content.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading. Levels 1 and 2 are listed in the contents; a level-1 heading starts a new page.
    Heading {
        /// 1 (largest) to 3.
        level: u8,
        /// The heading's text.
        text: String,
    },
    /// A paragraph of text, wrapped to the page width. Very long words are broken.
    Paragraph(String),
    /// Label and value pairs, laid out as two columns (e.g. a cover's facts).
    KeyValues(Vec<(String, String)>),
    /// A table whose rows break across pages, with the header row repeated on each page.
    Table(Table),
    /// The contents page: every level-1 and level-2 heading with its page number.
    Contents,
    /// Start a new page.
    PageBreak,
}

/// A table.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Column headings and relative widths.
    pub columns: Vec<Column>,
    /// Rows of cells; each row has one cell per column. Cells wrap within their column.
    pub rows: Vec<Vec<String>>,
}

/// A table column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Heading text.
    pub title: String,
    /// Relative width (the page width is shared in proportion).
    pub weight: f32,
}

impl Column {
    /// A column headed `title` taking `weight` shares of the width.
    pub fn new(title: impl Into<String>, weight: f32) -> Column {
        Column { title: title.into(), weight }
    }
}
