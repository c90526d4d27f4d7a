//! Why a file could not be imported, in words a practice manager can act on.

/// Why a file could not be imported.
///
/// Each message says what is wrong and what to do about it, for a busy non-technical reader.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImportError {
    /// The file has no content, or only blank space.
    #[error("This file is empty. Choose the file that contains the policy's text and try again.")]
    Empty,
    /// The file is neither text nor a format that can be read (an image, a program, an old .doc file…).
    #[error(
        "This file is not a document that Custodian can read (it may be a picture, a program or an \
         old Word .doc file). Choose a Markdown (.md), text (.txt), Word (.docx) or PDF file."
    )]
    Binary,
    /// Text saved in an encoding other than UTF-8 (for example Windows "ANSI").
    #[error(
        "This text file uses a character encoding Custodian cannot read (the first problem is on \
         line {line}). Open it in Notepad or Word, save it as \"UTF-8\" text and try again."
    )]
    NotUtf8 {
        /// The first line (from 1) with a character that is not UTF-8.
        line: usize,
    },
    /// Named `.docx` but not a Word document.
    #[error(
        "This file is named .docx but is not a Word document. Open it in the program that made it, \
         save it as a Word document (.docx) and try again."
    )]
    NotDocx,
    /// A Word document whose contents cannot be read (damaged, or protected by a password); the
    /// text says which, in a few plain words.
    #[error(
        "This Word document cannot be read ({0}). Open it in Word, remove any password, save a new \
         copy as a Word document (.docx) and try again."
    )]
    DamagedDocx(String),
    /// Named `.pdf` but not a PDF.
    #[error(
        "This file is named .pdf but is not a PDF. Open it in the program that made it, save or \
         export it as a PDF and try again."
    )]
    NotPdf,
    /// A PDF with no text that can be extracted, such as a scan.
    #[error(
        "This PDF has no text that can be copied out of it (it is probably a scanned image). \
         Import the original Word document instead, or copy the policy's text into a new document."
    )]
    NoTextInPdf,
    /// A PDF that cannot be read (damaged, or protected by a password); the text says which, in a
    /// few plain words.
    #[error(
        "This PDF cannot be read ({0}). Import the original Word document instead, or save the PDF \
         again, without a password, from the program that made it."
    )]
    DamagedPdf(String),
    /// A kind of file that is not accepted.
    #[error(
        "Custodian cannot import .{extension} files. It accepts Markdown (.md), text (.txt), Word \
         (.docx) and PDF files: open the file in Word, save it as a Word document (.docx) and try again."
    )]
    UnsupportedType {
        /// The file name's extension, in lower case, without the dot.
        extension: String,
    },
    /// The file was read but nothing was left once layout debris was removed.
    #[error(
        "This file was read but contains no policy text. Check that you chose the right file; \
         if the text is in a picture, copy it into a new document first."
    )]
    NoText,
    /// The file is larger than anything a policy document should be.
    #[error(
        "This file is too large to import ({} MB; the limit is 50 MB). Save the policy's text \
         without pictures, as a Word document (.docx) or text file, and try again.",
        megabytes(*bytes)
    )]
    TooLarge {
        /// The file's size in bytes.
        bytes: u64,
    },
}

/// Bytes as whole megabytes, rounded up so that "too large" never reads as "50 MB".
fn megabytes(bytes: u64) -> u64 {
    bytes.div_ceil(1024 * 1024)
}
