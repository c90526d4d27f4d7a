//! `custodian-pdf`: lays out documents as A4 PDFs with embedded fonts, signs them with a real
//! PDF signature (CMS SignedData in a signature field), and verifies such signatures.
//!
//! It knows nothing of GP practices: callers describe a [`Document`] of headings, paragraphs,
//! key/value blocks and tables, and get PDF bytes back.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod contents;
mod document;
mod error;
mod flow;
mod fonts;
mod identity;
mod layout;
mod page;
mod render;
mod rows;
mod running;
#[cfg(test)]
mod sample_pdf;
mod sign;
mod table;
mod verify;
mod wrap;

pub use document::{Block, Column, Document, Metadata, Table};
pub use error::PdfError;
pub use identity::SigningIdentity;
pub use render::render;
pub use sign::{SignatureDetails, sign_pdf};
pub use verify::{Verification, verify_pdf};
