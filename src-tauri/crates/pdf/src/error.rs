//! The crate's one error type.

use thiserror::Error;

/// Everything that can go wrong while laying out, signing or verifying a PDF.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum PdfError {
    /// The input is not a PDF this crate can read (e.g. garbage, truncated, or damaged beyond repair).
    #[error("not a readable PDF: {detail}")]
    Unreadable {
        /// What the parser reported.
        detail: String,
    },

    /// The PDF is encrypted; signing an encrypted PDF is not supported.
    #[error("the PDF is encrypted; encrypted PDFs cannot be signed")]
    Encrypted,

    /// The PDF has no pages to attach a signature field to.
    #[error("the PDF has no pages")]
    NoPages,

    /// The PDF carries no signature to verify.
    #[error("the PDF is not signed: no signature dictionary with a /ByteRange was found")]
    Unsigned,

    /// A signature is present but its structure is damaged or not the kind this crate writes
    /// (byte ranges that do not fit the file, /Contents that is not CMS SignedData, …).
    #[error("the PDF's signature is malformed: {detail}")]
    MalformedSignature {
        /// What was wrong with it.
        detail: String,
    },

    /// The signature uses an algorithm this crate does not verify (only SHA-256 with ECDSA P-256
    /// or with RSA PKCS#1 v1.5).
    #[error("unsupported signature algorithm {algorithm}")]
    UnsupportedAlgorithm {
        /// The algorithm's object identifier or name.
        algorithm: String,
    },

    /// The CMS signature does not fit in the space reserved for it in the PDF.
    #[error("the signature needs {needed} bytes but only {reserved} were reserved in the PDF")]
    SignatureTooLarge {
        /// Bytes of DER the signature needed.
        needed: usize,
        /// Bytes reserved in /Contents.
        reserved: usize,
    },

    /// A private key could not be read (not PKCS#8, or neither an ECDSA P-256 nor an RSA key).
    #[error("invalid private key: {detail}")]
    InvalidKey {
        /// What the decoder reported.
        detail: String,
    },

    /// A certificate could not be read (not DER X.509, or not for an ECDSA P-256 or RSA key).
    #[error("invalid certificate: {detail}")]
    InvalidCertificate {
        /// What the decoder reported.
        detail: String,
    },

    /// An RSA key is too short to be safe to sign with.
    #[error("the RSA key has {bits} bits; at least {minimum} are needed")]
    RsaKeyTooSmall {
        /// Bits in the key's modulus.
        bits: usize,
        /// The fewest bits accepted.
        minimum: usize,
    },

    /// The private key does not belong to the certificate's public key.
    #[error("the private key does not match the certificate's public key")]
    KeyCertificateMismatch,

    /// A date cannot be written into a certificate or signature (e.g. outside years 1950–9999).
    #[error("date out of range for a certificate or signature: {detail}")]
    DateOutOfRange {
        /// The offending date or computation.
        detail: String,
    },

    /// Building a certificate or CMS structure failed (an internal encoding or signing error).
    #[error("could not build the {what}: {detail}")]
    Build {
        /// What was being built ("certificate", "CMS signature").
        what: &'static str,
        /// What the builder reported.
        detail: String,
    },

    /// A heading's level is not 1, 2 or 3.
    #[error("block {block}: heading level {level} is not 1, 2 or 3")]
    HeadingLevel {
        /// Index of the heading in [`Document::blocks`](crate::Document::blocks).
        block: usize,
        /// The level given.
        level: u8,
    },

    /// A table has no columns.
    #[error("block {block}: the table has no columns")]
    NoColumns {
        /// Index of the table in [`Document::blocks`](crate::Document::blocks).
        block: usize,
    },

    /// A table column's weight is not a positive, finite number.
    #[error("block {block}: column {column} has weight {weight}; weights must be positive numbers")]
    ColumnWeight {
        /// Index of the table in [`Document::blocks`](crate::Document::blocks).
        block: usize,
        /// Index of the column.
        column: usize,
        /// The weight given.
        weight: f32,
    },

    /// A table row does not have exactly one cell per column.
    #[error("block {block}: row {row} has {cells} cells but the table has {columns} columns")]
    RowLength {
        /// Index of the table in [`Document::blocks`](crate::Document::blocks).
        block: usize,
        /// Index of the row.
        row: usize,
        /// Cells in that row.
        cells: usize,
        /// Columns in the table.
        columns: usize,
    },

    /// An embedded font could not be parsed (a fault in the build, not in the input).
    #[error("the embedded font {font} could not be read")]
    FontUnreadable {
        /// The font file's name.
        font: &'static str,
    },

    /// The contents page's numbers did not settle (a layout fault, not an input problem).
    #[error("the contents page numbers did not settle after {passes} layout passes")]
    ContentsUnsettled {
        /// Layout passes made.
        passes: usize,
    },

    /// printpdf reported an error while writing the PDF.
    #[error("could not write the PDF: {detail}")]
    Write {
        /// What printpdf reported.
        detail: String,
    },
}
