//! The two simulators under test: the `wsim` binary and Icarus Verilog.
//!
//! Both are driven the same way so their outputs are comparable: sources
//! are compiled with the test file's directory as the working directory
//! (file names in `%m`-free messages and diagnostics stay relative), and the
//! simulation runs in a scratch directory holding a copy of `data/`.

use crate::golden_file::GoldenFile;
use crate::process::{self, Output, ScratchDir};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// Path of the `wsim` binary, found once per test process.
///
/// Order: `WSIM_BIN`; else `cargo build -p wsim` into the target directory
/// this test binary lives in (a no-op when up to date, so a test never runs
/// a stale compiler), unless `WSIM_NO_BUILD` is set, in which case an
/// existing `<target>/<profile>/wsim` is used as is.
///
/// Why not `CARGO_BIN_EXE_wsim`: Cargo only provides it for binaries of the
/// test's own package, and a bin-only package cannot be a dependency.
pub fn wsim_binary() -> Result<PathBuf, String> {
    static BIN: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    BIN.get_or_init(locate_wsim).clone()
}

fn locate_wsim() -> Result<PathBuf, String> {
    if let Some(bin) = std::env::var_os("WSIM_BIN") {
        let bin = PathBuf::from(bin);
        return if bin.is_file() { Ok(bin) } else { Err(format!("WSIM_BIN={} does not exist", bin.display())) };
    }
    let profile_dir = profile_dir()?;
    let bin = profile_dir.join(format!("wsim{}", std::env::consts::EXE_SUFFIX));
    if std::env::var_os("WSIM_NO_BUILD").is_none() {
        build_wsim(&profile_dir)?;
    }
    if bin.is_file() {
        Ok(bin)
    } else {
        Err(format!("{} not found (set WSIM_BIN, or run `cargo build -p wsim`)", bin.display()))
    }
}

/// `<target>/<profile>` of the running test binary (`.../debug/deps/golden-*`).
fn profile_dir() -> Result<PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let deps = exe.parent().ok_or("test binary has no parent dir")?;
    let profile = if deps.file_name().is_some_and(|n| n == "deps") { deps.parent() } else { Some(deps) };
    profile.map(Path::to_path_buf).ok_or_else(|| "cannot find the target profile dir".to_string())
}

fn build_wsim(profile_dir: &Path) -> Result<(), String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let profile = profile_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let target_root = profile_dir.parent().ok_or("profile dir has no parent")?;
    let mut cmd = Command::new(cargo);
    cmd.args(["build", "--quiet", "-p", "wsim", "--bin", "wsim"]);
    match profile.as_str() {
        "debug" => {}
        "release" => {
            cmd.arg("--release");
        }
        other => {
            cmd.args(["--profile", other]);
        }
    }
    cmd.env("CARGO_TARGET_DIR", target_root).current_dir(workspace_root());
    let out = process::run(cmd, std::time::Duration::from_secs(1800))?;
    if out.code == Some(0) {
        Ok(())
    } else {
        Err(out.describe("cargo build -p wsim"))
    }
}

/// The workspace root (parent of this package's directory).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Directory of this package (`tests/`).
pub fn tests_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A scratch directory prepared for one simulation: it holds a copy of the
/// test directory's `data/` so `$readmemh("data/x.hex")` and `$fopen` work
/// without writing into the repository.
pub fn prepare_run_dir(test: &GoldenFile, label: &str) -> Result<ScratchDir, String> {
    let scratch = ScratchDir::new(label)?;
    let data = test.dir().join("data");
    if data.is_dir() {
        process::copy_tree(&data, &scratch.path().join("data")).map_err(|e| e.to_string())?;
    }
    Ok(scratch)
}

/// Arguments shared by `wsim compile` for one test: sources, top, defines.
fn wsim_compile_args(test: &GoldenFile) -> Vec<String> {
    let h = &test.header;
    let mut args = vec![test.file_name()];
    args.extend(h.files.iter().cloned());
    if let Some(top) = &h.top {
        args.extend(["--top".to_string(), top.clone()]);
    }
    args.extend(h.defines.iter().map(|d| format!("-D{d}")));
    args.push("-I.".to_string());
    args.extend(h.compile_args.iter().cloned());
    args
}

/// A `wsim` command whose caches live in the target directory, so tests
/// neither read nor fill the user's cache (`WSIM_CACHE_DIR` wins if set).
pub fn wsim_command() -> Result<Command, String> {
    let mut cmd = Command::new(wsim_binary()?);
    if std::env::var_os("WSIM_CACHE_DIR").is_none() {
        if let Ok(dir) = profile_dir() {
            cmd.env("WSIM_CACHE_DIR", dir.join("wsim-test-cache"));
        }
    }
    Ok(cmd)
}

/// `wsim compile <sources> -o <out>` in the test's directory.
pub fn wsim_compile(test: &GoldenFile, wasm: &Path) -> Result<Output, String> {
    let mut cmd = wsim_command()?;
    cmd.arg("compile").args(wsim_compile_args(test)).arg("-o").arg(wasm).current_dir(test.dir());
    process::run(cmd, process::time_limit())
}

/// `wsim run <wasm> <plusargs>` in `run_dir`.
pub fn wsim_run(wasm: &Path, args: &[String], run_dir: &Path) -> Result<Output, String> {
    let mut cmd = wsim_command()?;
    cmd.arg("run").arg(wasm).args(args).current_dir(run_dir);
    process::run(cmd, process::time_limit())
}

/// Is Icarus Verilog installed?
pub fn icarus_available() -> bool {
    process::on_path("iverilog") && process::on_path("vvp")
}

/// Compile with `iverilog` and run with `vvp -n`; returns vvp's output (or
/// iverilog's, when compilation failed).
pub fn icarus_run(test: &GoldenFile, scratch: &Path) -> Result<Output, String> {
    let h = &test.header;
    let vvp_file = scratch.join("design.vvp");
    let mut cmd = Command::new("iverilog");
    cmd.arg(if test.is_system_verilog() { "-g2012" } else { "-g2005" });
    cmd.arg("-o").arg(&vvp_file).arg("-I.");
    if let Some(top) = &h.top {
        cmd.args(["-s", top]);
    }
    cmd.args(h.defines.iter().map(|d| format!("-D{d}")));
    for (name, value) in h.param_overrides() {
        let top = h.top.as_deref().ok_or("a -G override needs `top` in the header")?;
        cmd.arg(format!("-P{top}.{name}={value}"));
    }
    // Module path delays: wsim's `--specify` is Icarus' `-gspecify`, and
    // `--delay-select=max` its `-Tmax`.
    for a in &h.compile_args {
        if a == "--specify" {
            cmd.arg("-gspecify");
        } else if let Some(sel) = a.strip_prefix("--delay-select=") {
            cmd.arg(format!("-T{sel}"));
        }
    }
    cmd.arg(test.file_name()).args(&h.files).current_dir(test.dir());
    let compiled = process::run(cmd, process::time_limit())?;
    if compiled.code != Some(0) {
        return Ok(compiled);
    }
    let mut run = Command::new("vvp");
    run.arg("-n").arg(&vvp_file).args(&h.args).current_dir(scratch);
    process::run(run, process::time_limit())
}
