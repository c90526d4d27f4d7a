//! The printed recovery key: 160 random bits plus a 40-bit check, written as ten groups of four
//! RFC 4648 base32 characters, e.g. `ABCD-EFGH-…-WXYZ`.

use data_encoding::BASE32_NOPAD;
use rand_core::{CryptoRng, RngCore};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::error::{Result, VaultError};

/// Number of secret bytes in a recovery key.
pub const RECOVERY_SECRET_LEN: usize = 20;
const CHECK_LEN: usize = 5;
const GROUP_LEN: usize = 4;
const ENCODED_LEN: usize = (RECOVERY_SECRET_LEN + CHECK_LEN) * 8 / 5;

/// A recovery key. Its secret is zeroized on drop and never printed by `Debug`.
pub struct RecoveryKey {
    secret: Zeroizing<[u8; RECOVERY_SECRET_LEN]>,
}

impl RecoveryKey {
    /// Draws a new recovery key from a cryptographic random source.
    pub fn generate(rng: &mut (impl RngCore + CryptoRng)) -> RecoveryKey {
        let mut secret = Zeroizing::new([0u8; RECOVERY_SECRET_LEN]);
        rng.fill_bytes(secret.as_mut());
        RecoveryKey { secret }
    }

    /// Parses a key as a person typed it: case, spaces and hyphens do not matter.
    pub fn parse(typed: &str) -> Result<RecoveryKey> {
        let compact: Zeroizing<String> = Zeroizing::new(
            typed.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_uppercase()).collect(),
        );
        if compact.len() != ENCODED_LEN {
            return Err(VaultError::MalformedRecoveryKey { reason: "it should be ten groups of four characters" });
        }
        let bytes = Zeroizing::new(BASE32_NOPAD.decode(compact.as_bytes()).map_err(|_| {
            VaultError::MalformedRecoveryKey { reason: "it uses only the letters A–Z and digits 2–7" }
        })?);
        let (secret_bytes, check) = bytes.split_at(RECOVERY_SECRET_LEN);
        let mut secret = Zeroizing::new([0u8; RECOVERY_SECRET_LEN]);
        secret.copy_from_slice(secret_bytes);
        if check != &checksum(&secret)[..] {
            return Err(VaultError::MalformedRecoveryKey { reason: "a character is wrong; check each group again" });
        }
        Ok(RecoveryKey { secret })
    }

    /// The key in its printed form: ten groups of four characters joined by hyphens.
    pub fn display(&self) -> Zeroizing<String> {
        let mut bytes = Zeroizing::new(Vec::with_capacity(RECOVERY_SECRET_LEN + CHECK_LEN));
        bytes.extend_from_slice(self.secret.as_ref());
        bytes.extend_from_slice(&checksum(&self.secret));
        let encoded = Zeroizing::new(BASE32_NOPAD.encode(&bytes));
        let groups: Vec<&str> =
            encoded.as_bytes().chunks(GROUP_LEN).map(|g| std::str::from_utf8(g).unwrap_or_default()).collect();
        Zeroizing::new(groups.join("-"))
    }

    /// Whether `typed` matches the last group of the printed key (case and spaces ignored); used
    /// to confirm that a person has written the key down.
    pub fn last_group_matches(&self, typed: &str) -> bool {
        let shown = self.display();
        let last = shown.rsplit('-').next().unwrap_or_default();
        let typed: String = typed.trim().to_ascii_uppercase();
        !typed.is_empty() && typed == last
    }

    pub(crate) fn secret(&self) -> &[u8] {
        self.secret.as_ref()
    }
}

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKey(<redacted>)")
    }
}

fn checksum(secret: &[u8; RECOVERY_SECRET_LEN]) -> [u8; CHECK_LEN] {
    let digest = Sha256::digest(secret);
    let mut check = [0u8; CHECK_LEN];
    check.copy_from_slice(&digest[..CHECK_LEN]);
    check
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_core::OsRng;

    #[test]
    fn printed_key_parses_back_to_the_same_secret() {
        let key = RecoveryKey::generate(&mut OsRng);
        let shown = key.display();
        assert_eq!(shown.len(), 10 * 4 + 9);
        assert_eq!(shown.split('-').count(), 10);
        let again = RecoveryKey::parse(&shown.to_lowercase().replace('-', " ")).unwrap();
        assert_eq!(again.secret(), key.secret());
    }

    #[test]
    fn a_single_mistyped_character_is_caught_by_the_check_group() {
        let key = RecoveryKey::generate(&mut OsRng);
        let mut shown: Vec<char> = key.display().chars().collect();
        shown[0] = if shown[0] == 'A' { 'B' } else { 'A' };
        let typed: String = shown.into_iter().collect();
        assert!(matches!(RecoveryKey::parse(&typed), Err(VaultError::MalformedRecoveryKey { .. })));
    }

    #[test]
    fn wrong_length_and_foreign_characters_are_refused() {
        assert!(matches!(RecoveryKey::parse("ABCD-EFGH"), Err(VaultError::MalformedRecoveryKey { .. })));
        let zeros = "0000-0000-0000-0000-0000-0000-0000-0000-0000-0000";
        assert!(matches!(RecoveryKey::parse(zeros), Err(VaultError::MalformedRecoveryKey { .. })));
    }

    #[test]
    fn last_group_confirmation_ignores_case_but_not_content() {
        let key = RecoveryKey::generate(&mut OsRng);
        let shown = key.display();
        let last = shown.rsplit('-').next().unwrap().to_string();
        assert!(key.last_group_matches(&last.to_lowercase()));
        assert!(!key.last_group_matches(""));
        assert!(!key.last_group_matches(&shown[..4]) || shown[..4] == last);
    }

    #[test]
    fn debug_output_never_contains_the_key() {
        let key = RecoveryKey::generate(&mut OsRng);
        let shown = key.display();
        assert!(!format!("{key:?}").contains(&shown[..4]));
    }
}
