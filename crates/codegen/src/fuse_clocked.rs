//! Clocked fusion: edge-triggered static processes with the same event
//! control, next to one another in the run order, run as one static unit:
//! one pending bit, one test and one clear for the lot.
//!
//! Each activation of a static process costs the runner a test of its
//! pending bit, its clear and `ACTIVATIONS` (`crate::runner`), when this
//! was written `RUNNING` too: about six instructions, an eighth of a ring
//! cell's clocked block. The
//! 256 cells of the ring all wait for `@(posedge clk)` and run one after
//! another; Verilator runs them from one function too.
//!
//! Running the members together changes nothing anyone can see when
//! - their event controls list the same edges of the same signals, and
//!   come first in their bodies (a clocked `always`), so each member is
//!   pending exactly when the others are;
//! - they are consecutive in the run order (`direct_nbas` has ordered
//!   them: a unit runs its members in that order), and every process
//!   that starts between them in the order `wsim_init` starts processes
//!   (in either direction: `direct_nbas` puts a pipeline's last stage
//!   first) names no signal of the event control (but in an event
//!   control: waiting for the clock only reads it; picorv32's clocked
//!   blocks, 1644 -> 1636 instructions per cycle) and calls nothing
//!   ([`may_write_any`]), so no event comes between the moments they
//!   first reach their event controls (guest-rt arms the unit when its
//!   first member does, `crate::fuse`). (rv32_pipe's pipeline stages are
//!   written among the `assign`s that read them; with consecutive starts
//!   required they stayed four units: `--two-state` 872 -> 860
//!   instructions per cycle);
//! - all are wave-only or none is (`crate::wave_only`: picorv32's `dbg_*`
//!   block fused with a busy one ran on every edge, 1176 -> 1228);
//! - none writes a signal of the event control (the unit would miss the
//!   event it causes, where a later member would see it) or calls a
//!   subroutine (which could), and none copies old values aside first
//!   (`direct_nbas::Direct::copies_of`, done for a unit's first member
//!   only);
//! - the runner runs each in place (`runner::inline_body`), and a unit
//!   stays within [`UNIT_MAX_NODES`]. A member that is another instance
//!   of a member's process counts 1/[`REPEAT_SHARE`] of its size when
//!   runs of instances become loops (`crate::roll_instances`): the loop
//!   is the code Cranelift compiles.

use crate::analysis::Facts;
use crate::direct_nbas::Direct;
use crate::runner::{inline_body, stmt_nodes};
use crate::schedule::{top_level, StaticPlan};
use std::collections::{BTreeSet, HashMap, HashSet};
use wsim_ir::*;

/// Most IR nodes of a unit's members together: a unit is one runner body,
/// generated twice when it gets a known version, and Cranelift's time
/// grows faster than linearly with a function's size.
const UNIT_MAX_NODES: usize = 800;

/// The share of its size (1 / this) a member counts when it repeats a
/// member's process in another instance, and runs of instances
/// become loops. Where the loop cannot be made (the instances' code
/// differs) the unit is up to this many times larger.
const REPEAT_SHARE: usize = 16;

/// Fuse the clocked static processes of `plan` into units (see the module
/// doc); renumbers the static indices and the triggers. `rolled`: runs of
/// instances become loops.
pub fn fuse_clocked(d: &Design, facts: &Facts, direct: &Direct, plan: &mut StaticPlan, rolled: bool) {
    let start = start_order(d);
    let mut started = vec![ProcId::from_raw(0); d.procs.len()];
    for (id, _) in d.procs.iter() {
        started[start[id.index()]] = id;
    }
    // the processes that start between places `a` and `b` cannot make an edge
    let quiet_between =
        |a: usize, b: usize, edges: &Edges| (a.min(b) + 1..a.max(b)).all(|n| !may_write_any(d, started[n], edges));
    let members: Vec<Option<(Edges, usize)>> = (plan.order.iter().enumerate())
        .map(|(k, &p)| (!plan.fused.contains_key(&(k as u32))).then(|| member(d, facts, direct, plan, p)).flatten())
        .collect();
    let rolled = if rolled { rolled_sources(d, plan, &members) } else { HashSet::new() };
    let mut units: Vec<Vec<usize>> = vec![];
    let mut open: Option<OpenUnit> = None;
    for ((k, &p), mut member) in plan.order.iter().enumerate().zip(members) {
        let source = d.procs[p].span;
        if let (Some((_, nodes)), Some(unit)) = (member.as_mut(), open.as_ref()) {
            if unit.sources.contains(&source) && rolled.contains(&source) {
                *nodes = nodes.div_ceil(REPEAT_SHARE);
            }
        }
        let at = start[p.index()];
        let wave_only = plan.wave_only_procs.contains(&p);
        open = match (member, open.take()) {
            (Some((edges, nodes)), Some(unit))
                if edges == unit.edges
                    && wave_only == unit.wave_only
                    && unit.nodes + nodes <= UNIT_MAX_NODES
                    && (at < unit.starts.0 && quiet_between(at, unit.starts.0, &edges)
                        || at > unit.starts.1 && quiet_between(unit.starts.1, at, &edges)) =>
            {
                units.last_mut().expect("an open unit").push(k);
                let starts = (at.min(unit.starts.0), at.max(unit.starts.1));
                let mut sources = unit.sources;
                if !sources.contains(&source) {
                    sources.push(source);
                }
                Some(OpenUnit { nodes: unit.nodes + nodes, starts, sources, ..unit })
            }
            (member, _) => {
                units.push(vec![k]);
                let starts = (at, at);
                member.map(|(edges, nodes)| OpenUnit { edges, wave_only, nodes, starts, sources: vec![source] })
            }
        };
    }
    crate::fuse::renumber(plan, units);
}

/// The sources of the processes whose instances, all members together,
/// are large enough to be rolled into loops (`roll_instances::MIN_ROLLED_NODES`).
fn rolled_sources(d: &Design, plan: &StaticPlan, members: &[Option<(Edges, usize)>]) -> HashSet<wsim_diag::Span> {
    let mut nodes: HashMap<wsim_diag::Span, usize> = HashMap::new();
    for (&p, member) in plan.order.iter().zip(members) {
        if let Some((_, n)) = member {
            *nodes.entry(d.procs[p].span).or_default() += n;
        }
    }
    let large = nodes.into_iter().filter(|&(_, n)| n >= crate::roll_instances::MIN_ROLLED_NODES);
    large.map(|(s, _)| s).collect()
}

/// The edges a process waits for.
type Edges = BTreeSet<(SignalId, Edge)>;

/// The last unit, while it may still grow.
struct OpenUnit {
    edges: Edges,
    /// Its members are wave-only (`crate::wave_only`): a unit is when all
    /// its members are (as in `crate::fuse`), and the others join none.
    wave_only: bool,
    nodes: usize,
    /// The first and last of its members' places in the start order:
    /// they are all the places between.
    starts: (usize, usize),
    /// The sources of its members' processes, each once.
    sources: Vec<wsim_diag::Span>,
}

/// By ProcId: its place in the order `wsim_init` starts processes
/// (continuous assignments first, `crate::module::gen_init`).
fn start_order(d: &Design) -> Vec<usize> {
    let assigns = d.procs.iter().filter(|(_, p)| p.kind == ProcKind::ContAssign);
    let others = d.procs.iter().filter(|(_, p)| p.kind != ProcKind::ContAssign);
    let mut place = vec![0; d.procs.len()];
    for (n, (id, _)) in assigns.chain(others).enumerate() {
        place[id.index()] = n;
    }
    place
}

/// True if process `p` may write a signal of `edges`: it names one (in an
/// lvalue, an argument, anywhere but an event control), or calls a
/// subroutine or constructor anywhere (which could write one through a
/// hierarchical name).
fn may_write_any(d: &Design, p: ProcId, edges: &Edges) -> bool {
    let calls = |k: &ExprKind| matches!(k, ExprKind::Call { .. } | ExprKind::ClassNew { .. });
    let names_one = |k: &ExprKind| match k {
        ExprKind::Signal(s) | ExprKind::ArrayElem { sig: s, .. } => edges.iter().any(|(e, _)| e == s),
        k => calls(k),
    };
    let mut found = false;
    crate::analysis::walk_stmts(d, d.procs[p].body, &mut |s| {
        let kind = &d.stmts[s].kind;
        // (waiting for an edge of the clock only reads it)
        let pred: &dyn Fn(&ExprKind) -> bool =
            if matches!(kind, StmtKind::WaitEvent { .. }) { &calls } else { &names_one };
        found |= matches!(kind, StmtKind::Call { .. })
            || kind.exprs().into_iter().any(|e| crate::analysis::expr_any(d, e, &pred));
    });
    found
}

/// Process `p` as a member: the edges it waits for and its size in IR
/// nodes, or None.
fn member(d: &Design, facts: &Facts, direct: &Direct, plan: &StaticPlan, p: ProcId) -> Option<(Edges, usize)> {
    let wait = *plan.wait.get(&p)?;
    let StmtKind::WaitEvent { events } = &d.stmts[wait].kind else { return None };
    let mut edges = BTreeSet::new();
    for e in events {
        let ExprKind::Signal(s) = d.exprs[e.expr].kind else { return None };
        if e.edge == Edge::Any {
            return None;
        }
        edges.insert((s, e.edge));
    }
    if top_level(d, d.procs[p].body).first() != Some(&wait) || direct.copies_of.contains_key(&p) {
        return None;
    }
    let body = inline_body(d, facts, plan, p)?;
    let mut ok = true;
    for &s in &body {
        ok &= !crate::specialize::calls_a_function(d, s);
        crate::analysis::for_each_lvalue(d, s, &mut |lhs| {
            let mut written = vec![];
            crate::analysis::written_signals(d, lhs, &mut written);
            ok &= written.iter().all(|w| !edges.iter().any(|(s, _)| s == w));
        });
    }
    let nodes = body.iter().map(|&s| stmt_nodes(d, s)).sum();
    ok.then_some((edges, nodes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::schedule::{plan, tests::elaborate};

    fn units(src: &str) -> Vec<Vec<usize>> {
        crate::schedule::tests::unit_lines(src, |d, facts, plan| fuse_clocked(d, facts, &Direct::none(d), plan, false))
    }

    #[test]
    fn clocked_blocks_with_one_event_control_next_to_one_another_are_one_unit() {
        let src = "module t;
reg clk = 0, rst = 0;
reg [7:0] x, y, z, w, v, q, r, s, u, a, b;
always @(posedge clk) x <= y + 1;
always @(posedge clk) y <= x;
always @(negedge clk) z <= x;
always @(posedge clk or posedge rst) w <= 0;
always @(posedge rst or posedge clk) v <= 1;
initial #1 q = 0;
always @(posedge clk) q <= 2;
always @(posedge clk) clk <= 0;
always @(posedge clk) begin r <= 1; $stop; end
always @(posedge clk) s <= 2;
initial a = 1;
always @(posedge clk) u <= s;
initial rst = clk;
always @(posedge clk) b <= u;
endmodule
";
        // not: another edge (line 6), one that writes its clock (11), one
        // the runner calls (12), one that starts after a process naming
        // the clock (17); yes: one that starts after a process that does
        // not (15)
        assert_eq!(
            units(src),
            vec![vec![4, 5], vec![6], vec![7, 8], vec![10], vec![11], vec![12], vec![13, 15], vec![17]]
        );
    }

    #[test]
    fn a_process_that_only_waits_for_the_clock_between_two_blocks_keeps_them_one_unit() {
        let src = "module t;
reg clk = 0;
reg [7:0] x, z, n;
always @(posedge clk) x <= 1;
initial forever @(posedge clk) n = n + 1;
always @(posedge clk) z <= 2;
endmodule
";
        assert_eq!(units(src), vec![vec![4, 6]]);
    }

    #[test]
    fn a_wave_only_block_stays_alone() {
        let src = "module t;
reg clk = 0;
reg [7:0] x, y, dbg;
always @(posedge clk) x <= x + 1;
always @(posedge clk) dbg <= x;
always @(posedge clk) y <= x;
initial #100 $display(\"%d\", y);
endmodule
";
        let lines = crate::schedule::tests::unit_lines(src, |d, facts, plan| {
            plan.wave_only_procs = crate::wave_only::wave_only_processes(d, plan);
            fuse_clocked(d, facts, &Direct::none(d), plan, false)
        });
        assert_eq!(lines, vec![vec![4], vec![5], vec![6]]);
    }

    #[test]
    fn a_unit_stays_within_its_size() {
        // ten blocks of 12 sums of 8 terms each: 204 nodes apiece
        let sum = ["a"; 8].join(" + ");
        let blocks: String = (0..10)
            .map(|k| format!("always @(posedge clk) begin {} end\n", vec![format!("r{k} <= {sum};"); 12].join(" ")))
            .collect();
        let regs: Vec<String> = (0..10).map(|k| format!("r{k}")).collect();
        let src = format!("module t;\nreg clk = 0; reg [7:0] a, {};\n{blocks}endmodule\n", regs.join(", "));
        let d = elaborate(&src);
        let facts = analyse(&d);
        let mut plan = plan(&d, &facts);
        let sizes: Vec<usize> = plan
            .order
            .iter()
            .map(|&p| inline_body(&d, &facts, &plan, p).unwrap().iter().map(|&s| stmt_nodes(&d, s)).sum())
            .collect();
        assert!(sizes.iter().all(|&n| n > UNIT_MAX_NODES / 4 && n <= UNIT_MAX_NODES / 3), "{sizes:?}");
        fuse_clocked(&d, &facts, &Direct::none(&d), &mut plan, false);
        let members: Vec<usize> = (0..plan.order.len() as u32).map(|k| plan.members(k).len()).collect();
        assert_eq!(members, [3, 3, 3, 1]);
    }

    #[test]
    fn instances_to_be_rolled_count_a_share_of_their_size() {
        // 128 instances of a 34-node block: 4352 nodes together, enough to
        // be rolled; 800 nodes hold 23 of them, or 128 at 1/16 each
        let src = "module c (input clk, input [15:0] d); reg [15:0] a, b;
               always @(posedge clk) begin b <= a ^ (b >> 3) ^ (a << 2); a <= {a[14:0], a[15] ^ a[13]} + d + (a & d) - (a | 16'h55); end
             endmodule
             module t; reg clk = 0; reg [15:0] d = 0;
             genvar i; generate for (i = 0; i < 128; i = i + 1) begin : g c u (.clk(clk), .d(d + i)); end endgenerate
             endmodule\n";
        let d = elaborate(src);
        let facts = analyse(&d);
        let unit_sizes = |rolled: bool| -> Vec<usize> {
            let mut plan = plan(&d, &facts);
            fuse_clocked(&d, &facts, &Direct::none(&d), &mut plan, rolled);
            (0..plan.order.len() as u32).map(|k| plan.members(k).len()).filter(|&n| n > 1).collect()
        };
        assert_eq!(unit_sizes(true), [128]);
        let unrolled = unit_sizes(false);
        assert_eq!(unrolled, [23, 23, 23, 23, 23, 13]);
    }
}
