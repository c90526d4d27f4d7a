//! Writes `lopdf` objects in PDF syntax (ISO 32000-1 §7.3), for the few objects an incremental
//! update rewrites. lopdf's own writer is private to it.

use lopdf::{Object, StringFormat};

use crate::error::PdfError;

/// Appends `object` to `out` in PDF syntax. Streams cannot be written inline and are refused.
pub(crate) fn write_object(out: &mut Vec<u8>, object: &Object) -> Result<(), PdfError> {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(value) => out.extend_from_slice(if *value { b"true" } else { b"false" }),
        Object::Integer(value) => out.extend_from_slice(value.to_string().as_bytes()),
        Object::Real(value) => out.extend_from_slice(real(*value).as_bytes()),
        Object::Name(name) => write_name(out, name),
        Object::String(bytes, StringFormat::Literal) => write_literal_string(out, bytes),
        Object::String(bytes, StringFormat::Hexadecimal) => write_hex_string(out, bytes),
        Object::Array(items) => {
            out.push(b'[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(b' ');
                }
                write_object(out, item)?;
            }
            out.push(b']');
        }
        Object::Dictionary(dictionary) => {
            out.extend_from_slice(b"<<");
            for (key, value) in dictionary.iter() {
                out.push(b' ');
                write_name(out, key);
                out.push(b' ');
                write_object(out, value)?;
            }
            out.extend_from_slice(b" >>");
        }
        Object::Stream(_) => {
            return Err(PdfError::Unreadable {
                detail: "a stream appears where a direct object was expected".to_owned(),
            });
        }
        Object::Reference((id, generation)) => {
            out.extend_from_slice(format!("{id} {generation} R").as_bytes());
        }
    }
    Ok(())
}

/// A PDF text string: PDFDocEncoding-compatible ASCII as a literal, anything else as UTF-16BE
/// with a byte-order mark (ISO 32000-1 §7.9.2.2).
pub(crate) fn text_string(text: &str) -> Object {
    if text.chars().all(|c| (' '..='~').contains(&c)) {
        Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

fn real(value: f32) -> String {
    // PDF reals have no exponent form; f32's Display never uses one.
    if value.is_finite() { value.to_string() } else { "0".to_owned() }
}

fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &byte in name {
        if b" \t\n\r\x0C()<>[]{}/%#".contains(&byte) || !(33..=126).contains(&byte) {
            out.extend_from_slice(format!("#{byte:02X}").as_bytes());
        } else {
            out.push(byte);
        }
    }
}

fn write_literal_string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'(');
    for &byte in bytes {
        match byte {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\n' => out.extend_from_slice(b"\\n"),
            _ => out.push(byte),
        }
    }
    out.push(b')');
}

fn write_hex_string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'<');
    for byte in bytes {
        out.extend_from_slice(format!("{byte:02X}").as_bytes());
    }
    out.push(b'>');
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Dictionary, dictionary};

    fn written(object: &Object) -> String {
        let mut out = Vec::new();
        write_object(&mut out, object).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn objects_are_written_in_pdf_syntax() {
        let dictionary: Dictionary = dictionary! {
            "Type" => "Page",
            "Odd Name#" => Object::Null,
            "Kids" => vec![Object::Reference((3, 0)), 1.into(), Object::Real(0.5), true.into()],
            "T" => Object::string_literal("a (b) \\ c"),
            "H" => Object::String(vec![0, 255], StringFormat::Hexadecimal),
        };
        assert_eq!(
            written(&Object::Dictionary(dictionary)),
            "<< /Type /Page /Odd#20Name#23 null /Kids [3 0 R 1 0.5 true] \
             /T (a \\(b\\) \\\\ c) /H <00FF> >>"
        );
    }

    #[test]
    fn text_strings_fall_back_to_utf16_with_a_bom() {
        assert_eq!(written(&text_string("Leeds")), "(Leeds)");
        assert_eq!(written(&text_string("Zoë")), "<FEFF005A006F00EB>");
    }
}
