//! The demo practice: an invented practice to explore Custodian with, never real data.

use std::path::Path;

use custodian_vault::secrecy::SecretString;
use custodian_vault::{KdfParams, RecoveryKey};
use rand_core::{CryptoRng, RngCore};
use time::OffsetDateTime;

use crate::error::Result;
use crate::session::{NewPractice, Session, create_practice};

/// The demo practice's name; "(demo)" keeps it from being mistaken for a real practice.
pub const DEMO_PRACTICE_NAME: &str = "Riverside Surgery (demo)";
/// The demo practice's ODS code (not a real one).
pub const DEMO_ODS_CODE: &str = "DEMO01";
/// The demo practice manager's login, documented in the README.
pub const DEMO_LOGIN: &str = "demo.manager";
/// The demo practice manager's password, documented in the README. Demo vaults only.
pub const DEMO_PASSWORD: &str = "heron lantern quarry 42";
/// The demo practice manager's name.
pub const DEMO_FULL_NAME: &str = "Alex Morgan";

/// Creates the demo practice at `path` and signs its manager in.
pub fn create_demo(
    path: &Path,
    kdf: KdfParams,
    now: OffsetDateTime,
    rng: &mut (impl RngCore + CryptoRng),
) -> Result<(Session, RecoveryKey)> {
    let password = SecretString::from(DEMO_PASSWORD.to_owned());
    let new = NewPractice {
        practice_name: DEMO_PRACTICE_NAME,
        ods_code: DEMO_ODS_CODE,
        full_name: DEMO_FULL_NAME,
        login: DEMO_LOGIN,
        password: &password,
    };
    create_practice(path, &new, kdf, now, rng)
}
