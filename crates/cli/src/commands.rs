//! The `wsim` subcommands: `compile`, `run`, `sim`.
//!
//! The argv pre-pass ([`crate::argv`]) has already rewritten every accepted
//! spelling into the canonical `--name=value` form these clap definitions
//! parse. stdout carries only the design's output; wsim's own messages go
//! to stderr.

use crate::argv::{self, Mode};
use crate::compile_cache::CompileCache;
use crate::exit::Exit;
use crate::pipeline::{self, CompileRequest, PipelineResult};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::time::Instant;
use wsim_diag::codes::run as codes;
use wsim_diag::{Diagnostic, SourceMap};
use wsim_host::{Artifact, EndReason, HostError, RunOptions};

#[derive(Parser, Debug)]
#[command(name = "wsim", version, about = "Verilog/SystemVerilog simulator with portable WebAssembly artifacts")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Compile sources into a wasm artifact.
    Compile(CompileArgs),
    /// Run an artifact: `wsim run top.wasm [+plusargs...]`.
    Run(RunArgs),
    /// Compile (through the cache) and run in one step.
    Sim(SimArgs),
}

/// Options shared by `compile` and `sim` (after the pre-pass).
#[derive(Args, Debug, Default)]
pub struct SourceArgs {
    /// Source files, in order (also from `-f`/`-F` files).
    pub files: Vec<PathBuf>,
    /// Top module (repeatable); also `-s`, `-top`, `--top-module`.
    #[arg(long = "top", value_name = "MODULE")]
    pub tops: Vec<String>,
    /// `NAME[=VALUE]`; also `-DNAME=VALUE`, `+define+A=1+B`.
    #[arg(long = "define", value_name = "NAME[=VALUE]")]
    pub defines: Vec<String>,
    /// Include directory; also `-Idir`, `+incdir+a+b`.
    #[arg(long = "incdir", value_name = "DIR")]
    pub incdirs: Vec<String>,
    /// `NAME=VALUE` (a top parameter) or `top.NAME=VALUE`; also `-G`, `-P`.
    #[arg(long = "param", value_name = "[TOP.]NAME=VALUE")]
    pub params: Vec<String>,
    /// Default timescale, e.g. `1ns/1ps`.
    #[arg(long)]
    pub timescale: Option<String>,
    /// Turn a warning off by code (`-Wno-W0301`).
    #[arg(long = "wno", value_name = "CODE")]
    pub warnings_off: Vec<String>,
}

/// Options every subcommand takes.
#[derive(Args, Debug, Default)]
pub struct CommonArgs {
    /// Bypass the compile and native-code caches.
    #[arg(long)]
    pub no_cache: bool,
    /// Report cache hits/misses and timings on stderr.
    #[arg(long)]
    pub verbose: bool,
}

#[derive(Args, Debug)]
pub struct CompileArgs {
    #[command(flatten)]
    pub source: SourceArgs,
    /// Output artifact.
    #[arg(short = 'o', long = "output", default_value = "a.wasm")]
    pub output: PathBuf,
    /// Write a Make dependency rule for the output (every source and include).
    #[arg(long, value_name = "FILE")]
    pub deps: Option<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Options of a simulation run.
#[derive(Args, Debug, Default)]
pub struct RunTimeArgs {
    /// A plusarg without its `+` (the pre-pass turns `+X` into `--plusarg=X`).
    #[arg(long = "plusarg", value_name = "ARG")]
    pub plusargs: Vec<String>,
    /// Stop at this simulation time: ticks (`1000`) or with a unit (`10us`).
    #[arg(long = "max-time", value_name = "T")]
    pub max_time: Option<String>,
}

#[derive(Args, Debug)]
pub struct RunArgs {
    /// The artifact made by `wsim compile`.
    pub artifact: PathBuf,
    #[command(flatten)]
    pub run: RunTimeArgs,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Args, Debug)]
pub struct SimArgs {
    #[command(flatten)]
    pub source: SourceArgs,
    #[command(flatten)]
    pub run: RunTimeArgs,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Run `wsim` with `args` (`args[0]` is the program name).
pub fn main_with_args(args: Vec<String>) -> Exit {
    let args = match prepass(args) {
        Ok(args) => args,
        Err(exit) => return exit,
    };
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { Exit::CompileError } else { Exit::Success };
        }
    };
    match cli.command {
        Command::Compile(a) => compile_command(&a),
        Command::Run(a) => run_command(&a),
        Command::Sim(a) => sim_command(&a),
    }
}

/// Normalize everything after a known subcommand; print its warnings.
fn prepass(args: Vec<String>) -> Result<Vec<String>, Exit> {
    let Some(mode) = args.get(1).and_then(|s| Mode::from_subcommand(s)) else { return Ok(args) };
    let env = |name: &str| std::env::var(name).ok();
    match argv::normalize(mode, &args[2..], &env) {
        Ok(normalized) => {
            report(&normalized.warnings);
            let mut out = args[..2].to_vec();
            out.extend(normalized.args);
            Ok(out)
        }
        Err(d) => {
            report(&[d]);
            Err(Exit::CompileError)
        }
    }
}

/// Print span-less diagnostics (command line, host) to stderr.
fn report(diags: &[Diagnostic]) {
    let none = SourceMap::new();
    for d in diags {
        eprint!("{}", wsim_diag::render(&none, d));
    }
}

fn report_host_error(e: &HostError) {
    report(&[e.to_diagnostic()]);
}

/// Turn the clap options into a pipeline request.
fn compile_request(src: &SourceArgs, common: &CommonArgs) -> Result<CompileRequest, Diagnostic> {
    let mut req = CompileRequest { files: src.files.clone(), ..Default::default() };
    req.pp.defines = src
        .defines
        .iter()
        .map(|d| match d.split_once('=') {
            Some((name, value)) => (name.to_string(), Some(value.to_string())),
            None => (d.clone(), None),
        })
        .collect();
    req.pp.include_dirs = src.incdirs.clone();
    req.elab.tops = src.tops.clone();
    for p in &src.params {
        let (name, value) = p.split_once('=').ok_or_else(|| {
            Diagnostic::error(codes::BAD_OPTION, None, format!("parameter override `{p}`: expected NAME=VALUE"))
        })?;
        req.elab.param_overrides.push((name.to_string(), value.to_string()));
    }
    req.timescale = src.timescale.clone();
    req.warnings_off = src.warnings_off.clone();
    if !common.no_cache {
        req.cache = wsim_host::cache::cache_root().map(|root| CompileCache::new(&root));
    }
    Ok(req)
}

/// Compile through the pipeline and report; `None` after errors.
/// A compiled artifact and the files it was built from.
struct Compiled {
    artifact: pipeline::Artifact,
    /// Every source file read, includes too (for `--deps`).
    files: Vec<String>,
}

fn compile_sources(src: &SourceArgs, common: &CommonArgs) -> Option<Compiled> {
    let started = Instant::now();
    let req = match compile_request(src, common) {
        Ok(req) => req,
        Err(d) => {
            report(&[d]);
            return None;
        }
    };
    let result: PipelineResult = pipeline::compile(&req);
    pipeline::render_diagnostics(&result);
    if let Some(note) = &result.cache_note {
        report(&[Diagnostic::warning(codes::CACHE_IO, None, note.clone())]);
    }
    let artifact = result.artifact?;
    if common.verbose {
        let what = match (common.no_cache, artifact.cache_hit) {
            (true, _) => "cache off, key",
            (false, true) => "cache hit",
            (false, false) => "cache miss",
        };
        eprintln!(
            "wsim: compile {what} {} ({} source files, {} bytes, {:.1} ms)",
            artifact.key,
            result.sources.len(),
            artifact.wasm.len(),
            started.elapsed().as_secs_f64() * 1e3
        );
        eprintln!("wsim: stages: {}", stage_report(&result.sources, &result.timings));
    }
    let files =
        result.sources.files().map(|(_, f)| f.name.clone()).filter(|name| name != pipeline::TIMESCALE_FILE).collect();
    Some(Compiled { artifact, files })
}

/// `read 0.3 ms, preprocess 9.8 ms, parse 41.0 ms (24.4 MB/s), ...`: the
/// parse rate is over every source byte (includes too).
fn stage_report(sources: &wsim_diag::SourceMap, timings: &[(&'static str, std::time::Duration)]) -> String {
    let bytes: usize = sources.files().map(|(_, f)| f.text.len()).sum();
    let parts: Vec<String> = timings
        .iter()
        .map(|(stage, t)| {
            let ms = t.as_secs_f64() * 1e3;
            if *stage == "parse" && ms > 0.0 {
                format!("{stage} {ms:.1} ms ({:.1} MB/s)", bytes as f64 / 1e6 / t.as_secs_f64())
            } else {
                format!("{stage} {ms:.1} ms")
            }
        })
        .collect();
    parts.join(", ")
}

fn compile_command(a: &CompileArgs) -> Exit {
    let Some(compiled) = compile_sources(&a.source, &a.common) else { return Exit::CompileError };
    if let Err(e) = wsim_host::cache::write_atomic(&a.output, &compiled.artifact.wasm) {
        report(&[Diagnostic::error(codes::FILE_IO, None, format!("cannot write {}: {e}", a.output.display()))]);
        return Exit::ToolError;
    }
    if let Some(deps) = &a.deps {
        let rule = make_rule(&a.output.display().to_string(), &compiled.files);
        if let Err(e) = std::fs::write(deps, rule) {
            report(&[Diagnostic::error(codes::FILE_IO, None, format!("cannot write {}: {e}", deps.display()))]);
            return Exit::ToolError;
        }
    }
    Exit::Success
}

/// A Make rule `target: sources...` plus an empty rule per source (like
/// `-MP`), so deleting a header does not break the build.
pub fn make_rule(target: &str, sources: &[String]) -> String {
    let escape = |p: &str| p.replace('$', "$$").replace(' ', "\\ ").replace('#', "\\#");
    let mut out = format!("{}:", escape(target));
    for s in sources {
        out.push_str(" \\\n  ");
        out.push_str(&escape(s));
    }
    out.push('\n');
    for s in sources {
        out.push_str(&format!("\n{}:\n", escape(s)));
    }
    out
}

fn run_command(a: &RunArgs) -> Exit {
    match Artifact::read(&a.artifact) {
        Ok(artifact) => run_artifact(&artifact, &a.run, &a.common),
        Err(e) => {
            report_host_error(&e);
            Exit::ToolError
        }
    }
}

fn sim_command(a: &SimArgs) -> Exit {
    let Some(Compiled { artifact: compiled, .. }) = compile_sources(&a.source, &a.common) else {
        return Exit::CompileError;
    };
    let name = a.source.files.first().map(|f| format!("the design compiled from {}", f.display()));
    match Artifact::from_named_bytes(&name.unwrap_or_else(|| "the compiled design".into()), compiled.wasm) {
        Ok(artifact) => run_artifact(&artifact, &a.run, &a.common),
        Err(e) => {
            report_host_error(&e);
            Exit::ToolError
        }
    }
}

/// Run a checked artifact and map the outcome to an exit code.
fn run_artifact(artifact: &Artifact, run: &RunTimeArgs, common: &CommonArgs) -> Exit {
    let max_time = match run.max_time.as_deref().map(|t| parse_max_time(t, artifact.meta.precision)).transpose() {
        Ok(t) => t,
        Err(e) => {
            report_host_error(&e);
            return Exit::CompileError;
        }
    };
    let started = Instant::now();
    let opts =
        RunOptions { plusargs: run.plusargs.clone(), max_time, use_cache: !common.no_cache, ..Default::default() };
    let outcome = match wsim_host::run(artifact, opts) {
        Ok(outcome) => outcome,
        Err(e) => {
            report_host_error(&e);
            return Exit::ToolError;
        }
    };
    if common.verbose {
        eprintln!(
            "wsim: {}; ended {:?} at {}, design exit code {}; walltime {:.3} s",
            outcome.native,
            outcome.reason,
            wsim_host::format_time(outcome.time, artifact.meta.precision),
            outcome.exit_code,
            started.elapsed().as_secs_f64()
        );
    }
    if outcome.reason == EndReason::TimeLimit {
        let time = wsim_host::format_time(outcome.time, artifact.meta.precision);
        let msg = format!("stopped at --max-time (time {time}) with events still pending");
        report(&[Diagnostic::warning(codes::TIME_LIMIT, None, msg)]);
    }
    Exit::of_run(&outcome)
}

/// `--max-time`: plain ticks, or a number with a unit (`10us`), converted
/// with the artifact's precision (one tick = 10^precision s).
pub fn parse_max_time(text: &str, precision: i8) -> Result<u64, HostError> {
    let bad = || {
        HostError::BadOption(format!("--max-time `{text}`: expected ticks (1000) or a time with a unit (10us, 5 ns)"))
    };
    let digits_end = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let value: u64 = text[..digits_end].parse().map_err(|_| bad())?;
    let unit = text[digits_end..].trim();
    if unit.is_empty() {
        return Ok(value);
    }
    let exponent = i32::from(wsim_syntax::timescale::time_unit_exponent(unit).ok_or_else(bad)?);
    let shift = exponent - i32::from(precision);
    if shift >= 0 {
        10u64.checked_pow(shift as u32).and_then(|m| value.checked_mul(m)).ok_or_else(bad)
    } else {
        // A unit finer than a tick: round down to whole ticks.
        Ok(10u64.checked_pow((-shift) as u32).map(|d| value / d).unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn make_rule_lists_every_file_with_phony_rules() {
        let rule = make_rule("out dir/t.wasm", &["t.v".into(), "inc/$defs.vh".into()]);
        assert_eq!(rule, "out\\ dir/t.wasm: \\\n  t.v \\\n  inc/$$defs.vh\n\nt.v:\n\ninc/$$defs.vh:\n");
    }

    #[test]
    fn max_time_units_follow_the_precision() {
        assert_eq!(parse_max_time("1000", -12).unwrap(), 1000);
        assert_eq!(parse_max_time("10us", -12).unwrap(), 10_000_000);
        assert_eq!(parse_max_time("5 ns", -9).unwrap(), 5);
        assert_eq!(parse_max_time("1500ps", -9).unwrap(), 1);
        assert!(parse_max_time("10 parsecs", -9).is_err());
        assert!(parse_max_time("", -9).is_err());
    }
}
