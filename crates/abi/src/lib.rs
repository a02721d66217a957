//! The artifact ABI: everything the compiler, the guest runtime (which runs
//! inside the artifact) and the host must agree on. `no_std`, no
//! dependencies, constants only: it is compiled into all three.
//!
//! Bump [`ABI_VERSION`] on any change here.
//!
//! # Memory
//! The artifact imports its memory as `env.memory` (the value arena). Below
//! guest-rt's `__heap_base` lie guest-rt's own statics and stack. From
//! `arena_base` (= `__heap_base` rounded up to 64) the compiler's layout
//! places signals, static process frames, the constant pool and the temp
//! stack; the guest heap (frames of dynamic threads, NBA records, waiter
//! nodes, queues) starts at the `heap_start` passed to `rt_init` and grows
//! with `memory.grow`.
//!
//! # Values
//! An integral value of width `w` occupies `16 * ceil(w/64)` bytes, 8-byte
//! aligned: `L = ceil(w/64)` aval limbs then `L` bval limbs, little-endian,
//! least significant limb first; bits above `w` are zero in both planes.
//! Encoding per bit (aval, bval): 0=(0,0) 1=(1,0) z=(0,1) x=(1,1). A real is
//! 8 bytes (f64). Two-state values use the same layout with bval zero.
//!
//! # Threads and frames
//! Every thread of execution (a process, a fork branch, a call of a task that
//! can wait) has a frame: a [`frame`] header followed by its locals. A
//! generated *step function* `(frame: i32) -> i32` runs the thread from the
//! resume point in `frame.state` until it finishes or waits and returns a
//! [`status`]. Guest-rt calls step functions through the import
//! `gen.dispatch(func, frame) -> status`, which the compiler implements,
//! and a few hot generated functions through imports of their own
//! ([`import::RUN_STATICS`], [`import::TIMER_BODY`],
//! [`import::COMMIT_SHADOWS`]).

#![no_std]

/// Version of this ABI, stored in `wsim.meta` and checked by the host.
pub const ABI_VERSION: u32 = 3;

/// Name of the custom section holding the artifact's metadata (JSON).
///
/// The host reads these fields (others are ignored): `abi_version` (number,
/// required, must equal [`ABI_VERSION`]), `compiler_version` (string),
/// `source_hash` (string) and `precision` (number: the global time
/// precision as a power of ten of seconds, -12 = 1 ps; `--max-time 10ns`
/// is converted with it).
pub const META_SECTION: &str = "wsim.meta";

/// Alignment of every value and frame in the arena.
pub const VALUE_ALIGN: u32 = 8;

/// "No signal": pass as `sig` to store helpers to skip change notification.
pub const NO_SIG: u32 = u32::MAX;

/// Bytes of one integral value of `width` bits (both planes).
pub const fn value_bytes(width: u32) -> u32 {
    let limbs = if width == 0 { 1 } else { width.div_ceil(64) };
    16 * limbs
}

/// Status codes returned by step functions and handled by the scheduler.
pub mod status {
    /// The thread ran to its end.
    pub const DONE: i32 = 0;
    /// The thread registered itself to be resumed (delay, event, join) and
    /// stored its resume point in `frame.state`.
    pub const WAIT: i32 = 1;
    /// The thread called a task that can wait: `frame.child` is the callee's
    /// frame, already linked with `rt_call`; run it now, resume the caller
    /// when it is done.
    pub const CALL: i32 = 2;
    /// `$finish`/`$stop`/`$fatal` ran: stop the scheduler now.
    pub const STOP: i32 = 3;
}

/// Results of the exported `wsim_run(until) -> i32`.
pub mod run_status {
    /// No events are left: the simulation is over.
    pub const IDLE: i32 = 0;
    /// `until` was reached and events remain.
    pub const UNTIL: i32 = 1;
    /// `$finish` was called.
    pub const FINISHED: i32 = 2;
    /// `$stop` was called.
    pub const STOPPED: i32 = 3;
    /// A run-time error (delta limit, $fatal, trap-free guest error); the
    /// message was already written to fd 2.
    pub const ERROR: i32 = 4;
    /// Reserved: the design waits for the host.
    pub const BLOCKED_ON_HOST: i32 = 5;
    /// A time step ended and step mode is on (the host samples waves, then
    /// calls `wsim_run` again, which goes on with the next time step).
    pub const STEP: i32 = 6;
}

/// Counters for `wsim_stat(kind) -> i64` (run reports).
pub mod stat {
    /// Delta cycles run (active-region iterations), over all time steps.
    pub const DELTAS: i32 = 0;
    /// Step-function calls (process activations).
    pub const ACTIVATIONS: i32 = 1;
    /// Time steps that had work.
    pub const TIME_STEPS: i32 = 2;
    /// The signal id with the most posedges seen by `@(posedge)` waiters
    /// (the fastest clock), or -1.
    pub const CLOCK_SIGNAL: i32 = 3;
    /// That signal's number of posedges (clock cycles).
    pub const CLOCK_CYCLES: i32 = 4;
    /// `$error`/`$fatal` calls and failed assertions.
    pub const ERRORS: i32 = 5;
    /// The `sites` index (meta section) of the `$finish`/`$stop`/`$fatal`
    /// that ended the run, or -1.
    pub const FINISH_SITE: i32 = 6;
    /// Its verbosity argument (default 1).
    pub const FINISH_VERBOSITY: i32 = 7;
    /// The arena address of the current simulation time (a u64 the host
    /// may read between calls, e.g. for a progress line).
    pub const NOW_ADDR: i32 = 8;
}

/// Operations of the `host_dump` import (`$dumpfile`, `$dumpvars`...).
/// `arg` is the numeric argument (levels, byte limit), `text` the string
/// one (the file name; for VARS the selected scope and signal paths, one
/// per line, empty for the whole design).
pub mod dump {
    pub const FILE: i32 = 0;
    pub const VARS: i32 = 1;
    pub const OFF: i32 = 2;
    pub const ON: i32 = 3;
    pub const ALL: i32 = 4;
    pub const FLUSH: i32 = 5;
    pub const LIMIT: i32 = 6;
}

/// Frame header layout (byte offsets; all fields u32).
pub mod frame {
    /// Which step function runs this frame (the `func` of `gen.dispatch`).
    pub const FUNC: u32 = 0;
    /// Resume point, owned by the step function (0 = start).
    pub const STATE: u32 = 4;
    /// Intrusive link for run queues (owned by guest-rt).
    pub const NEXT: u32 = 8;
    /// The frame that called or forked this one (0 = none).
    pub const PARENT: u32 = 12;
    /// Generation counter: bumped whenever a pending wait is cancelled or
    /// fired, so stale queue entries are recognised (owned by guest-rt).
    pub const WAIT_GEN: u32 = 16;
    /// Head of this frame's list of event-waiter nodes (owned by guest-rt).
    pub const WAITERS: u32 = 20;
    /// Number of fork children still running (owned by guest-rt).
    pub const JOIN_COUNT: u32 = 24;
    /// [`flags`] bits.
    pub const FLAGS: u32 = 28;
    /// The callee frame of the task call in progress (set by `rt_call`).
    pub const CHILD: u32 = 32;
    /// First forked child (children are linked through `SIBLING`).
    pub const CHILDREN: u32 = 36;
    pub const SIBLING: u32 = 40;
    /// Scratch word for the step function (e.g. a loop counter that must
    /// survive a wait is NOT kept here: use a local slot).
    pub const AUX: u32 = 44;
    /// Size of the header; locals start here (8-aligned).
    pub const HEADER_SIZE: u32 = 48;

    pub mod flags {
        /// In the active or inactive queue.
        pub const QUEUED: u32 = 1;
        /// Allocated with `rt_alloc_frame`; freed by guest-rt (fork children)
        /// or by the caller after reading outputs (task calls).
        pub const HEAP: u32 = 2;
        pub const FORK_CHILD: u32 = 4;
        pub const CALL_CHILD: u32 = 8;
        /// Waiting in a join (`rt_join`).
        pub const WAIT_JOIN: u32 = 16;
        /// The join it waits in is `join_any`.
        pub const JOIN_ANY: u32 = 32;
        /// Killed by `disable`: never runs again.
        pub const DEAD: u32 = 64;
        /// Finished (a child that ran to its end).
        pub const FINISHED: u32 = 128;
        /// A statically scheduled process (`rt_static_proc`): its triggers
        /// are fixed, it never calls `rt_wait`.
        pub const STATIC: u32 = 256;
        /// A static process that has reached its wait once: from then on
        /// its triggers make it pending (before, like a process that is not
        /// waiting yet, it misses them).
        pub const ARMED: u32 = 512;
    }
}

/// How `rt_timer(frame, period, kind)`'s timer runs a period.
pub mod timer_kind {
    /// Its thread is resumed.
    pub const THREAD: i32 = 0;
    /// `gen.timer_body` runs it.
    pub const BODY: i32 = 1;
    /// `gen.timer_body` runs it, and `gen.timer_steps` runs its quiet
    /// steps back to back.
    pub const STEPS: i32 = 2;
}

/// Delta cycles allowed in one time step before the run is stopped
/// (guest-rt's scheduler, and the runner's pass budget in
/// `gen.timer_steps`).
pub const DELTA_LIMIT: u32 = 1_000_000;

/// The static scheduler's words in the arena (`rt_statics(base, count)`),
/// shared by guest-rt and the generated runner, which calls the
/// pending static processes in index order (`crates/codegen/src/schedule.rs`).
pub mod statics {
    /// u32: the static index running, or `u32::MAX`. The runner stores it
    /// for a unit it calls, and for one it runs in place before each call
    /// the unit makes and, for a unit on a zero-delay loop, first; once
    /// the runner returns it names the last unit that stored it.
    pub const RUNNING: u32 = 0;
    /// u32: the status of the process the runner returned early at.
    pub const STATUS: u32 = 4;
    /// u64: activations of static processes run by the runner.
    pub const ACTIVATIONS: u32 = 8;
    /// u32: some pending bit may be set (whoever sets one outside the
    /// runner sets this; the runner, whose own marks do not, leaves it
    /// exact when it returns 0).
    pub const ANY_PENDING: u32 = 16;
    /// u32: some later bit may be set (as `ANY_PENDING`).
    pub const ANY_LATER: u32 = 20;
    /// u32: the address of a byte guest-rt sets when it has work of its own
    /// before the next static pass (a queued thread or update, a stop); the
    /// runner then returns rather than run the NBA region and go on.
    pub const HOST_WORK_AT: u32 = 24;
    /// u32: the passes after its first the runner may still make (the
    /// delta cycles left under the limit); it takes one off per pass.
    pub const PASSES: u32 = 28;
    /// The pending bitset (u64 words, bit `i % 64` of word `i / 64` for
    /// static index `i`), then the armed bitset and the later bitset of as
    /// many words. Later bits are the readers of a register written by a
    /// direct NBA (`crates/codegen/src/direct_nbas.rs`): the NBA region
    /// moves them, masked by the armed bits, into the pending bits.
    pub const PENDING: u32 = 80;
    /// u64, u64: where an unrolled loop (`crates/codegen/src/unroll.rs`)
    /// stores what it keeps in locals every few copies of its body.
    /// Nothing reads it: the stores make Cranelift compute the values in
    /// order, where it would load every element first and spill them.
    pub const SINK: u32 = 32;
    /// u64: rising edges of the clock signal `CLOCK_SIG` that generated
    /// code counted itself, in place of a `rt_count_posedge` call (the run
    /// report's clock cycles: guest-rt adds them to that signal's count).
    pub const CLOCK_POSEDGES: u32 = 48;
    /// u32: that signal's id + 1, or 0 (`wsim_init` stores it).
    pub const CLOCK_SIG: u32 = 56;
    /// u32: the address of guest-rt's current time (a u64), for
    /// `gen.timer_steps`, which moves it a period on between its steps.
    pub const NOW_AT: u32 = 60;
    /// u64: the passes after their first that the runner made in the
    /// steps `gen.timer_steps` ran, except one where it stopped at a
    /// process (guest-rt reads that step's from `PASSES`, which the
    /// function sets in every step).
    pub const QUIET_PASSES: u32 = 64;
    /// u32: how `gen.timer_steps`'s last step ended: [`QUIET_DONE`], then
    /// [`QUIET_WORK`], or 1 + the runner's non-zero return.
    pub const QUIET_END: u32 = 72;
    /// [`QUIET_END`]: the last step left nothing to do.
    pub const QUIET_DONE: u32 = 0;
    /// [`QUIET_END`]: the last step left work for guest-rt: a pending or
    /// later bit, an armed shadow, or guest-rt's own (`HOST_WORK_AT`).
    pub const QUIET_WORK: u32 = 1;

    /// Words of each bitset for `count` static processes.
    pub const fn words(count: u32) -> u32 {
        count.div_ceil(64)
    }

    /// Bytes of the whole block.
    pub const fn size(count: u32) -> u32 {
        PENDING + 24 * words(count)
    }
}

/// NBA shadows (see `crates/codegen/src/shadow.rs`): a signal whose every
/// write is a zero-delay nonblocking assignment of <= 64 bits gets a record;
/// its NBAs write the record's value and flags, and the NBA region runs the
/// generated commit (`rt_shadows(any)`, `gen.commit_shadows`), which copies each armed
/// value to its signal once. `any` is a u32 the first NBA of a step sets:
/// one bit per group of records (`wsim_layout::Layout::shadow_group`), so
/// the commit skips groups with no armed record.
pub mod shadow {
    /// Record: the pending value, aval then bval, one limb each.
    pub const VALUE: u32 = 0;
    /// Record: [`flags`] bits.
    pub const FLAGS: u32 = 16;
    /// Size of a record (8-aligned).
    pub const SIZE: u32 = 24;

    pub mod flags {
        /// An NBA of this step wrote the record.
        pub const ARMED: u32 = 1;
        /// Some NBA of this step left a value that differs from the
        /// signal's: the commit wakes the readers even if the last one
        /// restores it (each NBA is an update event, IEEE 1800-2017 4.9.4).
        pub const CHANGED: u32 = 2;
    }
}

/// Edge selectors for `rt_wait(frame, sig, edge)`.
pub mod edge {
    pub const ANY: i32 = 0;
    pub const POS: i32 = 1;
    pub const NEG: i32 = 2;
    pub const BOTH: i32 = 3;
}

/// Join kinds for `rt_join(frame, kind)`.
pub mod join {
    pub const ALL: i32 = 0;
    pub const ANY: i32 = 1;
}

/// Operation codes for the value helpers.
pub mod op {
    // rt_arith(op, dst, a, b, w, signed)
    pub const ADD: i32 = 0;
    pub const SUB: i32 = 1;
    pub const MUL: i32 = 2;
    pub const DIV: i32 = 3;
    pub const MOD: i32 = 4;
    pub const AND: i32 = 5;
    pub const OR: i32 = 6;
    pub const XOR: i32 = 7;
    pub const XNOR: i32 = 8;
    // rt_unary(op, dst, a, w)
    pub const NEG: i32 = 0;
    pub const NOT: i32 = 1;
    // rt_reduce(op, dst1, a, w): 1-bit result
    pub const RED_AND: i32 = 0;
    pub const RED_NAND: i32 = 1;
    pub const RED_OR: i32 = 2;
    pub const RED_NOR: i32 = 3;
    pub const RED_XOR: i32 = 4;
    pub const RED_XNOR: i32 = 5;
    pub const LOG_NOT: i32 = 6;
    // rt_compare(op, dst1, a, b, w, signed): 1-bit result
    pub const EQ: i32 = 0;
    pub const NE: i32 = 1;
    pub const CASE_EQ: i32 = 2;
    pub const CASE_NE: i32 = 3;
    pub const WILD_EQ: i32 = 4;
    pub const WILD_NE: i32 = 5;
    pub const LT: i32 = 6;
    pub const LE: i32 = 7;
    pub const GT: i32 = 8;
    pub const GE: i32 = 9;
    // rt_shift(op, dst, a, w, amount, amount_w)
    pub const SHL: i32 = 0;
    pub const SHR: i32 = 1;
    pub const ASHR: i32 = 2;
    // rt_case_match(kind, a, b, w) -> i32
    pub const CASE_EXACT: i32 = 0;
    pub const CASE_Z: i32 = 1;
    pub const CASE_X: i32 = 2;
    // rt_resolve(kind, acc, b, w) and rt_resolve_finish(kind, acc, w)
    pub const RES_WIRE: i32 = 0;
    pub const RES_WAND: i32 = 1;
    pub const RES_WOR: i32 = 2;
    pub const RES_TRI0: i32 = 3;
    pub const RES_TRI1: i32 = 4;
    // rt_bitfunc(op, dst, a, w): dst is 32-bit unless noted
    pub const BF_CLOG2: i32 = 0;
    pub const BF_COUNTONES: i32 = 1;
    pub const BF_ONEHOT: i32 = 2; // 1-bit
    pub const BF_ONEHOT0: i32 = 3; // 1-bit
    pub const BF_ISUNKNOWN: i32 = 4; // 1-bit
}

/// Display argument descriptors: an array of `ARG_SIZE`-byte records
/// `{kind: u32, width: u32, ptr: u32, flags: u32}` passed to `rt_display`
/// and `rt_sformat`.
pub mod fmt {
    pub const ARG_SIZE: u32 = 16;
    /// An integral value at `ptr` of `width` bits.
    pub const ARG_VALUE: u32 = 0;
    /// A string literal (an integral value, 8 bits per char): used as a
    /// format string when it is not consumed by a preceding `%` specifier.
    /// Also a SystemVerilog `string` value (`Design::is_string_value`), as
    /// vvp treats one; `%s` prints its text without width padding.
    pub const ARG_STRING: u32 = 1;
    /// A real (f64) at `ptr`.
    pub const ARG_REAL: u32 = 2;
    /// An empty argument (`$display(a,,b)`): prints one space.
    pub const ARG_EMPTY: u32 = 3;
    /// A net that models strengths: an integral value at `ptr` of `width`
    /// bits, followed at `ptr + value_bytes(width)` by its strength vector
    /// (`8 * width` bits, one byte per bit, see guest-rt `strength.rs`),
    /// which `%v` prints; every other conversion reads the value.
    pub const ARG_STRENGTH: u32 = 4;
    /// `flags` bit: the value is signed.
    pub const ARG_SIGNED: u32 = 1;

    // `flags` argument of rt_display / rt_sformat
    pub const NEWLINE: i32 = 1;
    /// Default radix in bits 1-2.
    pub const RADIX_SHIFT: i32 = 1;
    pub const RADIX_DEC: i32 = 0;
    pub const RADIX_BIN: i32 = 1;
    pub const RADIX_HEX: i32 = 2;
    pub const RADIX_OCT: i32 = 3;
    /// The `fd` argument is a multi-channel descriptor (or fd) from the
    /// design, not a host fd.
    pub const TO_MCD: i32 = 8;
}

/// Severity levels for `rt_severity`.
pub mod severity {
    pub const INFO: i32 = 0;
    pub const WARNING: i32 = 1;
    pub const ERROR: i32 = 2;
    pub const FATAL: i32 = 3;
}

/// Host file descriptors (the `fd` of `host_write`).
pub mod fd {
    pub const STDOUT: i32 = 1;
    pub const STDERR: i32 = 2;
}

/// Names of the artifact's exports (besides nothing else: helper functions
/// of guest-rt are internal).
pub mod export {
    /// `() -> ()`: apply initial values, start every process (time 0).
    pub const INIT: &str = "wsim_init";
    /// `(until: i64) -> i32` ([`super::run_status`]): run time steps while
    /// the next event time is `<= until`.
    pub const RUN: &str = "wsim_run";
    /// `() -> i64`: current simulation time in ticks.
    pub const TIME: &str = "wsim_time";
    /// `() -> i32`: exit code the design asked for (`$finish`=0, `$fatal`=1,
    /// error count...).
    pub const EXIT_CODE: &str = "wsim_exit_code";
    /// `() -> ()`: run `final` blocks (call once, at the end).
    pub const FINAL: &str = "wsim_final";
    /// `(kind: i32) -> i64`: a run counter ([`super::stat`]).
    pub const STAT: &str = "wsim_stat";
    /// `(n: i32) -> ()`: 1 = step mode on, 0 = off (`wsim_run` returns
    /// [`super::run_status::STEP`] after every time step); n > 1 = a
    /// polling slice: also return `STEP` after every n time steps.
    pub const STEP_MODE: &str = "wsim_step_mode";
    /// `(on: i32) -> ()`, called before [`INIT`]: 0 = nothing outside the
    /// design reads its signals in this run (no waves), so `wsim_init`
    /// does not start the processes whose effects only waves could show;
    /// 1 (the default) = start them.
    pub const OBSERVE: &str = "wsim_observe";
}

/// Names of the artifact's imports from the host (module `env`).
pub mod import {
    pub const MODULE: &str = "env";
    pub const MEMORY: &str = "memory";
    /// `(fd: i32, ptr: i32, len: i32) -> ()`
    pub const WRITE: &str = "host_write";
    /// `(name_ptr: i32, name_len: i32, mode_ptr: i32, mode_len: i32) -> i32`:
    /// a host fd >= 3, or 0 when the file cannot be opened.
    pub const FOPEN: &str = "host_fopen";
    /// `(fd: i32) -> ()`
    pub const FCLOSE: &str = "host_fclose";
    /// `(fd: i32) -> ()`; fd 0 flushes everything.
    pub const FFLUSH: &str = "host_fflush";
    /// `(fd: i32, dst: i32, cap: i32) -> i32`: read at most `cap` bytes of a
    /// host fd from `host_fopen` at its position into `dst`; the count (0 at
    /// the end of the file), or -1 when the fd is not open or not readable.
    pub const FREAD: &str = "host_fread";
    /// `(fd: i32, offset: i64, whence: i32) -> i64`: move a host fd's
    /// position to `offset` from the start (`whence` 0), the current
    /// position (1) or the end (2); the new position, or -1 on error
    /// (`(fd, 0, 1)` asks for the position).
    pub const FSEEK: &str = "host_fseek";
    /// `(name_ptr: i32, name_len: i32, dst: i32, cap: i32) -> i64`: the file's
    /// size (copying `min(size, cap)` bytes to `dst`), or -1 if it cannot be
    /// read.
    pub const READ_FILE: &str = "host_read_file";
    /// `(dst: i32, cap: i32) -> i32`: the run's plusargs (without the leading
    /// `+`), each followed by a NUL byte; returns the total length (copying at
    /// most `cap` bytes).
    pub const PLUSARGS: &str = "host_plusargs";
    /// `(op: i32, time: i64, arg: i64, text_ptr: i32, text_len: i32) -> i32`
    /// ([`super::dump`]): a waveform request of the design at `time`;
    /// returns 1 when the host wants step mode on (see
    /// [`super::run_status::STEP`]), 0 for off.
    pub const DUMP: &str = "host_dump";
    /// `(severity: i32, code_ptr: i32, code_len: i32, site: i32, frame: i32,
    /// msg_ptr: i32, msg_len: i32) -> ()`: a run-time diagnostic
    /// ([`super::severity`], a code like `E0504`). The host renders it with
    /// the location of `sites[site]` of the meta section (or, for `site` -1,
    /// of the process whose static frame is `frame`, if any), the current
    /// time and the scope.
    pub const DIAG: &str = "host_diag";
    /// The module of the functions the compiler provides: the merger links
    /// guest-rt's calls of each straight to a generated function.
    pub const GEN_MODULE: &str = "gen";
    /// `(func: i32, frame: i32) -> i32`: run step function `func` on `frame`.
    pub const DISPATCH: &str = "dispatch";
    /// `(base: i32) -> i32`: the runner of the static processes (`base`:
    /// the statics words); 0, or 1 + the index of a process that stopped.
    /// Called only when the design has static processes.
    pub const RUN_STATICS: &str = "run_statics";
    /// `(frame: i32) -> i32`: one period of the design's one timer thread
    /// (`rt_timer`), a status. Called only when `rt_timer` said it has one.
    pub const TIMER_BODY: &str = "timer_body";
    /// `(unused: i32) -> i32`: copy the armed NBA shadow records to their
    /// signals. Called only when `rt_shadows` registered some.
    pub const COMMIT_SHADOWS: &str = "commit_shadows";
    /// `(steps: i32) -> i32`: up to `steps` (>= 1) periods of the design's
    /// one timer, each a time step of its body and the static processes
    /// it wakes, while each step ends leaving nothing to do (see
    /// `statics::QUIET_END`); returns how many of the `steps` it did not
    /// start. guest-rt sets the current time to the first step's; the
    /// function moves it a period on before each further step. Called
    /// only when `rt_timer` said the timer has it.
    pub const TIMER_STEPS: &str = "timer_steps";
}

/// Distribution codes for `rt_dist(kind, seed, seed_w, a, b) -> i32`
/// (IEEE 1364-2005 17.9.2 `$dist_*`; `a`/`b` are the function's arguments
/// after the seed, `b` unused by one-parameter distributions).
pub mod dist {
    /// `$dist_uniform(seed, start, end)`
    pub const UNIFORM: i32 = 0;
    /// `$dist_normal(seed, mean, standard_deviation)`
    pub const NORMAL: i32 = 1;
    /// `$dist_exponential(seed, mean)`
    pub const EXPONENTIAL: i32 = 2;
    /// `$dist_poisson(seed, mean)`
    pub const POISSON: i32 = 3;
    /// `$dist_chi_square(seed, degree_of_freedom)`
    pub const CHI_SQUARE: i32 = 4;
    /// `$dist_t(seed, degree_of_freedom)`
    pub const T: i32 = 5;
    /// `$dist_erlang(seed, k_stage, mean)`
    pub const ERLANG: i32 = 6;
}

/// Operation codes for `rt_real_math(op, a, b) -> f64` (real `**` and the
/// real math system functions; `b` is ignored by one-argument functions).
pub mod real_op {
    pub const POW: i32 = 0;
    pub const LN: i32 = 1;
    pub const LOG10: i32 = 2;
    pub const EXP: i32 = 3;
    pub const SIN: i32 = 4;
    pub const COS: i32 = 5;
    pub const TAN: i32 = 6;
    pub const ASIN: i32 = 7;
    pub const ACOS: i32 = 8;
    pub const ATAN: i32 = 9;
    pub const ATAN2: i32 = 10;
    pub const HYPOT: i32 = 11;
    pub const SINH: i32 = 12;
    pub const COSH: i32 = 13;
    pub const TANH: i32 = 14;
    pub const ASINH: i32 = 15;
    pub const ACOSH: i32 = 16;
    pub const ATANH: i32 = 17;
}
