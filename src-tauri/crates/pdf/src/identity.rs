//! A signing identity: an ECDSA P-256 key and the self-signed X.509 certificate that names it.
//!
//! Certificates follow RFC 5280: version 3, a random positive 128-bit serial, issuer = subject,
//! key usage digitalSignature + nonRepudiation, basicConstraints CA false, and subject/authority
//! key identifiers. The key is zeroized when the identity is dropped (`p256::ecdsa::SigningKey`
//! zeroizes its scalar on drop) and never appears in `Debug` output.

use std::fmt;

use der::asn1::{GeneralizedTime, SetOfVec, UtcTime};
use der::oid::db::rfc4519;
use der::{Any, DateTime, Decode, Encode, EncodePem, Tag, pem::LineEnding};
use p256::ecdsa::{DerSignature, SigningKey, VerifyingKey};
use p256::pkcs8::{DecodePrivateKey, EncodePrivateKey};
use rand_core::{CryptoRng, RngCore};
use sha2::{Digest, Sha256};
use spki::SubjectPublicKeyInfoOwned;
use time::{Duration, OffsetDateTime, UtcOffset};
use x509_cert::Certificate;
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};
use zeroize::{ZeroizeOnDrop, Zeroizing};

use crate::error::PdfError;

/// An ECDSA P-256 signing key with its self-signed certificate.
///
/// ```
/// # use custodian_pdf::SigningIdentity;
/// # let now = time::macros::datetime!(2025-01-01 0:00 UTC);
/// let identity = SigningIdentity::generate(
///     "Dr A Example", "Example Org", None, now, 5, &mut rand_core::OsRng,
/// )?;
/// assert_eq!(identity.subject(), "CN=Dr A Example, O=Example Org");
/// # Ok::<(), custodian_pdf::PdfError>(())
/// ```
pub struct SigningIdentity {
    key: SigningKey,
    certificate: Certificate,
}

// The key must be wiped when the identity goes away; `SigningKey` guarantees it.
const _: fn() = || {
    fn zeroized_on_drop<T: ZeroizeOnDrop>() {}
    zeroized_on_drop::<SigningKey>();
};

impl SigningIdentity {
    /// Makes a new key and a self-signed certificate for it, valid from `now` for `valid_years`
    /// years, naming the holder `CN=common_name, OU=organisational_unit, O=organisation`.
    pub fn generate(
        common_name: &str,
        organisation: &str,
        organisational_unit: Option<&str>,
        now: OffsetDateTime,
        valid_years: u32,
        rng: &mut (impl CryptoRng + RngCore),
    ) -> Result<Self, PdfError> {
        let key = SigningKey::random(rng);

        let mut serial = [0u8; 16];
        rng.fill_bytes(&mut serial);
        // Positive (top bit clear) and full length (second bit set): 128 random-ish bits.
        serial[0] = (serial[0] & 0x7f) | 0x40;
        let serial = SerialNumber::new(&serial).map_err(|error| build_error("certificate", error))?;

        let not_before = whole_seconds_utc(now);
        let not_after = add_years(not_before, valid_years)?;
        let validity = Validity { not_before: x509_time(not_before)?, not_after: x509_time(not_after)? };

        let mut rdns = vec![rdn(rfc4519::O, organisation)?];
        if let Some(unit) = organisational_unit {
            rdns.push(rdn(rfc4519::OU, unit)?);
        }
        rdns.push(rdn(rfc4519::CN, common_name)?);
        let subject: Name = RdnSequence(rdns);

        let public_key = SubjectPublicKeyInfoOwned::from_key(*key.verifying_key())
            .map_err(|error| build_error("certificate", error))?;
        let profile =
            Profile::Leaf { issuer: subject.clone(), enable_key_agreement: false, enable_key_encipherment: false };
        let builder = CertificateBuilder::new(profile, serial, validity, subject, public_key, &key)
            .map_err(|error| build_error("certificate", error))?;
        let certificate = builder.build::<DerSignature>().map_err(|error| build_error("certificate", error))?;
        Ok(Self { key, certificate })
    }

    /// Loads an identity from a PKCS#8 DER private key and a DER certificate, refusing a key
    /// that is not the certificate's.
    pub fn from_der(pkcs8_private_key: &[u8], certificate: &[u8]) -> Result<Self, PdfError> {
        let key = SigningKey::from_pkcs8_der(pkcs8_private_key)
            .map_err(|error| PdfError::InvalidKey { detail: error.to_string() })?;
        let certificate = Certificate::from_der(certificate)
            .map_err(|error| PdfError::InvalidCertificate { detail: error.to_string() })?;
        if certificate_key(&certificate)? != *key.verifying_key() {
            return Err(PdfError::KeyCertificateMismatch);
        }
        Ok(Self { key, certificate })
    }

    /// The private key as PKCS#8 DER, in memory that is wiped when dropped.
    pub fn private_key_pkcs8_der(&self) -> Zeroizing<Vec<u8>> {
        let document = self.key.to_pkcs8_der().expect("encoding a valid P-256 key as PKCS#8 cannot fail");
        Zeroizing::new(document.as_bytes().to_vec())
    }

    /// The certificate as DER.
    pub fn certificate_der(&self) -> Vec<u8> {
        self.certificate.to_der().expect("a certificate that was decoded or built encodes")
    }

    /// The certificate as PEM (`-----BEGIN CERTIFICATE-----`, LF line endings).
    pub fn certificate_pem(&self) -> String {
        self.certificate.to_pem(LineEnding::LF).expect("a certificate that was decoded or built encodes")
    }

    /// SHA-256 of the certificate's DER, as upper-case hex pairs joined by `:`.
    pub fn fingerprint_sha256(&self) -> String {
        fingerprint(&self.certificate_der())
    }

    /// The certificate's subject, most specific first: `CN=…, OU=…, O=…`.
    pub fn subject(&self) -> String {
        name_to_string(&self.certificate.tbs_certificate.subject)
    }

    pub(crate) fn signing_key(&self) -> &SigningKey {
        &self.key
    }

    pub(crate) fn certificate(&self) -> &Certificate {
        &self.certificate
    }
}

impl fmt::Debug for SigningIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningIdentity")
            .field("subject", &self.subject())
            .field("fingerprint_sha256", &self.fingerprint_sha256())
            .finish_non_exhaustive()
    }
}

/// The P-256 public key a certificate certifies.
pub(crate) fn certificate_key(certificate: &Certificate) -> Result<VerifyingKey, PdfError> {
    let spki = &certificate.tbs_certificate.subject_public_key_info;
    let der = spki.to_der().map_err(|error| PdfError::InvalidCertificate { detail: error.to_string() })?;
    use p256::pkcs8::DecodePublicKey;
    VerifyingKey::from_public_key_der(&der)
        .map_err(|error| PdfError::InvalidCertificate { detail: format!("not an ECDSA P-256 public key ({error})") })
}

/// SHA-256 of `der` as upper-case hex pairs joined by `:`.
pub(crate) fn fingerprint(der: &[u8]) -> String {
    Sha256::digest(der).iter().map(|byte| format!("{byte:02X}")).collect::<Vec<_>>().join(":")
}

/// An X.509 name in RFC 4514 order (most specific first), elements joined by `", "`.
pub(crate) fn name_to_string(name: &Name) -> String {
    name.0.iter().rev().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

/// `time` as an ASN.1 time per RFC 5280 §4.1.2.5: UTCTime up to 2049, GeneralizedTime after.
pub(crate) fn x509_time(time: OffsetDateTime) -> Result<Time, PdfError> {
    let utc = whole_seconds_utc(time);
    let out_of_range = |error: der::Error| PdfError::DateOutOfRange { detail: format!("{utc}: {error}") };
    let year = u16::try_from(utc.year()).map_err(|_| PdfError::DateOutOfRange { detail: utc.to_string() })?;
    let date_time = DateTime::new(year, u8::from(utc.month()), utc.day(), utc.hour(), utc.minute(), utc.second())
        .map_err(out_of_range)?;
    if (1950..2050).contains(&year) {
        Ok(UtcTime::from_date_time(date_time).map_err(out_of_range)?.into())
    } else {
        Ok(GeneralizedTime::from_date_time(date_time).into())
    }
}

/// An ASN.1 time as an `OffsetDateTime` in UTC.
pub(crate) fn from_x509_time(time: Time) -> Option<OffsetDateTime> {
    let seconds = i64::try_from(time.to_unix_duration().as_secs()).ok()?;
    OffsetDateTime::from_unix_timestamp(seconds).ok()
}

fn whole_seconds_utc(time: OffsetDateTime) -> OffsetDateTime {
    let utc = time.to_offset(UtcOffset::UTC);
    utc.replace_nanosecond(0).unwrap_or(utc)
}

/// `time` plus `years` calendar years; 29 February becomes 28 February in a common year.
fn add_years(time: OffsetDateTime, years: u32) -> Result<OffsetDateTime, PdfError> {
    let out_of_range = || PdfError::DateOutOfRange { detail: format!("{time} + {years} years") };
    let year = i32::try_from(years).ok().and_then(|years| time.year().checked_add(years)).ok_or_else(out_of_range)?;
    match time.replace_year(year) {
        Ok(shifted) => Ok(shifted),
        Err(_) => (time - Duration::days(1)).replace_year(year).map_err(|_| out_of_range()),
    }
}

fn rdn(oid: der::oid::ObjectIdentifier, value: &str) -> Result<RelativeDistinguishedName, PdfError> {
    let value = Any::new(Tag::Utf8String, value.as_bytes()).map_err(|error| build_error("certificate", error))?;
    let mut set = SetOfVec::new();
    set.insert(AttributeTypeAndValue { oid, value }).map_err(|error| build_error("certificate", error))?;
    Ok(RelativeDistinguishedName(set))
}

/// A [`PdfError::Build`] for `what`, from a builder's error.
pub(crate) fn build_error(what: &'static str, error: impl fmt::Display) -> PdfError {
    PdfError::Build { what, detail: error.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_core::SeedableRng;
    use time::macros::datetime;

    fn rng(seed: u64) -> rand_chacha::ChaCha20Rng {
        rand_chacha::ChaCha20Rng::seed_from_u64(seed)
    }

    fn identity(seed: u64) -> SigningIdentity {
        SigningIdentity::generate(
            "Dr Ada Lovelace",
            "Analytical Surgery",
            Some("Partners"),
            datetime!(2025-03-14 15:09:26.5 +01:00),
            10,
            &mut rng(seed),
        )
        .unwrap()
    }

    #[test]
    fn identity_survives_a_round_trip_through_der() {
        let original = identity(1);
        let restored =
            SigningIdentity::from_der(&original.private_key_pkcs8_der(), &original.certificate_der()).unwrap();
        assert_eq!(restored.certificate_der(), original.certificate_der());
        assert_eq!(*restored.private_key_pkcs8_der(), *original.private_key_pkcs8_der());
        assert_eq!(restored.fingerprint_sha256(), original.fingerprint_sha256());
    }

    #[test]
    fn a_key_from_another_identity_is_refused() {
        let first = identity(1);
        let second = identity(2);
        let result = SigningIdentity::from_der(&second.private_key_pkcs8_der(), &first.certificate_der());
        assert!(matches!(result, Err(PdfError::KeyCertificateMismatch)), "{result:?}");
    }

    #[test]
    fn garbage_key_and_certificate_are_refused() {
        let good = identity(1);
        let bad_key = SigningIdentity::from_der(b"not a key", &good.certificate_der());
        assert!(matches!(bad_key, Err(PdfError::InvalidKey { .. })), "{bad_key:?}");
        let bad_cert = SigningIdentity::from_der(&good.private_key_pkcs8_der(), b"not a cert");
        assert!(matches!(bad_cert, Err(PdfError::InvalidCertificate { .. })), "{bad_cert:?}");
    }

    #[test]
    fn fingerprint_is_upper_case_hex_pairs_joined_by_colons() {
        let fingerprint = identity(1).fingerprint_sha256();
        assert_eq!(fingerprint.len(), 32 * 3 - 1);
        for (index, pair) in fingerprint.split(':').enumerate() {
            assert_eq!(pair.len(), 2, "pair {index} of {fingerprint}");
            assert!(pair.chars().all(|c| matches!(c, '0'..='9' | 'A'..='F')), "{fingerprint}");
        }
        let expected = fingerprint_of_der(&identity(1).certificate_der());
        assert_eq!(fingerprint, expected);
    }

    fn fingerprint_of_der(der: &[u8]) -> String {
        let hex: String = Sha256::digest(der).iter().map(|b| format!("{b:02X}")).collect();
        hex.as_bytes().chunks(2).map(|pair| std::str::from_utf8(pair).unwrap()).collect::<Vec<_>>().join(":")
    }

    #[test]
    fn certificate_says_who_when_and_what_for() {
        let identity = identity(1);
        assert_eq!(identity.subject(), "CN=Dr Ada Lovelace, OU=Partners, O=Analytical Surgery");
        let tbs = &identity.certificate().tbs_certificate;
        assert_eq!(tbs.issuer, tbs.subject, "self-signed");
        assert_eq!(from_x509_time(tbs.validity.not_before), Some(datetime!(2025-03-14 14:09:26 UTC)));
        assert_eq!(from_x509_time(tbs.validity.not_after), Some(datetime!(2035-03-14 14:09:26 UTC)));
        let serial = tbs.serial_number.as_bytes();
        assert_eq!(serial.len(), 16);
        assert!(serial[0] & 0x80 == 0, "serial is positive");

        use x509_cert::ext::pkix::{BasicConstraints, KeyUsage, KeyUsages};
        let (_, basic) = identity.certificate().tbs_certificate.get::<BasicConstraints>().unwrap().unwrap();
        assert!(!basic.ca);
        let (_, usage) = identity.certificate().tbs_certificate.get::<KeyUsage>().unwrap().unwrap();
        assert_eq!(usage.0, KeyUsages::DigitalSignature | KeyUsages::NonRepudiation);
    }

    #[test]
    fn organisational_unit_is_optional_and_names_are_escaped() {
        let identity = SigningIdentity::generate(
            "Smith, John",
            "A+B Practice",
            None,
            datetime!(2024-02-29 12:00 UTC),
            1,
            &mut rng(3),
        )
        .unwrap();
        assert_eq!(identity.subject(), "CN=Smith\\, John, O=A\\+B Practice");
        let not_after = identity.certificate().tbs_certificate.validity.not_after;
        assert_eq!(from_x509_time(not_after), Some(datetime!(2025-02-28 12:00 UTC)));
    }

    #[test]
    fn debug_output_does_not_contain_the_key() {
        let identity = identity(1);
        let debug = format!("{identity:?}");
        assert!(debug.contains("Dr Ada Lovelace"), "{debug}");
        let key_hex: String = identity.signing_key().to_bytes().iter().map(|b| format!("{b:02x}")).collect();
        assert!(!debug.to_lowercase().contains(&key_hex[..16]), "{debug}");
        assert!(!debug.contains("key"), "{debug}");
    }

    #[test]
    fn pem_wraps_the_der() {
        let pem = identity(1).certificate_pem();
        assert!(pem.starts_with("-----BEGIN CERTIFICATE-----\n"), "{pem}");
        assert!(pem.trim_end().ends_with("-----END CERTIFICATE-----"), "{pem}");
        let (label, der) = der::pem::decode_vec(pem.as_bytes()).unwrap();
        assert_eq!(label, "CERTIFICATE");
        assert_eq!(der, identity(1).certificate_der());
    }
}
