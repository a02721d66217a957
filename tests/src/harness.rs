//! Turning golden files into libtest-mimic trials, checking them against
//! wsim or Icarus, and blessing (rewriting) their expected blocks.

use crate::golden_file::{self, GoldenFile, Kind};
use crate::tools;
use libtest_mimic::{Failed, Trial};
use std::path::{Path, PathBuf};

/// Every `*.v` / `*.sv` file directly inside `dir`, sorted.
pub fn golden_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect()).unwrap_or_default();
    files.retain(|p| p.is_file() && p.extension().is_some_and(|e| e == "v" || e == "sv"));
    files.sort();
    files
}

/// Test name: `<dir>/<file stem>.<ext>`, e.g. `sim/display_formats.v`.
pub fn trial_name(path: &Path) -> String {
    let dir = path.parent().and_then(|p| p.file_name()).map(|n| n.to_string_lossy()).unwrap_or_default();
    let file = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    format!("{dir}/{file}")
}

/// Is the env var set to something other than empty / `0`?
pub fn env_flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// One trial per golden file in `dir`, each checked against wsim.
pub fn wsim_trials(dir: &Path) -> Vec<Trial> {
    golden_files(dir).into_iter().map(|path| Trial::test(trial_name(&path), move || check_with_wsim(&path))).collect()
}

/// Compile (and for run tests, run) one golden file with wsim and compare.
pub fn check_with_wsim(path: &Path) -> Result<(), Failed> {
    let test = GoldenFile::load(path)?;
    let scratch = tools::prepare_run_dir(&test, &test.file_name())?;
    let wasm = scratch.path().join("design.wasm");
    let compiled = tools::wsim_compile(&test, &wasm)?;
    let (actual, code) = match test.header.kind {
        Kind::CompileError => (compiled.stderr.clone(), compiled.code),
        Kind::Run => {
            if compiled.code != Some(0) {
                return Err(compiled.describe("wsim compile").into());
            }
            let ran = run_with_jit(&test, &wasm, REFERENCE_JIT, scratch.path())?;
            for jit in OTHER_JITS {
                let other_dir = tools::prepare_run_dir(&test, &format!("{}-{jit}", test.file_name()))?;
                let other = run_with_jit(&test, &wasm, jit, other_dir.path())?;
                if (&other.stdout, other.code) != (&ran.stdout, ran.code) {
                    let exits =
                        format!("exit {:?} with --jit {jit}, {:?} with --jit {REFERENCE_JIT}", other.code, ran.code);
                    let diff = describe_mismatch(&ran.stdout, &other.stdout);
                    return Err(format!("--jit {jit} differs from --jit {REFERENCE_JIT} ({exits}):\n{diff}").into());
                }
            }
            (ran.stdout, ran.code)
        }
    };
    compare_or_bless(&test, &actual, code, env_flag("WSIM_BLESS"), "wsim")
}

/// The code every run test's expected block is checked against.
const REFERENCE_JIT: &str = "cranelift";
/// The other code a run test must print exactly the same with: Winch's, and
/// Winch's switching to Cranelift's after the second time step (the switch
/// of a tiered run, made deterministic).
const OTHER_JITS: [&str; 2] = ["winch", "switch"];

/// `wsim run --jit <jit>` of a run test, in `run_dir`.
fn run_with_jit(test: &GoldenFile, wasm: &Path, jit: &str, run_dir: &Path) -> Result<crate::process::Output, Failed> {
    let mut args = vec!["--jit".to_string(), jit.to_string()];
    args.extend(test.header.args.iter().cloned());
    let ran = tools::wsim_run(wasm, &args, run_dir)?;
    if ran.timed_out {
        return Err(ran.describe(&format!("wsim run --jit {jit}")).into());
    }
    Ok(ran)
}

/// Compare `actual` and `code` with the file's expectation; with `bless`,
/// rewrite the file instead (expected block and `exit` header line).
pub fn compare_or_bless(
    test: &GoldenFile,
    actual: &str,
    code: Option<i32>,
    bless: bool,
    who: &str,
) -> Result<(), Failed> {
    let expected_exit = test.header.expected_exit();
    let exit_ok = code == Some(expected_exit);
    let text_ok = test.expected.as_deref() == Some(actual);
    if exit_ok && text_ok {
        return Ok(());
    }
    if bless {
        return bless_file(test, actual, code);
    }
    let mut msg = String::new();
    if !exit_ok {
        msg.push_str(&format!("{who} exit code: expected {expected_exit}, got {code:?}\n"));
    }
    match &test.expected {
        None => msg.push_str(&format!("no expected block yet; {who} printed:\n{actual}")),
        Some(expected) if !text_ok => msg.push_str(&describe_mismatch(expected, actual)),
        Some(_) => {}
    }
    msg.push_str("(WSIM_BLESS=1 rewrites the expected block; review it in `git diff`)\n");
    Err(msg.into())
}

fn bless_file(test: &GoldenFile, actual: &str, code: Option<i32>) -> Result<(), Failed> {
    let code = code.ok_or("cannot bless: the program was killed")?;
    let default_exit = match test.header.kind {
        Kind::Run => 0,
        Kind::CompileError => 2,
    };
    let exit = (code != default_exit).then_some(code);
    let with_exit = GoldenFile { source: golden_file::set_header_exit(&test.source, exit), ..test.clone() };
    std::fs::write(&test.path, with_exit.render_with(actual)).map_err(|e| e.to_string())?;
    Ok(())
}

/// Expected and actual side by side from the first differing line.
pub fn describe_mismatch(expected: &str, actual: &str) -> String {
    let exp: Vec<&str> = expected.split_inclusive('\n').collect();
    let act: Vec<&str> = actual.split_inclusive('\n').collect();
    let first = exp.iter().zip(&act).position(|(a, b)| a != b).unwrap_or(exp.len().min(act.len()));
    let mut msg = format!("output differs from line {}:\n", first + 1);
    for i in first..exp.len().max(act.len()).min(first + 20) {
        if let Some(l) = exp.get(i) {
            msg.push_str(&format!("- {:?}\n", l));
        }
        if let Some(l) = act.get(i) {
            msg.push_str(&format!("+ {:?}\n", l));
        }
    }
    msg.push_str(&format!("--- full expected ---\n{expected}--- full actual ---\n{actual}"));
    msg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::ScratchDir;

    fn write_golden(dir: &Path, text: &str) -> PathBuf {
        let path = dir.join("case.v");
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn bless_round_trip_on_a_file() {
        let scratch = ScratchDir::new("bless-round-trip").unwrap();
        let path = write_golden(
            scratch.path(),
            "//! top = \"t\"\nmodule t;\nendmodule\n// ---- expected output ----\n//| old\n",
        );
        let test = GoldenFile::load(&path).unwrap();
        let actual = "new line\n\n  indented\nlast without newline";
        assert!(compare_or_bless(&test, actual, Some(3), false, "wsim").is_err());
        compare_or_bless(&test, actual, Some(3), true, "wsim").unwrap();

        let blessed = GoldenFile::load(&path).unwrap();
        assert_eq!(blessed.expected.as_deref(), Some(actual));
        assert_eq!(blessed.header.expected_exit(), 3);
        assert_eq!(blessed.header.top.as_deref(), Some("t"));
        assert!(compare_or_bless(&blessed, actual, Some(3), false, "wsim").is_ok());

        // Blessing back to exit 0 removes the header line again.
        compare_or_bless(&blessed, "x\n", Some(0), true, "wsim").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, "//! top = \"t\"\nmodule t;\nendmodule\n// ---- expected output ----\n//| x\n");
    }

    #[test]
    fn mismatch_and_missing_block_are_reported() {
        let scratch = ScratchDir::new("mismatch").unwrap();
        let path = write_golden(scratch.path(), "module t;\nendmodule\n");
        let test = GoldenFile::load(&path).unwrap();
        let err = compare_or_bless(&test, "hi\n", Some(0), false, "wsim").unwrap_err();
        assert!(format!("{err:?}").contains("no expected block"));
        let msg = describe_mismatch("a\nb\n", "a\nc\n");
        assert!(msg.starts_with("output differs from line 2:"), "{msg}");
    }

    #[test]
    fn golden_files_are_sorted_and_filtered() {
        let scratch = ScratchDir::new("listing").unwrap();
        for name in ["b.sv", "a.v", "notes.txt", "c.vh"] {
            std::fs::write(scratch.path().join(name), "").unwrap();
        }
        let names: Vec<String> = golden_files(scratch.path())
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.v", "b.sv"]);
    }
}
