//! `custodian disposals list`: the disposal log from a terminal.

use custodian_core::{CoreError, sign_in};
use time::OffsetDateTime;

use crate::CheckArgs;
use crate::secret_input::read_password;

/// One line per disposal, newest first.
pub(crate) fn list(who: CheckArgs) -> Result<(), CoreError> {
    let password = read_password()?;
    let now = OffsetDateTime::now_utc();
    let session = sign_in(&who.vault, &who.login, &password, now)?;
    for d in session.disposals(now)? {
        let what = match (&d.device, d.containers) {
            (Some((_, tag)), _) => tag.clone(),
            (None, n) => {
                format!("confidential waste ({} containers, {})", n.unwrap_or_default(), d.consignment_reference)
            }
        };
        let certificate = d
            .certificate
            .as_ref()
            .map(|c| format!("certificate {} SHA-256 {}", d.certificate_number, c.sha256))
            .unwrap_or_else(|| "no certificate".into());
        let checked =
            d.checked_by.map(|c| format!("checked by {}", c.full_name)).unwrap_or_else(|| "not checked".into());
        println!("{}\t{what}\t{}\t{}\t{certificate}\t{checked}", d.disposed_on, d.method.label(), d.performed_by);
    }
    Ok(())
}
