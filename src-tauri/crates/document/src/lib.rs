//! `custodian-document`: policy documents a practice imports (Markdown, plain text, Word .docx,
//! PDF), turned into one clean, normalised structure whose canonical text can be hashed and stored.
//!
//! It knows nothing of GP practices. [`import`] reads a file's bytes — the kind is decided by the
//! file name's extension, checked against the content — removes word-processor debris
//! (`[bookmark: _Toc…]` markers, invisible characters, stray whitespace) and recognises headings,
//! paragraphs and lists. The result is a [`PolicyDocument`] of [`Block`]s;
//! [`PolicyDocument::to_markdown`] is its canonical text, which [`PolicyDocument::from_markdown`]
//! reads back to the same document, and [`PolicyDocument::sha256_hex`] its fingerprint. When a file
//! cannot be imported, [`ImportError`] says why in words a practice manager can act on.
//!
//! ```
//! use custodian_document::{Block, SourceKind, import};
//!
//! let imported = import("security.txt", b"1.\tINTRODUCTION\n\n\xC2\xB7 The Data Protection Act 2018;\n").unwrap();
//! assert_eq!(imported.kind, SourceKind::PlainText);
//! assert_eq!(imported.document.first_heading(), Some("1. INTRODUCTION"));
//! assert_eq!(imported.document.to_markdown(), "# 1. INTRODUCTION\n\n- The Data Protection Act 2018;\n");
//! assert_eq!(
//!     imported.document.blocks[1],
//!     Block::List { ordered: false, items: vec!["The Data Protection Act 2018;".into()] }
//! );
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod clean;
mod decode;
mod docx;
mod error;
mod import;
mod markdown;
mod pdf;
mod plain_text;

use sha2::{Digest, Sha256};

pub use error::ImportError;
pub use import::import;

/// One block of a policy document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading, level 1..=3 (deeper levels are clamped to 3).
    Heading {
        /// 1 (the largest) to 3.
        level: u8,
        /// The heading's text, numbering included as written (e.g. "1. INTRODUCTION").
        text: String,
    },
    /// A paragraph of running text (single line; internal whitespace collapsed to single spaces).
    Paragraph(String),
    /// A list; `ordered` lists are numbered 1, 2, 3 by the reader.
    List {
        /// Whether the items are numbered.
        ordered: bool,
        /// Each item's text, on one line.
        items: Vec<String>,
    },
}

impl Block {
    /// Every piece of text in the block.
    fn texts(&self) -> impl Iterator<Item = &str> {
        let (single, items) = match self {
            Block::Heading { text, .. } | Block::Paragraph(text) => (Some(text.as_str()), &[][..]),
            Block::List { items, .. } => (None, items.as_slice()),
        };
        single.into_iter().chain(items.iter().map(String::as_str))
    }
}

/// A normalised policy document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PolicyDocument {
    /// The content, in order.
    pub blocks: Vec<Block>,
}

impl PolicyDocument {
    /// Parses Markdown (CommonMark subset: ATX/setext headings, paragraphs, bullet and ordered
    /// lists; inline formatting flattened to its text; code blocks and block quotes become
    /// paragraphs; HTML dropped). Never fails. Used for documents written in the app and for
    /// stored bodies.
    pub fn from_markdown(text: &str) -> PolicyDocument {
        markdown::read(text)
    }

    /// The canonical normalised text: Markdown written so that `from_markdown(&d.to_markdown())
    /// == d` for every document the parsers produce, with characters that would otherwise change
    /// meaning escaped. Blocks are separated by one blank line and the text ends with a single
    /// `"\n"` (an empty document is the empty string). This string is what gets hashed and stored.
    pub fn to_markdown(&self) -> String {
        markdown::write(self)
    }

    /// SHA-256 (FIPS 180-4) of [`to_markdown`](Self::to_markdown) as UTF-8, in lower-case hex.
    pub fn sha256_hex(&self) -> String {
        let digest = Sha256::digest(self.to_markdown().as_bytes());
        digest.iter().map(|byte| format!("{byte:02x}")).collect()
    }

    /// Text of the first heading, if any (to suggest a title).
    pub fn first_heading(&self) -> Option<&str> {
        self.blocks.iter().find_map(|block| match block {
            Block::Heading { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }

    /// Number of words (runs of non-whitespace) in all blocks.
    pub fn word_count(&self) -> usize {
        self.blocks.iter().flat_map(Block::texts).map(|text| text.split_whitespace().count()).sum()
    }

    /// True when there is no text at all.
    pub fn is_empty(&self) -> bool {
        self.blocks.iter().flat_map(Block::texts).all(|text| text.trim().is_empty())
    }
}

/// What kind of file a document was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// Plain text (`.txt`, `.text`, or no extension).
    PlainText,
    /// A Word document (`.docx`).
    Docx,
    /// A PDF (`.pdf`).
    Pdf,
}

impl SourceKind {
    /// The kind's name, for a person: "Markdown", "plain text", "Word document (.docx)", "PDF".
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Markdown => "Markdown",
            SourceKind::PlainText => "plain text",
            SourceKind::Docx => "Word document (.docx)",
            SourceKind::Pdf => "PDF",
        }
    }
}

/// An imported document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// What the file turned out to be (by its content, when its name said otherwise).
    pub kind: SourceKind,
    /// The cleaned, normalised document.
    pub document: PolicyDocument,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document() -> PolicyDocument {
        PolicyDocument {
            blocks: vec![
                Block::Paragraph("Before any heading.".into()),
                Block::Heading { level: 2, text: "Caldicott Guardian".into() },
                Block::List { ordered: false, items: vec!["one two".into(), "three".into()] },
            ],
        }
    }

    #[test]
    fn words_and_first_heading_are_counted_across_blocks() {
        assert_eq!(document().word_count(), 8);
        assert_eq!(document().first_heading(), Some("Caldicott Guardian"));
        assert_eq!(PolicyDocument::default().first_heading(), None);
    }

    #[test]
    fn a_document_of_blank_blocks_is_empty() {
        assert!(PolicyDocument::default().is_empty());
        assert!(PolicyDocument { blocks: vec![Block::Paragraph(" ".into())] }.is_empty());
        assert!(!document().is_empty());
    }

    #[test]
    fn the_hash_is_sha256_of_the_canonical_text() {
        // printf '' | sha256sum
        assert_eq!(
            PolicyDocument::default().sha256_hex(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        // printf 'abc\n' | sha256sum
        assert_eq!(
            PolicyDocument { blocks: vec![Block::Paragraph("abc".into())] }.sha256_hex(),
            "edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb"
        );
    }

    #[test]
    fn labels_name_each_kind() {
        assert_eq!(SourceKind::Docx.label(), "Word document (.docx)");
        assert_eq!(SourceKind::PlainText.label(), "plain text");
    }
}
