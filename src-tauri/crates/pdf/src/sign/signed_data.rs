//! Builds the detached CMS SignedData (RFC 5652 §5) that goes into a signature's `/Contents`.
//!
//! One signer, identified by issuer and serial number; digest SHA-256 (RFC 5754), signature
//! ecdsa-with-SHA256 (RFC 5754 §3.3) or, for an RSA identity, sha256WithRSAEncryption
//! (RSASSA-PKCS1-v1_5, RFC 8017 §8.2; RFC 5754 §3.2) over the DER signed attributes; signed
//! attributes contentType (id-data), messageDigest (of the PDF's byte ranges) and signingTime;
//! the signer's certificate included.

use ::cms::builder::{SignedDataBuilder, SignerInfoBuilder};
use ::cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use ::cms::signed_data::{EncapsulatedContentInfo, SignerIdentifier};
use der::asn1::SetOfVec;
use der::oid::db::{rfc5911, rfc5912};
use der::{Any, Encode};
use p256::ecdsa::{DerSignature, SigningKey};
use rsa::signature::{Keypair, Signer};
use spki::{AlgorithmIdentifierOwned, DynSignatureAlgorithmIdentifier, SignatureBitStringEncoding};
use time::OffsetDateTime;
use x509_cert::attr::Attribute;

use crate::error::PdfError;
use crate::identity::{Key, RsaSigningKey, SigningIdentity, build_error, x509_time};

fn failed(error: impl std::fmt::Display) -> PdfError {
    build_error("CMS signature", error)
}

/// DER of a ContentInfo holding SignedData over external content whose SHA-256 is `digest`.
pub(super) fn detached_signature(
    identity: &SigningIdentity,
    digest: &[u8],
    signing_time: OffsetDateTime,
) -> Result<Vec<u8>, PdfError> {
    match identity.signing_key() {
        Key::P256(key) => signed_data::<SigningKey, DerSignature>(identity, key, digest, signing_time),
        Key::Rsa(key) => signed_data::<RsaSigningKey, rsa::pkcs1v15::Signature>(identity, &**key, digest, signing_time),
    }
}

/// The SignedData of [`detached_signature`], signed by `key` with signatures of type `S`.
fn signed_data<K, S>(
    identity: &SigningIdentity,
    key: &K,
    digest: &[u8],
    signing_time: OffsetDateTime,
) -> Result<Vec<u8>, PdfError>
where
    K: Keypair + DynSignatureAlgorithmIdentifier + Signer<S>,
    S: SignatureBitStringEncoding,
{
    let certificate = identity.certificate();
    let content = EncapsulatedContentInfo { econtent_type: rfc5911::ID_DATA, econtent: None };
    let signer_id = SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
        issuer: certificate.tbs_certificate.issuer.clone(),
        serial_number: certificate.tbs_certificate.serial_number.clone(),
    });
    let sha256 = AlgorithmIdentifierOwned { oid: rfc5912::ID_SHA_256, parameters: None };

    let mut signer = SignerInfoBuilder::new(key, signer_id, sha256.clone(), &content, Some(digest)).map_err(failed)?;
    // The builder adds contentType and messageDigest itself, but not signingTime.
    signer.add_signed_attribute(signing_time_attribute(signing_time)?).map_err(failed)?;

    SignedDataBuilder::new(&content)
        .add_digest_algorithm(sha256)
        .map_err(failed)?
        .add_certificate(CertificateChoices::Certificate(certificate.clone()))
        .map_err(failed)?
        .add_signer_info::<K, S>(signer)
        .map_err(failed)?
        .build()
        .map_err(failed)?
        .to_der()
        .map_err(failed)
}

/// The signingTime attribute (RFC 5652 §11.3): UTCTime until 2049, GeneralizedTime after.
fn signing_time_attribute(time: OffsetDateTime) -> Result<Attribute, PdfError> {
    let value = Any::encode_from(&x509_time(time)?).map_err(failed)?;
    let mut values = SetOfVec::new();
    values.insert(value).map_err(failed)?;
    Ok(Attribute { oid: rfc5911::ID_SIGNING_TIME, values })
}
