//! Password-based key derivation: Argon2id (RFC 9106) turns a secret into a key-encryption key.

use argon2::{Algorithm, Argon2, Params, Version};
use zeroize::Zeroizing;

use crate::error::{Result, VaultError};

/// Length of every symmetric key in the vault, in bytes.
pub const KEY_LEN: usize = 32;
/// Length of a key slot's salt, in bytes.
pub const SALT_LEN: usize = 16;

/// Argon2id cost parameters, stored per key slot so they can be raised over time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory cost in KiB.
    pub memory_kib: u32,
    /// Number of passes.
    pub iterations: u32,
    /// Degree of parallelism (lanes).
    pub parallelism: u32,
}

impl KdfParams {
    /// The default for new slots: 256 MiB and 3 passes, about 0.6 s on a two-core desktop
    /// (`cargo bench -p custodian-vault`, figures in the README).
    pub const DEFAULT: KdfParams = KdfParams { memory_kib: 256 * 1024, iterations: 3, parallelism: 1 };

    /// OWASP's minimum recommendation for Argon2id (19 MiB, 2 passes). Used only for the
    /// invented staff of the demo practice, so that it can be made in seconds.
    pub const OWASP_MINIMUM: KdfParams = KdfParams { memory_kib: 19 * 1024, iterations: 2, parallelism: 1 };

    /// Deliberately cheap parameters for tests and benchmarks that open thousands of vaults.
    /// Never used by the applications.
    pub const INSECURE_FAST: KdfParams = KdfParams { memory_kib: 8, iterations: 1, parallelism: 1 };

    /// The largest costs accepted when reading a file, so a damaged header cannot ask for
    /// unbounded memory or time.
    const MAX_MEMORY_KIB: u32 = 4 * 1024 * 1024;
    const MAX_ITERATIONS: u32 = 64;
    const MAX_PARALLELISM: u32 = 16;

    /// Derives one key at these costs and throws it away: what unlocking a slot costs, for
    /// benchmarks.
    pub fn derive_once(self) -> Result<()> {
        derive_wrapping_key(b"benchmark", &[0; SALT_LEN], self).map(drop)
    }

    pub(crate) fn check_readable(self) -> Result<Self> {
        let sane = (8..=Self::MAX_MEMORY_KIB).contains(&self.memory_kib)
            && (1..=Self::MAX_ITERATIONS).contains(&self.iterations)
            && (1..=Self::MAX_PARALLELISM).contains(&self.parallelism)
            && self.memory_kib >= 8 * self.parallelism;
        if sane { Ok(self) } else { Err(VaultError::Damaged { detail: "impossible key-derivation parameters" }) }
    }
}

/// Derives the 32-byte key that wraps the data key in one slot.
pub(crate) fn derive_wrapping_key(
    secret: &[u8],
    salt: &[u8; SALT_LEN],
    params: KdfParams,
) -> Result<Zeroizing<[u8; KEY_LEN]>> {
    let params = Params::new(params.memory_kib, params.iterations, params.parallelism, Some(KEY_LEN))
        .map_err(|_| VaultError::Damaged { detail: "impossible key-derivation parameters" })?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    argon
        .hash_password_into(secret, salt, key.as_mut())
        .map_err(|_| VaultError::Damaged { detail: "impossible key-derivation parameters" })?;
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derivation_is_deterministic_and_depends_on_the_secret() {
        let salt = [7u8; SALT_LEN];
        let a = derive_wrapping_key(b"correct horse", &salt, KdfParams::INSECURE_FAST).unwrap();
        let b = derive_wrapping_key(b"correct horse", &salt, KdfParams::INSECURE_FAST).unwrap();
        let c = derive_wrapping_key(b"correct horsf", &salt, KdfParams::INSECURE_FAST).unwrap();
        assert_eq!(*a, *b);
        assert_ne!(*a, *c);
    }

    #[test]
    fn absurd_parameters_from_a_file_are_refused() {
        let huge = KdfParams { memory_kib: u32::MAX, iterations: 3, parallelism: 1 };
        assert!(matches!(huge.check_readable(), Err(VaultError::Damaged { .. })));
        let zero = KdfParams { memory_kib: 64, iterations: 0, parallelism: 1 };
        assert!(matches!(zero.check_readable(), Err(VaultError::Damaged { .. })));
        assert!(KdfParams::DEFAULT.check_readable().is_ok());
    }
}
