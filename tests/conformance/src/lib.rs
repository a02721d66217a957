//! The conformance runner: runs the public suites (ivtest, sv-tests)
//! against wsim with each suite's own rules, and compares the verdicts
//! with a baseline kept in the repository.
//!
//! - [`ivtest`]: the Icarus regression lists (`regress-vlg.list`, ...).
//! - [`svtests`]: chipsalliance/sv-tests, metadata in each file's header.
//! - [`pyexpr`]: the Python expressions sv-tests prints as `:assert:` lines.
//! - [`summary`]: counts per list or chapter, failures, the baseline.
//! - [`exec`]: one tool invocation with a time limit.

pub mod exec;
pub mod ivtest;
pub mod pyexpr;
pub mod summary;
pub mod svtests;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// The tool under test and how to run it.
#[derive(Clone, Debug)]
pub struct Tool {
    /// The `wsim` binary.
    pub wsim: PathBuf,
    /// Wall-clock limit of one invocation (ivtest; sv-tests tests carry
    /// their own `:timeout:`).
    pub timeout: Duration,
    /// A scratch directory for artifacts; every test gets its own folder.
    pub work: PathBuf,
}

/// What the suite's rules say of one test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Pass,
    Fail,
    /// The suite says not to run it here (ivtest `NI`, an sv-tests mode
    /// wsim does not have).
    Skip,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Skip => "skip",
        }
    }
    pub fn parse(text: &str) -> Option<Verdict> {
        match text {
            "pass" => Some(Verdict::Pass),
            "fail" => Some(Verdict::Fail),
            "skip" => Some(Verdict::Skip),
            _ => None,
        }
    }
}

/// A failure that breaks the "every test ends with a verdict" rule rather
/// than the test's expectation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Crash,
    Timeout,
}

/// One test's result.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub name: String,
    /// The list (ivtest) or LRM chapter (sv-tests) it is counted under.
    pub group: String,
    pub verdict: Verdict,
    /// Why it failed: the step and the first error line of the output.
    pub detail: String,
    pub problem: Option<Problem>,
}

impl Outcome {
    pub fn pass(name: &str, group: &str) -> Outcome {
        Outcome::new(name, group, Verdict::Pass, String::new())
    }
    pub fn fail(name: &str, group: &str, detail: String) -> Outcome {
        Outcome::new(name, group, Verdict::Fail, detail)
    }
    pub fn skip(name: &str, group: &str, detail: String) -> Outcome {
        Outcome::new(name, group, Verdict::Skip, detail)
    }
    fn new(name: &str, group: &str, verdict: Verdict, detail: String) -> Outcome {
        Outcome { name: name.to_string(), group: group.to_string(), verdict, detail, problem: None }
    }
    /// The failure of a step that crashed or timed out, or `None` when the
    /// step ended with a status.
    pub fn from_problem(name: &str, group: &str, step: &str, run: &exec::Run) -> Option<Outcome> {
        let (problem, what) = match &run.exit {
            exec::Exit::Timeout => (Problem::Timeout, "timed out".to_string()),
            exec::Exit::Crash(how) => (Problem::Crash, format!("crashed ({how})")),
            exec::Exit::NotStarted(why) => (Problem::Crash, why.clone()),
            exec::Exit::Code(_) => return None,
        };
        let mut outcome = Outcome::fail(name, group, format!("{step} {what}: {}", first_error_line(&run.output)));
        outcome.problem = Some(problem);
        Some(outcome)
    }
}

/// The line of `output` that best says what went wrong: the first error
/// or panic line, else the first non-empty line; at most 200 characters.
pub fn first_error_line(output: &str) -> String {
    let lines = || output.lines().map(str::trim).filter(|l| !l.is_empty());
    let is_error = |l: &&str| {
        let lower = l.to_ascii_lowercase();
        lower.contains("error") || lower.contains("panicked") || lower.contains("fatal")
    };
    let line = lines().find(is_error).or_else(|| lines().next()).unwrap_or("(no output)");
    line.chars().take(200).collect()
}

/// Run `f` over `items` on `jobs` threads; results keep the items' order.
/// `progress` is called with the number finished after each one.
pub fn run_parallel<T: Sync, R: Send>(
    items: &[T],
    jobs: usize,
    f: impl Fn(&T) -> R + Sync,
    progress: impl Fn(usize) + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..jobs.max(1) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let r = f(item);
                results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(r);
                progress(done.fetch_add(1, Ordering::Relaxed) + 1);
            });
        }
    });
    results.into_inner().unwrap_or_else(|e| e.into_inner()).into_iter().flatten().collect()
}
