//! The practice's signing identity: an ECDSA P-256 key and a self-signed certificate naming the
//! practice and its ODS code. The private key lives only inside the vault.

use custodian_pdf::SigningIdentity;
use custodian_vault::rusqlite::{Connection, OptionalExtension, params};
use custodian_vault::secrecy::{ExposeSecret, SecretString};
use p12_keystore::{KeyStore, Pkcs12ImportPolicy};
use rand_core::{CryptoRng, RngCore};
use time::OffsetDateTime;

use crate::audit::{self, NewAuditEntry};
use crate::error::{CoreError, Field, Result};
use crate::practice::{self, Practice};
use crate::role::Permission;
use crate::session::Session;

/// Schema of the signing identity (migration 1).
pub(crate) const SCHEMA_V1: &str = "
CREATE TABLE signing_identity (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    private_key BLOB NOT NULL,
    certificate BLOB NOT NULL,
    origin      TEXT NOT NULL CHECK (origin IN ('self_signed', 'imported')),
    created_at  TEXT NOT NULL
) STRICT;";

/// How long a self-signed practice certificate is valid.
const CERTIFICATE_YEARS: u32 = 10;

/// What people are shown about the practice's certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateInfo {
    /// The certificate's subject, e.g. `CN=Riverside Surgery, O=Riverside Surgery, OU=ODS B86001`.
    pub subject: String,
    /// SHA-256 fingerprint, upper-case hex pairs joined by colons.
    pub fingerprint: String,
    /// The certificate, DER-encoded (a `.cer` file).
    pub der: Vec<u8>,
    /// The certificate, PEM-encoded.
    pub pem: String,
}

/// Makes a self-signed identity for `practice`.
pub(crate) fn generate(
    practice: &Practice,
    now: OffsetDateTime,
    rng: &mut (impl RngCore + CryptoRng),
) -> Result<SigningIdentity> {
    let unit = format!("ODS {}", practice.ods_code.as_str());
    SigningIdentity::generate(practice.name.as_str(), practice.name.as_str(), Some(&unit), now, CERTIFICATE_YEARS, rng)
        .map_err(|e| CoreError::Refused(format!("the practice's signing key could not be made: {e}")))
}

pub(crate) fn store(conn: &Connection, identity: &SigningIdentity, origin: &str, now: OffsetDateTime) -> Result<()> {
    conn.execute(
        "INSERT INTO signing_identity (id, private_key, certificate, origin, created_at) VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET private_key = excluded.private_key, certificate = excluded.certificate,
             origin = excluded.origin, created_at = excluded.created_at",
        params![identity.private_key_pkcs8_der().as_slice(), identity.certificate_der(), origin, crate::time_text(now)],
    )?;
    Ok(())
}

fn load(conn: &Connection) -> Result<Option<SigningIdentity>> {
    let stored: Option<(zeroize::Zeroizing<Vec<u8>>, Vec<u8>)> = conn
        .query_row("SELECT private_key, certificate FROM signing_identity WHERE id = 1", [], |r| {
            Ok((zeroize::Zeroizing::new(r.get::<_, Vec<u8>>(0)?), r.get(1)?))
        })
        .optional()?;
    stored
        .map(|(key, cert)| {
            SigningIdentity::from_der(&key, &cert)
                .map_err(|e| CoreError::Refused(format!("the practice's signing key in the vault is unusable: {e}")))
        })
        .transpose()
}

fn info(identity: &SigningIdentity) -> CertificateInfo {
    CertificateInfo {
        subject: identity.subject(),
        fingerprint: identity.fingerprint_sha256(),
        der: identity.certificate_der(),
        pem: identity.certificate_pem(),
    }
}

/// The private key and certificate in a PKCS#12 file, as DER, or why they cannot be used.
fn identity_from_pkcs12(file: &[u8], password: &SecretString) -> Result<SigningIdentity> {
    let unreadable = || {
        CoreError::invalid(
            Field::Pkcs12File,
            "That file could not be opened with that password: is it a PKCS#12 (.p12 or .pfx) file?",
        )
    };
    let store =
        KeyStore::from_pkcs12(file, password.expose_secret(), Pkcs12ImportPolicy::Relaxed).map_err(|_| unreadable())?;
    let (_, chain) = store
        .private_key_chain()
        .ok_or_else(|| CoreError::invalid(Field::Pkcs12File, "That file holds no private key with its certificate"))?;
    chain
        .certs()
        .iter()
        .find_map(|certificate| SigningIdentity::from_der(chain.key().as_der(), certificate.as_der()).ok())
        .ok_or_else(|| {
            CoreError::invalid(
                Field::Pkcs12File,
                "The key in that file is not a usable key with its certificate; Custodian accepts ECDSA P-256 keys \
                 or RSA keys of 2048 bits or more",
            )
        })
}

impl Session {
    /// The practice's signing identity, made (and recorded) on first use for a vault that has none.
    pub(crate) fn signing_identity(
        &mut self,
        now: OffsetDateTime,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<SigningIdentity> {
        if let Some(identity) = load(self.vault.connection())? {
            return Ok(identity);
        }
        let practice = practice::load(self.vault.connection())?;
        let identity = generate(&practice, now, rng)?;
        let actor = self.person.login.as_str().to_owned();
        let fingerprint = identity.fingerprint_sha256();
        self.vault.write(|tx| {
            store(tx, &identity, "self_signed", now)?;
            let entry = NewAuditEntry {
                actor_login: &actor,
                action: "certificate.create",
                record_type: "certificate",
                record_id: "1".into(),
                summary: format!("made the practice's self-signed signing certificate, SHA-256 {fingerprint}"),
            };
            audit::append(tx, now, &entry)
        })?;
        Ok(identity)
    }

    /// Replaces the practice's signing key and certificate with ones issued elsewhere, from a
    /// PKCS#12 file. Practice managers only, after their password. Packs made before keep their
    /// old signature; later packs are signed with the imported key.
    pub fn import_certificate(
        &mut self,
        pkcs12: &[u8],
        pkcs12_password: &SecretString,
        current: &SecretString,
        now: OffsetDateTime,
    ) -> Result<CertificateInfo> {
        self.require(Permission::ManageVault, now)?;
        self.confirm_password(current)?;
        let identity = identity_from_pkcs12(pkcs12, pkcs12_password)?;
        let actor = self.person.login.as_str().to_owned();
        let summary = format!(
            "imported the signing certificate {}, SHA-256 {}",
            identity.subject(),
            identity.fingerprint_sha256()
        );
        self.vault.write(|tx| {
            store(tx, &identity, "imported", now)?;
            let entry = NewAuditEntry {
                actor_login: &actor,
                action: "certificate.import",
                record_type: "certificate",
                record_id: "1".into(),
                summary,
            };
            audit::append(tx, now, &entry)
        })?;
        Ok(info(&identity))
    }

    /// The practice's certificate (made on first use), to show its fingerprint or export it.
    pub fn certificate(
        &mut self,
        now: OffsetDateTime,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<CertificateInfo> {
        Ok(info(&self.signing_identity(now, rng)?))
    }
}
