//! Two processes, one vault: two writers saving at the same time never lose each other's rows.
//!
//! The test runs its own binary twice more as writers: with `CUSTODIAN_TWO_WRITERS_CHILD=<vault
//! path>` and `CUSTODIAN_TWO_WRITERS_TAG=a` (or `b`) set,
//! [`writer_child_saves_its_numbered_rows_one_write_each`] opens the vault, waits for the parent's
//! go (so both hold a copy loaded before either saves), then saves rows `(tag, 1..=N)`, one
//! [`Vault::write`] each. N is `CUSTODIAN_TWO_WRITERS_ROWS` (default 100). The parent then
//! opens the vault and expects all 2N rows.

use std::io::Write;
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use custodian_vault::secrecy::SecretString;
use custodian_vault::{KdfParams, Unlock, Vault, VaultError};
use rand_core::{OsRng, RngCore};

#[path = "../support/child_output.rs"]
mod child_output;
use child_output::{lines_of, text_of};

/// Set in a writer's environment to the vault it must write to; absent in a normal test run.
const CHILD_ENV: &str = "CUSTODIAN_TWO_WRITERS_CHILD";
/// Set in a writer's environment to the name it writes its rows under.
const TAG_ENV: &str = "CUSTODIAN_TWO_WRITERS_TAG";
/// How many rows each writer saves, if given; read by the parent and the writers alike.
const ROWS_ENV: &str = "CUSTODIAN_TWO_WRITERS_ROWS";
/// The name of the test that is a writer when [`CHILD_ENV`] is set.
const CHILD_TEST: &str = "writer_child_saves_its_numbered_rows_one_write_each";
const DEFAULT_ROWS: i64 = 100;
/// The longest pause a writer makes between two saves, in milliseconds (inclusive).
const MAX_PAUSE_MS: u32 = 10;
/// The longest a writer may take to start and open the vault.
const STARTUP_LIMIT: Duration = Duration::from_secs(30);

const LOGIN: &str = "anna.clerk";
const WRITERS: [&str; 2] = ["a", "b"];

fn password() -> SecretString {
    SecretString::from("two writers password".to_owned())
}

fn open(path: &Path) -> Result<Vault, VaultError> {
    Vault::open(path, Unlock::Password { login: LOGIN, password: &password() })
}

/// A writer. Does nothing (and passes) in a normal test run; when started by the parent with
/// [`CHILD_ENV`] set, saves its rows and ends.
#[test]
fn writer_child_saves_its_numbered_rows_one_write_each() {
    let Some(path) = std::env::var_os(CHILD_ENV) else { return };
    let tag = std::env::var(TAG_ENV).expect("the parent names the writer");
    let mut vault = open(Path::new(&path)).expect("the writer opens the vault");
    // A line of its own: libtest may have printed `test <name> ... ` without a line break.
    println!("\nready");
    let mut go = String::new();
    std::io::stdin().read_line(&mut go).expect("the parent says go");
    assert_eq!(go.trim(), "go");
    let mut others_seen = 0;
    let mut took_in = 0;
    for n in 1..=rows_per_writer() {
        let others = vault
            .write(|tx| {
                tx.execute("INSERT INTO entry(writer, n) VALUES (?1, ?2)", (&tag, n))?;
                let others: i64 =
                    tx.query_row("SELECT COUNT(*) FROM entry WHERE writer <> ?1", [&tag], |row| row.get(0))?;
                Ok::<_, VaultError>(others)
            })
            .unwrap_or_else(|e| panic!("writer {tag}: saving row {n} failed: {e}"));
        took_in += u32::from(others > others_seen);
        others_seen = others;
        // Like people at two desks, not a bulk import: a pause lets the other writer's wait for
        // the save lock (which polls) succeed between this writer's saves.
        thread::sleep(Duration::from_millis(u64::from(OsRng.next_u32() % (MAX_PAUSE_MS + 1))));
    }
    println!("took in the other's saves {took_in}");
}

#[test]
fn two_processes_saving_at_once_each_keep_every_row_of_the_other() {
    let rows = rows_per_writer();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("practice.custodian");
    Vault::create(&path, LOGIN, &password(), KdfParams::INSECURE_FAST, &mut OsRng, |db| {
        db.execute_batch("CREATE TABLE entry(writer TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (writer, n))")
            .map_err(VaultError::from)
    })
    .unwrap();
    let started = Instant::now();

    let mut writers: Vec<Writer> = WRITERS.iter().map(|tag| Writer::start(&path, tag)).collect();
    for writer in &mut writers {
        writer.wait_until_ready();
    }
    for writer in &mut writers {
        writer.go();
    }
    let limit = Duration::from_secs(60) + Duration::from_millis(100) * u32::try_from(rows).unwrap();
    let deadline = Instant::now() + limit;
    let mut took_in = Vec::new();
    for writer in writers {
        let (tag, status, stdout, stderr) = writer.finish_by(deadline);
        assert!(status.is_some(), "writer {tag} had not finished after {limit:?}; stderr:\n{stderr}");
        assert!(status.unwrap().success(), "writer {tag} failed ({status:?}); stderr:\n{stderr}");
        let count: u32 = stdout
            .iter()
            .find_map(|line| line.strip_prefix("took in the other's saves "))
            .and_then(|count| count.parse().ok())
            .unwrap_or_else(|| panic!("writer {tag} did not say what it took in: {stdout:?}"));
        took_in.push((tag, count));
    }

    let vault = open(&path).unwrap();
    for tag in WRITERS {
        assert_eq!(rows_of(&vault, tag), (1..=rows).collect::<Vec<_>>(), "every row of writer {tag} is there");
    }
    let total: i64 = vault.connection().query_row("SELECT COUNT(*) FROM entry", [], |row| row.get(0)).unwrap();
    assert_eq!(total, 2 * rows, "nothing else was saved");
    // Otherwise one writer simply ran after the other, and the sharing was hardly tested.
    for (tag, count) in &took_in {
        assert!(*count > 0, "writer {tag} never saved on top of new saves of the other writer");
    }
    println!(
        "{} rows from two writers in {:.1} s; the writers took turns {} times; {}",
        total,
        started.elapsed().as_secs_f64(),
        turns(&vault),
        took_in
            .iter()
            .map(|(tag, n)| format!("{tag} took in the other's new saves {n} times"))
            .collect::<Vec<_>>()
            .join(", ")
    );
}

/// A writer process, killed and reaped however the test ends so that none outlives it.
struct Writer {
    tag: &'static str,
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<String>,
    stderr: Option<thread::JoinHandle<String>>,
}

impl Writer {
    fn start(path: &Path, tag: &'static str) -> Writer {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", CHILD_TEST, "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, path)
            .env(TAG_ENV, tag)
            .env(ROWS_ENV, rows_per_writer().to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the test binary starts again as a writer");
        let stdin = child.stdin.take();
        let lines = lines_of(child.stdout.take().unwrap());
        let stderr = Some(text_of(child.stderr.take().unwrap()));
        Writer { tag, child, stdin, lines, stderr }
    }

    /// Waits until the writer has opened the vault.
    fn wait_until_ready(&mut self) {
        let deadline = Instant::now() + STARTUP_LIMIT;
        loop {
            match self.lines.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(line) if line == "ready" => return,
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                    let _ = self.child.kill();
                    let stderr = self.stderr.take().unwrap().join().unwrap();
                    panic!("writer {} did not open the vault within {STARTUP_LIMIT:?}; stderr:\n{stderr}", self.tag);
                }
            }
        }
    }

    fn go(&mut self) {
        let mut stdin = self.stdin.take().unwrap();
        stdin.write_all(b"go\n").and_then(|()| stdin.flush()).expect("the writer is listening");
    }

    /// Waits for the writer to end, or kills it at `deadline`. Returns its tag, exit status (none
    /// if it had to be killed), the lines it printed, and its stderr.
    fn finish_by(mut self, deadline: Instant) -> (&'static str, Option<ExitStatus>, Vec<String>, String) {
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break Some(status);
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                break None;
            }
            thread::sleep(Duration::from_millis(10));
        };
        let stdout: Vec<String> = self.lines.iter().collect(); // ends when the writer's stdout closes
        let stderr = self.stderr.take().unwrap().join().unwrap();
        (self.tag, status, stdout, stderr)
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn rows_of(vault: &Vault, tag: &str) -> Vec<i64> {
    let mut stmt = vault.connection().prepare("SELECT n FROM entry WHERE writer = ?1 ORDER BY n").unwrap();
    stmt.query_map([tag], |row| row.get(0)).unwrap().map(Result::unwrap).collect()
}

/// How many times, in save order, a row of one writer follows a row of the other.
fn turns(vault: &Vault) -> usize {
    let mut stmt = vault.connection().prepare("SELECT writer FROM entry ORDER BY rowid").unwrap();
    let order: Vec<String> = stmt.query_map([], |row| row.get(0)).unwrap().map(Result::unwrap).collect();
    order.windows(2).filter(|pair| pair[0] != pair[1]).count()
}

fn rows_per_writer() -> i64 {
    match std::env::var(ROWS_ENV) {
        Ok(text) => text.trim().parse().unwrap_or_else(|_| panic!("{ROWS_ENV}={text:?} is not a count")),
        Err(_) => DEFAULT_ROWS,
    }
}
