//! Deciding what a file is — by its name's extension, checked against its content — and handing
//! it to the reader for that kind.

use crate::{ImportError, Imported, SourceKind, decode, docx, markdown, pdf, plain_text};

/// The largest file accepted: 50 MB. Policies are a few hundred kilobytes; anything this large is
/// mostly pictures, or not a policy.
pub(crate) const MAX_BYTES: u64 = 50 * 1024 * 1024;

/// Reads a policy document. The kind is decided by the file name's extension (`.md`/`.markdown`
/// → Markdown, `.txt`/`.text` or no extension → plain text, `.docx`, `.pdf`) checked against the
/// content's magic bytes (a PDF or zip disguised with a `.txt` name is treated by its content; a
/// `.docx` that is not a zip is [`ImportError::NotDocx`]). Then cleaned and normalised.
pub fn import(file_name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: size });
    }
    let named = kind_by_name(file_name)?;
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    let (kind, document) = match (named, Content::of(bytes)) {
        (SourceKind::Docx, Content::Zip) => (SourceKind::Docx, docx::read(bytes)?),
        (SourceKind::Docx, _) if is_encrypted_office_file(bytes) => {
            return Err(ImportError::DamagedDocx("it is protected by a password".into()));
        }
        (SourceKind::Docx, _) => return Err(ImportError::NotDocx),
        (SourceKind::Pdf, Content::Pdf) => (SourceKind::Pdf, pdf::read(bytes)?),
        (SourceKind::Pdf, _) => return Err(ImportError::NotPdf),
        (_, Content::Pdf) => (SourceKind::Pdf, pdf::read(bytes)?),
        // A zip under a text name that is not a Word document is no document at all.
        (_, Content::Zip) => (
            SourceKind::Docx,
            docx::read(bytes).map_err(|error| match error {
                ImportError::NotDocx => ImportError::Binary,
                other => other,
            })?,
        ),
        (SourceKind::Markdown, Content::Other) => (SourceKind::Markdown, markdown::read(&text(bytes)?)),
        (_, Content::Other) => (SourceKind::PlainText, plain_text::read(&text(bytes)?)),
    };
    if document.is_empty() {
        return Err(ImportError::NoText);
    }
    Ok(Imported { kind, document })
}

/// The kind a file's name promises, by its extension (any case).
fn kind_by_name(file_name: &str) -> Result<SourceKind, ImportError> {
    let base = file_name.trim().rsplit(['/', '\\']).next().unwrap_or_default();
    let extension = match base.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => extension.to_lowercase(),
        _ => String::new(),
    };
    match extension.as_str() {
        "md" | "markdown" => Ok(SourceKind::Markdown),
        "txt" | "text" | "" => Ok(SourceKind::PlainText),
        "docx" => Ok(SourceKind::Docx),
        "pdf" => Ok(SourceKind::Pdf),
        _ => Err(ImportError::UnsupportedType { extension }),
    }
}

/// What the first bytes of a file say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Content {
    /// `%PDF-` in the first kilobyte (ISO 32000 lets readers accept leading junk).
    Pdf,
    /// A zip archive's local file header (or an empty archive's end record).
    Zip,
    /// Anything else: text, or something to refuse as binary.
    Other,
}

impl Content {
    fn of(bytes: &[u8]) -> Content {
        let head = &bytes[..bytes.len().min(1024)];
        if head.windows(5).any(|window| window == b"%PDF-") {
            Content::Pdf
        } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
            Content::Zip
        } else {
            Content::Other
        }
    }
}

/// Word saves a password-protected .docx not as a zip but as an OLE2 compound file holding an
/// `EncryptedPackage` stream (MS-OFFCRYPTO).
fn is_encrypted_office_file(bytes: &[u8]) -> bool {
    const OLE2: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    let name: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.starts_with(OLE2) && bytes.windows(name.len()).any(|window| window == name)
}

/// Decoded text, refused when there is nothing but whitespace.
fn text(bytes: &[u8]) -> Result<String, ImportError> {
    let text = decode::decode(bytes)?;
    if text.trim().is_empty() { Err(ImportError::Empty) } else { Ok(text) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_decide_the_kind_in_any_case_and_any_folder() {
        assert_eq!(kind_by_name("Policy.MD"), Ok(SourceKind::Markdown));
        assert_eq!(kind_by_name("notes.markdown"), Ok(SourceKind::Markdown));
        assert_eq!(kind_by_name(r"C:\Users\anna\Security policy.TXT"), Ok(SourceKind::PlainText));
        assert_eq!(kind_by_name("/home/anna/README"), Ok(SourceKind::PlainText));
        assert_eq!(kind_by_name(".profile"), Ok(SourceKind::PlainText));
        assert_eq!(kind_by_name("a.b/policy.docx"), Ok(SourceKind::Docx));
        assert_eq!(kind_by_name("scan.Pdf"), Ok(SourceKind::Pdf));
        assert_eq!(kind_by_name("old.DOC"), Err(ImportError::UnsupportedType { extension: "doc".into() }));
    }

    #[test]
    fn content_is_recognised_by_its_first_bytes() {
        assert_eq!(Content::of(b"%PDF-1.7\n"), Content::Pdf);
        assert_eq!(Content::of(b"\r\n%PDF-1.4"), Content::Pdf);
        assert_eq!(Content::of(b"PK\x03\x04rest"), Content::Zip);
        assert_eq!(Content::of(b"Plain text about %PDF files"), Content::Other);
    }

    #[test]
    fn a_password_protected_word_document_is_recognised_by_its_encrypted_package() {
        let mut encrypted = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        encrypted.extend([0; 100]);
        encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            import("locked.docx", &encrypted),
            Err(ImportError::DamagedDocx("it is protected by a password".into()))
        );
        // An old .doc renamed .docx is simply not a Word (.docx) document.
        assert_eq!(import("old.docx", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"), Err(ImportError::NotDocx));
    }

    #[test]
    fn anything_over_fifty_megabytes_is_refused_before_it_is_read() {
        let big = vec![b'a'; usize::try_from(MAX_BYTES).unwrap() + 1];
        assert_eq!(import("big.txt", &big), Err(ImportError::TooLarge { bytes: MAX_BYTES + 1 }));
    }
}
