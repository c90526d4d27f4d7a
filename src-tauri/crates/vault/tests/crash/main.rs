//! Crash safety: a writer killed at any moment never loses a save it reported as done and never
//! leaves a vault that fails to open.
//!
//! The test runs its own binary again as the writer: with `CUSTODIAN_CRASH_CHILD=<vault path>`
//! set, [`writer_child_saves_the_next_number_until_it_is_killed`] opens the vault and saves one
//! row per [`Vault::write`], counting up, printing `saved <n>` only after `write` has returned.
//! The parent kills it with SIGKILL (`Child::kill`) a random 0–40 ms after it has opened the
//! vault, then opens the vault itself and checks that it holds exactly the rows `1..=max`, with
//! every acknowledged one among them and at most the one save that was in flight besides.
//!
//! Rounds repeat until `CUSTODIAN_CRASH_SAVES` saves (default 200, to keep CI short) have been
//! acknowledged and at least [`MIN_ROUNDS`] writers have been killed. A longer run:
//! `CUSTODIAN_CRASH_SAVES=1000 cargo test -p custodian-vault --test crash`.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use custodian_vault::secrecy::SecretString;
use custodian_vault::{KdfParams, Unlock, Vault, VaultError};
use rand_core::{OsRng, RngCore};

#[path = "../support/child_output.rs"]
mod child_output;
use child_output::{lines_of, text_of};

/// Set in the child's environment to the vault it must write to; absent in a normal test run.
const CHILD_ENV: &str = "CUSTODIAN_CRASH_CHILD";
/// The name of the test that is the writer when [`CHILD_ENV`] is set.
const CHILD_TEST: &str = "writer_child_saves_the_next_number_until_it_is_killed";
/// How many acknowledged saves to reach, unless `CUSTODIAN_CRASH_SAVES` says otherwise.
const DEFAULT_SAVES: u64 = 200;
/// However quickly the saves add up, at least this many writers are killed.
const MIN_ROUNDS: u64 = 25;
/// The longest a child may take from being started to having opened the vault.
const STARTUP_LIMIT: Duration = Duration::from_secs(30);
/// The longest the kill delay, in milliseconds (inclusive).
const MAX_DELAY_MS: u32 = 40;

const LOGIN: &str = "anna.clerk";

fn password() -> SecretString {
    SecretString::from("crash test password".to_owned())
}

fn open(path: &Path) -> Result<Vault, VaultError> {
    Vault::open(path, Unlock::Password { login: LOGIN, password: &password() })
}

/// The writer. Does nothing (and passes) in a normal test run; when started by the parent with
/// [`CHILD_ENV`] set, saves forever until it is killed.
#[test]
fn writer_child_saves_the_next_number_until_it_is_killed() {
    let Some(path) = std::env::var_os(CHILD_ENV) else { return };
    let mut vault = open(Path::new(&path)).expect("the writer opens the vault");
    let mut out = std::io::stdout().lock();
    // A line of its own: libtest may have printed `test <name> ... ` without a line break.
    writeln!(out, "\nopened").and_then(|()| out.flush()).expect("the parent is listening");
    loop {
        let n = vault
            .write(|tx| {
                let next: i64 = tx.query_row("SELECT COALESCE(MAX(n), 0) + 1 FROM saved", [], |row| row.get(0))?;
                tx.execute("INSERT INTO saved(n) VALUES (?1)", [next])?;
                Ok::<_, VaultError>(next)
            })
            .expect("every save succeeds");
        // Only now is the save acknowledged: `write` has returned, so it must survive a kill.
        if writeln!(out, "saved {n}").and_then(|()| out.flush()).is_err() {
            return; // The parent has gone; nobody is counting any more.
        }
    }
}

#[test]
fn a_writer_killed_at_random_moments_never_loses_an_acknowledged_save_and_the_vault_always_opens() {
    let target = saves_target();
    let max_rounds = (target * 5).max(MIN_ROUNDS * 5);
    let time_limit = Duration::from_secs(60) + Duration::from_millis(200) * u32::try_from(target).unwrap_or(u32::MAX);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("practice.custodian");
    Vault::create(&path, LOGIN, &password(), KdfParams::INSECURE_FAST, &mut OsRng, |db| {
        db.execute_batch("CREATE TABLE saved(n INTEGER PRIMARY KEY)").map_err(VaultError::from)
    })
    .unwrap();

    let started = Instant::now();
    let mut tally = Tally::default();
    let mut rows_before = 0;
    while tally.acknowledged < target || tally.rounds < MIN_ROUNDS {
        assert!(
            tally.rounds < max_rounds && started.elapsed() < time_limit,
            "gave up after {} rounds and {:.1} s with only {} of {target} saves acknowledged ({tally:?})",
            tally.rounds,
            started.elapsed().as_secs_f64(),
            tally.acknowledged,
        );
        let round = kill_a_writer(&path);
        let round_no = tally.rounds + 1;
        let stray_temps = temp_files_beside(&path);

        let expected: Vec<i64> = (rows_before + 1..).take(round.acknowledged.len()).collect();
        assert_eq!(round.acknowledged, expected, "round {round_no}: the writer counts on from the saved rows");
        let vault = open(&path).unwrap_or_else(|e| {
            panic!(
                "round {round_no}: the vault fails to open after a kill ({e}); stray temporary files: {stray_temps:?}"
            )
        });
        let rows = saved_rows(&vault);
        let max = i64::try_from(rows.len()).unwrap();
        assert_eq!(rows, (1..=max).collect::<Vec<_>>(), "round {round_no}: the rows are 1..=max without gaps");
        let last_acknowledged = rows_before + i64::try_from(round.acknowledged.len()).unwrap();
        assert!(
            (last_acknowledged..=last_acknowledged + 1).contains(&max),
            "round {round_no}: {max} rows, but the writer acknowledged up to {last_acknowledged} \
             (expected those, plus at most the one save in flight)"
        );

        tally.rounds += 1;
        tally.acknowledged += round.acknowledged.len() as u64;
        tally.killed_after_saving += u64::from(!round.acknowledged.is_empty());
        tally.in_flight_save_kept += u64::from(max == last_acknowledged + 1);
        tally.rounds_with_stray_temps += u64::from(!stray_temps.is_empty());
        rows_before = max;
    }

    // Whatever the last kill left behind is cleared by the next save and does not stand in its way.
    let mut vault = open(&path).unwrap();
    vault
        .write(|tx| tx.execute("INSERT INTO saved(n) VALUES (?1)", [rows_before + 1]).map_err(VaultError::from))
        .unwrap();
    assert_eq!(temp_files_beside(&path), Vec::<String>::new(), "a save clears interrupted saves' temporary files");
    let rows = saved_rows(&open(&path).unwrap());
    assert_eq!(rows, (1..=rows_before + 1).collect::<Vec<_>>());
    assert!(
        tally.killed_after_saving > 0,
        "no writer was ever killed after it had saved something, so nothing was tested ({tally:?})"
    );
    println!("{tally:?} in {:.1} s", started.elapsed().as_secs_f64());
}

/// What the rounds added up to.
#[derive(Debug, Default)]
struct Tally {
    rounds: u64,
    acknowledged: u64,
    /// Rounds whose writer had acknowledged at least one save before it was killed.
    killed_after_saving: u64,
    /// Rounds where the save in flight at the kill reached the file without being acknowledged.
    in_flight_save_kept: u64,
    /// Rounds that left a temporary file from an interrupted save.
    rounds_with_stray_temps: u64,
}

/// What one killed writer said before it died.
struct Round {
    acknowledged: Vec<i64>,
}

/// Starts a writer, lets it save for a random 0–40 ms once it has opened the vault, kills it with
/// SIGKILL, and returns the saves it acknowledged. Fails if the writer stopped by itself.
fn kill_a_writer(path: &Path) -> Round {
    let mut child = Reaped(
        Command::new(std::env::current_exe().unwrap())
            .args(["--exact", CHILD_TEST, "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, path)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the test binary starts again as the writer"),
    );
    let lines = lines_of(child.0.stdout.take().unwrap());
    let stderr = text_of(child.0.stderr.take().unwrap());

    let opened = wait_for_line(&lines, "opened", STARTUP_LIMIT);
    if opened {
        thread::sleep(Duration::from_millis(u64::from(OsRng.next_u32() % (MAX_DELAY_MS + 1))));
    }
    let was_running = child.0.try_wait().unwrap().is_none();
    let killed = child.0.kill();
    let status = child.0.wait().unwrap();
    let said: Vec<String> = lines.iter().collect(); // ends when the writer's stdout closes
    let failure =
        || format!("status {status:?}, opened {opened}, stdout {said:?}, stderr:\n{}", stderr.join().unwrap());
    assert!(opened, "the writer did not open the vault within {STARTUP_LIMIT:?}: {}", failure());
    assert!(was_running, "the writer stopped by itself before it was killed: {}", failure());
    assert!(killed.is_ok() && was_killed(status), "the writer was not killed: {}", failure());

    let acknowledged = said
        .iter()
        .filter_map(|line| line.strip_prefix("saved "))
        .map(|n| n.parse().unwrap_or_else(|_| panic!("a malformed acknowledgement: {n:?}")))
        .collect();
    Round { acknowledged }
}

/// A child process that is killed and reaped however the test ends, so no writer outlives it.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[cfg(unix)]
fn was_killed(status: ExitStatus) -> bool {
    use std::os::unix::process::ExitStatusExt;
    status.signal() == Some(9)
}

#[cfg(not(unix))]
fn was_killed(status: ExitStatus) -> bool {
    !status.success()
}

/// Waits for the line `wanted`, skipping others; false if the output ends or time runs out first.
fn wait_for_line(lines: &Receiver<String>, wanted: &str, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        match lines.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(line) if line == wanted => return true,
            Ok(_) => {}
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return false,
        }
    }
}

fn saved_rows(vault: &Vault) -> Vec<i64> {
    let mut stmt = vault.connection().prepare("SELECT n FROM saved ORDER BY n").unwrap();
    stmt.query_map([], |row| row.get(0)).unwrap().map(Result::unwrap).collect()
}

/// Names of the temporary files of interrupted saves lying beside the vault.
fn temp_files_beside(path: &Path) -> Vec<String> {
    let name = path.file_name().unwrap().to_str().unwrap();
    let mut temps: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|file| file.starts_with(&format!(".{name}.")) && file.ends_with(".tmp"))
        .collect();
    temps.sort();
    temps
}

fn saves_target() -> u64 {
    match std::env::var("CUSTODIAN_CRASH_SAVES") {
        Ok(text) => text.trim().parse().unwrap_or_else(|_| panic!("CUSTODIAN_CRASH_SAVES={text:?} is not a count")),
        Err(_) => DEFAULT_SAVES,
    }
}
