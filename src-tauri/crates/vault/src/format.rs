//! The byte layout of a vault file (see FORMAT.md): header, key slots and sealed body.
//!
//! Everything here is pure: bytes in, structures out, and back.

use sha2::{Digest, Sha256};

use crate::error::{Result, VaultError};
use crate::kdf::{KEY_LEN, KdfParams, SALT_LEN};

/// The first eight bytes of every vault file.
pub const MAGIC: [u8; 8] = *b"CUSTVLT\0";
/// The newest format version this build writes and reads.
pub const FORMAT_VERSION: u16 = 1;
/// XChaCha20-Poly1305 nonce length.
pub const NONCE_LEN: usize = 24;
/// Poly1305 tag length.
pub const TAG_LEN: usize = 16;
/// Length of a slot's X25519 secret key wrapped under its wrapping key: the key plus its tag.
pub const WRAPPED_SECRET_LEN: usize = KEY_LEN + TAG_LEN;
/// Length of the data key sealed to a slot's public key (libsodium `crypto_box_seal`):
/// ephemeral public key, the key, and the tag.
pub const SEALED_KEY_LEN: usize = KEY_LEN + KEY_LEN + TAG_LEN;

const CHECKSUM_LEN: usize = 32;
/// magic + version + header length: the part that stays the same in every format version.
const PREFIX_LEN: usize = 8 + 2 + 4;
const FIXED_LEN: usize = PREFIX_LEN + NONCE_LEN + 2;
const MAX_HEADER_LEN: u32 = 1 << 20;
const KDF_ARGON2ID: u8 = 1;

/// What a key slot is unlocked with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SlotKind {
    /// A person's password; the label is their login.
    Password {
        /// The login name that selects this slot.
        login: String,
    },
    /// The printed recovery key.
    Recovery,
}

/// One way into the vault: an X25519 key pair whose secret half is wrapped under a key derived
/// from a password (or the recovery key), and the data key sealed to its public half.
///
/// Because the data key is sealed to public keys, anyone who holds the data key can re-seal a new
/// one to every slot: that is how removing a slot rotates the data key without other people's
/// passwords.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeySlot {
    /// What unlocks it.
    pub kind: SlotKind,
    /// Argon2id costs for this slot.
    pub kdf: KdfParams,
    /// Argon2id salt.
    pub salt: [u8; SALT_LEN],
    /// The slot's X25519 public key.
    pub public_key: [u8; KEY_LEN],
    /// Nonce of the secret-key wrap.
    pub wrap_nonce: [u8; NONCE_LEN],
    /// The slot's X25519 secret key, sealed under the wrapping key.
    pub wrapped_secret: [u8; WRAPPED_SECRET_LEN],
    /// The data key, sealed to `public_key` with `crypto_box_seal`.
    pub sealed_data_key: [u8; SEALED_KEY_LEN],
}

impl KeySlot {
    /// The bytes authenticated with the secret-key wrap: the slot from its kind up to and
    /// including its public key.
    pub(crate) fn wrap_aad(
        kind: &SlotKind,
        kdf: KdfParams,
        salt: &[u8; SALT_LEN],
        public_key: &[u8; KEY_LEN],
    ) -> Vec<u8> {
        let mut out = Vec::with_capacity(64);
        match kind {
            SlotKind::Password { login } => {
                out.push(1);
                out.push(login.len() as u8);
                out.extend_from_slice(login.as_bytes());
            }
            SlotKind::Recovery => {
                out.push(2);
                out.push(0);
            }
        }
        out.push(KDF_ARGON2ID);
        out.extend_from_slice(&kdf.memory_kib.to_le_bytes());
        out.extend_from_slice(&kdf.iterations.to_le_bytes());
        out.extend_from_slice(&kdf.parallelism.to_le_bytes());
        out.extend_from_slice(salt);
        out.extend_from_slice(public_key);
        out
    }
}

/// The authenticated, unencrypted start of a vault file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// Nonce of the sealed body.
    pub body_nonce: [u8; NONCE_LEN],
    /// Key slots, in file order.
    pub slots: Vec<KeySlot>,
}

impl Header {
    /// Encodes the header, checksum included. These bytes are also the body's associated data.
    pub fn encode(&self) -> Vec<u8> {
        let mut slots = Vec::new();
        for slot in &self.slots {
            slots.extend_from_slice(&KeySlot::wrap_aad(&slot.kind, slot.kdf, &slot.salt, &slot.public_key));
            slots.extend_from_slice(&slot.wrap_nonce);
            slots.extend_from_slice(&slot.wrapped_secret);
            slots.extend_from_slice(&slot.sealed_data_key);
        }
        let total = FIXED_LEN + slots.len() + CHECKSUM_LEN;
        let mut out = Vec::with_capacity(total);
        out.extend_from_slice(&MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(total as u32).to_le_bytes());
        out.extend_from_slice(&self.body_nonce);
        out.extend_from_slice(&(self.slots.len() as u16).to_le_bytes());
        out.extend_from_slice(&slots);
        let checksum = Sha256::digest(&out);
        out.extend_from_slice(&checksum);
        out
    }

    /// Decodes a header from the start of `file`, returning it and its length in bytes.
    ///
    /// Checks, in order: magic, length, checksum, version, structure.
    pub fn decode(file: &[u8]) -> Result<(Header, usize)> {
        if file.len() < MAGIC.len() || file[..MAGIC.len()] != MAGIC {
            return Err(VaultError::NotAVault);
        }
        if file.len() < PREFIX_LEN {
            return Err(VaultError::Truncated);
        }
        let version = u16::from_le_bytes([file[8], file[9]]);
        let header_len = u32::from_le_bytes([file[10], file[11], file[12], file[13]]);
        if header_len > MAX_HEADER_LEN || (header_len as usize) < PREFIX_LEN + CHECKSUM_LEN {
            return Err(VaultError::Damaged { detail: "impossible header length" });
        }
        let header_len = header_len as usize;
        if file.len() < header_len {
            return Err(VaultError::Truncated);
        }
        let (covered, checksum) = file[..header_len].split_at(header_len - CHECKSUM_LEN);
        if Sha256::digest(covered).as_slice() != checksum {
            return Err(VaultError::Damaged { detail: "the header checksum does not match" });
        }
        if version > FORMAT_VERSION {
            return Err(VaultError::NewerFormat { found: version, supported: FORMAT_VERSION });
        }
        if version == 0 {
            return Err(VaultError::Damaged { detail: "format version 0 does not exist" });
        }
        let mut reader = Reader { bytes: &covered[PREFIX_LEN..] };
        let body_nonce = reader.array::<NONCE_LEN>()?;
        let slot_count = u16::from_le_bytes(reader.array::<2>()?);
        let mut slots = Vec::with_capacity(usize::from(slot_count).min(1024));
        for _ in 0..slot_count {
            slots.push(reader.slot()?);
        }
        if !reader.bytes.is_empty() {
            return Err(VaultError::Damaged { detail: "unexpected bytes after the key slots" });
        }
        Ok((Header { body_nonce, slots }, header_len))
    }
}

/// A cursor over header bytes whose every short read is a damaged header.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8]> {
        if self.bytes.len() < n {
            return Err(VaultError::Damaged { detail: "a key slot runs past the end of the header" });
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.array::<4>()?))
    }

    fn slot(&mut self) -> Result<KeySlot> {
        let [kind_tag, label_len] = self.array::<2>()?;
        let label = self.take(usize::from(label_len))?;
        let kind = match kind_tag {
            1 => {
                let login = std::str::from_utf8(label)
                    .map_err(|_| VaultError::Damaged { detail: "a login in a key slot is not text" })?;
                SlotKind::Password { login: login.to_owned() }
            }
            2 if label.is_empty() => SlotKind::Recovery,
            _ => return Err(VaultError::Damaged { detail: "unknown kind of key slot" }),
        };
        let [algorithm] = self.array::<1>()?;
        if algorithm != KDF_ARGON2ID {
            return Err(VaultError::Damaged { detail: "unknown key-derivation algorithm" });
        }
        let kdf = KdfParams { memory_kib: self.u32()?, iterations: self.u32()?, parallelism: self.u32()? }
            .check_readable()?;
        Ok(KeySlot {
            kind,
            kdf,
            salt: self.array()?,
            public_key: self.array()?,
            wrap_nonce: self.array()?,
            wrapped_secret: self.array()?,
            sealed_data_key: self.array()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Header {
        Header {
            body_nonce: [9; NONCE_LEN],
            slots: vec![
                KeySlot {
                    kind: SlotKind::Password { login: "j.smith".into() },
                    kdf: KdfParams::DEFAULT,
                    salt: [1; SALT_LEN],
                    public_key: [7; KEY_LEN],
                    wrap_nonce: [2; NONCE_LEN],
                    wrapped_secret: [3; WRAPPED_SECRET_LEN],
                    sealed_data_key: [8; SEALED_KEY_LEN],
                },
                KeySlot {
                    kind: SlotKind::Recovery,
                    kdf: KdfParams::INSECURE_FAST,
                    salt: [4; SALT_LEN],
                    public_key: [9; KEY_LEN],
                    wrap_nonce: [5; NONCE_LEN],
                    wrapped_secret: [6; WRAPPED_SECRET_LEN],
                    sealed_data_key: [10; SEALED_KEY_LEN],
                },
            ],
        }
    }

    #[test]
    fn header_round_trips_and_reports_its_length() {
        let bytes = sample().encode();
        let mut file = bytes.clone();
        file.extend_from_slice(b"body");
        let (header, len) = Header::decode(&file).unwrap();
        assert_eq!(header, sample());
        assert_eq!(len, bytes.len());
    }

    #[test]
    fn layout_of_the_fixed_prefix_is_as_documented() {
        let bytes = sample().encode();
        assert_eq!(&bytes[..8], b"CUSTVLT\0");
        assert_eq!(&bytes[8..10], &[1, 0]);
        assert_eq!(u32::from_le_bytes(bytes[10..14].try_into().unwrap()) as usize, bytes.len());
        assert_eq!(&bytes[14..38], &[9; NONCE_LEN]);
        assert_eq!(&bytes[38..40], &[2, 0]);
        // first slot: kind 1, label length 7, "j.smith", algorithm 1, m, t, p
        assert_eq!(&bytes[40..49], b"\x01\x07j.smith");
        assert_eq!(bytes[49], 1);
    }

    #[test]
    fn wrong_magic_is_not_a_vault() {
        assert!(matches!(Header::decode(b"SQLite format 3\0...."), Err(VaultError::NotAVault)));
        assert!(matches!(Header::decode(b""), Err(VaultError::NotAVault)));
    }

    #[test]
    fn a_newer_version_with_a_valid_checksum_is_refused_as_newer() {
        let mut bytes = sample().encode();
        bytes[8] = 2;
        let at = bytes.len() - 32;
        let checksum = Sha256::digest(&bytes[..at]);
        bytes[at..].copy_from_slice(&checksum);
        assert!(matches!(Header::decode(&bytes), Err(VaultError::NewerFormat { found: 2, supported: 1 })));
    }

    #[test]
    fn a_cut_header_is_truncated() {
        let bytes = sample().encode();
        assert!(matches!(Header::decode(&bytes[..bytes.len() - 1]), Err(VaultError::Truncated)));
        assert!(matches!(Header::decode(&bytes[..12]), Err(VaultError::Truncated)));
    }
}
