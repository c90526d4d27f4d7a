//! Bytes to text: UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark;
//! anything else is refused, as binary or as text in another encoding.

use crate::ImportError;

/// Signatures of common files that are not documents: images, archives, programs, old Office files.
const BINARY_SIGNATURES: &[&[u8]] = &[
    b"\x89PNG",
    b"\xFF\xD8\xFF",       // JPEG
    b"GIF8",               // GIF
    b"II*\0",              // TIFF, little-endian
    b"MM\0*",              // TIFF, big-endian
    b"\xD0\xCF\x11\xE0",   // OLE2: .doc, .xls, .msg
    b"\x7FELF",            // Linux program
    b"MZ\x90\0",           // Windows program
    b"\x1F\x8B",           // gzip
    b"Rar!\x1A\x07",       // RAR
    b"7z\xBC\xAF\x27\x1C", // 7-Zip
    b"{\\rtf",             // Rich Text Format
];

/// Decodes a text file's bytes.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    if looks_binary(bytes) {
        return Err(ImportError::Binary);
    }
    utf8(bytes)
}

/// True for the bytes of something that is not text: a known signature, a NUL byte, or more
/// control characters than the odd stray one a word processor leaves behind.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    if BINARY_SIGNATURES.iter().any(|signature| bytes.starts_with(signature)) || bytes.contains(&0) {
        return true;
    }
    let controls = bytes.iter().filter(|&&b| is_binary_control(u32::from(b))).count();
    too_many_controls(controls, bytes.len())
}

/// C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and DEL.
fn is_binary_control(code: u32) -> bool {
    matches!(code, 0x00..=0x08 | 0x0E..=0x1F | 0x7F)
}

/// More than 2% control characters (and more than a handful) is not text.
fn too_many_controls(controls: usize, total: usize) -> bool {
    controls >= 4 && controls * 50 > total
}

fn utf8(bytes: &[u8]) -> Result<String, ImportError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => Err(ImportError::NotUtf8 { line: line_of(&bytes[..error.valid_up_to()]) }),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ImportError> {
    let units = bytes.chunks(2).map(|pair| match *pair {
        [a, b] => Ok(unit([a, b])),
        _ => Err(()),
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut controls = 0;
    for unit in char::decode_utf16(units.map_while(Result::ok)) {
        let Ok(c) = unit else { return Err(ImportError::NotUtf8 { line: text.matches('\n').count() + 1 }) };
        if c == '\0' {
            return Err(ImportError::Binary);
        }
        controls += usize::from(is_binary_control(u32::from(c)));
        text.push(c);
    }
    if bytes.len() % 2 == 1 {
        return Err(ImportError::NotUtf8 { line: text.matches('\n').count() + 1 });
    }
    if too_many_controls(controls, text.chars().count()) {
        return Err(ImportError::Binary);
    }
    Ok(text)
}

/// The line number (from 1) at the end of `before`.
fn line_of(before: &[u8]) -> usize {
    before.iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_read_with_or_without_a_byte_order_mark() {
        assert_eq!(decode("café".as_bytes()).unwrap(), "café");
        assert_eq!(decode(b"\xEF\xBB\xBFcaf\xC3\xA9").unwrap(), "café");
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read() {
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("café\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("café\n".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&le).unwrap(), "café\n");
        assert_eq!(decode(&be).unwrap(), "café\n");
    }

    #[test]
    fn another_encoding_is_reported_at_its_first_bad_line() {
        assert_eq!(decode(b"caf\xE9"), Err(ImportError::NotUtf8 { line: 1 }));
        assert_eq!(decode(b"one\ntwo\r\nthr\xE9e\n\xE9"), Err(ImportError::NotUtf8 { line: 3 }));
        let broken_utf16 = [0xFF, 0xFE, b'a', 0, b'\n', 0, 0x00, 0xD8, b'b', 0];
        assert_eq!(decode(&broken_utf16), Err(ImportError::NotUtf8 { line: 2 }));
    }

    #[test]
    fn nul_bytes_signatures_and_control_characters_are_binary() {
        assert_eq!(decode(b"text\0more"), Err(ImportError::Binary));
        assert_eq!(decode(b"\x89PNG\r\n\x1A\n"), Err(ImportError::Binary));
        assert_eq!(decode(b"\x01\x02\x03\x04 some text"), Err(ImportError::Binary));
        // One stray control character in real text is cleaned later, not refused.
        assert_eq!(decode(b"a bell \x07 in a line of text").unwrap(), "a bell \x07 in a line of text");
    }
}
