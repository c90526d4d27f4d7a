//! Roles a person holds, and what each role permits. Checked in core for every operation.

/// A role in the practice (PRODUCT.md, "People and roles"). A person may hold several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Practice manager: everything, including people, settings and backups.
    PracticeManager,
    /// IG lead / Data Protection Lead: drafts policies, keeps registers, records incidents.
    IgLead,
    /// Caldicott Guardian: approves reviews and incidents involving patient information.
    CaldicottGuardian,
    /// Senior Information Risk Owner: approves policies, accepts risks, signs off packs.
    Siro,
    /// Data Protection Officer: is notified; read access.
    Dpo,
    /// Everyone: reads and acknowledges policies, reports incidents, sees their own records.
    Staff,
}

impl Role {
    /// Every role, in display order.
    pub const ALL: [Role; 6] =
        [Role::PracticeManager, Role::IgLead, Role::CaldicottGuardian, Role::Siro, Role::Dpo, Role::Staff];

    /// The stable name stored in the vault and used on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::PracticeManager => "practice_manager",
            Role::IgLead => "ig_lead",
            Role::CaldicottGuardian => "caldicott_guardian",
            Role::Siro => "siro",
            Role::Dpo => "dpo",
            Role::Staff => "staff",
        }
    }

    /// The role's name for people.
    pub fn label(self) -> &'static str {
        match self {
            Role::PracticeManager => "Practice manager",
            Role::IgLead => "IG lead",
            Role::CaldicottGuardian => "Caldicott Guardian",
            Role::Siro => "SIRO",
            Role::Dpo => "DPO",
            Role::Staff => "Staff",
        }
    }

    /// Parses a stored name.
    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

/// Something a person may or may not do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Permission {
    /// Add people, change their details and roles, mark leavers, reset passwords.
    ManagePeople,
    /// See the staff register (everyone may see their own record).
    ViewPeople,
    /// Read the audit trail.
    ViewAuditLog,
    /// Change practice settings (idle lock, backups).
    ChangeSettings,
    /// Replace the recovery key; restore backups.
    ManageVault,
    /// Make signed evidence packs.
    GeneratePacks,
    /// Keep the policy register: add and change policies, draft, send for review, publish,
    /// record acknowledgements on someone's behalf.
    ManagePolicies,
    /// See everyone's acknowledgements: the matrix and the chase list.
    ViewCompliance,
    /// Keep the device register: add, change, allocate, return, import.
    ManageDevices,
    /// See the whole device register (everyone may see the devices they hold).
    ViewDevices,
    /// Manage incidents: grade them, keep their log, record reports (everyone may record one).
    ManageIncidents,
    /// See every incident, to advise on it and sign its closure (everyone sees those they reported).
    ViewIncidents,
}

impl Permission {
    /// What the permission allows, for a refusal message ("… may manage people").
    pub fn describe(self) -> &'static str {
        match self {
            Permission::ManagePeople => "manage people",
            Permission::ViewPeople => "see the staff register",
            Permission::ViewAuditLog => "read the audit trail",
            Permission::ChangeSettings => "change practice settings",
            Permission::ManageVault => "manage the vault's keys and backups",
            Permission::GeneratePacks => "make evidence packs",
            Permission::ManagePolicies => "keep the policy register",
            Permission::ViewCompliance => "see everyone's policy acknowledgements",
            Permission::ManageDevices => "keep the device register",
            Permission::ViewDevices => "see the device register",
            Permission::ManageIncidents => "manage incidents",
            Permission::ViewIncidents => "see every incident",
        }
    }

    /// The roles that grant it.
    pub fn granted_by(self) -> &'static [Role] {
        match self {
            Permission::ManagePeople | Permission::ChangeSettings | Permission::ManageVault => &[Role::PracticeManager],
            Permission::ViewPeople => {
                &[Role::PracticeManager, Role::IgLead, Role::CaldicottGuardian, Role::Siro, Role::Dpo]
            }
            Permission::ViewAuditLog => &[Role::PracticeManager, Role::IgLead, Role::Siro, Role::Dpo],
            Permission::GeneratePacks
            | Permission::ViewCompliance
            | Permission::ViewDevices
            | Permission::ViewIncidents => {
                &[Role::PracticeManager, Role::IgLead, Role::CaldicottGuardian, Role::Siro, Role::Dpo]
            }
            Permission::ManagePolicies | Permission::ManageDevices | Permission::ManageIncidents => {
                &[Role::PracticeManager, Role::IgLead]
            }
        }
    }
}

/// Whether someone holding `roles` has `permission`.
pub fn permits(roles: &[Role], permission: Permission) -> bool {
    permission.granted_by().iter().any(|granting| roles.contains(granting))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_stored_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("admin"), None);
    }

    #[test]
    fn only_practice_managers_manage_people_and_staff_see_no_register() {
        assert!(permits(&[Role::Staff, Role::PracticeManager], Permission::ManagePeople));
        assert!(!permits(&[Role::Siro, Role::CaldicottGuardian, Role::IgLead, Role::Dpo], Permission::ManagePeople));
        assert!(!permits(&[Role::Staff], Permission::ViewPeople));
        assert!(permits(&[Role::Dpo], Permission::ViewPeople));
        assert!(permits(&[Role::Dpo], Permission::ViewAuditLog));
        assert!(!permits(&[Role::CaldicottGuardian], Permission::ViewAuditLog));
    }
}
