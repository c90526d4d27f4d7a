//! The signed-in person's own account, and the vault-wide keys and settings a practice manager
//! looks after: passwords, the recovery key, backups, the audit trail.

use custodian_vault::secrecy::SecretString;
use custodian_vault::{KdfParams, RecoveryKey, SlotChange, VaultError};
use rand_core::{CryptoRng, RngCore};
use time::OffsetDateTime;

use crate::audit::{self, AuditFilter, AuditPage, ChainReport, NewAuditEntry};
use crate::error::{CoreError, Field, Result};
use crate::person;
use crate::role::Permission;
use crate::session::{Session, apply_backup_settings};
use crate::settings::{self, BackupSettings};
use crate::{password, practice};

impl Session {
    /// Whether the person signed in with a one-time password and must choose their own.
    pub fn must_change_password(&self) -> Result<bool> {
        Ok(self.own_record()?.must_change_password)
    }

    /// Replaces a one-time password with the person's own choice (first sign-in, or after a reset).
    pub fn choose_own_password(
        &mut self,
        new_password: &SecretString,
        kdf: KdfParams,
        now: OffsetDateTime,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<()> {
        if !self.must_change_password()? {
            return Err(CoreError::Refused("Use Change password, which asks for your current password".into()));
        }
        self.store_own_password(new_password, kdf, now, rng, "chose their own password")
    }

    /// Changes the person's password after checking the current one.
    pub fn change_password(
        &mut self,
        current: &SecretString,
        new_password: &SecretString,
        kdf: KdfParams,
        now: OffsetDateTime,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<()> {
        self.require_full_session("change their password")?;
        self.confirm_password(current)?;
        self.store_own_password(new_password, kdf, now, rng, "changed their password")
    }

    /// Checks a signature: the signer's password again, and that they confirmed the statement.
    pub(crate) fn confirm_signature(&self, password: &SecretString, statement_confirmed: bool) -> Result<()> {
        self.confirm_password(password)?;
        if !statement_confirmed {
            return Err(CoreError::invalid(Field::Statement, "Confirm the statement to sign it"));
        }
        Ok(())
    }

    /// Checks the signed-in person's password again (before signing or key changes).
    pub fn confirm_password(&self, password: &SecretString) -> Result<()> {
        match self.vault.check_password(self.person.login.as_str(), password) {
            Err(VaultError::WrongPassword) => {
                Err(CoreError::invalid(Field::CurrentPassword, "That is not your current password"))
            }
            other => Ok(other?),
        }
    }

    fn store_own_password(
        &mut self,
        new_password: &SecretString,
        kdf: KdfParams,
        now: OffsetDateTime,
        rng: &mut (impl RngCore + CryptoRng),
        what: &str,
    ) -> Result<()> {
        let practice = practice::load(self.vault.connection())?;
        let context = [self.person.full_name.as_str(), self.person.login.as_str(), practice.name.as_str()];
        password::require_strong(new_password, &context)?;
        let login = self.person.login.as_str().to_owned();
        let id = self.person.id;
        let slot = [SlotChange::SetPassword { login: &login, password: new_password, kdf }];
        self.vault.write_with_slots(&slot, rng, |tx| {
            person::set_must_change_password(tx, id, false)?;
            let entry = NewAuditEntry {
                actor_login: &login,
                action: "person.change_password",
                record_type: "person",
                record_id: id.to_string(),
                summary: what.to_owned(),
            };
            audit::append(tx, now, &entry)
        })?;
        Ok(())
    }

    /// Replaces the recovery key (the old one stops working). Practice managers only, after
    /// their password. The new key is returned once.
    pub fn regenerate_recovery_key(
        &mut self,
        current: &SecretString,
        kdf: KdfParams,
        now: OffsetDateTime,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<RecoveryKey> {
        self.require(Permission::ManageVault, now)?;
        self.confirm_password(current)?;
        let actor = self.person.login.as_str().to_owned();
        let (_, key) = self.vault.write_with_slots(&[SlotChange::RegenerateRecoveryKey { kdf }], rng, |tx| {
            let entry = NewAuditEntry {
                actor_login: &actor,
                action: "vault.regenerate_recovery_key",
                record_type: "vault",
                record_id: "recovery_key".into(),
                summary: "replaced the recovery key; the old one no longer opens the vault".into(),
            };
            audit::append(tx, now, &entry)
        })?;
        key.ok_or(CoreError::Incomplete("new recovery key"))
    }

    /// Where backups go and how many are kept. Practice managers only.
    pub fn backup_settings(&self, now: OffsetDateTime) -> Result<BackupSettings> {
        self.require(Permission::ChangeSettings, now)?;
        settings::backup_settings(self.vault.connection())
    }

    /// The folder backups go to (the practice's choice, else `backups` beside the vault). Front
    /// ends remember it so that a damaged vault's backups can be found without opening it.
    pub fn backup_folder(&self) -> Result<std::path::PathBuf> {
        let chosen = settings::backup_settings(self.vault.connection())?;
        Ok(crate::backups::backup_folder(self.vault.path(), chosen.folder.as_deref()))
    }

    /// Changes the backup folder (`None` or empty: beside the vault) and how many are kept.
    pub fn set_backup_settings(
        &mut self,
        folder: Option<&str>,
        kept: u32,
        now: OffsetDateTime,
    ) -> Result<BackupSettings> {
        self.require(Permission::ChangeSettings, now)?;
        let chosen = settings::check_backup_settings(folder, kept)?;
        let actor = self.person.login.as_str().to_owned();
        let shown =
            chosen.folder.as_ref().map(|f| f.display().to_string()).unwrap_or_else(|| "beside the vault".into());
        self.vault.write(|tx| {
            settings::set_backup_settings(tx, &chosen)?;
            let entry = NewAuditEntry {
                actor_login: &actor,
                action: "setting.change",
                record_type: "setting",
                record_id: "backups".into(),
                summary: format!("backups: keep {} in {shown}", chosen.kept),
            };
            audit::append(tx, now, &entry)
        })?;
        apply_backup_settings(&mut self.vault)?;
        Ok(chosen)
    }

    /// A page of the audit trail, newest first. IG leads, SIROs, DPOs and practice managers.
    pub fn audit_log(
        &self,
        filter: &AuditFilter,
        before_seq: Option<i64>,
        limit: u32,
        now: OffsetDateTime,
    ) -> Result<AuditPage> {
        self.require(Permission::ViewAuditLog, now)?;
        audit::list(self.vault.connection(), filter, before_seq, limit)
    }

    /// Recomputes every link of the audit chain.
    pub fn verify_audit_chain(&self) -> Result<ChainReport> {
        audit::verify(self.vault.connection())
    }
}
