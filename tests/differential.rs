//! Differential tests: each `tests/sim/*.{v,sv}` also runs under Icarus
//! Verilog (iverilog + vvp), whose stdout must equal the expected block, or
//! `icarus_output` where the header records a justified difference
//! (`icarus = "differs: <clause>"`). Only stdout is compared: vvp's exit
//! codes follow its own conventions.
//!
//! Without iverilog on the PATH every trial is ignored with a note.
//! `WSIM_BLESS_ICARUS=1` writes Icarus's output as the expected block of
//! files without an `icarus` difference (how the blocks were first made).

use libtest_mimic::{Failed, Trial};
use std::path::Path;
use wsim_tests::golden_file::{GoldenFile, Kind};
use wsim_tests::{harness, tools};

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let available = tools::icarus_available();
    if !available {
        eprintln!("note: iverilog/vvp not found on PATH; differential tests are skipped");
    }
    let trials = harness::golden_files(&tools::tests_dir().join("sim"))
        .into_iter()
        .map(|path| {
            let skip = !available || icarus_skip(&path);
            Trial::test(harness::trial_name(&path), move || check_with_icarus(&path)).with_ignored_flag(skip)
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

/// Files Icarus cannot run at all (compile-error tests, `icarus_skip`).
fn icarus_skip(path: &Path) -> bool {
    GoldenFile::load(path).is_ok_and(|t| t.header.kind != Kind::Run || t.header.icarus_skip.is_some())
}

fn check_with_icarus(path: &Path) -> Result<(), Failed> {
    let test = GoldenFile::load(path)?;
    let scratch = tools::prepare_run_dir(&test, &format!("icarus-{}", test.file_name()))?;
    let out = tools::icarus_run(&test, scratch.path())?;
    if out.timed_out || out.code.is_none() {
        return Err(out.describe("icarus").into());
    }
    if !out.stderr.is_empty() && out.stdout.is_empty() {
        return Err(out.describe("icarus (no output, errors on stderr)").into());
    }
    let expected = match &test.header.icarus_output {
        Some(lines) => Some(lines.iter().map(|l| format!("{l}\n")).collect::<String>()),
        None => test.expected.clone(),
    };
    if expected.as_deref() == Some(out.stdout.as_str()) {
        return Ok(());
    }
    if harness::env_flag("WSIM_BLESS_ICARUS") && test.header.icarus.is_none() {
        std::fs::write(&test.path, test.render_with(&out.stdout)).map_err(|e| e.to_string())?;
        return Ok(());
    }
    let mut msg = match &expected {
        Some(e) => harness::describe_mismatch(e, &out.stdout),
        None => format!("no expected block yet; Icarus printed:\n{}", out.stdout),
    };
    if !out.stderr.is_empty() {
        msg.push_str(&format!("--- icarus stderr ---\n{}", out.stderr));
    }
    msg.push_str("A difference is a bug in wsim's expectation or in Icarus: decide from the standard,\n");
    msg.push_str("then fix the expected block or record `icarus = \"differs: ...\"` + `icarus_output`.\n");
    Err(msg.into())
}
