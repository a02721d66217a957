//! Facts about the design codegen needs before generating code: which
//! subroutines can wait (transitively), which signals some event control can
//! watch (only those pass their SignalId to store helpers), which signals
//! are written (nets never written start at Z), which signals an
//! expression reads, and what `disable` needs: where each named block runs
//! (its process or task and fork depth) and which tasks keep a list of
//! their active calls so another thread can end them.

use std::collections::{BTreeSet, HashMap};
use wsim_ir::*;

/// Signals an expression reads (array signals included for `ArrayElem`).
pub fn reads(d: &Design, e: ExprId, out: &mut BTreeSet<SignalId>) {
    let kind = &d.exprs[e].kind;
    if let ExprKind::Signal(s) | ExprKind::ArrayElem { sig: s, .. } = kind {
        out.insert(*s);
    }
    for c in kind.children() {
        reads(d, c, out);
    }
}

/// Signals an lvalue reads: its indices and offsets, not its target.
pub fn lvalue_reads(d: &Design, e: ExprId, out: &mut BTreeSet<SignalId>) {
    match &d.exprs[e].kind {
        ExprKind::Signal(_) => {}
        ExprKind::ArrayElem { indices, .. } => indices.iter().for_each(|&i| reads(d, i, out)),
        ExprKind::Select { base, offset, .. } => {
            lvalue_reads(d, *base, out);
            reads(d, *offset, out);
        }
        ExprKind::Concat(parts) => parts.iter().for_each(|&p| lvalue_reads(d, p, out)),
        _ => reads(d, e, out),
    }
}

/// Signals one statement reads itself, not its children (right-hand side
/// and lvalue indices of an assignment, conditions, arguments).
pub fn stmt_reads(d: &Design, s: StmtId, out: &mut BTreeSet<SignalId>) {
    match &d.stmts[s].kind {
        StmtKind::Assign { lhs, rhs } | StmtKind::NonBlocking { lhs, rhs, .. } => {
            lvalue_reads(d, *lhs, out);
            reads(d, *rhs, out);
        }
        kind => kind.exprs().into_iter().for_each(|e| reads(d, e, out)),
    }
}

/// Every signal the statement tree under `s` reads.
pub fn tree_reads(d: &Design, s: StmtId) -> BTreeSet<SignalId> {
    let mut out = BTreeSet::new();
    walk_stmts(d, s, &mut |c| stmt_reads(d, c, &mut out));
    out
}

/// Calls `f` with every lvalue the statement tree under `s` assigns:
/// assignment targets and the output arguments of calls.
pub fn for_each_lvalue(d: &Design, s: StmtId, f: &mut dyn FnMut(ExprId)) {
    walk_stmts(d, s, &mut |c| match &d.stmts[c].kind {
        StmtKind::Assign { lhs, .. } | StmtKind::NonBlocking { lhs, .. } | StmtKind::AssignAfter { lhs, .. } => f(*lhs),
        StmtKind::Call { subr, args } => output_args(d, *subr, args).for_each(&mut *f),
        _ => {}
    });
}

/// The arguments of a call of `subr` that it writes (outputs, inouts).
pub fn output_args<'a>(d: &'a Design, subr: SubrId, args: &'a [ExprId]) -> impl Iterator<Item = ExprId> + 'a {
    d.subrs[subr].formals.iter().zip(args).filter(|(f, _)| f.dir != Dir::Input).map(|(_, &a)| a)
}

/// The signal an lvalue expression writes.
pub fn written_signals(d: &Design, e: ExprId, out: &mut Vec<SignalId>) {
    match &d.exprs[e].kind {
        ExprKind::Signal(s) | ExprKind::ArrayElem { sig: s, .. } => out.push(*s),
        ExprKind::Select { base, .. } => written_signals(d, *base, out),
        ExprKind::Concat(v) => {
            for &p in v {
                written_signals(d, p, out);
            }
        }
        _ => {}
    }
}

/// Calls every statement of the tree under `s` (pre-order).
pub fn walk_stmts(d: &Design, s: StmtId, f: &mut dyn FnMut(StmtId)) {
    f(s);
    for c in d.stmts[s].kind.children() {
        walk_stmts(d, c, f);
    }
}

pub struct Facts {
    /// By SubrId: the subroutine can suspend (timing control, fork, or a call
    /// of a subroutine that can).
    pub subr_waits: Vec<bool>,
    /// By SignalId: some event control or wait condition reads it.
    pub watched: Vec<bool>,
    /// By SignalId: some statement or argument writes it.
    pub written: Vec<bool>,
    /// By SignalId: something other than a zero-delay nonblocking
    /// assignment writes it (a blocking or continuous assignment, a delayed
    /// NBA, an output argument).
    pub other_written: Vec<bool>,
    /// [`Self::other_written`], not counting the writes of time-0
    /// initial blocks ([`Self::time_zero`]).
    pub other_written_later: Vec<bool>,
    /// `initial` blocks that run to their end at time 0 and write only
    /// with blocking assignments: no timing control, no call, no
    /// nonblocking assignment (`initial for (i = 0; i < 32; i++) regs[i] =
    /// 0;`).
    pub time_zero: BTreeSet<ProcId>,
    /// Where each named block runs (see [`BlockHome`]).
    pub homes: HashMap<StmtId, BlockHome>,
    /// By SubrId: the task keeps a list of its active calls (its frames,
    /// linked through `frame.AUX`) because some `disable` from another
    /// thread can end it or a named block inside it.
    pub listed: Vec<bool>,
    /// Named blocks that some `disable` statement names.
    pub disabled: BTreeSet<StmtId>,
    /// By SignalId: the signal likely holds X or Z bits while the design
    /// runs ([`likely_unknown`]); a known version's guard leaves it out.
    pub likely_unknown: Vec<bool>,
    /// Loops whose variable is known while they run, each with its
    /// variable (`crate::specialize::induction_loops`).
    pub induction: HashMap<StmtId, crate::specialize::Induction>,
}

/// The thread frames that can run a named block: frames `depth` fork
/// levels below a root (a static process frame, or an active call of a task).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlockHome {
    pub root: Root,
    pub depth: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Root {
    Proc(ProcId),
    Subr(SubrId),
}

/// True if the statement itself suspends its thread (ignoring calls).
fn suspends(kind: &StmtKind) -> bool {
    matches!(kind, StmtKind::Delay { .. } | StmtKind::WaitEvent { .. } | StmtKind::WaitCond { .. } | StmtKind::WaitFork)
        || matches!(kind, StmtKind::Fork { .. } | StmtKind::DisableFork)
}

pub fn analyse(d: &Design) -> Facts {
    let mut watched = vec![false; d.signals.len()];
    let mut written = vec![false; d.signals.len()];
    let mut other_written = vec![false; d.signals.len()];
    let mut other_written_later = vec![false; d.signals.len()];
    let mut direct = vec![false; d.subrs.len()];
    let mut callees: Vec<Vec<SubrId>> = vec![vec![]; d.subrs.len()];
    let time_zero: BTreeSet<ProcId> =
        d.procs.iter().filter(|(_, p)| runs_only_at_time_zero(d, p)).map(|(id, _)| id).collect();
    let mut visit = |root: StmtId, owner: Option<SubrId>, at_time_zero: bool| {
        walk_stmts(d, root, &mut |s| {
            let kind = &d.stmts[s].kind;
            if let Some(o) = owner {
                if suspends(kind) {
                    direct[o.index()] = true;
                }
                if let StmtKind::Call { subr, .. } = kind {
                    callees[o.index()].push(*subr);
                }
            }

            let mut rs = BTreeSet::new();
            match kind {
                StmtKind::WaitEvent { events } => {
                    for ev in events {
                        reads(d, ev.expr, &mut rs);
                    }
                }
                StmtKind::WaitCond { cond } => reads(d, *cond, &mut rs),
                _ => {}
            }
            for sig in rs {
                watched[sig.index()] = true;
            }
            let mut ws = vec![];
            match kind {
                StmtKind::Assign { lhs, .. }
                | StmtKind::NonBlocking { lhs, .. }
                | StmtKind::AssignAfter { lhs, .. } => written_signals(d, *lhs, &mut ws),
                StmtKind::Call { subr, args } => {
                    for a in output_args(d, *subr, args) {
                        written_signals(d, a, &mut ws);
                    }
                }
                StmtKind::SysTask { name, args, .. } => {
                    let target = match name.as_str() {
                        "$sformat" | "$swrite" => args.first(),
                        "$readmemh" | "$readmemb" => args.get(1),
                        _ => None,
                    };
                    if let Some(Some(a)) = target {
                        written_signals(d, *a, &mut ws);
                    }
                }
                _ => {}
            }
            let plain_nba = matches!(kind, StmtKind::NonBlocking { delay: None, .. });
            for sig in ws {
                written[sig.index()] = true;
                other_written[sig.index()] |= !plain_nba;
                other_written_later[sig.index()] |= !plain_nba && !at_time_zero;
            }
        });
    };
    for (id, p) in d.procs.iter() {
        visit(p.body, None, time_zero.contains(&id));
    }
    for (id, s) in d.subrs.iter() {
        visit(s.body, Some(id), false);
    }
    // Expression calls and some system functions write their arguments too.
    for (_, e) in d.exprs.iter() {
        let mut ws = vec![];
        match &e.kind {
            ExprKind::Call { subr, args } => {
                for a in output_args(d, *subr, args) {
                    written_signals(d, a, &mut ws);
                }
            }
            ExprKind::SysFunc { name, args, .. } => {
                for (_, &a) in args.iter().enumerate().filter(|(i, _)| wsim_ir::sys_func_writes(name, *i)) {
                    written_signals(d, a, &mut ws);
                }
            }
            _ => {}
        }
        for sig in ws {
            written[sig.index()] = true;
            other_written[sig.index()] = true;
            other_written_later[sig.index()] = true;
        }
    }
    let homes = block_homes(d);
    let mut self_disabled = vec![];
    let mut listed = remote_disables(d, &homes, &mut direct, &mut self_disabled);
    // Propagate "can wait" through task calls to a fixed point.
    let mut subr_waits = direct;
    loop {
        let mut changed = false;
        for i in 0..subr_waits.len() {
            if !subr_waits[i] && callees[i].iter().any(|c| subr_waits[c.index()]) {
                subr_waits[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for t in self_disabled {
        if subr_waits[t.index()] {
            listed[t.index()] = true;
        }
    }
    let disabled = homes
        .keys()
        .filter_map(|&s| match d.stmts[s].kind {
            StmtKind::Disable(DisableTarget::Block(b)) => Some(b),
            _ => None,
        })
        .collect();
    let likely_unknown = likely_unknown(d);
    let induction = crate::specialize::induction_loops(d, &subr_waits);
    Facts {
        subr_waits,
        watched,
        written,
        other_written,
        other_written_later,
        time_zero,
        homes,
        listed,
        disabled,
        likely_unknown,
        induction,
    }
}

/// Signals some assignment gives a value with an X or Z constant in it: a
/// don't-care (picorv32's `reg_op1 <= 'bx`, `alu_out = 'bx` as a default)
/// that often holds X while the design runs.
///
/// Only the assignment's own constants count. Following X on through the
/// signals computed from these (X spreads through most operators) marked
/// most of picorv32's datapath, whose known versions then guarded little:
/// 3942 instructions per cycle against 3756 (`bench/instructions.py`).
pub fn likely_unknown(d: &Design) -> Vec<bool> {
    let mut likely = vec![false; d.signals.len()];
    let x_constant = |k: &ExprKind| matches!(k, ExprKind::Const(c) if !c.is_known());
    let roots = d.procs.iter().map(|(_, p)| p.body).chain(d.subrs.iter().map(|(_, s)| s.body));
    for root in roots {
        walk_stmts(d, root, &mut |s| {
            if let StmtKind::Assign { lhs, rhs }
            | StmtKind::NonBlocking { lhs, rhs, .. }
            | StmtKind::AssignAfter { lhs, rhs, .. } = &d.stmts[s].kind
            {
                if expr_any(d, *rhs, &x_constant) {
                    let mut targets = vec![];
                    written_signals(d, *lhs, &mut targets);
                    targets.iter().for_each(|t| likely[t.index()] = true);
                }
            }
        });
    }
    likely
}

/// True for an `initial` block with no timing control, no call and no
/// nonblocking assignment: it runs to its end at time 0, before any timer
/// can fire, and leaves no update behind (an NBA's would meet the direct
/// stores of `crate::direct_nbas`).
fn runs_only_at_time_zero(d: &Design, p: &Process) -> bool {
    let mut plain = p.kind == ProcKind::Initial;
    walk_stmts(d, p.body, &mut |s| {
        let kind = &d.stmts[s].kind;
        plain &= !suspends(kind)
            && !matches!(kind, StmtKind::Call { .. } | StmtKind::NonBlocking { .. } | StmtKind::AssignAfter { .. });
        for e in kind.exprs() {
            plain &= !expr_any(d, e, &|k| matches!(k, ExprKind::Call { .. }));
        }
    });
    plain
}

/// True if `e` or an expression inside it is of a kind `pred` accepts.
pub fn expr_any(d: &Design, e: ExprId, pred: &impl Fn(&ExprKind) -> bool) -> bool {
    let kind = &d.exprs[e].kind;
    pred(kind) || kind.children().into_iter().any(|c| expr_any(d, c, pred))
}

/// Decides which tasks keep a list of active calls and makes them, and
/// every task that disables something in another thread, thread-based
/// (`direct` = can wait): ending another thread's work needs frames on both
/// sides (the disabler must see whether it killed itself).
fn remote_disables(
    d: &Design,
    homes: &HashMap<StmtId, BlockHome>,
    direct: &mut [bool],
    self_disabled: &mut Vec<SubrId>,
) -> Vec<bool> {
    let mut listed = vec![false; d.subrs.len()];
    for (&s, here) in homes {
        let target = match &d.stmts[s].kind {
            StmtKind::Disable(DisableTarget::Task(t)) => BlockHome { root: Root::Subr(*t), depth: 0 },
            StmtKind::Disable(DisableTarget::Block(b)) => match homes.get(b) {
                Some(h) => *h,
                None => continue,
            },
            _ => continue,
        };
        // Same function: handled without looking at other threads, except
        // that a task disabling itself ends its other calls too; those
        // exist only if it can wait (`self_disabled`, decided later).
        if target.depth == 0 && here.depth == 0 && target.root == here.root {
            if let StmtKind::Disable(DisableTarget::Task(t)) = &d.stmts[s].kind {
                self_disabled.push(*t);
            }
            continue;
        }
        if let Root::Subr(t) = target.root {
            if d.subrs[t].kind == SubrKind::Task {
                listed[t.index()] = true;
                direct[t.index()] = true;
            }
        }
        if let Root::Subr(o) = here.root {
            if d.subrs[o].kind == SubrKind::Task {
                direct[o.index()] = true;
            }
        }
    }
    listed
}

/// The home of every named block and every `disable` statement: its process
/// or subroutine and how many fork branches deep it lies there.
pub fn block_homes(d: &Design) -> HashMap<StmtId, BlockHome> {
    fn visit(d: &Design, s: StmtId, root: Root, depth: u32, out: &mut HashMap<StmtId, BlockHome>) {
        let mut go = |c: StmtId, depth: u32| visit(d, c, root, depth, out);
        match &d.stmts[s].kind {
            StmtKind::Block { stmts, .. } => stmts.iter().for_each(|&c| go(c, depth)),
            StmtKind::Fork { branches, .. } => branches.iter().for_each(|&c| go(c, depth + 1)),
            StmtKind::If { then_stmt, else_stmt, .. } => {
                go(*then_stmt, depth);
                if let Some(e) = else_stmt {
                    go(*e, depth);
                }
            }
            StmtKind::Case { arms, default, .. } => {
                for a in arms {
                    go(a.body, depth);
                }
                if let Some(x) = default {
                    go(*x, depth);
                }
            }
            StmtKind::Loop { body, step, .. } => {
                go(*body, depth);
                if let Some(x) = step {
                    go(*x, depth);
                }
            }
            StmtKind::DoWhile { body, .. } | StmtKind::Repeat { body, .. } => go(*body, depth),
            _ => {}
        }
        if matches!(&d.stmts[s].kind, StmtKind::Block { name: Some(_), .. } | StmtKind::Disable(_)) {
            out.insert(s, BlockHome { root, depth });
        }
    }
    let mut out = HashMap::new();
    for (id, p) in d.procs.iter() {
        visit(d, p.body, Root::Proc(id), 0, &mut out);
    }
    for (id, s) in d.subrs.iter() {
        visit(d, s.body, Root::Subr(id), 0, &mut out);
    }
    out
}

/// True if the statement tree can suspend, given which subroutines can.
pub fn stmt_waits(d: &Design, s: StmtId, subr_waits: &[bool]) -> bool {
    let mut w = false;
    walk_stmts(d, s, &mut |x| match &d.stmts[x].kind {
        k if suspends(k) => w = true,
        StmtKind::Call { subr, .. } if subr_waits[subr.index()] => w = true,
        _ => {}
    });
    w
}

#[cfg(test)]
mod tests {
    use super::likely_unknown;
    use crate::schedule::tests::elaborate;

    #[test]
    fn a_signal_given_an_x_constant_is_likely_unknown_and_what_copies_it_is_not() {
        let d = elaborate(
            "module t; reg [3:0] a, b, c, q; reg s;
             always @* begin b = 'bx; if (s) b = a; end
             always @* c = s ? a : 4'b1x0z;
             always @(posedge s) q <= b;
             endmodule\n",
        );
        let likely = likely_unknown(&d);
        let names: Vec<&str> =
            d.signals.iter().filter(|(id, _)| likely[id.index()]).map(|(_, sig)| sig.name.as_str()).collect();
        assert_eq!(names, ["b", "c"]);
    }
}
