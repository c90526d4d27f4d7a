//! Attachments: evidence files (certificates of destruction, screenshots) stored encrypted in the
//! vault like every other record, identified by their SHA-256 and never changed or deleted.

use custodian_vault::rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::error::{CoreError, Field, Result};

/// Schema of the attachment store (migration 4).
pub(crate) const SCHEMA_V4: &str = "
CREATE TABLE attachment (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE,
    file_name   TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    bytes       BLOB NOT NULL,
    added_at    TEXT NOT NULL,
    added_by_id INTEGER NOT NULL REFERENCES person (id)
) STRICT;
CREATE TRIGGER attachment_kept
BEFORE DELETE ON attachment
BEGIN SELECT RAISE(ABORT, 'attachments are never deleted'); END;
CREATE TRIGGER attachment_frozen
BEFORE UPDATE ON attachment
BEGIN SELECT RAISE(ABORT, 'attachments never change'); END;";

/// The largest file kept as evidence.
pub const MAX_ATTACHMENT_BYTES: usize = 20 * 1024 * 1024;

/// A stored attachment's facts (without its bytes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttachmentInfo {
    /// Row id.
    pub id: i64,
    /// SHA-256 of its bytes (hex).
    pub sha256: String,
    /// Its file name when it was attached.
    pub file_name: String,
    /// `application/pdf`, `image/png` or `image/jpeg`.
    pub media_type: String,
    /// Its size.
    pub size: usize,
}

/// The media type of an evidence file, from its first bytes, or why it is refused.
pub(crate) fn media_type(file_name: &str, bytes: &[u8]) -> Result<&'static str> {
    let file_name = std::path::Path::new(file_name).file_name().and_then(|n| n.to_str()).unwrap_or(file_name);
    let refuse = |m: String| Err(CoreError::invalid(Field::Attachment, m));
    if bytes.is_empty() {
        return refuse(format!("{file_name} is empty"));
    }
    if bytes.len() > MAX_ATTACHMENT_BYTES {
        return refuse(format!("{file_name} is larger than 20 MB; attach a smaller scan or photo"));
    }
    if bytes.starts_with(b"%PDF-") {
        Ok("application/pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok("image/png")
    } else if bytes.starts_with(b"\xff\xd8\xff") {
        Ok("image/jpeg")
    } else {
        refuse(format!("{file_name} is not a PDF, PNG or JPEG file; attach the certificate as a PDF or a photo"))
    }
}

/// Stores a file (once: the same bytes attached twice are stored once) and returns its facts.
pub(crate) fn store(
    conn: &Connection,
    file_name: &str,
    bytes: &[u8],
    added_by: i64,
    now: OffsetDateTime,
) -> Result<AttachmentInfo> {
    let media = media_type(file_name, bytes)?;
    let sha256: String = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
    let name = std::path::Path::new(file_name).file_name().and_then(|n| n.to_str()).unwrap_or(file_name).to_owned();
    conn.execute(
        "INSERT INTO attachment (sha256, file_name, media_type, bytes, added_at, added_by_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (sha256) DO NOTHING",
        params![sha256, name, media, bytes, crate::time_text(now), added_by],
    )?;
    info(conn, &sha256)?.ok_or(CoreError::NotFound("attachment"))
}

/// The facts of the attachment with this SHA-256.
pub(crate) fn info(conn: &Connection, sha256: &str) -> Result<Option<AttachmentInfo>> {
    Ok(conn
        .query_row(
            "SELECT id, sha256, file_name, media_type, length(bytes) FROM attachment WHERE sha256 = ?1",
            [sha256],
            |r| {
                Ok(AttachmentInfo {
                    id: r.get(0)?,
                    sha256: r.get(1)?,
                    file_name: r.get(2)?,
                    media_type: r.get(3)?,
                    size: r.get::<_, i64>(4)? as usize,
                })
            },
        )
        .optional()?)
}

/// The bytes of the attachment with this SHA-256.
pub(crate) fn bytes(conn: &Connection, sha256: &str) -> Result<Vec<u8>> {
    conn.query_row("SELECT bytes FROM attachment WHERE sha256 = ?1", [sha256], |r| r.get(0))
        .optional()?
        .ok_or(CoreError::NotFound("attachment"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pdfs_and_pictures_are_kept_as_evidence() {
        assert_eq!(media_type("c.pdf", b"%PDF-1.7\n").unwrap(), "application/pdf");
        assert_eq!(media_type("c.png", b"\x89PNG\r\n\x1a\n....").unwrap(), "image/png");
        assert_eq!(media_type("c.jpg", b"\xff\xd8\xff\xe0").unwrap(), "image/jpeg");
        assert!(media_type("c.pdf", b"").unwrap_err().to_string().contains("empty"));
        assert!(media_type("c.docx", b"PK\x03\x04").unwrap_err().to_string().contains("not a PDF, PNG or JPEG"));
        let named = media_type("/home/jane/COD.docx", b"PK").unwrap_err().to_string();
        assert!(named.starts_with("COD.docx is not"), "{named}");
    }
}
