//! Verifies the kind of signature [`sign_pdf`](crate::sign_pdf) writes.
//!
//! The last `/ByteRange` in the file is the newest signature. Its two ranges must leave out
//! exactly one hex string — the `/Contents` holding a DER CMS SignedData. The SHA-256 of the
//! ranges must equal the signed messageDigest attribute, and the signature over the DER signed
//! attributes — ECDSA P-256 with SHA-256, or RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 §8.2) —
//! must verify with the public key of the certificate embedded in the CMS.
//!
//! Trust is not assessed: the certificate is self-signed, and whether it belongs to whom it
//! names is for the caller to decide (e.g. by comparing [`Verification::certificate_fingerprint`]
//! with one recorded elsewhere).

use std::ops::Range;

use ::cms::cert::CertificateChoices;
use ::cms::content_info::ContentInfo;
use ::cms::signed_data::{SignedData, SignerIdentifier, SignerInfo};
use der::asn1::OctetString;
use der::oid::ObjectIdentifier;
use der::oid::db::{rfc5911, rfc5912};
use der::{Decode, Encode, Reader, SliceReader};
use p256::ecdsa::Signature;
use p256::ecdsa::signature::Verifier;
use rsa::pkcs1v15;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use x509_cert::Certificate;
use x509_cert::ext::pkix::SubjectKeyIdentifier;
use x509_cert::time::Time;

use crate::error::PdfError;
use crate::identity::{PublicKey, certificate_key, fingerprint, from_x509_time, name_to_string};

/// rsaEncryption, which RFC 3370 §3.2 allows as a SignerInfo's signature algorithm for
/// PKCS#1 v1.5 signatures (the digest then comes from the digest algorithm).
const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");

/// What verification found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verification {
    /// The signed bytes hash to the signed digest and the signature over it verifies with the
    /// embedded certificate's key: nothing inside the byte ranges has changed since signing.
    pub intact: bool,
    /// The byte ranges cover the whole file except the signature's `/Contents` string, i.e.
    /// nothing was appended after signing.
    pub covers_whole_file: bool,
    /// The signing certificate's subject, e.g. `CN=Dr A Example, O=Example Org`.
    pub signer_subject: String,
    /// The signed signingTime attribute, if present.
    pub signing_time: Option<OffsetDateTime>,
    /// SHA-256 of the signing certificate, upper-case hex pairs joined by `:`.
    pub certificate_fingerprint: String,
}

/// Checks the newest signature in `pdf`.
///
/// A signature that does not verify gives `intact: false`; input that is not a PDF, has no
/// signature, or whose signature cannot be located or decoded is an error.
pub fn verify_pdf(pdf: &[u8]) -> Result<Verification, PdfError> {
    let header = &pdf[..pdf.len().min(1024)];
    if !header.windows(5).any(|window| window == b"%PDF-") {
        return Err(PdfError::Unreadable { detail: "no %PDF- header".to_owned() });
    }
    let [first, second] = last_byte_range(pdf)?;
    let gap = first.end..second.start;
    let covers_whole_file = first.start == 0 && second.end == pdf.len();

    let der = decode_hex_string(&pdf[gap])?;
    let signed_data = parse_signed_data(&der)?;
    let signer = single_signer(&signed_data)?;
    let certificate = signer_certificate(&signed_data, signer)?;
    if signer.digest_alg.oid != rfc5912::ID_SHA_256 {
        return Err(unsupported(signer.digest_alg.oid));
    }
    let algorithm = signer.signature_algorithm.oid;
    let key = certificate_key(certificate).map_err(|_| PdfError::UnsupportedAlgorithm {
        algorithm: "a certificate key other than ECDSA P-256 or RSA".to_owned(),
    })?;
    let key_fits = match &key {
        PublicKey::P256(_) => algorithm == rfc5912::ECDSA_WITH_SHA_256,
        PublicKey::Rsa(_) => algorithm == rfc5912::SHA_256_WITH_RSA_ENCRYPTION || algorithm == RSA_ENCRYPTION,
    };
    if !key_fits {
        return Err(unsupported(algorithm));
    }
    let attributes = signer.signed_attrs.as_ref().ok_or_else(|| malformed("the signer has no signed attributes"))?;

    let mut hasher = Sha256::new();
    hasher.update(&pdf[first]);
    hasher.update(&pdf[second]);
    let digest = hasher.finalize();

    let message_digest = attribute::<OctetString>(signer, rfc5911::ID_MESSAGE_DIGEST)?;
    let content_type = attribute::<ObjectIdentifier>(signer, rfc5911::ID_CONTENT_TYPE)?;
    let signing_time = attribute::<Time>(signer, rfc5911::ID_SIGNING_TIME)?;

    let signed_attributes_der =
        attributes.to_der().map_err(|error| malformed(format!("signed attributes do not re-encode: {error}")))?;
    let signature = signer.signature.as_bytes();
    let signature_verifies = match key {
        PublicKey::P256(key) => {
            Signature::from_der(signature).is_ok_and(|signature| key.verify(&signed_attributes_der, &signature).is_ok())
        }
        PublicKey::Rsa(key) => pkcs1v15::Signature::try_from(signature).is_ok_and(|signature| {
            pkcs1v15::VerifyingKey::<Sha256>::new(key).verify(&signed_attributes_der, &signature).is_ok()
        }),
    };

    let intact = signature_verifies
        && content_type == Some(rfc5911::ID_DATA)
        && message_digest.is_some_and(|signed| signed.as_bytes() == digest.as_slice());

    Ok(Verification {
        intact,
        covers_whole_file,
        signer_subject: name_to_string(&certificate.tbs_certificate.subject),
        signing_time: signing_time.and_then(from_x509_time),
        certificate_fingerprint: fingerprint(
            &certificate.to_der().map_err(|error| malformed(format!("certificate does not re-encode: {error}")))?,
        ),
    })
}

/// The two ranges of the last `/ByteRange [a b c d]` in the file, checked to lie within it with
/// a gap between them.
fn last_byte_range(pdf: &[u8]) -> Result<[Range<usize>; 2], PdfError> {
    let keyword = b"/ByteRange";
    let at = pdf.windows(keyword.len()).rposition(|window| window == keyword).ok_or(PdfError::Unsigned)?;
    let rest = &pdf[at + keyword.len()..];
    let rest = trim_start(rest).strip_prefix(b"[").ok_or_else(|| malformed("/ByteRange is not an array"))?;
    let mut numbers = [0usize; 4];
    let mut rest = rest;
    for number in &mut numbers {
        rest = trim_start(rest);
        let digits = rest.iter().take_while(|byte| byte.is_ascii_digit()).count();
        *number = std::str::from_utf8(&rest[..digits])
            .ok()
            .and_then(|digits| digits.parse().ok())
            .ok_or_else(|| malformed("/ByteRange does not hold four non-negative integers"))?;
        rest = &rest[digits..];
    }
    if !trim_start(rest).starts_with(b"]") {
        return Err(malformed("/ByteRange does not hold exactly four integers"));
    }
    let [a, b, c, d] = numbers;
    let first = a..a.checked_add(b).ok_or_else(|| malformed("/ByteRange overflows"))?;
    let second = c..c.checked_add(d).ok_or_else(|| malformed("/ByteRange overflows"))?;
    if first.end >= second.start || second.end > pdf.len() {
        return Err(malformed("/ByteRange does not fit the file"));
    }
    Ok([first, second])
}

/// The bytes of a PDF hex string `<…>` that is exactly `bytes` (whitespace allowed inside).
fn decode_hex_string(bytes: &[u8]) -> Result<Vec<u8>, PdfError> {
    let inner = bytes
        .strip_prefix(b"<")
        .and_then(|bytes| bytes.strip_suffix(b">"))
        .ok_or_else(|| malformed("the bytes left out of /ByteRange are not a hex string"))?;
    let mut digits = Vec::with_capacity(inner.len());
    for &byte in inner {
        if byte.is_ascii_whitespace() {
            continue;
        }
        let digit = char::from(byte)
            .to_digit(16)
            .ok_or_else(|| malformed("the bytes left out of /ByteRange are not a hex string"))?;
        digits.push(digit as u8);
    }
    if digits.len() % 2 == 1 {
        digits.push(0);
    }
    Ok(digits.chunks(2).map(|pair| pair[0] << 4 | pair[1]).collect())
}

/// The SignedData in the DER ContentInfo at the start of `der` (the rest is zero padding).
fn parse_signed_data(der: &[u8]) -> Result<SignedData, PdfError> {
    let mut reader = SliceReader::new(der).map_err(|error| malformed(format!("/Contents: {error}")))?;
    let content_info = ContentInfo::decode(&mut reader)
        .map_err(|error| malformed(format!("/Contents is not a CMS ContentInfo: {error}")))?;
    if reader.remaining_len() > der::Length::ZERO {
        let rest = reader.read_slice(reader.remaining_len()).map_err(|error| malformed(error.to_string()))?;
        if rest.iter().any(|&byte| byte != 0) {
            return Err(malformed("/Contents has data after the CMS structure"));
        }
    }
    if content_info.content_type != rfc5911::ID_SIGNED_DATA {
        return Err(malformed("/Contents is not CMS SignedData"));
    }
    content_info
        .content
        .decode_as::<SignedData>()
        .map_err(|error| malformed(format!("/Contents is not CMS SignedData: {error}")))
}

fn single_signer(signed_data: &SignedData) -> Result<&SignerInfo, PdfError> {
    let mut signers = signed_data.signer_infos.0.iter();
    match (signers.next(), signers.next()) {
        (Some(signer), None) => Ok(signer),
        (None, _) => Err(malformed("the CMS has no signer")),
        (Some(_), Some(_)) => Err(malformed("the CMS has more than one signer")),
    }
}

/// The embedded certificate that `signer` identifies.
fn signer_certificate<'a>(signed_data: &'a SignedData, signer: &SignerInfo) -> Result<&'a Certificate, PdfError> {
    let certificates = signed_data.certificates.iter().flat_map(|set| set.0.iter());
    certificates
        .filter_map(|choice| match choice {
            CertificateChoices::Certificate(certificate) => Some(certificate),
            CertificateChoices::Other(_) => None,
        })
        .find(|certificate| {
            let tbs = &certificate.tbs_certificate;
            match &signer.sid {
                SignerIdentifier::IssuerAndSerialNumber(id) => {
                    id.issuer == tbs.issuer && id.serial_number == tbs.serial_number
                }
                SignerIdentifier::SubjectKeyIdentifier(key_id) => {
                    tbs.get::<SubjectKeyIdentifier>().ok().flatten().is_some_and(|(_, own)| own == *key_id)
                }
            }
        })
        .ok_or_else(|| malformed("the signer's certificate is not embedded in the CMS"))
}

/// The single value of the signed attribute `oid`, if present.
fn attribute<T: for<'a> Decode<'a>>(signer: &SignerInfo, oid: ObjectIdentifier) -> Result<Option<T>, PdfError> {
    let Some(attributes) = &signer.signed_attrs else {
        return Ok(None);
    };
    let Some(attribute) = attributes.iter().find(|attribute| attribute.oid == oid) else {
        return Ok(None);
    };
    let mut values = attribute.values.iter();
    match (values.next(), values.next()) {
        (Some(value), None) => value
            .to_der()
            .and_then(|der| T::from_der(&der))
            .map(Some)
            .map_err(|error| malformed(format!("signed attribute {oid}: {error}"))),
        _ => Err(malformed(format!("signed attribute {oid} does not have one value"))),
    }
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let blank = bytes.iter().take_while(|byte| byte.is_ascii_whitespace()).count();
    &bytes[blank..]
}

fn malformed(detail: impl Into<String>) -> PdfError {
    PdfError::MalformedSignature { detail: detail.into() }
}

fn unsupported(oid: ObjectIdentifier) -> PdfError {
    PdfError::UnsupportedAlgorithm { algorithm: oid.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample_pdf::{XrefKind, sample_pdf};
    use crate::{SignatureDetails, SigningIdentity, sign_pdf};
    use rand_core::SeedableRng;
    use time::macros::datetime;

    const SIGNED_AT: OffsetDateTime = datetime!(2025-06-01 10:30:00 +01:00);

    fn identity(seed: u64) -> SigningIdentity {
        SigningIdentity::generate(
            "Dr Grace Hopper",
            "Compiler Surgery",
            None,
            datetime!(2025-01-01 0:00 UTC),
            3,
            &mut rand_chacha::ChaCha20Rng::seed_from_u64(seed),
        )
        .unwrap()
    }

    fn details() -> SignatureDetails {
        SignatureDetails {
            signer_name: "Dr Grace Hopper".to_owned(),
            reason: "Approved".to_owned(),
            location: "Arlington".to_owned(),
            signing_time: SIGNED_AT,
        }
    }

    fn signed(pdf: &[u8]) -> Vec<u8> {
        sign_pdf(pdf, &identity(7), &details()).unwrap()
    }

    fn position_of(haystack: &[u8], needle: &[u8]) -> usize {
        haystack
            .windows(needle.len())
            .rposition(|window| window == needle)
            .unwrap_or_else(|| panic!("{} not found", String::from_utf8_lossy(needle)))
    }

    fn check_intact(pdf: &[u8]) {
        let verification = verify_pdf(pdf).unwrap();
        assert_eq!(
            verification,
            Verification {
                intact: true,
                covers_whole_file: true,
                signer_subject: "CN=Dr Grace Hopper, O=Compiler Surgery".to_owned(),
                signing_time: Some(datetime!(2025-06-01 09:30:00 UTC)),
                certificate_fingerprint: identity(7).fingerprint_sha256(),
            }
        );
    }

    #[test]
    fn a_signed_pdf_with_a_classic_xref_table_verifies_intact() {
        check_intact(&signed(&sample_pdf(2, XrefKind::Table, false)));
    }

    #[test]
    fn a_signed_pdf_with_an_xref_stream_verifies_intact() {
        check_intact(&signed(&sample_pdf(2, XrefKind::Stream, true)));
    }

    #[test]
    fn a_page_with_annotations_keeps_them_and_verifies_intact() {
        check_intact(&signed(&sample_pdf(1, XrefKind::Table, true)));
    }

    #[test]
    fn signing_again_verifies_the_newest_signature() {
        let once = signed(&sample_pdf(1, XrefKind::Table, false));
        let twice = signed(&once);
        check_intact(&twice);
        let first = verify_pdf(&once).unwrap();
        assert!(first.intact && first.covers_whole_file);
    }

    #[test]
    fn bytes_appended_after_signing_leave_it_intact_but_not_whole() {
        let mut pdf = signed(&sample_pdf(1, XrefKind::Table, false));
        pdf.extend_from_slice(b"\n% appended later\n");
        let verification = verify_pdf(&pdf).unwrap();
        assert!(verification.intact);
        assert!(!verification.covers_whole_file);
    }

    /// Flips one byte and checks the result is never reported intact.
    fn check_tampered(pdf: &[u8], at: usize, what: &str) {
        let mut tampered = pdf.to_vec();
        tampered[at] ^= 0x01;
        match verify_pdf(&tampered) {
            Ok(verification) => assert!(!verification.intact, "{what}: still intact"),
            Err(error) => panic!("{what}: expected intact: false, got error {error}"),
        }
    }

    #[test]
    fn any_changed_byte_inside_the_signed_ranges_breaks_the_signature() {
        for kind in [XrefKind::Table, XrefKind::Stream] {
            let original = sample_pdf(2, kind, false);
            let pdf = signed(&original);
            let contents = position_of(&pdf, b"/Contents <");
            let sig_object = position_of(&pdf, b"/Type /Sig");
            let last = pdf.len() - 1;
            let positions = [
                (9, "the header's binary comment"),
                (original.len() / 2, "the middle of the original file"),
                (original.len() - 2, "the original %%EOF"),
                (position_of(&pdf, b"Reason") + 8, "the /Reason"),
                (position_of(&pdf, b"/M (D:") + 8, "the /M date"),
                (sig_object + 7, "the /Sig type"),
                (contents - 3, "the end of the /ByteRange line"),
                (position_of(&pdf, b"/SigFlags 3") + 10, "/SigFlags"),
                (position_of(&pdf, b"/FT /Sig") + 5, "the field type"),
                (position_of(&pdf, b"startxref") - 5, "the new xref section"),
                (last - 1, "the final %%EOF"),
                (last, "the last byte"),
            ];
            if matches!(kind, XrefKind::Table) {
                check_tampered(&pdf, position_of(&pdf, b"Sample page 2") + 7, "page text");
            }
            for (at, what) in positions {
                check_tampered(&pdf, at, &format!("{kind:?}: {what} (offset {at})"));
            }
        }
    }

    #[test]
    fn a_damaged_byte_range_is_an_error_not_intact() {
        let pdf = signed(&sample_pdf(1, XrefKind::Table, false));
        let byte_range = position_of(&pdf, b"/ByteRange [0 ") + b"/ByteRange [0 ".len();
        let mut tampered = pdf.clone();
        // Change the first digit of the first range's length (to a different digit).
        tampered[byte_range] = if pdf[byte_range] == b'1' { b'2' } else { b'1' };
        let result = verify_pdf(&tampered);
        assert!(matches!(result, Err(PdfError::MalformedSignature { .. })), "{result:?}");
    }

    #[test]
    fn a_changed_ecdsa_signature_is_not_intact() {
        let pdf = signed(&sample_pdf(1, XrefKind::Table, false));
        let hex_start = position_of(&pdf, b"/Contents <") + b"/Contents <".len();
        let der = decode_hex_string(&pdf[hex_start - 1..=position_of(&pdf, b">\n>>\nendobj")]).unwrap();
        let mut reader = SliceReader::new(&der).unwrap();
        ContentInfo::decode(&mut reader).unwrap();
        let der_len = u32::from(reader.position()) as usize;
        // The DER ends with the signature value; its last byte is the last byte of s.
        let mut tampered = pdf.clone();
        let last_digit = hex_start + 2 * der_len - 1;
        tampered[last_digit] = if tampered[last_digit] == b'0' { b'1' } else { b'0' };
        let verification = verify_pdf(&tampered).unwrap();
        assert!(!verification.intact);
    }

    fn rsa_identity() -> SigningIdentity {
        let (key, certificate) =
            crate::identity::openssl::rsa_key_and_certificate(2048, "Dr Grace Hopper", "Compiler Surgery");
        SigningIdentity::from_der(&key, &certificate).unwrap()
    }

    #[test]
    fn an_rsa_signature_verifies_intact_and_any_changed_byte_breaks_it() {
        let identity = rsa_identity();
        for kind in [XrefKind::Table, XrefKind::Stream] {
            let original = sample_pdf(2, kind, true);
            let pdf = sign_pdf(&original, &identity, &details()).unwrap();
            let verification = verify_pdf(&pdf).unwrap();
            assert_eq!(
                verification,
                Verification {
                    intact: true,
                    covers_whole_file: true,
                    signer_subject: "CN=Dr Grace Hopper, O=Compiler Surgery".to_owned(),
                    signing_time: Some(datetime!(2025-06-01 09:30:00 UTC)),
                    certificate_fingerprint: identity.fingerprint_sha256(),
                },
                "{kind:?}"
            );

            // The signer info says sha256WithRSAEncryption.
            let hex_start = position_of(&pdf, b"/Contents <") + b"/Contents <".len();
            let der = decode_hex_string(&pdf[hex_start - 1..=position_of(&pdf, b">\n>>\nendobj")]).unwrap();
            let signed_data = parse_signed_data(&der).unwrap();
            let signer = single_signer(&signed_data).unwrap();
            assert_eq!(signer.signature_algorithm.oid, rfc5912::SHA_256_WITH_RSA_ENCRYPTION);
            assert_eq!(signer.signature.as_bytes().len(), 256);

            check_tampered(&pdf, original.len() / 2, &format!("{kind:?}: the middle of the original file"));
            check_tampered(&pdf, position_of(&pdf, b"Reason") + 8, &format!("{kind:?}: the /Reason"));
            check_tampered(&pdf, pdf.len() - 1, &format!("{kind:?}: the last byte"));
            // The last byte of the DER is the last byte of the RSA signature.
            let mut reader = SliceReader::new(&der).unwrap();
            ContentInfo::decode(&mut reader).unwrap();
            let last_digit = hex_start + 2 * u32::from(reader.position()) as usize - 1;
            let mut tampered = pdf.clone();
            tampered[last_digit] = if tampered[last_digit] == b'0' { b'1' } else { b'0' };
            assert!(!verify_pdf(&tampered).unwrap().intact, "{kind:?}: a changed RSA signature");
        }
    }

    #[test]
    fn an_unsigned_pdf_is_an_error() {
        let result = verify_pdf(&sample_pdf(1, XrefKind::Table, false));
        assert!(matches!(result, Err(PdfError::Unsigned)), "{result:?}");
        assert!(result.unwrap_err().to_string().contains("not signed"));
    }

    #[test]
    fn garbage_is_an_error() {
        for garbage in [&b""[..], b"hello world", &[0xFF; 4096]] {
            let result = verify_pdf(garbage);
            assert!(matches!(result, Err(PdfError::Unreadable { .. })), "{result:?}");
        }
        let result = verify_pdf(b"%PDF-1.7\n/ByteRange [0 10 20 5]\n");
        assert!(matches!(result, Err(PdfError::MalformedSignature { .. })), "{result:?}");
    }
}
