//! The annual "whole practice, DSPT year" pack. The SIRO signs a statement of the pack's
//! contents with their password; the pack is then made with every area's section, the DSPT
//! evidence map and a sign-off page carrying that statement, and signed by the practice's key.

use custodian_pdf::Block;
use custodian_vault::secrecy::SecretString;
use rand_core::{CryptoRng, RngCore};
use time::{Date, OffsetDateTime};

use crate::audit::{self, NewAuditEntry};
use crate::dspt::{self, Records, Standing};
use crate::error::{CoreError, Result};
use crate::pack::{Pack, PackScope, parse_period};
use crate::role::{Permission, Role};
use crate::session::Session;

/// What the SIRO signs: who they are, the period, and a count of every record in the pack.
fn statement(name: &str, practice: &str, records: &Records, from: Date, to: Date) -> String {
    let in_period = |day: Date| day >= from && day <= to;
    let map = dspt::build_map(records, from, to, records.now.date());
    let count = |s: Standing| map.entries.iter().filter(|e| e.standing == s).count();
    let incidents = records.incidents.iter().filter(|i| i.aware_within(from, to)).count();
    format!(
        "I, {name}, as SIRO of {practice}, have reviewed the contents of this evidence pack for {from} to {to}: the \
         register of {} policies, the acknowledgements of {} staff, {} devices, {} BYOD checks, {} disposals and {} \
         incidents in the period, the people and roles, the audit trail, and the DSPT evidence map ({} items look \
         met, {} partly met, {} missing). I sign it off as a true record of the practice's information governance.",
        records.register.len(),
        records.matrix.people_in_scope(),
        records.devices.len(),
        records.byod_checks.iter().filter(|c| in_period(c.checked_on)).count(),
        records.disposals.iter().filter(|d| in_period(d.disposed_on)).count(),
        incidents,
        count(Standing::Met),
        count(Standing::PartlyMet),
        count(Standing::Missing),
    )
}

impl Session {
    fn require_siro(&self, now: OffsetDateTime) -> Result<crate::person::PersonRecord> {
        self.require_full_session("sign off the annual pack")?;
        let me = self.require(Permission::GeneratePacks, now)?;
        if !me.has(Role::Siro) {
            return Err(CoreError::Forbidden { action: "sign off the annual DSPT pack", allowed: "the SIRO" });
        }
        Ok(me)
    }

    /// The statement the SIRO would sign for the annual pack over `from..=to`.
    pub fn annual_pack_statement(&self, from: &str, to: &str, now: OffsetDateTime) -> Result<String> {
        let me = self.require_siro(now)?;
        let (from, to) = parse_period(from, to)?;
        let conn = self.vault.connection();
        let practice = crate::practice::load(conn)?;
        let records = Records::load(conn, now)?;
        Ok(statement(&me.full_name, practice.name.as_str(), &records, from, to))
    }

    /// The SIRO signs the annual pack's contents with their password; the pack is then made and
    /// signed. The sign-off is recorded in the audit trail before the pack.
    pub fn create_annual_pack(
        &mut self,
        from: &str,
        to: &str,
        password: &SecretString,
        confirmed: bool,
        now: OffsetDateTime,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<Pack> {
        let me = self.require_siro(now)?;
        let (from_day, to_day) = parse_period(from, to)?;
        self.confirm_signature(password, confirmed)?;
        let conn = self.vault.connection();
        let practice = crate::practice::load(conn)?;
        let records = Records::load(conn, now)?;
        let signed = statement(&me.full_name, practice.name.as_str(), &records, from_day, to_day);
        let signed_at = crate::time_text(now);
        self.vault.write(|tx| {
            let entry = NewAuditEntry {
                actor_login: me.login.as_str(),
                action: "pack.sign_off",
                record_type: "pack",
                record_id: format!("dspt-year-{from_day}-to-{to_day}"),
                summary: signed.clone(),
            };
            audit::append(tx, now, &entry)
        })?;
        let page = vec![
            Block::Heading { level: 1, text: "SIRO sign-off".into() },
            Block::Paragraph(signed),
            Block::KeyValues(vec![
                ("Signed by".into(), format!("{} ({}), SIRO", me.full_name, me.login)),
                ("Signed at".into(), format!("{} UTC", signed_at.get(..16).unwrap_or(&signed_at).replace('T', " "))),
                (
                    "How".into(),
                    "With their Custodian password, confirming the statement above, before the pack was made. The \
                     sign-off is the audit trail's entry \"pack.sign_off\" at this time."
                        .into(),
                ),
            ]),
            Block::PageBreak,
        ];
        self.build_pack(PackScope::DsptYear, from_day, to_day, page, now, rng)
    }
}
