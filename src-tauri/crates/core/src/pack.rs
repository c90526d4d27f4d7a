//! Evidence packs: a signed PDF of the practice's records for a scope and a period, for the
//! DSPT, the CQC and auditors. Each area contributes sections; this module assembles the cover,
//! the contents, the sections, the attachments list and the audit-chain head, then signs it.

use custodian_pdf::{Block, Column, Document, Metadata, SignatureDetails, Table, render, sign_pdf};
use rand_core::{CryptoRng, RngCore};
use sha2::{Digest, Sha256};
use time::{Date, OffsetDateTime};

use crate::audit::{self, AuditEntry, AuditFilter, NewAuditEntry};
use crate::error::{CoreError, Field, Result};
use crate::person::{self, PersonRecord};
use crate::practice;
use crate::role::Permission;
use crate::session::Session;

/// What a pack covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackScope {
    /// Everything the practice records, for a period such as a DSPT year.
    WholePractice,
    /// The staff register and roles.
    People,
    /// The audit trail.
    AuditTrail,
    /// The policy register: versions, approvals and reviews.
    Policies,
    /// Staff read-and-understood acknowledgements against the practice's bar.
    Acknowledgements,
    /// The device register and who held what, and the disposal log.
    Devices,
    /// BYOD checks in the period.
    Byod,
    /// One BYOD check in full (its row id).
    ByodCheck(i64),
    /// Incidents the practice became aware of in the period, their reports and closure reviews.
    Incidents,
    /// The annual pack: everything, with the DSPT evidence map and the SIRO's sign-off page.
    /// Made only through [`Session::create_annual_pack`].
    DsptYear,
}

const ALL_SCOPES: [PackScope; 9] = [
    PackScope::DsptYear,
    PackScope::WholePractice,
    PackScope::Policies,
    PackScope::Acknowledgements,
    PackScope::Devices,
    PackScope::Byod,
    PackScope::Incidents,
    PackScope::People,
    PackScope::AuditTrail,
];

impl PackScope {
    /// The scope's name for people.
    pub fn label(self) -> &'static str {
        match self {
            PackScope::WholePractice => "Whole practice",
            PackScope::People => "People and roles",
            PackScope::AuditTrail => "Audit trail",
            PackScope::Policies => "Policy register",
            PackScope::Acknowledgements => "Staff acknowledgements",
            PackScope::Devices => "Device register",
            PackScope::Byod | PackScope::ByodCheck(_) => "BYOD checks",
            PackScope::Incidents => "Incidents",
            PackScope::DsptYear => "Whole practice, DSPT year",
        }
    }

    /// The stable name used in file names and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            PackScope::WholePractice => "all",
            PackScope::People => "people",
            PackScope::AuditTrail => "audit",
            PackScope::Policies => "policies",
            PackScope::Acknowledgements => "acknowledgements",
            PackScope::Devices => "devices",
            PackScope::Byod => "byod",
            PackScope::ByodCheck(_) => "byod-check",
            PackScope::Incidents => "incidents",
            PackScope::DsptYear => "dspt-year",
        }
    }

    /// Parses a stable name.
    pub fn parse(name: &str) -> Option<PackScope> {
        ALL_SCOPES.into_iter().find(|s| s.as_str() == name)
    }
}

/// A signed evidence pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pack {
    /// The signed PDF.
    pub pdf: Vec<u8>,
    /// A file name for it, e.g. `riverside-surgery-evidence-all-2025-04-01-to-2026-03-31.pdf`.
    pub file_name: String,
    /// SHA-256 of the PDF (hex), as recorded in the audit trail.
    pub sha256: String,
}

impl Session {
    /// Builds and signs an evidence pack for `scope` over `from..=to` (days as `YYYY-MM-DD`).
    /// Recorded in the audit trail with the pack's SHA-256.
    pub fn create_pack(
        &mut self,
        scope: PackScope,
        from: &str,
        to: &str,
        now: OffsetDateTime,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<Pack> {
        if scope == PackScope::DsptYear {
            return Err(CoreError::Refused(
                "The DSPT-year pack is signed off by the SIRO before it is made: make it from the SIRO's sign-in"
                    .into(),
            ));
        }
        let (from, to) = parse_period(from, to)?;
        self.build_pack(scope, from, to, Vec::new(), now, rng)
    }

    /// Builds, signs and records a pack over `from..=to`, with `sign_off` blocks after the contents.
    pub(crate) fn build_pack(
        &mut self,
        scope: PackScope,
        from: Date,
        to: Date,
        sign_off: Vec<Block>,
        now: OffsetDateTime,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<Pack> {
        let me = self.require(Permission::GeneratePacks, now)?;
        let identity = self.signing_identity(now, rng)?;
        let conn = self.vault.connection();
        let practice = practice::load(conn)?;
        let chain = audit::verify(conn)?;
        let people = person::all(conn)?;
        let entries = audit_entries_between(conn, from, to)?;

        let title = format!("{} — evidence pack", practice.name.as_str());
        let period = format!("{from} to {to}");
        let mut blocks = vec![
            Block::Heading { level: 1, text: title.clone() },
            Block::KeyValues(vec![
                ("Practice".into(), practice.name.as_str().into()),
                ("ODS code".into(), practice.ods_code.as_str().into()),
                ("Scope".into(), scope.label().into()),
                ("Period".into(), period.clone()),
                ("Generated by".into(), format!("{} ({})", me.full_name, me.login)),
                ("Generated at".into(), format!("{} UTC", minute_text(&crate::time_text(now)))),
                ("Signing certificate".into(), identity.subject()),
                ("Certificate SHA-256".into(), identity.fingerprint_sha256()),
                ("Audit-chain head".into(), chain_head_text(&chain)),
            ]),
            Block::Heading { level: 3, text: "How to verify this pack".into() },
            Block::Paragraph(
                "This PDF carries a digital signature made with the practice's signing key. Any change to the file \
                 after it was signed makes the signature invalid. To check it, open the file in Adobe Acrobat Reader \
                 and look at the signature panel, or run `pdfsig` (from poppler) or `pyhanko sign validate` on it, or \
                 `custodian pack verify` on it. Then compare the certificate's SHA-256 fingerprint with the one above \
                 and with the one the practice shows in Custodian under Settings. The certificate is the practice's \
                 own (self-signed), so a reader will say its issuer is unknown: that is expected."
                    .into(),
            ),
            Block::Contents,
        ];
        blocks.extend(sign_off);
        let everything = matches!(scope, PackScope::WholePractice | PackScope::DsptYear);
        if everything {
            let records = crate::dspt::Records::load(conn, now)?;
            blocks.extend(crate::dspt::evidence::section(&crate::dspt::build_map(&records, from, to, now.date())));
        }
        let includes = |wanted: PackScope| everything || scope == wanted;
        let mut attachments: Vec<Vec<String>> = Vec::new();
        if includes(PackScope::Policies) || includes(PackScope::Acknowledgements) {
            let register = crate::policy::register::register(conn)?;
            let versions = crate::policy::store::all_versions(conn)?;
            if includes(PackScope::Policies) {
                let sign_offs = crate::policy::store::sign_offs(conn, None)?;
                blocks.extend(crate::policy::evidence::section(&register, &versions, &sign_offs, now.date(), from, to));
            }
            if includes(PackScope::Acknowledgements) {
                let acknowledgements = crate::acknowledgement::store::all(conn)?;
                let bar = crate::settings::compliance_bar_percent(conn)?;
                let matrix =
                    crate::AcknowledgementMatrix::compute(&people, &register, &acknowledgements, now.date(), bar);
                blocks.extend(crate::acknowledgement::evidence::section(
                    &matrix,
                    &acknowledgements,
                    &people,
                    &versions,
                    &register,
                    from,
                    to,
                ));
            }
        }
        if includes(PackScope::Devices) {
            let devices = crate::device::store::all(conn)?;
            let allocations = crate::device::store::allocations(conn, None)?;
            blocks.extend(crate::device::evidence::section(&devices, &allocations, now.date(), from, to));
            let disposals = crate::disposal::store::all(conn)?;
            blocks.extend(crate::disposal::evidence::section(&disposals, from, to));
            attachments.extend(disposals.iter().filter(|d| d.disposed_on >= from && d.disposed_on <= to).filter_map(
                |d| {
                    let c = d.certificate.as_ref()?;
                    let what =
                        d.device.as_ref().map(|(_, tag)| tag.clone()).unwrap_or_else(|| "confidential waste".into());
                    Some(vec![
                        c.file_name.clone(),
                        format!("certificate of destruction, {what}, {}", d.disposed_on),
                        c.size.to_string(),
                        c.sha256.clone(),
                    ])
                },
            ));
        }
        if includes(PackScope::Byod) {
            blocks.extend(crate::byod::evidence::section(&crate::byod::store::all(conn)?, from, to));
        }
        if includes(PackScope::Incidents) {
            blocks.extend(crate::incident::evidence::section(&crate::incident::store::all(conn)?, from, to, now));
        }
        if let PackScope::ByodCheck(id) = scope {
            let check = crate::byod::store::by_id(conn, id)?;
            attachments.extend(check.items.iter().filter_map(|i| {
                let e = i.evidence.as_ref()?;
                Some(vec![
                    e.file_name.clone(),
                    format!("evidence for \"{}\"", i.text),
                    e.size.to_string(),
                    e.sha256.clone(),
                ])
            }));
            blocks.extend(crate::byod::evidence::one(&check));
        }
        if everything || scope == PackScope::People {
            blocks.extend(people_section(&people, from, to));
        }
        if everything || scope == PackScope::AuditTrail {
            blocks.extend(audit_section(&entries, from, to));
        }
        blocks.extend(attachments_section(&attachments));
        blocks.extend(integrity_section(&chain));

        let document = Document {
            metadata: Metadata {
                title: title.clone(),
                author: format!("{} — {}", me.full_name, practice.name.as_str()),
                subject: format!("{} evidence, {period}", scope.label()),
                created: now,
            },
            running_header: title,
            running_footer: format!(
                "{} ({}) · {} · {period}",
                practice.name.as_str(),
                practice.ods_code.as_str(),
                scope.label()
            ),
            blocks,
        };
        let unsigned =
            render(&document).map_err(|e| CoreError::Refused(format!("the pack could not be laid out: {e}")))?;
        let details = SignatureDetails {
            signer_name: practice.name.as_str().to_owned(),
            reason: format!("{} evidence pack, {period}", scope.label()),
            location: format!("ODS {}", practice.ods_code.as_str()),
            signing_time: now,
        };
        let pdf = sign_pdf(&unsigned, &identity, &details)
            .map_err(|e| CoreError::Refused(format!("the pack could not be signed: {e}")))?;
        let sha256: String = Sha256::digest(&pdf).iter().map(|b| format!("{b:02x}")).collect();
        let scope_name = match scope {
            PackScope::ByodCheck(id) => format!("byod-check-{id}"),
            other => other.as_str().to_owned(),
        };
        let file_name = format!(
            "{}-evidence-{scope_name}-{from}-to-{to}.pdf",
            crate::vault_file_name(practice.name.as_str()).trim_end_matches(".custodian"),
        );
        let actor = me.login.clone();
        let summary = format!("made the {} evidence pack for {period}, SHA-256 {sha256}", scope.label().to_lowercase());
        self.vault.write(|tx| {
            let entry = NewAuditEntry {
                actor_login: &actor,
                action: "pack.create",
                record_type: "pack",
                record_id: file_name.clone(),
                summary,
            };
            audit::append(tx, now, &entry)
        })?;
        Ok(Pack { pdf, file_name, sha256 })
    }
}

/// Parses a pack's period, `YYYY-MM-DD` to `YYYY-MM-DD`, refusing an end before the start.
pub fn parse_period(from: &str, to: &str) -> Result<(Date, Date)> {
    let mut problems = crate::validate::Problems::default();
    let from = problems.check(Field::PeriodFrom, person::parse_date(from, "start of the period"));
    let to = problems.check(Field::PeriodTo, person::parse_date(to, "end of the period"));
    if let (Some(from), Some(to)) = (from, to)
        && to < from
    {
        problems.check::<()>(Field::PeriodTo, Err("The end of the period cannot be before its start".into()));
    }
    problems.finish()?;
    let (Some(from), Some(to)) = (from, to) else { unreachable!("checked above") };
    Ok((from, to))
}

/// "2026-11-25T09:26:24.7Z" → "2026-11-25 09:26": stored times shown to the minute.
fn minute_text(rfc3339: &str) -> String {
    rfc3339.get(..16).unwrap_or(rfc3339).replace('T', " ")
}

fn chain_head_text(chain: &audit::ChainReport) -> String {
    match (&chain.head, chain.first_broken) {
        (Some(head), None) => format!("{} entries, intact; head {head}", chain.entries),
        (Some(head), Some(seq)) => format!("{} entries, BROKEN at entry {seq}; head {head}", chain.entries),
        (None, _) => "no entries".into(),
    }
}

fn audit_entries_between(
    conn: &custodian_vault::rusqlite::Connection,
    from: Date,
    to: Date,
) -> Result<Vec<AuditEntry>> {
    let filter = AuditFilter { from: Some(from), to: Some(to), ..Default::default() };
    let mut entries = Vec::new();
    let mut before = None;
    loop {
        let page = audit::list(conn, &filter, before, 500)?;
        entries.extend(page.entries);
        match page.next_before_seq {
            Some(next) => before = Some(next),
            None => break,
        }
    }
    entries.reverse();
    Ok(entries)
}

fn people_section(people: &[PersonRecord], from: Date, to: Date) -> Vec<Block> {
    let in_period: Vec<&PersonRecord> =
        people.iter().filter(|p| p.start_date <= to && p.leaving_date.is_none_or(|last| last >= from)).collect();
    let rows = in_period
        .iter()
        .map(|p| {
            vec![
                p.full_name.clone(),
                p.login.clone(),
                p.job_title.clone(),
                p.roles.iter().map(|r| r.label()).collect::<Vec<_>>().join(", "),
                p.start_date.to_string(),
                p.leaving_date.map(|d| d.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    vec![
        Block::Heading { level: 1, text: "People and roles".into() },
        Block::Paragraph(format!(
            "Everyone who worked at the practice at any time in the period ({} people), with the roles they hold \
             in Custodian. Roles decide who may approve, sign off and manage records.",
            in_period.len()
        )),
        Block::Table(Table {
            columns: vec![
                Column::new("Name", 2.6),
                Column::new("Login", 2.5),
                Column::new("Job title", 2.6),
                Column::new("Roles", 2.8),
                Column::new("First day", 2.0),
                Column::new("Last day", 2.0),
            ],
            rows,
        }),
    ]
}

fn audit_section(entries: &[AuditEntry], from: Date, to: Date) -> Vec<Block> {
    let rows = entries
        .iter()
        .map(|e| {
            vec![e.seq.to_string(), minute_text(&e.at), e.actor_login.clone(), e.action.clone(), e.summary.clone()]
        })
        .collect();
    vec![
        Block::Heading { level: 1, text: "Audit trail".into() },
        Block::Paragraph(format!(
            "Every change recorded in Custodian from {from} to {to} ({} entries), oldest first. Times are UTC. \
             Each entry is hash-chained to the one before it; the chain's state is given at the end of this pack.",
            entries.len()
        )),
        Block::Table(Table {
            columns: vec![
                Column::new("No.", 0.8),
                Column::new("When (UTC)", 2.9),
                Column::new("Who", 2.4),
                Column::new("What", 3.9),
                Column::new("Details", 4.1),
            ],
            rows,
        }),
    ]
}

/// Evidence files the pack's records refer to: name, what it is, size and SHA-256. The files
/// themselves stay in the vault; the hash lets anyone check a copy they are given.
fn attachments_section(rows: &[Vec<String>]) -> Vec<Block> {
    let mut blocks = vec![Block::Heading { level: 1, text: "Attachments".into() }];
    if rows.is_empty() {
        blocks.push(Block::Paragraph(
            "No attachments are recorded for this scope and period, so this pack lists none.".into(),
        ));
        return blocks;
    }
    blocks.push(Block::Paragraph(format!(
        "The {} evidence files the records above refer to. They are kept encrypted in the practice's vault; a copy \
         given to you is the same file exactly when its SHA-256 matches.",
        rows.len()
    )));
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new("File", 2.6),
            Column::new("What it is", 3.4),
            Column::new("Bytes", 1.2),
            Column::new("SHA-256", 4.6),
        ],
        rows: rows.to_vec(),
    }));
    blocks
}

fn integrity_section(chain: &audit::ChainReport) -> Vec<Block> {
    vec![
        Block::Heading { level: 1, text: "Integrity".into() },
        Block::KeyValues(vec![
            ("Audit entries".into(), chain.entries.to_string()),
            (
                "Chain".into(),
                if chain.is_intact() {
                    "intact: every entry links to the one before it".into()
                } else {
                    format!("broken at entry {}", chain.first_broken.unwrap_or_default())
                },
            ),
            ("Head hash (SHA-256)".into(), chain.head.clone().unwrap_or_else(|| "none".into())),
        ]),
    ]
}

/// What a pack's signature says, checked without the vault (anyone can check a pack).
pub use custodian_pdf::Verification as PackVerification;

/// Checks a pack's signature: intact, covering the whole file, and by whom.
pub fn verify_pack(pdf: &[u8]) -> Result<PackVerification> {
    custodian_pdf::verify_pdf(pdf)
        .map_err(|e| CoreError::Refused(format!("this file is not a signed Custodian pack: {e}")))
}
