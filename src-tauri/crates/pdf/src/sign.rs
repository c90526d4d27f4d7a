//! Signs a PDF: an incremental update carrying an invisible signature field whose value is a
//! detached CMS SignedData (RFC 5652, `/SubFilter /adbe.pkcs7.detached`, ISO 32000-1 §12.8)
//! over every byte of the file except the signature itself.
//!
//! ```no_run
//! # use custodian_pdf::{SignatureDetails, SigningIdentity, sign_pdf, verify_pdf};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let now = time::OffsetDateTime::now_utc();
//! let identity = SigningIdentity::generate("Dr A Example", "Example Org", None, now, 5, &mut rand_core::OsRng)?;
//! let details = SignatureDetails {
//!     signer_name: "Dr A Example".into(),
//!     reason: "Approved".into(),
//!     location: "Leeds".into(),
//!     signing_time: now,
//! };
//! let signed = sign_pdf(&std::fs::read("report.pdf")?, &identity, &details)?;
//! assert!(verify_pdf(&signed)?.intact);
//! # Ok(()) }
//! ```

mod signed_data;
mod syntax;
mod update;

use lopdf::Object;
use sha2::{Digest, Sha256};
use time::{OffsetDateTime, UtcOffset};

use crate::error::PdfError;
use crate::identity::SigningIdentity;

/// Bytes reserved in the PDF for the DER CMS signature. One P-256 certificate and signature
/// take about 1 KiB, a 4096-bit RSA certificate and signature about 2 KiB; the rest is headroom
/// for the extensions of a certificate issued elsewhere.
const RESERVED_SIGNATURE_BYTES: usize = 8 * 1024;

/// What the signature dictionary says about the signing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureDetails {
    /// Who signed (`/Name`).
    pub signer_name: String,
    /// Why (`/Reason`), e.g. "Approved for publication".
    pub reason: String,
    /// Where (`/Location`).
    pub location: String,
    /// When: the `/M` entry and the CMS signingTime attribute.
    pub signing_time: OffsetDateTime,
}

/// Returns `pdf` with a signature by `identity` appended as an incremental update.
///
/// The original bytes are unchanged at the start of the result. Fails if `pdf` cannot be read,
/// is encrypted or has no pages.
pub fn sign_pdf(pdf: &[u8], identity: &SigningIdentity, details: &SignatureDetails) -> Result<Vec<u8>, PdfError> {
    let entries = [
        ("M", Object::string_literal(pdf_date(details.signing_time))),
        ("Name", syntax::text_string(&details.signer_name)),
        ("Reason", syntax::text_string(&details.reason)),
        ("Location", syntax::text_string(&details.location)),
    ];
    let mut prepared = update::append_signature(pdf, &entries, RESERVED_SIGNATURE_BYTES)?;
    prepared.write_byte_range();

    let mut hasher = Sha256::new();
    for range in prepared.signed_ranges() {
        hasher.update(&prepared.bytes[range]);
    }
    let digest = hasher.finalize();

    let der = signed_data::detached_signature(identity, &digest, details.signing_time)?;
    prepared.write_contents(&der)?;
    Ok(prepared.bytes)
}

/// A PDF date string (ISO 32000-1 §7.9.4): `D:YYYYMMDDHHmmSS+HH'mm'`.
fn pdf_date(time: OffsetDateTime) -> String {
    let offset = time.offset();
    let sign = if offset.is_negative() { '-' } else { '+' };
    let (hours, minutes, _) = offset.as_hms();
    let offset = if offset == UtcOffset::UTC {
        "Z".to_owned()
    } else {
        format!("{sign}{:02}'{:02}'", hours.unsigned_abs(), minutes.unsigned_abs())
    };
    format!(
        "D:{:04}{:02}{:02}{:02}{:02}{:02}{offset}",
        time.year(),
        u8::from(time.month()),
        time.day(),
        time.hour(),
        time.minute(),
        time.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample_pdf::{XrefKind, sample_pdf};
    use lopdf::{Dictionary, Document, ObjectId, dictionary};
    use rand_core::SeedableRng;
    use time::macros::datetime;

    fn identity() -> SigningIdentity {
        SigningIdentity::generate(
            "Dr Ada Lovelace",
            "Analytical Surgery",
            None,
            datetime!(2025-01-01 0:00 UTC),
            2,
            &mut rand_chacha::ChaCha20Rng::seed_from_u64(11),
        )
        .unwrap()
    }

    fn details() -> SignatureDetails {
        SignatureDetails {
            signer_name: "Dr Ada Lovelace".to_owned(),
            reason: "Approved (final)".to_owned(),
            location: "Zoë's room".to_owned(),
            signing_time: datetime!(2025-03-04 05:06:07 UTC),
        }
    }

    fn dictionary<'a>(document: &'a Document, object: &'a Object) -> &'a Dictionary {
        document.dereference(object).unwrap().1.as_dict().unwrap()
    }

    fn startxref(pdf: &[u8]) -> i64 {
        let text = String::from_utf8_lossy(&pdf[pdf.len() - 40..]).into_owned();
        let after = text.rsplit("startxref").next().unwrap();
        after.split_whitespace().next().unwrap().parse().unwrap()
    }

    /// The page-1 signature field named `name`, checked to be an invisible, locked widget.
    fn signature_field<'a>(document: &'a Document, name: &str) -> &'a Dictionary {
        let catalog = document.catalog().unwrap();
        let form = dictionary(document, catalog.get(b"AcroForm").unwrap());
        assert_eq!(form.get(b"SigFlags").unwrap().as_i64().unwrap(), 3);
        let page_id: ObjectId = *document.get_pages().get(&1).unwrap();
        let annots = document
            .dereference(document.get_dictionary(page_id).unwrap().get(b"Annots").unwrap())
            .unwrap()
            .1
            .as_array()
            .unwrap();
        let fields = form.get(b"Fields").unwrap().as_array().unwrap();
        let field = fields
            .iter()
            .map(|field| dictionary(document, field))
            .find(|field| field.get(b"T").unwrap().as_str().unwrap() == name.as_bytes())
            .unwrap_or_else(|| panic!("no field {name}"));
        let field_ref = fields.iter().find(|candidate| std::ptr::eq(dictionary(document, candidate), field)).unwrap();
        assert!(annots.contains(field_ref), "the widget is in page 1's /Annots");
        assert_eq!(field.get(b"FT").unwrap().as_name().unwrap(), b"Sig");
        assert_eq!(field.get(b"Subtype").unwrap().as_name().unwrap(), b"Widget");
        assert_eq!(field.get(b"F").unwrap().as_i64().unwrap(), 132);
        assert_eq!(field.get(b"P").unwrap().as_reference().unwrap(), page_id);
        let rect: Vec<f32> =
            field.get(b"Rect").unwrap().as_array().unwrap().iter().map(|n| n.as_float().unwrap()).collect();
        assert_eq!(rect, [0.0; 4]);
        field
    }

    #[test]
    fn signing_appends_an_incremental_update_and_keeps_the_original_bytes() {
        for kind in [XrefKind::Table, XrefKind::Stream] {
            let original = sample_pdf(2, kind, true);
            let signed = sign_pdf(&original, &identity(), &details()).unwrap();
            assert!(signed.starts_with(&original), "{kind:?}");
            let update = String::from_utf8_lossy(&signed[original.len()..]).into_owned();
            assert!(update.contains(&format!("/Prev {}", startxref(&original))), "{kind:?}: {update}");
            assert_eq!(update.contains("\nxref\n"), matches!(kind, XrefKind::Table), "{update}");
            assert!(update.trim_end().ends_with("%%EOF"));

            let document = Document::load_mem(&signed).unwrap();
            let field = signature_field(&document, "Signature1");
            let signature = dictionary(&document, field.get(b"V").unwrap());
            let name = |key: &[u8]| signature.get(key).unwrap().as_name().unwrap().to_vec();
            assert_eq!(name(b"Type"), b"Sig");
            assert_eq!(name(b"Filter"), b"Adobe.PPKLite");
            assert_eq!(name(b"SubFilter"), b"adbe.pkcs7.detached");
            let text = |key: &[u8]| lopdf::decode_text_string(signature.get(key).unwrap()).unwrap();
            assert_eq!(text(b"Name"), "Dr Ada Lovelace");
            assert_eq!(text(b"Reason"), "Approved (final)");
            assert_eq!(text(b"Location"), "Zoë's room");
            assert_eq!(text(b"M"), "D:20250304050607Z");
            let byte_range: Vec<i64> =
                signature.get(b"ByteRange").unwrap().as_array().unwrap().iter().map(|n| n.as_i64().unwrap()).collect();
            let contents_len = signature.get(b"Contents").unwrap().as_str().unwrap().len();
            assert_eq!(contents_len, RESERVED_SIGNATURE_BYTES);
            assert_eq!(byte_range[0], 0);
            assert_eq!(
                byte_range[2] - byte_range[1],
                2 * RESERVED_SIGNATURE_BYTES as i64 + 2,
                "the gap is exactly the /Contents hex string"
            );
            assert_eq!((byte_range[2] + byte_range[3]) as usize, signed.len());

            // The link annotation that was there before is still on page 1.
            let page_id = *document.get_pages().get(&1).unwrap();
            let annots = document.get_dictionary(page_id).unwrap().get(b"Annots").unwrap();
            assert_eq!(annots.as_array().unwrap().len(), 2, "{kind:?}");
        }
    }

    #[test]
    fn an_existing_indirect_acroform_is_extended_and_field_names_stay_unique() {
        let mut document = Document::load_mem(&sample_pdf(1, XrefKind::Table, false)).unwrap();
        let text_field = document.add_object(dictionary! {
            "FT" => "Tx",
            "T" => Object::string_literal("Signature1"),
        });
        let form_id = document.add_object(dictionary! {
            "Fields" => vec![Object::Reference(text_field)],
            "DA" => Object::string_literal("/Helv 0 Tf 0 g"),
        });
        document.catalog_mut().unwrap().set("AcroForm", Object::Reference(form_id));
        let mut original = Vec::new();
        document.save_to(&mut original).unwrap();

        let signed = sign_pdf(&original, &identity(), &details()).unwrap();
        let document = Document::load_mem(&signed).unwrap();
        let catalog = document.catalog().unwrap();
        assert_eq!(catalog.get(b"AcroForm").unwrap().as_reference().unwrap(), form_id);
        let form = document.get_dictionary(form_id).unwrap();
        assert!(form.has(b"DA"), "existing entries are kept");
        let fields = form.get(b"Fields").unwrap().as_array().unwrap();
        assert_eq!(fields[0], Object::Reference(text_field));
        signature_field(&document, "Signature2");
    }

    #[test]
    fn a_pdf_without_pages_or_a_broken_pdf_cannot_be_signed() {
        let result = sign_pdf(&sample_pdf(0, XrefKind::Table, false), &identity(), &details());
        assert!(matches!(result, Err(PdfError::NoPages)), "{result:?}");
        for garbage in [&b""[..], b"%PDF-1.7\nnonsense", b"hello"] {
            let result = sign_pdf(garbage, &identity(), &details());
            assert!(matches!(result, Err(PdfError::Unreadable { .. })), "{result:?}");
        }
    }

    #[test]
    fn a_signature_too_large_for_its_space_is_refused() {
        let original = sample_pdf(1, XrefKind::Table, false);
        let mut prepared = update::append_signature(&original, &[], 16).unwrap();
        prepared.write_byte_range();
        let result = prepared.write_contents(&[0xAB; 17]);
        assert!(matches!(result, Err(PdfError::SignatureTooLarge { needed: 17, reserved: 16 })), "{result:?}");
        prepared.write_contents(&[0xAB; 16]).unwrap();
    }

    #[test]
    fn a_4096_bit_rsa_signature_and_certificate_fit_with_room_to_spare() {
        let (key, certificate) =
            crate::identity::openssl::rsa_key_and_certificate(4096, "Dr Ada Lovelace", "Analytical Surgery");
        let identity = SigningIdentity::from_der(&key, &certificate).unwrap();
        let der = signed_data::detached_signature(&identity, &[0; 32], details().signing_time).unwrap();
        assert!(der.len() > 512 + certificate.len(), "the CMS holds the signature and the certificate");
        assert!(der.len() * 2 < RESERVED_SIGNATURE_BYTES, "{} bytes of CMS", der.len());
        let signed = sign_pdf(&sample_pdf(1, XrefKind::Table, false), &identity, &details()).unwrap();
        assert!(crate::verify_pdf(&signed).unwrap().intact);
    }

    #[test]
    fn pdf_dates_carry_the_offset() {
        assert_eq!(pdf_date(datetime!(2025-03-04 05:06:07 UTC)), "D:20250304050607Z");
        assert_eq!(pdf_date(datetime!(2025-03-04 05:06:07 +01:00)), "D:20250304050607+01'00'");
        assert_eq!(pdf_date(datetime!(2025-03-04 05:06:07 -03:30)), "D:20250304050607-03'30'");
    }
}
