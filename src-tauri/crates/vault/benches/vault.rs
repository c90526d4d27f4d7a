//! Costs of the vault's basic operations: key derivation at the default parameters, and open and
//! save of a sealed database of growing size. `cargo bench -p custodian-vault`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use custodian_vault::secrecy::SecretString;
use custodian_vault::{KdfParams, Unlock, Vault, VaultError};
use rand_core::OsRng;

fn password() -> SecretString {
    SecretString::from("a benchmark pass phrase".to_owned())
}

/// One unlock at the default Argon2id parameters: what a person waits for at sign-in.
fn unlock_at_default_cost(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kdf.custodian");
    drop(
        Vault::create(&path, "anna", &password(), KdfParams::DEFAULT, &mut OsRng, |_| Ok::<_, VaultError>(())).unwrap(),
    );
    let mut group = c.benchmark_group("unlock");
    group.sample_size(10);
    group.bench_function("default_argon2id_256MiB_t3", |b| {
        b.iter(|| black_box(Vault::open(&path, Unlock::Password { login: "anna", password: &password() }).unwrap()))
    });
    group.finish();
}

/// A vault whose database holds about `megabytes` MB of rows, with a cheap KDF so only the
/// sealing and file work is measured.
fn vault_of_size(dir: &std::path::Path, megabytes: usize) -> std::path::PathBuf {
    let path = dir.join(format!("{megabytes}mb.custodian"));
    let (mut vault, _) =
        Vault::create(&path, "anna", &password(), KdfParams::INSECURE_FAST, &mut OsRng, |_| Ok::<_, VaultError>(()))
            .unwrap();
    vault
        .write(|tx| {
            tx.execute_batch("CREATE TABLE filler(id INTEGER PRIMARY KEY, text TEXT NOT NULL)")?;
            let mut insert = tx.prepare("INSERT INTO filler(text) VALUES (?1)")?;
            for i in 0..megabytes * 1024 {
                insert.execute([format!("{i:>1000}")])?;
            }
            Ok::<_, VaultError>(())
        })
        .unwrap();
    path
}

fn open_and_save_by_size(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("vault");
    group.sample_size(20);
    for megabytes in [1, 10] {
        let path = vault_of_size(dir.path(), megabytes);
        group.bench_with_input(BenchmarkId::new("open", format!("{megabytes}MB")), &path, |b, path| {
            b.iter(|| black_box(Vault::open(path, Unlock::Password { login: "anna", password: &password() }).unwrap()))
        });
        let mut vault = Vault::open(&path, Unlock::Password { login: "anna", password: &password() }).unwrap();
        group.bench_function(BenchmarkId::new("save_one_row", format!("{megabytes}MB")), |b| {
            b.iter(|| {
                vault
                    .write(|tx| {
                        tx.execute("UPDATE filler SET text = 'changed' WHERE id = 1", []).map_err(VaultError::from)
                    })
                    .unwrap()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, unlock_at_default_cost, open_and_save_by_size);
criterion_main!(benches);
