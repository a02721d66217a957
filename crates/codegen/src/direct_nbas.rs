//! Direct NBAs: pick the NBA-shadowed signals (and the register files,
//! see [`is_nba_array`]) whose nonblocking assignments can store straight
//! into the signal, and order the edge-triggered static processes so that
//! this changes nothing anyone can see.
//!
//! A shadowed signal (`crate::shadow`) pays for its record twice per clock
//! edge: the NBA arms and writes the record, the commit compares and
//! copies it. Verilator writes a register in place and orders the blocks
//! that read it first. Here the same, for a signal `s` that one static
//! process `P` writes, only with zero-delay NBAs, when:
//! - `P` waits for one edge of a clock only a timer writes (it runs once
//!   per time step; see `once_per_step`);
//! - every other process that reads `s` is triggered by exactly `P`'s
//!   event list (it runs in the same runner pass; it is then placed
//!   before `P`), or is a combinational static process. Where placing the
//!   readers before `P` would close a cycle, they may be placed after it
//!   and read the copy of the old value `P` takes (below) instead, when
//!   that copy costs less than the shadow ([`ProcFacts::writer_first`]);
//! - `P` reads the old value: it reads `s` nowhere after a write of it on
//!   the same path (a write in a loop counts), or else it waits first and
//!   each activation copies `s` aside before anything else, and `P`'s
//!   reads of `s` read the copy (`Direct::old_copy`);
//! - the combinational processes downstream of `s` (its cone, through any
//!   number of them) have no system task or call and print nothing; no
//!   edge and no wait other than theirs watches a signal of the cone; and
//!   every other process that reads one is triggered by `P`'s event list
//!   too;
//! - no subroutine reads or writes `s` (a call could see it from anywhere).
//!
//! A change a direct NBA makes marks `s`'s readers in the *later* bits
//! (`wsim_abi::statics`), which the NBA region moves into the pending
//! bits: the cone runs once, after the NBA region, with every shadow's
//! value too, as without direct NBAs. (Marking them pending at once ran
//! picorv32's cones twice per edge: 30% more activations, 5% slower than
//! with fewer direct NBAs.) A cone
//! process something else wakes before then may see the new `s` early;
//! what it computes can only be read by blocks of the edge, which have all
//! run, and by the cone, which runs again after the NBA region.
//!
//! The order of edge-triggered processes is their source order, changed
//! only as the constraints need. A process with a system task (its output
//! order is visible) or with a blocking write that another process reads
//! (a race Icarus settles by source order) keeps its order relative to
//! every other such process. A signal whose constraints would close a
//! cycle keeps its shadow.

use crate::analysis::{for_each_lvalue, stmt_reads, tree_reads, walk_stmts, written_signals, Facts};
use crate::schedule::StaticPlan;
use std::collections::{BTreeSet, HashMap, HashSet};
use wsim_ir::*;

/// By SignalId: its zero-delay NBAs store directly. Reorders the
/// edge-triggered static processes of `plan` to keep the readers of each
/// such signal before its writer. `shadowed` is `crate::shadow::plan`'s
/// answer; `watched_otherwise` is
/// `crate::shadow::watched_other_than_by_comb_statics`.
pub fn plan(d: &Design, facts: &Facts, plan: &mut StaticPlan, shadowed: &[bool], watched_otherwise: &[bool]) -> Direct {
    let procs = ProcFacts::gather(d, plan, &facts.time_zero);
    let seq: Vec<ProcId> = plan.order.iter().copied().filter(|p| procs.is_seq(*p)).collect();
    let mut graph = Order::new(&seq, |p| procs.pinned(d, p));
    let edge_watched = edge_watched(d, plan);
    let mut direct = Direct::none(d);
    for (s, sig) in d.signals.iter() {
        let array = is_nba_array(d, facts, s, watched_otherwise);
        if !shadowed.get(s.index()).copied().unwrap_or(false) && !array {
            continue;
        }
        let Some((before, copy)) = procs.readers_first(d, plan, s, watched_otherwise, &edge_watched) else { continue };
        // an array has no record to hold a copy of its old value
        if copy.is_some() && !sig.dims.is_empty() {
            continue;
        }
        if graph.try_add(&before) {
            direct.store_directly(s, copy);
        } else if let Some(after) = writer_first(d, plan, s, &before).filter(|_| sig.dims.is_empty()) {
            if graph.try_add(&after) {
                direct.store_directly(s, Some(after[0].0));
                direct.copy_readers.extend(after.iter().map(|&(_, reader)| (reader, s)));
            }
        }
    }
    if direct.stores.iter().any(|&x| x) {
        reorder(plan, &graph.sorted());
    }
    direct
}

/// True for an unpacked array of <= 64-bit integral elements that only
/// zero-delay NBAs write after time 0 and only combinational static
/// processes watch: a register file (`regs[rd] <= v`), maybe cleared by an
/// initial loop (a time-0 initial block ends before a timer clock's first
/// edge and leaves no NBA behind, so its writes cannot meet a direct
/// store). Its element NBAs can store at once on
/// the same terms as a shadowed signal's (the module doc), saving the
/// queued update record, its commit and its `rt_notify` per write.
fn is_nba_array(d: &Design, facts: &Facts, s: SignalId, watched_otherwise: &[bool]) -> bool {
    !d.signals[s].dims.is_empty()
        && crate::shadow::nba_variable(d, s, facts, &facts.other_written_later, watched_otherwise)
}

/// (reader, writer): the reader runs first.
type RunsBefore = (ProcId, ProcId);

/// What [`plan`] chose.
pub struct Direct {
    /// By SignalId: its zero-delay NBAs store directly.
    pub stores: Vec<bool>,
    /// By SignalId: the writer of a direct signal it reads after writing
    /// it. Each activation of that writer first copies the signal into its
    /// shadow record (kept for this), and the writer's own reads of the
    /// signal read that copy: the value from before the edge, as with a
    /// shadow (`Lower::read_addr`, `Lower::copy_old_values`).
    pub old_copy: Vec<Option<ProcId>>,
    /// The same by writer: the signals each activation copies first.
    pub copies_of: HashMap<ProcId, Vec<SignalId>>,
    /// (reader, signal): an edge-triggered process that runs after the
    /// signal's writer (the other order would close a cycle) and reads the
    /// writer's copy of the old value instead of the signal.
    pub copy_readers: HashSet<(ProcId, SignalId)>,
}

impl Direct {
    /// No direct NBA (`--no-opt direct-nbas`, or no shadowed signal).
    pub fn none(d: &Design) -> Direct {
        Direct {
            stores: vec![false; d.signals.len()],
            old_copy: vec![None; d.signals.len()],
            copies_of: HashMap::new(),
            copy_readers: HashSet::new(),
        }
    }

    /// Signal `s`'s NBAs store directly; `copy`: its writer, when that
    /// takes a copy of the old value where each activation starts.
    fn store_directly(&mut self, s: SignalId, copy: Option<ProcId>) {
        self.stores[s.index()] = true;
        self.old_copy[s.index()] = copy;
        if let Some(writer) = copy {
            self.copies_of.entry(writer).or_default().push(s);
        }
    }

    /// True if process `p` reads signal `s` from the copy of its old value.
    pub fn reads_copy(&self, p: ProcId, s: SignalId) -> bool {
        self.old_copy[s.index()] == Some(p) || self.copy_readers.contains(&(p, s))
    }
}

/// Per process: what it reads and writes, and its event control.
struct ProcFacts {
    reads: Vec<BTreeSet<SignalId>>,
    readers: HashMap<SignalId, Vec<ProcId>>,
    writers: HashMap<SignalId, Vec<ProcId>>,
    /// Signals some subroutine reads or writes.
    in_subrs: BTreeSet<SignalId>,
    /// By ProcId: the event list of an edge-triggered static process.
    edges: Vec<Option<Vec<(SignalId, Edge)>>>,
    /// By ProcId: a combinational static process.
    comb: Vec<bool>,
    timers: BTreeSet<ProcId>,
}

impl ProcFacts {
    /// `time_zero`: processes whose writes to arrays are not counted (they
    /// end before the first timer edge; `Facts::time_zero`). Their writes
    /// to other signals are: a clock written at time 0 as well as by its
    /// timer could change more than once in that step (`once_per_step`).
    fn gather(d: &Design, plan: &StaticPlan, time_zero: &BTreeSet<ProcId>) -> ProcFacts {
        let mut reads_ = vec![BTreeSet::new(); d.procs.len()];
        let mut writers: HashMap<SignalId, Vec<ProcId>> = HashMap::new();
        let mut edges = vec![None; d.procs.len()];
        let mut comb = vec![false; d.procs.len()];
        for (p, proc_) in d.procs.iter() {
            reads_[p.index()] = tree_reads(d, proc_.body);
            for s in writes_of(d, proc_.body) {
                if !time_zero.contains(&p) || d.signals[s].dims.is_empty() {
                    writers.entry(s).or_default().push(p);
                }
            }
            let Some(&w) = plan.wait.get(&p) else { continue };
            let StmtKind::WaitEvent { events } = &d.stmts[w].kind else { continue };
            if plan.index[p.index()].is_none() {
                continue;
            }
            if events.iter().all(|e| e.edge == Edge::Any) {
                comb[p.index()] = true;
            } else {
                let mut list: Vec<(SignalId, Edge)> = events
                    .iter()
                    .filter_map(|e| match d.exprs[e.expr].kind {
                        ExprKind::Signal(s) => Some((s, e.edge)),
                        _ => None,
                    })
                    .collect();
                list.sort_by_key(|&(s, e)| (s, e as u8));
                edges[p.index()] = Some(list);
            }
        }
        let mut in_subrs = BTreeSet::new();
        for (_, sub) in d.subrs.iter() {
            in_subrs.extend(tree_reads(d, sub.body));
            in_subrs.extend(writes_of(d, sub.body));
        }
        let mut readers: HashMap<SignalId, Vec<ProcId>> = HashMap::new();
        for (p, r) in reads_.iter().enumerate() {
            for &s in r {
                readers.entry(s).or_default().push(ProcId::from_raw(p as u32));
            }
        }
        let timers = plan.timers.iter().map(|&(p, _)| p).collect();
        ProcFacts { reads: reads_, readers, writers, in_subrs, edges, comb, timers }
    }

    fn readers_of(&self, s: SignalId) -> &[ProcId] {
        self.readers.get(&s).map_or(&[], |v| v.as_slice())
    }

    fn is_seq(&self, p: ProcId) -> bool {
        self.edges[p.index()].is_some()
    }

    /// An edge-triggered process whose place among the others is fixed: it
    /// prints (or stops), or another process reads what it writes with a
    /// blocking assignment.
    fn pinned(&self, d: &Design, p: ProcId) -> bool {
        let mut pinned = false;
        walk_stmts(d, d.procs[p].body, &mut |s| match &d.stmts[s].kind {
            StmtKind::SysTask { .. } | StmtKind::Call { .. } => pinned = true,
            StmtKind::Assign { lhs, .. } => {
                let mut ws = vec![];
                written_signals(d, *lhs, &mut ws);
                pinned |= ws.iter().any(|w| self.readers_of(*w).iter().any(|&q| q != p));
            }
            _ => {}
        });
        pinned
    }

    /// For a signal that can be written directly (see the module doc):
    /// the edge-triggered processes that must run before its writer, as
    /// (reader, writer) pairs, and the writer when it needs a copy of the
    /// old value (`Direct::old_copy`). None when it cannot.
    fn readers_first(
        &self,
        d: &Design,
        plan: &StaticPlan,
        s: SignalId,
        watched_otherwise: &[bool],
        edge_watched: &[bool],
    ) -> Option<(Vec<RunsBefore>, Option<ProcId>)> {
        let [writer] = self.writers.get(&s)?.as_slice() else { return None };
        let signature = self.edges[writer.index()].as_ref()?;
        if !self.once_per_step(signature) || self.in_subrs.contains(&s) {
            return None;
        }
        // A read after the write needs the old value: a copy taken where
        // each activation starts, right after an event control placed first.
        let copy = read_after_write(d, d.procs[*writer].body, s).then_some(*writer);
        if copy.is_some() && !waits_first(d, plan, *writer) {
            return None;
        }
        let cone = self.cone(d, s, watched_otherwise, edge_watched)?;
        let mut before = vec![];
        let readers: BTreeSet<ProcId> = cone.signals.iter().flat_map(|&x| self.readers_of(x).iter().copied()).collect();
        for q in readers {
            if q == *writer || self.comb[q.index()] && cone.procs.contains(&q) {
                continue;
            }
            if self.edges[q.index()].as_ref() != Some(signature) {
                return None;
            }
            if self.reads[q.index()].contains(&s) {
                before.push((q, *writer));
            }
        }
        Some((before, copy))
    }

    /// True for the event list of one edge of a signal only a timer writes
    /// (`always #5 clk = ~clk;`): it changes at most once per time step, so
    /// its blocks run once per step, before the NBA region. (A block woken
    /// twice in one step would read, the second time, what its first run
    /// stored: with a shadow it still sees the old value.)
    fn once_per_step(&self, signature: &[(SignalId, Edge)]) -> bool {
        let [(clock, _)] = signature else { return false };
        matches!(self.writers.get(clock).map(Vec::as_slice), Some([w]) if self.timers.contains(w))
    }

    /// The combinational cone downstream of `s`, when every process of it
    /// is safe to run on a value in between (see the module doc).
    fn cone(&self, d: &Design, s: SignalId, watched_otherwise: &[bool], edge_watched: &[bool]) -> Option<Cone> {
        let mut cone = Cone { signals: BTreeSet::from([s]), procs: BTreeSet::new() };
        let mut todo = vec![s];
        while let Some(x) = todo.pop() {
            if watched_otherwise[x.index()] || edge_watched[x.index()] {
                return None;
            }
            for &q in self.readers_of(x) {
                if !self.comb[q.index()] || !cone.procs.insert(q) {
                    continue;
                }
                if !quiet(d, d.procs[q].body, 0) {
                    return None;
                }
                for y in writes_of(d, d.procs[q].body) {
                    if cone.signals.insert(y) {
                        todo.push(y);
                    }
                }
            }
        }
        Some(cone)
    }
}

struct Cone {
    signals: BTreeSet<SignalId>,
    procs: BTreeSet<ProcId>,
}

/// By SignalId: a static process waits for an edge of it.
fn edge_watched(d: &Design, plan: &StaticPlan) -> Vec<bool> {
    let mut out = vec![false; d.signals.len()];
    for &(s, _, edge) in &plan.triggers {
        if edge != wsim_abi::edge::ANY {
            out[s.index()] = true;
        }
    }
    out
}

/// True if a body has no system task, task call, system function or class
/// access, and calls only quiet functions: a run on a value in between
/// shows nothing.
fn quiet(d: &Design, body: StmtId, depth: u32) -> bool {
    let mut ok = true;
    walk_stmts(d, body, &mut |s| {
        let kind = &d.stmts[s].kind;
        ok &= !matches!(kind, StmtKind::SysTask { .. } | StmtKind::Call { .. });
        ok &= kind.exprs().into_iter().all(|e| quiet_expr(d, e, depth));
    });
    ok
}

fn quiet_expr(d: &Design, e: ExprId, depth: u32) -> bool {
    let kind = &d.exprs[e].kind;
    let own = match kind {
        ExprKind::SysFunc { .. } | ExprKind::ClassProp { .. } | ExprKind::ClassNew { .. } => false,
        ExprKind::Call { subr, .. } => depth < 8 && quiet_function(d, *subr, depth + 1),
        _ => true,
    };
    own && kind.children().into_iter().all(|c| quiet_expr(d, c, depth))
}

/// A function that is quiet and writes only its own variables.
fn quiet_function(d: &Design, f: SubrId, depth: u32) -> bool {
    let sub = &d.subrs[f];
    sub.kind == SubrKind::Function
        && quiet(d, sub.body, depth)
        && writes_of(d, sub.body).iter().all(|w| sub.locals.contains(w))
}

/// When the readers of direct signal `s` cannot all run before its
/// writer (`before`, from [`ProcFacts::readers_first`]: the order would
/// close a cycle): the pairs that run the writer first instead, its
/// readers then reading the copy of the old value it takes where each
/// activation starts. None when it has no place for the copy, or when
/// no NBA at the writer's top level writes the signal: a copy is taken
/// at every activation, a shadow costs only where an NBA runs, so a
/// signal whose NBAs all sit in branches (a decoder's flags) keeps its
/// shadow. (Copying picorv32's decoder flags too ran 56 fewer
/// instructions per cycle with `--two-state` but took 10-20% more time.)
fn writer_first(d: &Design, plan: &StaticPlan, s: SignalId, before: &[RunsBefore]) -> Option<Vec<RunsBefore>> {
    let &(_, writer) = before.first()?;
    if !waits_first(d, plan, writer) || !written_every_run(d, writer, s) {
        return None;
    }
    Some(before.iter().map(|&(reader, writer)| (writer, reader)).collect())
}

/// True if an NBA at the top level of `p`'s body writes `s` (each
/// activation runs it).
fn written_every_run(d: &Design, p: ProcId, s: SignalId) -> bool {
    crate::schedule::top_level(d, d.procs[p].body).into_iter().any(|st| {
        let StmtKind::NonBlocking { lhs, .. } = &d.stmts[st].kind else { return false };
        let mut ws = vec![];
        written_signals(d, *lhs, &mut ws);
        ws.contains(&s)
    })
}

/// True if the event control of static process `p` is its first statement.
fn waits_first(d: &Design, plan: &StaticPlan, p: ProcId) -> bool {
    crate::schedule::top_level(d, d.procs[p].body).first() == plan.wait.get(&p)
}

/// True if some path through `body` can read `s` after writing it (a
/// write inside a loop counts: the next iteration may read it).
fn read_after_write(d: &Design, body: StmtId, s: SignalId) -> bool {
    let mut bad = false;
    written_after(d, body, s, false, &mut bad);
    bad
}

/// Walks `st`, entered with `written` when some path to it has written
/// `s`; sets `bad` at a read of `s` after a write. Returns whether some
/// path out of `st` has written `s`.
fn written_after(d: &Design, st: StmtId, s: SignalId, written: bool, bad: &mut bool) -> bool {
    let mut r = BTreeSet::new();
    stmt_reads(d, st, &mut r);
    *bad |= written && r.contains(&s);
    match &d.stmts[st].kind {
        StmtKind::Block { stmts, .. } => stmts.iter().fold(written, |w, &c| written_after(d, c, s, w, bad)),
        StmtKind::If { then_stmt, else_stmt, .. } => {
            let then = written_after(d, *then_stmt, s, written, bad);
            let other = else_stmt.map_or(written, |e| written_after(d, e, s, written, bad));
            then || other
        }
        StmtKind::Case { arms, default, .. } => {
            let branches = arms.iter().map(|a| a.body).chain(*default);
            branches.fold(written, |w, c| written_after(d, c, s, written, bad) || w)
        }
        StmtKind::Loop { .. } | StmtKind::DoWhile { .. } | StmtKind::Repeat { .. } => {
            *bad |= writes_of(d, st).contains(&s);
            for c in d.stmts[st].kind.children() {
                written_after(d, c, s, written, bad);
            }
            written
        }
        StmtKind::Assign { lhs, .. } | StmtKind::NonBlocking { lhs, .. } => {
            let mut ws = vec![];
            written_signals(d, *lhs, &mut ws);
            written || ws.contains(&s)
        }
        kind => kind.children().into_iter().fold(written, |w, c| written_after(d, c, s, w, bad)),
    }
}

/// Every signal a statement tree writes (assignments, output arguments,
/// system tasks that write their arguments).
pub(crate) fn writes_of(d: &Design, body: StmtId) -> BTreeSet<SignalId> {
    let mut ws = vec![];
    for_each_lvalue(d, body, &mut |lhs| written_signals(d, lhs, &mut ws));
    walk_stmts(d, body, &mut |s| {
        if let StmtKind::SysTask { name, args, .. } = &d.stmts[s].kind {
            // `$readmemh`, `$fscanf` and the like write their arguments
            if !wsim_ir::sys_task_reads_only(name) {
                ws.extend(args.iter().flatten().filter_map(|&a| match d.exprs[a].kind {
                    ExprKind::Signal(sig) => Some(sig),
                    _ => None,
                }));
            }
        }
    });
    ws.into_iter().collect()
}

/// The "runs before" constraints among edge-triggered processes: pinned
/// ones in source order, plus the accepted readers-first pairs.
struct Order {
    procs: Vec<ProcId>,
    at: HashMap<ProcId, usize>,
    succ: Vec<BTreeSet<usize>>,
}

impl Order {
    fn new(procs: &[ProcId], pinned: impl Fn(ProcId) -> bool) -> Order {
        let at = procs.iter().enumerate().map(|(i, &p)| (p, i)).collect();
        let mut order = Order { procs: procs.to_vec(), at, succ: vec![BTreeSet::new(); procs.len()] };
        let pins: Vec<usize> = (0..procs.len()).filter(|&i| pinned(procs[i])).collect();
        for w in pins.windows(2) {
            order.succ[w[0]].insert(w[1]);
        }
        order
    }

    /// Adds the pairs if they keep the order acyclic (else adds nothing).
    fn try_add(&mut self, pairs: &[(ProcId, ProcId)]) -> bool {
        let mut added = vec![];
        for &(a, b) in pairs {
            let (Some(&i), Some(&j)) = (self.at.get(&a), self.at.get(&b)) else { return self.undo(added) };
            if self.reaches(j, i) {
                return self.undo(added);
            }
            if self.succ[i].insert(j) {
                added.push((i, j));
            }
        }
        true
    }

    fn undo(&mut self, added: Vec<(usize, usize)>) -> bool {
        for (i, j) in added {
            self.succ[i].remove(&j);
        }
        false
    }

    fn reaches(&self, from: usize, to: usize) -> bool {
        let mut seen = vec![false; self.procs.len()];
        let mut todo = vec![from];
        while let Some(k) = todo.pop() {
            if k == to {
                return true;
            }
            if !std::mem::replace(&mut seen[k], true) {
                todo.extend(self.succ[k].iter().copied());
            }
        }
        false
    }

    /// The processes in an order meeting every constraint, otherwise as
    /// close to the original as Kahn's algorithm with the earliest ready
    /// first gives.
    fn sorted(&self) -> Vec<ProcId> {
        let n = self.procs.len();
        let mut indeg = vec![0usize; n];
        for s in &self.succ {
            for &j in s {
                indeg[j] += 1;
            }
        }
        let mut ready: BTreeSet<usize> = (0..n).filter(|&k| indeg[k] == 0).collect();
        let mut out = Vec::with_capacity(n);
        while let Some(k) = ready.pop_first() {
            out.push(self.procs[k]);
            for &j in &self.succ[k] {
                indeg[j] -= 1;
                if indeg[j] == 0 {
                    ready.insert(j);
                }
            }
        }
        out
    }
}

/// Put the edge-triggered processes of `plan` in the order `seq` (they
/// follow the combinational ones) and renumber their indices and triggers.
fn reorder(plan: &mut StaticPlan, seq: &[ProcId]) {
    let first_seq = plan.order.len() - seq.len();
    let mut new_of_old = (0..plan.order.len() as u32).collect::<Vec<u32>>();
    for (k, &p) in seq.iter().enumerate() {
        let old = plan.index[p.index()].expect("a static process");
        new_of_old[old as usize] = (first_seq + k) as u32;
        plan.index[p.index()] = Some((first_seq + k) as u32);
        plan.order[first_seq + k] = p;
    }
    for t in &mut plan.triggers {
        t.1 = new_of_old[t.1 as usize];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::schedule::{plan as schedule, tests::elaborate};
    use crate::shadow;

    /// The design of `src`, its static plan after [`plan`], and the choice.
    fn planned(src: &str) -> (Design, StaticPlan, Direct) {
        let d = elaborate(src);
        let facts = analyse(&d);
        let mut sched = schedule(&d, &facts);
        let watched = shadow::watched_other_than_by_comb_statics(&d, &sched);
        let shadowed = shadow::plan(&d, &facts, &watched);
        let out = plan(&d, &facts, &mut sched, &shadowed, &watched);
        (d, sched, out)
    }

    /// The direct signals by name, and the edge-triggered processes in run
    /// order by source line.
    fn direct(src: &str) -> (Vec<String>, Vec<usize>) {
        let (d, sched, out) = planned(src);
        let names = d.signals.iter().filter(|(s, _)| out.stores[s.index()]).map(|(_, s)| s.name.clone()).collect();
        let line = |p: ProcId| src[..d.procs[p].span.start as usize].matches('\n').count() + 1;
        let seq: Vec<usize> = sched.order.iter().copied().filter(|&p| !is_comb(&d, &sched, p)).map(line).collect();
        (names, seq)
    }

    fn is_comb(d: &Design, sched: &StaticPlan, p: ProcId) -> bool {
        matches!(&d.stmts[sched.wait[&p]].kind, StmtKind::WaitEvent { events } if events.iter().all(|e| e.edge == Edge::Any))
    }

    #[test]
    fn a_pipeline_runs_its_last_stage_first_and_writes_directly() {
        let src = "module t;
reg clk = 0; reg [7:0] a = 0, b = 0, c = 0;
always @(posedge clk) b <= a;
always @(posedge clk) c <= b;
always @(posedge clk) a <= a + 1;
always #5 clk = ~clk;
endmodule
";
        let (names, seq) = direct(src);
        assert_eq!(names, ["a", "b", "c"]);
        assert_eq!(seq, [4, 3, 5], "c's writer reads b, b's reads a: readers first");
    }

    #[test]
    fn a_register_file_written_by_element_nbas_stores_directly() {
        let src = "module t;
reg clk = 0; reg [7:0] regs [0:3]; reg [1:0] wa = 0; reg [7:0] d = 3, q = 0;
wire [7:0] r = regs[wa];
always @(posedge clk) regs[wa] <= d;
always @(posedge clk) q <= regs[wa];
always #5 clk = ~clk;
endmodule
";
        let (names, seq) = direct(src);
        assert!(names.contains(&"regs".to_string()), "{names:?}");
        assert_eq!(seq, [5, 4], "the other reader of regs runs first");
        let keeps = |extra: &str| {
            let src = format!(
                "module t;
reg clk = 0; reg [7:0] m [0:3]; reg [7:0] q = 0;
always @(posedge clk) m[q[1:0]] <= q;
{extra}
always #5 clk = ~clk;
endmodule
"
            );
            !direct(&src).0.contains(&"m".to_string())
        };
        assert!(!keeps("wire [7:0] w = m[1];"));
        assert!(keeps("always @(posedge clk) begin m[0] <= 1; q <= m[0]; end"), "a second writer");
        assert!(keeps("always @(negedge clk) q <= m[0];"), "another edge");
        assert!(!keeps("integer i; initial for (i = 0; i < 4; i = i + 1) m[i] = 0;"), "ends at time 0");
        assert!(keeps("initial #1 m[0] = 0;"), "a blocking write after time 0");
        assert!(keeps("always @(posedge clk) m[1] = 0;"), "a blocking write");
        assert!(keeps("initial clk = 1;"), "a clock written at time 0 too: it may change twice then");
        let read_after = "module t;\nreg clk = 0; reg [7:0] m [0:3]; reg [7:0] q = 0;\nalways @(posedge clk) begin m[0] <= q; q <= m[0]; end\nalways #5 clk = ~clk;\nendmodule\n";
        assert!(!direct(read_after).0.contains(&"m".to_string()), "no record for a copy");
    }

    #[test]
    fn a_swap_reads_one_register_from_its_writers_copy() {
        let src = "module t;
reg clk = 0; reg [7:0] a = 1, b = 2;
always @(posedge clk) a <= b;
always @(posedge clk) b <= a;
always #5 clk = ~clk;
endmodule
";
        // a's reader runs first; b's reader cannot, so it runs after b's
        // writer and reads the copy that writer takes
        let (names, seq) = direct(src);
        assert_eq!(names, ["a", "b"]);
        assert_eq!(seq, [4, 3]);
        assert_eq!(copied(src), ["b"]);
        assert_eq!(copy_readers(src), [(3, "b".to_string())]);
    }

    #[test]
    fn a_register_written_in_a_branch_keeps_its_shadow_over_a_copy() {
        let src = "module t;
reg clk = 0; reg [7:0] a = 1, b = 2;
always @(posedge clk) a <= b;
always @(posedge clk) if (a[0]) b <= a;
always #5 clk = ~clk;
endmodule
";
        // a copy would be taken at every edge, the shadow is armed only
        // where the NBA runs
        assert_eq!(direct(src).0, ["a"]);
        assert!(copy_readers(src).is_empty());
        let two_state = src.replace("reg [7:0]", "bit [7:0]");
        assert_eq!(direct(&two_state).0, ["a"]);
    }

    /// The (source line of the reader, signal) pairs read through the
    /// writer's copy of the old value.
    fn copy_readers(src: &str) -> Vec<(usize, String)> {
        let (d, _, out) = planned(src);
        let line = |p: ProcId| src[..d.procs[p].span.start as usize].matches('\n').count() + 1;
        let mut pairs: Vec<_> = out.copy_readers.iter().map(|&(p, s)| (line(p), d.signals[s].name.clone())).collect();
        pairs.sort();
        pairs
    }

    #[test]
    fn readers_on_another_edge_or_after_a_write_keep_the_shadow() {
        let keeps = |extra: &str| {
            let src = format!("module t;\nreg clk = 0; reg [7:0] a = 0, b = 0, q = 0;\nalways @(posedge clk) a <= a + 1;\n{extra}\nalways #5 clk = ~clk;\nendmodule\n");
            !direct(&src).0.contains(&"a".to_string())
        };
        assert!(!keeps("always @(posedge clk) q <= a;"));
        assert!(keeps("always @(negedge clk) q <= a;"), "another edge");
        assert!(keeps("initial begin @(posedge clk); q = a; end"), "a dynamic reader");
        assert!(keeps("always @(posedge clk) begin a <= b; q <= a; end"), "a second writer");
        assert!(keeps("wire w = a[0]; always @(posedge w) q <= 1;"), "an edge in its cone");
        assert!(keeps("always @* $display(a);"), "a printing cone");
    }

    #[test]
    fn a_read_after_the_write_reads_a_copy_of_the_old_value() {
        let src = "module t;
reg clk = 0; reg [7:0] a = 0, q = 0;
always @(posedge clk) begin a <= a + 1; q <= a; end
always #5 clk = ~clk;
endmodule
";
        assert_eq!(direct(src).0, ["a", "q"]);
        assert_eq!(copied(src), ["a"]);
        // on another branch the read is not after the write: no copy
        let branches = src.replace("begin a <= a + 1; q <= a; end", "if (q[0]) a <= a + 1; else q <= a;");
        assert_eq!(direct(&branches).0, ["a", "q"]);
        assert!(copied(&branches).is_empty());
        // a block whose event control comes last has no place for the copy
        let last = src.replace(
            "always @(posedge clk) begin a <= a + 1; q <= a; end",
            "always begin a <= a + 1; q <= a; @(posedge clk); end",
        );
        assert_eq!(direct(&last).0, ["q"]);
    }

    #[test]
    fn a_four_state_copy_aside_is_one_v128_move() {
        // a swap: whichever NBA comes first, the other reads its old value,
        // so `a` is copied aside before the block (`Lower::copy_old_values`):
        // both planes of a four-state `reg` in one v128 load and store, the
        // one plane of a two-state `bit` in an i64 load and store (`a`
        // starts X: from a constant it would be a known variable, stored
        // two-state)
        let src = "module t;
reg clk = 0; reg [7:0] a, b = 2, s = 0;
always @(posedge clk) begin a <= b; b <= a; end
always @(posedge clk) s <= s ^ a ^ b;
always #5 clk = ~clk;
endmodule
";
        let v128_moves = |src: &str| {
            let ops = crate::specialize::tests::runner_operators(src, &Default::default());
            let count = |name: &str| ops.iter().filter(|op| op.starts_with(name)).count();
            (count("V128Load"), count("V128Store"))
        };
        assert_eq!(copied(src), ["a"]);
        // and each NBA a plain copy, one v128 move (`Lower::copy_signal_planes`)
        assert_eq!(v128_moves(src), (3, 3));
        let two_state = src.replace("reg [7:0] a,", "bit [7:0] a; reg [7:0]");
        assert_eq!(copied(&two_state), ["a"]);
        assert_eq!(v128_moves(&two_state), (0, 0));
    }

    /// The direct signals read through a copy of the old value.
    fn copied(src: &str) -> Vec<String> {
        let (d, _, out) = planned(src);
        d.signals.iter().filter(|(s, _)| out.old_copy[s.index()].is_some()).map(|(_, s)| s.name.clone()).collect()
    }

    #[test]
    fn only_a_timer_clock_allows_direct_writes() {
        // A clock a thread drives could have two edges in one time step.
        let src = "module t;
reg clk = 0; reg [7:0] a = 0;
always @(posedge clk) a <= a + 1;
initial forever #5 clk = ~clk;
endmodule
";
        assert!(direct(src).0.is_empty());
        assert_eq!(direct(&src.replace("initial forever", "always")).0, ["a"]);
    }
}
