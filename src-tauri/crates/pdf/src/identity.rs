//! A signing identity: a private key and the X.509 certificate that names it.
//!
//! [`SigningIdentity::generate`] makes an ECDSA P-256 key and a self-signed certificate;
//! [`SigningIdentity::from_der`] also accepts an RSA key of at least 2048 bits (RFC 8017) with a
//! certificate issued elsewhere. Generated certificates follow RFC 5280: version 3, a random positive 128-bit serial, issuer = subject,
//! key usage digitalSignature + nonRepudiation, basicConstraints CA false, and subject/authority
//! key identifiers. The key is zeroized when the identity is dropped (`p256::ecdsa::SigningKey`
//! zeroizes its scalar on drop, `rsa::pkcs1v15::SigningKey` its primes and exponents) and never
//! appears in `Debug` output.

use std::fmt;

use der::asn1::{GeneralizedTime, SetOfVec, UtcTime};
use der::oid::db::rfc4519;
use der::{Any, DateTime, Decode, Encode, EncodePem, Tag, pem::LineEnding};
use p256::ecdsa::{DerSignature, SigningKey, VerifyingKey};
use p256::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, ObjectIdentifier, PrivateKeyInfo};
use rand_core::{CryptoRng, RngCore};
use rsa::traits::PublicKeyParts;
use rsa::{RsaPrivateKey, RsaPublicKey};
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

/// A signing key (ECDSA P-256, or RSA of at least 2048 bits) with its certificate.
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
    key: Key,
    certificate: Certificate,
}

/// The private half of an identity.
pub(crate) enum Key {
    /// ECDSA over P-256 with SHA-256 (FIPS 186-4).
    P256(SigningKey),
    /// RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 §8.2).
    Rsa(Box<RsaSigningKey>),
}

/// An RSA key that signs PKCS#1 v1.5 with SHA-256 (sha256WithRSAEncryption).
pub(crate) type RsaSigningKey = rsa::pkcs1v15::SigningKey<Sha256>;

/// The public key a certificate certifies.
pub(crate) enum PublicKey {
    /// An ECDSA P-256 key.
    P256(VerifyingKey),
    /// An RSA key.
    Rsa(RsaPublicKey),
}

/// The smallest RSA modulus accepted, in bits (NIST SP 800-57 Part 1: 112-bit security).
pub(crate) const MIN_RSA_BITS: usize = 2048;

/// rsaEncryption (RFC 8017 Appendix C), the algorithm of an RSA key in PKCS#8 and X.509.
const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");

// The key must be wiped when the identity goes away; both key types guarantee it.
const _: fn() = || {
    fn zeroized_on_drop<T: ZeroizeOnDrop>() {}
    zeroized_on_drop::<SigningKey>();
    zeroized_on_drop::<RsaSigningKey>();
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
        Ok(Self { key: Key::P256(key), certificate })
    }

    /// Loads an identity from a PKCS#8 DER private key (ECDSA P-256, or RSA of at least
    /// 2048 bits) and a DER certificate, refusing a key that is not the certificate's.
    pub fn from_der(pkcs8_private_key: &[u8], certificate: &[u8]) -> Result<Self, PdfError> {
        let is_rsa = PrivateKeyInfo::try_from(pkcs8_private_key).is_ok_and(|info| info.algorithm.oid == RSA_ENCRYPTION);
        let key = if is_rsa {
            let key = RsaPrivateKey::from_pkcs8_der(pkcs8_private_key)
                .map_err(|error| PdfError::InvalidKey { detail: format!("not a usable RSA key ({error})") })?;
            let bits = key.n().bits();
            if bits < MIN_RSA_BITS {
                return Err(PdfError::RsaKeyTooSmall { bits, minimum: MIN_RSA_BITS });
            }
            Key::Rsa(Box::new(RsaSigningKey::new(key)))
        } else {
            Key::P256(
                SigningKey::from_pkcs8_der(pkcs8_private_key)
                    .map_err(|error| PdfError::InvalidKey { detail: error.to_string() })?,
            )
        };
        let certificate = Certificate::from_der(certificate)
            .map_err(|error| PdfError::InvalidCertificate { detail: error.to_string() })?;
        let matches = match (&key, certificate_key(&certificate)?) {
            (Key::P256(key), PublicKey::P256(public)) => *key.verifying_key() == public,
            (Key::Rsa(key), PublicKey::Rsa(public)) => {
                let private: &RsaPrivateKey = (**key).as_ref();
                private.to_public_key() == public
            }
            _ => false,
        };
        if !matches {
            return Err(PdfError::KeyCertificateMismatch);
        }
        Ok(Self { key, certificate })
    }

    /// The private key as PKCS#8 DER, in memory that is wiped when dropped.
    pub fn private_key_pkcs8_der(&self) -> Zeroizing<Vec<u8>> {
        let document = match &self.key {
            Key::P256(key) => key.to_pkcs8_der().expect("encoding a valid P-256 key as PKCS#8 cannot fail"),
            Key::Rsa(key) => key.to_pkcs8_der().expect("encoding a valid RSA key as PKCS#8 cannot fail"),
        };
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

    pub(crate) fn signing_key(&self) -> &Key {
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

/// The public key a certificate certifies: ECDSA P-256 or RSA (up to 4096 bits).
pub(crate) fn certificate_key(certificate: &Certificate) -> Result<PublicKey, PdfError> {
    let spki = &certificate.tbs_certificate.subject_public_key_info;
    let der = spki.to_der().map_err(|error| PdfError::InvalidCertificate { detail: error.to_string() })?;
    if spki.algorithm.oid == RSA_ENCRYPTION {
        RsaPublicKey::from_public_key_der(&der)
            .map(PublicKey::Rsa)
            .map_err(|error| PdfError::InvalidCertificate { detail: format!("not a usable RSA public key ({error})") })
    } else {
        VerifyingKey::from_public_key_der(&der).map(PublicKey::P256).map_err(|error| PdfError::InvalidCertificate {
            detail: format!("not an ECDSA P-256 or RSA public key ({error})"),
        })
    }
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

/// RSA keys and self-signed certificates made by the `openssl` command-line tool (generating
/// RSA keys with the `rsa` crate is slow in unoptimised test builds).
#[cfg(test)]
pub(crate) mod openssl {
    use std::process::Command;

    /// A new `bits`-bit RSA key as PKCS#8 DER and its self-signed certificate as DER, naming
    /// `CN=common_name, O=organisation`.
    pub(crate) fn rsa_key_and_certificate(bits: usize, common_name: &str, organisation: &str) -> (Vec<u8>, Vec<u8>) {
        let dir = tempfile::TempDir::new().unwrap();
        let path = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
        let run = |args: &[&str]| {
            let output = Command::new("openssl").args(args).output().expect("the openssl tool is installed");
            assert!(output.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        };
        run(&[
            "req",
            "-x509",
            "-newkey",
            &format!("rsa:{bits}"),
            "-nodes",
            "-keyout",
            &path("key.pem"),
            "-outform",
            "DER",
            "-out",
            &path("cert.der"),
            "-days",
            "3650",
            "-sha256",
            "-subj",
            &format!("/O={organisation}/CN={common_name}"),
            "-addext",
            "basicConstraints=critical,CA:FALSE",
            "-addext",
            "keyUsage=critical,digitalSignature,nonRepudiation",
        ]);
        run(&["pkcs8", "-topk8", "-nocrypt", "-in", &path("key.pem"), "-outform", "DER", "-out", &path("key.der")]);
        (std::fs::read(path("key.der")).unwrap(), std::fs::read(path("cert.der")).unwrap())
    }
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
    fn an_rsa_key_with_its_certificate_is_accepted_and_round_trips() {
        let (key, certificate) = openssl::rsa_key_and_certificate(2048, "Dr Rosa Parks", "Imported Surgery");
        let identity = SigningIdentity::from_der(&key, &certificate).unwrap();
        assert!(matches!(identity.signing_key(), Key::Rsa(_)));
        assert_eq!(identity.certificate_der(), certificate);
        assert_eq!(identity.subject(), "CN=Dr Rosa Parks, O=Imported Surgery");
        assert_eq!(identity.fingerprint_sha256(), fingerprint_of_der(&certificate));
        let restored = SigningIdentity::from_der(&identity.private_key_pkcs8_der(), &certificate).unwrap();
        assert_eq!(*restored.private_key_pkcs8_der(), *identity.private_key_pkcs8_der());
        let debug = format!("{identity:?}");
        assert!(debug.contains("Dr Rosa Parks") && !debug.contains("key"), "{debug}");
    }

    #[test]
    fn an_rsa_key_from_another_certificate_is_refused() {
        let (key, _) = openssl::rsa_key_and_certificate(2048, "Dr Rosa Parks", "Imported Surgery");
        let (_, other_certificate) = openssl::rsa_key_and_certificate(2048, "Dr Rosa Parks", "Imported Surgery");
        let result = SigningIdentity::from_der(&key, &other_certificate);
        assert!(matches!(result, Err(PdfError::KeyCertificateMismatch)), "{result:?}");
        // Neither may an RSA key go with a P-256 certificate, nor a P-256 key with an RSA one.
        let p256 = identity(1);
        let result = SigningIdentity::from_der(&key, &p256.certificate_der());
        assert!(matches!(result, Err(PdfError::KeyCertificateMismatch)), "{result:?}");
        let result = SigningIdentity::from_der(&p256.private_key_pkcs8_der(), &other_certificate);
        assert!(matches!(result, Err(PdfError::KeyCertificateMismatch)), "{result:?}");
    }

    #[test]
    fn an_rsa_key_under_2048_bits_is_refused() {
        let (key, certificate) = openssl::rsa_key_and_certificate(1024, "Dr Rosa Parks", "Imported Surgery");
        let result = SigningIdentity::from_der(&key, &certificate);
        assert!(matches!(result, Err(PdfError::RsaKeyTooSmall { bits: 1024, minimum: 2048 })), "{result:?}");
        assert!(result.unwrap_err().to_string().contains("at least 2048"));
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
        let Key::P256(key) = identity.signing_key() else { panic!("generated keys are P-256") };
        let key_hex: String = key.to_bytes().iter().map(|b| format!("{b:02x}")).collect();
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
