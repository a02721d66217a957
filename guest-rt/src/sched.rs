//! The scheduler (IEEE 1800-2017 section 4): a time queue, and per time step
//! the active (with its "run next" stack for fork branches), inactive (`#0`),
//! NBA and postponed (`$strobe`, `$monitor`) regions, run in a delta loop.
//!
//! Threads are frames (crates/abi `frame`); a generated step function runs a
//! thread until it finishes, waits or calls a task, and returns a status.
//! Event waiters are heap nodes linked both into their signal's list and
//! into their frame's list, so the first event that fires frees all of a
//! frame's nodes. Ordering follows Icarus where the standard leaves it open:
//! waiters with the same edge on a signal wake last-registered first (in
//! groups ordered by first registration), and fork branches run last-forked
//! first, before the rest of the active region.

use crate::heap;
use crate::host;
use crate::logic::{self, limbs};
use crate::mem::{self, rd32, wr32, Global};
use alloc::collections::{BTreeMap, BinaryHeap, VecDeque};
use alloc::vec::Vec;
use core::cmp::Reverse;
use wsim_abi::frame::{self as fr, flags as fl};
use wsim_abi::statics as sw;
use wsim_abi::{edge, join, run_status, status, timer_kind, value_bytes, NO_SIG};

pub use wsim_abi::DELTA_LIMIT;

/// Kinds of time-queue entries.
const WAKE: u32 = 0;
const NBA: u32 = 1;
const UPDATE: u32 = 2;

#[derive(PartialEq, Eq, PartialOrd, Ord, Clone, Copy, Debug)]
struct Entry {
    time: u64,
    seq: u64,
    kind: u32,
    ptr: u32,
    gen: u32,
}

// Waiter node layout (heap, 32 bytes).
const W_PREV: u32 = 0;
const W_NEXT: u32 = 4;
const W_FRAME: u32 = 8;
const W_FRAME_NEXT: u32 = 12;
const W_EDGE: u32 = 16;
const W_SIG: u32 = 20;
/// Group key: the event-expression id given to `rt_wait`, or
/// `LEGACY_GROUP | edge` when none was given.
const W_KEY: u32 = 24;
const WAITER_SIZE: u32 = 32;
const LEGACY_GROUP: u32 = 0x8000_0000;

// Signal table entry: head, tail, then the first node of each edge group.
const S_HEAD: u32 = 0;
const S_TAIL: u32 = 4;
const S_GROUP: u32 = 8;
const SIG_ENTRY: u32 = 24;

// Deferred update record (NBA / update-after): header then the value.
const R_DST: u32 = 0;
const R_DW: u32 = 4;
const R_OFF: u32 = 8;
const R_SW: u32 = 12;
const R_SIG: u32 = 16;
const R_SIZE: u32 = 20;
const R_VALUE: u32 = 24;

pub struct Sched {
    pub now: u64,
    pub precision: i32,
    seq: u64,
    gen: u32,
    timeq: BinaryHeap<Reverse<Entry>>,
    active: VecDeque<u32>,
    batch: VecDeque<u32>,
    /// Run next, last pushed first (fork branches, parents leaving a join).
    front: Vec<u32>,
    inactive: Vec<u32>,
    updates: VecDeque<u32>,
    /// Delayed NBAs that matured at this time (heap records).
    nba: VecDeque<u32>,
    /// This time step's zero-delay NBAs, in order (see [`NbaBuffer`]).
    nba_now: NbaBuffer,
    /// Set by every push onto `active`, `batch`, `front`, `inactive`,
    /// `updates`, `nba`, `nba_now` or `timers_due` ([`Sched::queued`]);
    /// cleared when [`dynamic_queues_empty`] finds them all empty. So a
    /// step of static processes alone tests one flag per delta instead of
    /// eight queues. A stop sets it too, and so does anything else that
    /// ends [`run_quiet_timer_steps`] (see [`quiet_timer`]): the generated
    /// runner reads it (`wsim_abi::statics::HOST_WORK_AT`) and returns,
    /// rather than go on to the NBA region and the next delta itself, when
    /// it is set.
    pub maybe_queued: bool,
    /// NBA shadows (`wsim_abi::shadow`): the arena word set when a record
    /// is armed (0: the design has none); see [`rt_shadows`].
    shadow_any: u32,
    /// Threads resumed by a period (`rt_timer`), and those due now.
    timers: Vec<Timer>,
    timers_due: Vec<u32>,
    strobes: Vec<(u32, u32)>,
    monitor: Option<(u32, u32)>,
    monitor_on: bool,
    monitor_due: bool,
    monitor_last: Option<Vec<u8>>,
    finals: Vec<(u32, u32)>,
    sig_table: u32,
    n_signals: u32,
    notify_cursor: u32,
    running: u32,
    /// Set when the run must stop: the `run_status` to report.
    pub stop: Option<i32>,
    pub exit_code: i32,
    pub errors: u32,
    /// `wsim_run` returns `STEP` after each time step (waves are on).
    pub step_mode: bool,
    /// `wsim_step_mode(n)`, n > 1: return `STEP` every n time steps even
    /// without waves, so the host can poll Ctrl-C and show progress (0: never).
    slice: u32,
    /// Time steps left in the current slice.
    slice_left: u32,
    /// The frame that ran last (names the process of a delta-limit error).
    pub last_run: u32,
    /// `rt_finish_site` of the call that ended the run: (site, verbosity).
    finish_site: Option<(i32, i32)>,
    /// Run counters for `wsim_stat`.
    counters: Counters,
    /// Statically scheduled processes (see [`rt_static_proc`]).
    statics: Statics,
}

/// The statically scheduled processes: continuous assignments and `always`
/// blocks whose only timing control is one event control over whole
/// signals. Their triggers are registered once ([`rt_static_watch`]), so a
/// wake-up sets a pending bit instead of allocating and unlinking waiter
/// nodes, and pending processes run in their static index order (the
/// compiler levelizes combinational ones: producers before consumers).
struct Statics {
    /// The arena words shared with the generated runner
    /// (`wsim_abi::statics`: running index, pending, armed and later bitsets), or 0
    /// when the design has no static process.
    base: u32,
    /// Words of each bitset.
    words: u32,
    /// Frames by static index.
    frames: Vec<u32>,
    /// By frame: its static index (looked up once, when it first waits).
    index_of: BTreeMap<u32, u32>,
    /// By signal id: the static indices triggered by any change of it, as
    /// `(word, bits)` of the pending bitset, words ascending: a change
    /// costs one OR per word, however many processes read the signal.
    on_change: Vec<Vec<(u32, u64)>>,
    /// By signal id: `index << 2 | edge` of the edge triggers on it.
    on_edge: Vec<Vec<u32>>,
}

impl Statics {
    const fn new() -> Statics {
        Statics {
            base: 0,
            words: 0,
            frames: Vec::new(),
            index_of: BTreeMap::new(),
            on_change: Vec::new(),
            on_edge: Vec::new(),
        }
    }

    fn pending_at(&self, w: u32) -> u32 {
        self.base + sw::PENDING + 8 * w
    }

    /// Armed bits: the process has reached its event control once; before
    /// that, like a process that is not waiting yet, it misses its triggers.
    fn armed_at(&self, w: u32) -> u32 {
        self.base + sw::PENDING + 8 * (self.words + w)
    }

    /// The static index running, or u32::MAX: like a dynamic process, it
    /// misses the events it causes itself.
    fn running(&self) -> u32 {
        rd32(self.base + sw::RUNNING)
    }

    /// Marks static process `i` pending if it is armed and not running.
    fn trigger(&mut self, i: u32) {
        self.trigger_word(i / 64, 1u64 << (i % 64));
    }

    /// Marks pending the armed, not running processes among `bits` of
    /// pending word `w`.
    fn trigger_word(&mut self, w: u32, bits: u64) {
        let mut bits = bits & mem::rd64(self.armed_at(w));
        let running = self.running();
        if running / 64 == w {
            bits &= !(1u64 << (running % 64));
        }
        if bits != 0 {
            let at = self.pending_at(w);
            mem::wr64(at, mem::rd64(at) | bits);
            self.set_any_pending(true);
        }
    }

    fn later_at(&self, w: u32) -> u32 {
        self.base + sw::PENDING + 8 * (2 * self.words + w)
    }

    /// Some direct NBA of this step changed a register with readers.
    fn any_later(&self) -> bool {
        self.base != 0 && rd32(self.base + sw::ANY_LATER) != 0
    }

    /// The NBA region: the readers of registers that direct NBAs changed
    /// become pending (the armed ones), as the shadows' readers do.
    fn move_later(&mut self) {
        if self.base == 0 {
            return;
        }
        wr32(self.base + sw::ANY_LATER, 0);
        for w in 0..self.words {
            let at = self.later_at(w);
            let bits = mem::rd64(at) & mem::rd64(self.armed_at(w));
            mem::wr64(at, 0);
            if bits != 0 {
                let p = self.pending_at(w);
                mem::wr64(p, mem::rd64(p) | bits);
                self.set_any_pending(true);
            }
        }
    }

    /// `any_pending() || any_later()`, in one load of both words.
    fn any_pending_or_later(&self) -> bool {
        self.pending_and_later() != 0
    }

    /// Both words in one: `any_pending()` in the low half, `any_later()`
    /// in the high half (little-endian).
    fn pending_and_later(&self) -> u64 {
        const { assert!(sw::ANY_LATER == sw::ANY_PENDING + 4) };
        match self.base {
            0 => 0,
            base => mem::rd64(base + sw::ANY_PENDING),
        }
    }

    /// Some process may be pending (generated code sets this too).
    fn any_pending(&self) -> bool {
        self.base != 0 && rd32(self.base + sw::ANY_PENDING) != 0
    }

    fn set_any_pending(&self, on: bool) {
        wr32(self.base + sw::ANY_PENDING, on as u32);
    }
}

/// What `wsim_stat` reports.
#[derive(Default)]
struct Counters {
    deltas: u64,
    activations: u64,
    time_steps: u64,
    /// Posedges per signal id, counted when an `@(posedge)` waiter saw one.
    posedges: Vec<u64>,
}

impl Sched {
    const fn new() -> Self {
        Sched {
            now: 0,
            precision: 0,
            seq: 0,
            gen: 0,
            timeq: BinaryHeap::new(),
            active: VecDeque::new(),
            batch: VecDeque::new(),
            front: Vec::new(),
            inactive: Vec::new(),
            updates: VecDeque::new(),
            nba: VecDeque::new(),
            nba_now: NbaBuffer { block: 0, cap: 0, len: 0 },
            maybe_queued: false,
            shadow_any: 0,
            timers: Vec::new(),
            timers_due: Vec::new(),
            strobes: Vec::new(),
            monitor: None,
            monitor_on: false,
            monitor_due: false,
            monitor_last: None,
            finals: Vec::new(),
            sig_table: 0,
            n_signals: 0,
            notify_cursor: 0,
            running: 0,
            stop: None,
            exit_code: 0,
            errors: 0,
            step_mode: false,
            slice: 0,
            slice_left: 0,
            last_run: 0,
            finish_site: None,
            counters: Counters { deltas: 0, activations: 0, time_steps: 0, posedges: Vec::new() },
            statics: Statics::new(),
        }
    }
}

static SCHED: Global<Sched> = Global::new(Sched::new());

/// The scheduler state. Never hold the reference across `host::dispatch`.
pub fn s() -> &'static mut Sched {
    // A plain global: every helper calls this, so it must stay one load.
    SCHED.get()
}

// ---------------------------------------------------------------------------
// Frame field helpers

fn flags(f: u32) -> u32 {
    rd32(f + fr::FLAGS)
}

fn set_flags(f: u32, v: u32) {
    wr32(f + fr::FLAGS, v)
}

fn add_flags(f: u32, v: u32) {
    set_flags(f, flags(f) | v)
}

fn clear_flags(f: u32, v: u32) {
    set_flags(f, flags(f) & !v)
}

/// Gives the frame a fresh wait generation (invalidating queued wake-ups).
fn new_gen(f: u32) -> u32 {
    let st = s();
    st.gen = st.gen.wrapping_add(1).max(1);
    wr32(f + fr::WAIT_GEN, st.gen);
    st.gen
}

// ---------------------------------------------------------------------------
// Initialisation and process registration

/// `rt_init(heap_start, n_signals, precision)`.
#[no_mangle]
pub extern "C" fn rt_init(heap_start: u32, n_signals: u32, precision: i32) {
    // The old state's buffers live in the heap being reset: forget them.
    core::mem::forget(core::mem::replace(SCHED.get(), Sched::new()));
    heap::reset(heap_start);
    crate::format::reset(precision);
    crate::random::reset();
    crate::files::reset();
    let st = s();
    st.precision = precision;
    st.n_signals = n_signals;
    st.sig_table = heap::alloc(n_signals.max(1) * SIG_ENTRY);
}

/// `rt_start(frame, func)`: a static process, queued in the active region.
#[no_mangle]
pub extern "C" fn rt_start(frame: u32, func: u32) {
    wr32(frame + fr::FUNC, func);
    wr32(frame + fr::STATE, 0);
    enqueue_active(frame);
}

/// Whether something outside the design reads its signals during this run
/// (`wsim_observe`): true unless the host said otherwise. Not part of
/// [`Sched`], so `rt_init` keeps what the host set before `wsim_init`.
static OBSERVED: Global<bool> = Global::new(true);

/// `wsim_observe(on)`: 0 = nothing outside the design reads its signals
/// in this run (no waves), so `wsim_init` leaves the processes only waves
/// could show unstarted (codegen's `wave_only`); 1 = start them (the
/// default). The host calls it before `wsim_init`.
#[no_mangle]
pub extern "C" fn wsim_observe(on: i32) {
    *OBSERVED.get() = on != 0;
}

/// `rt_observed() -> i32`: 1 when the run starts the processes only waves
/// could show (see [`wsim_observe`]).
#[no_mangle]
pub extern "C" fn rt_observed() -> i32 {
    *OBSERVED.get() as i32
}

/// `rt_start_push(frame, func)`: a static process pushed to the front of
/// the active region (so such processes run first, last started first).
/// This is vvp's `$push` start for combinational `always` processes (those
/// whose first statement waits on level-sensitive events only, `@*`,
/// `always_comb`): they are waiting before any `initial` block runs.
#[no_mangle]
pub extern "C" fn rt_start_push(frame: u32, func: u32) {
    wr32(frame + fr::FUNC, func);
    wr32(frame + fr::STATE, 0);
    if flags(frame) & fl::QUEUED == 0 {
        add_flags(frame, fl::QUEUED);
        s().queued().active.push_front(frame);
    }
}

/// `rt_statics(base, count)`: the design has `count` static processes;
/// their shared words (`wsim_abi::statics`) are at `base`, and the
/// generated runner (`gen.run_statics`) runs the pending ones.
#[no_mangle]
pub extern "C" fn rt_statics(base: u32, count: u32) {
    let st = &mut s().statics;
    st.base = base;
    st.words = sw::words(count);
    st.frames = alloc::vec![0; count as usize];
    for at in (base..base + sw::size(count)).step_by(8) {
        mem::wr64(at, 0);
    }
    wr32(base + sw::RUNNING, u32::MAX);
    wr32(base + sw::HOST_WORK_AT, core::ptr::addr_of!(s().maybe_queued) as u32);
    wr32(base + sw::NOW_AT, core::ptr::addr_of!(s().now) as u32);
}

/// `rt_static_proc(frame, index)`: the process of `frame` is static, with
/// static index `index` (indices are dense, from 0, in run order).
#[no_mangle]
pub extern "C" fn rt_static_proc(frame: u32, index: u32) {
    add_flags(frame, fl::STATIC);
    let st = &mut s().statics;
    if let Some(slot) = st.frames.get_mut(index as usize) {
        *slot = frame;
        st.index_of.insert(frame, index);
    }
}

/// `rt_static_watch(sig, index, edge)`: static process `index` is
/// triggered by `edge` (`wsim_abi::edge`) on `sig`.
#[no_mangle]
pub extern "C" fn rt_static_watch(sig: u32, index: u32, edge_kind: i32) {
    let n = s().n_signals as usize;
    let st = &mut s().statics;
    if (sig as usize) >= n || (index as usize) >= st.frames.len() {
        return;
    }
    if st.on_change.len() < n {
        st.on_change.resize_with(n, Vec::new);
        st.on_edge.resize_with(n, Vec::new);
    }
    if edge_kind == edge::ANY {
        let (w, bit) = (index / 64, 1u64 << (index % 64));
        let words = &mut st.on_change[sig as usize];
        match words.binary_search_by_key(&w, |&(word, _)| word) {
            Ok(k) => words[k].1 |= bit,
            Err(k) => words.insert(k, (w, bit)),
        }
    } else {
        st.on_edge[sig as usize].push(index << 2 | (edge_kind as u32 & 3));
    }
}

/// A thread that loops around one constant delay (`always #5 clk = ~clk;`):
/// resumed every `period` ticks, next at `next` (see [`rt_timer`]).
#[derive(Clone, Copy)]
struct Timer {
    frame: u32,
    period: u64,
    next: u64,
    /// `gen.timer_body` runs one period of it (see [`rt_timer`]).
    body: bool,
    /// `gen.timer_steps` runs its quiet steps ([`run_generated_quiet_steps`]).
    steps: bool,
}

/// `rt_timer(frame, period, kind)`: the thread of `frame` loops around one
/// delay of `period` ticks and nothing else that suspends (`always #5 clk =
/// ~clk;`). Its delay is a plain suspend; it is resumed every `period`
/// ticks from now, without a wake-up record in the time queue each time
/// (its start at time 0 runs it up to the delay, as any thread). At a time
/// when other threads wake too, it runs after them and before the static
/// processes (`run_active_batch`); the order of processes at one time is
/// unspecified (IEEE 1800-2017 4.7). `kind` (`wsim_abi::timer_kind`)
/// `BODY` or `STEPS` (only for a design's one timer): `gen.timer_body`
/// runs one period of the thread's statements, from the delay round to
/// it, leaving the frame's state as it is; a time step of this timer alone
/// calls it instead of resuming the thread ([`run_timer_step`]). `STEPS`:
/// `gen.timer_steps` also runs such steps back to back
/// ([`run_generated_quiet_steps`]).
#[no_mangle]
pub extern "C" fn rt_timer(frame: u32, period: i64, kind: i32) {
    let next = s().now.saturating_add(period as u64);
    let st = s();
    let (body, steps) = (kind != timer_kind::THREAD, kind == timer_kind::STEPS);
    st.timers.push(Timer { frame, period: period as u64, next, body, steps });
    st.maybe_queued = true;
}

/// The earliest time a timer is due.
fn next_timer() -> Option<u64> {
    s().timers.iter().map(|t| t.next).min()
}

/// Lists the timers due at `now` to run and moves them a period on.
fn fire_timers(now: u64) {
    let st = s();
    for t in st.timers.iter_mut().filter(|t| t.next == now) {
        st.maybe_queued = true;
        st.timers_due.push(t.frame);
        t.next = now.saturating_add(t.period);
    }
}

/// A static process reached its event control for the first time: from
/// now on its triggers make it pending.
fn arm_static(f: u32) {
    add_flags(f, fl::ARMED);
    let st = &mut s().statics;
    if let Some(&i) = st.index_of.get(&f) {
        let at = st.armed_at(i / 64);
        mem::wr64(at, mem::rd64(at) | 1 << (i % 64));
    }
}

/// `rt_add_final(frame, func)`.
#[no_mangle]
pub extern "C" fn rt_add_final(frame: u32, func: u32) {
    s().finals.push((frame, func));
}

#[no_mangle]
pub extern "C" fn rt_now() -> i64 {
    s().now as i64
}

fn enqueue_active(f: u32) {
    if flags(f) & fl::QUEUED != 0 {
        return;
    }
    add_flags(f, fl::QUEUED);
    s().queued().active.push_back(f);
}

fn enqueue_front(f: u32) {
    if flags(f) & fl::QUEUED != 0 {
        return;
    }
    add_flags(f, fl::QUEUED);
    s().queued().front.push(f);
}

// ---------------------------------------------------------------------------
// Delays and events

/// `rt_delay(frame, ticks)`: resume after `ticks` (0: inactive region).
/// Delays are unsigned 64-bit tick counts.
#[no_mangle]
pub extern "C" fn rt_delay(frame: u32, ticks: i64) {
    if ticks == 0 {
        if flags(frame) & fl::QUEUED == 0 {
            add_flags(frame, fl::QUEUED);
            s().queued().inactive.push(frame);
        }
        return;
    }
    let gen = new_gen(frame);
    let time = s().now.saturating_add(ticks as u64);
    push_entry(time, WAKE, frame, gen);
}

fn push_entry(time: u64, kind: u32, ptr: u32, gen: u32) {
    // (`maybe_queued` too: it ends `gen.timer_steps`, whose steps its
    // caller bounds by the queue's first entry once. Static processes
    // add no entries today, so a thread that does has set it already.)
    let st = s().queued();
    st.seq += 1;
    st.timeq.push(Reverse(Entry { time, seq: st.seq, kind, ptr, gen }));
}

fn sig_entry(sig: u32) -> Option<u32> {
    let st = s();
    (sig < st.n_signals).then(|| st.sig_table + sig * SIG_ENTRY)
}

/// `rt_wait(frame, sig, edge)`: one more event the frame waits for.
///
/// `edge & 3` is the edge kind. `edge >> 8`, when not 0, identifies the
/// event expression (`@(...)`) the wait belongs to, numbered in source
/// order with identical expressions sharing a number: waiters then wake by
/// expression in that order, last registered first within one expression,
/// which is how vvp's shared event functors behave. Without an id, waiters
/// are grouped by edge kind, groups in order of creation.
#[no_mangle]
pub extern "C" fn rt_wait(frame: u32, sig: u32, edge_kind: i32) {
    let Some(entry) = sig_entry(sig) else {
        return;
    };
    let e = (edge_kind as u32) & 3;
    let id = (edge_kind as u32) >> 8;
    let key = if id == 0 { LEGACY_GROUP | e } else { id };
    let node = heap::alloc(WAITER_SIZE);
    wr32(node + W_FRAME, frame);
    wr32(node + W_EDGE, e);
    wr32(node + W_SIG, sig);
    wr32(node + W_KEY, key);
    // Into the frame's list.
    wr32(node + W_FRAME_NEXT, rd32(frame + fr::WAITERS));
    wr32(frame + fr::WAITERS, node);
    // Into the signal's list, in front of its group (or where its group
    // goes).
    if id == 0 {
        let group = entry + S_GROUP + 4 * e;
        let first = rd32(group);
        insert_before(entry, node, first);
        wr32(group, node);
    } else {
        let mut at = rd32(entry + S_HEAD);
        while at != 0 && rd32(at + W_KEY) < key {
            at = rd32(at + W_NEXT);
        }
        insert_before(entry, node, at);
    }
}

/// Links `node` into a signal's list before `at` (at the tail when 0).
fn insert_before(entry: u32, node: u32, at: u32) {
    let prev = if at == 0 { rd32(entry + S_TAIL) } else { rd32(at + W_PREV) };
    wr32(node + W_PREV, prev);
    wr32(node + W_NEXT, at);
    if at == 0 {
        wr32(entry + S_TAIL, node);
    } else {
        wr32(at + W_PREV, node);
    }
    if prev == 0 {
        wr32(entry + S_HEAD, node);
    } else {
        wr32(prev + W_NEXT, node);
    }
}

/// Unlinks one waiter node from its signal's list.
fn unlink_from_signal(node: u32) {
    let Some(entry) = sig_entry(rd32(node + W_SIG)) else {
        return;
    };
    let (prev, next) = (rd32(node + W_PREV), rd32(node + W_NEXT));
    let key = rd32(node + W_KEY);
    if key & LEGACY_GROUP != 0 {
        let group = entry + S_GROUP + 4 * (key & 3);
        if rd32(group) == node {
            let same = next != 0 && rd32(next + W_KEY) == key;
            wr32(group, if same { next } else { 0 });
        }
    }
    if prev == 0 {
        wr32(entry + S_HEAD, next);
    } else {
        wr32(prev + W_NEXT, next);
    }
    if next == 0 {
        wr32(entry + S_TAIL, prev);
    } else {
        wr32(next + W_PREV, prev);
    }
    let st = s();
    if st.notify_cursor == node {
        st.notify_cursor = next;
    }
}

/// Frees all of a frame's waiter nodes.
fn unlink_waiters(f: u32) {
    let mut node = rd32(f + fr::WAITERS);
    while node != 0 {
        let next = rd32(node + W_FRAME_NEXT);
        unlink_from_signal(node);
        heap::free(node, WAITER_SIZE);
        node = next;
    }
    wr32(f + fr::WAITERS, 0);
}

/// Cancels whatever the frame waits for (events, delay, join).
fn cancel_wait(f: u32) {
    unlink_waiters(f);
    new_gen(f);
    clear_flags(f, fl::WAIT_JOIN | fl::JOIN_ANY);
}

/// Wakes a waiting frame into the active region.
fn wake(f: u32) {
    if flags(f) & fl::DEAD != 0 {
        return;
    }
    unlink_waiters(f);
    new_gen(f);
    enqueue_active(f);
}

fn is_posedge(old: u32, new: u32) -> bool {
    (old == 0 && new != 0) || (old >= 2 && new == 1)
}

fn is_negedge(old: u32, new: u32) -> bool {
    (old == 1 && new != 1) || (old >= 2 && new == 0)
}

fn edge_matches(e: u32, old: u32, new: u32) -> bool {
    match e as i32 {
        edge::ANY => true,
        edge::POS => is_posedge(old, new),
        edge::NEG => is_negedge(old, new),
        _ => is_posedge(old, new) || is_negedge(old, new),
    }
}

/// `rt_notify(sig, old, new)`: wake the waiters whose edge matches.
#[no_mangle]
pub extern "C" fn rt_notify(sig: u32, old_code: u32, new_code: u32) {
    let Some(entry) = sig_entry(sig) else {
        return;
    };
    let (old, new) = (old_code & 3, new_code & 3);
    let mut clocked = trigger_statics(sig, old, new);
    s().notify_cursor = rd32(entry + S_HEAD);
    loop {
        let node = s().notify_cursor;
        if node == 0 {
            break;
        }
        s().notify_cursor = rd32(node + W_NEXT);
        let e = rd32(node + W_EDGE);
        if edge_matches(e, old, new) {
            clocked |= e == edge::POS as u32;
            // Frees this node and the frame's others; `unlink_from_signal`
            // moves the cursor past any of them.
            wake(rd32(node + W_FRAME));
        }
    }
    if clocked {
        count_posedge(sig);
    }
}

/// Marks pending the armed static processes whose trigger on `sig` matches
/// the change; true if a `posedge` trigger matched (for the cycle count).
fn trigger_statics(sig: u32, old: u32, new: u32) -> bool {
    let sg = sig as usize;
    let statics = &mut s().statics;
    let mut clocked = false;
    let n_edge = statics.on_edge.get(sg).map_or(0, Vec::len);
    for k in 0..n_edge {
        let t = statics.on_edge[sg][k];
        let e = t & 3;
        if !edge_matches(e, old, new) {
            continue;
        }
        clocked |= e == edge::POS as u32;
        statics.trigger(t >> 2);
    }
    let n_change = statics.on_change.get(sg).map_or(0, Vec::len);
    for k in 0..n_change {
        let (w, bits) = statics.on_change[sg][k];
        statics.trigger_word(w, bits);
    }
    clocked
}

/// Runs the pending static processes in index order, once each; those
/// marked pending again meanwhile at a lower index wait for the next pass
/// (a combinational loop: each pass is a delta cycle). The generated runner
/// makes the calls; it returns early, with `index + 1`, at a process that
/// did not go back to its wait (`$finish`, `$stop`, an error). While
/// guest-rt has no work of its own (`Sched::maybe_queued`), the runner
/// also runs the NBA region (shadows and later bits) and the passes that
/// follow, at most `more` of them: returns how many it made, each one
/// more delta cycle. When it returns 0 it leaves `ANY_PENDING` exact (set
/// when bits were set behind its cursor: the next pass runs them).
#[inline(always)]
fn run_pending_statics(more: u32) -> u32 {
    s().statics.set_any_pending(false);
    run_statics_from(s().statics.base, more, 0)
}

/// The runner's passes of [`run_pending_statics`], `passes` of them
/// already made; returns how many in all.
#[inline(always)]
fn run_statics_from(base: u32, more: u32, mut passes: u32) -> u32 {
    loop {
        let left = more - passes;
        wr32(base + sw::PASSES, left);
        let stopped_at = host::run_statics(base);
        passes += left - rd32(base + sw::PASSES);
        take_running_static(base);
        if stopped_at == 0 || !resume_after_static_stop(base, stopped_at as u32) {
            return passes;
        }
    }
}

/// The runner's `RUNNING` (the last unit that named itself) as the last
/// run thread, and `RUNNING` cleared.
#[inline(always)]
fn take_running_static(base: u32) {
    let ran = rd32(base + sw::RUNNING);
    wr32(base + sw::RUNNING, u32::MAX);
    if ran != u32::MAX {
        s().last_run = s().statics.frames[ran as usize];
    }
}

/// After the runner returned `stopped_at` (1 + the static index of a
/// process whose status was not `WAIT`): that status handled as a
/// thread's; true when the pass goes on (the run did not stop).
fn resume_after_static_stop(base: u32, stopped_at: u32) -> bool {
    let f = s().statics.frames[stopped_at as usize - 1];
    if let Some(next) = after_dispatch(f, rd32(base + sw::STATUS) as i32) {
        run_thread(next);
    }
    !stopped()
}

/// One more cycle of a signal something waits on with `@(posedge)`.
/// (Generated code calls it at every clock edge: the table grows out of
/// line, so the common path needs no saved registers.)
fn count_posedge(sig: u32) {
    match s().counters.posedges.get_mut(sig as usize) {
        Some(c) => *c += 1,
        None => count_first_posedge(sig),
    }
}

#[cold]
#[inline(never)]
fn count_first_posedge(sig: u32) {
    let n = s().n_signals as usize;
    let counts = &mut s().counters.posedges;
    if counts.len() < n {
        counts.resize(n, 0);
    }
    if let Some(c) = counts.get_mut(sig as usize) {
        *c += 1;
    }
}

/// `rt_count_posedge(sig)`: a posedge of `sig` that generated code
/// handed its static readers itself (no `rt_notify`), for the clock count.
#[no_mangle]
pub extern "C" fn rt_count_posedge(sig: u32) {
    count_posedge(sig);
}

/// `rt_trigger(sig)`: `-> e` wakes ANY, BOTH and POS waiters.
#[no_mangle]
pub extern "C" fn rt_trigger(sig: u32) {
    rt_notify(sig, 0, 1);
}

/// The 2-bit code (0, 1, z=2, x=3) of bit 0 of a value.
pub fn lsb_code(addr: u32, w: u32) -> u32 {
    let v = mem::value(addr, w);
    code_of(v[0], v[limbs(w)])
}

/// The 2-bit code of bit 0 of a value whose lowest limbs are `aval`, `bval`.
fn code_of(aval: u64, bval: u64) -> u32 {
    ((aval & 1) | ((bval & 1) << 1)) as u32
}

/// `rt_store(dst, src, w, sig) -> changed`.
#[no_mangle]
pub extern "C" fn rt_store(dst: u32, src: u32, w: u32, sig: u32) -> i32 {
    if dst == src {
        return 0;
    }
    if w <= 64 {
        return store_small(dst, src, sig);
    }
    let (d, sv) = (mem::value_mut(dst, w), mem::value(src, w));
    // Limb by limb: values are short, a memcmp call costs more.
    if d.iter().zip(sv).all(|(a, b)| a == b) {
        return 0;
    }
    let old = lsb_code(dst, w);
    d.copy_from_slice(sv);
    if sig != NO_SIG {
        rt_notify(sig, old, lsb_code(dst, w));
    }
    1
}

/// `rt_store` of a one-limb value: two words compared and copied.
fn store_small(dst: u32, src: u32, sig: u32) -> i32 {
    let (a, b) = (mem::rd64(src), mem::rd64(src + 8));
    let (old_a, old_b) = (mem::rd64(dst), mem::rd64(dst + 8));
    if a == old_a && b == old_b {
        return 0;
    }
    mem::wr64(dst, a);
    mem::wr64(dst + 8, b);
    if sig != NO_SIG {
        rt_notify(sig, code_of(old_a, old_b), code_of(a, b));
    }
    1
}

/// `rt_store_bits(dst, dw, off, src, sw, sig) -> changed`.
#[no_mangle]
pub extern "C" fn rt_store_bits(dst: u32, dw: u32, off: i32, src: u32, sw: u32, sig: u32) -> i32 {
    if off == 0 && sw == dw {
        return rt_store(dst, src, dw, sig); // the common whole-value store
    }
    let old = lsb_code(dst, dw);
    let changed = logic::set_bits(mem::value_mut(dst, dw), dw, off as i64, mem::value(src, sw), sw);
    if changed && sig != NO_SIG {
        rt_notify(sig, old, lsb_code(dst, dw));
    }
    changed as i32
}

// ---------------------------------------------------------------------------
// Deferred updates

/// A deferred update: where to store (`rt_store_bits` arguments) and the
/// record's size; the value follows at `R_VALUE`.
#[derive(Clone, Copy)]
struct Update {
    dst: u32,
    dw: u32,
    off: i32,
    sw: u32,
    sig: u32,
}

impl Update {
    fn size(self) -> u32 {
        R_VALUE + value_bytes(self.sw)
    }

    /// Writes the header of a record at `r`.
    fn write_header(self, r: u32) {
        wr32(r + R_DST, self.dst);
        wr32(r + R_DW, self.dw);
        wr32(r + R_OFF, self.off as u32);
        wr32(r + R_SW, self.sw);
        wr32(r + R_SIG, self.sig);
        wr32(r + R_SIZE, self.size());
    }
}

/// Stores the value of the record at `r` where its header says.
fn apply_record(r: u32) {
    rt_store_bits(
        rd32(r + R_DST),
        rd32(r + R_DW),
        rd32(r + R_OFF) as i32,
        r + R_VALUE,
        rd32(r + R_SW),
        rd32(r + R_SIG),
    );
}

fn make_record(u: Update, src: u32) -> u32 {
    let r = heap::alloc_uninit(u.size());
    u.write_header(r);
    mem::copy(r + R_VALUE, src, value_bytes(u.sw));
    r
}

fn commit_record(r: u32) {
    apply_record(r);
    heap::free(r, rd32(r + R_SIZE));
}

/// The zero-delay NBAs of a time step: records like the heap ones
/// (`R_DST`..`R_VALUE`, then the value) packed one after another in one
/// arena block that is reused from step to step, so an NBA costs a copy,
/// not an allocation and a free. The NBA region commits them all at once;
/// committing runs no process, so nothing is appended meanwhile.
struct NbaBuffer {
    block: u32,
    cap: u32,
    len: u32,
}

impl NbaBuffer {
    fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Room for `size` more bytes (the block moves when it grows).
    #[inline(always)]
    fn reserve(&mut self, size: u32) {
        if self.len + size > self.cap {
            self.grow(size);
        }
    }

    #[cold]
    fn grow(&mut self, size: u32) {
        let cap = (self.len + size).next_power_of_two().max(4096);
        let block = heap::alloc_uninit(cap);
        mem::copy(block, self.block, self.len);
        heap::free(self.block, self.cap);
        self.block = block;
        self.cap = cap;
    }

    /// Room for one more record of `u`, which gets its header: returns
    /// the record's address.
    fn append(&mut self, u: Update) -> u32 {
        let size = u.size();
        self.reserve(size);
        let r = self.block + self.len;
        u.write_header(r);
        self.len += size;
        r
    }
}

/// Commits this step's zero-delay NBAs in the order they were made.
fn commit_nba_buffer() {
    let (block, len) = (s().nba_now.block, s().nba_now.len);
    let mut at = 0;
    while at < len {
        let r = block + at;
        apply_record(r);
        at += rd32(r + R_SIZE);
    }
    s().nba_now.len = 0;
}

/// `rt_shadows(any)`: the design has NBA shadow records; the generated
/// code sets the u32 at `any` when it arms one, and `gen.commit_shadows`
/// copies the armed ones to their signals.
#[no_mangle]
pub extern "C" fn rt_shadows(any: u32) {
    s().shadow_any = any;
}

fn shadows_armed() -> bool {
    let any = s().shadow_any;
    any != 0 && rd32(any) != 0
}

/// Copies every armed shadow value to its signal, waking its readers (the
/// generated commit; order does not matter, only combinational static
/// processes watch shadowed signals).
fn commit_shadows() {
    if shadows_armed() {
        host::commit_shadows();
    }
}

/// `rt_nba64(dst, w, sig, aval, bval)`: the common nonblocking assignment,
/// a whole value of `w` <= 64 bits with no delay, its planes passed by value.
#[no_mangle]
pub extern "C" fn rt_nba64(dst: u32, w: u32, sig: u32, aval: i64, bval: i64) {
    let r = s().queued().nba_now.append(Update { dst, dw: w, off: 0, sw: w, sig });
    mem::wr64(r + R_VALUE, aval as u64);
    mem::wr64(r + R_VALUE + 8, bval as u64);
}

/// `rt_nba(dst, dw, off, src, sw, sig, delay)`: nonblocking assignment.
#[no_mangle]
pub extern "C" fn rt_nba(dst: u32, dw: u32, off: i32, src: u32, sw: u32, sig: u32, delay: i64) {
    let u = Update { dst, dw, off, sw, sig };
    if delay == 0 {
        let r = s().queued().nba_now.append(u);
        mem::copy(r + R_VALUE, src, value_bytes(sw));
    } else {
        let r = make_record(u, src);
        let t = s().now.saturating_add(delay as u64);
        push_entry(t, NBA, r, 0);
    }
}

/// `rt_update_after(dst, dw, off, src, sw, sig, delay)`: an active-region
/// update at `now + delay`.
#[no_mangle]
pub extern "C" fn rt_update_after(dst: u32, dw: u32, off: i32, src: u32, sw: u32, sig: u32, delay: i64) {
    let r = make_record(Update { dst, dw, off, sw, sig }, src);
    if delay == 0 {
        s().queued().updates.push_back(r);
    } else {
        let t = s().now.saturating_add(delay as u64);
        push_entry(t, UPDATE, r, 0);
    }
}

// ---------------------------------------------------------------------------
// Frames, calls, forks

/// `rt_alloc_frame(size, func) -> frame`: zeroed, HEAP flag set. The block
/// keeps its size in the 8 bytes before the frame.
#[no_mangle]
pub extern "C" fn rt_alloc_frame(size: u32, func: u32) -> u32 {
    let size = size.max(fr::HEADER_SIZE);
    let block = heap::alloc(size + 8);
    wr32(block, size + 8);
    let f = block + 8;
    wr32(f + fr::FUNC, func);
    set_flags(f, fl::HEAP);
    f
}

/// `rt_free_frame(frame)`.
#[no_mangle]
pub extern "C" fn rt_free_frame(frame: u32) {
    if frame == 0 || flags(frame) & fl::HEAP == 0 {
        return;
    }
    unlink_waiters(frame);
    let block = frame - 8;
    heap::free(block, rd32(block));
}

/// `rt_call(parent, child)`.
#[no_mangle]
pub extern "C" fn rt_call(parent: u32, child: u32) {
    wr32(child + fr::PARENT, parent);
    wr32(parent + fr::CHILD, child);
    add_flags(child, fl::CALL_CHILD);
    clear_flags(child, fl::FINISHED);
}

/// `rt_fork(parent, child)`: a fork branch; runs next (last forked first).
#[no_mangle]
pub extern "C" fn rt_fork(parent: u32, child: u32) {
    wr32(child + fr::PARENT, parent);
    add_flags(child, fl::FORK_CHILD);
    wr32(child + fr::SIBLING, rd32(parent + fr::CHILDREN));
    wr32(parent + fr::CHILDREN, child);
    wr32(parent + fr::JOIN_COUNT, rd32(parent + fr::JOIN_COUNT) + 1);
    enqueue_front(child);
}

/// `rt_join(parent, kind) -> 1 if the parent must wait`.
#[no_mangle]
pub extern "C" fn rt_join(parent: u32, kind: i32) -> i32 {
    if rd32(parent + fr::JOIN_COUNT) == 0 {
        return 0;
    }
    let any = if kind == join::ANY { fl::JOIN_ANY } else { 0 };
    add_flags(parent, fl::WAIT_JOIN | any);
    1
}

/// Removes `child` from `parent`'s list of fork children.
fn unlink_child(parent: u32, child: u32) {
    let mut link = parent + fr::CHILDREN;
    loop {
        let c = rd32(link);
        if c == 0 {
            return;
        }
        if c == child {
            wr32(link, rd32(c + fr::SIBLING));
            wr32(c + fr::SIBLING, 0);
            return;
        }
        link = c + fr::SIBLING;
    }
}

/// A fork branch ended (finished or killed): account for it in its parent,
/// wake a parent waiting in a join, free what guest-rt owns.
fn fork_child_ended(child: u32) {
    let parent = rd32(child + fr::PARENT);
    if parent != 0 {
        unlink_child(parent, child);
        let count = rd32(parent + fr::JOIN_COUNT).saturating_sub(1);
        wr32(parent + fr::JOIN_COUNT, count);
        let pf = flags(parent);
        if pf & fl::WAIT_JOIN != 0 && (pf & fl::JOIN_ANY != 0 || count == 0) {
            clear_flags(parent, fl::WAIT_JOIN | fl::JOIN_ANY);
            if pf & fl::DEAD == 0 {
                enqueue_front(parent);
            }
        }
    }
    release_if_owned(child);
    if parent != 0 {
        release_if_owned(parent);
    }
}

/// Frees a heap fork branch once it ended, is not queued, has no running
/// children and is not the running frame.
fn release_if_owned(f: u32) {
    let g = flags(f);
    let owned = g & fl::HEAP != 0 && g & fl::FORK_CHILD != 0;
    let ended = g & (fl::FINISHED | fl::DEAD) != 0;
    if owned && ended && g & fl::QUEUED == 0 && rd32(f + fr::JOIN_COUNT) == 0 && f != s().running {
        rt_free_frame(f);
    }
}

/// Kills a frame and every thread it forked.
fn kill_tree(f: u32) {
    let mut c = rd32(f + fr::CHILDREN);
    while c != 0 {
        let next = rd32(c + fr::SIBLING);
        kill_tree(c);
        c = next;
    }
    kill_one(f);
}

fn kill_one(f: u32) {
    let g = flags(f);
    if g & (fl::DEAD | fl::FINISHED) != 0 {
        return;
    }
    cancel_wait(f);
    add_flags(f, fl::DEAD);
    // (ends `run_quiet_timer_steps` when `f` is the timer's thread)
    s().maybe_queued = true;
    // The task call in progress dies with its caller.
    let callee = rd32(f + fr::CHILD);
    if callee != 0 && flags(callee) & fl::CALL_CHILD != 0 && rd32(callee + fr::PARENT) == f {
        kill_tree(callee);
    }
    if g & fl::FORK_CHILD != 0 {
        fork_child_ended(f);
    }
}

/// `rt_disable_fork(parent)`: kill every child thread and its descendants.
#[no_mangle]
pub extern "C" fn rt_disable_fork(parent: u32) {
    let mut c = rd32(parent + fr::CHILDREN);
    while c != 0 {
        let next = rd32(c + fr::SIBLING);
        kill_tree(c);
        c = next;
    }
}

/// `rt_kill(frame)`.
#[no_mangle]
pub extern "C" fn rt_kill(frame: u32) {
    kill_tree(frame);
}

/// `rt_resume_at(frame, state)`.
#[no_mangle]
pub extern "C" fn rt_resume_at(frame: u32, state: u32) {
    cancel_wait(frame);
    wr32(frame + fr::STATE, state);
    enqueue_active(frame);
}

/// `rt_finish(code)`: `$finish` (0) or `$fatal` (non-zero).
#[no_mangle]
pub extern "C" fn rt_finish(code: i32) {
    let st = s();
    if st.stop.is_none() || st.stop == Some(run_status::STOPPED) {
        st.stop = Some(if code == 0 { run_status::FINISHED } else { run_status::ERROR });
        st.exit_code = code;
        st.maybe_queued = true;
    }
}

/// `rt_finish_site(site, verbosity)`: called just before `rt_finish` or
/// `rt_stop`; the first call that ends the run is kept.
#[no_mangle]
pub extern "C" fn rt_finish_site(site: i32, verbosity: i32) {
    let st = s();
    if st.stop.is_none() || st.stop == Some(run_status::STOPPED) {
        st.finish_site = Some((site, verbosity));
    }
}

/// `rt_stop()`: `$stop`.
#[no_mangle]
pub extern "C" fn rt_stop() {
    let st = s();
    if st.stop.is_none() {
        st.stop = Some(run_status::STOPPED);
        st.maybe_queued = true;
    }
}

// ---------------------------------------------------------------------------
// Running threads

/// Runs a thread until it waits, ends or stops; follows task calls.
#[inline(always)]
fn run_thread(start: u32) {
    let mut f = start;
    loop {
        let Some(st) = run_as(f, |f| host::dispatch(rd32(f + fr::FUNC), f)) else { return };
        match after_dispatch(f, st) {
            Some(next) if s().stop.is_none() => f = next,
            _ => return,
        }
    }
}

/// What follows a step function's return with status `st`: the frame that
/// goes on in this thread (a task's frame, or its caller when it ended).
#[inline(always)]
fn after_dispatch(f: u32, st: i32) -> Option<u32> {
    match st {
        status::WAIT => {
            if flags(f) & (fl::STATIC | fl::ARMED) == fl::STATIC {
                arm_static(f);
            }
            None
        }
        status::CALL => Some(rd32(f + fr::CHILD)).filter(|&child| child != 0),
        status::STOP => {
            match s().stop {
                None => {
                    s().stop = Some(run_status::FINISHED);
                    s().maybe_queued = true;
                }
                // `$stop`: the thread goes on from `frame.state` when
                // the host runs again.
                Some(run_status::STOPPED) => enqueue_front(f),
                Some(_) => {}
            }
            None
        }
        _ => {
            add_flags(f, fl::FINISHED);
            let g = flags(f);
            if g & fl::CALL_CHILD != 0 {
                let parent = rd32(f + fr::PARENT);
                (parent != 0 && flags(parent) & fl::DEAD == 0).then_some(parent)
            } else {
                if g & fl::FORK_CHILD != 0 {
                    fork_child_ended(f);
                }
                None
            }
        }
    }
}

/// Runs one frame taken from a queue.
fn run_queued(f: u32) {
    clear_flags(f, fl::QUEUED);
    run_thread(f);
}

fn stopped() -> bool {
    s().stop.is_some()
}

/// True if the current time step still has something to do.
fn step_has_work() -> bool {
    let st = s();
    !dynamic_queues_empty()
        || shadows_armed()
        || !st.strobes.is_empty()
        || st.monitor_due
        || st.statics.any_pending_or_later()
}

/// True when no region queue holds anything (`Sched::maybe_queued`
/// clear, or set and every queue found empty: then it is cleared).
#[inline(always)]
fn dynamic_queues_empty() -> bool {
    let st = s();
    if !st.maybe_queued {
        debug_assert!(st.queues_empty(), "a push left `maybe_queued` clear");
        return true;
    }
    let empty = st.queues_empty();
    st.maybe_queued = !empty;
    empty
}

impl Sched {
    /// `self` for a push onto a region queue: see `maybe_queued`.
    fn queued(&mut self) -> &mut Self {
        self.maybe_queued = true;
        self
    }

    /// The queues `maybe_queued` stands for are all empty.
    fn queues_empty(&self) -> bool {
        self.active.is_empty()
            && self.batch.is_empty()
            && self.front.is_empty()
            && self.inactive.is_empty()
            && self.updates.is_empty()
            && self.nba.is_empty()
            && self.nba_now.is_empty()
            && self.timers_due.is_empty()
    }
}

/// Runs every region of the current time step.
fn run_time_step() {
    s().counters.time_steps += 1;
    run_regions(0);
}

/// Time steps whose only event is the design's one timer
/// ([`run_timer_step`]), back to back for as long as the next step is one:
/// Some(status) when the run goes back to the host (a stop, the end of a
/// step in step mode or of the host's slice), None when the next step is
/// not a timer step. The slice is counted down in a local: a clock's step
/// is a hundred-odd instructions of this loop, and the slice's bookkeeping
/// was a tenth of them.
#[inline(always)]
fn run_timer_steps(until: u64) -> Option<i32> {
    let slice = s().slice;
    let mut left = match slice {
        0 => u64::MAX,
        _ => u64::from(s().slice_left),
    };
    let status = loop {
        let step = match quiet_timer() {
            Some(timer) if timer.steps => run_generated_quiet_steps(timer, until, &mut left),
            Some(timer) => run_quiet_timer_steps(timer, until, &mut left),
            None => run_timer_step(until),
        };
        match step {
            TimerStep::NotOne => break None,
            TimerStep::Stopped(code) => break Some(code),
            TimerStep::Ran => {}
        }
        if s().step_mode {
            break Some(run_status::STEP);
        }
        left -= 1;
        if left == 0 {
            left = u64::from(slice);
            break Some(run_status::STEP);
        }
    };
    if slice != 0 {
        s().slice_left = left as u32;
    }
    status
}

/// How [`run_timer_step`] left the time step.
enum TimerStep {
    /// The next step is not a timer step: nothing was done.
    NotOne,
    /// The step ran to its end.
    Ran,
    /// The step stopped the run: the `run_status` to report.
    Stopped(i32),
}

/// A time step whose only event is the design's one timer (a free-running
/// clock, `always #5 clk = ~clk;`; see [`rt_timer`]), with nothing left of
/// the last step: its first delta is that thread and the static processes
/// it wakes, run here without the time queue, the timer scan and the
/// region queues (a clock and a counter: 0.11 -> 0.09 s per 2M cycles);
/// the other regions then run as in any step. The stop is tested once
/// after each thing that may stop the run, and the statics' pending and
/// later words are loaded once for both of their tests: a step of a
/// clock's falling edge that wakes nothing is most of this code's work.
#[inline(always)]
fn run_timer_step(until: u64) -> TimerStep {
    let st = s();
    let [timer] = st.timers[..] else { return TimerStep::NotOne };
    if timer.next > until || st.timeq.peek().is_some_and(|Reverse(e)| e.time <= timer.next) {
        return TimerStep::NotOne;
    }
    st.now = timer.next;
    st.timers[0].next = timer.next.saturating_add(timer.period);
    st.counters.time_steps += 1;
    st.counters.deltas += 1;
    if timer.body {
        run_timer_body(timer);
    } else {
        run_thread(timer.frame);
    }
    if let Some(code) = s().stop {
        return TimerStep::Stopped(code);
    }
    let (deltas, statics) = run_woken_statics();
    end_timer_step(deltas, statics)
}

/// The static processes the timer's edge woke, in its first delta and the
/// passes that follow: (the step's deltas so far, the statics' pending
/// and later words as [`Statics::pending_and_later`] reads them after).
#[inline(always)]
fn run_woken_statics() -> (u32, u64) {
    let mut deltas = 1;
    let mut statics = s().statics.pending_and_later();
    if statics as u32 != 0 {
        deltas += more_deltas(run_pending_statics(DELTA_LIMIT - deltas));
        statics = s().statics.pending_and_later();
    }
    (deltas, statics)
}

/// The rest of a timer's step after [`run_woken_statics`]: the other
/// regions, unless nothing is left of the step. (Out of line: its two
/// callers would each hold a copy of `run_regions`, 3.5 KB of code.)
#[inline(never)]
fn end_timer_step(deltas: u32, statics: u64) -> TimerStep {
    if let Some(code) = s().stop {
        return TimerStep::Stopped(code);
    }
    if statics == 0 && nothing_else_left() {
        return TimerStep::Ran;
    }
    commit_updates();
    run_regions(deltas);
    match s().stop {
        Some(code) => TimerStep::Stopped(code),
        None => TimerStep::Ran,
    }
}

/// The design's one timer, when it runs through its body function and
/// nothing else of the run needs the scheduler: no thread is queued
/// (`maybe_queued`), and no stop, monitor, strobe or waves are pending. A
/// change to any of these sets `maybe_queued` (a stop, `rt_monitor`,
/// `rt_monitor_enable`, `rt_strobe`, `rt_dump` turning waves on, `rt_timer`,
/// a killed thread), so [`run_quiet_timer_steps`] tests that alone.
#[inline(always)]
fn quiet_timer() -> Option<Timer> {
    let st = s();
    let [timer] = st.timers[..] else { return None };
    let quiet = timer.body
        && !st.maybe_queued
        && !st.step_mode
        && !st.monitor_on
        && st.strobes.is_empty()
        && st.stop.is_none()
        && flags(timer.frame) & fl::DEAD == 0;
    quiet.then_some(timer)
}

/// The steps of [`run_timer_step`] for a [`quiet_timer`], back to back
/// while each ends with nothing left but the timer (the common clock
/// step): the timer's fields stay in locals, and a step's end is tested
/// with `maybe_queued`, the statics' words and the shadows' word, not the
/// dozen tests of [`nothing_else_left`] and [`run_timer_steps`]. Counts
/// the quiet steps against `left` (the caller counts the last one); returns
/// how the last step ended, as [`run_timer_step`].
#[inline(always)]
fn run_quiet_timer_steps(timer: Timer, until: u64, left: &mut u64) -> TimerStep {
    let shadow_any = s().shadow_any;
    s().monitor_due = false;
    let mut next = timer.next;
    // (`timers[0].next` is written back where the loop ends: only the
    // scheduler reads it, and nothing in a quiet step adds a timer)
    let step = loop {
        let st = s();
        if next > until || st.timeq.peek().is_some_and(|Reverse(e)| e.time <= next) {
            break TimerStep::NotOne;
        }
        st.now = next;
        next = next.saturating_add(timer.period);
        st.counters.time_steps += 1;
        st.counters.deltas += 1;
        // (alive: a killed thread sets `maybe_queued`, which ends the loop)
        run_live_as(timer.frame, host::timer_body);
        // (a task the body calls may `$finish`: the statics its edge woke
        // then do not run, as in `run_timer_step`)
        if let Some(code) = s().stop {
            s().timers[0].next = next;
            return TimerStep::Stopped(code);
        }
        let (deltas, statics) = run_woken_statics();
        if statics != 0 || s().maybe_queued || (shadow_any != 0 && rd32(shadow_any) != 0) {
            s().timers[0].next = next;
            return end_timer_step(deltas, statics);
        }
        if *left == 1 {
            break TimerStep::Ran;
        }
        *left -= 1;
    };
    s().timers[0].next = next;
    step
}

/// The steps of [`run_quiet_timer_steps`] run by `gen.timer_steps`
/// (`crates/codegen/src/timer_steps.rs`) for a timer whose body calls
/// nothing: as many as come before `until` and the time queue's first
/// entry and as `left` allows, ending at the first that leaves work,
/// which is then finished here as [`run_timer_step`] would. Counts them
/// as that loop does.
#[inline(never)]
fn run_generated_quiet_steps(timer: Timer, until: u64, left: &mut u64) -> TimerStep {
    let steps = quiet_steps_before(timer, until, *left);
    if steps == 0 {
        return TimerStep::NotOne;
    }
    let base = s().statics.base;
    s().monitor_due = false;
    s().now = timer.next;
    let ran = u64::from(steps - host::timer_steps(steps));
    // the last step's passes, as `run_pending_statics` counts them
    let passes = (DELTA_LIMIT - 1) - rd32(base + sw::PASSES);
    let st = s();
    st.timers[0].next = timer.next + ran * timer.period;
    st.counters.time_steps += ran;
    st.counters.activations += ran;
    st.counters.deltas += ran + mem::rd64(base + sw::QUIET_PASSES);
    st.last_run = timer.frame;
    take_running_static(base);
    *left -= ran - 1;
    let deltas = 1 + match rd32(base + sw::QUIET_END) {
        sw::QUIET_DONE => return TimerStep::Ran,
        sw::QUIET_WORK => passes,
        // (`QUIET_PASSES` left this step out)
        stop => match resume_after_static_stop(base, stop - 1) {
            true => more_deltas(run_statics_from(base, DELTA_LIMIT - 1, passes)),
            false => more_deltas(passes),
        },
    };
    end_timer_step(deltas, s().statics.pending_and_later())
}

/// How many steps of `timer` may run back to back, at most `left`: those
/// at or before `until` and before the time queue's first entry (at most
/// `i32::MAX`, what `gen.timer_steps` takes).
fn quiet_steps_before(timer: Timer, until: u64, left: u64) -> u32 {
    let last = match s().timeq.peek() {
        Some(Reverse(e)) if e.time <= timer.next => return 0,
        Some(Reverse(e)) => until.min(e.time - 1),
        None => until,
    };
    if timer.next > last || timer.period == 0 {
        return 0;
    }
    let by_time = (last - timer.next) / timer.period + 1;
    by_time.min(left).min(i32::MAX as u64) as u32
}

/// True, the postponed region done, when nothing but the static processes
/// (tested by the caller) is left of this time step: no queued work, no
/// NBA and nothing postponed, which is how a clock's step usually ends
/// (the falling edge of a design of rising-edge flops wakes nothing at
/// all): `run_regions` and `run_postponed` would find it out with a dozen
/// more tests.
#[inline(always)]
fn nothing_else_left() -> bool {
    let st = s();
    // (a bool in a register costs Cranelift a setcc and a test more than
    // a branch on the load)
    if st.maybe_queued || st.monitor_on || !st.strobes.is_empty() {
        return false;
    }
    if st.shadow_any != 0 && rd32(st.shadow_any) != 0 {
        return false;
    }
    st.monitor_due = false;
    true
}

/// One period of a timer's thread through its body function (see
/// [`rt_timer`]): what [`run_thread`] does for a thread that returns WAIT
/// at its delay, without the thread's state dispatch and suspend.
fn run_timer_body(timer: Timer) {
    run_as(timer.frame, host::timer_body);
}

/// Runs `func` (a generated function) on frame `f` as thread `f` (the
/// running and last run thread, one more activation) and returns its
/// status; None when the thread is dead (its frame is released instead).
#[inline(always)]
fn run_as(f: u32, func: impl FnOnce(u32) -> i32) -> Option<i32> {
    if flags(f) & fl::DEAD != 0 {
        release_if_owned(f);
        return None;
    }
    Some(run_live_as(f, func))
}

/// [`run_as`] for a frame known to be alive.
#[inline(always)]
fn run_live_as(f: u32, func: impl FnOnce(u32) -> i32) -> i32 {
    s().running = f;
    s().last_run = f;
    s().counters.activations += 1;
    let st = func(f);
    s().running = 0;
    st
}

/// The regions of the current time step, `deltas` delta cycles in. (A
/// step of static processes alone finds no queued work with one test per
/// delta: `Sched::maybe_queued`.)
#[inline(always)]
fn run_regions(mut deltas: u32) {
    loop {
        if stopped() {
            return;
        }
        let queued = !dynamic_queues_empty();
        let st = s();
        let threads = queued
            && (!st.active.is_empty()
                || !st.batch.is_empty()
                || !st.updates.is_empty()
                || !st.front.is_empty()
                || !st.timers_due.is_empty());
        if threads || st.statics.any_pending() {
            deltas += 1;
            s().counters.deltas += 1;
            if deltas > DELTA_LIMIT {
                delta_limit_error();
                return;
            }
            if threads {
                run_active_batch();
            } else {
                // only static processes: what the batch would come to
                deltas += more_deltas(run_pending_statics(DELTA_LIMIT - deltas));
            }
            continue;
        }
        if queued && !st.inactive.is_empty() {
            let inactive = core::mem::take(&mut st.inactive);
            st.active.extend(inactive);
            continue;
        }
        let nbas = queued && !(st.nba.is_empty() && st.nba_now.is_empty());
        if nbas || shadows_armed() || st.statics.any_later() {
            if nbas {
                // Matured delayed NBAs were made before anything of this step.
                let list = core::mem::take(&mut st.nba);
                for r in list {
                    commit_record(r);
                }
                commit_nba_buffer();
            }
            commit_shadows();
            s().statics.move_later();
            continue;
        }
        break;
    }
    run_postponed();
}

/// Counts the `n` delta cycles the runner made after its first pass.
fn more_deltas(n: u32) -> u32 {
    s().counters.deltas += n as u64;
    n
}

fn delta_limit_error() {
    let msg = alloc::format!(
        "more than {DELTA_LIMIT} delta cycles in one time step: a zero-delay loop (a combinational loop, or a process that wakes itself without delay)"
    );
    let frame = s().last_run;
    runtime_error_at("E0504", -1, frame, &msg);
}

/// Reports a run-time error through the host (located at meta `sites[site]`
/// or at the process of `frame`) and stops the run.
pub fn runtime_error_at(code: &str, site: i32, frame: u32, msg: &str) {
    host::diag(wsim_abi::severity::ERROR, code, site, frame, msg);
    let st = s();
    st.stop = Some(run_status::ERROR);
    st.exit_code = 1;
    st.maybe_queued = true;
}

/// One delta: every frame ready now, then the pending active updates.
/// (A batch left over by `$stop` is finished first.)
fn run_active_batch() {
    {
        let st = s();
        if st.batch.is_empty() {
            core::mem::swap(&mut st.active, &mut st.batch);
        }
    }
    loop {
        drain_front();
        if stopped() {
            return;
        }
        let Some(f) = s().batch.pop_front() else {
            break;
        };
        run_queued(f);
    }
    run_due_timers();
    if stopped() {
        return;
    }
    if s().statics.any_pending() {
        run_pending_statics(0);
        if stopped() {
            return;
        }
    }
    commit_updates();
}

/// The pending active updates (continuous assignments' values).
#[inline(always)]
fn commit_updates() {
    if s().updates.is_empty() {
        return;
    }
    let updates = core::mem::take(&mut s().updates);
    for r in updates {
        commit_record(r);
    }
}

/// The timer threads due now, after the threads of the batch (a stop
/// leaves the rest due).
fn run_due_timers() {
    let mut k = 0;
    while k < s().timers_due.len() && !stopped() {
        let f = s().timers_due[k];
        k += 1;
        run_thread(f);
    }
    s().timers_due.drain(..k);
}

fn drain_front() {
    while !stopped() {
        let Some(f) = s().front.pop() else {
            return;
        };
        run_queued(f);
    }
}

/// Postponed region: the monitor, then the strobes.
#[inline(always)]
fn run_postponed() {
    let st = s();
    st.monitor_due = false;
    if !st.monitor_on && st.strobes.is_empty() {
        return;
    }
    if let (Some((func, frame)), true) = (st.monitor, st.monitor_on) {
        host::dispatch(func, frame);
    }
    let strobes = core::mem::take(&mut s().strobes);
    for (func, frame) in strobes {
        host::dispatch(func, frame);
    }
}

/// Moves the entries of the next time into the regions; returns false when
/// the queue is empty or the next time is after `until`.
fn advance_time(until: u64) -> Option<i32> {
    let queued = s().timeq.peek().map(|Reverse(e)| e.time);
    let next = match (queued, next_timer()) {
        (None, None) => return Some(run_status::IDLE),
        (Some(q), Some(t)) => q.min(t),
        (q, t) => q.or(t).unwrap_or(0),
    };
    if next > until {
        return Some(run_status::UNTIL);
    }
    s().now = next;
    fire_timers(next);
    while let Some(Reverse(e)) = s().timeq.peek().copied() {
        if e.time != next {
            break;
        }
        s().timeq.pop();
        match e.kind {
            WAKE => {
                if rd32(e.ptr + fr::WAIT_GEN) == e.gen && flags(e.ptr) & fl::DEAD == 0 {
                    wake(e.ptr);
                }
            }
            NBA => s().queued().nba.push_back(e.ptr),
            _ => s().queued().updates.push_back(e.ptr),
        }
    }
    None
}

/// `wsim_run(until) -> run_status`.
#[no_mangle]
pub extern "C" fn wsim_run(until: i64) -> i32 {
    let until = until.max(0) as u64;
    match s().stop {
        Some(run_status::STOPPED) => s().stop = None,
        Some(code) => return code,
        None => {}
    }
    loop {
        if step_has_work() {
            run_time_step();
            if let Some(code) = s().stop {
                return code;
            }
            if s().step_mode || slice_ended() {
                return run_status::STEP;
            }
        }
        if let Some(code) = s().stop {
            return code;
        }
        // A finished step leaves no work behind, so timer steps follow one
        // another without `step_has_work`'s dozen tests in between.
        if let Some(code) = run_timer_steps(until) {
            return code;
        }
        if let Some(code) = advance_time(until) {
            return code;
        }
    }
}

/// Counts one time step of the host's slice; true when the slice is over.
fn slice_ended() -> bool {
    let st = s();
    if st.slice == 0 {
        return false;
    }
    st.slice_left = st.slice_left.saturating_sub(1);
    if st.slice_left == 0 {
        st.slice_left = st.slice;
        return true;
    }
    false
}

/// `wsim_step_mode(n)`: 1 = return `STEP` after every time step (waves),
/// 0 = not any more; n > 1 = also after every n time steps whatever the
/// waves do (the host's polling slice, set once).
#[no_mangle]
pub extern "C" fn wsim_step_mode(n: i32) {
    let st = s();
    match n {
        0 => st.step_mode = false,
        1 => st.step_mode = true,
        n => {
            st.slice = n.unsigned_abs();
            st.slice_left = st.slice;
        }
    }
}

/// Activations of static processes, counted by the generated runner.
fn static_activations() -> u64 {
    match s().statics.base {
        0 => 0,
        base => mem::rd64(base + sw::ACTIVATIONS),
    }
}

/// The signal with the most rising edges (the lowest id of a tie) and its
/// count: guest-rt's counts plus those generated code kept in the statics
/// (`wsim_abi::statics::CLOCK_POSEDGES`).
fn clock() -> Option<(usize, u64)> {
    let st = s();
    // (the signal's id + 1; 0: none)
    let (inline_sig, inline_count) = match st.statics.base {
        0 => (0, 0),
        base => (rd32(base + sw::CLOCK_SIG) as usize, mem::rd64(base + sw::CLOCK_POSEDGES)),
    };
    let counted = |i: usize| st.counters.posedges.get(i).copied().unwrap_or(0);
    let count = |i: usize| counted(i) + if inline_sig == i + 1 { inline_count } else { 0 };
    let signals = st.counters.posedges.len().max(inline_sig);
    (0..signals).map(|i| (i, count(i))).filter(|&(_, n)| n > 0).max_by_key(|&(i, n)| (n, core::cmp::Reverse(i)))
}

/// `wsim_stat(kind) -> i64` (`wsim_abi::stat`).
#[no_mangle]
pub extern "C" fn wsim_stat(kind: i32) -> i64 {
    let st = s();
    let c = &st.counters;
    let clock = clock();
    match kind {
        wsim_abi::stat::DELTAS => c.deltas as i64,
        wsim_abi::stat::ACTIVATIONS => (c.activations + static_activations()) as i64,
        wsim_abi::stat::TIME_STEPS => c.time_steps as i64,
        wsim_abi::stat::CLOCK_SIGNAL => clock.map_or(-1, |(i, _)| i as i64),
        wsim_abi::stat::CLOCK_CYCLES => clock.map_or(0, |(_, n)| n as i64),
        wsim_abi::stat::ERRORS => st.errors as i64,
        wsim_abi::stat::FINISH_SITE => st.finish_site.map_or(-1, |(site, _)| site as i64),
        wsim_abi::stat::FINISH_VERBOSITY => st.finish_site.map_or(1, |(_, v)| v as i64),
        wsim_abi::stat::NOW_ADDR => &st.now as *const u64 as usize as i64,
        _ => -1,
    }
}

/// `wsim_time() -> i64`.
#[no_mangle]
pub extern "C" fn wsim_time() -> i64 {
    s().now as i64
}

/// `wsim_exit_code() -> i32`.
#[no_mangle]
pub extern "C" fn wsim_exit_code() -> i32 {
    s().exit_code
}

/// `wsim_final()`: runs the `final` blocks once.
#[no_mangle]
pub extern "C" fn wsim_final() {
    let finals = core::mem::take(&mut s().finals);
    let saved_stop = s().stop.take();
    for (frame, func) in finals {
        wr32(frame + fr::FUNC, func);
        wr32(frame + fr::STATE, 0);
        run_thread(frame);
        s().stop = None;
    }
    s().stop = saved_stop;
}

// ---------------------------------------------------------------------------
// Postponed-region services

/// `rt_strobe(func, frame)`.
#[no_mangle]
pub extern "C" fn rt_strobe(func: u32, frame: u32) {
    let st = s();
    st.strobes.push((func, frame));
    st.maybe_queued = true;
}

/// `rt_monitor(func, frame)`.
#[no_mangle]
pub extern "C" fn rt_monitor(func: u32, frame: u32) {
    let st = s();
    st.monitor = Some((func, frame));
    st.monitor_on = true;
    st.monitor_last = None;
    st.monitor_due = true;
    st.maybe_queued = true;
}

/// `rt_monitor_enable(on)`: `$monitoron` prints again at once.
#[no_mangle]
pub extern "C" fn rt_monitor_enable(on: i32) {
    let st = s();
    if on != 0 && !st.monitor_on {
        st.monitor_last = None;
        st.monitor_due = true;
        st.maybe_queued = true;
    }
    st.monitor_on = on != 0;
}

/// `rt_monitor_changed(buf, len) -> 1 if the bytes differ from last time`.
#[no_mangle]
pub extern "C" fn rt_monitor_changed(buf: u32, len: u32) -> i32 {
    let data = mem::bytes(buf, len);
    let st = s();
    if st.monitor_last.as_deref() == Some(data) {
        return 0;
    }
    st.monitor_last = Some(data.to_vec());
    1
}
