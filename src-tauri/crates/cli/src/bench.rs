//! `custodian bench`: unlock, open and save costs and vault size on demo practices of growing
//! size. Run it from a release build: `cargo run --release -p custodian-cli -- bench`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::Args;
use custodian_core::secrecy::SecretString;
use custodian_core::{CoreError, KdfParams, PackScope, demo, sign_in};
use rand_core::OsRng;
use time::OffsetDateTime;

/// Options of `custodian bench`.
#[derive(Args)]
pub(crate) struct BenchArgs {
    /// Demo sizes to measure, as multiples of the 60-person demo practice.
    #[arg(long, value_delimiter = ',', default_value = "1,5")]
    scales: Vec<u16>,
    /// How many small saves to time at each size.
    #[arg(long, default_value_t = 200)]
    saves: usize,
    /// Where to make the demo vaults (default: a temporary folder, removed afterwards).
    #[arg(long)]
    folder: Option<PathBuf>,
}

struct Figures {
    scale: u16,
    people: usize,
    audit_entries: u64,
    size_bytes: u64,
    kdf: Duration,
    sign_in: Duration,
    reload: Duration,
    save_p50: Duration,
    save_p95: Duration,
    pack: Duration,
    pack_bytes: usize,
    annual_pack: Duration,
    annual_pack_bytes: usize,
    register: Duration,
    matrix: Duration,
    matrix_cells: usize,
}

/// Runs the benchmark and prints a Markdown table.
pub(crate) fn run(args: BenchArgs) -> Result<(), CoreError> {
    let temp = tempfile::tempdir().map_err(|e| CoreError::Refused(format!("no temporary folder: {e}")))?;
    let folder = args.folder.clone().unwrap_or_else(|| temp.path().to_owned());
    let kdf =
        median((0..5).map(|_| timed(|| KdfParams::DEFAULT.derive_once()).map(|(_, d)| d)).collect::<Result<_, _>>()?);
    let mut rows = Vec::new();
    for &scale in &args.scales {
        eprintln!("measuring the demo practice at {scale}× …");
        rows.push(measure(&folder, scale, args.saves.max(1), kdf)?);
    }
    println!(
        "| demo size | people | audit entries | vault size | unlock (Argon2id) | open without it | sign-in in all | save p50 | save p95 | signed pack, 10 years | annual DSPT pack | policy register | acknowledgement matrix |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for f in rows {
        println!(
            "| {}× | {} | {} | {:.1} MB | {} | {} | {} | {} | {} | {} ({:.0} KB) | {} ({:.0} KB) | {} | {} ({} cells) |",
            f.scale,
            f.people,
            f.audit_entries,
            f.size_bytes as f64 / 1_000_000.0,
            ms(f.kdf),
            ms(f.reload),
            ms(f.sign_in),
            ms(f.save_p50),
            ms(f.save_p95),
            ms(f.pack),
            f.pack_bytes as f64 / 1000.0,
            ms(f.annual_pack),
            f.annual_pack_bytes as f64 / 1000.0,
            ms(f.register),
            ms(f.matrix),
            f.matrix_cells
        );
    }
    let first_vault = folder.join(format!("bench-demo-{}x.custodian", args.scales.first().copied().unwrap_or(1)));
    let (dashboard, evidence_map) = measure_screens(&first_vault)?;
    println!();
    println!("| screen on the demo practice | load |");
    println!("|---|---|");
    println!("| dashboard (practice manager) | {} |", ms(dashboard));
    println!("| DSPT evidence map (one DSPT year) | {} |", ms(evidence_map));
    let (count, load, search) = measure_devices(&first_vault)?;
    println!();
    println!("| device register | load | search (\"dell\") |");
    println!("|---|---|---|");
    println!("| {count} devices | {} | {} |", ms(load), ms(search));
    let (pages, bytes, import) = measure_import()?;
    println!();
    println!("| policy document import | size | read, cleaned, normalised and hashed |");
    println!("|---|---|---|");
    println!("| {pages} pages of plain text | {:.0} KB | {} |", bytes as f64 / 1000.0, ms(import));
    Ok(())
}

/// Times the dashboard and the DSPT evidence map as their screens load them (median of ten).
fn measure_screens(path: &std::path::Path) -> Result<(Duration, Duration), CoreError> {
    let now = OffsetDateTime::now_utc();
    let password = SecretString::from(demo::DEMO_PASSWORD.to_owned());
    let session = sign_in(path, demo::DEMO_LOGIN, &password, now)?;
    let dashboards = (0..10).map(|_| timed(|| session.dashboard(now)).map(|(_, d)| d)).collect::<Result<_, _>>()?;
    let (from, to) = custodian_core::dspt_year_containing(now.date());
    let maps = (0..10)
        .map(|_| timed(|| session.dspt_evidence_map(from, to, now)).map(|(_, d)| d))
        .collect::<Result<_, _>>()?;
    Ok((median(dashboards), median(maps)))
}

/// Fills the demo's register up to 2,000 devices (by CSV import), then times loading the register
/// and searching it as the Devices screen does.
fn measure_devices(path: &std::path::Path) -> Result<(usize, Duration, Duration), CoreError> {
    let now = OffsetDateTime::now_utc();
    let password = SecretString::from(demo::DEMO_PASSWORD.to_owned());
    let mut session = sign_in(path, demo::DEMO_LOGIN, &password, now)?;
    let have = session.devices(now)?.len();
    let mut csv = String::from("asset_tag,type,ownership,make,model,serial,encrypted,location\n");
    for n in have..2000 {
        let make = ["Dell", "HP", "Lenovo", "Apple"][n % 4];
        csv.push_str(&format!("BENCH-{n:05},laptop,practice,{make},Model {n},SER{n:07},yes,Room {}\n", n % 12));
    }
    session.import_devices(csv.as_bytes(), now)?;
    let loads: Vec<Duration> =
        (0..10).map(|_| timed(|| session.devices(now)).map(|(_, d)| d)).collect::<Result<_, _>>()?;
    let devices = session.devices(now)?;
    let searches: Vec<Duration> = (0..10)
        .map(|_| {
            let start = Instant::now();
            let needle = "dell";
            let found = devices
                .iter()
                .filter(|d| {
                    let f = &d.fields;
                    [&f.asset_tag, &f.make, &f.model, &f.serial, &f.location]
                        .iter()
                        .any(|field| field.to_lowercase().contains(needle))
                        || d.holder.as_ref().is_some_and(|h| h.full_name.to_lowercase().contains(needle))
                })
                .count();
            std::hint::black_box(found);
            start.elapsed()
        })
        .collect();
    Ok((devices.len(), median(loads), median(searches)))
}

/// Imports a synthetic 100-page policy (numbered sections, paragraphs, bullets, Word debris).
fn measure_import() -> Result<(usize, usize, Duration), CoreError> {
    let pages = 100;
    let mut text = String::new();
    for section in 1..=pages {
        text.push_str(&format!("{section}.\tSECTION {section}\n"));
        for clause in 1..=6 {
            text.push_str(&format!(
                "[bookmark: _Toc{section}{clause}]{section}.{clause}\tClause heading.  The Practice will make sure that \
                 information is handled lawfully, kept secure and shared only when it may be, and that staff know \
                 what to do when something goes wrong; this applies to paper and electronic records alike.\n"
            ));
        }
        for bullet in 1..=4 {
            text.push_str(&format!("·\tA point that staff must follow, number {bullet};\n"));
        }
    }
    let imports: Vec<Duration> = (0..5)
        .map(|_| timed(|| custodian_core::preview_policy_document("large-policy.txt", text.as_bytes())).map(|(_, d)| d))
        .collect::<Result<_, _>>()?;
    Ok((pages, text.len(), median(imports)))
}

fn measure(folder: &std::path::Path, scale: u16, saves: usize, kdf: Duration) -> Result<Figures, CoreError> {
    let path = folder.join(format!("bench-demo-{scale}x.custodian"));
    let _ = std::fs::remove_file(&path);
    let _ = std::fs::remove_dir_all(folder.join("backups"));
    let now = OffsetDateTime::now_utc();
    drop(demo::create_demo(&path, usize::from(scale), now, &mut OsRng)?);
    let password = SecretString::from(demo::DEMO_PASSWORD.to_owned());
    let sign_ins: Vec<Duration> = (0..3)
        .map(|_| timed(|| sign_in(&path, demo::DEMO_LOGIN, &password, now)).map(|(_, d)| d))
        .collect::<Result<_, _>>()?;
    let mut session = sign_in(&path, demo::DEMO_LOGIN, &password, now)?;
    let audit_entries = session.verify_audit_chain()?.entries;
    let size_bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    // Opening without the key derivation: another copy saves, this one reloads the whole vault.
    let mut reader = sign_in(&path, demo::DEMO_LOGIN, &password, now)?;
    let mut reloads = Vec::new();
    for i in 0..20 {
        session.set_idle_lock_minutes(7 + (i % 2), now)?;
        let (changed, took) = timed(|| reader.refresh())?;
        debug_assert!(changed);
        reloads.push(took);
    }
    let mut times = Vec::with_capacity(saves);
    for i in 0..saves {
        let minutes = 5 + (i % 2) as u32;
        times.push(timed(|| session.set_idle_lock_minutes(minutes, now))?.1);
    }
    times.sort();
    // The whole-practice pack over the demo's ten years, laid out and signed.
    let from = (now - time::Duration::days(11 * 365)).date().to_string();
    let to = now.date().to_string();
    let mut packs = Vec::new();
    let mut pack_bytes = 0;
    for _ in 0..3 {
        let (pack, took) = timed(|| session.create_pack(PackScope::WholePractice, &from, &to, now, &mut OsRng))?;
        pack_bytes = pack.pdf.len();
        packs.push(took);
    }
    // The annual pack over the last DSPT year, as the SIRO signs it off (their password is
    // checked again with Argon2id as part of the sign-off).
    let mut siro = sign_in(&path, "demo.siro", &password, now)?;
    let (year_from, year_to) = custodian_core::dspt_year_containing(now.date() - time::Duration::days(365));
    let (year_from, year_to) = (year_from.to_string(), year_to.to_string());
    let mut annual_packs = Vec::new();
    let mut annual_pack_bytes = 0;
    for _ in 0..3 {
        let (pack, took) = timed(|| siro.create_annual_pack(&year_from, &year_to, &password, true, now, &mut OsRng))?;
        annual_pack_bytes = pack.pdf.len();
        annual_packs.push(took);
    }
    drop(siro);
    session.refresh()?;
    // The policy register screen and the acknowledgement matrix with its chase list.
    let registers: Vec<Duration> =
        (0..10).map(|_| timed(|| session.policies(now)).map(|(_, d)| d)).collect::<Result<_, _>>()?;
    let mut matrix_cells = 0;
    let mut matrices = Vec::new();
    for _ in 0..10 {
        let (cells, took) = timed(|| {
            let matrix = session.acknowledgement_matrix(now)?;
            let _ = matrix.chase_list();
            Ok::<_, CoreError>(matrix.people.len() * matrix.policies.len())
        })?;
        matrix_cells = cells;
        matrices.push(took);
    }
    Ok(Figures {
        register: median(registers),
        matrix: median(matrices),
        matrix_cells,
        scale,
        people: session.people(now)?.len(),
        audit_entries,
        size_bytes,
        kdf,
        sign_in: median(sign_ins),
        reload: median(reloads),
        save_p50: times[times.len() / 2],
        save_p95: times[(times.len() * 95 / 100).min(times.len() - 1)],
        pack: median(packs),
        pack_bytes,
        annual_pack: median(annual_packs),
        annual_pack_bytes,
    })
}

fn timed<T, E>(f: impl FnOnce() -> Result<T, E>) -> Result<(T, Duration), E> {
    let start = Instant::now();
    let value = f()?;
    Ok((value, start.elapsed()))
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}
