//! Version numbers and the lifecycle of a policy version.

/// A version number such as 1.0, 1.1 or 2.0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VersionNumber {
    /// Major part: a substantial change.
    pub major: u32,
    /// Minor part: a small change.
    pub minor: u32,
}

impl VersionNumber {
    /// The first version of a policy.
    pub const FIRST: VersionNumber = VersionNumber { major: 1, minor: 0 };

    /// The number after this one.
    pub fn next(self, change: VersionChange) -> VersionNumber {
        match change {
            VersionChange::Minor => VersionNumber { major: self.major, minor: self.minor + 1 },
            VersionChange::Major => VersionNumber { major: self.major + 1, minor: 0 },
        }
    }
}

impl std::fmt::Display for VersionNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// How big a change a new version is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VersionChange {
    /// 1.1 → 1.2.
    Minor,
    /// 1.2 → 2.0.
    Major,
}

/// Where a version is in its lifecycle: draft → in review → approved → published → superseded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VersionStatus {
    /// Being written; the only state in which its text can change.
    Draft,
    /// Frozen and waiting for the approvers' sign-off.
    InReview,
    /// Signed off by every approver role; waiting to be published.
    Approved,
    /// The version staff read and acknowledge.
    Published,
    /// Replaced by a later published version; kept and readable for ever.
    Superseded,
}

impl VersionStatus {
    /// The stable name stored in the vault and used on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            VersionStatus::Draft => "draft",
            VersionStatus::InReview => "in_review",
            VersionStatus::Approved => "approved",
            VersionStatus::Published => "published",
            VersionStatus::Superseded => "superseded",
        }
    }

    /// The status's name for people.
    pub fn label(self) -> &'static str {
        match self {
            VersionStatus::Draft => "Draft",
            VersionStatus::InReview => "In review",
            VersionStatus::Approved => "Approved",
            VersionStatus::Published => "Published",
            VersionStatus::Superseded => "Superseded",
        }
    }

    /// Parses a stored name.
    pub fn parse(name: &str) -> Option<VersionStatus> {
        [
            VersionStatus::Draft,
            VersionStatus::InReview,
            VersionStatus::Approved,
            VersionStatus::Published,
            VersionStatus::Superseded,
        ]
        .into_iter()
        .find(|s| s.as_str() == name)
    }

    /// Whether the version is still on its way to publication.
    pub fn is_pending(self) -> bool {
        matches!(self, VersionStatus::Draft | VersionStatus::InReview | VersionStatus::Approved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_count_up_by_minor_and_major_changes() {
        let first = VersionNumber::FIRST;
        assert_eq!(first.to_string(), "1.0");
        assert_eq!(first.next(VersionChange::Minor).to_string(), "1.1");
        assert_eq!(first.next(VersionChange::Minor).next(VersionChange::Major).to_string(), "2.0");
        assert!(VersionNumber { major: 1, minor: 10 } > VersionNumber { major: 1, minor: 9 });
    }

    #[test]
    fn statuses_round_trip_through_their_stored_names() {
        for s in ["draft", "in_review", "approved", "published", "superseded"] {
            assert_eq!(VersionStatus::parse(s).unwrap().as_str(), s);
        }
        assert_eq!(VersionStatus::parse("deleted"), None);
    }
}
