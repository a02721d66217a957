//! Cone fusion: combinational static processes that feed one another,
//! share an input or feed the same readers run as one static unit, one
//! pending bit and one test for the lot.
//!
//! The runner pays per static process for the test and clear of its
//! pending bit, and per changing write for the compare with the old value
//! and the OR of the readers' bits. In a chain of `assign`s all of that is
//! bookkeeping between two processes that run one after the other anyway.
//! A fused unit runs its members' bodies in their levelized order when any
//! member's trigger fires; a member that writes what a later member reads
//! triggers nothing (the unit is running: a process misses the events it
//! causes itself), so the write is a plain store (`Lower::wakes_only_running`).
//!
//! Running a member whose own inputs did not change must change nothing.
//! That holds for a member that
//! - runs at time 0 (its event control is last: `assign`, `always_comb`):
//!   from then on it has seen its current inputs (an `always @*` has not
//!   run before its first trigger; running it early would show values
//!   where Verilog still has X);
//! - is a function of what its event control watches: it reads only those
//!   signals, writes none of them, and has no call, system function or
//!   task, class access or nonblocking assignment, so a second run with the
//!   same inputs stores the same values;
//! - fits the runner in place (`runner::inline_body`).
//!
//! A unit runs at the place of its last member in the levelized order, so
//! every producer outside it has run before. A process that reads a unit's
//! outputs without joining it closes the unit (it must run after it); a
//! member never reads what a later member writes (no cycle inside a unit).
//!
//! guest-rt arms the unit when its first member reaches its event control
//! (every member registers its frame under the unit's index). A member
//! that runs later at time 0 reads its inputs then, and every change after
//! the unit is armed runs it. At time 0 a member runs its own step
//! function, where its writes trigger the whole unit (`running_static`
//! gives no index to exclude there), so a member that already ran sees them.

use crate::analysis::{expr_any, lvalue_reads, reads, tree_reads, walk_stmts, Facts};
use crate::runner::{inline_body, stmt_nodes, INLINE_MAX_NODES};
use crate::schedule::{top_level, StaticPlan};
use std::collections::{BTreeSet, HashMap};
use wsim_ir::*;

/// Fuse the combinational static processes of `plan` into units (see the
/// module doc); renumbers the static indices and the triggers.
pub fn fuse_cones(d: &Design, facts: &Facts, plan: &mut StaticPlan) {
    let mut watchers: HashMap<SignalId, BTreeSet<u32>> = HashMap::new();
    for &(sig, k, _) in &plan.triggers {
        watchers.entry(sig).or_default().insert(k);
    }
    // a unit is wave-only when all its members are: those stay alone
    let joins = |p: ProcId| !plan.wave_only_procs.contains(&p);
    let members: Vec<Option<Member>> =
        plan.order.iter().map(|&p| joins(p).then(|| member(d, facts, plan, p, &watchers)).flatten()).collect();
    let mut units: Vec<Unit> = vec![];
    for (i, &p) in plan.order.iter().enumerate() {
        let reads = tree_reads(d, d.procs[p].body);
        let open = |u: &usize| units[*u].open;
        let feeding: Vec<usize> =
            (0..units.len()).filter(open).filter(|&u| !units[u].outputs.is_disjoint(&reads)).collect();
        // Join a unit that feeds it, else one that shares an input with
        // it, else one whose outputs the same processes watch: those tend
        // to be active together (joining any open unit measured 9% slower
        // on picorv32, whose control logic is mostly idle).
        let joins = members[i].as_ref().and_then(|m| {
            let sharing = (0..units.len()).filter(open).filter(|&u| !units[u].reads.is_disjoint(&m.reads));
            let siblings =
                (0..units.len()).filter(open).filter(|&u| !m.consumers.is_empty() && units[u].consumers == m.consumers);
            feeding.iter().copied().chain(sharing).chain(siblings).find(|&u| units[u].accepts(m))
        });
        // a reader that does not join must run after the unit
        for &u in &feeding {
            units[u].open &= Some(u) == joins;
        }
        match (joins, &members[i]) {
            (Some(u), Some(m)) => units[u].add(i, m),
            (_, Some(m)) => units.push(Unit::starting(i, m)),
            (_, None) => units.push(Unit { procs: vec![i], ..Unit::default() }),
        }
    }
    renumber(plan, units.into_iter().map(|u| u.procs).collect());
}

/// By static index: true when the unit runs only processes that may join
/// a unit (see the module doc): functions of what they watch, that have
/// run at time 0. Running such a unit again with the same inputs changes
/// nothing, so whether a change that was undone woke it cannot be seen
/// (`crate::promote`).
pub fn pure_units(d: &Design, facts: &Facts, plan: &StaticPlan) -> Vec<bool> {
    let no_watchers = HashMap::new();
    let pure = |p: ProcId| member(d, facts, plan, p, &no_watchers).is_some();
    let units = plan.order.iter().enumerate();
    units
        .map(|(k, p)| plan.fused.get(&(k as u32)).map_or_else(|| pure(*p), |procs| procs.iter().all(|&q| pure(q))))
        .collect()
}

/// What fusion needs to know of a process that may join a unit.
struct Member {
    reads: BTreeSet<SignalId>,
    writes: BTreeSet<SignalId>,
    /// The static processes whose event controls watch what it writes.
    consumers: BTreeSet<u32>,
    nodes: usize,
}

/// Processes (by old static index, in run order) that run as one unit.
#[derive(Default)]
struct Unit {
    procs: Vec<usize>,
    outputs: BTreeSet<SignalId>,
    reads: BTreeSet<SignalId>,
    consumers: BTreeSet<u32>,
    nodes: usize,
    /// May still take members: no process outside it has read its outputs.
    open: bool,
}

impl Unit {
    fn starting(i: usize, m: &Member) -> Unit {
        let mut unit = Unit { open: true, ..Unit::default() };
        unit.add(i, m);
        unit
    }

    fn accepts(&self, m: &Member) -> bool {
        self.nodes + m.nodes <= INLINE_MAX_NODES && self.reads.is_disjoint(&m.writes)
    }

    fn add(&mut self, i: usize, m: &Member) {
        self.procs.push(i);
        self.outputs.extend(m.writes.iter().copied());
        self.reads.extend(m.reads.iter().copied());
        self.consumers.extend(m.consumers.iter().copied());
        self.nodes += m.nodes;
    }
}

/// The new plan: one static index per unit, in the order of each unit's
/// last member; triggers moved to their unit's index.
/// Each unit lists old static indices, in run order; an index that is
/// already a unit brings its members.
pub(crate) fn renumber(plan: &mut StaticPlan, mut units: Vec<Vec<usize>>) {
    units.sort_by_key(|u| *u.last().expect("a unit has a process"));
    let old_members: Vec<Vec<ProcId>> = (0..plan.order.len() as u32).map(|k| plan.members(k)).collect();
    let mut new_index = vec![0u32; plan.order.len()];
    plan.order.clear();
    plan.fused.clear();
    for (k, unit) in units.iter().enumerate() {
        let procs: Vec<ProcId> = unit.iter().flat_map(|&i| old_members[i].iter().copied()).collect();
        for &i in unit {
            new_index[i] = k as u32;
        }
        for &p in &procs {
            plan.index[p.index()] = Some(k as u32);
        }
        plan.order.push(procs[0]);
        if procs.len() > 1 {
            plan.fused.insert(k as u32, procs);
        }
    }
    let mut seen = BTreeSet::new();
    let triggers = std::mem::take(&mut plan.triggers);
    plan.triggers =
        triggers.into_iter().map(|(s, i, e)| (s, new_index[i as usize], e)).filter(|t| seen.insert(*t)).collect();
}

/// Process `p` as a possible member (see the module doc), or None.
fn member(
    d: &Design,
    facts: &Facts,
    plan: &StaticPlan,
    p: ProcId,
    watchers: &HashMap<SignalId, BTreeSet<u32>>,
) -> Option<Member> {
    let wait = *plan.wait.get(&p)?;
    let StmtKind::WaitEvent { events } = &d.stmts[wait].kind else { return None };
    if events.iter().any(|e| e.edge != Edge::Any) {
        return None;
    }
    let top = top_level(d, d.procs[p].body);
    if top.last() != Some(&wait) || top.first() == Some(&wait) {
        return None;
    }
    let body = inline_body(d, facts, plan, p)?;
    let mut pure = true;
    let mut writes = BTreeSet::new();
    let mut read = BTreeSet::new();
    for &s in &body {
        walk_stmts(d, s, &mut |c| match &d.stmts[c].kind {
            StmtKind::Assign { lhs, rhs } => {
                pure &= pure_expr(d, *lhs) && pure_expr(d, *rhs);
                lvalue_reads(d, *lhs, &mut read);
                reads(d, *rhs, &mut read);
                let mut ws = vec![];
                crate::analysis::written_signals(d, *lhs, &mut ws);
                writes.extend(ws);
            }
            StmtKind::If { .. } | StmtKind::Case { .. } | StmtKind::Loop { .. } | StmtKind::DoWhile { .. } => {
                for e in d.stmts[c].kind.exprs() {
                    pure &= pure_expr(d, e);
                    reads(d, e, &mut read);
                }
            }
            StmtKind::Nop | StmtKind::Block { .. } | StmtKind::Break | StmtKind::Continue => {}
            _ => pure = false,
        });
    }
    let watched: BTreeSet<SignalId> = events
        .iter()
        .filter_map(|e| match d.exprs[e.expr].kind {
            ExprKind::Signal(s) => Some(s),
            _ => None,
        })
        .collect();
    let nodes = body.iter().map(|&s| stmt_nodes(d, s)).sum();
    let consumers = writes.iter().filter_map(|s| watchers.get(s)).flatten().copied().collect();
    (pure && read.is_subset(&watched) && read.is_disjoint(&writes)).then_some(Member {
        reads: read,
        writes,
        consumers,
        nodes,
    })
}

/// True if evaluating `e` has no effect and depends only on signals.
fn pure_expr(d: &Design, e: ExprId) -> bool {
    !expr_any(d, e, &|k| {
        matches!(
            k,
            ExprKind::Call { .. } | ExprKind::SysFunc { .. } | ExprKind::ClassProp { .. } | ExprKind::ClassNew { .. }
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::schedule::{plan, tests::elaborate};

    fn units(src: &str) -> Vec<Vec<usize>> {
        crate::schedule::tests::unit_lines(src, fuse_cones)
    }

    #[test]
    fn pure_units_compute_what_they_watch_and_did_run_at_time_zero() {
        let src = "module t;
reg [7:0] a = 0, r, q, n, c; wire [7:0] b, e;
assign b = a + 1;
assign e = b ^ 8'h5a;
always @* r = a - 1;
always @* begin q = a; q = q + a; end
always_comb n = a + 2;
always_comb begin c = a; $display(c); end
endmodule
";
        let d = elaborate(src);
        let facts = analyse(&d);
        let plan = plan(&d, &facts);
        let line = |p: ProcId| src[..d.procs[p].span.start as usize].matches('\n').count() + 1;
        let pure = pure_units(&d, &facts, &plan);
        let lines: Vec<(usize, bool)> = plan.order.iter().zip(pure).map(|(&p, pure)| (line(p), pure)).collect();
        // not the `always @*` (it has not run at time 0), the block that
        // reads what it writes, or the one with a system task
        let mut sorted = lines.clone();
        sorted.sort();
        assert_eq!(sorted, [(3, true), (4, true), (5, false), (6, false), (7, true), (8, false)]);
    }

    #[test]
    fn a_chain_of_assigns_is_one_unit_in_producer_order() {
        let src = "module t;
reg [7:0] a = 0; wire [7:0] b, c, e;
assign e = c + 1;
assign c = b ^ 8'h5a;
assign b = a + 1;
endmodule
";
        assert_eq!(units(src), vec![vec![5, 4, 3]]);
    }

    #[test]
    fn siblings_that_share_an_input_are_one_unit() {
        let src = "module t;
reg [7:0] a = 0, e = 0; wire [7:0] b, c, d;
assign b = a + 1;
assign c = a ^ 8'h0f;
assign d = e - 1;
endmodule
";
        assert_eq!(units(src), vec![vec![3, 4], vec![5]]);
    }

    #[test]
    fn siblings_read_by_the_same_processes_are_one_unit() {
        // b and c share no input but only the `always @*` reads them (the
        // ring's port copies into an array all feed one reduction)
        let src = "module t;
reg [7:0] a = 0, e = 0; wire [7:0] b, c; reg [7:0] r;
assign b = a + 1;
assign c = e - 1;
always @* r = b ^ c;
endmodule
";
        assert_eq!(units(src), vec![vec![3, 4], vec![5]]);
        let apart = "module t;
reg [7:0] a = 0, e = 0; wire [7:0] b, c; reg [7:0] r, q;
assign b = a + 1;
assign c = e - 1;
always @* r = b;
always @* q = c;
endmodule
";
        assert!(units(apart).iter().all(|u| u.len() == 1), "{:?}", units(apart));
    }

    #[test]
    fn only_pure_complete_processes_that_run_at_time_0_fuse() {
        // Each line 4 would fuse with `assign b` (it reads b) but for one thing.
        let fuses = |line4: &str| {
            let src = format!("module t;\nreg [7:0] a = 0, d = 0; wire [7:0] b; reg [7:0] e;\nassign b = a + 1;\n{line4}\nendmodule\n");
            units(&src).iter().any(|u| u.len() > 1)
        };
        assert!(fuses("always_comb e = b + 1;"));
        assert!(!fuses("always @* e = b + 1;"), "has not run before its first trigger");
        assert!(!fuses("always_comb e = b + $random;"), "a system function");
        assert!(!fuses("always begin e = b + d; @(b); end"), "reads d, which it does not wait for");
        assert!(!fuses("always_comb begin e = b; e = e + 1; end"), "reads what it writes");
        assert!(!fuses("always_comb e <= b;"), "a nonblocking assignment");
    }

    #[test]
    fn an_outside_reader_closes_a_unit() {
        // `always @*` (line 5) reads b between the two assigns that could
        // fuse: the unit of b closes there and `assign d` starts anew.
        let src = "module t;
reg [7:0] a = 0; wire [7:0] b, d; reg [7:0] c;
assign b = a + 1;
assign d = b + c;
always @* c = b;
endmodule
";
        assert_eq!(units(src), vec![vec![3], vec![5], vec![4]]);
    }

    #[test]
    fn a_unit_never_holds_a_cycle() {
        let src = "module t;
wire x, y; reg en = 0;
assign x = en & ~y;
assign y = x;
endmodule
";
        assert_eq!(units(src), vec![vec![3], vec![4]]);
    }

    #[test]
    fn a_process_only_waves_read_stays_out_of_the_unit_it_would_join() {
        let src = "module t;
reg [7:0] a = 0; wire [7:0] b, c, w;
assign b = a + 1;
assign w = a ^ 8'h55;
assign c = b + 1;
reg clk = 0;
always @(posedge clk) $display(c);
endmodule
";
        let fuse = |d: &Design, facts: &Facts, plan: &mut StaticPlan| {
            plan.wave_only_procs = crate::wave_only::wave_only_processes(d, plan);
            fuse_cones(d, facts, plan);
        };
        // `w` (line 4) joined `b`'s unit when any process could
        assert_eq!(crate::schedule::tests::unit_lines(src, fuse_cones), vec![vec![3, 4, 5], vec![7]]);
        assert_eq!(crate::schedule::tests::unit_lines(src, fuse), vec![vec![4], vec![3, 5], vec![7]]);
    }

    #[test]
    fn triggers_move_to_the_unit() {
        let src = "module t;
reg [7:0] a = 0; wire [7:0] b, c;
assign b = a + 1;
assign c = b + 1;
reg clk = 0; reg [7:0] q;
always @(posedge clk) q <= c;
endmodule
";
        let d = elaborate(src);
        let facts = analyse(&d);
        let mut plan = plan(&d, &facts);
        fuse_cones(&d, &facts, &mut plan);
        let named: Vec<(String, u32)> = plan.triggers.iter().map(|&(s, k, _)| (d.signals[s].name.clone(), k)).collect();
        assert_eq!(named, vec![("a".into(), 0), ("b".into(), 0), ("clk".into(), 1)]);
    }
}
