//! Running an artifact: engine, store, arena, host services, the run loop.
//!
//! The simulation runs as one async task on a tokio current-thread runtime
//! ([`run`] builds the runtime, [`run_async`] is the task). The guest is
//! called synchronously inside the task for now; the loop already handles
//! `run_status` codes one by one, so `BLOCKED_ON_HOST` can become "await the
//! host's answer, write it into the arena, call `wsim_run` again" without
//! changing the shape (design.md section 4).

use crate::artifact::Artifact;
use crate::cache::{self, NativeSource};
use crate::error::HostError;
use crate::services::{self, HostState, Sink};
use std::path::PathBuf;
use wasmtime::{Config, Engine, Linker, Memory, MemoryType, Store, TypedFunc};
use wsim_abi::{export, run_status};

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
    /// Where the native code came from.
    pub native: NativeSource,
}

/// The engine configuration every run uses: Cranelift, defaults otherwise.
/// (The native cache key covers it through the compatibility hash.)
pub fn engine() -> Result<Engine, HostError> {
    Engine::new(&Config::new()).map_err(|e| HostError::Internal(e.to_string()))
}

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
}

/// Run `artifact` as one async task (see the module doc).
pub async fn run_async(artifact: &Artifact, opts: RunOptions) -> Result<RunOutcome, HostError> {
    let engine = engine()?;
    let cache_dir = if opts.use_cache {
        opts.cache_dir.clone().or_else(|| cache::cache_root().map(|d| d.join("native")))
    } else {
        None
    };
    let (module, native) = cache::load_module(&engine, &artifact.bytes, cache_dir.as_deref())
        .map_err(|e| HostError::bad(&artifact.name, format!("wasmtime rejects it: {}", first_line(&e))))?;

    let mut store = Store::new(&engine, HostState::new(&opts.plusargs, opts.stdout, opts.stderr));
    // `from_bytes` checked it is a 32-bit memory, so the page counts fit u32.
    let memory_type = MemoryType::new(artifact.memory_min_pages as u32, artifact.memory_max_pages.map(|p| p as u32));
    let memory = Memory::new(&mut store, memory_type)
        .map_err(|e| HostError::Internal(format!("cannot create the arena: {}", first_line(&e))))?;
    store.data_mut().memory = Some(memory);

    let mut linker = Linker::new(&engine);
    services::add_to_linker(&mut linker).map_err(|e| HostError::Internal(first_line(&e)))?;
    linker
        .define(&store, wsim_abi::import::MODULE, wsim_abi::import::MEMORY, memory)
        .map_err(|e| HostError::Internal(first_line(&e)))?;
    let instance = linker.instantiate(&mut store, &module).map_err(|e| classify_trap(artifact, e))?;
    let exports = typed_exports(&artifact.name, &instance, &mut store)?;

    let until = opts.max_time.map(|t| t.min(i64::MAX as u64) as i64).unwrap_or(i64::MAX);
    let reason = simulate(&mut store, &exports, until).await;
    let reason = match reason {
        Ok(r) => r,
        Err(e) => {
            let precision = artifact.meta.precision;
            let time = exports.time.call(&mut store, ()).map(|t| format_time(t.max(0) as u64, precision));
            let time = time.unwrap_or_else(|_| "?".into());
            store.data_mut().finish();
            return Err(HostError::Trap { time, message: e });
        }
    };
    let outcome_time = exports.time.call(&mut store, ()).map_err(|e| classify_trap(artifact, e))?;
    let exit_code = exports.exit_code.call(&mut store, ()).map_err(|e| classify_trap(artifact, e))?;
    let (stdout, stderr) = store.data_mut().finish();
    Ok(RunOutcome { time: outcome_time.max(0) as u64, reason, exit_code, stdout, stderr, native })
}

/// `wsim_init`, `wsim_run` until the design stops, then `wsim_final` once.
/// Errors are trap messages.
async fn simulate(store: &mut Store<HostState>, exports: &Exports, until: i64) -> Result<EndReason, String> {
    exports.init.call(&mut *store, ()).map_err(|e| trap_message(&e))?;
    let reason = loop {
        let status = exports.run.call(&mut *store, until).map_err(|e| trap_message(&e))?;
        match status {
            run_status::IDLE => break EndReason::Idle,
            run_status::UNTIL => break EndReason::TimeLimit,
            run_status::FINISHED => break EndReason::Finished,
            run_status::STOPPED => break EndReason::Stopped,
            run_status::ERROR => break EndReason::Error,
            run_status::BLOCKED_ON_HOST => serve_blocked_request(store).await?,
            other => return Err(format!("wsim_run returned the unknown status {other}")),
        }
    };
    exports.final_.call(&mut *store, ()).map_err(|e| trap_message(&e))?;
    store.data_mut().flush(0);
    Ok(reason)
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
