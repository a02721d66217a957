//! picorv32 system test: `tests/picorv32/tb_picorv32.v` runs the
//! YosysHQ picorv32 core for 1,000,000 cycles under wsim (and under Icarus,
//! as the oracle), and both must print the file's expected block.
//!
//! The core is not committed: set `PICORV32_V` to its path (see
//! `bench/fetch-picorv32.sh`). Without it both trials are ignored with a note.

use libtest_mimic::{Failed, Trial};
use std::path::PathBuf;
use wsim_tests::golden_file::GoldenFile;
use wsim_tests::{harness, tools};

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let core = std::env::var_os("PICORV32_V").map(PathBuf::from);
    if core.is_none() {
        eprintln!("note: PICORV32_V is not set; picorv32 tests are skipped");
    }
    let skip = core.is_none();
    let icarus_skip = skip || !tools::icarus_available();
    let core_for_wsim = core.clone();
    let trials = vec![
        Trial::test("picorv32/wsim", move || run_wsim(core_for_wsim)).with_ignored_flag(skip),
        Trial::test("picorv32/icarus", move || run_icarus(core)).with_ignored_flag(icarus_skip),
    ];
    libtest_mimic::run(&args, trials).exit();
}

/// The testbench with the core's absolute path added to its sources.
fn testbench(core: Option<PathBuf>) -> Result<GoldenFile, Failed> {
    let core = core.ok_or("PICORV32_V is not set")?;
    let core = std::fs::canonicalize(&core).map_err(|e| format!("PICORV32_V={}: {e}", core.display()))?;
    let mut test = GoldenFile::load(&tools::tests_dir().join("picorv32/tb_picorv32.v"))?;
    test.header.files.push(core.display().to_string());
    Ok(test)
}

fn run_wsim(core: Option<PathBuf>) -> Result<(), Failed> {
    let test = testbench(core)?;
    let scratch = tools::prepare_run_dir(&test, "picorv32")?;
    let wasm = scratch.path().join("picorv32.wasm");
    let compiled = tools::wsim_compile(&test, &wasm)?;
    if compiled.code != Some(0) {
        return Err(compiled.describe("wsim compile").into());
    }
    let ran = tools::wsim_run(&wasm, &test.header.args, scratch.path())?;
    harness::compare_or_bless(&test, &ran.stdout, ran.code, false, "wsim")
}

fn run_icarus(core: Option<PathBuf>) -> Result<(), Failed> {
    let test = testbench(core)?;
    let scratch = tools::prepare_run_dir(&test, "picorv32-icarus")?;
    let out = tools::icarus_run(&test, scratch.path())?;
    let expected = test.expected.as_deref().unwrap_or_default();
    if out.stdout == expected {
        Ok(())
    } else {
        Err(format!("{}{}", harness::describe_mismatch(expected, &out.stdout), out.stderr).into())
    }
}
