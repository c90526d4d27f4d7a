//! Forward-only, numbered schema migrations, run inside the sealed database each time it opens.
//!
//! Each migration's SQL lives beside the code of the tables it creates; this list only orders them.

use custodian_vault::Vault;
use custodian_vault::rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use crate::error::{CoreError, Result};
use crate::{attachment, audit, byod, device, disposal, incident, person, policy, practice, settings, signing};

/// Every migration, oldest first. Never edit or remove one that has shipped; add a new one.
fn migrations() -> Migrations<'static> {
    const V1: &[&str] =
        &[practice::SCHEMA_V1, person::SCHEMA_V1, settings::SCHEMA_V1, audit::SCHEMA_V1, signing::SCHEMA_V1];
    static V1_SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| V1.concat());
    static V4_SQL: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| [attachment::SCHEMA_V4, disposal::store::SCHEMA_V4].concat());
    Migrations::new(vec![
        M::up(&V1_SQL),
        M::up_with_hook(policy::store::SCHEMA_V2, start_policy_register),
        M::up(device::store::SCHEMA_V3),
        M::up(&V4_SQL),
        M::up(byod::checklist::SCHEMA_V5),
        M::up(incident::store::SCHEMA_V6),
        M::up(incident::store::SCHEMA_V7),
    ])
}

/// Migration 2's data step: a vault made before policies existed gets the catalogue's register,
/// owned by its first practice manager. A vault being created is started in `create_practice`.
fn start_policy_register(tx: &custodian_vault::rusqlite::Transaction<'_>) -> rusqlite_migration::HookResult {
    let practice_exists: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM practice)", [], |r| r.get(0))?;
    if practice_exists {
        let owner: Option<i64> =
            tx.query_row("SELECT min(person_id) FROM person_role WHERE role = 'practice_manager'", [], |r| r.get(0))?;
        let now = time::OffsetDateTime::now_utc();
        policy::register::seed_from_catalogue(tx, owner, now)
            .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))?;
    }
    Ok(())
}

/// The schema version this build creates and understands.
pub fn latest_version() -> usize {
    7
}

/// Brings an opened vault's schema up to date, saving only if something changed.
pub(crate) fn migrate(vault: &mut Vault) -> Result<()> {
    vault.migrate(to_latest)
}

/// Creates the schema in the empty database of a vault being created.
pub(crate) fn migrate_new(conn: &mut Connection) -> Result<()> {
    to_latest(conn).map(drop)
}

/// Runs every migration not yet applied; reports whether any ran.
fn to_latest(conn: &mut Connection) -> Result<bool> {
    let before: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if before > latest_version() as i64 {
        return Err(CoreError::NewerSchema);
    }
    migrations().to_latest(conn).map_err(|e| CoreError::Migration(e.to_string()))?;
    let after: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    Ok(after != before)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid_and_end_at_the_latest_version() {
        migrations().validate().unwrap();
        let mut conn = Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(version as usize, latest_version());
    }
}
