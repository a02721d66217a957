//! Specialize static bodies for known inputs: a second version of a run
//! of statements, taken when no signal it reads holds an X or Z bit.
//!
//! A 4-state value costs each operation on both planes plus the tests
//! that propagate X (IEEE 1364-2005 5.1). In an RTL design past its reset
//! nearly every value is known, so the code ORs the unknown planes of the
//! signals a run reads ([`known_candidates`]) and, when that is 0, runs
//! a version generated as if those reads were two-state (`Lower::known`:
//! their loads leave out the unknown plane, and `crate::fast` picks the
//! two-state formula of every operation they feed). Otherwise the general
//! version runs, so the results are the same bit for bit:
//!
//! ```text
//! if (b(s1) | b(s2) | ...) == 0 { run, reads of s1, s2, ... known }
//! else                          { run }
//! ```
//!
//! A static body is cut into runs at its large branches
//! ([`Lower::stmts_split`]): a branch's condition is evaluated in general
//! and each of its arms is split in turn, so one signal holding X leaves
//! the runs that do not read it known. Guarding a whole body instead:
//! picorv32's state machine reads 71 signals and some of them always
//! hold X, so its guard never held.
//!
//! Only what the guard tested is assumed. A read of a signal the run
//! writes itself is not (its value may be one the run made, which can be
//! X: an X constant, a division by zero), nor one of an array element at
//! an index only known at run time, a wide value or a non-static place; a
//! run that calls a function (which may write any signal) is not
//! specialized at all. An element at a constant index has a fixed place,
//! like a signal (`outs[3]` of a wire array that generated instances
//! drive). Signals some
//! assignment gives an X constant (`Facts::likely_unknown`) are left out
//! of guards: they would make them fail as often as they hold X.
//!
//! Without a guard, the variable of a `for` loop that starts at a known
//! constant and only steps by a constant ([`induction_loops`]) is read as
//! known while the loop runs: nothing else can write it meanwhile.

use crate::analysis::{expr_any, tree_reads, walk_stmts, written_signals};
use crate::fast::LoadForm;
use crate::func::Term;
use crate::lower::{Addr, Ctx, Lower};
use std::collections::{BTreeSet, HashMap};
use wasm_encoder::Instruction as I;
use wsim_ir::{BinOp, Design, ExprId, ExprKind, ProcId, SignalId, StmtId, StmtKind};
use wsim_layout::Place;

/// A read a guard can test: (reading process, signal, and for an array
/// the flat index of a constant element).
pub type Guarded = (ProcId, SignalId, Option<u64>);

/// The reads a known version may assume: whole 4-state signals of at most
/// 64 bits, and elements at constant indices of arrays of such values, in
/// a static place that the body does not write. Empty when the body calls
/// a function.
pub fn known_candidates(cx: &Ctx, stmts: &[(ProcId, StmtId)]) -> Vec<Guarded> {
    let d = cx.d;
    if stmts.iter().any(|&(_, s)| calls_a_function(d, s)) {
        return vec![];
    }
    let written = writes(d, stmts.iter().map(|&(_, s)| s));
    let mut out = vec![];
    for &(owner, s) in stmts {
        let elems = constant_elements(d, s);
        let reads = tree_reads(d, s).into_iter().map(|sig| (sig, None));
        for (sig, elem) in reads.chain(elems.into_iter().map(|(sig, k)| (sig, Some(k)))) {
            let info = &d.signals[sig];
            let fits = may_be_unknown(cx, sig) && info.ty.width <= 64 && (info.elements() == 1) == elem.is_none();
            let is_static = matches!(cx.lay.signals[sig.index()].place, Place::Static(_));
            // what nothing writes keeps its initial X or Z: its guard would
            // always fail; a don't-care X would make it fail as often
            let driven = cx.facts.written[sig.index()] && !cx.facts.likely_unknown[sig.index()];
            if fits && is_static && driven && !written.contains(&sig) && !out.contains(&(owner, sig, elem)) {
                out.push((owner, sig, elem));
            }
        }
    }
    out
}

/// The array elements the tree under `s` reads at constant indices, as
/// (array, flat index), in range.
fn constant_elements(d: &Design, s: StmtId) -> BTreeSet<(SignalId, u64)> {
    fn visit(d: &Design, e: ExprId, out: &mut BTreeSet<(SignalId, u64)>) {
        let kind = &d.exprs[e].kind;
        if let ExprKind::ArrayElem { sig, indices } = kind {
            if let Some(flat) = flat_index(d, *sig, indices) {
                out.insert((*sig, flat));
            }
        }
        for c in kind.children() {
            visit(d, c, out);
        }
    }
    let mut out = BTreeSet::new();
    walk_stmts(d, s, &mut |c| {
        for e in d.stmts[c].kind.exprs() {
            visit(d, e, &mut out);
        }
    });
    out
}

/// The flat index of `sig[indices]` when every index is a known constant
/// in range (as `Lower::elem_addr` computes it).
pub(crate) fn flat_index(d: &Design, sig: SignalId, indices: &[ExprId]) -> Option<u64> {
    let dims = &d.signals[sig].dims;
    if indices.len() != dims.len() {
        return None;
    }
    let mut flat = 0u64;
    for (&i, dim) in indices.iter().zip(dims) {
        let ExprKind::Const(c) = &d.exprs[i].kind else { return None };
        let v = c.to_u64().filter(|_| c.is_known())?;
        if v >= dim.size() {
            return None;
        }
        flat = flat * dim.size() + v;
    }
    Some(flat)
}

/// Specialize only a body of at least this many IR nodes per guarded
/// signal: a guard costs a load and an OR per signal on every activation,
/// and fails whenever one of them holds X (picorv32 writes `'bx` as a
/// don't-care into registers several bodies read, so about half of its
/// guards fail). Instructions per cycle (bench/instructions.py) against
/// no specialization, rv32_pipe / ring N=16 / picorv32: every body with a
/// guard -7.6% / -5.5% / +1.8%; 3 nodes per signal -6.5% / -6.7% /
/// +2.8%; 6 nodes -4.9% / -6.0% / -0.7%. Nodes are counted by
/// [`known_gain`] (truth codes weigh more), signals by
/// [`guarded_signals`]; with those, 2 nodes per signal ran 1.7% / 2.7%
/// fewer instructions on rv32_pipe / picorv32 than 6 but took 1.16x /
/// 1.13x the time (the guards that fail on picorv32's X don't-cares
/// mispredict). Once `&&` and `||` with known operands lost their
/// branches (`Lower::logical`), 5 nodes ran rv32_pipe / ring N=16 /
/// picorv32 at 2106 / 1676 / 2758 instructions per cycle against 6's
/// 2230 / 1676 / 2756 (its forwarding unit gets a known version), and
/// rv32_pipe at 0.95x the time (bench/ab.py, 12 rounds, 0.89-1.01x across
/// layouts); 4 nodes: 2148 / 1695 / 2729.
const NODES_PER_GUARDED: usize = 5;

/// [`NODES_PER_GUARDED`] for a run of nonblocking assignments only (the
/// registers a clocked block updates before its first large branch,
/// picorv32's `is_lui_auipc_jal <= |{instr_lui, instr_auipc, instr_jal}`
/// and five more): each one's general version also compares both planes
/// of the new value with the register's to decide whether it changed, so
/// a node is worth more there. Instructions per cycle, rv32_pipe / ring
/// N=16 / picorv32, against 5: 2 and 3 nodes 1700 / 1448 / 2330 and 2329
/// against 2377 (the one new guard, over 16 signals, held in 49,985 of
/// 50,001 cycles); 4 nodes changed nothing.
const NODES_PER_GUARDED_NBAS: usize = 3;

/// True if `stmts` get a known version ([`emit_specialized`]).
pub fn worth_specializing(cx: &Ctx, stmts: &[(ProcId, StmtId)]) -> bool {
    guarded_reads(cx, stmts).is_some()
}

/// The reads the guard of `stmts` tests ([`known_candidates`]), or None
/// when the body is too small for them ([`NODES_PER_GUARDED`]).
fn guarded_reads(cx: &Ctx, stmts: &[(ProcId, StmtId)]) -> Option<Vec<Guarded>> {
    if !cx.known_values {
        return None;
    }
    let reads = known_candidates(cx, stmts);
    let nodes: usize = stmts.iter().map(|&(_, s)| known_gain(cx.d, s)).sum();
    let nbas_only = stmts.iter().all(|&(_, s)| matches!(cx.d.stmts[s].kind, StmtKind::NonBlocking { .. }));
    let per_signal = if nbas_only { NODES_PER_GUARDED_NBAS } else { NODES_PER_GUARDED };
    (!reads.is_empty() && nodes >= per_signal * guarded_signals(&reads)).then_some(reads)
}

/// The places the guard of `reads` tests: a signal that several processes
/// of a fused unit read is tested once (rv32_pipe's decode unit: eleven
/// processes, one `d_ir`).
fn guarded_signals(reads: &[Guarded]) -> usize {
    reads.iter().map(|&(_, sig, elem)| (sig, elem)).collect::<BTreeSet<_>>().len()
}

/// The IR nodes of statement `s`, counting [`TRUTH_WEIGHT`] for each
/// whose four-state formula costs several times its known one.
fn known_gain(d: &Design, s: StmtId) -> usize {
    let mut n = 0;
    walk_stmts(d, s, &mut |c| {
        let branches = matches!(d.stmts[c].kind, StmtKind::If { .. } | StmtKind::Case { .. });
        n += if branches { TRUTH_WEIGHT } else { 1 };
        n += d.stmts[c].kind.exprs().into_iter().map(|e| expr_gain(d, e)).sum::<usize>();
    });
    n
}

fn expr_gain(d: &Design, e: ExprId) -> usize {
    let kind = &d.exprs[e].kind;
    let own = if costs_truth(kind) { TRUTH_WEIGHT } else { 1 };
    own + kind.children().into_iter().map(|c| expr_gain(d, c)).sum::<usize>()
}

/// An operation whose four-state formula computes truth codes or an X
/// test (a comparison: an XOR, an OR of both unknown planes, two tests and
/// a select, where the known one is a compare), as a branch's condition
/// does, counted this many nodes by [`known_gain`]. With it picorv32
/// runs 3042 -> 2924 instructions per cycle. rv32_pipe's forwarding unit
/// (`m_valid && m_rd != 0 && m_rd == e_rs1`, 242 instructions per cycle
/// in its general version) weighs 92 for 16 places: short of 6 nodes
/// each, enough for [`NODES_PER_GUARDED`]'s 5.
const TRUTH_WEIGHT: usize = 3;

fn costs_truth(kind: &ExprKind) -> bool {
    use wsim_ir::UnOp;
    match kind {
        ExprKind::Binary { op, .. } => matches!(
            op,
            BinOp::Eq
                | BinOp::Ne
                | BinOp::Lt
                | BinOp::Le
                | BinOp::Gt
                | BinOp::Ge
                | BinOp::LogAnd
                | BinOp::LogOr
                | BinOp::Add
                | BinOp::Sub
                | BinOp::Mul
        ),
        ExprKind::Unary { op, .. } => !matches!(op, UnOp::BitNot),
        ExprKind::Cond { .. } => true,
        _ => false,
    }
}

/// Generate `body` once, or twice behind the guard described in the
/// module doc when [`worth_specializing`].
fn emit_specialized(l: &mut Lower, stmts: &[(ProcId, StmtId)], body: impl Fn(&mut Lower)) {
    let Some(reads) = guarded_reads(l.cx, stmts) else {
        body(l);
        return;
    };
    let guarded = addresses(l, &reads);
    let outputs = known_outputs(l, stmts, &guarded);
    let tested: BTreeSet<u32> = guarded.iter().chain(&outputs).copied().collect();
    // (b(s1) | b(s2) | ...) == 0
    for (k, &at) in tested.iter().enumerate() {
        // a loop keeping the signal in locals stores them first
        // (`crate::promote`)
        if !l.promoted.is_empty() {
            l.flush_loop_local(at);
        }
        l.push_plane_load(at, 8, LoadForm::Guard);
        if k > 0 {
            l.i(I::I64Or);
        }
    }
    // any X or Z: the general version. Branching there (not to the known
    // version) makes the known version the fall-through Cranelift lays
    // out, so the common path takes no jump.
    l.i(I::I64Const(0));
    l.i(I::I64Ne);
    let [known, general, join] = [(); 3].map(|_| l.f.new_block());
    l.f.terminate(Term::Branch(general, known));
    l.f.switch_to(known);
    let mut bval_zero = stored_known_once(l, stmts, &reads, &guarded);
    bval_zero.extend(outputs);
    bval_zero.sort_unstable();
    l.bval_zero = bval_zero;
    l.known = guarded;
    body(l);
    l.known = vec![];
    l.bval_zero = vec![];
    l.f.goto(join);
    l.f.switch_to(general);
    body(l);
    l.f.goto(join);
    // behind both versions' blocks, so that the jumps to it go forward
    l.f.place_last(join);
    l.f.switch_to(join);
}

/// The arena addresses the reads load (a process reads the copy of an old
/// value where `crate::direct_nbas` made one), sorted.
fn addresses(l: &mut Lower, reads: &[Guarded]) -> Vec<u32> {
    let saved = l.proc;
    let mut at = BTreeSet::new();
    for &(owner, sig, elem) in reads {
        l.proc = Some(owner);
        let span = l.d().signals[sig].span;
        match elem {
            None => {
                if let Addr::Abs(o) = l.read_addr(sig, span) {
                    at.insert(o);
                }
            }
            Some(k) => {
                if let Addr::Abs(o) = l.sig_addr(sig, span) {
                    at.insert(o + k as u32 * l.cx.lay.signals[sig.index()].elem_bytes);
                }
            }
        }
    }
    l.proc = saved;
    at.into_iter().collect()
}

/// The guarded addresses (`guarded`, of `reads`) that the run `stmts`
/// stores to in place, by one statement at most, sorted: in the known
/// version their unknown plane is 0 until that statement stores a value
/// that may hold X, so a store of a known value there can leave the
/// plane as it is (`Lower::bval_zero`). A signal read through a copy of
/// its old value (`crate::direct_nbas`) is not stored where it is read.
fn stored_known_once(l: &mut Lower, stmts: &[(ProcId, StmtId)], reads: &[Guarded], guarded: &[u32]) -> Vec<u32> {
    let counts = store_counts(l.d(), stmts.iter().map(|&(_, s)| s));
    let saved = l.proc;
    let mut out = BTreeSet::new();
    for &(owner, sig, elem) in reads {
        if counts.get(&sig).copied().unwrap_or(0) > 1 {
            continue;
        }
        l.proc = Some(owner);
        let span = l.d().signals[sig].span;
        let Addr::Abs(o) = l.sig_addr(sig, span) else { continue };
        let at = o + elem.map_or(0, |k| k as u32 * l.cx.lay.signals[sig.index()].elem_bytes);
        if guarded.binary_search(&at).is_ok() {
            out.insert(at);
        }
    }
    l.proc = saved;
    out.into_iter().collect()
}

/// The addresses of the signals the run `stmts` stores to in place, as a
/// whole, by one statement at most, that it does not read: the guard
/// tests their unknown planes too, so that in the known version a store
/// of a known value to one need not write its plane (`Lower::bval_zero`),
/// nor a comparison with the old value read it. Only where that
/// statement is one of the run's own (not under a branch) and reads
/// guarded signals alone: the value it stores is then known, and a guard
/// that held once keeps holding.
fn known_outputs(l: &mut Lower, stmts: &[(ProcId, StmtId)], guarded: &[u32]) -> Vec<u32> {
    let d = l.d();
    let counts = store_counts(d, stmts.iter().map(|&(_, s)| s));
    let saved = l.proc;
    let mut out = BTreeSet::new();
    for &(owner, s) in stmts {
        let Some(sig) = whole_target_in_place(l, s) else { continue };
        let info = &d.signals[sig];
        let fits = may_be_unknown(l.cx, sig) && info.ty.width <= 64 && info.elements() == 1;
        let driven = !l.cx.facts.likely_unknown[sig.index()];
        if !(fits && driven && counts.get(&sig) == Some(&1)) {
            continue;
        }
        l.proc = Some(owner);
        let inputs_guarded = tree_reads(d, s).into_iter().all(|r| read_guarded(l, r, guarded));
        if let (true, Addr::Abs(at)) = (inputs_guarded, l.sig_addr(sig, info.span)) {
            if guarded.binary_search(&at).is_err() && !l.in_two_state_storage(at) {
                out.insert(at);
            }
        }
    }
    l.proc = saved;
    out.into_iter().collect()
}

/// True if the current process's read of `r` has no unknown plane in the
/// known version of a run whose guard tests `guarded`: the place it reads
/// is one of them (another signal's name for it counts, as a port's
/// does), or its value is two-state.
fn read_guarded(l: &mut Lower, r: SignalId, guarded: &[u32]) -> bool {
    if !may_be_unknown(l.cx, r) {
        return true;
    }
    let info = &l.d().signals[r];
    matches!(l.read_addr(r, info.span), Addr::Abs(at) if guarded.binary_search(&at).is_ok() || l.in_two_state_storage(at))
}

/// True if signal `sig` can hold X or Z: four-state and not a known
/// variable (`crate::infer_known`).
fn may_be_unknown(cx: &Ctx, sig: SignalId) -> bool {
    cx.d.signals[sig].ty.four_state && !cx.known_variables[sig.index()]
}

/// The signal statement `c` stores to in place as a whole: a blocking
/// assignment's, or a direct nonblocking one's (`crate::direct_nbas`),
/// whose target is a whole signal in a static place.
fn whole_target_in_place(l: &Lower, c: StmtId) -> Option<SignalId> {
    let d = l.d();
    let lhs = match d.stmts[c].kind {
        StmtKind::Assign { lhs, .. } => lhs,
        StmtKind::NonBlocking { lhs, delay: None, .. } if l.writes_directly(lhs) => lhs,
        _ => return None,
    };
    let ExprKind::Signal(sig) = d.exprs[lhs].kind else { return None };
    matches!(l.cx.lay.signals[sig.index()].place, Place::Static(_)).then_some(sig)
}

/// How many statements under `stmts` may store to each signal: blocking,
/// nonblocking and delayed assignments, and system tasks and functions
/// that write the signal.
fn store_counts(d: &Design, stmts: impl IntoIterator<Item = StmtId>) -> HashMap<SignalId, usize> {
    let mut counts = HashMap::new();
    for s in stmts {
        walk_stmts(d, s, &mut |c| {
            let mut ws = stored_by(d, c, true);
            ws.sort();
            ws.dedup();
            for sig in ws {
                *counts.entry(sig).or_default() += 1;
            }
        });
    }
    counts
}

/// The signals statement `c` itself may store to: its assignment's
/// targets (a nonblocking one's only `with_nonblocking`) and the signals
/// it passes to a system task or function that writes them (`$fscanf`,
/// `$random(seed)`; not `$display`, whose clocked blocks in testbenches
/// would otherwise lose their known versions).
fn stored_by(d: &Design, c: StmtId, with_nonblocking: bool) -> Vec<SignalId> {
    let kind = &d.stmts[c].kind;
    let mut ws = vec![];
    let mut args = vec![];
    match kind {
        StmtKind::Assign { lhs, .. } | StmtKind::AssignAfter { lhs, .. } => written_signals(d, *lhs, &mut ws),
        StmtKind::NonBlocking { lhs, .. } if with_nonblocking => written_signals(d, *lhs, &mut ws),
        StmtKind::SysTask { name, args: a, .. } if !wsim_ir::sys_task_reads_only(name) => {
            args.extend(a.iter().flatten().copied())
        }
        _ => {}
    }
    for e in kind.exprs() {
        sys_func_args(d, e, &mut args);
    }
    ws.extend(args.into_iter().filter_map(|a| match d.exprs[a].kind {
        ExprKind::Signal(sig) => Some(sig),
        _ => None,
    }));
    ws
}

/// Every signal the statements may change while they run: blocking
/// assignment targets and the signals passed to a system task or function
/// (some, like `$fscanf` or `$random(seed)`, write them). A nonblocking
/// assignment changes its target after the body, as far as the body's
/// reads go (a direct NBA's process reads the copy of the old value, made
/// before the guard: `Lower::read_addr`).
fn writes(d: &Design, stmts: impl IntoIterator<Item = StmtId>) -> BTreeSet<SignalId> {
    let mut ws = BTreeSet::new();
    for s in stmts {
        walk_stmts(d, s, &mut |c| ws.extend(stored_by(d, c, false)));
    }
    ws
}

/// The arguments that system function calls in expression `e` write.
fn sys_func_args(d: &Design, e: wsim_ir::ExprId, out: &mut Vec<wsim_ir::ExprId>) {
    let kind = &d.exprs[e].kind;
    if let ExprKind::SysFunc { name, args, .. } = kind {
        out.extend(args.iter().enumerate().filter(|&(i, _)| wsim_ir::sys_func_writes(name, i)).map(|(_, &a)| a));
    }
    for c in kind.children() {
        sys_func_args(d, c, out);
    }
}

/// True if a statement under `s` calls a function or a task.
pub(crate) fn calls_a_function(d: &Design, s: StmtId) -> bool {
    let mut found = false;
    walk_stmts(d, s, &mut |c| {
        let kind = &d.stmts[c].kind;
        found |= matches!(kind, StmtKind::Call { .. })
            || kind
                .exprs()
                .into_iter()
                .any(|e| crate::analysis::expr_any(d, e, &|k| matches!(k, ExprKind::Call { .. })));
    });
    found
}

/// A branch of at least this many IR nodes is not part of a run of
/// statements ([`Lower::stmts_split`]). Instructions per cycle
/// (bench/instructions.py, rv32_pipe / picorv32 / ring N=16) against one
/// guard per body: 25 -3.8% / -1.6% / -9.7%; 40 -3.8% / -1.9% / -9.7%;
/// 60 -0.9% / -0.7% / -9.7%.
const SPLIT_MIN_NODES: usize = 40;

/// Generate `stmts` (each with its process), a static body's, in runs
/// with known versions ([`Lower::stmts_split`]).
pub fn emit_in_runs(l: &mut Lower, stmts: &[(ProcId, StmtId)]) {
    l.split_known = true;
    l.stmts_split(stmts);
    l.split_known = false;
}

impl Lower<'_, '_> {
    /// For a loop of [`induction_loops`] whose variable lives at a static
    /// address it does not already read as known: that address, added to
    /// `known` while the loop is generated (the caller takes it out).
    pub fn induction_known(&mut self, lp: StmtId) -> Option<u32> {
        if !self.cx.known_values {
            return None;
        }
        let k = self.cx.facts.induction.get(&lp)?.var;
        let info = &self.d().signals[k];
        if !info.ty.four_state || info.ty.width > 64 || info.elements() != 1 {
            return None;
        }
        let Addr::Abs(at) = self.read_addr(k, info.span) else { return None };
        let Err(slot) = self.known.binary_search(&at) else { return None };
        self.known.insert(slot, at);
        Some(at)
    }

    /// Statements of a static body: each large branch generated in turn
    /// (its arms' blocks come back here through `Lower::stmt` while
    /// `split_known` is set), the statements between them in runs
    /// generated by [`emit_specialized`].
    pub fn stmts_split(&mut self, stmts: &[(ProcId, StmtId)]) {
        let d = self.d();
        let mut run = vec![];
        for &(p, s) in stmts {
            let branch = matches!(
                d.stmts[s].kind,
                StmtKind::If { .. } | StmtKind::Case { .. } | StmtKind::Block { name: None, .. }
            );
            if branch && crate::runner::stmt_nodes(d, s) >= SPLIT_MIN_NODES {
                self.run_known(&std::mem::take(&mut run));
                self.proc = Some(p);
                self.stmt(s);
            } else {
                run.push((p, s));
            }
        }
        self.run_known(&run);
    }

    /// One run, with no splitting inside it: both of its versions are
    /// generated whole.
    fn run_known(&mut self, run: &[(ProcId, StmtId)]) {
        self.split_known = false;
        emit_specialized(self, run, |l| {
            for &(p, s) in run {
                l.proc = Some(p);
                l.stmt(s);
            }
        });
        self.split_known = true;
    }
}

/// The loops whose variable is known while they run, each with its
/// variable: `k = c; while (cond) body step k = k + d;` (a `for` loop)
/// with known constants `c` and `d`, a condition and body that neither
/// write `k` nor call anything nor suspend (so no other thread runs
/// while they do). `k` holds no X or Z from the first test of the
/// condition to the loop's end, and `Lower` reads it as two-state there,
/// as a known version does its guarded signals: the index of `a[k]`, the
/// test and the step then need no unknown plane.
pub fn induction_loops(d: &Design, subr_waits: &[bool]) -> HashMap<StmtId, Induction> {
    let mut loops = HashMap::new();
    for (_, st) in d.stmts.iter() {
        let StmtKind::Block { stmts, .. } = &st.kind else { continue };
        for pair in stmts.windows(2) {
            if let Some(k) = induction_variable(d, pair[0], pair[1], subr_waits) {
                loops.insert(pair[1], k);
            }
        }
    }
    loops
}

/// The variable of a loop of [`induction_loops`], and the values it can
/// hold while the loop's body runs when the loop's condition bounds them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Induction {
    pub var: SignalId,
    /// Inclusive bounds, when known (see [`body_range`]).
    pub body_range: Option<(i64, i64)>,
    /// The value before the first test, and the step.
    pub start: i64,
    pub by: i64,
}

impl Induction {
    /// The values the variable holds in the body's runs, in order, when
    /// the condition bounds them and there are at most `most` of them.
    pub fn body_values(&self, most: usize) -> Option<Vec<i64>> {
        let (lo, hi) = self.body_range?;
        if self.by == 0 {
            return None;
        }
        let span = if self.by > 0 { hi - self.start } else { self.start - lo };
        let runs = if span < 0 { 0 } else { span / self.by.abs() + 1 };
        (runs <= most as i64).then(|| (0..runs).map(|j| self.start + j * self.by).collect())
    }
}

/// The variable of `lp` when `init` assigns it a known constant and `lp`
/// is a loop that only steps it by a constant (see [`induction_loops`]).
fn induction_variable(d: &Design, init: StmtId, lp: StmtId, subr_waits: &[bool]) -> Option<Induction> {
    let StmtKind::Assign { lhs, rhs } = &d.stmts[init].kind else { return None };
    let ExprKind::Signal(k) = d.exprs[*lhs].kind else { return None };
    let StmtKind::Loop { cond, body, step: Some(step) } = &d.stmts[lp].kind else { return None };
    let StmtKind::Assign { lhs: step_lhs, rhs: step_rhs } = &d.stmts[*step].kind else { return None };
    let start = known_value(d, *rhs)?;
    let by = match &d.exprs[*step_rhs].kind {
        ExprKind::Binary { op: op @ (BinOp::Add | BinOp::Sub), lhs: a, rhs: b } if matches!(d.exprs[*a].kind, ExprKind::Signal(x) if x == k) =>
        {
            let c = known_value(d, *b)?;
            if *op == BinOp::Add {
                Some(c)
            } else {
                c.checked_neg()
            }
        }
        _ => None,
    }?;
    let steps_k = matches!(d.exprs[*step_lhs].kind, ExprKind::Signal(x) if x == k);
    // a system function in the condition could write `k` (`$fscanf`)
    let cond_calls = cond.is_some_and(|c| expr_any(d, c, &|x| matches!(x, ExprKind::SysFunc { .. })));
    let writes_k = cond_calls || writes(d, [*body]).contains(&k);
    let quiet = !calls_a_function(d, lp) && !crate::analysis::stmt_waits(d, lp, subr_waits);
    let body_range = cond.and_then(|c| body_range(d, k, start, by, c));
    (steps_k && !writes_k && quiet).then_some(Induction { var: k, body_range, start, by })
}

/// A known constant of at most 64 bits as an i64 (sign-extended when
/// signed), if it fits in 63 bits.
fn known_value(d: &Design, e: wsim_ir::ExprId) -> Option<i64> {
    let ExprKind::Const(c) = &d.exprs[e].kind else { return None };
    if c.width > 64 {
        return None;
    }
    let v = crate::fast::sign_extended(c.to_u64()? as i64, c.width, c.signed);
    (c.width < 64 || v >= 0).then_some(v)
}

/// The values variable `k` (stepped by `by` from `start`) holds in the
/// body of a loop whose condition is `cond`, as inclusive bounds: for
/// `k < B`, `k <= B`, `k > B` and `k >= B` with a constant `B`, when
/// every value `k` takes, up to the one that ends the loop, is between 0
/// and the largest positive value of `k`'s width. Then no step wraps, and
/// the comparison gives the same answer signed or unsigned.
fn body_range(d: &Design, k: SignalId, start: i64, by: i64, cond: wsim_ir::ExprId) -> Option<(i64, i64)> {
    let ExprKind::Binary { op, lhs, rhs } = &d.exprs[cond].kind else { return None };
    if !matches!(d.exprs[*lhs].kind, ExprKind::Signal(x) if x == k) {
        return None;
    }
    let bound = known_value(d, *rhs)?;
    let width = d.signals[k].ty.width;
    if !(2..=63).contains(&width) {
        return None;
    }
    let max = (1i64 << (width - 1)) - 1;
    let (lo, hi) = match (op, by > 0) {
        (BinOp::Lt, true) => (start, bound.checked_sub(1)?),
        (BinOp::Le, true) => (start, bound),
        (BinOp::Gt, false) => (bound.checked_add(1)?, start),
        (BinOp::Ge, false) => (bound, start),
        _ => return None,
    };
    // the value that ends the loop, one step past the range
    let (first_out, last_out) = if by > 0 { (start, hi.checked_add(by)?) } else { (lo.checked_add(by)?, start) };
    let fits = |v: i64| (0..=max).contains(&v);
    (fits(first_out) && fits(last_out) && fits(lo) && fits(hi)).then_some((lo, hi))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::{constant_elements, guarded_signals, induction_loops, known_gain, NODES_PER_GUARDED, TRUTH_WEIGHT};
    use crate::analysis::analyse;
    use crate::schedule::tests::elaborate;

    #[test]
    fn a_loop_that_only_steps_its_known_start_has_a_known_variable() {
        let d = elaborate(
            "module t; integer i, j, n; reg [7:0] a;
             initial begin
               for (i = 0; i < 4; i = i + 1) a = a + i;
               for (j = 0; j < 4; j = j + 1) if (a[0]) j = j + 1;
               for (n = 'bx; n < 4; n = n + 1) a = a + 1;
               for (i = 9; i > 0; i = i - 3) #1 a = a + 1;
             end endmodule\n",
        );
        let facts = analyse(&d);
        let vars: Vec<&str> =
            induction_loops(&d, &facts.subr_waits).values().map(|k| d.signals[k.var].name.as_str()).collect();
        // not j (its body writes it), n (an X start) or the loop that waits
        assert_eq!(vars, ["i"]);
    }

    #[test]
    fn a_bounded_loop_variable_has_the_range_its_condition_allows() {
        let d = elaborate(
            "module t; integer i; reg [3:0] n; reg [7:0] a;
             initial begin
               for (i = 0; i < 16; i = i + 1) a = a + i;
               for (i = 15; i >= 3; i = i - 2) a = a + i;
               for (i = 2; i <= 30; i = i + 4) a = a + i;
               for (i = 9; i >= 0; i = i - 1) a = a + i;
               for (i = 32'hffff_fffe; i < 4; i = i + 1) a = a + i;
               for (n = 4'd0; n < 4'd7; n = n + 4'd1) a = a + n;
               for (n = 4'd0; n < 4'd8; n = n + 4'd1) a = a + n;
               for (n = 4'd1; n != 4'd6; n = n + 4'd1) a = a + n;
               for (i = 0; i <= 2147483647; i = i + 1) a = a + i;
             end endmodule\n",
        );
        let facts = analyse(&d);
        let mut loops: Vec<_> = induction_loops(&d, &facts.subr_waits).into_iter().collect();
        loops.sort_by_key(|(lp, _)| d.stmts[*lp].span.start);
        let ranges: Vec<Option<(i64, i64)>> = loops.iter().map(|(_, k)| k.body_range).collect();
        // None: a value below 0 (the step that ends the fourth loop, the
        // start of the fifth, -2), past the largest positive 4-bit value
        // (the step that ends the seventh), a `!=` condition, a step that
        // would wrap a 32-bit integer
        assert_eq!(ranges, [Some((0, 15)), Some((3, 15)), Some((2, 30)), None, None, Some((0, 6)), None, None, None]);
    }

    #[test]
    fn a_bounded_loop_lists_the_values_its_body_sees() {
        let d = elaborate(
            "module t; integer i; reg [7:0] a;
             initial begin
               for (i = 15; i >= 3; i = i - 2) a = a + i;
               for (i = 2; i <= 30; i = i + 4) a = a + i;
               for (i = 5; i < 3; i = i + 1) a = a + i;
               for (i = 0; i < 9; i = i + 1) a = a + i;
             end endmodule\n",
        );
        let facts = analyse(&d);
        let mut loops: Vec<_> = induction_loops(&d, &facts.subr_waits).into_iter().collect();
        loops.sort_by_key(|(lp, _)| d.stmts[*lp].span.start);
        let values: Vec<Option<Vec<i64>>> = loops.iter().map(|(_, k)| k.body_values(8)).collect();
        // the last loop runs its body 9 times, more than the 8 asked for
        assert_eq!(
            values,
            [Some(vec![15, 13, 11, 9, 7, 5, 3]), Some(vec![2, 6, 10, 14, 18, 22, 26, 30]), Some(vec![]), None]
        );
    }

    /// The operators of the runner of the design `src` compiled with
    /// `opts`.
    pub(crate) fn runner_operators(src: &str, opts: &crate::CodegenOptions) -> Vec<String> {
        let wasm = crate::compile(&elaborate(src), opts).expect("compiles");
        operators_of(&wasm, "runner")
    }

    /// The operators of the generated function named `name` in `wasm`.
    pub(crate) fn operators_of(wasm: &[u8], name: &str) -> Vec<String> {
        let mut found = operators_of_functions(wasm, |n| n == name);
        assert_eq!(found.len(), 1, "one function named {name}");
        found.pop().expect("one")
    }

    /// The operators of the generated functions whose names start with
    /// `prefix` (a runner split into chunks), one after the other.
    pub(crate) fn operators_of_all(wasm: &[u8], prefix: &str) -> Vec<String> {
        operators_of_functions(wasm, |n| n.starts_with(prefix)).concat()
    }

    fn operators_of_functions(wasm: &[u8], wanted: impl Fn(&str) -> bool) -> Vec<Vec<String>> {
        use wasmparser::{Name, Parser, Payload};
        let (mut imported, mut bodies, mut indices) = (0, vec![], vec![]);
        for payload in Parser::new(0).parse_all(wasm) {
            match payload.expect("valid wasm") {
                Payload::ImportSection(r) => {
                    imported = r
                        .into_imports()
                        .filter(|i| matches!(i, Ok(i) if matches!(i.ty, wasmparser::TypeRef::Func(_))))
                        .count() as u32
                }
                Payload::CodeSectionEntry(body) => bodies.push(body),
                Payload::CustomSection(c) => {
                    if let wasmparser::KnownCustom::Name(names) = c.as_known() {
                        for n in names.into_iter().flatten() {
                            if let Name::Function(map) = n {
                                indices.extend(map.into_iter().flatten().filter(|f| wanted(f.name)).map(|f| f.index));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        let operators = |index: u32| -> Vec<String> {
            let ops = bodies[(index - imported) as usize].get_operators_reader().expect("a body");
            ops.into_iter().map(|op| format!("{:?}", op.expect("an operator"))).collect()
        };
        indices.into_iter().map(operators).collect()
    }

    #[test]
    fn only_the_system_tasks_and_functions_that_write_an_argument_write_it() {
        let d = elaborate(
            "module t; reg clk; reg [7:0] a, b, c, s, m [0:3]; integer fd, r;
             always @(posedge clk) begin
               $display(\"%d %d\", a, $signed(c));
               if (a == 8'd10) $finish;
               $readmemh(\"f.hex\", m);
               r = $fscanf(fd, \"%d\", b);
               c <= $random(s);
             end endmodule\n",
        );
        let names = |ws: std::collections::BTreeSet<wsim_ir::SignalId>| {
            ws.into_iter().map(|s| d.signals[s].name.clone()).collect::<Vec<_>>()
        };
        let body = d.procs.iter().next().expect("a process").1.body;
        // `c` is an NBA's target: the body reads its old value
        assert_eq!(names(super::writes(&d, [body])), ["b", "s", "m", "r"]);
    }

    #[test]
    fn truth_codes_weigh_more_and_shared_reads_count_once() {
        let d = elaborate(
            "module t; reg a; reg [4:0] b, c, y; reg z;
             always @* z = a && b == c;
             always @* y = {b[1:0], c[2:0]};
             endmodule\n",
        );
        let bodies: Vec<_> = d.procs.iter().map(|(p, proc)| (p, proc.body)).collect();
        let gains: Vec<usize> = bodies.iter().map(|&(_, s)| known_gain(&d, s)).collect();
        let nodes: Vec<usize> = bodies.iter().map(|&(_, s)| crate::runner::stmt_nodes(&d, s)).collect();
        // the two operators of the first weigh TRUTH_WEIGHT each: enough
        // for a guard of its three signals, as one node each was not
        assert_eq!(gains[0], nodes[0] + 2 * (TRUTH_WEIGHT - 1), "{gains:?} {nodes:?}");
        assert!(nodes[0] < 3 * NODES_PER_GUARDED && gains[0] >= 3 * NODES_PER_GUARDED, "{gains:?}");
        // selects and a concatenation cost the same in both versions
        assert_eq!(gains[1], nodes[1]);
        let b = d.signals.iter().find(|(_, s)| s.name == "b").expect("b").0;
        let c = d.signals.iter().find(|(_, s)| s.name == "c").expect("c").0;
        let (p, q) = (bodies[0].0, bodies[1].0);
        assert_eq!(guarded_signals(&[(p, b, None), (q, b, None), (q, c, None), (q, b, Some(0))]), 3);
    }

    /// The operators of the runner of a clocked block whose two
    /// assignments (`op` is `<=` or `=`) weigh 4 nodes per guarded signal,
    /// with known versions and without.
    fn runner_source(op: &str) -> String {
        format!(
            "module t; reg clk = 0; reg a, b, c, x, y;
             initial begin a = 0; b = 1; c = 0; end
             always #5 clk = ~clk;
             always @(posedge clk) begin x {op} |{{a, b, c}}; y {op} a ^ b; end
             endmodule\n"
        )
    }

    fn runner_sizes(op: &str) -> (usize, usize) {
        let src = runner_source(op);
        let size = |no_known_values| {
            runner_operators(&src, &crate::CodegenOptions { no_known_values, ..Default::default() }).len()
        };
        (size(false), size(true))
    }

    #[test]
    fn a_run_of_nonblocking_assignments_takes_a_guard_at_fewer_nodes() {
        // 12 nodes for 3 signals: enough for NODES_PER_GUARDED_NBAS
        let (known, general) = runner_sizes("<=");
        assert!(known > general + general / 6, "{known} {general}");
        // not for NODES_PER_GUARDED
        let (known, general) = runner_sizes("=");
        assert_eq!(known, general);
    }

    #[test]
    fn a_guard_loads_each_unknown_plane_at_an_address_of_its_own_form() {
        // the guard ORs the unknown planes of a, b and c, and of the
        // outputs x and y (`known_outputs`), each loaded from its address
        // + 8 with offset 0, a form no load of the bodies shares (those
        // are at offset 0 or 8 from a value's 16-byte aligned address)
        let ops = runner_operators(&runner_source("<="), &Default::default());
        let at_plane = |op: &str| {
            let v = op.strip_prefix("I32Const { value: ").and_then(|v| v.strip_suffix(" }"));
            v.and_then(|v| v.parse::<u32>().ok()).is_some_and(|a| a % 16 == 8)
        };
        let guard_loads = ops
            .windows(3)
            .filter(|w| at_plane(&w[0]) && w[1].starts_with("I64Load") && w[1].contains(" offset: 0,"))
            .filter(|w| w[2] == "I64Or" || w[2].starts_with("I32Const"))
            .count();
        assert_eq!(guard_loads, 5, "{ops:?}");
    }

    #[test]
    fn a_known_version_stores_known_outputs_without_their_unknown_planes() {
        // x's and y's unknown planes are stored by the general version
        // alone: the known version adds no such store (the runner's own
        // `ACTIVATIONS` is one more 8-byte store at offset 8)
        let plane_stores = |no_known_values| {
            let opts = crate::CodegenOptions { no_known_values, ..Default::default() };
            let ops = runner_operators(&runner_source("<="), &opts);
            ops.iter().filter(|op| op.starts_with("I64Store") && op.contains(" offset: 8,")).count()
        };
        assert_eq!((plane_stores(false), plane_stores(true)), (3, 3));
    }

    #[test]
    fn a_known_version_with_branches_needs_no_dispatch() {
        // `c`'s two arms make blocks inside both versions; the join after
        // them is laid out last, so no jump goes back to it and the
        // runner's pass loop stays a wasm loop (a jump back would put it on
        // a `br_table` dispatch, run at every pass)
        let ops = runner_operators(
            "module t; reg clk = 0; reg [7:0] a = 0, b = 1, c;
             always #5 clk = ~clk;
             always @(posedge clk) begin if (b[0]) c <= a + b + a * b; else c <= a - b - a * b; a <= a + 1; end
             endmodule\n",
            &Default::default(),
        );
        assert!(ops.iter().any(|op| op.starts_with("Loop")), "the pass loop: {ops:?}");
        assert!(!ops.iter().any(|op| op.starts_with("BrTable")), "{ops:?}");
    }

    #[test]
    fn elements_at_constant_known_indices_in_range_have_fixed_places() {
        let d = elaborate(
            "module t; reg [7:0] m [0:3][0:1]; reg [7:0] y; integer i;
             always @* y = m[2][1] + m[i][0] + m[5][0] + m[1][1'bx] + m[0][0];
             endmodule\n",
        );
        let assign = d.stmts.iter().find(|(_, s)| matches!(s.kind, wsim_ir::StmtKind::Assign { .. })).expect("y = ...");
        let elems: Vec<u64> = constant_elements(&d, assign.0).into_iter().map(|(_, k)| k).collect();
        // m[2][1] is element 2 * 2 + 1; not m[i][0] (run time), m[5][0]
        // (out of range) or m[1][x] (unknown)
        assert_eq!(elems, [0, 5]);
    }
}
