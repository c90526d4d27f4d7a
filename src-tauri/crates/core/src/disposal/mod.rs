//! The disposal log: devices and media disposed of (or wiped for re-use), with the method, who
//! did it, the certificate of destruction (kept encrypted in the vault) and a signed check by the
//! IG lead or SIRO; and confidential-waste collections.

pub(crate) mod evidence;
pub(crate) mod store;

use custodian_vault::secrecy::SecretString;
use time::{Date, OffsetDateTime};

use crate::attachment::{self, AttachmentInfo};
use crate::audit::{self, NewAuditEntry};
use crate::device::{self, DeviceStatus};
use crate::error::{CoreError, Field, Result};
use crate::person::{self, PersonStatus, parse_date};
use crate::policy::PersonRef;
use crate::role::{Permission, Role};
use crate::session::Session;
use crate::validate::Problems;

/// How something was disposed of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisposalMethod {
    /// Wiped and kept for re-use (after a re-use assessment).
    WipeAndReuse,
    /// Cryptographically erased.
    CryptoErase,
    /// Physically destroyed (shredded, crushed, degaussed).
    PhysicalDestruction,
    /// Returned to the supplier.
    ReturnToSupplier,
    /// Paper shredded (confidential waste).
    Shredding,
}

impl DisposalMethod {
    /// Every method.
    pub const ALL: [DisposalMethod; 5] = [
        DisposalMethod::WipeAndReuse,
        DisposalMethod::CryptoErase,
        DisposalMethod::PhysicalDestruction,
        DisposalMethod::ReturnToSupplier,
        DisposalMethod::Shredding,
    ];

    /// The methods a device or medium may be disposed of by, in the order offered.
    pub const FOR_DEVICES: [DisposalMethod; 4] = [
        DisposalMethod::WipeAndReuse,
        DisposalMethod::CryptoErase,
        DisposalMethod::PhysicalDestruction,
        DisposalMethod::ReturnToSupplier,
    ];

    /// The methods a confidential-waste collection may record: the paper is shredded.
    pub const FOR_WASTE: [DisposalMethod; 1] = [DisposalMethod::Shredding];

    /// The stable name stored and used on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            DisposalMethod::WipeAndReuse => "wipe_and_reuse",
            DisposalMethod::CryptoErase => "crypto_erase",
            DisposalMethod::PhysicalDestruction => "physical_destruction",
            DisposalMethod::ReturnToSupplier => "return_to_supplier",
            DisposalMethod::Shredding => "shredding",
        }
    }

    /// The method's name for people.
    pub fn label(self) -> &'static str {
        match self {
            DisposalMethod::WipeAndReuse => "Wiped and re-used",
            DisposalMethod::CryptoErase => "Crypto-erased",
            DisposalMethod::PhysicalDestruction => "Physically destroyed",
            DisposalMethod::ReturnToSupplier => "Returned to supplier",
            DisposalMethod::Shredding => "Shredded (paper)",
        }
    }

    /// Parses a stored name or label.
    pub fn parse(text: &str) -> Option<DisposalMethod> {
        let text = text.trim();
        Self::ALL.into_iter().find(|m| m.as_str().eq_ignore_ascii_case(text) || m.label().eq_ignore_ascii_case(text))
    }
}

/// A certificate file to attach.
#[derive(Clone, Copy, Debug)]
pub struct CertificateFile<'a> {
    /// Its file name.
    pub name: &'a str,
    /// Its bytes (PDF, PNG or JPEG).
    pub bytes: &'a [u8],
}

/// A disposal as typed into the form. A device disposal names the device; a confidential-waste
/// collection names none and gives the consignment and containers instead.
#[derive(Clone, Debug, Default)]
pub struct DisposalForm<'a> {
    /// The device, or `None` for a confidential-waste collection.
    pub device_id: Option<i64>,
    /// The day (`YYYY-MM-DD`).
    pub disposed_on: &'a str,
    /// Why (end of life, faulty, …).
    pub reason: &'a str,
    /// How (stored name or label).
    pub method: &'a str,
    /// The sanitisation standard followed (e.g. NCSC, HMG IS5, NIST 800-88).
    pub sanitisation_standard: &'a str,
    /// The company or person who did it.
    pub performed_by: &'a str,
    /// The contractor, if any.
    pub contractor: &'a str,
    /// Their contract reference.
    pub contract_reference: &'a str,
    /// The certificate of destruction's number.
    pub certificate_number: &'a str,
    /// The certificate itself.
    pub certificate: Option<CertificateFile<'a>>,
    /// Who witnessed it.
    pub witness: &'a str,
    /// For wipe and re-use: the re-use assessment.
    pub reuse_assessment: &'a str,
    /// For confidential waste: the consignment or waste-transfer note reference.
    pub consignment_reference: &'a str,
    /// For confidential waste: how many bags or containers.
    pub containers: &'a str,
}

/// A recorded disposal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisposalRecord {
    /// Row id.
    pub id: i64,
    /// The device (id and asset tag), or `None` for confidential waste.
    pub device: Option<(i64, String)>,
    /// The day.
    pub disposed_on: Date,
    /// Why.
    pub reason: String,
    /// How.
    pub method: DisposalMethod,
    /// The standard followed.
    pub sanitisation_standard: String,
    /// Who did it.
    pub performed_by: String,
    /// Contractor.
    pub contractor: String,
    /// Contract reference.
    pub contract_reference: String,
    /// Certificate number.
    pub certificate_number: String,
    /// The certificate file, if attached.
    pub certificate: Option<AttachmentInfo>,
    /// Witness.
    pub witness: String,
    /// Re-use assessment.
    pub reuse_assessment: String,
    /// Consignment reference (confidential waste).
    pub consignment_reference: String,
    /// Bags or containers (confidential waste).
    pub containers: Option<u32>,
    /// Who recorded it.
    pub recorded_by: PersonRef,
    /// When (RFC 3339).
    pub recorded_at: String,
    /// Who checked it (IG lead or SIRO), once signed.
    pub checked_by: Option<PersonRef>,
    /// When they signed.
    pub checked_at: Option<String>,
    /// The statement they signed.
    pub check_statement: Option<String>,
}

impl Session {
    /// The disposal log, newest first.
    pub fn disposals(&self, now: OffsetDateTime) -> Result<Vec<DisposalRecord>> {
        self.require(Permission::ViewDevices, now)?;
        store::all(self.vault.connection())
    }

    /// Records a disposal. A device must not be held by anyone; it leaves the active register
    /// (or, wiped for re-use, goes back into store with its re-use assessment).
    pub fn record_disposal(&mut self, form: &DisposalForm<'_>, now: OffsetDateTime) -> Result<DisposalRecord> {
        let me = self.require(Permission::ManageDevices, now)?;
        self.refresh()?;
        let conn = self.vault.connection();
        let mut problems = Problems::default();
        let disposed_on = problems.check(Field::DisposedOn, parse_date(form.disposed_on, "day of the disposal"));
        if disposed_on.is_some_and(|d| d > now.date()) {
            problems.check::<()>(Field::DisposedOn, Err("A disposal cannot be recorded before it happens".into()));
        }
        let method = problems.check(
            Field::DisposalMethod,
            DisposalMethod::parse(form.method).ok_or_else(|| "Choose how it was disposed of".to_owned()),
        );
        let performed_by = crate::validate::single_spaced(form.performed_by);
        if performed_by.is_empty() {
            problems.check::<()>(Field::PerformedBy, Err("Say which company or person did it".into()));
        }
        let device = match form.device_id {
            Some(id) => Some(device::store::by_id(conn, id)?),
            None => None,
        };
        let containers = if device.is_none() {
            let consignment = crate::validate::single_spaced(form.consignment_reference);
            if consignment.is_empty() {
                problems.check::<()>(
                    Field::ConsignmentReference,
                    Err("Give the consignment or waste-transfer note reference".into()),
                );
            }
            problems.check(
                Field::Containers,
                form.containers.trim().parse::<u32>().ok().filter(|n| (1..=1000).contains(n)).map(Some).ok_or_else(
                    || "Say how many bags or containers were collected (a number from 1 to 1,000)".to_owned(),
                ),
            )
        } else {
            Some(None)
        };
        match (&device, method) {
            (Some(_), Some(m)) if !DisposalMethod::FOR_DEVICES.contains(&m) => {
                problems.check::<()>(
                    Field::DisposalMethod,
                    Err(format!("{} is for confidential waste; choose how the device was disposed of", m.label())),
                );
            }
            (None, Some(m)) if !DisposalMethod::FOR_WASTE.contains(&m) => {
                problems.check::<()>(
                    Field::DisposalMethod,
                    Err(format!("{} is for devices; choose how the confidential waste was destroyed", m.label())),
                );
            }
            _ => {}
        }
        if method == Some(DisposalMethod::WipeAndReuse)
            && crate::validate::single_spaced(form.reuse_assessment).is_empty()
        {
            problems
                .check::<()>(Field::ReuseAssessment, Err("Record the re-use assessment before it is re-used".into()));
        }
        if let Some(file) = form.certificate {
            problems.check(
                Field::Attachment,
                attachment::media_type(file.name, file.bytes).map_err(crate::session::first_message),
            );
        }
        problems.finish()?;
        let (Some(disposed_on), Some(method), Some(containers)) = (disposed_on, method, containers) else {
            unreachable!("checked above")
        };
        if let Some(d) = &device {
            if d.fields.status == DeviceStatus::Disposed {
                return Err(CoreError::Refused(format!("{} was already disposed of", d.fields.asset_tag)));
            }
            if let Some(holder) = &d.holder {
                return Err(CoreError::Refused(format!(
                    "{} is still held by {}; record its return first",
                    d.fields.asset_tag, holder.full_name
                )));
            }
        }
        let new = store::NewDisposal {
            device_id: device.as_ref().map(|d| d.id),
            disposed_on,
            reason: crate::validate::single_spaced(form.reason),
            method,
            sanitisation_standard: crate::validate::single_spaced(form.sanitisation_standard),
            performed_by,
            contractor: crate::validate::single_spaced(form.contractor),
            contract_reference: crate::validate::single_spaced(form.contract_reference),
            certificate_number: crate::validate::single_spaced(form.certificate_number),
            witness: crate::validate::single_spaced(form.witness),
            reuse_assessment: form.reuse_assessment.trim().to_owned(),
            consignment_reference: crate::validate::single_spaced(form.consignment_reference),
            containers,
            recorded_by_id: me.id,
        };
        let id = self.vault.write(|tx| {
            let certificate = match form.certificate {
                Some(file) => Some(attachment::store(tx, file.name, file.bytes, me.id, now)?),
                None => None,
            };
            let id = store::insert(tx, &new, certificate.as_ref().map(|c| c.sha256.as_str()), now)?;
            let what = match &device {
                Some(d) => {
                    let next = if method == DisposalMethod::WipeAndReuse {
                        DeviceStatus::InStore
                    } else {
                        DeviceStatus::Disposed
                    };
                    device::store::set_status(tx, d.id, next)?;
                    format!(
                        "{}: {} on {disposed_on} by {}",
                        d.fields.asset_tag,
                        method.label().to_lowercase(),
                        new.performed_by
                    )
                }
                None => format!(
                    "confidential waste: {} containers collected on {disposed_on} by {}, consignment {}",
                    containers.unwrap_or_default(),
                    new.performed_by,
                    new.consignment_reference
                ),
            };
            let certified =
                certificate.map(|c| format!("; certificate {} SHA-256 {}", c.file_name, c.sha256)).unwrap_or_default();
            let entry = NewAuditEntry {
                actor_login: &me.login,
                action: "disposal.add",
                record_type: "disposal",
                record_id: id.to_string(),
                summary: format!("{what}{certified}"),
            };
            audit::append(tx, now, &entry)?;
            Ok::<_, CoreError>(id)
        })?;
        store::by_id(self.vault.connection(), id)
    }

    /// The IG lead or SIRO checks a disposal and signs it with their password.
    pub fn check_disposal(
        &mut self,
        id: i64,
        password: &SecretString,
        confirmed: bool,
        now: OffsetDateTime,
    ) -> Result<DisposalRecord> {
        self.require_full_session("check a disposal")?;
        let me = self.own_record()?;
        self.require_active(&me, now)?;
        if !(me.has(Role::IgLead) || me.has(Role::Siro)) {
            return Err(CoreError::Forbidden { action: "check a disposal", allowed: "IG leads and SIROs" });
        }
        self.refresh()?;
        let disposal = store::by_id(self.vault.connection(), id)?;
        if disposal.checked_by.is_some() {
            return Err(CoreError::Refused("This disposal has already been checked and signed".into()));
        }
        self.confirm_signature(password, confirmed)?;
        let statement = check_statement_of(&me.full_name, &disposal);
        let login = me.login.clone();
        self.vault.write(|tx| {
            store::mark_checked(tx, id, me.id, &statement, now)?;
            let entry = NewAuditEntry {
                actor_login: &login,
                action: "disposal.check",
                record_type: "disposal",
                record_id: id.to_string(),
                summary: statement.clone(),
            };
            audit::append(tx, now, &entry)
        })?;
        store::by_id(self.vault.connection(), id)
    }

    /// The statement the signed-in person would sign to check a disposal.
    /// Refuses as [`Session::check_disposal`] would, before a password is asked for.
    pub fn disposal_check_statement(&self, id: i64, now: OffsetDateTime) -> Result<String> {
        self.require(Permission::ViewDevices, now)?;
        let me = self.own_record()?;
        if !(me.has(Role::IgLead) || me.has(Role::Siro)) {
            return Err(CoreError::Forbidden { action: "check a disposal", allowed: "IG leads and SIROs" });
        }
        let disposal = store::by_id(self.vault.connection(), id)?;
        if disposal.checked_by.is_some() {
            return Err(CoreError::Refused("This disposal has already been checked and signed".into()));
        }
        Ok(check_statement_of(&me.full_name, &disposal))
    }

    /// A disposal's certificate file: its name, media type and bytes.
    pub fn disposal_certificate(&self, id: i64, now: OffsetDateTime) -> Result<(AttachmentInfo, Vec<u8>)> {
        self.require(Permission::ViewDevices, now)?;
        let conn = self.vault.connection();
        let info = store::by_id(conn, id)?.certificate.ok_or(CoreError::NotFound("certificate"))?;
        let bytes = attachment::bytes(conn, &info.sha256)?;
        Ok((info, bytes))
    }

    /// Current people who may check disposals (IG leads and SIROs), for a "waiting for" note.
    pub fn disposal_checkers(&self, now: OffsetDateTime) -> Result<Vec<PersonRef>> {
        self.require(Permission::ViewDevices, now)?;
        Ok(person::all(self.vault.connection())?
            .into_iter()
            .filter(|p| {
                (p.has(Role::IgLead) || p.has(Role::Siro)) && !matches!(p.status(now.date()), PersonStatus::Left(_))
            })
            .map(|p| PersonRef { id: p.id, full_name: p.full_name })
            .collect())
    }
}

fn check_statement_of(name: &str, d: &DisposalRecord) -> String {
    let what = match &d.device {
        Some((_, tag)) => format!("the disposal of {tag} ({})", d.method.label().to_lowercase()),
        None => format!("the confidential-waste collection, consignment {}", d.consignment_reference),
    };
    let certificate = d
        .certificate
        .as_ref()
        .map(|c| format!(", with certificate {} (SHA-256 {})", c.file_name, c.sha256))
        .unwrap_or_else(|| ", with no certificate attached".into());
    format!("I, {name}, have checked {what} on {}{certificate}, and the record is correct.", d.disposed_on)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_method_is_for_devices_or_for_confidential_waste_and_not_both() {
        for method in DisposalMethod::ALL {
            let lists = [DisposalMethod::FOR_DEVICES.contains(&method), DisposalMethod::FOR_WASTE.contains(&method)];
            assert_eq!(lists.iter().filter(|in_list| **in_list).count(), 1, "{method:?}");
            assert_eq!(DisposalMethod::parse(method.as_str()), Some(method));
        }
        assert_eq!(DisposalMethod::FOR_WASTE, [DisposalMethod::Shredding]);
    }
}
