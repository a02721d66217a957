//! Random RTL, differential: each seed's design (`wsim_tests::random_rtl`)
//! runs under Icarus and under wsim with its optimisations on, with none
//! (`-O0`, and without the static schedule: every process a dynamic
//! thread), and, for designs with no X or Z anywhere, `--two-state`. Every
//! wsim run must print exactly what Icarus prints.
//!
//! `WSIM_RANDOM_RTL_SEEDS=A..B` picks the seeds (default `0..40`);
//! `WSIM_RANDOM_RTL_KEEP=DIR` writes every design there. A failing seed's
//! design is written to the target directory and named in the failure.
//! Without iverilog on the PATH every trial is ignored with a note.

use libtest_mimic::{Failed, Trial};
use std::path::{Path, PathBuf};
use std::process::Command;
use wsim_tests::process::{self, ScratchDir};
use wsim_tests::{harness, random_rtl, tools};

/// wsim's configurations, by the flags `wsim compile` gets.
const ENGINES: &[&[&str]] = &[&[], &["-O0"], &["--no-opt", "static-schedule"]];

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let available = tools::icarus_available();
    if !available {
        eprintln!("note: iverilog/vvp not found on PATH; random RTL tests are skipped");
    }
    let trials = seeds()
        .map(|seed| Trial::test(format!("random_rtl/seed-{seed}"), move || check(seed)).with_ignored_flag(!available))
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

fn seeds() -> std::ops::Range<u64> {
    let spec = std::env::var("WSIM_RANDOM_RTL_SEEDS").unwrap_or_default();
    let parsed = spec.split_once("..").and_then(|(a, b)| Some(a.parse().ok()?..b.parse().ok()?));
    parsed.unwrap_or(0..40)
}

/// One in three designs is `known` (no X or Z).
fn is_known(seed: u64) -> bool {
    seed % 3 == 2
}

fn check(seed: u64) -> Result<(), Failed> {
    let known = is_known(seed);
    let source = random_rtl::generate(seed, known);
    let scratch = ScratchDir::new(&format!("random-rtl-{seed}"))?;
    let design = scratch.path().join("design.sv");
    std::fs::write(&design, &source).map_err(|e| e.to_string())?;
    if let Some(dir) = std::env::var_os("WSIM_RANDOM_RTL_KEEP") {
        std::fs::write(Path::new(&dir).join(format!("seed-{seed}.sv")), &source).map_err(|e| e.to_string())?;
    }
    let two_state: &[&[&str]] = if known { &[&["--two-state"]] } else { &[] };
    let engines: Vec<&[&str]> = ENGINES.iter().chain(two_state).copied().collect();
    // Icarus 11 writes a few designs' vvp code wrong ("syntax error", a
    // memory word under a shift); wsim without optimisations is then the
    // reference for the others
    let (expected, reference) = match icarus(&design, scratch.path())? {
        Ok(out) => (out, "Icarus"),
        Err(why) => {
            let why = why.split_whitespace().collect::<Vec<_>>().join(" ");
            eprintln!("note: seed {seed}: Icarus cannot run it ({why}); wsim -O0 is the reference");
            (wsim(&design, scratch.path(), &["-O0"])?, "wsim -O0")
        }
    };
    if known && expected.contains(['x', 'z']) {
        let kept = keep_failure(seed, &source);
        let what = format!("seed {seed}: a design meant to hold no X or Z printed one (a generator bug); kept at");
        return Err(format!("{what} {}\n{expected}", kept.display()).into());
    }
    for flags in &engines {
        let actual = wsim(&design, scratch.path(), flags)?;
        if actual != expected {
            let kept = keep_failure(seed, &source);
            let what =
                format!("seed {seed}, wsim {} against {reference}, design kept at {}", flags.join(" "), kept.display());
            return Err(format!("{what}\n{}", harness::describe_mismatch(&expected, &actual)).into());
        }
    }
    Ok(())
}

/// Icarus's output, or why it has none: vvp could not read the code
/// iverilog wrote. (A design iverilog refuses, or a hang, is an error.)
fn icarus(design: &Path, dir: &Path) -> Result<Result<String, String>, Failed> {
    let vvp = dir.join("design.vvp");
    let mut compile = Command::new("iverilog");
    // SystemVerilog, as the `.sv` file is to wsim
    compile.arg("-g2012").arg("-o").arg(&vvp).arg(design);
    let compiled = process::run(compile, process::time_limit())?;
    if compiled.code != Some(0) {
        return Err(compiled.describe("iverilog").into());
    }
    let mut run = Command::new("vvp");
    run.arg("-n").arg(&vvp).current_dir(dir);
    let out = process::run(run, process::time_limit())?;
    match out.code {
        Some(0) => Ok(Ok(out.stdout)),
        Some(_) if out.stderr.contains("syntax error") => Ok(Err(out.describe("vvp"))),
        _ => Err(out.describe("vvp").into()),
    }
}

fn wsim(design: &Path, dir: &Path, flags: &[&str]) -> Result<String, Failed> {
    let wasm = dir.join("design.wasm");
    let mut compile = tools::wsim_command()?;
    // no cache: every design is new, and 10,000 seeds left 66 GB of
    // native code there
    compile.arg("compile").arg("-q").arg("--no-cache").args(flags).arg(design).arg("-o").arg(&wasm);
    let compiled = process::run(compile, process::time_limit())?;
    if compiled.code != Some(0) {
        return Err(compiled.describe(&format!("wsim compile {}", flags.join(" "))).into());
    }
    let mut run = tools::wsim_command()?;
    run.arg("run").arg("-q").arg("--no-cache").arg(&wasm).current_dir(dir);
    let out = process::run(run, process::time_limit())?;
    if out.code != Some(0) {
        return Err(out.describe(&format!("wsim run ({})", flags.join(" "))).into());
    }
    Ok(out.stdout)
}

/// Writes a failing design where it outlives the scratch directory.
fn keep_failure(seed: u64, source: &str) -> PathBuf {
    let dir = std::env::temp_dir().join("wsim-random-rtl");
    let path = dir.join(format!("seed-{seed}.sv"));
    let _ = std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(&path, source));
    path
}
