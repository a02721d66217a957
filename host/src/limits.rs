//! Limits of a run: arena memory (`--max-memory`), wall time (`--timeout`)
//! and Ctrl-C.
//!
//! - [`MemoryLimiter`] is the wasmtime `ResourceLimiter` kept in
//!   [`HostState::limiter`]; [`install_limiter`] points the store at it. It
//!   refuses growth past the cap (the guest's `memory.grow` returns -1, the
//!   host-created arena fails to be created) and remembers that it did, so
//!   the report can say why the run died.
//! - [`Watchdog`] owns a thread that bumps the engine's epoch every ~10 ms
//!   while a run is going; [`configure`] makes the store check, at each
//!   tick, whether the deadline passed or Ctrl-C was pressed. If so, the
//!   running wasm call returns an error carrying a [`StopRequest`]
//!   ([`StopRequest::of`] recognises it); otherwise the guest goes on. The
//!   check reads two atomics and the clock, nothing else, so its cost is
//!   that of the epoch checks Cranelift puts in loops and calls (the engine
//!   needs `Config::epoch_interruption(true)`).
//! - Ctrl-C: [`catch_ctrl_c`] installs one SIGINT handler per process. The
//!   first press while a watchdog is active asks the run to stop cleanly
//!   (outputs flushed, report written); a second press, or a press while no
//!   run is going, exits at once with status 130.

use crate::services::HostState;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use wasmtime::{Engine, ResourceLimiter, Store, UpdateDeadline};
use wsim_diag::Code;

/// The codes of the stops: the arena would grow past `--max-memory`, the
/// run reached `--timeout`, Ctrl-C.
pub use wsim_diag::codes::run::{INTERRUPTED, MEMORY_LIMIT, WALL_TIMEOUT};

/// How often the watchdog thread bumps the epoch.
pub const TICK: Duration = Duration::from_millis(10);
/// After a stop was reported, wasm calls may go on this long (so the host
/// can still ask `wsim_time`, or run `wsim_final`) before they are stopped
/// again.
pub const STOP_GRACE: Duration = Duration::from_secs(2);

/// The `--max-memory` limiter: caps the size of every linear memory of the
/// store (the arena is the only one) and records the peak and any refusal.
#[derive(Clone, Debug, Default)]
pub struct MemoryLimiter {
    max_bytes: Option<usize>,
    hit: bool,
    peak_bytes: usize,
}

impl MemoryLimiter {
    /// A limiter with cap `max_bytes` (`None`: no cap, only the peak is kept).
    pub fn new(max_bytes: Option<u64>) -> MemoryLimiter {
        let max_bytes = max_bytes.map(|b| usize::try_from(b).unwrap_or(usize::MAX));
        MemoryLimiter { max_bytes, hit: false, peak_bytes: 0 }
    }

    /// The cap in bytes, if any.
    pub fn max_bytes(&self) -> Option<usize> {
        self.max_bytes
    }

    /// Whether some growth (or the arena's initial size) was refused.
    pub fn memory_limit_hit(&self) -> bool {
        self.hit
    }

    /// The largest memory size granted so far, in bytes (the arena's peak).
    pub fn peak_bytes(&self) -> usize {
        self.peak_bytes
    }
}

impl ResourceLimiter for MemoryLimiter {
    fn memory_growing(&mut self, _current: usize, desired: usize, maximum: Option<usize>) -> wasmtime::Result<bool> {
        // Past the memory's own declared maximum wasmtime fails the growth
        // anyway; that is not ours to report.
        if maximum.is_some_and(|m| desired > m) {
            return Ok(false);
        }
        if self.max_bytes.is_some_and(|cap| desired > cap) {
            self.hit = true;
            return Ok(false);
        }
        self.peak_bytes = self.peak_bytes.max(desired);
        Ok(true)
    }

    fn table_growing(&mut self, _current: usize, _desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        Ok(true)
    }
}

/// Make the store consult [`HostState::limiter`]. Call it before the arena
/// is created, so that its initial size is checked too.
pub fn install_limiter(store: &mut Store<HostState>) {
    store.limiter(|state| &mut state.limiter);
}

/// Why the watchdog stopped a run: the error a wasm call returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StopRequest {
    #[error("the run reached its wall-clock limit (--timeout)")]
    Timeout,
    #[error("the run was interrupted (Ctrl-C)")]
    Interrupted,
}

impl StopRequest {
    /// The request carried by the error of a wasm call, if that is why it failed.
    pub fn of(error: &wasmtime::Error) -> Option<StopRequest> {
        error.downcast_ref::<StopRequest>().copied()
    }

    /// The diagnostic code for the report.
    pub fn code(self) -> Code {
        match self {
            StopRequest::Timeout => WALL_TIMEOUT,
            StopRequest::Interrupted => INTERRUPTED,
        }
    }
}

/// Set by the SIGINT handler; cleared when a watchdog starts.
static CTRL_C_PENDING: AtomicBool = AtomicBool::new(false);
/// Watchdogs alive (a Ctrl-C with none exits at once).
static ACTIVE_WATCHDOGS: AtomicUsize = AtomicUsize::new(0);
/// The outcome of the one handler installation.
static CTRL_C_HANDLER: OnceLock<Result<(), String>> = OnceLock::new();

/// Install the process's SIGINT handler (once; later calls return the
/// first outcome). Fails when another handler owns SIGINT already.
pub fn catch_ctrl_c() -> Result<(), String> {
    CTRL_C_HANDLER
        .get_or_init(|| {
            ctrlc::set_handler(|| {
                let no_run = ACTIVE_WATCHDOGS.load(Ordering::SeqCst) == 0;
                let second_press = CTRL_C_PENDING.swap(true, Ordering::SeqCst);
                if no_run || second_press {
                    std::process::exit(130);
                }
            })
            .map_err(|e| format!("cannot catch Ctrl-C: {e}"))
        })
        .clone()
}

/// What the watchdog thread and the store's epoch callback share.
#[derive(Debug)]
struct Shared {
    started: Instant,
    deadline: Option<Instant>,
    /// Set by [`Watchdog::interrupt`] (a Ctrl-C for this run only).
    interrupted: AtomicBool,
    /// Tells the ticker thread to end.
    finished: AtomicBool,
}

impl Shared {
    /// The stop this run must make now, if any. Cheap: atomics and a clock read.
    fn stop_request(&self, now: Instant) -> Option<StopRequest> {
        if self.interrupted.load(Ordering::Relaxed) || CTRL_C_PENDING.load(Ordering::Relaxed) {
            Some(StopRequest::Interrupted)
        } else if self.deadline.is_some_and(|d| now >= d) {
            Some(StopRequest::Timeout)
        } else {
            None
        }
    }
}

/// Wall-clock deadline and Ctrl-C watch of one run; ticks the engine's
/// epoch from its own thread until dropped.
pub struct Watchdog {
    shared: Arc<Shared>,
    timeout: Option<Duration>,
    ticker: Option<JoinHandle<()>>,
}

impl Watchdog {
    /// Start watching now: the deadline is `timeout` from this call. The
    /// engine must have epoch interruption on. A pending Ctrl-C from an
    /// earlier run is forgotten.
    pub fn start(engine: &Engine, timeout: Option<Duration>) -> Watchdog {
        let started = Instant::now();
        let shared = Arc::new(Shared {
            started,
            deadline: timeout.and_then(|t| started.checked_add(t)),
            interrupted: AtomicBool::new(false),
            finished: AtomicBool::new(false),
        });
        CTRL_C_PENDING.store(false, Ordering::SeqCst);
        ACTIVE_WATCHDOGS.fetch_add(1, Ordering::SeqCst);
        let ticker = {
            let (engine, shared) = (engine.clone(), Arc::clone(&shared));
            std::thread::Builder::new()
                .name("wsim-watchdog".into())
                .spawn(move || tick_until_finished(&engine, &shared))
                .ok()
        };
        Watchdog { shared, timeout, ticker }
    }

    /// Ask the run to stop as if Ctrl-C had been pressed (for embedders
    /// cancelling a run, and tests). Takes effect at the next tick.
    pub fn interrupt(&self) {
        self.shared.interrupted.store(true, Ordering::SeqCst);
    }

    /// The stop the run must make now, if any.
    pub fn stop_request(&self) -> Option<StopRequest> {
        self.shared.stop_request(Instant::now())
    }

    /// The `--timeout` this watchdog enforces.
    pub fn timeout(&self) -> Option<Duration> {
        self.timeout
    }

    /// Wall time since [`Watchdog::start`].
    pub fn elapsed(&self) -> Duration {
        self.shared.started.elapsed()
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.shared.finished.store(true, Ordering::SeqCst);
        if let Some(ticker) = self.ticker.take() {
            ticker.thread().unpark();
            let _ = ticker.join();
        }
        ACTIVE_WATCHDOGS.fetch_sub(1, Ordering::SeqCst);
    }
}

fn tick_until_finished(engine: &Engine, shared: &Shared) {
    while !shared.finished.load(Ordering::SeqCst) {
        std::thread::park_timeout(TICK);
        engine.increment_epoch();
    }
}

/// Make `store` obey `watchdog` (see the module doc). Call it before
/// instantiating: instantiation already checks the epoch deadline (a store
/// left at wasmtime's default deadline traps with "interrupt" there).
/// (Progress is not reported from here: the run loop polls it between
/// time-step slices, with or without epochs.)
pub fn configure(store: &mut Store<HostState>, watchdog: &Watchdog) {
    let shared = Arc::clone(&watchdog.shared);
    store.set_epoch_deadline(1);
    store.epoch_deadline_callback(move |mut ctx| {
        let now = Instant::now();
        if let Some(request) = shared.stop_request(now) {
            match ctx.data().stop {
                None => {
                    ctx.data_mut().stop = Some((request, now));
                    return Err(wasmtime::Error::new(request));
                }
                Some((_, at)) if now.duration_since(at) > STOP_GRACE => return Err(wasmtime::Error::new(request)),
                Some(_) => {}
            }
        }
        Ok(UpdateDeadline::Continue(1))
    });
}
