//! `custodian-pdf`: lays out documents as A4 PDFs with embedded fonts, signs them with a real
//! PDF signature (CMS SignedData in a signature field), and verifies such signatures.
//!
//! It knows nothing of GP practices: callers describe a [`Document`] of headings, paragraphs,
//! key/value blocks and tables, and get PDF bytes back.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod document;

pub use document::{Block, Column, Document, Metadata, Table};
