//! The `wsim` subcommands: `compile`, `run`, `sim`.
//!
//! The argv pre-pass ([`crate::argv`]) has already rewritten every accepted
//! spelling into the canonical `--name=value` form these clap definitions
//! parse. stdout carries only the design's output; wsim's own messages go
//! to stderr.

use crate::argv::{self, Mode};
use crate::compile_cache::CompileCache;
use crate::exit::Exit;
use crate::pipeline::{self, CompileRequest, PipelineResult, StopAfter};
use crate::report::{self, CompileReport, Progress, ProgressMode, RunReport};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};
use wsim_diag::codes::run as codes;
use wsim_diag::{DiagFormat, Diagnostic, RenderOptions, SourceMap};
use wsim_host::dumping::{WavesMode, WavesRequest};
use wsim_host::sandbox::FilePolicy;
use wsim_host::waves::{WaveFormat, WaveOptions};
use wsim_host::{Artifact, EndReason, HostError, JitPolicy, RunOptions, RunOutcome};

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
    /// Default timescale, e.g. `1ns/1ps` (the last one given wins, as in Icarus).
    #[arg(long, overrides_with = "timescale")]
    pub timescale: Option<String>,
    /// Apply the module path delays of specify blocks and the SDF delays
    /// `$sdf_annotate` reads while compiling (like Icarus `-gspecify`);
    /// without it specify blocks are parsed and ignored. docs/specify.md.
    #[arg(long)]
    pub specify: bool,
    /// Which value of every `min:typ:max` delay and SDF triple to use;
    /// also `-Tmin`, `-Ttyp`, `-Tmax` (Icarus). Default: typ.
    #[arg(long = "delay-select", value_name = "min|typ|max")]
    pub delay_select: Option<DelaySelect>,
    /// Turn a warning off by code (`-Wno-W0301`).
    #[arg(long = "wno", value_name = "CODE")]
    pub warnings_off: Vec<String>,
    /// Also the warnings that are off by default (lints: unused, undriven,
    /// truncation, implicit nets); `-Wall`.
    #[arg(long = "wall")]
    pub all_warnings: bool,
    /// Speed mode: simulate two-state, X and Z read as 0 (like Verilator);
    /// docs/two-state.md.
    #[arg(long = "two-state")]
    pub two_state: bool,
    /// Optimisation level: `-O0` turns the IR passes off (constant folding
    /// and propagation, dead code removal); `-O1` to `-O3` all run them
    /// (the default).
    #[arg(short = 'O', value_name = "LEVEL", value_parser = clap::value_parser!(u8).range(0..=3))]
    pub opt_level: Option<u8>,
    /// Turn one backend optimisation off, to measure what it gives (the
    /// outputs stay the same; bench/README.md).
    #[arg(long = "no-opt", value_name = "NAME")]
    pub no_opt: Vec<pipeline::NoOpt>,
    /// Print the IR after elaboration and after each pass to stderr, or
    /// to FILE with `--dump-ir=FILE` (bypasses the compile cache).
    #[arg(long = "dump-ir", value_name = "FILE", num_args = 0..=1, require_equals = true)]
    pub dump_ir: Option<Option<PathBuf>>,
}

/// `--delay-select`: the value of `min:typ:max` delays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DelaySelect {
    Min,
    Typ,
    Max,
}

/// Options every subcommand takes.
#[derive(Args, Debug, Default)]
pub struct CommonArgs {
    /// Bypass the compile and native-code caches.
    #[arg(long)]
    pub no_cache: bool,
    /// Full reports (every stage, run statistics) on stderr.
    #[arg(long)]
    pub verbose: bool,
    /// No reports on stderr (diagnostics still appear).
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Write the compile and run reports as JSON to FILE (docs/reports.md).
    #[arg(long = "stats-json", value_name = "FILE")]
    pub stats_json: Option<PathBuf>,
    /// `text` (`file:line:col: error[CODE]: ...` with the source line) or
    /// `json` (one object per line, docs/diagnostics.md).
    #[arg(long = "diagnostic-format", value_name = "text|json", default_value = "text")]
    pub diagnostic_format: DiagFormat,
    /// Diagnostics without the source line and caret.
    #[arg(long = "no-context")]
    pub no_context: bool,
}

impl CommonArgs {
    fn render_options(&self) -> RenderOptions {
        RenderOptions { format: self.diagnostic_format, show_context: !self.no_context }
    }
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
    /// Only check the sources up to this stage; write no artifact.
    #[arg(long = "stop-after", value_name = "STAGE")]
    pub stop_after: Option<StopAfter>,
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
    /// Stop after this much wall time: seconds (`30`) or `500ms`, `2m`, `1h`.
    #[arg(long, value_name = "DURATION")]
    pub timeout: Option<String>,
    /// Cap the design's memory (the arena): bytes, or with K, M, G (`512M`).
    #[arg(long = "max-memory", value_name = "SIZE")]
    pub max_memory: Option<String>,
    /// Waves: `vcd` or `fst` (also dumps the whole design when it never
    /// calls `$dumpvars`), or `none` (ignore `$dump*`). Default: honour the
    /// design's `$dumpfile`/`$dumpvars`.
    #[arg(long, value_name = "vcd|fst|none")]
    pub waves: Option<String>,
    /// The wave file (overrides `$dumpfile`).
    #[arg(long = "waves-file", value_name = "FILE")]
    pub waves_file: Option<PathBuf>,
    /// Dump only these scopes (repeatable): `tb.dut`.
    #[arg(long = "waves-scope", value_name = "SCOPE")]
    pub waves_scopes: Vec<String>,
    /// Dump unpacked arrays (memories) too, element by element.
    #[arg(long = "dump-arrays")]
    pub dump_arrays: bool,
    /// Let the design open files under DIR too (repeatable; the working
    /// directory is always granted unless --deny-files).
    #[arg(long = "allow-dir", value_name = "DIR")]
    pub allow_dirs: Vec<PathBuf>,
    /// The design may open no host file at all.
    #[arg(long = "deny-files")]
    pub deny_files: bool,
    /// Exit 0 even when `$error` or a failed assertion was reported.
    #[arg(long = "no-fail-on-error")]
    pub no_fail_on_error: bool,
    /// Off a terminal, print a progress line every SECS seconds.
    #[arg(long, value_name = "SECS", value_parser = parse_heartbeat)]
    pub heartbeat: Option<f64>,
    /// Native code: `auto` (Cranelift's from the cache; else start on Winch,
    /// compiled in a fraction of the time, and switch to Cranelift's once
    /// the run is long enough to pay for it), `cranelift`, `winch`, or
    /// `switch` (start on Winch, switch at the first time-step slice).
    #[arg(long, value_name = "auto|cranelift|winch|switch")]
    pub jit: Option<String>,
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
    let _ = RENDER.set(render_options_of(&args));
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

/// How span-less diagnostics are printed: set once from the command line
/// (`--diagnostic-format`, `--no-context`) before anything is reported.
static RENDER: OnceLock<RenderOptions> = OnceLock::new();

/// Print span-less diagnostics (command line, host) to stderr.
fn report(diags: &[Diagnostic]) {
    let none = SourceMap::new();
    let opts = RENDER.get().copied().unwrap_or_default();
    for d in diags {
        eprint!("{}", wsim_diag::render_with(&none, d, &opts));
    }
}

/// The render options the normalized arguments ask for, read before clap
/// runs so that clap's own errors aside, everything is reported in that format.
fn render_options_of(args: &[String]) -> RenderOptions {
    let mut opts = RenderOptions::default();
    for (i, a) in args.iter().enumerate() {
        let value = match a.strip_prefix("--diagnostic-format") {
            Some(rest) => rest.strip_prefix('=').or_else(|| args.get(i + 1).map(String::as_str)),
            None => None,
        };
        if let Some(format) = value.and_then(|v| v.parse().ok()) {
            opts.format = format;
        }
        if a == "--no-context" {
            opts.show_context = false;
        }
    }
    opts
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
    req.elab.specify = src.specify;
    req.elab.delay_selection = match src.delay_select {
        Some(DelaySelect::Min) => wsim_elab::sdf::DelaySelection::Min,
        Some(DelaySelect::Max) => wsim_elab::sdf::DelaySelection::Max,
        Some(DelaySelect::Typ) | None => wsim_elab::sdf::DelaySelection::Typ,
    };
    req.timescale = src.timescale.clone();
    req.warnings_off = src.warnings_off.clone();
    req.all_warnings = src.all_warnings;
    req.opt = wsim_opt::OptOptions {
        two_state: src.two_state,
        optimize: src.opt_level != Some(0),
        substitute_wires: !src.no_opt.contains(&pipeline::NoOpt::SubstituteWires),
    };
    req.no_opt = src.no_opt.clone();
    req.no_opt.sort();
    req.no_opt.dedup();
    req.dump_ir = src.dump_ir.as_ref().map(|file| match file {
        Some(path) => pipeline::DumpIr::File(path.clone()),
        None => pipeline::DumpIr::Stderr,
    });
    req.diagnostic_format = common.diagnostic_format;
    req.show_context = !common.no_context;
    if !common.no_cache {
        req.cache = wsim_host::cache::cache_root().map(|root| CompileCache::new(&root));
    }
    Ok(req)
}

/// A compiled artifact, the files it was built from, and the report.
struct Compiled {
    artifact: pipeline::Artifact,
    /// Every source file read, includes too (for `--deps`).
    files: Vec<String>,
    report: CompileReport,
}

/// Compile through the pipeline and print its diagnostics; `None` after errors.
fn compile_sources(src: &SourceArgs, common: &CommonArgs) -> Option<Compiled> {
    let (started, cpu_start) = (Instant::now(), report::cpu_time());
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
    let cpu = report::cpu_time().saturating_sub(cpu_start);
    let compile_report = CompileReport::from_pipeline(&result, req.cache.is_some(), started.elapsed(), cpu);
    let files = result.sources.files().map(|(_, f)| f.name.clone()).collect();
    Some(Compiled { artifact: result.artifact?, files, report: compile_report })
}

fn compile_command(a: &CompileArgs) -> Exit {
    if let Some(stage) = a.stop_after {
        return check_sources(&a.source, &a.common, stage);
    }
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
    if !a.common.quiet {
        eprint!("{}", report::render_compile(&compiled.report));
    }
    if let Some(path) = &a.common.stats_json {
        if let Err(e) = report::write_stats_json(path, Some(&compiled.report), None) {
            report(&[Diagnostic::error(codes::FILE_IO, None, format!("cannot write {}: {e}", path.display()))]);
            return Exit::ToolError;
        }
    }
    Exit::Success
}

/// `wsim compile --stop-after=STAGE`: the diagnostics of the stages up to
/// `stage`, and success when there was no error.
fn check_sources(src: &SourceArgs, common: &CommonArgs, stage: StopAfter) -> Exit {
    let mut req = match compile_request(src, common) {
        Ok(req) => req,
        Err(d) => {
            report(&[d]);
            return Exit::CompileError;
        }
    };
    req.stop_after = Some(stage);
    let result = pipeline::compile(&req);
    pipeline::render_diagnostics(&result);
    if result.has_errors() {
        Exit::CompileError
    } else {
        Exit::Success
    }
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
        Ok(artifact) => run_artifact(&artifact, &a.run, &a.common, None),
        Err(e) => {
            report_host_error(&e);
            Exit::ToolError
        }
    }
}

fn sim_command(a: &SimArgs) -> Exit {
    let Some(Compiled { artifact: compiled, report: compile_report, .. }) = compile_sources(&a.source, &a.common)
    else {
        return Exit::CompileError;
    };
    if a.common.verbose && !a.common.quiet {
        eprint!("{}", report::render_compile(&compile_report));
    }
    let name = a.source.files.first().map(|f| format!("the design compiled from {}", f.display()));
    match Artifact::from_named_bytes(&name.unwrap_or_else(|| "the compiled design".into()), compiled.wasm) {
        Ok(artifact) => run_artifact(&artifact, &a.run, &a.common, Some(&compile_report)),
        Err(e) => {
            report_host_error(&e);
            Exit::ToolError
        }
    }
}

/// Run a checked artifact, report, and map the outcome to an exit code.
fn run_artifact(artifact: &Artifact, run: &RunTimeArgs, common: &CommonArgs, compile: Option<&CompileReport>) -> Exit {
    let mut opts = match run_options(artifact, run, common) {
        Ok(opts) => opts,
        Err(e) => {
            report_host_error(&e);
            return Exit::CompileError;
        }
    };
    let precision = artifact.meta.precision;
    let heartbeat = run.heartbeat.map(|s| Duration::from_secs_f64(s.max(0.0)));
    let mode = if common.quiet { ProgressMode::Off } else { ProgressMode::detect(heartbeat, false) };
    let progress = Arc::new(Mutex::new(Progress::new(mode)));
    if mode != ProgressMode::Off {
        let shared = Arc::clone(&progress);
        opts.progress = Some(Box::new(move |ticks| {
            if let Ok(mut p) = shared.lock() {
                p.update(ticks, precision);
            }
        }));
    }
    let (started, cpu_start) = (Instant::now(), report::cpu_time());
    let outcome = wsim_host::run(artifact, opts);
    if let Ok(mut p) = progress.lock() {
        p.finish();
    }
    let outcome = match outcome {
        Ok(outcome) => outcome,
        Err(e) => {
            report_host_error(&e);
            return Exit::ToolError;
        }
    };
    report_run_end(artifact, &outcome);
    if common.verbose {
        eprintln!("wsim: {} ({})", outcome.native, outcome.tiers.start);
        if let Some(switched) = &outcome.tiers.switched {
            let at = wsim_host::format_time(switched.time, artifact.meta.precision);
            let after = switched.after.as_secs_f64();
            eprintln!("wsim: switched to cranelift code at {at}, {after:.3} s into the run ({})", switched.native);
        }
        if let Some(note) = &outcome.tiers.note {
            eprintln!("wsim: stayed on {} code: {note}", outcome.tiers.start);
        }
    }
    let exit = Exit::of_run(&outcome, !run.no_fail_on_error);
    let cpu = report::cpu_time().saturating_sub(cpu_start);
    let run_report = RunReport::from_outcome(&outcome, artifact.meta.precision, started.elapsed(), cpu, exit.code());
    if !common.quiet {
        let verbosity = if common.verbose { 2 } else { outcome.stats.finish_verbosity };
        let text = report::render_run(&run_report);
        match verbosity {
            v if v <= 0 => {}
            1 => eprintln!("{}", text.lines().next().unwrap_or_default()),
            _ => eprint!("{text}"),
        }
    }
    if let Some(path) = &common.stats_json {
        if let Err(e) = report::write_stats_json(path, compile, Some(&run_report)) {
            report(&[Diagnostic::error(codes::FILE_IO, None, format!("cannot write {}: {e}", path.display()))]);
            return Exit::ToolError;
        }
    }
    exit
}

/// The host's run options from the command line.
fn run_options(artifact: &Artifact, run: &RunTimeArgs, common: &CommonArgs) -> Result<RunOptions, HostError> {
    let precision = artifact.meta.precision;
    let max_time = run.max_time.as_deref().map(|t| parse_max_time(t, precision)).transpose()?;
    let timeout = run.timeout.as_deref().map(parse_duration).transpose()?;
    let max_memory = run.max_memory.as_deref().map(parse_size).transpose()?;
    let jit = match run.jit.as_deref() {
        None => JitPolicy::default(),
        Some(name) => JitPolicy::from_name(name)
            .ok_or_else(|| HostError::BadOption(format!("--jit `{name}`: expected {}", JitPolicy::NAMES)))?,
    };
    let files = if run.deny_files {
        FilePolicy::deny_all()
    } else {
        let mut policy = FilePolicy::working_dir()
            .map_err(|e| HostError::BadOption(format!("cannot resolve the working directory: {e}")))?;
        for dir in &run.allow_dirs {
            policy = policy
                .allow_dir(dir)
                .map_err(|e| HostError::BadOption(format!("--allow-dir {}: {e}", dir.display())))?;
        }
        policy
    };
    Ok(RunOptions {
        plusargs: run.plusargs.clone(),
        max_time,
        use_cache: !common.no_cache,
        waves: waves_request(run)?,
        files: Some(files),
        max_memory,
        timeout,
        catch_ctrl_c: true,
        diagnostics: common.render_options(),
        jit,
        ..Default::default()
    })
}

/// `--waves`, `--waves-file`, `--waves-scope`, `--dump-arrays`.
fn waves_request(run: &RunTimeArgs) -> Result<WavesRequest, HostError> {
    let (mode, format) = match run.waves.as_deref() {
        None => (WavesMode::Design, None),
        Some("none") => (WavesMode::Off, None),
        Some(name) => match WaveFormat::from_name(name) {
            Some(format) => (WavesMode::Always, Some(format)),
            None => return Err(HostError::BadOption(format!("--waves `{name}`: expected vcd, fst or none"))),
        },
    };
    let format = format.or_else(|| run.waves_file.as_deref().and_then(WaveFormat::from_path));
    let options = WaveOptions {
        format,
        file: run.waves_file.clone(),
        dump_arrays: run.dump_arrays,
        scopes: run.waves_scopes.clone(),
    };
    Ok(WavesRequest { mode, options })
}

/// Warnings for the ways a run can end early, and for its wave file.
fn report_run_end(artifact: &Artifact, outcome: &RunOutcome) {
    let time = wsim_host::format_time(outcome.time, artifact.meta.precision);
    let warning = |code, msg: String| report(&[Diagnostic::warning(code, None, msg)]);
    match outcome.reason {
        EndReason::TimeLimit => {
            warning(codes::TIME_LIMIT, format!("stopped at --max-time (time {time}) with events still pending"))
        }
        EndReason::Timeout => warning(codes::WALL_TIMEOUT, format!("stopped at --timeout (simulation time {time})")),
        EndReason::Interrupted => {
            warning(codes::INTERRUPTED, format!("interrupted by Ctrl-C (simulation time {time})"))
        }
        EndReason::MemoryLimit => report(&[Diagnostic::error(
            codes::MEMORY_LIMIT,
            None,
            format!("the design needed more memory than --max-memory allows (simulation time {time})"),
        )]),
        _ => {}
    }
    if let Some(e) = &outcome.waves_error {
        report(&[Diagnostic::error(codes::WAVES_IO, None, e.clone())]);
    }
}

/// `--heartbeat`: a finite, non-negative number of seconds.
fn parse_heartbeat(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(s) if s.is_finite() && s >= 0.0 => Ok(s),
        _ => Err(format!("`{text}`: expected a number of seconds")),
    }
}

/// `--timeout`: seconds (`30`, `2.5`) or with a unit (`500ms`, `10s`, `2m`, `1h`).
pub fn parse_duration(text: &str) -> Result<Duration, HostError> {
    let bad = || HostError::BadOption(format!("--timeout `{text}`: expected seconds (30) or 500ms, 10s, 2m, 1h"));
    let t = text.trim();
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let value: f64 = t[..split].parse().map_err(|_| bad())?;
    let scale = match t[split..].trim() {
        "" | "s" => 1.0,
        "ms" => 1e-3,
        "m" | "min" => 60.0,
        "h" => 3600.0,
        _ => return Err(bad()),
    };
    Duration::try_from_secs_f64(value * scale).map_err(|_| bad())
}

/// `--max-memory`: bytes, or with K, M, G (powers of 1024; `KiB`, `MB`... accepted).
pub fn parse_size(text: &str) -> Result<u64, HostError> {
    let bad = || HostError::BadOption(format!("--max-memory `{text}`: expected bytes or a size like 512M, 2G"));
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let value: u64 = t[..split].parse().map_err(|_| bad())?;
    let unit = t[split..].trim().to_ascii_uppercase();
    let shift = match unit.trim_end_matches("IB").trim_end_matches('B') {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => return Err(bad()),
    };
    value.checked_mul(1u64 << shift).ok_or_else(bad)
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
