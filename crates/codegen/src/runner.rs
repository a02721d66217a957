//! Generated static scheduling code: the runner, which runs the pending
//! static processes (`crate::schedule`) in index order; the NBA shadow
//! commit (`crate::shadow`); and inline triggers.
//!
//! guest-rt calls the runner through its own import, `gen.run_statics`
//! (no dispatch table jump). It used to find each pending bit, then call
//! the process through `gen.dispatch` and its thread bookkeeping; for a
//! combinational process of a few instructions that cost more than the
//! process. The runner tests the bits in the order the plan fixed, so a
//! bit set behind it (a combinational loop) waits for the next pass
//! exactly as before:
//!
//! ```text
//! for each pending word, if it is not 0:
//!  for each group of GROUP bits of it, if one of them is set:
//!   for i in the group's processes, in static order:
//!     if pending[i / 64] & bit(i):
//!         pending[i / 64] &= !bit(i); ACTIVATIONS += processes run
//!         RUNNING = i, for a call or a unit on a loop (`run_if_pending`)
//!         small body (inline_body): run it here
//!         else: status = activation_i(frame_i) (gen_activation), or step_i(frame_i)
//!               if status != WAIT: STATUS = status; return i + 1
//! end of the pass (`end_pass`): the NBA region and more passes, or return 0
//! ```
//!
//! Running a small body in place saves the call, the step function's
//! prologue and its state dispatch, which cost as much as an `assign`'s
//! body; a body is small when it has at most [`INLINE_MAX_NODES`] IR nodes
//! and only statements that cannot suspend or end the thread. The runner
//! is split into chunk functions of at most [`CHUNK_MAX_NODES`] inlined
//! nodes (Cranelift's time grows faster than linearly with function size);
//! the runner calls them in order and passes an early return on (a single
//! chunk is the runner itself).
//!
//! Its argument is the base of the shared words (`wsim_abi::statics`);
//! the chunks address them at that base as the layout fixed it, a
//! constant ([`push_statics`]).
//! guest-rt handles an early return (`$finish`, `$stop`) like any thread's.
//!
//! The commit copies every armed shadow record to its signal. A signal
//! only static processes' event controls watch (`inline_triggers`) needs
//! no `rt_notify`: the commit, and blocking stores, OR its readers' bits
//! into the pending words themselves (armed ones, not the running one;
//! edge readers when bit 0 made their edge).

use crate::analysis::{walk_stmts, Facts};
use crate::fast::Small;
use crate::func::{mem, FnGen, Ins, Term};
use crate::lower::{Addr, Ctx, FnType, Lower, Owner, Role};
use crate::schedule::{top_level, StaticPlan};
use std::collections::{BTreeSet, HashMap};
use wasm_encoder::{BlockType, Instruction as I, ValType};
use wsim_abi::{shadow, statics as sw, status};
use wsim_ir::{Design, ExprId, ProcId, SignalId, StmtId, StmtKind};
use wsim_layout::Place;

/// Generate the runner (`gen.run_statics`); returns its function index,
/// or None when no process is static. With `inline`, the bodies
/// [`inline_body`] accepts are generated in place of their calls, and the
/// larger ones [`activation_body`] accepts get an activation function
/// ([`gen_activation`]).
pub fn gen_runner(cx: &mut Ctx, inline: bool, commit: Option<u32>) -> Option<u32> {
    if cx.sched.order.is_empty() {
        return None;
    }
    let order = cx.sched.order.clone();
    let runs: Vec<UnitRun> = (0..order.len() as u32).map(|k| unit_run(cx, k, inline)).collect();
    let sizes: Vec<usize> = runs
        .iter()
        .map(|r| match r {
            UnitRun::InPlace(body) => generated_nodes(cx, body),
            UnitRun::Call(_) => 1,
        })
        .collect();
    let ranges = split_into_chunks(&sizes);
    let units = Units { order: &order, runs: &runs, closes_loop: &loop_closers(cx.d, &cx.sched) };
    if let [range] = &ranges[..] {
        // one chunk is the runner itself: guest-rt calls it
        return Some(gen_chunk(cx, &units, range.clone(), ChunkEnd::EndPass { commit }));
    }
    let chunks: Vec<u32> = ranges.into_iter().map(|range| gen_chunk(cx, &units, range, ChunkEnd::Return)).collect();
    let k = cx.declare(FnType::Step);
    cx.name(k, "runner".into());
    let mut l = Lower::new(cx, FnGen::new(1, false, 0), Role::Plain, Owner::default());
    l.fn_index = k;
    l.in_runner = true;
    let st = l.f.local(ValType::I32);
    for chunk in chunks {
        // a chunk returns 0, or 1 + the index of a process that stopped
        l.i(I::LocalGet(0));
        let callee = l.cx.gen_index(chunk);
        l.i(I::Call(callee));
        l.i(I::LocalTee(st));
        l.i(I::If(BlockType::Empty));
        l.f.restore_temp_stack();
        l.i(I::LocalGet(st));
        l.i(I::Return);
        l.i(I::End);
    }
    end_pass(&mut l, commit);
    let mut f = l.f;
    f.give_static_temps(&mut cx.consts);
    cx.funcs[k as usize].body = Some(f);
    Some(k)
}

/// The end of the runner's pass over the static processes. While guest-rt
/// has nothing of its own to do, the runner goes on as `run_regions`
/// would, without returning to it: with pending bits left (set behind the
/// cursor), another pass; with none, the NBA region (the shadow commit,
/// `commit`, and the later bits moved to the pending ones), then another
/// pass if that made some pending. At most `PASSES` more passes, each one
/// more delta cycle (`PASSES` counts down; guest-rt counts the deltas and
/// its limit stays exact). A pass starts at block 0 (`Term::Restart`).
///
/// ```text
/// if !host_work && PASSES != 0:
///   if no pending bit:
///     NBA region
///     if host_work: goto out
///     if no pending bit: ANY_PENDING = ANY_LATER = 0; return 0
///   PASSES -= 1; next pass
/// out: ANY_PENDING = some pending bit; ANY_LATER = some later bit; return 0
/// ```
///
/// The runner's own marks (`Lower::in_runner`) set the pending and later
/// bits without those flags, so it tests the bits, and the flags are
/// exact only once it returns: a flush is then an OR with no branch, 4-5
/// instructions fewer per unit that marks readers (rv32_pipe
/// `--two-state` 907 -> 872 instructions per cycle).
///
/// guest-rt's own loop does the same per call of the runner (a return to
/// it and a call from it, `RUNNING` read back, the queues and the NBA
/// region tested): a clocked design's step is one call instead of two.
fn end_pass(l: &mut Lower, commit: Option<u32>) {
    let base = l.cx.lay.statics.start;
    let words = sw::words(l.cx.sched.order.len() as u32);
    // in code order, so every jump but the one to the next pass goes ahead
    let [budget_left, test_pending, nba, test_again, next, exit, none_left] = [(); 7].map(|_| l.f.new_block());
    // guest-rt's work first (a queued thread runs before any more statics)
    push_host_work(l);
    l.f.terminate(Term::Branch(exit, budget_left));
    l.f.switch_to(budget_left);
    l.i32c(base as i32);
    l.i(I::I32Load(mem(sw::PASSES, 2)));
    l.i(I::I32Eqz);
    l.f.terminate(Term::Branch(exit, test_pending));
    l.f.switch_to(test_pending);
    push_any_pending_bit(l, base, words);
    l.f.terminate(Term::Branch(next, nba));
    // the NBA region
    l.f.switch_to(nba);
    if let Some(commit) = commit {
        l.i32c(l.cx.lay.shadow_any.start as i32);
        l.i(I::I32Load(mem(0, 2)));
        l.i(I::If(BlockType::Empty));
        l.i32c(0);
        let callee = l.cx.gen_index(commit);
        l.i(I::Call(callee));
        l.i(I::Drop);
        l.i(I::End);
    }
    move_later_bits(l, base, words);
    push_host_work(l);
    l.f.terminate(Term::Branch(exit, test_again));
    l.f.switch_to(test_again);
    push_any_pending_bit(l, base, words);
    l.f.terminate(Term::Branch(next, none_left));
    // one more pass, one more delta
    l.f.switch_to(next);
    l.i32c(base as i32);
    l.i32c(base as i32);
    l.i(I::I32Load(mem(sw::PASSES, 2)));
    l.i32c(1);
    l.i(I::I32Sub);
    l.i(I::I32Store(mem(sw::PASSES, 2)));
    l.f.terminate(Term::Restart);
    // ANY_PENDING and ANY_LATER exact for guest-rt: bits set behind the
    // cursor, or none
    l.f.switch_to(exit);
    store_exact_flags(l);
    l.f.ret(Some(0));
    // the usual end, the step's statics all run and the later bits moved
    l.f.switch_to(none_left);
    const { assert!(sw::ANY_LATER == sw::ANY_PENDING + 4) };
    l.i32c(base as i32);
    l.i(I::I64Const(0));
    l.i(I::I64Store(mem(sw::ANY_PENDING, 3)));
    l.f.ret(Some(0));
}

/// `ANY_PENDING` and `ANY_LATER` as the bits are, where the runner
/// returns: the marks it made set the bits alone (`Lower::in_runner`).
pub(crate) fn store_exact_flags(l: &mut Lower) {
    let base = l.cx.lay.statics.start;
    let words = sw::words(l.cx.sched.order.len() as u32);
    l.i32c(base as i32);
    push_any_pending_bit(l, base, words);
    l.i(I::I32Store(mem(sw::ANY_PENDING, 2)));
    l.i32c(base as i32);
    push_any_bit(l, base, sw::PENDING + 16 * words, words);
    l.i(I::I32Store(mem(sw::ANY_LATER, 2)));
}

/// Pushes guest-rt's flag (`statics::HOST_WORK_AT`): it has work of its own.
fn push_host_work(l: &mut Lower) {
    l.i32c(l.cx.lay.statics.start as i32);
    l.i(I::I32Load(mem(sw::HOST_WORK_AT, 2)));
    l.i(I::I32Load8U(mem(0, 0)));
}

/// Pushes whether some pending bit is set (an i32).
pub(crate) fn push_any_pending_bit(l: &mut Lower, base: u32, words: u32) {
    push_any_bit(l, base, sw::PENDING, words);
}

/// Pushes whether some bit of the `words` u64 words at `offset` in the
/// statics is set (an i32).
fn push_any_bit(l: &mut Lower, base: u32, offset: u32, words: u32) {
    for w in 0..words {
        l.i32c(base as i32);
        l.i(I::I64Load(mem(offset + 8 * w, 3)));
        if w > 0 {
            l.i(I::I64Or);
        }
    }
    l.i(I::I64Const(0));
    l.i(I::I64Ne);
}

/// guest-rt's `Statics::move_later`: when some later bit is set, the
/// later bits of the armed processes become pending, and every later bit
/// is cleared. (The bits, not `ANY_LATER`: the runner's own marks do
/// not set the flag, `Lower::in_runner`.)
fn move_later_bits(l: &mut Lower, base: u32, words: u32) {
    push_any_bit(l, base, sw::PENDING + 16 * words, words);
    l.i(I::If(BlockType::Empty));
    l.i32c(base as i32);
    l.i32c(0);
    l.i(I::I32Store(mem(sw::ANY_LATER, 2)));
    for w in 0..words {
        let later = sw::PENDING + 8 * (2 * words + w);
        l.i32c(base as i32);
        l.i(I::I64Load(mem(later, 3)));
        l.or_into_pending(w);
        l.i32c(base as i32);
        l.i(I::I64Const(0));
        l.i(I::I64Store(mem(later, 3)));
    }
    l.i(I::End);
}

/// Marks a deferred accumulator's word as a later word, not a pending one
/// (`Lower::trigger_later`).
pub(crate) const LATER_WORD: u32 = 1 << 31;

/// Most IR nodes (statements and expressions) of a body the runner
/// generates in place; larger processes keep their call.
pub(crate) const INLINE_MAX_NODES: usize = 400;
/// Most inlined IR nodes per runner chunk function: Cranelift's time grows
/// faster than linearly with a function's size.
const CHUNK_MAX_NODES: usize = 3000;

/// The statements a static process runs per activation, when the runner
/// can run them in place of calling its step function: everything but the
/// event control (first or last at the top level, so one activation runs
/// the others once in order), and only statements that neither suspend,
/// nor end the thread, nor need the process's frame (frame slots,
/// `disable`, `$strobe`/`$monitor` records, fork). A clocked process may
/// also print and `$finish` ([`prints_in_place`]): at `$finish` the runner
/// returns as it does when a called process returns STOP. An inlined
/// activation behaves as the call did: the frame's state stays at the
/// resume point after the event control.
pub(crate) fn inline_body(d: &Design, facts: &Facts, sched: &StaticPlan, p: ProcId) -> Option<Vec<StmtId>> {
    activation_body(d, facts, sched, p).filter(|&(_, nodes)| nodes <= INLINE_MAX_NODES).map(|(body, _)| body)
}

/// [`inline_body`] whatever its size, with its size in IR nodes.
pub(crate) fn activation_body(
    d: &Design,
    facts: &Facts,
    sched: &StaticPlan,
    p: ProcId,
) -> Option<(Vec<StmtId>, usize)> {
    let wait = *sched.wait.get(&p)?;
    let prints = prints_in_place(d, sched, p, wait);
    let mut nodes = 0usize;
    let mut ok = true;
    walk_stmts(d, d.procs[p].body, &mut |s| {
        let st = &d.stmts[s];
        ok &= s == wait
            || match &st.kind {
                StmtKind::SysTask { name, .. } => prints && in_place_system_task(name),
                StmtKind::Block { name, .. } => name.is_none() || !facts.disabled.contains(&s),
                StmtKind::Nop
                | StmtKind::Assign { .. }
                | StmtKind::NonBlocking { .. }
                | StmtKind::AssignAfter { .. }
                | StmtKind::If { .. }
                | StmtKind::Case { .. }
                | StmtKind::Loop { .. }
                | StmtKind::DoWhile { .. }
                | StmtKind::Break
                | StmtKind::Continue => true,
                StmtKind::Call { subr, .. } => !facts.subr_waits[subr.index()],
                _ => false,
            };
        nodes += 1 + st.kind.exprs().into_iter().map(|e| expr_nodes(d, e)).sum::<usize>();
    });
    if !ok {
        return None;
    }
    let top = top_level(d, d.procs[p].body);
    Some((top.into_iter().filter(|&s| s != wait).collect(), nodes))
}

/// True if static process `p` may run `$display`, `$write` and `$finish`
/// in place: it waits on clock edges only (a combinational process in
/// place may join a fused cone, which runs it fewer times), and no
/// `$finish` is inside a loop (the runner's early return at `$finish`,
/// `Lower::stop_thread`, would skip the stores of the loop's locals).
fn prints_in_place(d: &Design, sched: &StaticPlan, p: ProcId, wait: StmtId) -> bool {
    let StmtKind::WaitEvent { events } = &d.stmts[wait].kind else { return false };
    let on_edges = !events.is_empty() && events.iter().all(|e| e.edge != wsim_ir::Edge::Any);
    let mut finish_in_loop = false;
    walk_stmts(d, d.procs[p].body, &mut |s| {
        if matches!(d.stmts[s].kind, StmtKind::Loop { .. } | StmtKind::DoWhile { .. }) {
            walk_stmts(d, s, &mut |c| {
                finish_in_loop |= matches!(&d.stmts[c].kind, StmtKind::SysTask { name, .. } if name == "$finish")
            });
        }
    });
    on_edges && !finish_in_loop && sched.index_of(p).is_some()
}

/// System tasks a static body run in place may call: prints to standard
/// output, and `$finish` (the runner returns at it, as at a called
/// process's STOP).
fn in_place_system_task(name: &str) -> bool {
    name == "$finish" || crate::systask::STDOUT_PRINTS.contains(&name)
}

/// Statements the runner runs in place, each with the process it belongs to.
type Body = Vec<(ProcId, StmtId)>;

/// How the runner runs a static unit.
enum UnitRun {
    /// In place: its processes' [`inline_body`]s in order (a fused unit
    /// has several, `crate::fuse`).
    InPlace(Body),
    /// By a call of a `(frame) -> status` function: its activation
    /// function ([`gen_activation`]), else its process's step function.
    Call(u32),
}

/// The static units in run order, as the runner runs them.
struct Units<'a> {
    order: &'a [ProcId],
    runs: &'a [UnitRun],
    /// By static index: [`loop_closers`].
    closes_loop: &'a [bool],
}

/// By static index: the unit is on a zero-delay loop of static units,
/// where what it writes triggers itself again, directly or through other
/// units (`wave_only::on_cycles`). (What a unit writes through a call is
/// not counted: it stores `RUNNING` before each call anyway.)
fn loop_closers(d: &Design, sched: &StaticPlan) -> Vec<bool> {
    let mut readers: HashMap<SignalId, Vec<u32>> = HashMap::new();
    for &(sig, k, _) in &sched.triggers {
        readers.entry(sig).or_default().push(k);
    }
    let units: BTreeSet<ProcId> = sched.order.iter().copied().collect();
    let wakes = |p: ProcId| -> BTreeSet<ProcId> {
        let k = sched.index_of(p).expect("a unit's first process is static");
        let written = sched.members(k).into_iter().flat_map(|m| crate::wave_only::written_by(d, d.procs[m].body));
        let woken = written.filter_map(|sig| readers.get(&sig)).flatten();
        woken.map(|&j| sched.order[j as usize]).collect()
    };
    let looping = crate::wave_only::on_cycles(&units, wakes);
    sched.order.iter().map(|p| looping.contains(p)).collect()
}

/// How the runner runs static unit `k`; with `inline`, in place when it
/// can, else through an activation function when [`waits_first`].
fn unit_run(cx: &mut Ctx, k: u32, inline: bool) -> UnitRun {
    if inline {
        if let Some(body) = unit_body(cx, k, inline_body) {
            return UnitRun::InPlace(body);
        }
        let activation =
            |d: &Design, facts: &Facts, sched: &StaticPlan, p| Some(activation_body(d, facts, sched, p)?.0);
        if let (Some(p), Some(body)) = (waits_first(cx, k), unit_body(cx, k, activation)) {
            let f = gen_activation(cx, k, &body);
            cx.activation_fn.insert(p, f);
            return UnitRun::Call(f);
        }
    }
    UnitRun::Call(cx.proc_fn[cx.sched.order[k as usize].index()])
}

/// The statements static index `k` runs per activation: its processes'
/// bodies as `body_of` gives them, in order; None when one has none.
fn unit_body(
    cx: &Ctx,
    k: u32,
    body_of: impl Fn(&Design, &Facts, &StaticPlan, ProcId) -> Option<Vec<StmtId>>,
) -> Option<Body> {
    let mut body = vec![];
    for p in cx.sched.members(k) {
        body.extend(body_of(cx.d, &cx.facts, &cx.sched, p)?.into_iter().map(|s| (p, s)));
    }
    Some(body)
}

/// The process of static unit `k` when it is its only one and waits first
/// (`always @(posedge clk) ...`): its step function's first run only
/// reaches the event control, and each later run is one activation, which
/// the step function can leave to an activation function
/// (`module::activations_specialized`).
fn waits_first(cx: &Ctx, k: u32) -> Option<ProcId> {
    let [p] = cx.sched.members(k)[..] else { return None };
    let wait = *cx.sched.wait.get(&p)?;
    (top_level(cx.d, cx.d.procs[p].body).first() == Some(&wait)).then_some(p)
}

/// A plain `(frame) -> status` function that runs one activation of static
/// unit `k`, too large to run in place, as the runner would in place
/// ([`run_in_place`]; at `$finish` it returns STOP). The runner calls it
/// instead of the process's step function, which first dispatches on its
/// frame's state and stores the state back; the step function calls it
/// too, so the body is generated once. picorv32's two large clocked
/// blocks: 11 instructions less per call.
fn gen_activation(cx: &mut Ctx, k: u32, body: &[(ProcId, StmtId)]) -> u32 {
    let p = cx.sched.order[k as usize];
    let f = cx.declare(FnType::Step);
    let name = cx.located("activation", Some(cx.d.procs[p].scope), cx.d.procs[p].span);
    cx.name(f, name);
    let mut l = Lower::new(cx, FnGen::new(1, false, 0), Role::Plain, Owner::default());
    l.fn_index = f;
    l.in_activation = true;
    l.in_runner = true;
    run_in_place(&mut l, p, body);
    l.f.ret(Some(status::WAIT));
    no_frame_slots(&mut l);
    let mut code = l.f;
    code.give_static_temps(&mut cx.consts);
    cx.funcs[f as usize].body = Some(code);
    f
}

/// An inlined body keeps nothing in its process's frame
/// ([`activation_body`]); a slot would mean a bug there.
fn no_frame_slots(l: &mut Lower) {
    if l.f.slot_bytes() != 0 {
        l.cx.diags.push(wsim_diag::Diagnostic::error(
            wsim_diag::codes::codegen::UNSUPPORTED,
            None,
            "internal error: an inlined static process needs frame slots".to_string(),
        ));
    }
}

fn expr_nodes(d: &Design, e: ExprId) -> usize {
    1 + d.exprs[e].kind.children().into_iter().map(|c| expr_nodes(d, c)).sum::<usize>()
}

/// The IR nodes an inlined body generates: twice its own when it gets a
/// known version (`crate::specialize`).
fn generated_nodes(cx: &Ctx, body: &[(ProcId, StmtId)]) -> usize {
    let nodes: usize = body.iter().map(|&(_, s)| stmt_nodes(cx.d, s)).sum();
    if crate::specialize::worth_specializing(cx, body) {
        2 * nodes
    } else {
        nodes
    }
}

/// Static indices split into consecutive ranges whose inlined bodies stay
/// within [`CHUNK_MAX_NODES`], given each index's size in generated nodes
/// (a called process counts as one).
fn split_into_chunks(sizes: &[usize]) -> Vec<std::ops::Range<usize>> {
    let mut chunks = vec![];
    let (mut start, mut size) = (0, 0);
    for (i, &n) in sizes.iter().enumerate() {
        if size + n > CHUNK_MAX_NODES && i > start {
            chunks.push(start..i);
            (start, size) = (i, 0);
        }
        size += n;
    }
    chunks.push(start..sizes.len());
    chunks
}

pub(crate) fn stmt_nodes(d: &Design, s: StmtId) -> usize {
    let mut n = 0;
    walk_stmts(d, s, &mut |c| n += 1 + d.stmts[c].kind.exprs().into_iter().map(|e| expr_nodes(d, e)).sum::<usize>());
    n
}

/// Push the base of the shared words. It is known here: a constant
/// address keeps the chunk's argument out of a register (a large body
/// otherwise spilled it and reloaded it before every pending test).
pub(crate) fn push_statics(l: &mut Lower) {
    l.i32c(l.cx.lay.statics.start as i32);
}

/// Static indices tested together ([`skip_unless_pending`]) before their
/// own bits: a pass where few processes are pending (most of them, in a
/// design of many small processes) skips the groups with none in one test
/// each. A group's test reads the word as the arena holds it
/// ([`Pending`]), so a bit set by an earlier process of the pass is seen;
/// one set by a process of the group for a later one is seen by that
/// one's own test.
const GROUP: usize = 8;

/// Code that `body` generates, skipped at once when none of the bits
/// `mask` of the word `pending` holds ([`Pending`]) is set; the whole
/// word's test (`mask` all ones), its first, loads it afresh.
fn skip_unless_pending(l: &mut Lower, pending: Pending, mask: u64, body: impl FnOnce(&mut Lower)) {
    let head = l.f.new_block();
    l.f.goto(head);
    l.f.switch_to(head);
    if mask == u64::MAX {
        pending.reload(l);
    }
    l.i(I::LocalGet(pending.local));
    if mask != u64::MAX {
        l.i(I::I64Const(mask as i64));
        l.i(I::I64And);
    }
    l.i(I::I64Eqz);
    let first = l.f.new_block();
    l.f.switch_to(first);
    body(l);
    let end = l.f.cur;
    l.f.terminate_block(head, Term::Branch(end, first));
}

/// The pending word a chunk is testing, kept in an i64 local: loaded at
/// the word's first test and again after each process that ran (which may
/// have set or cleared bits), so every test reads what the arena holds
/// without a load of its own. (A skipped process changes nothing, and
/// Cranelift would not know that: it reloaded the word for every test.)
#[derive(Clone, Copy)]
struct Pending {
    word: u32,
    local: u32,
}

impl Pending {
    fn reload(self, l: &mut Lower) {
        push_statics(l);
        l.i(I::I64Load(mem(sw::PENDING + 8 * self.word, 3)));
        l.i(I::LocalSet(self.local));
    }
}

/// How a chunk of the runner ends.
enum ChunkEnd {
    /// One of several: it returns 0 to the runner, which calls the next.
    Return,
    /// The whole runner: it ends the pass ([`end_pass`]; `commit` is the
    /// shadow commit's function, if the design has shadows).
    EndPass { commit: Option<u32> },
}

/// One chunk of the runner: `(statics base) -> 0 | 1 + index of a process
/// that stopped` (guest-rt's runner protocol, see the module doc).
fn gen_chunk(cx: &mut Ctx, units: &Units, range: std::ops::Range<usize>, end: ChunkEnd) -> u32 {
    let k = cx.declare(FnType::Step);
    let name = match end {
        ChunkEnd::EndPass { .. } => "runner".to_string(),
        ChunkEnd::Return => format!("runner_statics_{}-{}", range.start, range.end - 1),
    };
    cx.name(k, name);
    let mut l = Lower::new(cx, FnGen::new(1, false, 0), Role::Plain, Owner::default());
    l.fn_index = k;
    l.in_runner = true;
    let st = l.f.local(ValType::I32);
    let local = l.f.local(ValType::I64);
    let mut i = range.start;
    while i < range.end {
        // the processes of one pending word: a word with no bit set skips them
        let word_end = range.end.min((i / 64 + 1) * 64);
        let pending = Pending { word: i as u32 / 64, local };
        skip_unless_pending(&mut l, pending, u64::MAX, |l| {
            let mut g = i;
            while g < word_end {
                let group_end = word_end.min((g / GROUP + 1) * GROUP);
                let mask = (g..group_end).fold(0u64, |m, j| m | 1 << (j % 64));
                skip_unless_pending(l, pending, mask, |l| {
                    for j in g..group_end {
                        run_if_pending(l, j, units, pending, st);
                    }
                });
                g = group_end;
            }
        });
        i = word_end;
    }
    match end {
        ChunkEnd::EndPass { commit } => end_pass(&mut l, commit),
        ChunkEnd::Return => l.f.ret(Some(0)),
    }
    no_frame_slots(&mut l);
    let mut f = l.f;
    f.give_static_temps(&mut cx.consts);
    cx.funcs[k as usize].body = Some(f);
    k
}

/// One activation of the statements `stmts` (each with its process),
/// generated in place: `p`'s copies of old values first, the readers of
/// what the statements changed marked pending once at the end.
fn run_in_place(l: &mut Lower, p: ProcId, stmts: &[(ProcId, StmtId)]) {
    l.deferred_triggers = Some(vec![]);
    l.defer_later = direct_nba_count(l, stmts) >= DEFER_LATER_MIN;
    let (start_block, start_at) = (l.f.cur, l.f.blocks[l.f.cur].code.len());
    l.copy_old_values(p);
    crate::reroll::emit_rolling_copies(l, stmts, |l, plain| {
        crate::roll_instances::emit_rolling_instances(l, plain, &crate::specialize::emit_in_runs)
    });
    // readers of what the body changed, once (see `defer_trigger`)
    let deferred = l.deferred_triggers.take().unwrap_or_default();
    // Each accumulator is cleared where the body starts (not only by
    // the locals' zeroing at function entry): Cranelift would
    // otherwise keep every accumulator of a chunk live across it.
    let clear = deferred.iter().flat_map(|&(_, acc)| [Ins::W(I::I64Const(0)), Ins::W(I::LocalSet(acc))]);
    l.f.blocks[start_block].code.splice(start_at..start_at, clear.collect::<Vec<_>>());
    for (w, acc) in deferred {
        l.flush_deferred(w, acc);
    }
    l.proc = None;
}

/// The signal whose rising edges generated code counts in the statics
/// (`wsim_abi::statics::CLOCK_POSEDGES`): the first whose inline triggers
/// count cycles (`shadow::InlineTriggers::counts_cycles`), one clock of a
/// design (others call `rt_count_posedge`).
pub(crate) fn inline_clock(cx: &Ctx) -> Option<SignalId> {
    let counts = |t: &Option<crate::shadow::InlineTriggers>| t.as_ref().is_some_and(|t| t.counts_cycles);
    cx.inline_triggers.iter().position(counts).map(|i| SignalId::from_raw(i as u32))
}

/// Fewest direct NBAs every activation of a body runs for its later bits to
/// gather in locals: the test after the body costs more than the stores it
/// spares a body that changes a register now and then.
const DEFER_LATER_MIN: usize = 3;

/// How many zero-delay NBAs that store directly (`crate::direct_nbas`)
/// every activation of `stmts` runs: the fewest along any way through
/// its `if`s, `case`s and unnamed blocks.
fn direct_nba_count(l: &Lower, stmts: &[(ProcId, StmtId)]) -> usize {
    fn count(l: &Lower, s: StmtId) -> usize {
        match &l.d().stmts[s].kind {
            StmtKind::NonBlocking { lhs, delay: None, .. } => usize::from(l.writes_directly(*lhs)),
            StmtKind::Block { stmts, name: None } => stmts.iter().map(|&c| count(l, c)).sum(),
            StmtKind::If { then_stmt, else_stmt: Some(e), .. } => count(l, *then_stmt).min(count(l, *e)),
            StmtKind::Case { arms, default: Some(d), .. } => {
                arms.iter().map(|a| count(l, a.body)).fold(count(l, *d), usize::min)
            }
            _ => 0,
        }
    }
    stmts.iter().map(|&(_, s)| count(l, s)).sum()
}

/// For a design with one timer (`StaticPlan::timers`), the index of a
/// plain `(frame) -> status` function running one period of its body (the
/// statements after its delay, then those before it; `gen.timer_body`),
/// when the runner could run that body in place ([`inline_body`]):
/// guest-rt then calls it each period instead of resuming the thread (its
/// prologue, state dispatch and suspend). The thread's state stays at the
/// delay's resume point, so the general path may still resume it. (With
/// more timers guest-rt resumes the threads: its timer-only step needs
/// the one timer to be alone.)
pub fn gen_timer_body(cx: &mut Ctx, inline: bool) -> Option<TimerBody> {
    let [(p, _)] = cx.sched.timers[..] else { return None };
    let stmts = inline.then(|| inline_body(cx.d, &cx.facts, &cx.sched, p)).flatten()?;
    let k = cx.declare(FnType::Step);
    let name = cx.located("timer_body", Some(cx.d.procs[p].scope), cx.d.procs[p].span);
    cx.name(k, name);
    let mut l = Lower::new(cx, FnGen::new(1, false, 0), Role::Plain, Owner::default());
    l.fn_index = k;
    let stmts: Body = stmts.into_iter().map(|s| (p, s)).collect();
    run_in_place(&mut l, p, &stmts);
    l.f.ret(Some(status::WAIT));
    let f = l.f;
    let calls =
        f.blocks.iter().flat_map(|b| &b.code).any(|ins| matches!(ins, Ins::W(I::Call(_) | I::CallIndirect { .. })));
    let mut nbas = false;
    for &(_, s) in &stmts {
        walk_stmts(cx.d, s, &mut |c| nbas |= matches!(cx.d.stmts[c].kind, StmtKind::NonBlocking { .. }));
    }
    cx.funcs[k as usize].body = Some(f);
    Some(TimerBody { func: k, proc: p, stmts, calls, nbas })
}

/// The body [`gen_timer_body`] made a function of.
pub struct TimerBody {
    /// The function's index (`gen.timer_body`).
    pub func: u32,
    /// The timer's process.
    pub proc: ProcId,
    /// The statements the function runs in place.
    stmts: Body,
    /// It calls a function (guest-rt's or a generated one): only a body
    /// that calls none runs in `gen.timer_steps`, since guest-rt's thread
    /// bookkeeping around it is left out there.
    pub calls: bool,
    /// It has a nonblocking assignment: it may arm a shadow or set a later
    /// bit, work for the NBA region (one that calls nothing can leave no
    /// other work but pending bits).
    pub nbas: bool,
}

impl TimerBody {
    /// Its statements run in place in `l`'s function, as in the body's own
    /// (`gen.timer_steps` inlines them).
    pub fn run_in_place(&self, l: &mut Lower) {
        run_in_place(l, self.proc, &self.stmts);
    }
}

/// The runner's test and run of static unit `i`: its body in place, or a
/// call.
///
/// `RUNNING` names the unit for guest-rt while a call runs (a process
/// misses the events it causes itself) and, once the runner returns, for
/// the delta-limit error. A unit run in place stores it before each call
/// its body makes (`Lower::call`), and first only when it may close a
/// zero-delay loop ([`loop_closers`]): then the error names the last unit
/// of the loop the final pass ran. A unit that does neither
/// (most of them) skips a store per activation: picorv32 and rv32_pipe
/// ran about 1% fewer instructions per cycle.
fn run_if_pending(l: &mut Lower, i: usize, units: &Units, pending: Pending, st: u32) {
    let (p, how) = (units.order[i], &units.runs[i]);
    let word = sw::PENDING + 8 * (i as u32 / 64);
    let bit = 1u64 << (i % 64);
    // if pending & bit
    l.i(I::LocalGet(pending.local));
    l.i(I::I64Const(bit as i64));
    l.i(I::I64And);
    l.i(I::I64Const(0));
    l.i(I::I64Ne);
    let test = l.f.cur;
    let run = l.f.new_block();
    l.f.switch_to(run);
    // pending &= !bit
    push_statics(l);
    push_statics(l);
    l.i(I::I64Load(mem(word, 3)));
    l.i(I::I64Const(!bit as i64));
    l.i(I::I64And);
    l.i(I::I64Store(mem(word, 3)));
    // RUNNING = i (see above); ACTIVATIONS += the processes it runs
    if units.closes_loop[i] || matches!(how, UnitRun::Call(_)) {
        push_statics(l);
        l.i32c(i as i32);
        l.i(I::I32Store(mem(sw::RUNNING, 2)));
    }
    push_statics(l);
    push_statics(l);
    l.i(I::I64Load(mem(sw::ACTIVATIONS, 3)));
    l.i(I::I64Const(l.cx.sched.members(i as u32).len() as i64));
    l.i(I::I64Add);
    l.i(I::I64Store(mem(sw::ACTIVATIONS, 3)));
    match how {
        UnitRun::InPlace(stmts) => {
            l.running_unit = Some(i as u32);
            run_in_place(l, p, stmts);
            l.running_unit = None;
        }
        UnitRun::Call(f) => {
            // status = f(frame)
            l.f.sym(Ins::ProcFrame(p.raw()));
            let callee = l.cx.gen_index(*f);
            l.i(I::Call(callee));
            l.i(I::LocalTee(st));
            l.i32c(status::WAIT);
            l.i(I::I32Ne);
            l.i(I::If(BlockType::Empty));
            l.return_from_runner(i as u32, |l| l.i(I::LocalGet(st)));
            l.i(I::End);
        }
    }
    pending.reload(l);
    let run_end = l.f.cur;
    let next = l.f.new_block();
    l.f.terminate_block(test, Term::Branch(run, next));
    l.f.terminate_block(run_end, Term::Goto(next));
    l.f.switch_to(next);
}

/// Groups of shadow records per block of `gen_commit`'s `any` tests.
const GROUPS_PER_BLOCK: u32 = 8;

/// Generate the NBA shadow commit (`(frame) -> status`, frame unused;
/// `gen.commit_shadows`); returns its function index, or None when no
/// signal is shadowed:
///
/// ```text
/// for each block of 8 groups (when there are more than 8):
///   if any & bits(block):
///     for each group g of records (`Layout::shadow_group`) in the block:
///       if any & bit(g):
///         for each shadowed signal s of the group:
///           if rec.FLAGS != 0:
///             if rec.VALUE != s: s = rec.VALUE; FLAGS |= CHANGED
///             if FLAGS & CHANGED: trigger s's readers
///             rec.FLAGS = 0
/// any = 0
/// ```
///
/// About a quarter of picorv32's 245 records are armed in a step; a bitset
/// of armed records walked with `ctz` and a `br_table` measured slower
/// than these predictable tests (the indirect jump mispredicts). The blocks
/// make a step that armed one group (picorv32's usual step) test 12 bits
/// rather than 28.
pub fn gen_commit(cx: &mut Ctx) -> Option<u32> {
    if cx.lay.shadow_any.size == 0 {
        return None;
    }
    let k = cx.declare(FnType::Step);
    cx.name(k, "commit_shadows".into());
    let mut l = Lower::new(cx, FnGen::new(1, false, 0), Role::Plain, Owner::default());
    let flags = l.f.local(ValType::I32);
    let any = l.f.local(ValType::I32);
    l.i32c(l.cx.lay.shadow_any.start as i32);
    l.i(I::I32Load(mem(0, 2)));
    l.i(I::LocalSet(any));
    let mut group = None;
    let signals: Vec<(SignalId, u32, u32)> = l
        .d()
        .signals
        .iter()
        .filter(|(id, _)| !l.cx.direct.stores[id.index()])
        .filter_map(|(id, _)| match (l.cx.lay.shadows[id.index()], l.cx.lay.signals[id.index()].place) {
            (Some(rec), Place::Static(dst)) => Some((id, rec, dst)),
            _ => None,
        })
        .collect();
    let last_group = signals.iter().map(|&(_, rec, _)| l.cx.lay.shadow_group(rec)).max();
    let in_blocks = last_group.is_some_and(|g| g >= GROUPS_PER_BLOCK);
    let mut block = None;
    for (sig, rec, dst) in signals {
        let g = l.cx.lay.shadow_group(rec);
        if group != Some(g) {
            if group.is_some() {
                l.i(I::End);
            }
            let b = g / GROUPS_PER_BLOCK;
            if in_blocks && block != Some(b) {
                if block.is_some() {
                    l.i(I::End);
                }
                block = Some(b);
                l.i(I::LocalGet(any));
                l.i32c((0xffu32 << (b * GROUPS_PER_BLOCK)) as i32);
                l.i(I::I32And);
                l.i(I::If(BlockType::Empty));
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
        // (a two-state signal's record and storage have no unknown plane)
        let new = l.load_small(Addr::Abs(rec + shadow::VALUE), true);
        // differs: store, CHANGED
        let old = l.load_small(Addr::Abs(dst), true);
        l.push_differs(old, new);
        l.i(I::If(BlockType::Empty));
        l.store_small_value(Addr::Abs(dst), new);
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
    if block.is_some() {
        l.i(I::End);
    }
    l.i32c(l.cx.lay.shadow_any.start as i32);
    l.i32c(0);
    l.i(I::I32Store(mem(0, 2)));
    l.f.ret(Some(status::DONE));
    let mut f = l.f;
    f.give_static_temps(&mut cx.consts);
    cx.funcs[k as usize].body = Some(f);
    Some(k)
}

impl Lower<'_, '_> {
    /// The runner's early return at static process `k`, which did not go
    /// back to its wait: STATUS = the i32 `push_status` pushes; return
    /// `k + 1` (a chunk to the runner, the runner to guest-rt).
    pub fn return_from_runner(&mut self, k: u32, push_status: impl FnOnce(&mut Self)) {
        push_statics(self);
        push_status(self);
        self.i(I::I32Store(mem(sw::STATUS, 2)));
        self.f.restore_temp_stack();
        self.i32c(k as i32 + 1);
        self.i(I::Return);
    }

    /// In a static body the runner generates in place, for a change of a
    /// signal whose readers all wait for any change (no edge): OR their
    /// pending bits into one i64 local per pending word, which the runner
    /// ORs into the pending words once, after the body; false (nothing
    /// emitted) anywhere else. Pending bits are only read after the body,
    /// so setting them once if any write changed the value is the same as
    /// setting them at each changing write; a loop or a default-then-case
    /// assignment pays for one trigger. (An edge reader needs each write's
    /// old and new value: not deferred.)
    pub fn defer_trigger(&mut self, sig: SignalId) -> bool {
        let Some(t) = self.cx.inline_triggers[sig.index()].clone() else { return false };
        if t.has_edges() || self.deferred_triggers.is_none() {
            return false;
        }
        let own = match self.running_static() {
            Running::Known(own) => own,
            Running::Dynamic => return false,
        };
        for (w, mask) in t.any {
            let mask = without_own(own, w, mask);
            if mask == 0 {
                continue;
            }
            let acc = self.deferred_accumulator(w);
            self.i(I::LocalGet(acc));
            self.i(I::I64Const(mask as i64));
            self.i(I::I64Or);
            self.i(I::LocalSet(acc));
        }
        true
    }

    /// For a change a direct NBA makes (`crate::direct_nbas`): OR the
    /// level readers' bits into the later bits, which the NBA region moves
    /// into the pending bits (so the readers run once, after every block of
    /// the edge and with every shadow's value, as they would without direct
    /// NBAs). False (nothing emitted) for a signal with edge readers or
    /// readers that are not static.
    ///
    /// In a body the runner generates in place, the bits gather in one
    /// i64 local per later word, ORed into the later bits after the body
    /// (as `defer_trigger` does for the pending bits).
    pub fn trigger_later(&mut self, sig: SignalId) -> bool {
        let Some(t) = self.cx.inline_triggers[sig.index()].clone() else { return false };
        if t.has_edges() {
            return false;
        }
        for (w, mask) in t.any {
            if self.deferred_triggers.is_some() && self.defer_later {
                let acc = self.deferred_accumulator(w | LATER_WORD);
                self.i(I::LocalGet(acc));
                self.i(I::I64Const(mask as i64));
                self.i(I::I64Or);
                self.i(I::LocalSet(acc));
            } else {
                self.i(I::I64Const(mask as i64));
                self.or_into_later(w);
            }
        }
        true
    }

    /// OR the i64 on the stack into later word `w`, and note ANY_LATER
    /// (but in the runner, `Lower::in_runner`).
    fn or_into_later(&mut self, w: u32) {
        let base = self.cx.lay.statics.start;
        let words = sw::words(self.cx.sched.order.len() as u32);
        let later = base + sw::PENDING + 8 * (2 * words + w);
        let (bits, _) = self.trigger_scratch();
        self.i(I::LocalSet(bits));
        self.or_word(later, bits);
        if !self.in_runner {
            self.set_flag(sw::ANY_LATER);
        }
    }

    /// word at `word` |= local `bits`.
    fn or_word(&mut self, word: u32, bits: u32) {
        self.push_addr(Addr::Abs(word));
        self.push_addr(Addr::Abs(word));
        self.i(I::I64Load(mem(0, 3)));
        self.i(I::LocalGet(bits));
        self.i(I::I64Or);
        self.store_at(I::I64Store(mem(0, 3)), word, 8);
    }

    /// The statics' i32 flag at offset `flag` = 1.
    fn set_flag(&mut self, flag: u32) {
        let base = self.cx.lay.statics.start;
        self.i32c(base as i32);
        self.i32c(1);
        self.store_at(I::I32Store(mem(flag, 2)), base + flag, 4);
    }

    /// After a body run in place: OR the accumulator `acc` of deferred
    /// word `w` (a pending word, or a later one with `LATER_WORD`).
    fn flush_deferred(&mut self, w: u32, acc: u32) {
        self.i(I::LocalGet(acc));
        if w & LATER_WORD == 0 {
            self.or_into_pending(w);
            return;
        }
        if self.in_runner {
            // no flag to set: an OR of 0 costs less than the test
            self.or_into_later(w & !LATER_WORD);
            return;
        }
        self.i(I::I64Const(0));
        self.i(I::I64Ne);
        self.i(I::If(BlockType::Empty));
        self.i(I::LocalGet(acc));
        self.or_into_later(w & !LATER_WORD);
        self.i(I::End);
    }

    /// True if every reader of `sig` is a pure unit waiting for any change
    /// (`crate::fuse::pure_units`): running one again stores the values it
    /// stored, so a direct NBA may mark them without comparing.
    pub fn readers_recompute(&self, sig: SignalId) -> bool {
        if !self.cx.recompute_readers {
            return false;
        }
        let Some(t) = &self.cx.inline_triggers[sig.index()] else { return false };
        let pure = |&(w, mask): &(u32, u64)| {
            (0..64).filter(|b| mask >> b & 1 == 1).all(|b| self.cx.pure_units[(w * 64 + b) as usize])
        };
        !t.has_edges() && t.any.iter().all(pure)
    }

    /// The i64 local gathering the deferred pending bits of word `w`.
    fn deferred_accumulator(&mut self, w: u32) -> u32 {
        let list = self.deferred_triggers.as_ref().expect("deferring");
        if let Some(&(_, acc)) = list.iter().find(|(word, _)| *word == w) {
            return acc;
        }
        // cleared where the body starts (`run_if_pending`)
        let acc = self.f.local(ValType::I64);
        self.deferred_triggers.as_mut().expect("deferring").push((w, acc));
        acc
    }

    /// True if a change of `sig` wakes no process but the running one
    /// (which misses it): a blocking store then needs no compare. So it is
    /// for what one member of a fused unit writes for the next
    /// (`crate::fuse`).
    pub fn wakes_only_running(&self, sig: SignalId) -> bool {
        let Some(t) = &self.cx.inline_triggers[sig.index()] else { return false };
        match self.running_static() {
            Running::Known(own @ Some(_)) if !t.has_edges() => {
                t.any.iter().all(|&(w, mask)| without_own(own, w, mask) == 0)
            }
            _ => false,
        }
    }

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
        let codes = match (old.bval, new.bval) {
            (None, None) => None,
            _ => Some((self.small_lsb_code(old), self.small_lsb_code(new))),
        };
        if !t.pos.is_empty() {
            self.push_edge(wsim_ir::Edge::Pos, old, new, codes);
            self.i(I::If(BlockType::Empty));
            self.set_pending(&t.pos, running_is);
            if t.counts_cycles {
                self.count_posedge(sig);
            }
            self.i(I::End);
        }
        if !t.neg.is_empty() {
            self.push_edge(wsim_ir::Edge::Neg, old, new, codes);
            self.i(I::If(BlockType::Empty));
            self.set_pending(&t.neg, running_is);
            self.i(I::End);
        }
    }

    /// Push whether bit 0 going from `old` to `new` is edge `e` (an i32):
    /// through the LSB codes `codes` ([`Lower::edge_test`]), or, for two
    /// known values (`codes` None), as `new & !old` (`old & !new` falling),
    /// a third of the instructions.
    fn push_edge(&mut self, e: wsim_ir::Edge, old: Small, new: Small, codes: Option<(u32, u32)>) {
        if let Some((o, n)) = codes {
            self.edge_test(e, o, n);
            return;
        }
        let (from, to) = if e == wsim_ir::Edge::Neg { (new, old) } else { (old, new) };
        self.push_plane(to.aval);
        self.push_plane(from.aval);
        self.i(I::I64Const(-1));
        self.i(I::I64Xor);
        self.i(I::I64And);
        self.i(I::I64Const(1));
        self.i(I::I64And);
        self.i(I::I32WrapI64);
    }

    /// Count a rising edge of `sig` for the run report: the clock
    /// (`inline_clock`) in the statics' `CLOCK_POSEDGES` word, which costs
    /// an add where the call of `rt_count_posedge` cost about 20
    /// instructions per cycle; any other signal through the call.
    fn count_posedge(&mut self, sig: SignalId) {
        if inline_clock(self.cx) != Some(sig) {
            self.i32c(sig.raw() as i32);
            self.rt("rt_count_posedge");
            return;
        }
        let base = self.cx.lay.statics.start;
        self.i32c(base as i32);
        self.i32c(base as i32);
        self.i(I::I64Load(mem(sw::CLOCK_POSEDGES, 3)));
        self.i(I::I64Const(1));
        self.i(I::I64Add);
        self.i(I::I64Store(mem(sw::CLOCK_POSEDGES, 3)));
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
        let (_, running) = self.trigger_scratch();
        for &(w, mask) in list {
            let mask = match running_is {
                Running::Known(own) => without_own(own, w, mask),
                Running::Dynamic => mask,
            };
            if mask == 0 {
                continue;
            }
            self.i(I::I64Const(mask as i64));
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
            self.or_into_pending(w);
        }
    }

    /// `pending[w] |= bits & armed[w]` (and ANY_PENDING, but in the
    /// runner) for the i64 `bits` on the stack. In the runner it has no
    /// branch: with no flag to set, an OR of 0 costs less than the test.
    fn or_into_pending(&mut self, w: u32) {
        let base = self.cx.lay.statics.start;
        let words = sw::words(self.cx.sched.order.len() as u32);
        let (bits, _) = self.trigger_scratch();
        let pending = base + sw::PENDING + 8 * w;
        let armed = base + sw::PENDING + 8 * (words + w);
        self.i32c(armed as i32);
        self.i(I::I64Load(mem(0, 3)));
        self.i(I::I64And);
        if self.in_runner {
            self.i(I::LocalSet(bits));
            self.or_word(pending, bits);
            return;
        }
        self.i(I::LocalTee(bits));
        self.i(I::I64Const(0));
        self.i(I::I64Ne);
        self.i(I::If(BlockType::Empty));
        self.or_word(pending, bits);
        self.set_flag(sw::ANY_PENDING);
        self.i(I::End);
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

    /// The static index of the process running the code being generated,
    /// as [`Lower::running_static`] tells it: Some(None) when no static
    /// process runs it, None when that is only known at run time.
    pub fn running_static_index(&self) -> Option<Option<u32>> {
        match self.running_static() {
            Running::Known(own) => Some(own),
            Running::Dynamic => None,
        }
    }

    /// Which static process runs the code being generated: known in a
    /// process's own step function (`None` for a process that is not
    /// static), unknown in a subroutine any process may call. The runner
    /// is the only caller of a static process once it has armed its
    /// trigger, and before that its armed bit excludes it anyway, so the
    /// known index excludes exactly what `RUNNING` would.
    fn running_static(&self) -> Running {
        match (self.subr, self.proc) {
            (None, Some(p)) => {
                let k = self.cx.sched.index_of(p);
                // A fused member's own step function (its run at time 0)
                // triggers its unit: the unit's other members must see it.
                match k {
                    Some(k) if self.deferred_triggers.is_none() && self.cx.sched.fused.contains_key(&k) => {
                        Running::Known(None)
                    }
                    _ => Running::Known(k),
                }
            }
            _ => Running::Dynamic,
        }
    }
}

/// The bits `mask` of pending word `w` without static process `own`'s (a
/// process misses the events it causes itself).
fn without_own(own: Option<u32>, w: u32, mask: u64) -> u64 {
    match own {
        Some(own) if own / 64 == w => mask & !(1u64 << (own % 64)),
        _ => mask,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::schedule::{plan, tests::elaborate};

    /// By static index: the source line of each process and whether the
    /// runner runs its body in place.
    fn inlined(src: &str) -> Vec<(usize, bool)> {
        let d = elaborate(src);
        let facts = analyse(&d);
        let sched = plan(&d, &facts);
        let line = |p: ProcId| src[..d.procs[p].span.start as usize].matches('\n').count() + 1;
        sched.order.iter().map(|&p| (line(p), inline_body(&d, &facts, &sched, p).is_some())).collect()
    }

    #[test]
    fn the_units_on_a_zero_delay_loop_are_the_ones_that_name_themselves() {
        // lines 3 <-> 4 through `x` and `y`, 6 <-> 7 through `q` and the NBA
        // to `p`, 8 wakes itself; 5 and 9 read what a loop writes, and what
        // they write wakes no loop
        let src = "module t;
reg en = 0, clk = 0; wire x, y; reg [3:0] n = 0, p = 0, q = 0, r = 0, s = 0;
assign x = en & ~y;
assign y = x;
always @(y) n = n + 1;
always @(p) q = p + 1;
always @(posedge clk or q) p <= q;
always @(r) r <= r + 1;
always @(posedge clk) s <= n;
always @(posedge clk) $display(s);
endmodule
";
        let d = elaborate(src);
        let facts = analyse(&d);
        let sched = plan(&d, &facts);
        let line = |p: ProcId| src[..d.procs[p].span.start as usize].matches('\n').count() + 1;
        let closers = loop_closers(&d, &sched);
        let mut on_loops: Vec<usize> =
            sched.order.iter().zip(&closers).filter(|(_, &c)| c).map(|(&p, _)| line(p)).collect();
        on_loops.sort();
        assert_eq!(on_loops, [3, 4, 6, 7, 8]);
    }

    #[test]
    fn small_bodies_run_in_place_and_clocked_ones_may_print_and_finish() {
        let src = "module t;
reg clk = 0, rst = 0; reg [3:0] q = 0, r = 0; wire [3:0] n; integer i, j;
function [3:0] inc(input [3:0] v); inc = v + 1; endfunction
assign n = inc(q);
always @(posedge clk) if (rst) q <= 0; else q <= n;
always @(posedge clk) for (i = 0; i < 4; i = i + 1) r[i] <= q[3 - i];
always @(posedge clk) if (q == 4'hf) $finish;
always @(negedge clk) if (q == 4'he) begin $display(q); $write(\"q\"); end
always @(q) if (q == 4'hd) $display(q);
always @(posedge clk) for (j = 0; j < 4; j = j + 1) if (q == j) $finish;
always @(posedge clk) if (q == 4'hc) $stop;
always @(posedge clk) if (q == 4'hb) $strobe(q);
endmodule
";
        // not in place: a print in a combinational process (one in place
        // may join a fused cone), `$finish` in a loop, `$stop` (the thread
        // resumes after it), `$strobe` (a record in the frame)
        let mut by_line = inlined(src);
        by_line.sort();
        assert_eq!(
            by_line,
            [(4, true), (5, true), (6, true), (7, true), (8, true), (9, false), (10, false), (11, false), (12, false)]
        );
    }

    /// The shifts of the clock's timer body (`gen_timer_body`) when the
    /// clock is declared `clock`: the edge table's is one.
    fn timer_body_shifts(clock: &str) -> usize {
        let src = format!(
            "module t; {clock}; reg [3:0] q = 0, r = 0;
             always #5 clk = ~clk;
             always @(posedge clk) q <= q + 1;
             always @(negedge clk) r <= q;
             endmodule\n"
        );
        let wasm = crate::compile(&elaborate(&src), &Default::default()).expect("compiles");
        let ops = crate::specialize::tests::operators_of_all(&wasm, "timer_body");
        assert!(!ops.is_empty(), "a timer body");
        ops.iter().filter(|op| op.starts_with("I32ShrU")).count()
    }

    #[test]
    fn a_known_clock_tests_its_edges_without_the_edge_table() {
        // `new & !old`: a clock that starts 0 never holds X or Z
        assert_eq!(timer_body_shifts("reg clk = 0"), 0);
        assert_eq!(timer_body_shifts("bit clk"), 0);
        // X at first: the table, which counts X -> 1 as a rising edge
        assert_eq!(timer_body_shifts("reg clk"), 2);
    }

    /// The `i64.ne`s in the runner of a pipeline of three registers that
    /// `reader` reads (a direct NBA's compare of old and new is one).
    fn register_compares(reader: &str, recompute: bool) -> usize {
        let d = elaborate(&format!(
            "module t; reg clk = 0; bit [7:0] r1, r2, r3, y;
             always #5 clk = ~clk;
             always @(posedge clk) begin r1 <= r1 + 1; r2 <= r1; r3 <= r2; end
             {reader}
             endmodule\n"
        ));
        let opts = crate::CodegenOptions { no_recompute_readers: !recompute, ..Default::default() };
        let wasm = crate::compile(&d, &opts).expect("compiles");
        crate::specialize::tests::operators_of_all(&wasm, "runner").iter().filter(|op| *op == "I64Ne").count()
    }

    #[test]
    fn direct_nbas_mark_readers_that_may_run_again_without_comparing() {
        let pure = "wire bit [7:0] x = r1 ^ r2 ^ r3; always_comb y = x + r1;";
        assert_eq!(register_compares(pure, false) - register_compares(pure, true), 3);
        // a reader that prints must run on a change only
        let prints = "always @* if (r1 == r2 + r3) $display(y);";
        assert_eq!(register_compares(prints, false), register_compares(prints, true));
    }

    #[test]
    fn a_large_body_keeps_its_call() {
        let arms: String = (0..64).map(|k| format!("{k}: q <= q ^ {k};\n")).collect();
        let src = format!(
            "module t;\nreg clk = 0; reg [7:0] q = 0;\nalways @(posedge clk) case (q)\n{arms}endcase\nendmodule\n"
        );
        assert_eq!(inlined(&src), vec![(3, false)]);
    }

    #[test]
    fn chunks_cover_every_process_in_order_within_the_budget() {
        let cells: String = (0..800).map(|k| format!("always @(posedge clk) q{k} <= q{k} + {k};\n")).collect();
        let regs: String = (0..800).map(|k| format!("reg [7:0] q{k} = 0;\n")).collect();
        let src = format!("module t;\nreg clk = 0;\n{regs}{cells}endmodule\n");
        let d = elaborate(&src);
        let facts = analyse(&d);
        let sched = plan(&d, &facts);
        let bodies: Vec<Option<Body>> = sched
            .order
            .iter()
            .map(|&p| inline_body(&d, &facts, &sched, p).map(|b| b.into_iter().map(|s| (p, s)).collect()))
            .collect();
        assert!(bodies.iter().all(Option::is_some));
        let sizes: Vec<usize> =
            bodies.iter().flatten().map(|b| b.iter().map(|&(_, s)| stmt_nodes(&d, s)).sum()).collect();
        let chunks = split_into_chunks(&sizes);
        assert!(chunks.len() > 1, "{chunks:?}");
        assert_eq!(chunks.first().map(|c| c.start), Some(0));
        assert_eq!(chunks.last().map(|c| c.end), Some(800));
        for pair in chunks.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        for c in &chunks {
            let size: usize = bodies[c.clone()].iter().flatten().flatten().map(|&(_, s)| stmt_nodes(&d, s)).sum();
            assert!(size <= CHUNK_MAX_NODES, "{c:?}: {size}");
        }
    }
}
