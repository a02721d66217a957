//! End-of-command reports, `--stats-json`, and the live progress of a run.
//!
//! Plain data in, text out: the commands fill a [`CompileReport`] or a
//! [`RunReport`] and print [`render_compile`] / [`render_run`] to stderr
//! (Verilator-style `- wsim: ...` lines), and `--stats-json FILE` writes
//! [`to_json`]. Nothing here measures the design: it only formats what the
//! pipeline and the runner counted, so the text is a pure function of the
//! data and tests compare it in full. The derived numbers (simulated time per
//! wall second, cycles per second) are computed in one place, [`Rates`].
//! Every line and every JSON field is documented in `docs/reports.md`.
//!
//! [`Progress`] is the live line of a long run: an `indicatif` spinner when
//! stderr is a terminal, a plain heartbeat line every N seconds otherwise
//! (`--heartbeat`), or nothing. Its clock is injectable so tests can check
//! the cadence without sleeping.
//!
//! [`peak_memory`] and [`cpu_time`] ask the OS about this process
//! (`getrusage`); elsewhere they answer 0 rather than fail.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Version of the `--stats-json` layout. Adding a field keeps it; renaming,
/// removing or changing the meaning of one bumps it.
pub const STATS_SCHEMA: u32 = 1;

/// Whether the artifact came from the compile cache.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CacheStatus {
    /// Found in the cache: the front end and codegen did not run.
    Hit,
    /// Not in the cache: compiled, then stored under the key.
    Miss,
    /// The cache was not used (`--no-cache`, or `compile -o` to a file).
    #[default]
    Off,
}

impl CacheStatus {
    /// The name used in the text and in the JSON `cache` field.
    pub fn as_str(self) -> &'static str {
        match self {
            CacheStatus::Hit => "hit",
            CacheStatus::Miss => "miss",
            CacheStatus::Off => "off",
        }
    }
}

/// What `wsim compile` (or the compile half of `wsim sim`) did.
#[derive(Clone, Debug, Default)]
pub struct CompileReport {
    /// Source files read (after `-f` expansion, `` `include``s counted).
    pub files: usize,
    /// Lines in those files.
    pub lines: usize,
    /// Bytes in those files.
    pub bytes: u64,
    /// Design counts from elaboration; `None` when elaboration did not run
    /// (a cache hit) or the count is not known.
    pub modules: Option<usize>,
    pub instances: Option<usize>,
    pub processes: Option<usize>,
    pub signals: Option<usize>,
    /// Wall time of each stage, in pipeline order ("read", "preprocess",
    /// "parse", "elaborate", "codegen", "write"...).
    pub stages: Vec<(String, Duration)>,
    pub cache: CacheStatus,
    /// The compile-cache key (hex); empty when the cache is off.
    pub key: String,
    /// Size of the wasm artifact.
    pub artifact_bytes: u64,
    /// Wall time of the whole compile.
    pub wall: Duration,
    /// CPU time (user + system, all threads) spent compiling: the
    /// difference of two [`cpu_time`] readings.
    pub cpu: Duration,
    /// Peak resident memory of the process ([`peak_memory`]); 0 = unknown.
    pub peak_memory: u64,
}

impl CompileReport {
    /// The report of a pipeline run that produced an artifact. `cache_used`:
    /// whether the request had a cache (`CompileRequest::cache`); `wall`
    /// and `cpu` cover the whole compile. Peak memory is read now.
    pub fn from_pipeline(
        result: &crate::pipeline::PipelineResult,
        cache_used: bool,
        wall: Duration,
        cpu: Duration,
    ) -> CompileReport {
        let stats = &result.stats;
        // A count of 0 modules means elaboration did not finish (any
        // elaborated design has a top), so the design counts are unknown.
        let elaborated = stats.modules > 0;
        let known = |n: usize| elaborated.then_some(n);
        let artifact = result.artifact.as_ref();
        let cache = match artifact {
            Some(a) if a.cache_hit => CacheStatus::Hit,
            Some(_) if cache_used => CacheStatus::Miss,
            _ => CacheStatus::Off,
        };
        CompileReport {
            files: stats.files,
            lines: stats.lines,
            bytes: stats.bytes as u64,
            modules: known(stats.modules),
            instances: known(stats.instances),
            processes: known(stats.processes),
            signals: known(stats.signals),
            stages: result.timings.iter().map(|(name, d)| (name.to_string(), *d)).collect(),
            cache,
            key: match cache {
                CacheStatus::Off => String::new(),
                CacheStatus::Hit | CacheStatus::Miss => artifact.map(|a| a.key.clone()).unwrap_or_default(),
            },
            artifact_bytes: artifact.map_or(0, |a| a.wasm.len() as u64),
            wall,
            cpu,
            peak_memory: peak_memory(),
        }
    }
}

/// Why a run ended.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RunEnd {
    /// `$finish` (also `$fatal`, which finishes with exit code 1).
    #[default]
    Finish,
    /// No events were left to run.
    NoEvents,
    /// `$stop` (ends the run: there is no interactive mode).
    Stop,
    /// `--max-time` (simulated time) was reached with events pending.
    MaxTime,
    /// `--timeout` (wall time) was reached.
    Timeout,
    /// Ctrl-C.
    Interrupted,
    /// `--max-memory` refused the arena more memory.
    MemoryLimit,
    /// A run-time error ended the run (already reported on its own).
    Error,
}

impl RunEnd {
    /// The JSON `end` value.
    pub fn json_name(self) -> &'static str {
        match self {
            RunEnd::Finish => "finish",
            RunEnd::NoEvents => "no_events",
            RunEnd::Stop => "stop",
            RunEnd::MaxTime => "max_time",
            RunEnd::Timeout => "timeout",
            RunEnd::Interrupted => "interrupted",
            RunEnd::MemoryLimit => "memory_limit",
            RunEnd::Error => "error",
        }
    }

    /// The words before "at <time>" in the text report.
    pub fn phrase(self) -> &'static str {
        match self {
            RunEnd::Finish => "$finish",
            RunEnd::NoEvents => "no events left",
            RunEnd::Stop => "$stop",
            RunEnd::MaxTime => "stopped by --max-time",
            RunEnd::Timeout => "stopped by --timeout",
            RunEnd::Interrupted => "interrupted (Ctrl-C)",
            RunEnd::MemoryLimit => "stopped by --max-memory",
            RunEnd::Error => "run-time error",
        }
    }
}

impl From<wsim_host::EndReason> for RunEnd {
    fn from(reason: wsim_host::EndReason) -> RunEnd {
        use wsim_host::EndReason as R;
        match reason {
            R::Finished => RunEnd::Finish,
            R::Idle => RunEnd::NoEvents,
            R::Stopped => RunEnd::Stop,
            R::TimeLimit => RunEnd::MaxTime,
            R::Timeout => RunEnd::Timeout,
            R::Interrupted => RunEnd::Interrupted,
            R::MemoryLimit => RunEnd::MemoryLimit,
            R::Error => RunEnd::Error,
        }
    }
}

/// The clock with the most cycles (`wsim_stat` CLOCK_SIGNAL/CLOCK_CYCLES).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClockStats {
    /// Hierarchical name of the signal (`tb.clk`).
    pub name: String,
    /// Its posedges seen by `@(posedge)` waiters.
    pub cycles: u64,
}

/// The waveform file a run wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WavesStats {
    pub path: String,
    /// "vcd" or "fst".
    pub format: String,
    /// Its size once closed.
    pub bytes: u64,
}

/// What `wsim run` (or the run half of `wsim sim`) did.
#[derive(Clone, Debug, Default)]
pub struct RunReport {
    pub end: RunEnd,
    /// Where the `$finish`/`$stop`/`$fatal` that ended the run is
    /// (`file:line:col`), when one did.
    pub site: Option<String>,
    /// Simulation time at the end, in ticks of the design's precision.
    pub end_time_ticks: u64,
    /// The design's time precision as a power of ten of seconds (-9 = 1ns).
    pub precision: i8,
    /// Wall time of the run (instantiation to the end).
    pub wall: Duration,
    /// CPU time of the run: the difference of two [`cpu_time`] readings.
    pub cpu: Duration,
    /// The fastest clock, if anything waited on a posedge.
    pub clock: Option<ClockStats>,
    /// Delta cycles (active-region iterations) over all time steps.
    pub delta_cycles: u64,
    /// Process activations (step-function calls).
    pub activations: u64,
    /// Time steps that had work.
    pub time_steps: u64,
    /// `$error`/`$fatal` calls and failed assertions.
    pub errors: u64,
    /// Peak resident memory of the process ([`peak_memory`]); 0 = unknown.
    pub peak_memory: u64,
    /// Size of the design's wasm linear memory (the arena) at the end.
    pub arena_bytes: u64,
    pub waves: Option<WavesStats>,
    /// The process exit code the run leads to.
    pub exit_code: i32,
}

/// The derived numbers of a run, computed here and nowhere else.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rates {
    /// Simulated time at the end, in seconds.
    pub sim_seconds: f64,
    /// Simulated seconds per wall second; `None` when no wall time passed.
    pub sim_per_wall_second: Option<f64>,
    /// Cycles of the fastest clock per wall second.
    pub cycles_per_second: Option<f64>,
}

impl RunReport {
    /// The report of a run that ended without a trap. `precision`: the
    /// artifact's (`artifact.meta.precision`); `wall` and `cpu`: of the run
    /// alone; `exit_code`: what the command will exit with (124 for a
    /// limit...). Peak memory is read now.
    pub fn from_outcome(
        outcome: &wsim_host::RunOutcome,
        precision: i8,
        wall: Duration,
        cpu: Duration,
        exit_code: i32,
    ) -> RunReport {
        let stats = &outcome.stats;
        RunReport {
            end: outcome.reason.into(),
            site: stats.finish_site.as_ref().map(|site| site.to_string()),
            end_time_ticks: outcome.time,
            precision,
            wall,
            cpu,
            clock: stats.clock.as_ref().map(|(name, cycles)| ClockStats { name: name.clone(), cycles: *cycles }),
            delta_cycles: stats.delta_cycles,
            activations: stats.activations,
            time_steps: stats.time_steps,
            errors: stats.errors,
            peak_memory: peak_memory(),
            arena_bytes: stats.arena_bytes,
            waves: outcome.waves.as_ref().map(|w| WavesStats {
                path: w.path.display().to_string(),
                format: w.format.extension().to_string(),
                bytes: w.bytes,
            }),
            exit_code,
        }
    }

    /// Simulated time per wall second and clock cycles per second.
    pub fn rates(&self) -> Rates {
        let sim_seconds = sim_seconds(self.end_time_ticks, self.precision);
        Rates {
            sim_seconds,
            sim_per_wall_second: per_second(sim_seconds, self.wall),
            cycles_per_second: self.clock.as_ref().and_then(|c| per_second(c.cycles as f64, self.wall)),
        }
    }
}

/// `ticks` of `10^precision` s, in seconds.
pub fn sim_seconds(ticks: u64, precision: i8) -> f64 {
    ticks as f64 * 10f64.powi(i32::from(precision))
}

/// `amount` per second of `wall`; `None` for a zero wall time (a rate of a
/// run too short to measure would be noise, not a number).
pub fn per_second(amount: f64, wall: Duration) -> Option<f64> {
    let seconds = wall.as_secs_f64();
    (seconds > 0.0).then(|| amount / seconds)
}

// ---------------------------------------------------------------------------
// Text reports

const PREFIX: &str = "- wsim: ";

/// The compile report: two lines, each ending in a newline.
pub fn render_compile(r: &CompileReport) -> String {
    let sources =
        format!("{} ({}, {})", plural(r.files as u64, "file"), plural(r.lines as u64, "line"), format_bytes(r.bytes));
    let mut first = match r.cache {
        CacheStatus::Hit => format!("{PREFIX}cached build of {sources}"),
        CacheStatus::Miss | CacheStatus::Off => format!("{PREFIX}compiled {sources}"),
    };
    let counts: Vec<String> =
        [(r.modules, "module"), (r.instances, "instance"), (r.processes, "process"), (r.signals, "signal")]
            .into_iter()
            .filter_map(|(n, what)| n.map(|n| plural(n as u64, what)))
            .collect();
    if !counts.is_empty() {
        first.push_str(&format!(" into {}", counts.join(", ")));
    }
    first.push_str(&format!("; walltime {}", format_seconds(r.wall)));
    if !r.stages.is_empty() {
        let stages: Vec<String> = r.stages.iter().map(|(name, d)| format!("{name} {}", format_stage(*d))).collect();
        first.push_str(&format!(" ({})", stages.join(", ")));
    }
    first.push_str(&format!("; cpu {}", format_seconds(r.cpu)));
    if r.peak_memory > 0 {
        first.push_str(&format!("; peak memory {}", format_bytes(r.peak_memory)));
    }

    let mut second = format!("{PREFIX}cache {}", r.cache.as_str());
    if !r.key.is_empty() {
        second.push_str(&format!(", key {}", short_key(&r.key)));
    }
    second.push_str(&format!("; artifact {}", format_bytes(r.artifact_bytes)));
    format!("{first}\n{second}\n")
}

/// The run report: two lines, each ending in a newline. The first says how
/// it ended and how fast it went, the second what the design did.
pub fn render_run(r: &RunReport) -> String {
    let rates = r.rates();
    let site = r.site.as_ref().map(|s| format!(" ({s})")).unwrap_or_default();
    let mut first = format!(
        "{PREFIX}{} at {}{site}; walltime {}; cpu {}",
        r.end.phrase(),
        wsim_host::format_time(r.end_time_ticks, r.precision),
        format_seconds(r.wall),
        format_seconds(r.cpu)
    );
    if let Some(speed) = rates.sim_per_wall_second {
        first.push_str(&format!("; speed {}", format_sim_speed(speed)));
    }
    if r.peak_memory > 0 {
        first.push_str(&format!("; peak memory {}", format_bytes(r.peak_memory)));
    }
    if r.errors > 0 {
        first.push_str(&format!("; {}", plural(r.errors, "error")));
    }
    if r.exit_code != 0 {
        first.push_str(&format!("; exit code {}", r.exit_code));
    }

    let mut parts = Vec::new();
    if let Some(clock) = &r.clock {
        let mut part = format!("clock {} {}", clock.name, plural(clock.cycles, "cycle"));
        if let Some(rate) = rates.cycles_per_second {
            part.push_str(&format!(", {} cycles/s", format_rate(rate)));
        }
        parts.push(part);
    }
    parts.push(format!(
        "{}, {}, {}",
        plural(r.delta_cycles, "delta cycle"),
        plural(r.activations, "activation"),
        plural(r.time_steps, "time step")
    ));
    parts.push(format!("arena {}", format_bytes(r.arena_bytes)));
    if let Some(waves) = &r.waves {
        parts.push(format!("waves {} {}", waves.path, format_bytes(waves.bytes)));
    }
    format!("{first}\n{PREFIX}{}\n", parts.join("; "))
}

/// The first 16 hex digits of a cache key: enough to find the entry
/// (`ls <cache>/artifacts/<prefix>*`); the JSON carries the whole key.
fn short_key(key: &str) -> String {
    match key.get(..16) {
        Some(prefix) if key.len() > 16 => format!("{prefix}..."),
        _ => key.to_string(),
    }
}

/// "1 file", "1,234 files", "3 processes".
fn plural(n: u64, what: &str) -> String {
    let suffix = match (n, what.ends_with('s')) {
        (1, _) => "",
        (_, true) => "es",
        (_, false) => "s",
    };
    format!("{} {what}{suffix}", group_thousands(n))
}

// ---------------------------------------------------------------------------
// Number formatting

/// `1234567` -> `"1,234,567"`: counts are exact, only grouped.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Bytes in binary units with three significant digits: "512 B",
/// "45.6 KB", "210 KB", "1.00 MB" (1 KB = 1024 B, as Verilator and `du`).
pub fn format_bytes(n: u64) -> String {
    if n < 1024 {
        return format!("{n} B");
    }
    scaled(n as f64, 1024.0, &[" B", " KB", " MB", " GB", " TB", " PB"])
}

/// A rate in decimal units with three significant digits: "950",
/// "12.3 k", "5.90 M" (the caller appends " cycles/s").
pub fn format_rate(per_second: f64) -> String {
    scaled(per_second, 1000.0, &["", " k", " M", " G", " T", " P"])
}

/// Simulated seconds per wall second in the largest time unit that keeps
/// the number at or above 1: "11.8 us/s", "250 ns/s", "2.00 s/s".
pub fn format_sim_speed(sim_seconds_per_second: f64) -> String {
    const UNITS: [&str; 6] = ["s", "ms", "us", "ns", "ps", "fs"];
    let v = sim_seconds_per_second;
    if v <= 0.0 || !v.is_finite() {
        return "0 s/s".to_string();
    }
    let mut unit = 0;
    while unit + 1 < UNITS.len() && v * 1000f64.powi(unit as i32) < 1.0 {
        unit += 1;
    }
    let mut text = three_significant(v * 1000f64.powi(unit as i32));
    // 999.96 us rounds to "1000": say "1.00 ms" instead.
    if unit > 0 && text.parse::<f64>().is_ok_and(|x| x >= 1000.0) {
        unit -= 1;
        text = three_significant(v * 1000f64.powi(unit as i32));
    }
    format!("{text} {}/s", UNITS[unit])
}

/// A wall or CPU time in seconds with millisecond resolution: "0.071 s".
pub fn format_seconds(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

/// A stage time: "0.3 ms", "71.2 ms" below a second, "1.234 s" above.
pub fn format_stage(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        format!("{:.1} ms", d.as_secs_f64() * 1e3)
    } else {
        format_seconds(d)
    }
}

/// `value` in the largest of `units` (steps of `base`) that keeps it at or
/// above 1, with three significant digits; a value that rounds up to
/// `base` moves to the next unit ("1024 KB" -> "1.00 MB").
fn scaled(value: f64, base: f64, units: &[&str]) -> String {
    if !value.is_finite() || value <= 0.0 {
        return format!("0{}", units[0]);
    }
    let mut unit = 0;
    let mut v = value;
    while v >= base && unit + 1 < units.len() {
        v /= base;
        unit += 1;
    }
    let mut text = three_significant(v);
    if unit + 1 < units.len() && text.parse::<f64>().is_ok_and(|x| x >= base) {
        unit += 1;
        text = three_significant(v / base);
    }
    format!("{text}{}", units[unit])
}

/// "9.08", "11.8", "250": three significant digits for values >= 1 (more
/// digits only above 999), two decimals below 1.
fn three_significant(v: f64) -> String {
    // Thresholds on the rounded value: 9.996 is "10.0", not "10.00".
    if v >= 99.95 {
        format!("{v:.0}")
    } else if v >= 9.995 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

// ---------------------------------------------------------------------------
// --stats-json

#[derive(Serialize)]
struct StatsJson<'a> {
    schema: u32,
    tool: &'static str,
    version: &'static str,
    compile: Option<CompileJson<'a>>,
    run: Option<RunJson<'a>>,
}

#[derive(Serialize)]
struct StageJson<'a> {
    name: &'a str,
    seconds: f64,
}

#[derive(Serialize)]
struct CompileJson<'a> {
    files: usize,
    lines: usize,
    bytes: u64,
    modules: Option<usize>,
    instances: Option<usize>,
    processes: Option<usize>,
    signals: Option<usize>,
    stages: Vec<StageJson<'a>>,
    cache: &'static str,
    cache_key: Option<&'a str>,
    artifact_bytes: u64,
    wall_seconds: f64,
    cpu_seconds: f64,
    peak_memory_bytes: Option<u64>,
}

#[derive(Serialize)]
struct ClockJson<'a> {
    name: &'a str,
    cycles: u64,
    cycles_per_second: Option<f64>,
}

#[derive(Serialize)]
struct WavesJson<'a> {
    path: &'a str,
    format: &'a str,
    bytes: u64,
}

#[derive(Serialize)]
struct RunJson<'a> {
    end: &'static str,
    site: Option<&'a str>,
    end_time_ticks: u64,
    end_time: String,
    end_time_seconds: f64,
    precision: i8,
    wall_seconds: f64,
    cpu_seconds: f64,
    sim_seconds_per_second: Option<f64>,
    clock: Option<ClockJson<'a>>,
    delta_cycles: u64,
    activations: u64,
    time_steps: u64,
    errors: u64,
    peak_memory_bytes: Option<u64>,
    arena_bytes: u64,
    waves: Option<WavesJson<'a>>,
    exit_code: i32,
}

fn compile_json(r: &CompileReport) -> CompileJson<'_> {
    CompileJson {
        files: r.files,
        lines: r.lines,
        bytes: r.bytes,
        modules: r.modules,
        instances: r.instances,
        processes: r.processes,
        signals: r.signals,
        stages: r.stages.iter().map(|(name, d)| StageJson { name, seconds: d.as_secs_f64() }).collect(),
        cache: r.cache.as_str(),
        cache_key: (!r.key.is_empty()).then_some(r.key.as_str()),
        artifact_bytes: r.artifact_bytes,
        wall_seconds: r.wall.as_secs_f64(),
        cpu_seconds: r.cpu.as_secs_f64(),
        peak_memory_bytes: (r.peak_memory > 0).then_some(r.peak_memory),
    }
}

fn run_json(r: &RunReport) -> RunJson<'_> {
    let rates = r.rates();
    RunJson {
        end: r.end.json_name(),
        site: r.site.as_deref(),
        end_time_ticks: r.end_time_ticks,
        end_time: wsim_host::format_time(r.end_time_ticks, r.precision),
        end_time_seconds: rates.sim_seconds,
        precision: r.precision,
        wall_seconds: r.wall.as_secs_f64(),
        cpu_seconds: r.cpu.as_secs_f64(),
        sim_seconds_per_second: rates.sim_per_wall_second,
        clock: r.clock.as_ref().map(|c| ClockJson {
            name: &c.name,
            cycles: c.cycles,
            cycles_per_second: rates.cycles_per_second,
        }),
        delta_cycles: r.delta_cycles,
        activations: r.activations,
        time_steps: r.time_steps,
        errors: r.errors,
        peak_memory_bytes: (r.peak_memory > 0).then_some(r.peak_memory),
        arena_bytes: r.arena_bytes,
        waves: r.waves.as_ref().map(|w| WavesJson { path: &w.path, format: &w.format, bytes: w.bytes }),
        exit_code: r.exit_code,
    }
}

/// The `--stats-json` document (pretty-printed, ending in a newline).
/// `compile` / `run` are `null` for the half a command did not do.
pub fn to_json(compile: Option<&CompileReport>, run: Option<&RunReport>) -> String {
    let doc = StatsJson {
        schema: STATS_SCHEMA,
        tool: "wsim",
        version: env!("CARGO_PKG_VERSION"),
        compile: compile.map(compile_json),
        run: run.map(run_json),
    };
    // Plain structs of numbers and strings: serializing cannot fail.
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes [`to_json`] to `path`.
pub fn write_stats_json(path: &Path, compile: Option<&CompileReport>, run: Option<&RunReport>) -> std::io::Result<()> {
    std::fs::write(path, to_json(compile, run))
}

// ---------------------------------------------------------------------------
// Process measurements

/// Peak resident set size of this process in bytes; 0 when the OS does not
/// tell.
pub fn peak_memory() -> u64 {
    #[cfg(unix)]
    {
        let Some(usage) = rusage() else { return 0 };
        let max_rss = u64::try_from(usage.ru_maxrss).unwrap_or(0);
        // ru_maxrss is in bytes on Apple systems, in KiB everywhere else.
        if cfg!(any(target_os = "macos", target_os = "ios")) {
            max_rss
        } else {
            max_rss.saturating_mul(1024)
        }
    }
    #[cfg(not(unix))]
    {
        0
    }
}

/// CPU time (user + system, all threads) this process has used so far;
/// zero when the OS does not tell. Subtract two readings for a stage.
pub fn cpu_time() -> Duration {
    #[cfg(unix)]
    {
        let Some(usage) = rusage() else { return Duration::ZERO };
        timeval(usage.ru_utime) + timeval(usage.ru_stime)
    }
    #[cfg(not(unix))]
    {
        Duration::ZERO
    }
}

#[cfg(unix)]
fn rusage() -> Option<libc::rusage> {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes a whole `rusage` into the pointer it is
    // given, which points at one; the value is read only when it succeeded.
    let status = unsafe { libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) };
    // SAFETY: zero-initialised (all-integer struct) and filled on success.
    (status == 0).then(|| unsafe { usage.assume_init() })
}

#[cfg(unix)]
fn timeval(t: libc::timeval) -> Duration {
    let secs = u64::try_from(t.tv_sec).unwrap_or(0);
    let micros = u64::try_from(t.tv_usec).unwrap_or(0);
    Duration::from_secs(secs) + Duration::from_micros(micros)
}

// ---------------------------------------------------------------------------
// Live progress

/// How a run shows that it is alive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgressMode {
    /// A spinner line on stderr (a terminal), shown once the run has lasted
    /// [`BAR_DELAY`], cleared at the end.
    Bar,
    /// A plain `- wsim: heartbeat: ...` line on stderr every period.
    Heartbeat(Duration),
    Off,
}

/// A run shorter than this never shows the bar (no flicker for quick runs).
pub const BAR_DELAY: Duration = Duration::from_secs(1);
/// How often the bar's text is refreshed.
pub const BAR_REFRESH: Duration = Duration::from_millis(100);
/// The shortest heartbeat period (`--heartbeat 0` would flood the log).
pub const MIN_HEARTBEAT: Duration = Duration::from_millis(100);

impl ProgressMode {
    /// The mode for this process: the bar when stderr is a terminal and
    /// the bar cannot garble the design's output (stdout is not a
    /// terminal, or `design_output_suspends` says the caller routes the
    /// design's stdout/stderr through [`Progress::writer`]); otherwise a
    /// heartbeat when `--heartbeat` was given; otherwise nothing.
    pub fn detect(heartbeat: Option<Duration>, design_output_suspends: bool) -> ProgressMode {
        let bar_safe = design_output_suspends || !std::io::stdout().is_terminal();
        ProgressMode::choose(heartbeat, std::io::stderr().is_terminal(), bar_safe)
    }

    /// [`detect`](Self::detect) with the terminal facts as arguments.
    pub fn choose(heartbeat: Option<Duration>, stderr_is_terminal: bool, bar_safe: bool) -> ProgressMode {
        match heartbeat {
            _ if stderr_is_terminal && bar_safe => ProgressMode::Bar,
            Some(period) => ProgressMode::Heartbeat(period.max(MIN_HEARTBEAT)),
            None => ProgressMode::Off,
        }
    }
}

/// Elapsed wall time since the progress began; injectable for tests.
pub trait Clock: Send {
    fn elapsed(&self) -> Duration;
}

/// The real clock.
pub struct WallClock(Instant);

impl WallClock {
    pub fn start() -> WallClock {
        WallClock(Instant::now())
    }
}

impl Clock for WallClock {
    fn elapsed(&self) -> Duration {
        self.0.elapsed()
    }
}

/// A clock that moves only when told to (tests); clones share the time.
#[derive(Clone, Default)]
pub struct ManualClock(Arc<AtomicU64>);

impl ManualClock {
    pub fn advance(&self, by: Duration) {
        self.0.fetch_add(by.as_nanos() as u64, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn elapsed(&self) -> Duration {
        Duration::from_nanos(self.0.load(Ordering::SeqCst))
    }
}

/// The live progress of one run. Call [`update`](Self::update) often (it
/// is a clock read and a compare when nothing is due) and
/// [`finish`](Self::finish) before printing the run report; dropping it
/// also finishes it.
pub struct Progress {
    mode: ProgressMode,
    clock: Box<dyn Clock>,
    /// Where heartbeat lines go (stderr).
    out: Box<dyn Write + Send>,
    /// When the next line or bar refresh is due, on `clock`.
    next_due: Duration,
    /// The bar, hidden until [`BAR_DELAY`]; `Some` in `Bar` mode only.
    bar: Option<ProgressBar>,
    bar_visible: bool,
}

impl Progress {
    /// Progress on stderr with the real clock, starting now.
    pub fn new(mode: ProgressMode) -> Progress {
        Progress::with_clock(mode, Box::new(WallClock::start()), Box::new(std::io::stderr()))
    }

    /// Progress with an injected clock and heartbeat destination.
    pub fn with_clock(mode: ProgressMode, clock: Box<dyn Clock>, out: Box<dyn Write + Send>) -> Progress {
        let (next_due, bar) = match mode {
            ProgressMode::Bar => (BAR_DELAY, Some(hidden_bar())),
            ProgressMode::Heartbeat(period) => (period, None),
            ProgressMode::Off => (Duration::MAX, None),
        };
        Progress { mode, clock, out, next_due, bar, bar_visible: false }
    }

    pub fn mode(&self) -> ProgressMode {
        self.mode
    }

    /// Whether the bar is on screen now.
    pub fn bar_visible(&self) -> bool {
        self.bar_visible
    }

    /// Reports that simulated time has reached `ticks` of `10^precision` s.
    pub fn update(&mut self, ticks: u64, precision: i8) {
        let now = self.clock.elapsed();
        if now < self.next_due {
            return;
        }
        let status = status_line(ticks, precision, now);
        match self.mode {
            ProgressMode::Off => self.next_due = Duration::MAX,
            ProgressMode::Heartbeat(period) => {
                // A failed write to stderr is no reason to stop the run.
                let _ = writeln!(self.out, "{PREFIX}heartbeat: {status}");
                let _ = self.out.flush();
                // From now, not from the missed due time: a long stall
                // gives one line, not a burst of catch-up lines.
                self.next_due = now + period;
            }
            ProgressMode::Bar => {
                if let Some(bar) = &self.bar {
                    if !self.bar_visible {
                        bar.set_draw_target(ProgressDrawTarget::stderr());
                        self.bar_visible = true;
                    }
                    bar.set_message(status);
                    bar.tick();
                }
                self.next_due = now + BAR_REFRESH;
            }
        }
    }

    /// Clears the bar (nothing is left on screen) and stops all output.
    /// Idempotent.
    pub fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        self.bar_visible = false;
        self.mode = ProgressMode::Off;
        self.next_due = Duration::MAX;
    }

    /// Runs `f` (which writes to the terminal) with the bar cleared, then
    /// redraws it.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Wraps a writer of the design's output (stdout, stderr) so that each
    /// write clears the bar first and redraws it after: the bar never mixes
    /// into the design's lines. Outside `Bar` mode it only forwards.
    pub fn writer<W: Write>(&self, inner: W) -> SuspendingWriter<W> {
        SuspendingWriter { bar: self.bar.clone(), inner }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// See [`Progress::writer`].
pub struct SuspendingWriter<W> {
    bar: Option<ProgressBar>,
    inner: W,
}

impl<W: Write> SuspendingWriter<W> {
    fn suspended<R>(&mut self, f: impl FnOnce(&mut W) -> R) -> R {
        let inner = &mut self.inner;
        match &self.bar {
            Some(bar) if !bar.is_finished() => bar.suspend(|| f(inner)),
            _ => f(inner),
        }
    }
}

impl<W: Write> Write for SuspendingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.suspended(|w| w.write(buf))
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.suspended(|w| w.write_all(buf))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.suspended(|w| w.flush())
    }
}

fn hidden_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg}") {
        bar.set_style(style);
    }
    bar
}

/// "sim time 1200us, walltime 10.0 s, speed 120 us/s": the text of both
/// the bar and the heartbeat.
pub fn status_line(ticks: u64, precision: i8, wall: Duration) -> String {
    let mut line =
        format!("sim time {}, walltime {:.1} s", wsim_host::format_time(ticks, precision), wall.as_secs_f64());
    if let Some(speed) = per_second(sim_seconds(ticks, precision), wall) {
        line.push_str(&format!(", speed {}", format_sim_speed(speed)));
    }
    line
}
