//! The cryptography of slots and body.
//!
//! - The body: XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha) under the random data key.
//! - A slot: an X25519 key pair. Its secret key is wrapped with XChaCha20-Poly1305 under a key
//!   derived by Argon2id from the slot's secret; the data key is sealed to its public key with
//!   libsodium's `crypto_box_seal` (X25519 + XSalsa20-Poly1305).

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use crypto_box::{PublicKey, SecretKey};
use rand_core::{CryptoRng, RngCore};
use zeroize::Zeroizing;

use crate::error::{Result, VaultError};
use crate::format::{KeySlot, NONCE_LEN, SEALED_KEY_LEN, SlotKind, WRAPPED_SECRET_LEN};
use crate::kdf::{KEY_LEN, KdfParams, SALT_LEN, derive_wrapping_key};

/// The random 256-bit key that seals the database image. Zeroized on drop.
pub(crate) struct DataKey(Zeroizing<[u8; KEY_LEN]>);

impl DataKey {
    pub(crate) fn generate(rng: &mut (impl RngCore + CryptoRng)) -> DataKey {
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        rng.fill_bytes(key.as_mut());
        DataKey(key)
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(self.0.as_ref().into())
    }
}

/// The X25519 secret key of one slot, held while the vault is open so that a data key rotated by
/// another writer can be unsealed again. Zeroized on drop by `crypto_box`.
pub(crate) struct SlotSecret(SecretKey);

impl SlotSecret {
    pub(crate) fn public_key(&self) -> [u8; KEY_LEN] {
        *self.0.public_key().as_bytes()
    }
}

/// Makes a new slot of `kind`, opened by `secret`, holding `data_key`.
pub(crate) fn new_slot(
    kind: SlotKind,
    secret: &[u8],
    kdf: KdfParams,
    data_key: &DataKey,
    rng: &mut (impl RngCore + CryptoRng),
) -> Result<(KeySlot, SlotSecret)> {
    let slot_secret = SecretKey::generate(&mut *rng);
    let public_key = *slot_secret.public_key().as_bytes();
    let mut salt = [0u8; SALT_LEN];
    rng.fill_bytes(&mut salt);
    let mut wrap_nonce = [0u8; NONCE_LEN];
    rng.fill_bytes(&mut wrap_nonce);
    let wrapping_key = derive_wrapping_key(secret, &salt, kdf)?;
    let aad = KeySlot::wrap_aad(&kind, kdf, &salt, &public_key);
    let secret_bytes = Zeroizing::new(slot_secret.to_bytes());
    let wrapped = XChaCha20Poly1305::new(wrapping_key.as_ref().into())
        .encrypt(XNonce::from_slice(&wrap_nonce), Payload { msg: secret_bytes.as_ref(), aad: &aad })
        .map_err(|_| VaultError::Damaged { detail: "a key slot could not be written" })?;
    let mut wrapped_secret = [0u8; WRAPPED_SECRET_LEN];
    wrapped_secret.copy_from_slice(&wrapped);
    let mut slot =
        KeySlot { kind, kdf, salt, public_key, wrap_nonce, wrapped_secret, sealed_data_key: [0; SEALED_KEY_LEN] };
    seal_data_key(&mut slot, data_key, rng)?;
    Ok((slot, SlotSecret(slot_secret)))
}

/// Seals `data_key` to the slot's public key, replacing what it held.
pub(crate) fn seal_data_key(
    slot: &mut KeySlot,
    data_key: &DataKey,
    rng: &mut (impl RngCore + CryptoRng),
) -> Result<()> {
    let sealed = PublicKey::from(slot.public_key)
        .seal(rng, data_key.0.as_ref())
        .map_err(|_| VaultError::Damaged { detail: "the data key could not be sealed" })?;
    slot.sealed_data_key.copy_from_slice(&sealed);
    Ok(())
}

/// Unwraps the slot's secret key with `secret`; `None` when the secret is wrong.
pub(crate) fn open_slot(slot: &KeySlot, secret: &[u8]) -> Result<Option<SlotSecret>> {
    let wrapping_key = derive_wrapping_key(secret, &slot.salt, slot.kdf)?;
    let aad = KeySlot::wrap_aad(&slot.kind, slot.kdf, &slot.salt, &slot.public_key);
    let Ok(bytes) = XChaCha20Poly1305::new(wrapping_key.as_ref().into())
        .decrypt(XNonce::from_slice(&slot.wrap_nonce), Payload { msg: &slot.wrapped_secret, aad: &aad })
    else {
        return Ok(None);
    };
    let bytes = Zeroizing::new(bytes);
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    key.copy_from_slice(&bytes);
    let slot_secret = SlotSecret(SecretKey::from(*key));
    if slot_secret.public_key() != slot.public_key {
        return Err(VaultError::Damaged { detail: "a key slot's keys do not belong together" });
    }
    Ok(Some(slot_secret))
}

/// Unseals the data key from `slot` with its secret key.
pub(crate) fn unseal_data_key(slot: &KeySlot, slot_secret: &SlotSecret) -> Result<DataKey> {
    if slot_secret.public_key() != slot.public_key {
        return Err(VaultError::AccessRevoked);
    }
    let bytes = Zeroizing::new(slot_secret.0.unseal(&slot.sealed_data_key).map_err(|_| VaultError::Tampered)?);
    if bytes.len() != KEY_LEN {
        return Err(VaultError::Tampered);
    }
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    key.copy_from_slice(&bytes);
    Ok(DataKey(key))
}

/// Seals the database image; `header` is the associated data.
pub(crate) fn seal_body(key: &DataKey, nonce: &[u8; NONCE_LEN], header: &[u8], image: &[u8]) -> Result<Vec<u8>> {
    key.cipher()
        .encrypt(XNonce::from_slice(nonce), Payload { msg: image, aad: header })
        .map_err(|_| VaultError::Damaged { detail: "the database image could not be sealed" })
}

/// Opens the sealed database image; any change to header or body is `Tampered`.
pub(crate) fn open_body(
    key: &DataKey,
    nonce: &[u8; NONCE_LEN],
    header: &[u8],
    sealed: &[u8],
) -> Result<Zeroizing<Vec<u8>>> {
    key.cipher()
        .decrypt(XNonce::from_slice(nonce), Payload { msg: sealed, aad: header })
        .map(Zeroizing::new)
        .map_err(|_| VaultError::Tampered)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_core::OsRng;

    #[test]
    fn a_slot_opens_with_its_secret_only_and_yields_the_data_key() {
        let key = DataKey::generate(&mut OsRng);
        let kind = SlotKind::Password { login: "anna".into() };
        let (slot, _) = new_slot(kind, b"secret one", KdfParams::INSECURE_FAST, &key, &mut OsRng).unwrap();
        let opened = open_slot(&slot, b"secret one").unwrap().expect("right secret opens");
        assert_eq!(*unseal_data_key(&slot, &opened).unwrap().0, *key.0);
        assert!(open_slot(&slot, b"secret two").unwrap().is_none());
    }

    #[test]
    fn a_slot_moved_to_another_login_no_longer_opens() {
        let key = DataKey::generate(&mut OsRng);
        let kind = SlotKind::Password { login: "anna".into() };
        let (mut slot, _) = new_slot(kind, b"pw", KdfParams::INSECURE_FAST, &key, &mut OsRng).unwrap();
        slot.kind = SlotKind::Password { login: "bob".into() };
        assert!(open_slot(&slot, b"pw").unwrap().is_none());
    }

    #[test]
    fn a_new_data_key_can_be_sealed_to_a_slot_without_its_secret() {
        let key = DataKey::generate(&mut OsRng);
        let (mut slot, slot_secret) =
            new_slot(SlotKind::Recovery, b"pw", KdfParams::INSECURE_FAST, &key, &mut OsRng).unwrap();
        let rotated = DataKey::generate(&mut OsRng);
        seal_data_key(&mut slot, &rotated, &mut OsRng).unwrap();
        assert_eq!(*unseal_data_key(&slot, &slot_secret).unwrap().0, *rotated.0);
    }

    #[test]
    fn another_slots_secret_is_refused_as_revoked() {
        let key = DataKey::generate(&mut OsRng);
        let (slot, _) = new_slot(SlotKind::Recovery, b"a", KdfParams::INSECURE_FAST, &key, &mut OsRng).unwrap();
        let (_, other) = new_slot(SlotKind::Recovery, b"b", KdfParams::INSECURE_FAST, &key, &mut OsRng).unwrap();
        assert!(matches!(unseal_data_key(&slot, &other), Err(VaultError::AccessRevoked)));
    }

    #[test]
    fn body_is_bound_to_its_header() {
        let key = DataKey::generate(&mut OsRng);
        let nonce = [3u8; NONCE_LEN];
        let sealed = seal_body(&key, &nonce, b"header", b"image").unwrap();
        assert_eq!(&open_body(&key, &nonce, b"header", &sealed).unwrap()[..], b"image");
        assert!(matches!(open_body(&key, &nonce, b"headex", &sealed), Err(VaultError::Tampered)));
    }
}
