//! Policies: the practice's register of policies, their versions and the lifecycle
//! draft → in review → approved (signed off) → published → superseded.
//!
//! A version's text is normalised by `custodian-document` and hashed (SHA-256 of the normalised
//! Markdown). Once a version leaves draft its text never changes (the database refuses, too); a
//! change is a new version. Approval is a password-confirmed sign-off naming the exact hash by a
//! holder of each of the policy's approver roles; "reviewed, no change" is a signed review of the
//! current version that moves the next review date.

pub(crate) mod catalogue;
pub(crate) mod evidence;
pub(crate) mod register;
pub(crate) mod store;
mod version;

pub use custodian_document::Block as PolicyBlock;
pub use register::{DocumentPreview, PolicyForm, PolicySource, preview_policy_document};
pub use version::{VersionChange, VersionNumber, VersionStatus};

use time::{Date, Duration};

use crate::role::Role;

/// A person named on a record, as they are called now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRef {
    /// Row id.
    pub id: i64,
    /// Full name.
    pub full_name: String,
}

/// One version of a policy (without its text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyVersion {
    /// Row id.
    pub id: i64,
    /// The policy it belongs to.
    pub policy_id: i64,
    /// 1.0, 1.1, 2.0…
    pub number: VersionNumber,
    /// Where it is in its lifecycle.
    pub status: VersionStatus,
    /// SHA-256 (hex) of the normalised text.
    pub content_hash: String,
    /// Where the text came from ("Word document (.docx) IS-policy.docx", "written in Custodian").
    pub source: String,
    /// What changed from the version before.
    pub change_summary: String,
    /// Who wrote or imported it.
    pub author: PersonRef,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// When it was sent for review.
    pub submitted_at: Option<String>,
    /// When the last approver signed.
    pub approved_at: Option<String>,
    /// When it was published.
    pub published_at: Option<String>,
    /// When a later version replaced it.
    pub superseded_at: Option<String>,
}

impl PolicyVersion {
    /// The day it was published, if it was.
    pub fn published_on(&self) -> Option<Date> {
        self.published_at.as_deref().and_then(day_of)
    }
}

/// An entry in the policy register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    /// Row id.
    pub id: i64,
    /// The catalogue type it was started from, if any.
    pub catalogue_key: Option<String>,
    /// Title, unique in the practice.
    pub title: String,
    /// Who keeps it current.
    pub owner: Option<PersonRef>,
    /// Roles that must each sign off a version (Caldicott Guardian, SIRO, or both).
    pub approvers: Vec<Role>,
    /// Months between reviews.
    pub review_months: u32,
    /// Roles who must read it; empty means everyone.
    pub audience: Vec<Role>,
    /// DSPT evidence items it supports.
    pub dspt_items: Vec<String>,
    /// When it is next due for review (set when a version is published or reviewed).
    pub next_review: Option<Date>,
    /// The published version staff acknowledge.
    pub current: Option<PolicyVersion>,
    /// A version on its way to publication (draft, in review or approved).
    pub pending: Option<PolicyVersion>,
}

/// How a register entry stands on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PolicyStanding {
    /// No version has been published: a gap in the practice's policies.
    NoPublishedVersion,
    /// The review date has passed.
    ReviewOverdue {
        /// The date it was due.
        due: Date,
    },
    /// The review falls due within [`REVIEW_DUE_SOON_DAYS`].
    ReviewDueSoon {
        /// The date it is due.
        due: Date,
    },
    /// Published and within its review date.
    Current {
        /// The next review date.
        next_review: Date,
    },
}

/// How many days ahead a review counts as due soon.
pub const REVIEW_DUE_SOON_DAYS: i64 = 30;

impl Policy {
    /// How the entry stands on `today`.
    pub fn standing(&self, today: Date) -> PolicyStanding {
        match (&self.current, self.next_review) {
            (None, _) => PolicyStanding::NoPublishedVersion,
            (Some(_), Some(due)) if due < today => PolicyStanding::ReviewOverdue { due },
            (Some(_), Some(due)) if due <= today + Duration::days(REVIEW_DUE_SOON_DAYS) => {
                PolicyStanding::ReviewDueSoon { due }
            }
            (Some(_), Some(next_review)) => PolicyStanding::Current { next_review },
            (Some(_), None) => PolicyStanding::ReviewOverdue { due: today },
        }
    }

    /// Whether a person holding `roles` must read and acknowledge it.
    pub fn applies_to(&self, roles: &[Role]) -> bool {
        self.audience.is_empty() || self.audience.iter().any(|r| roles.contains(r))
    }
}

/// What a sign-off attests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignOffKind {
    /// Approval of a version for publication.
    Approval,
    /// A review that found the current version needs no change.
    ReviewedNoChange,
}

impl SignOffKind {
    /// The stable name stored in the vault and used on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            SignOffKind::Approval => "approval",
            SignOffKind::ReviewedNoChange => "review_no_change",
        }
    }
}

/// A recorded, password-confirmed sign-off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignOff {
    /// Row id.
    pub id: i64,
    /// The policy.
    pub policy_id: i64,
    /// The version signed.
    pub version_id: i64,
    /// Its number.
    pub version: VersionNumber,
    /// Approval or review.
    pub kind: SignOffKind,
    /// Who signed.
    pub signer: PersonRef,
    /// The approver roles the signature was given in.
    pub roles: Vec<Role>,
    /// The exact text signed (SHA-256, hex).
    pub content_hash: String,
    /// The statement the signer confirmed.
    pub statement: String,
    /// When (RFC 3339).
    pub signed_at: String,
    /// For a review: the next review date it set.
    pub next_review: Option<Date>,
    /// Set when the version went back to draft before it was approved by everyone.
    pub withdrawn_at: Option<String>,
}

/// A policy with all its versions and sign-offs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyHistory {
    /// The register entry.
    pub policy: Policy,
    /// Every version, newest first.
    pub versions: Vec<PolicyVersion>,
    /// Every sign-off, oldest first.
    pub sign_offs: Vec<SignOff>,
}

/// The text of one version, ready to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyText {
    /// The policy's title.
    pub title: String,
    /// The version.
    pub version: PolicyVersion,
    /// Its text as headings, paragraphs and lists.
    pub blocks: Vec<PolicyBlock>,
    /// The normalised text itself (Markdown), as hashed.
    pub markdown: String,
}

/// The day part of a stored RFC 3339 time.
pub(crate) fn day_of(rfc3339: &str) -> Option<Date> {
    crate::person::parse_date(rfc3339.get(..10)?, "date").ok()
}

/// `date` plus `months` calendar months, on the same day of the month or the month's last day.
pub(crate) fn add_months(date: Date, months: u32) -> Date {
    let total = date.year() * 12 + i32::from(u8::from(date.month())) - 1 + months as i32;
    let (year, month) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
    let month = time::Month::try_from(month).unwrap_or(time::Month::December);
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn adding_months_keeps_the_day_or_clamps_to_the_month_end() {
        assert_eq!(add_months(date!(2025 - 01 - 31), 1), date!(2025 - 02 - 28));
        assert_eq!(add_months(date!(2024 - 02 - 29), 12), date!(2025 - 02 - 28));
        assert_eq!(add_months(date!(2025 - 11 - 15), 12), date!(2026 - 11 - 15));
        assert_eq!(add_months(date!(2025 - 11 - 15), 36), date!(2028 - 11 - 15));
        assert_eq!(add_months(date!(2025 - 12 - 01), 1), date!(2026 - 01 - 01));
    }
}
