//! Running one tool invocation: output captured (stdout and stderr
//! interleaved, like `2>&1`), a wall-clock limit, and the exit classified.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;
use wait_timeout::ChildExt;

/// How an invocation ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Exited with this status.
    Code(i32),
    /// Killed after the time limit.
    Timeout,
    /// Ended by a signal, or a status no wsim exit code uses (a Rust panic
    /// exits 101): the tool crashed.
    Crash(String),
    /// The program could not be started at all.
    NotStarted(String),
}

/// The exit statuses `wsim` documents (docs/exit-codes.md); anything else
/// is a crash.
const WSIM_EXIT_CODES: &[i32] = &[0, 1, 2, 3, 124, 130];

/// One finished invocation.
#[derive(Clone, Debug)]
pub struct Run {
    pub exit: Exit,
    /// Standard output and standard error, interleaved.
    pub output: String,
}

impl Run {
    pub fn succeeded(&self) -> bool {
        self.exit == Exit::Code(0)
    }
    /// Ended with a documented non-zero status: the tool reported a failure.
    pub fn failed_cleanly(&self) -> bool {
        matches!(self.exit, Exit::Code(c) if c != 0)
    }
}

/// Run `program args` in `cwd`, killing it after `limit`. Output goes
/// through a temporary file, so a chatty child cannot block on a full pipe.
pub fn run(program: &Path, args: &[String], cwd: &Path, limit: Duration) -> Run {
    let mut sink = match tempfile::tempfile() {
        Ok(file) => file,
        Err(e) => return not_started(format!("cannot create an output file: {e}")),
    };
    let (stdout, stderr) = match (sink.try_clone(), sink.try_clone()) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return not_started(format!("cannot share the output file: {e}")),
    };
    let spawned =
        Command::new(program).args(args).current_dir(cwd).stdin(Stdio::null()).stdout(stdout).stderr(stderr).spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) => return not_started(format!("cannot start {}: {e}", program.display())),
    };
    let exit = match child.wait_timeout(limit) {
        Ok(Some(status)) => classify(status),
        Ok(None) => {
            let _ = child.kill();
            let _ = child.wait();
            Exit::Timeout
        }
        Err(e) => Exit::NotStarted(format!("cannot wait for {}: {e}", program.display())),
    };
    Run { exit, output: read_all(&mut sink) }
}

fn not_started(why: String) -> Run {
    Run { exit: Exit::NotStarted(why), output: String::new() }
}

fn classify(status: std::process::ExitStatus) -> Exit {
    match status.code() {
        Some(code) if WSIM_EXIT_CODES.contains(&code) => Exit::Code(code),
        Some(code) => Exit::Crash(format!("exit status {code}")),
        None => Exit::Crash(signal_name(status)),
    }
}

#[cfg(unix)]
fn signal_name(status: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match status.signal() {
        Some(sig) => format!("killed by signal {sig}"),
        None => "ended without a status".to_string(),
    }
}

#[cfg(not(unix))]
fn signal_name(_: std::process::ExitStatus) -> String {
    "ended without a status".to_string()
}

fn read_all(file: &mut std::fs::File) -> String {
    use std::io::Seek;
    let mut bytes = Vec::new();
    if file.rewind().is_ok() {
        let _ = file.read_to_end(&mut bytes);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}
