//! Reading a child process's output without ever blocking it: shared by the process-level test
//! binaries (`crash`, `two_writers`), which re-execute themselves as writers.

use std::io::{BufRead, BufReader, Read};
use std::sync::mpsc::{self, Receiver};
use std::thread;

/// The lines of a child's output, read on a thread as they come.
pub fn lines_of(output: impl Read + Send + 'static) -> Receiver<String> {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        for line in BufReader::new(output).lines() {
            let Ok(line) = line else { break };
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    receiver
}

/// All of a child's output, read on a thread so the child never blocks on a full pipe.
pub fn text_of(output: impl Read + Send + 'static) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut text = String::new();
        let _ = BufReader::new(output).read_to_string(&mut text);
        text
    })
}
