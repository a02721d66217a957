//! Tiered start: Winch code first, Cranelift code once the run proves long.
//!
//! Cranelift needs about 0.2-0.3 s of CPU for picorv32 before the first
//! time step; Winch compiles the same module several times faster but its
//! code runs about 2-3x slower (`../shared/wasmtime-notes.md`). So a run
//! whose Cranelift code is not in the native cache ([`JitPolicy::Auto`]):
//!
//! 1. starts on Winch code (itself cached, so a rerun of a short design
//!    loads in milliseconds);
//! 2. once it has run on Winch longer than Cranelift is expected to take to
//!    compile ([`TIER_UP_FACTOR`] times the Winch compile), compiles the
//!    Cranelift code on a background thread and writes it to the cache;
//! 3. switches to it at the next time-step slice boundary.
//!
//! The switch is a plain copy because every bit of simulation state lives
//! in the arena (the host-created memory) and in the host's `HostState`: at
//! a slice boundary the guest's stack-pointer globals are back at their
//! initial values, no wasm frame is live, and the new instance of the same
//! wasm bytes has the same layout. The runner builds a store on the
//! Cranelift engine, instantiates the module over a fresh arena, copies the
//! old arena over it (data segments and the start function rewrite only
//! what the copy then restores) and moves `HostState` across.
//!
//! Invariant: the Winch and the Cranelift code of one artifact produce the
//! same output; `JitPolicy::Switch` (switch at the first slice boundary,
//! deterministically) and `JitPolicy::Winch` let the golden tests check it.

use crate::cache::{self, NativeSource};
use crate::error::HostError;
use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use wasmtime::{Config, Engine, Module, Strategy};

/// Which compiler produces the code a run executes (`wsim run --jit`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum JitPolicy {
    /// Cranelift code from the native cache when it is there; else start on
    /// Winch and switch to Cranelift once the run has lasted long enough
    /// to pay for compiling it.
    #[default]
    Auto,
    /// Cranelift only: the run starts when its whole compile is done.
    Cranelift,
    /// Winch only, never switching (a short run's fastest start).
    Winch,
    /// Start on Winch and switch to Cranelift after the second time step,
    /// waiting for its compile there: a deterministic switch, for tests.
    Switch,
}

impl JitPolicy {
    /// The values `--jit` accepts, for messages.
    pub const NAMES: &'static str = "auto, cranelift, winch or switch";

    pub fn from_name(name: &str) -> Option<JitPolicy> {
        match name {
            "auto" => Some(JitPolicy::Auto),
            "cranelift" => Some(JitPolicy::Cranelift),
            "winch" => Some(JitPolicy::Winch),
            "switch" => Some(JitPolicy::Switch),
            _ => None,
        }
    }
}

/// The compiler of a piece of native code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compiler {
    Cranelift,
    Winch,
}

impl std::fmt::Display for Compiler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Compiler::Cranelift => "cranelift",
            Compiler::Winch => "winch",
        })
    }
}

/// Winch code runs about 2-3x slower than Cranelift's, and Cranelift
/// compiles about 4-10x slower than Winch (measured in the notes and on
/// picorv32). A run that has spent this many Winch compile times running
/// has lost about what the Cranelift compile costs, so from then on the
/// compile is started (the ski-rental rule: never worse than twice the
/// better of the two choices made in hindsight).
pub const TIER_UP_FACTOR: u32 = 4;

/// Winch's compile speed in wasm bytes per second, to estimate its compile
/// time when its code came from the cache (measured here: picorv32's 346 KB
/// in about 0.035 s, the ring at N=256's 1.6 MB in about 0.08 s; the slower
/// figure, so a rerun waits rather longer than shorter before compiling).
const WINCH_BYTES_PER_SEC: f64 = 10e6;

/// The engine of a run: Cranelift, with epoch interruption only when
/// `epoch` (a `--timeout` run: the watchdog can then stop a design stuck
/// inside one time step). Epoch checks cost about 15% on picorv32, so other
/// runs poll Ctrl-C and progress between time-step slices instead. (The
/// native cache key covers the difference through the compatibility hash.)
/// Winch has no epoch checks: `--timeout` runs use Cranelift only.
pub fn engine(compiler: Compiler, epoch: bool) -> Result<Engine, HostError> {
    let mut config = Config::new();
    config.epoch_interruption(epoch);
    if compiler == Compiler::Winch {
        config.strategy(Strategy::Winch);
    }
    if std::env::var_os("WSIM_PERFMAP").is_some() {
        // Developer aid: `perf record` can then name the JIT-compiled functions.
        config.profiler(wasmtime::ProfilingStrategy::PerfMap);
    }
    Engine::new(&config).map_err(|e| HostError::Internal(e.to_string()))
}

/// The code a run starts on, and the Cranelift code that may replace it.
pub struct Start {
    pub engine: Engine,
    pub module: Module,
    pub native: NativeSource,
    pub compiler: Compiler,
    pub upgrade: Option<Upgrade>,
}

/// Choose and load the code a run starts on (see the module doc).
pub fn start(wasm: &[u8], policy: JitPolicy, epoch: bool, dir: Option<PathBuf>) -> wasmtime::Result<Start> {
    let cranelift = engine(Compiler::Cranelift, epoch)?;
    let only_cranelift = |engine: Engine| -> wasmtime::Result<Start> {
        let (module, native) = cache::load_module(&engine, wasm, dir.as_deref())?;
        Ok(Start { engine, module, native, compiler: Compiler::Cranelift, upgrade: None })
    };
    if epoch || policy == JitPolicy::Cranelift {
        return only_cranelift(cranelift);
    }
    if policy == JitPolicy::Auto {
        if let Some((module, native)) = dir.as_deref().and_then(|d| cache::lookup(&cranelift, wasm, d)) {
            return Ok(Start { engine: cranelift, module, native, compiler: Compiler::Cranelift, upgrade: None });
        }
    }
    let winch = engine(Compiler::Winch, false)?;
    let began = Instant::now();
    let Ok((module, native)) = cache::load_module(&winch, wasm, dir.as_deref()) else {
        // A module Winch cannot compile (an operator it lacks) still runs.
        return only_cranelift(cranelift);
    };
    // What Winch took to compile, or would have taken on a cache hit (the
    // load alone takes milliseconds: the rule would then start the
    // Cranelift compile in nearly every rerun).
    let winch_compile = match native {
        NativeSource::CacheHit { .. } => Duration::from_secs_f64(wasm.len() as f64 / WINCH_BYTES_PER_SEC),
        _ => began.elapsed(),
    };
    let rule = match policy {
        JitPolicy::Winch => {
            return Ok(Start { engine: winch, module, native, compiler: Compiler::Winch, upgrade: None })
        }
        JitPolicy::Switch => Rule::AtFirstSlice,
        _ => Rule::AfterRunning(winch_compile.max(Duration::from_millis(1)) * TIER_UP_FACTOR),
    };
    let upgrade = Upgrade { engine: cranelift, wasm: Arc::from(wasm), dir, rule, run_began: Instant::now(), job: None };
    Ok(Start { engine: winch, module, native, compiler: Compiler::Winch, upgrade: Some(upgrade) })
}

/// When the Cranelift compile starts and when its code is taken.
#[derive(Clone, Copy, Debug)]
enum Rule {
    /// Start it once the run has lasted this long (wall clock), take its
    /// code at the first slice boundary after it is ready.
    AfterRunning(Duration),
    /// Start it and wait for it at the first slice boundary.
    AtFirstSlice,
}

type Compiled = wasmtime::Result<(Module, NativeSource)>;

/// The Cranelift code of a run that started on Winch.
pub struct Upgrade {
    engine: Engine,
    wasm: Arc<[u8]>,
    dir: Option<PathBuf>,
    rule: Rule,
    run_began: Instant,
    job: Option<JoinHandle<Compiled>>,
}

/// What [`Upgrade::poll`] found at a slice boundary.
pub enum Ready {
    /// Nothing to switch to yet.
    NotYet,
    /// Switch to this code.
    Code { engine: Engine, module: Module, native: NativeSource },
    /// The compile failed: the run stays on Winch (the reason, for `--verbose`).
    Failed(String),
}

impl Upgrade {
    /// At a slice boundary: start the compile when the rule says so, and
    /// hand over its code once it is ready.
    pub fn poll(&mut self) -> Ready {
        let due = match self.rule {
            Rule::AfterRunning(after) => self.run_began.elapsed() >= after,
            Rule::AtFirstSlice => true,
        };
        if self.job.is_none() && due {
            self.job = Some(self.spawn());
        }
        let wait = matches!(self.rule, Rule::AtFirstSlice);
        match self.job.take() {
            Some(job) if wait || job.is_finished() => self.take(job),
            job => {
                self.job = job;
                Ready::NotYet
            }
        }
    }

    /// The switch is wanted at the first slice boundary: the runner makes
    /// that boundary come after 2 time steps rather than a whole slice.
    pub fn switches_early(&self) -> bool {
        matches!(self.rule, Rule::AtFirstSlice)
    }

    /// At the end of the run: a compile already under way is finished so
    /// that its code lands in the native cache for the next run.
    pub fn finish(self) {
        if let Some(job) = self.job {
            let _ = job.join();
        }
    }

    fn spawn(&self) -> JoinHandle<Compiled> {
        let (engine, wasm, dir) = (self.engine.clone(), Arc::clone(&self.wasm), self.dir.clone());
        // `load_module`: a `--jit switch` rerun finds the code cached.
        std::thread::spawn(move || cache::load_module(&engine, &wasm, dir.as_deref()))
    }

    fn take(&self, job: JoinHandle<Compiled>) -> Ready {
        match job.join() {
            Ok(Ok((module, native))) => Ready::Code { engine: self.engine.clone(), module, native },
            Ok(Err(e)) => Ready::Failed(format!("the cranelift compile failed: {e}")),
            Err(_) => Ready::Failed("the cranelift compile panicked".to_string()),
        }
    }
}
