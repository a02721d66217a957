//! Shared by the `wsim` binary tests: run it in a directory with a private
//! cache, read its output.

use std::path::Path;
use std::process::{Command, Output};

/// `wsim <args>` in `dir`, with a private cache dir inside it.
pub fn wsim(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wsim"))
        .args(args)
        .current_dir(dir)
        .env("WSIM_CACHE_DIR", dir.join(".cache"))
        .output()
        .expect("wsim runs")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}
