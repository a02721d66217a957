//! Running an artifact: engine, store, arena, host services, the run loop.
//!
//! The simulation runs as one async task on a tokio current-thread runtime
//! ([`run`] builds the runtime, [`run_async`] is the task). The guest is
//! called synchronously inside the task for now; the loop already handles
//! `run_status` codes one by one, so `BLOCKED_ON_HOST` can become "await the
//! host's answer, write it into the arena, call `wsim_run` again" without
//! changing the shape (design.md section 4).

use crate::artifact::{Artifact, Site};
use crate::cache::{self, NativeSource};
use crate::dumping::{self, Waves, WavesMode, WavesRequest};
use crate::error::HostError;
use crate::limits::{self, StopRequest, Watchdog};
use crate::rundiag;
use crate::sandbox::FilePolicy;
use crate::services::{self, HostState, Sink};
use crate::tiering::{self, Compiler, JitPolicy, Ready, Upgrade};
use crate::waves::WaveSummary;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use wasmtime::{Engine, Linker, Memory, MemoryType, Module, Store, TypedFunc};
use wsim_abi::{export, run_status, stat};
use wsim_diag::RenderOptions;

/// How to run an artifact.
pub struct RunOptions {
    /// `+args` for `$test$plusargs` / `$value$plusargs` (a leading `+` is optional).
    pub plusargs: Vec<String>,
    /// Stop when the next event lies after this time (in ticks).
    pub max_time: Option<u64>,
    /// Use the native code cache (`--no-cache` turns it off).
    pub use_cache: bool,
    /// Override of the native cache directory (default: [`cache::cache_root`]/native).
    pub cache_dir: Option<PathBuf>,
    /// Where the design's fd 1 and fd 2 go.
    pub stdout: Sink,
    pub stderr: Sink,
    /// Waves: `--waves`, `--waves-file`, `--dump-arrays`, `--waves-scope`.
    pub waves: WavesRequest,
    /// Which host files the design may open (default: the working directory).
    pub files: Option<FilePolicy>,
    /// `--max-memory`: cap on the arena, in bytes.
    pub max_memory: Option<u64>,
    /// `--timeout`: wall-clock limit.
    pub timeout: Option<Duration>,
    /// Catch Ctrl-C and end the run cleanly (the command line does; tests
    /// and embedders may not want a process-wide handler).
    pub catch_ctrl_c: bool,
    /// Called about every 100 ms of a long run with the current simulation
    /// time in ticks (a live progress line).
    pub progress: Option<Box<dyn FnMut(u64) + Send>>,
    /// How run-time diagnostics are rendered (`--diagnostic-format`).
    pub diagnostics: RenderOptions,
    /// Which compiler's code runs (`--jit`, see [`tiering`]).
    pub jit: JitPolicy,
}

impl Default for RunOptions {
    fn default() -> RunOptions {
        RunOptions {
            plusargs: Vec::new(),
            max_time: None,
            use_cache: true,
            cache_dir: None,
            stdout: Sink::Inherit,
            stderr: Sink::Inherit,
            waves: WavesRequest::default(),
            files: None,
            max_memory: None,
            timeout: None,
            catch_ctrl_c: false,
            progress: None,
            diagnostics: RenderOptions::default(),
            jit: JitPolicy::default(),
        }
    }
}

/// Why the run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndReason {
    /// No events were left.
    Idle,
    /// `$finish` (or `$fatal`, which finishes with exit code 1).
    Finished,
    /// `$stop` (treated as the end of the run: there is no interactive mode).
    Stopped,
    /// `max_time` was reached with events pending.
    TimeLimit,
    /// A run-time error the guest already reported on fd 2 (delta limit...).
    Error,
    /// `--timeout` (wall clock) was reached.
    Timeout,
    /// Ctrl-C.
    Interrupted,
    /// The arena would have grown past `--max-memory`.
    MemoryLimit,
}

/// Counters of a run, for the run report.
#[derive(Debug, Default, Clone)]
pub struct RunStats {
    pub delta_cycles: u64,
    pub activations: u64,
    pub time_steps: u64,
    /// The fastest clock (the signal with the most `@(posedge)` wake-ups)
    /// and its number of cycles.
    pub clock: Option<(String, u64)>,
    /// `$error`/`$fatal` calls and failed assertions.
    pub errors: u64,
    /// Where the `$finish`/`$stop`/`$fatal` that ended the run is, and its
    /// verbosity argument (IEEE 1800-2017 20.2; 1 when there was none).
    pub finish_site: Option<Site>,
    pub finish_verbosity: i32,
    /// The arena's size at the end, in bytes.
    pub arena_bytes: u64,
    /// Host-side tool errors (a `$readmemh` file missing...; the run exits 3).
    pub tool_errors: u32,
    /// Files the policy refused.
    pub files_refused: u32,
}

/// Which compiled code a run used (see [`tiering`]).
#[derive(Debug, Clone)]
pub struct TierReport {
    /// The compiler of the code the run started on.
    pub start: Compiler,
    /// The run switched to Cranelift code.
    pub switched: Option<Switched>,
    /// Why a switch that was under way did not happen.
    pub note: Option<String>,
}

/// A switch from Winch to Cranelift code during a run.
#[derive(Debug, Clone)]
pub struct Switched {
    /// Simulation time of the switch, in ticks.
    pub time: u64,
    /// Wall time from the start of the run to the switch.
    pub after: Duration,
    /// Where the Cranelift code came from.
    pub native: NativeSource,
}

/// The result of a run that did not trap.
#[derive(Debug)]
pub struct RunOutcome {
    /// Simulation time at the end, in ticks.
    pub time: u64,
    pub reason: EndReason,
    /// `wsim_exit_code()`: what the design asked for (`$fatal` = 1...).
    pub exit_code: i32,
    /// Captured fd 1 / fd 2 (empty unless [`Sink::Capture`] was used).
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// Where the native code the run started on came from.
    pub native: NativeSource,
    /// Which code ran: the compiler it started on, and a switch to
    /// Cranelift code during the run.
    pub tiers: TierReport,
    pub stats: RunStats,
    /// The wave file written, if any.
    pub waves: Option<WaveSummary>,
    /// The wave file could not be written (the run's other results stand).
    pub waves_error: Option<String>,
}

/// The Cranelift engine of a run (see [`tiering::engine`]).
pub fn engine(epoch: bool) -> Result<Engine, HostError> {
    tiering::engine(Compiler::Cranelift, epoch)
}

/// Time steps between two polls of the host (Ctrl-C, `--timeout`,
/// progress) when waves do not stop the guest at every step anyway.
const POLL_SLICE: i32 = 256;

/// Run `artifact` to its end on a fresh current-thread tokio runtime.
pub fn run(artifact: &Artifact, opts: RunOptions) -> Result<RunOutcome, HostError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| HostError::Internal(format!("cannot start the async runtime: {e}")))?;
    runtime.block_on(run_async(artifact, opts))
}

/// The typed exports the run loop calls.
struct Exports {
    init: TypedFunc<(), ()>,
    run: TypedFunc<i64, i32>,
    time: TypedFunc<(), i64>,
    exit_code: TypedFunc<(), i32>,
    final_: TypedFunc<(), ()>,
    /// Optional (hand-built test modules lack them).
    stat: Option<TypedFunc<i32, i64>>,
    step_mode: Option<TypedFunc<i32, ()>>,
    observe: Option<TypedFunc<i32, ()>>,
}

/// Run `artifact` as one async task (see the module doc).
pub async fn run_async(artifact: &Artifact, mut opts: RunOptions) -> Result<RunOutcome, HostError> {
    if opts.catch_ctrl_c {
        // First thing: a Ctrl-C while the native code compiles (a second or
        // more for a big design) then also ends the run cleanly, at its
        // first poll. Without the handler Ctrl-C still ends the process,
        // just not cleanly.
        let _ = limits::catch_ctrl_c();
    }
    let epoch = opts.timeout.is_some();
    let cache_dir = if opts.use_cache {
        opts.cache_dir.clone().or_else(|| cache::cache_root().map(|d| d.join("native")))
    } else {
        None
    };
    let tiering::Start { engine, module, native, compiler, upgrade } =
        tiering::start(&artifact.bytes, opts.jit, epoch, cache_dir)
            .map_err(|e| HostError::bad(&artifact.name, format!("wasmtime rejects it: {}", first_line(&e))))?;
    let mut tiers = TierReport { start: compiler, switched: None, note: None };

    let files = match opts.files.take() {
        Some(policy) => policy,
        None => FilePolicy::working_dir()
            .map_err(|e| HostError::Internal(format!("cannot resolve the working directory: {e}")))?,
    };
    let stdout = std::mem::replace(&mut opts.stdout, Sink::Inherit);
    let stderr = std::mem::replace(&mut opts.stderr, Sink::Inherit);
    let mut state =
        HostState::new(&opts.plusargs, stdout, stderr).with_file_policy(files).with_memory_limit(opts.max_memory);
    state.diag_context = rundiag::DiagContext::of(&artifact.meta, opts.diagnostics);
    state.waves = Waves::new(&artifact.meta, &opts.waves);
    let unknown_scopes = state.waves.as_ref().map(|w| w.dumper.unknown_filter_scopes()).unwrap_or_default();
    for scope in unknown_scopes {
        state.warn(dumping::DUMP_UNKNOWN, &format!("--waves-scope {scope}: the design has no such scope"));
    }
    let mut store = new_store(&engine, state);
    let memory = Memory::new(&mut store, arena_type(artifact, artifact.memory_min_pages))
        .map_err(|e| memory_error(&store, &e))?;
    store.data_mut().memory = Some(memory);
    let linker = linker(&engine, &store, memory).map_err(|e| HostError::Internal(first_line(&e)))?;

    let watchdog = Watchdog::start(&engine, opts.timeout);
    if epoch {
        limits::configure(&mut store, &watchdog);
    }
    let mut poll = Poll { watchdog: &watchdog, progress: opts.progress.take(), stopped_between_steps: false };

    let instance = match linker.instantiate(&mut store, &module) {
        Ok(instance) => instance,
        // `--timeout` or Ctrl-C before the design started (the deadline can
        // pass while a loaded machine instantiates): stopped at time 0.
        Err(e) => match stop_reason(&store, &e) {
            Some(reason) => return Ok(stopped_before_start(&mut store, reason, native, tiers)),
            None => return Err(classify_trap(artifact, e)),
        },
    };
    let exports = typed_exports(&artifact.name, &instance, &mut store)?;
    let until = opts.max_time.map(|t| t.min(i64::MAX as u64) as i64).unwrap_or(i64::MAX);
    let mut sim = Sim { store, exports, memory };
    let mut switch = Switch { artifact, upgrade, tiers: &mut tiers, began: Instant::now() };
    let ended = match observe(&mut sim.store, &sim.exports, artifact, &opts.waves)
        .and_then(|()| sim.exports.init.call(&mut sim.store, ()))
    {
        // `wsim_init` resets the scheduler: step mode is set after it.
        Ok(()) => match set_up_steps(&mut sim.store, artifact, &sim.exports, &opts.waves, switch.first_slice()) {
            Ok(()) => simulate(&mut sim, until, &mut poll, &mut switch).await,
            Err(e) => Err(e),
        },
        Err(e) => Err(e),
    };
    if let Some(upgrade) = switch.upgrade.take() {
        upgrade.finish();
    }
    let Sim { mut store, exports, memory } = sim;
    let time = exports.time.call(&mut store, ()).map(|t| t.max(0) as u64);
    // After a trap or an epoch interruption the arena may be mid-step: keep
    // the samples taken so far.
    let last_sample = (ended.is_ok() || poll.stopped_between_steps).then_some(memory);
    let waves = finish_waves(&mut store, time.as_ref().copied().unwrap_or(0), last_sample);
    let reason = match ended {
        Ok(reason) => reason,
        Err(e) => match stop_reason(&store, &e) {
            Some(reason) => reason,
            None => {
                let time = time.map(|t| format_time(t, artifact.meta.precision)).unwrap_or_else(|_| "?".into());
                store.data_mut().finish();
                return Err(HostError::Trap { time, message: trap_message(&e) });
            }
        },
    };
    drop(watchdog);
    let reason =
        if store.data().memory_limit_hit() && reason == EndReason::Error { EndReason::MemoryLimit } else { reason };
    let outcome_time = time.map_err(|e| classify_trap(artifact, e))?;
    let exit_code = exports.exit_code.call(&mut store, ()).unwrap_or(1);
    let stats = run_stats(&mut store, &exports, artifact, memory);
    let (waves, waves_error) = match waves {
        Ok(summary) => (summary, None),
        Err(e) => (None, Some(e)),
    };
    let (stdout, stderr) = store.data_mut().finish();
    Ok(RunOutcome { time: outcome_time, reason, exit_code, stdout, stderr, native, tiers, stats, waves, waves_error })
}

/// Before `wsim_init`: tell the guest whether this run records waves, the
/// only way anything outside the design reads its signals; without them it
/// leaves the processes only waves could show unstarted
/// (`wsim_abi::export::OBSERVE`).
fn observe(
    store: &mut Store<HostState>,
    exports: &Exports,
    artifact: &Artifact,
    request: &WavesRequest,
) -> Result<(), wasmtime::Error> {
    let Some(observe) = &exports.observe else { return Ok(()) };
    let waves = match request.mode {
        WavesMode::Always => true,
        WavesMode::Design => artifact.meta.dumpvars,
        WavesMode::Off => false,
    };
    observe.call(&mut *store, waves as i32)
}

/// After `wsim_init`: learn where the guest keeps the current time, set the
/// polling slice (`slice` time steps), and for `--waves=vcd|fst` on a design that never calls
/// `$dumpvars`, dump the whole design from time 0.
fn set_up_steps(
    store: &mut Store<HostState>,
    artifact: &Artifact,
    exports: &Exports,
    request: &WavesRequest,
    slice: i32,
) -> Result<(), wasmtime::Error> {
    let Some(step_mode) = &exports.step_mode else { return Ok(()) };
    if let Some(addr) = exports.stat.as_ref().and_then(|f| f.call(&mut *store, stat::NOW_ADDR).ok()) {
        store.data_mut().now_addr = u32::try_from(addr).ok();
    }
    step_mode.call(&mut *store, slice)?;
    if request.mode != WavesMode::Always || artifact.meta.dumpvars {
        return Ok(());
    }
    let Some(waves) = store.data_mut().waves.as_mut() else { return Ok(()) };
    if let Err(msg) = waves.dumper.dumpvars(0, 0, &[]) {
        store.data_mut().warn(dumping::DUMP_UNKNOWN, &msg);
    }
    step_mode.call(&mut *store, 1)
}

/// Close the wave file, sampling the final values first when the arena
/// holds a finished time step (`memory`): the step that called `$finish`
/// returned without a step-mode stop.
fn finish_waves(
    store: &mut Store<HostState>,
    time: u64,
    memory: Option<Memory>,
) -> Result<Option<WaveSummary>, String> {
    let Some(mut waves) = store.data_mut().waves.take() else { return Ok(None) };
    if let Some(e) = waves.error.take() {
        let _ = waves.dumper.finish(time);
        return Err(e);
    }
    let closed = match memory {
        Some(memory) => waves.dumper.sample_and_finish(time, memory.data(&*store)),
        None => waves.dumper.finish(time),
    };
    let state = store.data_mut();
    for note in waves.dumper.take_notes() {
        state.write(wsim_abi::fd::STDOUT, format!("{note}\n").as_bytes());
    }
    closed.map_err(|e| format!("cannot write the wave file: {e}"))
}

/// The outcome of a run stopped while the module was being instantiated.
fn stopped_before_start(
    store: &mut Store<HostState>,
    reason: EndReason,
    native: NativeSource,
    tiers: TierReport,
) -> RunOutcome {
    let (stdout, stderr) = store.data_mut().finish();
    RunOutcome {
        time: 0,
        reason,
        exit_code: 0,
        stdout,
        stderr,
        native,
        tiers,
        stats: RunStats::default(),
        waves: None,
        waves_error: None,
    }
}

/// The end reason of a wasm call stopped by the watchdog or by the memory
/// limiter (the guest traps when its heap cannot grow), or `None` for a real
/// trap.
fn stop_reason(store: &Store<HostState>, e: &wasmtime::Error) -> Option<EndReason> {
    if store.data().memory_limit_hit() {
        return Some(EndReason::MemoryLimit);
    }
    match StopRequest::of(e).or(store.data().stop_request())? {
        StopRequest::Timeout => Some(EndReason::Timeout),
        StopRequest::Interrupted => Some(EndReason::Interrupted),
    }
}

/// A failure to create the arena: over `--max-memory`, or an engine error.
fn memory_error(store: &Store<HostState>, e: &wasmtime::Error) -> HostError {
    if store.data().memory_limit_hit() {
        HostError::MemoryLimit(format!(
            "the design needed more memory than --max-memory allows: its arena starts larger ({})",
            first_line(e)
        ))
    } else {
        HostError::Internal(format!("cannot create the arena: {}", first_line(e)))
    }
}

/// What the run loop checks between time-step slices.
struct Poll<'a> {
    watchdog: &'a Watchdog,
    progress: Option<Box<dyn FnMut(u64) + Send>>,
    /// The run was stopped here, between two time steps (its arena holds
    /// a finished step, unlike after an epoch interruption).
    stopped_between_steps: bool,
}

impl Poll<'_> {
    /// A stop asked for (Ctrl-C, `--timeout`) as the error that ends the
    /// run; else the progress line is told the time.
    fn check(&mut self, store: &mut Store<HostState>, time: u64) -> Result<(), wasmtime::Error> {
        if let Some(request) = self.watchdog.stop_request() {
            self.stopped_between_steps = true;
            // Reported: the epoch callback then lets the calls after the
            // run (`wsim_time`, `wsim_final`) go on for the grace period
            // instead of stopping the first one as a new request.
            store.data_mut().stop.get_or_insert((request, Instant::now()));
            return Err(wasmtime::Error::new(request));
        }
        if let Some(progress) = &mut self.progress {
            progress(time);
        }
        Ok(())
    }
}

/// The counters of the run (zero when the artifact lacks `wsim_stat`).
fn run_stats(store: &mut Store<HostState>, exports: &Exports, artifact: &Artifact, memory: Memory) -> RunStats {
    let mut stat = |kind: i32| exports.stat.as_ref().and_then(|f| f.call(&mut *store, kind).ok()).unwrap_or(-1);
    let clock_id = stat(stat::CLOCK_SIGNAL);
    let clock_cycles = stat(stat::CLOCK_CYCLES).max(0) as u64;
    let site = stat(stat::FINISH_SITE);
    let counters = (stat(stat::DELTAS), stat(stat::ACTIVATIONS), stat(stat::TIME_STEPS), stat(stat::ERRORS));
    let verbosity = stat(stat::FINISH_VERBOSITY);
    let meta = &artifact.meta;
    let clock = meta.signals.iter().find(|s| i64::from(s.id) == clock_id).map(|s| (s.name.clone(), clock_cycles));
    let arena_bytes = memory.data_size(&*store) as u64;
    let state = store.data();
    RunStats {
        delta_cycles: counters.0.max(0) as u64,
        activations: counters.1.max(0) as u64,
        time_steps: counters.2.max(0) as u64,
        clock,
        errors: counters.3.max(0) as u64,
        finish_site: usize::try_from(site).ok().and_then(|i| meta.sites.get(i)).cloned(),
        finish_verbosity: if exports.stat.is_some() { verbosity as i32 } else { 1 },
        arena_bytes,
        tool_errors: state.tool_errors(),
        files_refused: state.files_refused(),
    }
}

/// `wsim_run` until the design stops, then `wsim_final` once.
/// Errors are trap messages.
async fn simulate(
    sim: &mut Sim,
    until: i64,
    poll: &mut Poll<'_>,
    switch: &mut Switch<'_>,
) -> Result<EndReason, wasmtime::Error> {
    let reason = loop {
        let status = sim.exports.run.call(&mut sim.store, until)?;
        let (store, exports) = (&mut sim.store, &sim.exports);
        match status {
            run_status::STEP => {
                let time = exports.time.call(&mut *store, ())?.max(0) as u64;
                sample_waves(store, exports, sim.memory, time)?;
                poll.check(store, time)?;
                switch.at_slice_boundary(sim, time)?;
            }
            run_status::IDLE => break EndReason::Idle,
            run_status::UNTIL => break EndReason::TimeLimit,
            run_status::FINISHED => break EndReason::Finished,
            run_status::STOPPED => break EndReason::Stopped,
            run_status::ERROR => break EndReason::Error,
            run_status::BLOCKED_ON_HOST => serve_blocked_request(store).await.map_err(wasmtime::Error::msg)?,
            other => return Err(wasmtime::Error::msg(format!("wsim_run returned the unknown status {other}"))),
        }
    };
    sim.exports.final_.call(&mut sim.store, ())?;
    sim.store.data_mut().flush(0);
    Ok(reason)
}

/// A running simulation: its store, the guest's exports and the arena.
struct Sim {
    store: Store<HostState>,
    exports: Exports,
    memory: Memory,
}

/// A store on `engine` holding `state`, with the arena limiter installed.
fn new_store(engine: &Engine, state: HostState) -> Store<HostState> {
    let mut store = Store::new(engine, state);
    limits::install_limiter(&mut store);
    store
}

/// The arena's memory type with `pages` to start with.
fn arena_type(artifact: &Artifact, pages: u64) -> MemoryType {
    // `from_bytes` checked it is a 32-bit memory, so the page counts fit u32.
    MemoryType::new(pages as u32, artifact.memory_max_pages.map(|p| p as u32))
}

/// The host services and the arena `memory`, as the guest imports them.
fn linker(engine: &Engine, store: &Store<HostState>, memory: Memory) -> wasmtime::Result<Linker<HostState>> {
    let mut linker = Linker::new(engine);
    services::add_to_linker(&mut linker)?;
    linker.define(store, wsim_abi::import::MODULE, wsim_abi::import::MEMORY, memory)?;
    Ok(linker)
}

/// The switch from Winch to Cranelift code of a tiered run.
struct Switch<'a> {
    artifact: &'a Artifact,
    /// The Cranelift code to come (`None`: the run stays on its code).
    upgrade: Option<Upgrade>,
    tiers: &'a mut TierReport,
    began: Instant,
}

impl Switch<'_> {
    /// The time steps of the first polling slice: 2 when the switch is
    /// wanted at the first boundary (the smallest slice; see `wsim_step_mode`).
    fn first_slice(&self) -> i32 {
        if self.upgrade.as_ref().is_some_and(Upgrade::switches_early) {
            2
        } else {
            POLL_SLICE
        }
    }

    /// Between two time-step slices (no wasm frame live): switch to the
    /// Cranelift code when it is ready.
    fn at_slice_boundary(&mut self, sim: &mut Sim, time: u64) -> Result<(), wasmtime::Error> {
        let Some(upgrade) = self.upgrade.as_mut() else { return Ok(()) };
        match upgrade.poll() {
            Ready::NotYet => return Ok(()),
            Ready::Failed(note) => self.tiers.note = Some(note),
            Ready::Code { engine, module, native } => {
                switch_code(sim, self.artifact, &engine, &module)?;
                if let Some(step_mode) = &sim.exports.step_mode {
                    step_mode.call(&mut sim.store, POLL_SLICE)?;
                }
                self.tiers.switched = Some(Switched { time, after: self.began.elapsed(), native });
            }
        }
        self.upgrade = None;
        Ok(())
    }
}

/// Move the simulation onto `module` compiled for `engine`: a new store
/// and arena, the new instance over it, the old arena's bytes copied in
/// and the host state moved across (see the [`tiering`] module doc).
fn switch_code(sim: &mut Sim, artifact: &Artifact, engine: &Engine, module: &Module) -> Result<(), wasmtime::Error> {
    let placeholder = HostState::new(&[], Sink::Capture(Vec::new()), Sink::Capture(Vec::new()));
    let mut store = new_store(engine, placeholder);
    let pages = sim.memory.size(&sim.store);
    let memory = Memory::new(&mut store, arena_type(artifact, pages))?;
    let instance = linker(engine, &store, memory)?.instantiate(&mut store, module)?;
    copy_changed_pages(sim.memory.data(&sim.store), memory.data_mut(&mut store));
    let exports =
        typed_exports(&artifact.name, &instance, &mut store).map_err(|e| wasmtime::Error::msg(e.to_string()))?;
    let mut state = std::mem::replace(&mut sim.store, store).into_data();
    state.memory = Some(memory);
    *sim.store.data_mut() = state;
    sim.memory = memory;
    sim.exports = exports;
    Ok(())
}

/// `to = from`, writing only the 4 KiB pages that differ: most of a fresh
/// arena is untouched heap, and reading untouched pages costs no memory
/// where writing them would.
fn copy_changed_pages(from: &[u8], to: &mut [u8]) {
    for (old, new) in from.chunks(4096).zip(to.chunks_mut(4096)) {
        if old != new {
            new.copy_from_slice(old);
        }
    }
}

/// The end of a time step in step mode: the dumper reads the arena. A
/// write error ends dumping (reported at the end) and step mode with it.
fn sample_waves(
    store: &mut Store<HostState>,
    exports: &Exports,
    memory: Memory,
    time: u64,
) -> Result<(), wasmtime::Error> {
    let (arena, state) = memory.data_and_store_mut(&mut *store);
    // Not dumping (no `$dumpvars` yet, or this STEP ends a polling slice).
    let Some(waves) = state.waves.as_mut().filter(|w| w.wants_samples()) else { return Ok(()) };
    if let Err(e) = waves.dumper.sample(time, arena) {
        waves.error = Some(format!("cannot write the wave file: {e}"));
    }
    let still_dumping = waves.wants_samples();
    for note in waves.dumper.take_notes() {
        state.write(wsim_abi::fd::STDOUT, format!("{note}\n").as_bytes());
    }
    match (&exports.step_mode, still_dumping) {
        // `$dumplimit` reached or a write error: no more stops per step.
        (Some(step_mode), false) => step_mode.call(&mut *store, 0),
        _ => Ok(()),
    }
}

/// Answer the request of a design that returned `BLOCKED_ON_HOST`: await
/// the service, write its answer into the arena, and let the loop call
/// `wsim_run` again. No host service blocks yet, so every request is
/// refused by name.
async fn serve_blocked_request(store: &mut Store<HostState>) -> Result<(), String> {
    let _ = store;
    Err("the design waits for a host service (BLOCKED_ON_HOST), which this host does not provide yet".to_string())
}

fn typed_exports(
    name: &str,
    instance: &wasmtime::Instance,
    store: &mut Store<HostState>,
) -> Result<Exports, HostError> {
    let bad = |e: wasmtime::Error| HostError::bad(name, first_line(&e));
    Ok(Exports {
        init: instance.get_typed_func(&mut *store, export::INIT).map_err(bad)?,
        run: instance.get_typed_func(&mut *store, export::RUN).map_err(bad)?,
        time: instance.get_typed_func(&mut *store, export::TIME).map_err(bad)?,
        exit_code: instance.get_typed_func(&mut *store, export::EXIT_CODE).map_err(bad)?,
        final_: instance.get_typed_func(&mut *store, export::FINAL).map_err(bad)?,
        stat: instance.get_typed_func(&mut *store, export::STAT).ok(),
        step_mode: instance.get_typed_func(&mut *store, export::STEP_MODE).ok(),
        observe: instance.get_typed_func(&mut *store, export::OBSERVE).ok(),
    })
}

/// A trap outside the run loop (instantiation: data segments out of the
/// arena) is a trap at time 0; any other failure means a bad artifact.
fn classify_trap(artifact: &Artifact, e: wasmtime::Error) -> HostError {
    if e.downcast_ref::<wasmtime::Trap>().is_some() {
        HostError::Trap { time: format_time(0, artifact.meta.precision), message: trap_message(&e) }
    } else {
        HostError::bad(&artifact.name, format!("wasmtime rejects it: {}", first_line(&e)))
    }
}

/// `ticks` of `10^precision` s in the largest unit that keeps it whole:
/// `format_time(15000, -12)` is `15ns`.
pub fn format_time(ticks: u64, precision: i8) -> String {
    const UNITS: [&str; 6] = ["s", "ms", "us", "ns", "ps", "fs"];
    let (mut value, mut exponent) = (u128::from(ticks), i32::from(precision).max(-15));
    // Down to a multiple of 3 no larger than 0 (1 tick of 100ps = 100 ps).
    while exponent % 3 != 0 || exponent > 0 {
        value *= 10;
        exponent -= 1;
    }
    while value != 0 && value % 1000 == 0 && exponent < 0 {
        value /= 1000;
        exponent += 3;
    }
    format!("{value}{}", UNITS[(-exponent / 3) as usize])
}

/// The trap's reason plus the innermost wasm frame names when known.
fn trap_message(e: &wasmtime::Error) -> String {
    // A host service's own error (out-of-arena pointer...) is the root
    // cause under wasmtime's "error while executing" context.
    let mut msg = match e.downcast_ref::<wasmtime::Trap>() {
        Some(trap) => trap.to_string().trim_start_matches("wasm trap: ").to_string(),
        None => e.root_cause().to_string(),
    };
    if let Some(bt) = e.downcast_ref::<wasmtime::WasmBacktrace>() {
        let frames: Vec<String> =
            bt.frames().iter().take(4).filter_map(|f| f.func_name().map(|n| n.to_string())).collect();
        if !frames.is_empty() {
            msg.push_str(&format!(" (in {})", frames.join(" <- ")));
        }
    }
    msg
}

fn first_line(e: &wasmtime::Error) -> String {
    e.to_string().lines().next().unwrap_or_default().to_string()
}
