//! The catalogue of policy types a GP practice is expected to hold, which starts a practice's
//! policy register. It is data (`assets/catalogue/policy-types.json`), compiled in.

use serde::Deserialize;

use crate::role::Role;

const CATALOGUE_JSON: &str = include_str!("../../../../../assets/catalogue/policy-types.json");

/// One expected policy type.
#[derive(Clone, Debug, Deserialize)]
pub(crate) struct PolicyType {
    /// Stable key, kept on the register entry it starts.
    pub key: String,
    /// Suggested title.
    pub title: String,
    /// Roles whose sign-off approves a version (every one of them).
    pub approvers: Vec<String>,
    /// Months between reviews.
    pub review_months: u32,
    /// DSPT evidence items the policy supports.
    pub dspt_items: Vec<String>,
    /// Roles who must read it; everyone when absent.
    #[serde(default)]
    pub audience: Vec<String>,
    /// What the policy is for, in a sentence.
    #[serde(default)]
    pub purpose: String,
}

#[derive(Deserialize)]
struct Catalogue {
    policy_types: Vec<PolicyType>,
}

/// The catalogue's policy types, in register order.
pub(crate) fn policy_types() -> Vec<PolicyType> {
    serde_json::from_str::<Catalogue>(CATALOGUE_JSON).map(|c| c.policy_types).unwrap_or_default()
}

/// Parses stored role names, skipping unknown ones.
pub(crate) fn roles(names: &[String]) -> Vec<Role> {
    names.iter().filter_map(|n| Role::parse(n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_parses_with_known_roles_and_sensible_cadences() {
        let types = policy_types();
        assert_eq!(types.len(), 20);
        for t in &types {
            assert_eq!(roles(&t.approvers).len(), t.approvers.len(), "{}: unknown approver role", t.key);
            assert!(roles(&t.approvers).iter().all(|r| matches!(r, Role::Siro | Role::CaldicottGuardian)));
            assert_eq!(roles(&t.audience).len(), t.audience.len(), "{}: unknown audience role", t.key);
            assert!([12, 24, 36].contains(&t.review_months), "{}", t.key);
            assert!(!t.dspt_items.is_empty());
        }
        let confidentiality = types.iter().find(|t| t.key == "confidentiality").unwrap();
        assert_eq!(roles(&confidentiality.approvers), [Role::CaldicottGuardian, Role::Siro]);
        let mut titles: Vec<&str> = types.iter().map(|t| t.title.as_str()).collect();
        titles.sort_unstable();
        titles.dedup();
        assert_eq!(titles.len(), 20, "titles are unique");
    }
}
