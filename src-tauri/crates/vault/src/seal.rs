//! XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha) sealing of the data key and of the database image.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand_core::{CryptoRng, RngCore};
use zeroize::Zeroizing;

use crate::error::{Result, VaultError};
use crate::format::{KeySlot, NONCE_LEN, SlotKind, WRAPPED_KEY_LEN};
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

/// Wraps `data_key` into a new slot unlocked by `secret` (password bytes or recovery secret).
pub(crate) fn wrap_into_slot(
    data_key: &DataKey,
    kind: SlotKind,
    secret: &[u8],
    kdf: KdfParams,
    rng: &mut (impl RngCore + CryptoRng),
) -> Result<KeySlot> {
    let mut salt = [0u8; SALT_LEN];
    rng.fill_bytes(&mut salt);
    let mut wrap_nonce = [0u8; NONCE_LEN];
    rng.fill_bytes(&mut wrap_nonce);
    let wrapping_key = derive_wrapping_key(secret, &salt, kdf)?;
    let aad = KeySlot::wrap_aad(&kind, kdf, &salt);
    let sealed = XChaCha20Poly1305::new(wrapping_key.as_ref().into())
        .encrypt(XNonce::from_slice(&wrap_nonce), Payload { msg: data_key.0.as_ref(), aad: &aad })
        .map_err(|_| VaultError::Damaged { detail: "the data key could not be wrapped" })?;
    let mut wrapped_key = [0u8; WRAPPED_KEY_LEN];
    wrapped_key.copy_from_slice(&sealed);
    Ok(KeySlot { kind, kdf, salt, wrap_nonce, wrapped_key })
}

/// Unwraps the data key from `slot` with `secret`; `None` when the secret is wrong.
pub(crate) fn unwrap_from_slot(slot: &KeySlot, secret: &[u8]) -> Result<Option<DataKey>> {
    let wrapping_key = derive_wrapping_key(secret, &slot.salt, slot.kdf)?;
    let aad = KeySlot::wrap_aad(&slot.kind, slot.kdf, &slot.salt);
    let opened = XChaCha20Poly1305::new(wrapping_key.as_ref().into())
        .decrypt(XNonce::from_slice(&slot.wrap_nonce), Payload { msg: &slot.wrapped_key, aad: &aad });
    Ok(opened.ok().map(|bytes| {
        let bytes = Zeroizing::new(bytes);
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        key.copy_from_slice(&bytes);
        DataKey(key)
    }))
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
    fn a_slot_opens_with_its_secret_only() {
        let key = DataKey::generate(&mut OsRng);
        let kind = SlotKind::Password { login: "anna".into() };
        let slot = wrap_into_slot(&key, kind, b"secret one", KdfParams::INSECURE_FAST, &mut OsRng).unwrap();
        let opened = unwrap_from_slot(&slot, b"secret one").unwrap().expect("right secret opens");
        assert_eq!(*opened.0, *key.0);
        assert!(unwrap_from_slot(&slot, b"secret two").unwrap().is_none());
    }

    #[test]
    fn a_slot_moved_to_another_login_no_longer_opens() {
        let key = DataKey::generate(&mut OsRng);
        let kind = SlotKind::Password { login: "anna".into() };
        let mut slot = wrap_into_slot(&key, kind, b"pw", KdfParams::INSECURE_FAST, &mut OsRng).unwrap();
        slot.kind = SlotKind::Password { login: "bob".into() };
        assert!(unwrap_from_slot(&slot, b"pw").unwrap().is_none());
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
