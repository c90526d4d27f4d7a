//! Appends a signature's objects to a PDF as an incremental update (ISO 32000-1 §7.5.6).
//!
//! The original bytes are kept as they are. After them come: the signature dictionary with a
//! fixed-width `/ByteRange` placeholder and a zero-filled `/Contents` hex string; an invisible
//! signature field merged with its widget annotation on page 1; page 1 with the widget added to
//! its `/Annots`; the catalog (or its indirect `/AcroForm`) with the field in `/AcroForm /Fields`
//! and `/SigFlags 3`; then a cross-reference section of the same kind as the input's last one
//! (a classic table, or a cross-reference stream) with `/Prev` pointing back to it.

use std::ops::Range;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::syntax::write_object;
use crate::error::PdfError;

/// The `/ByteRange` placeholder: four integers of up to ten digits each.
const BYTE_RANGE_PLACEHOLDER: &[u8] = b"[0 0000000000 0000000000 0000000000]";

/// A PDF with the signature's objects appended, ready for its byte range and CMS.
pub(crate) struct PreparedUpdate {
    /// The whole file: original bytes and the update.
    pub bytes: Vec<u8>,
    /// Where the `/ByteRange` array placeholder is.
    pub byte_range: Range<usize>,
    /// Where the `/Contents` hex string is, angle brackets included.
    pub contents: Range<usize>,
}

impl PreparedUpdate {
    /// The two signed ranges: everything before and everything after the `/Contents` string.
    pub fn signed_ranges(&self) -> [Range<usize>; 2] {
        [0..self.contents.start, self.contents.end..self.bytes.len()]
    }

    /// Writes the real byte range over the placeholder.
    pub fn write_byte_range(&mut self) {
        let [first, second] = self.signed_ranges();
        let text = format!("[{} {} {} {}]", first.start, first.len(), second.start, second.len());
        let slot = &mut self.bytes[self.byte_range.clone()];
        assert!(text.len() <= slot.len(), "ten digits hold any offset under 10 GB");
        slot.fill(b' ');
        slot[..text.len()].copy_from_slice(text.as_bytes());
    }

    /// Writes `der` as upper-case hex into `/Contents`, keeping the zero padding after it.
    pub fn write_contents(&mut self, der: &[u8]) -> Result<(), PdfError> {
        let reserved = (self.contents.len() - 2) / 2;
        if der.len() > reserved {
            return Err(PdfError::SignatureTooLarge { needed: der.len(), reserved });
        }
        let hex: String = der.iter().map(|byte| format!("{byte:02X}")).collect();
        let start = self.contents.start + 1;
        self.bytes[start..start + hex.len()].copy_from_slice(hex.as_bytes());
        Ok(())
    }
}

/// Parses `pdf` and appends the signature's objects. `signature_entries` go into the signature
/// dictionary after `/Type /Sig /Filter /SubFilter` (e.g. `/M`, `/Name`, `/Reason`,
/// `/Location`); `reserved` is how many bytes of DER `/Contents` can hold.
pub(crate) fn append_signature(
    pdf: &[u8],
    signature_entries: &[(&str, Object)],
    reserved: usize,
) -> Result<PreparedUpdate, PdfError> {
    let document = Document::load_mem(pdf).map_err(|error| PdfError::Unreadable { detail: error.to_string() })?;
    if document.trailer.has(b"Encrypt") || document.was_encrypted() {
        return Err(PdfError::Encrypted);
    }
    let previous_xref = last_startxref(pdf)?;
    let previous_is_stream = !pdf.get(previous_xref..).is_some_and(|rest| rest.starts_with(b"xref"));

    let root_id = document
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(unreadable("the trailer has no /Root reference"))?;
    let page_id = *document.get_pages().values().next().ok_or(PdfError::NoPages)?;

    let first_new = document
        .trailer
        .get(b"Size")
        .and_then(Object::as_i64)
        .ok()
        .and_then(|size| u32::try_from(size).ok())
        .unwrap_or(0)
        .max(document.max_id + 1);
    let signature_id: ObjectId = (first_new, 0);
    let field_id: ObjectId = (first_new + 1, 0);

    // The objects this update rewrites or adds, other than the signature dictionary.
    let mut changed: Vec<(ObjectId, Object)> = Vec::new();

    let mut page = document.get_dictionary(page_id).map_err(unreadable("page 1 is not a dictionary"))?.clone();
    let mut annots = match page.get(b"Annots") {
        Ok(annots) => {
            resolve(&document, annots)?.as_array().map_err(unreadable("page 1's /Annots is not an array"))?.clone()
        }
        Err(_) => Vec::new(),
    };
    annots.push(Object::Reference(field_id));
    page.set("Annots", annots);

    let mut catalog = document.get_dictionary(root_id).map_err(unreadable("the catalog is not a dictionary"))?.clone();
    let (mut form, form_id) = match catalog.get(b"AcroForm") {
        Ok(Object::Reference(id)) => {
            (document.get_dictionary(*id).map_err(unreadable("/AcroForm is not a dictionary"))?.clone(), Some(*id))
        }
        Ok(Object::Dictionary(form)) => (form.clone(), None),
        _ => (Dictionary::new(), None),
    };
    let mut fields = match form.get(b"Fields") {
        Ok(fields) => {
            resolve(&document, fields)?.as_array().map_err(unreadable("/AcroForm /Fields is not an array"))?.clone()
        }
        Err(_) => Vec::new(),
    };
    let field_name = unused_field_name(&document, &fields);
    fields.push(Object::Reference(field_id));
    form.set("Fields", fields);
    form.set("SigFlags", 3);
    match form_id {
        Some(id) => changed.push((id, Object::Dictionary(form))),
        None => catalog.set("AcroForm", form),
    }
    changed.push((root_id, Object::Dictionary(catalog)));
    changed.push((page_id, Object::Dictionary(page)));

    let mut field = Dictionary::new();
    field.set("Type", Object::Name(b"Annot".to_vec()));
    field.set("Subtype", Object::Name(b"Widget".to_vec()));
    field.set("FT", Object::Name(b"Sig".to_vec()));
    field.set("Rect", vec![0.into(), 0.into(), 0.into(), 0.into()]);
    field.set("F", 132); // Print + Locked.
    field.set("P", Object::Reference(page_id));
    field.set("T", Object::string_literal(field_name));
    field.set("V", Object::Reference(signature_id));
    changed.push((field_id, Object::Dictionary(field)));

    // Write the update.
    let mut bytes = pdf.to_vec();
    if !bytes.ends_with(b"\n") && !bytes.ends_with(b"\r") {
        bytes.push(b'\n');
    }
    let mut offsets: Vec<(ObjectId, usize)> = Vec::new();

    offsets.push((signature_id, bytes.len()));
    bytes.extend_from_slice(
        format!(
            "{} {} obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached",
            signature_id.0, signature_id.1
        )
        .as_bytes(),
    );
    for (key, value) in signature_entries {
        bytes.extend_from_slice(format!(" /{key} ").as_bytes());
        write_object(&mut bytes, value)?;
    }
    bytes.extend_from_slice(b"\n/ByteRange ");
    let byte_range = bytes.len()..bytes.len() + BYTE_RANGE_PLACEHOLDER.len();
    bytes.extend_from_slice(BYTE_RANGE_PLACEHOLDER);
    bytes.extend_from_slice(b"\n/Contents ");
    let contents = bytes.len()..bytes.len() + 2 + 2 * reserved;
    bytes.push(b'<');
    bytes.resize(contents.end - 1, b'0');
    bytes.push(b'>');
    bytes.extend_from_slice(b"\n>>\nendobj\n");

    for (id, object) in &changed {
        offsets.push((*id, bytes.len()));
        bytes.extend_from_slice(format!("{} {} obj\n", id.0, id.1).as_bytes());
        write_object(&mut bytes, object)?;
        bytes.extend_from_slice(b"\nendobj\n");
    }

    let mut trailer = Dictionary::new();
    for key in [&b"Root"[..], b"Info", b"ID"] {
        if let Ok(value) = document.trailer.get(key) {
            trailer.set(key, value.clone());
        }
    }
    trailer.set("Prev", i64::try_from(previous_xref).unwrap_or(i64::MAX));
    if previous_is_stream {
        write_xref_stream(&mut bytes, offsets, trailer, first_new + 2)?;
    } else {
        trailer.set("Size", i64::from(first_new + 2));
        write_xref_table(&mut bytes, offsets, &trailer)?;
    }

    Ok(PreparedUpdate { bytes, byte_range, contents })
}

/// The offset after the last `startxref` keyword.
fn last_startxref(pdf: &[u8]) -> Result<usize, PdfError> {
    let tail_start = pdf.len().saturating_sub(2048);
    let tail = &pdf[tail_start..];
    let keyword = b"startxref";
    let at = tail
        .windows(keyword.len())
        .rposition(|window| window == keyword)
        .ok_or_else(|| PdfError::Unreadable { detail: "no startxref near the end of the file".to_owned() })?;
    let digits: String = tail[at + keyword.len()..]
        .iter()
        .skip_while(|byte| byte.is_ascii_whitespace())
        .take_while(|byte| byte.is_ascii_digit())
        .map(|&byte| char::from(byte))
        .collect();
    digits
        .parse::<usize>()
        .ok()
        .filter(|&offset| offset < pdf.len())
        .ok_or_else(|| PdfError::Unreadable { detail: "startxref does not give an offset within the file".to_owned() })
}

fn resolve<'a>(document: &'a Document, object: &'a Object) -> Result<&'a Object, PdfError> {
    document
        .dereference(object)
        .map(|(_, object)| object)
        .map_err(|error| PdfError::Unreadable { detail: error.to_string() })
}

/// `Signature1`, `Signature2`, …: the first not already a top-level field's name.
fn unused_field_name(document: &Document, fields: &[Object]) -> String {
    let taken: Vec<Vec<u8>> = fields
        .iter()
        .filter_map(|field| resolve(document, field).ok()?.as_dict().ok())
        .filter_map(|field| field.get(b"T").ok()?.as_str().ok().map(<[u8]>::to_vec))
        .collect();
    (1..)
        .map(|n| format!("Signature{n}"))
        .find(|name| !taken.iter().any(|taken| taken == name.as_bytes()))
        .expect("some name in an infinite sequence is free")
}

fn unreadable(what: &'static str) -> impl Fn(lopdf::Error) -> PdfError {
    move |error| PdfError::Unreadable { detail: format!("{what} ({error})") }
}

/// Groups sorted object numbers into runs of consecutive numbers: (first, entries).
fn subsections(mut offsets: Vec<(ObjectId, usize)>) -> Vec<(u32, Vec<(ObjectId, usize)>)> {
    offsets.sort_by_key(|((id, _), _)| *id);
    let mut runs: Vec<(u32, Vec<(ObjectId, usize)>)> = Vec::new();
    for entry in offsets {
        match runs.last_mut() {
            Some((first, run)) if *first + run.len() as u32 == entry.0.0 => run.push(entry),
            _ => runs.push((entry.0.0, vec![entry])),
        }
    }
    runs
}

fn write_xref_table(
    bytes: &mut Vec<u8>,
    offsets: Vec<(ObjectId, usize)>,
    trailer: &Dictionary,
) -> Result<(), PdfError> {
    let start = bytes.len();
    bytes.extend_from_slice(b"xref\n");
    for (first, run) in subsections(offsets) {
        bytes.extend_from_slice(format!("{first} {}\n", run.len()).as_bytes());
        for ((_, generation), offset) in run {
            bytes.extend_from_slice(format!("{offset:010} {generation:05} n\r\n").as_bytes());
        }
    }
    bytes.extend_from_slice(b"trailer\n");
    write_object(bytes, &Object::Dictionary(trailer.clone()))?;
    bytes.extend_from_slice(format!("\nstartxref\n{start}\n%%EOF\n").as_bytes());
    Ok(())
}

fn write_xref_stream(
    bytes: &mut Vec<u8>,
    mut offsets: Vec<(ObjectId, usize)>,
    mut dictionary: Dictionary,
    stream_number: u32,
) -> Result<(), PdfError> {
    let start = bytes.len();
    offsets.push(((stream_number, 0), start));
    let width: usize = if u32::try_from(start).is_ok() { 4 } else { 8 };
    let mut data = Vec::new();
    let mut index = Vec::new();
    for (first, run) in subsections(offsets) {
        index.push(Object::from(i64::from(first)));
        index.push(Object::from(run.len() as i64));
        for ((_, generation), offset) in run {
            data.push(1);
            data.extend_from_slice(&(offset as u64).to_be_bytes()[8 - width..]);
            data.extend_from_slice(&generation.to_be_bytes());
        }
    }
    dictionary.set("Type", Object::Name(b"XRef".to_vec()));
    dictionary.set("Size", i64::from(stream_number + 1));
    dictionary.set("Index", index);
    dictionary.set("W", vec![1.into(), Object::from(width as i64), 2.into()]);
    dictionary.set("Length", data.len() as i64);
    bytes.extend_from_slice(format!("{stream_number} 0 obj\n").as_bytes());
    write_object(bytes, &Object::Dictionary(dictionary))?;
    bytes.extend_from_slice(b"\nstream\n");
    bytes.extend_from_slice(&data);
    bytes.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{start}\n%%EOF\n").as_bytes());
    Ok(())
}
