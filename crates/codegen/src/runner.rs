//! Generated static scheduling code: the runner, which runs the pending
//! static processes (`crate::schedule`) in index order with direct calls;
//! the NBA shadow commit (`crate::shadow`); and inline triggers.
//!
//! guest-rt used to find each pending bit, then call the process through
//! `gen.dispatch` and its thread bookkeeping; for a combinational process of
//! a few instructions that cost more than the process. The runner tests the
//! bits in the order the plan fixed, so a bit set behind it (a combinational
//! loop) waits for the next pass exactly as before:
//!
//! ```text
//! for each pending word, if it is not 0:
//!   for i in the word's processes, in static order:
//!     if pending[i / 64] & bit(i):
//!         pending[i / 64] &= !bit(i); RUNNING = i; ACTIVATIONS += 1
//!         status = step_i(frame_i)
//!         if status != WAIT: STATUS = status; return i + 1
//! return 0
//! ```
//!
//! Its argument is the base of the shared words (`wsim_abi::statics`).
//! guest-rt handles an early return (`$finish`, `$stop`) like any thread's.
//!
//! The commit copies every armed shadow record to its signal. A signal
//! only static processes' event controls watch (`inline_triggers`) needs
//! no `rt_notify`: the commit, and blocking stores, OR its readers' bits
//! into the pending words themselves (armed ones, not the running one;
//! edge readers when bit 0 made their edge).

use crate::fast::Small;
use crate::func::{mem, FnGen, Ins};
use crate::lower::{Addr, Ctx, FnType, Lower, Owner, Role};
use wasm_encoder::{BlockType, Instruction as I, ValType};
use wsim_abi::{shadow, statics as sw, status};
use wsim_ir::SignalId;
use wsim_layout::Place;

/// Declare a `(frame) -> status` function guest-rt calls through
/// `gen.dispatch` (no job: its body is generated here): (index, dispatch id).
fn declare_dispatched(cx: &mut Ctx) -> (u32, u32) {
    let k = cx.declare(FnType::Step);
    cx.dispatch.push(k);
    (k, cx.dispatch.len() as u32 - 1)
}

/// Generate the runner; returns its dispatch id, or None when no process
/// is static.
pub fn gen_runner(cx: &mut Ctx) -> Option<u32> {
    if cx.sched.order.is_empty() {
        return None;
    }
    let (k, id) = declare_dispatched(cx);
    let mut l = Lower::new(cx, FnGen::new(1, false, 0), Role::Plain, Owner::default());
    let st = l.f.local(ValType::I32);
    let order = l.cx.sched.order.clone();
    for (w, procs) in order.chunks(64).enumerate() {
        let word = sw::PENDING + 8 * w as u32;
        // a word with no pending bit skips its 64 tests
        l.i(I::Block(BlockType::Empty));
        l.i(I::LocalGet(0));
        l.i(I::I64Load(mem(word, 3)));
        l.i(I::I64Eqz);
        l.i(I::BrIf(0));
        for (j, &p) in procs.iter().enumerate() {
            run_if_pending(&mut l, 64 * w + j, p, st);
        }
        l.i(I::End);
    }
    l.f.ret(Some(0));
    let f = l.f;
    cx.funcs[k as usize].body = Some(f);
    Some(id)
}

/// The runner's test and call of static process `p`, at index `i`.
fn run_if_pending(l: &mut Lower, i: usize, p: wsim_ir::ProcId, st: u32) {
    let word = sw::PENDING + 8 * (i as u32 / 64);
    let bit = 1u64 << (i % 64);
    // if pending & bit
    l.i(I::LocalGet(0));
    l.i(I::I64Load(mem(word, 3)));
    l.i(I::I64Const(bit as i64));
    l.i(I::I64And);
    l.i(I::I64Const(0));
    l.i(I::I64Ne);
    l.i(I::If(BlockType::Empty));
    // pending &= !bit
    l.i(I::LocalGet(0));
    l.i(I::LocalGet(0));
    l.i(I::I64Load(mem(word, 3)));
    l.i(I::I64Const(!bit as i64));
    l.i(I::I64And);
    l.i(I::I64Store(mem(word, 3)));
    // RUNNING = i; ACTIVATIONS += 1
    l.i(I::LocalGet(0));
    l.i32c(i as i32);
    l.i(I::I32Store(mem(sw::RUNNING, 2)));
    l.i(I::LocalGet(0));
    l.i(I::LocalGet(0));
    l.i(I::I64Load(mem(sw::ACTIVATIONS, 3)));
    l.i(I::I64Const(1));
    l.i(I::I64Add);
    l.i(I::I64Store(mem(sw::ACTIVATIONS, 3)));
    // status = step(frame)
    l.f.sym(Ins::ProcFrame(p.raw()));
    let callee = l.cx.gen_index(l.cx.proc_fn[p.index()]);
    l.i(I::Call(callee));
    l.i(I::LocalTee(st));
    l.i32c(status::WAIT);
    l.i(I::I32Ne);
    l.i(I::If(BlockType::Empty));
    l.i(I::LocalGet(0));
    l.i(I::LocalGet(st));
    l.i(I::I32Store(mem(sw::STATUS, 2)));
    l.i32c(i as i32 + 1);
    l.i(I::Return);
    l.i(I::End);
    l.i(I::End);
}

/// Generate the NBA shadow commit (`(frame) -> status`, frame unused);
/// returns its dispatch id, or None when no signal is shadowed:
///
/// ```text
/// for each group g of records (`Layout::shadow_group`):
///   if any & bit(g):
///     for each shadowed signal s of the group:
///       if rec.FLAGS != 0:
///         if rec.VALUE != s: s = rec.VALUE; FLAGS |= CHANGED
///         if FLAGS & CHANGED: trigger s's readers
///         rec.FLAGS = 0
/// any = 0
/// ```
///
/// About a quarter of picorv32's 245 records are armed in a step; a bitset
/// of armed records walked with `ctz` and a `br_table` measured slower
/// than these predictable tests (the indirect jump mispredicts).
pub fn gen_commit(cx: &mut Ctx) -> Option<u32> {
    if cx.lay.shadow_any.size == 0 {
        return None;
    }
    let (k, id) = declare_dispatched(cx);
    let mut l = Lower::new(cx, FnGen::new(1, false, 0), Role::Plain, Owner::default());
    let flags = l.f.local(ValType::I32);
    let (a, b) = (l.f.local(ValType::I64), l.f.local(ValType::I64));
    let any = l.f.local(ValType::I32);
    l.i32c(l.cx.lay.shadow_any.start as i32);
    l.i(I::I32Load(mem(0, 2)));
    l.i(I::LocalSet(any));
    let mut group = None;
    let signals: Vec<(SignalId, u32, u32)> = l
        .d()
        .signals
        .iter()
        .filter_map(|(id, _)| match (l.cx.lay.shadows[id.index()], l.cx.lay.signals[id.index()].place) {
            (Some(rec), Place::Static(dst)) => Some((id, rec, dst)),
            _ => None,
        })
        .collect();
    for (sig, rec, dst) in signals {
        let g = l.cx.lay.shadow_group(rec);
        if group != Some(g) {
            if group.is_some() {
                l.i(I::End);
            }
            group = Some(g);
            l.i(I::LocalGet(any));
            l.i32c(1 << g);
            l.i(I::I32And);
            l.i(I::If(BlockType::Empty));
        }
        l.i32c(rec as i32);
        l.i(I::I32Load(mem(shadow::FLAGS, 2)));
        l.i(I::LocalTee(flags));
        l.i(I::If(BlockType::Empty));
        for (plane, local) in [(0, a), (8, b)] {
            l.i32c(rec as i32);
            l.i(I::I64Load(mem(shadow::VALUE + plane, 3)));
            l.i(I::LocalSet(local));
        }
        // differs: store, CHANGED
        for (plane, local) in [(0, a), (8, b)] {
            l.i(I::LocalGet(local));
            l.i32c(dst as i32);
            l.i(I::I64Load(mem(plane, 3)));
            l.i(I::I64Ne);
        }
        l.i(I::I32Or);
        l.i(I::If(BlockType::Empty));
        for (plane, local) in [(0, a), (8, b)] {
            l.i32c(dst as i32);
            l.i(I::LocalGet(local));
            l.i(I::I64Store(mem(plane, 3)));
        }
        l.i(I::LocalGet(flags));
        l.i32c(shadow::flags::CHANGED as i32);
        l.i(I::I32Or);
        l.i(I::LocalSet(flags));
        l.i(I::End);
        if l.has_inline_triggers(sig) {
            l.i(I::LocalGet(flags));
            l.i32c(shadow::flags::CHANGED as i32);
            l.i(I::I32And);
            l.i(I::If(BlockType::Empty));
            l.trigger_inline(sig, false, None);
            l.i(I::End);
        }
        l.i32c(rec as i32);
        l.i32c(0);
        l.i(I::I32Store(mem(shadow::FLAGS, 2)));
        l.i(I::End);
    }
    if group.is_some() {
        l.i(I::End);
    }
    l.i32c(l.cx.lay.shadow_any.start as i32);
    l.i32c(0);
    l.i(I::I32Store(mem(0, 2)));
    l.f.ret(Some(status::DONE));
    let f = l.f;
    cx.funcs[k as usize].body = Some(f);
    Some(id)
}

impl Lower<'_, '_> {
    /// True if a change of `sig` can set its readers' pending bits inline.
    pub fn has_inline_triggers(&self, sig: SignalId) -> bool {
        self.cx.inline_triggers[sig.index()].is_some()
    }

    /// Mark pending the armed readers of `sig` (`inline_triggers`), except
    /// the running process when `skip_running` (a process misses the events
    /// it causes itself). `edges`: the old and new value, for the `posedge`
    /// and `negedge` readers (a shadowed signal has none).
    pub fn trigger_inline(&mut self, sig: SignalId, skip_running: bool, edges: Option<(Small, Small)>) {
        let Some(t) = self.cx.inline_triggers[sig.index()].clone() else { return };
        let running_is = if skip_running { self.running_static() } else { Running::Known(None) };
        if running_is == Running::Dynamic {
            let (_, running) = self.trigger_scratch();
            self.i32c(self.cx.lay.statics.start as i32);
            self.i(I::I32Load(mem(sw::RUNNING, 2)));
            self.i(I::LocalSet(running));
        }
        self.set_pending(&t.any, running_is);
        if !t.has_edges() {
            return;
        }
        let (old, new) = edges.expect("a signal with edge triggers is not shadowed");
        let (o, n) = (self.small_lsb_code(old), self.small_lsb_code(new));
        if !t.pos.is_empty() {
            self.edge_test(wsim_ir::Edge::Pos, o, n);
            self.i(I::If(BlockType::Empty));
            self.set_pending(&t.pos, running_is);
            if t.counts_cycles {
                self.i32c(sig.raw() as i32);
                self.rt("rt_count_posedge");
            }
            self.i(I::End);
        }
        if !t.neg.is_empty() {
            self.edge_test(wsim_ir::Edge::Neg, o, n);
            self.i(I::If(BlockType::Empty));
            self.set_pending(&t.neg, running_is);
            self.i(I::End);
        }
    }

    /// [`Lower::push_lsb_code`] into a new local.
    fn small_lsb_code(&mut self, v: Small) -> u32 {
        let code = self.f.local(ValType::I32);
        self.push_lsb_code(v);
        self.i(I::LocalSet(code));
        code
    }

    /// OR `list`'s bits, masked by the armed bits and without the running
    /// process, into the pending words.
    fn set_pending(&mut self, list: &[(u32, u64)], running_is: Running) {
        let base = self.cx.lay.statics.start;
        let words = sw::words(self.cx.sched.order.len() as u32);
        let (bits, running) = self.trigger_scratch();
        for &(w, mut mask) in list {
            if let Running::Known(Some(own)) = running_is {
                if own / 64 == w {
                    mask &= !(1u64 << (own % 64));
                }
            }
            if mask == 0 {
                continue;
            }
            let pending = Addr::Abs(base + sw::PENDING + 8 * w);
            let armed = base + sw::PENDING + 8 * (words + w);
            // bits = mask & armed[w]
            self.i(I::I64Const(mask as i64));
            self.i32c(armed as i32);
            self.i(I::I64Load(mem(0, 3)));
            self.i(I::I64And);
            if running_is == Running::Dynamic {
                // & !(running / 64 == w ? 1 << running % 64 : 0)
                self.i(I::I64Const(1));
                self.i(I::LocalGet(running));
                self.i(I::I64ExtendI32U);
                self.i(I::I64Shl);
                self.i(I::I64Const(0));
                self.i(I::LocalGet(running));
                self.i32c(6);
                self.i(I::I32ShrU);
                self.i32c(w as i32);
                self.i(I::I32Eq);
                self.i(I::Select);
                self.i(I::I64Const(-1));
                self.i(I::I64Xor);
                self.i(I::I64And);
            }
            self.i(I::LocalTee(bits));
            self.i(I::I64Const(0));
            self.i(I::I64Ne);
            self.i(I::If(BlockType::Empty));
            self.push_addr(pending);
            self.push_addr(pending);
            self.i(I::I64Load(mem(0, 3)));
            self.i(I::LocalGet(bits));
            self.i(I::I64Or);
            self.i(I::I64Store(mem(0, 3)));
            self.i32c(base as i32);
            self.i32c(1);
            self.i(I::I32Store(mem(sw::ANY_PENDING, 2)));
            self.i(I::End);
        }
    }

    /// The (bits, running) scratch locals of this function's trigger sites.
    fn trigger_scratch(&mut self) -> (u32, u32) {
        if let Some(pair) = self.f.trigger_scratch {
            return pair;
        }
        let pair = (self.f.local(ValType::I64), self.f.local(ValType::I32));
        self.f.trigger_scratch = Some(pair);
        pair
    }

    /// Which static process runs the code being generated: known in a
    /// process's own step function (`None` for a process that is not
    /// static), unknown in a subroutine any process may call. The runner
    /// is the only caller of a static process once it has armed its
    /// trigger, and before that its armed bit excludes it anyway, so the
    /// known index excludes exactly what `RUNNING` would.
    fn running_static(&self) -> Running {
        match (self.subr, self.proc) {
            (None, Some(p)) => Running::Known(self.cx.sched.index.get(p.index()).copied().flatten()),
            _ => Running::Dynamic,
        }
    }
}

/// The static process that runs a trigger site, for its self-exclusion.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Running {
    /// Known when generating: its static index, or `None` (not static).
    Known(Option<u32>),
    /// Read from `RUNNING` at run time.
    Dynamic,
}
