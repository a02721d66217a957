//! Static scheduling: pick the processes whose triggers are fixed and
//! order them.
//!
//! A process is *static* when it loops forever around exactly one event
//! control over whole static signals, placed first or last in its body
//! (`always @(posedge clk) ...`, `always @* ...`, `always_comb`, `assign`),
//! and nothing else in it can suspend or be ended from outside (no delay,
//! wait, fork, waiting task call, `disable`, inertial delay). Such a process
//! never calls `rt_wait`: its triggers are registered once at
//! initialisation (`rt_static_watch`) and a trigger sets its pending bit.
//!
//! Static processes get dense indices, which are also their run order
//! within a delta cycle: combinational ones (only level-sensitive triggers)
//! first, levelized so that a process comes after the processes that write
//! what it reads (cycles are cut at the earliest process in source order;
//! guest-rt then re-runs them in a later pass), then edge-triggered ones in
//! source order. Running producers before consumers evaluates each
//! combinational process once per delta where the dynamic order could run it
//! once per changed input.

use crate::analysis::{for_each_lvalue, walk_stmts, Facts};
use std::collections::{BTreeSet, HashMap};
use wsim_ir::*;

/// The static processes of a design.
#[derive(Default)]
pub struct StaticPlan {
    /// By ProcId: its static index.
    pub index: Vec<Option<u32>>,
    /// Static processes by index.
    pub order: Vec<ProcId>,
    /// The event control of each static process (by ProcId).
    pub wait: HashMap<ProcId, StmtId>,
    /// Triggers: (signal, static index, `wsim_abi::edge` code).
    pub triggers: Vec<(SignalId, u32, i32)>,
    /// Processes looping around one constant delay and nothing else that
    /// suspends (`always #5 clk = ~clk;`): (process, ticks). Not static
    /// processes (no index): guest-rt resumes them every period without the
    /// time queue (`rt_timer`); their delay, in `wait`, compiles to a plain
    /// suspend.
    pub timers: Vec<(ProcId, u64)>,
    /// Static indices that run several processes as one unit
    /// (`crate::fuse`): the processes, in run order. `order` holds the
    /// first; `index` maps each to the unit's index.
    pub fused: HashMap<u32, Vec<ProcId>>,
    /// Static indices whose processes start only in a run that records
    /// waves (`crate::wave_only`).
    pub wave_only: BTreeSet<u32>,
    /// The processes that will be wave-only, found before fusion:
    /// `crate::fuse` leaves them in units of their own (a unit is
    /// wave-only only when all its members are).
    pub wave_only_procs: BTreeSet<ProcId>,
}

impl StaticPlan {
    /// The static index of process `p` (a fused unit's for its members),
    /// None for a process that is not static.
    pub fn index_of(&self, p: ProcId) -> Option<u32> {
        self.index.get(p.index()).copied().flatten()
    }

    /// True if `stmt` is the event control of static process `p`.
    pub fn is_static_wait(&self, p: ProcId, stmt: StmtId) -> bool {
        self.wait.get(&p) == Some(&stmt)
    }

    /// The processes static index `k` runs, in order.
    pub fn members(&self, k: u32) -> Vec<ProcId> {
        match self.fused.get(&k) {
            Some(procs) => procs.clone(),
            None => vec![self.order[k as usize]],
        }
    }
}

/// Classify every process and order the static ones.
pub fn plan(d: &Design, facts: &Facts) -> StaticPlan {
    let footprints: Vec<Vec<Footprint>> = d.procs.iter().map(|(_, p)| footprints(d, p.body)).collect();
    // Only processes that can run again and again compete: an `initial`
    // block's writes (say, clearing a memory) cannot interleave with the
    // repeated activations of a static one.
    let mut by_signal: HashMap<SignalId, Vec<(ProcId, Footprint)>> = HashMap::new();
    for ((id, p), fs) in d.procs.iter().zip(&footprints) {
        if matches!(p.kind, ProcKind::Initial | ProcKind::Final) {
            continue;
        }
        for f in fs {
            by_signal.entry(f.sig).or_default().push((id, *f));
        }
    }
    let mut shapes: Vec<(ProcId, StmtId)> = vec![];
    for (id, p) in d.procs.iter() {
        let Some(wait) = static_wait(d, facts, p) else { continue };
        // Bits several processes write make their order observable (the
        // last writer wins; a sequential UDP's per-input processes must
        // see changes in the order they happen): such processes keep the
        // dynamic, first-woken-first-run order.
        let shared = footprints[id.index()]
            .iter()
            .any(|f| by_signal.get(&f.sig).into_iter().flatten().any(|(other, g)| *other != id && f.overlaps(g)));
        if shared {
            continue;
        }
        shapes.push((id, wait));
    }
    let events = |w: StmtId| match &d.stmts[w].kind {
        StmtKind::WaitEvent { events } => events.clone(),
        _ => unreachable!("timers are set apart first: every other static wait is a WaitEvent"),
    };
    let (timers, waits): (Vec<_>, Vec<_>) = shapes.iter().copied().partition(|&(_, w)| timer_ticks(d, w).is_some());
    let (comb, seq): (Vec<_>, Vec<_>) =
        waits.into_iter().partition(|&(_, w)| events(w).iter().all(|e| e.edge == Edge::Any));
    let mut plan = StaticPlan { index: vec![None; d.procs.len()], ..Default::default() };
    for (p, w) in timers {
        plan.wait.insert(p, w);
        plan.timers.push((p, timer_ticks(d, w).expect("partitioned as a timer")));
    }
    for (p, w) in levelize(d, &comb, &footprints).into_iter().chain(seq) {
        let k = plan.order.len() as u32;
        plan.index[p.index()] = Some(k);
        plan.order.push(p);
        plan.wait.insert(p, w);
        for ev in events(w) {
            let ExprKind::Signal(s) = d.exprs[ev.expr].kind else { unreachable!("static events are signals") };
            plan.triggers.push((s, k, edge_code(ev.edge)));
        }
    }
    plan
}

fn edge_code(e: Edge) -> i32 {
    match e {
        Edge::Any => wsim_abi::edge::ANY,
        Edge::Pos => wsim_abi::edge::POS,
        Edge::Neg => wsim_abi::edge::NEG,
        Edge::Both => wsim_abi::edge::BOTH,
    }
}

/// The event control of a process of static shape, if it has one.
fn static_wait(d: &Design, facts: &Facts, p: &Process) -> Option<StmtId> {
    if !matches!(p.kind, ProcKind::Always | ProcKind::ContAssign) {
        return None;
    }
    let top = top_level(d, p.body);
    let wait = [top.first()?, top.last()?]
        .into_iter()
        .copied()
        .find(|&s| is_simple_wait(d, s) || (p.kind == ProcKind::Always && timer_ticks(d, s).is_some()))?;
    let mut ok = true;
    walk_stmts(d, p.body, &mut |s| {
        if s != wait && !may_run_statically(d, facts, s) {
            ok = false;
        }
    });
    ok.then_some(wait)
}

/// The ticks of a delay by a known constant of at least one tick: a
/// process around it alone is a timer (`StaticPlan::timers`).
fn timer_ticks(d: &Design, s: StmtId) -> Option<u64> {
    let StmtKind::Delay { ticks } = &d.stmts[s].kind else { return None };
    match &d.exprs[*ticks].kind {
        ExprKind::Const(c) if c.is_known() => c.to_u64().filter(|&t| t > 0),
        _ => None,
    }
}

/// The statements of a body with unnamed blocks flattened.
pub fn top_level(d: &Design, s: StmtId) -> Vec<StmtId> {
    match &d.stmts[s].kind {
        StmtKind::Block { stmts, name: None } => stmts.iter().flat_map(|&c| top_level(d, c)).collect(),
        _ => vec![s],
    }
}

/// `@(...)` over whole static signals, at least one.
fn is_simple_wait(d: &Design, s: StmtId) -> bool {
    let StmtKind::WaitEvent { events } = &d.stmts[s].kind else {
        return false;
    };
    !events.is_empty()
        && events.iter().all(|ev| {
            matches!(d.exprs[ev.expr].kind,
                ExprKind::Signal(sig) if matches!(d.signals[sig].storage, Storage::Static)
                    && d.signals[sig].ty.kind != TypeKind::Real)
        })
}

/// False for statements that suspend, end a thread from outside or need
/// the frame's dynamic machinery.
fn may_run_statically(d: &Design, facts: &Facts, s: StmtId) -> bool {
    match &d.stmts[s].kind {
        StmtKind::Delay { .. }
        | StmtKind::WaitEvent { .. }
        | StmtKind::WaitCond { .. }
        | StmtKind::WaitFork
        | StmtKind::Fork { .. }
        | StmtKind::DisableFork
        | StmtKind::Disable(_)
        | StmtKind::AssignAfter { .. } => false,
        StmtKind::NonBlocking { delay, .. } => delay.is_none(),
        StmtKind::Call { subr, .. } => !facts.subr_waits[subr.index()],
        StmtKind::Block { name: Some(_), .. } => !facts.disabled.contains(&s),
        _ => true,
    }
}

/// Orders combinational processes producers first (Kahn's algorithm, ties
/// and cycles broken by source order).
fn levelize(d: &Design, comb: &[(ProcId, StmtId)], footprints: &[Vec<Footprint>]) -> Vec<(ProcId, StmtId)> {
    let n = comb.len();
    let mut readers: HashMap<SignalId, Vec<usize>> = HashMap::new();
    for (k, &(_, w)) in comb.iter().enumerate() {
        if let StmtKind::WaitEvent { events } = &d.stmts[w].kind {
            for ev in events {
                if let ExprKind::Signal(s) = d.exprs[ev.expr].kind {
                    readers.entry(s).or_default().push(k);
                }
            }
        }
    }
    let mut succ: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
    let mut indeg = vec![0usize; n];
    for (k, &(p, _)) in comb.iter().enumerate() {
        for s in footprints[p.index()].iter().map(|f| f.sig) {
            for &r in readers.get(&s).into_iter().flatten() {
                if r != k && succ[k].insert(r) {
                    indeg[r] += 1;
                }
            }
        }
    }
    let mut ready: BTreeSet<usize> = (0..n).filter(|&k| indeg[k] == 0).collect();
    let mut done = vec![false; n];
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        // A cycle: no process is ready; cut it at the first one left.
        let k = match ready.pop_first() {
            Some(k) => k,
            None => (0..n).find(|&k| !done[k]).expect("some process is left"),
        };
        if done[k] {
            continue;
        }
        done[k] = true;
        out.push(comb[k]);
        for &r in &succ[k] {
            indeg[r] = indeg[r].saturating_sub(1);
            if indeg[r] == 0 && !done[r] {
                ready.insert(r);
            }
        }
    }
    out
}

/// What one assignment target covers: a signal, one element of it (or
/// any, `None`: a whole array or a computed index) and a bit range (or
/// every bit).
#[derive(Clone, Copy, Debug)]
struct Footprint {
    sig: SignalId,
    elem: Option<u64>,
    bits: Option<(u64, u64)>,
}

impl Footprint {
    fn overlaps(&self, o: &Footprint) -> bool {
        let elems = match (self.elem, o.elem) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let bits = match (self.bits, o.bits) {
            (Some((a0, a1)), Some((b0, b1))) => a0 < b1 && b0 < a1,
            _ => true,
        };
        self.sig == o.sig && elems && bits
    }
}

/// The targets of every assignment and task output in a statement tree.
fn footprints(d: &Design, body: StmtId) -> Vec<Footprint> {
    let mut out = vec![];
    for_each_lvalue(d, body, &mut |lhs| lvalue_footprints(d, lhs, &mut out));
    out
}

fn lvalue_footprints(d: &Design, e: ExprId, out: &mut Vec<Footprint>) {
    let constant = |x: ExprId| match &d.exprs[x].kind {
        ExprKind::Const(c) => c.to_u64(),
        _ => None,
    };
    match &d.exprs[e].kind {
        ExprKind::Signal(sig) => out.push(Footprint { sig: *sig, elem: None, bits: None }),
        ExprKind::ArrayElem { sig, indices } => {
            let elem = match indices.as_slice() {
                [i] => constant(*i),
                _ => None,
            };
            out.push(Footprint { sig: *sig, elem, bits: None });
        }
        ExprKind::Select { base, offset, width } => {
            let mut inner = vec![];
            lvalue_footprints(d, *base, &mut inner);
            // A negative offset (signed, top bit set) or one past u64 is
            // not a bit range: count it as a write of the whole signal.
            let negative = |x: ExprId| match &d.exprs[x].kind {
                ExprKind::Const(c) => {
                    c.signed && c.width > 0 && (c.aval()[(c.width as usize - 1) / 64] >> ((c.width - 1) % 64)) & 1 == 1
                }
                _ => false,
            };
            let bits = constant(*offset)
                .filter(|_| !negative(*offset))
                .and_then(|lo| Some((lo, lo.checked_add(*width as u64)?)));
            // A select of a select: its offset is relative, so say "any bit".
            out.extend(inner.into_iter().map(|f| Footprint { bits: if f.bits.is_some() { None } else { bits }, ..f }));
        }
        ExprKind::Concat(parts) => {
            for &p in parts {
                lvalue_footprints(d, p, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analysis::analyse;

    pub(crate) fn elaborate(src: &str) -> Design {
        let mut sm = wsim_diag::SourceMap::new();
        let f = sm.add("t.sv", src);
        let opts = wsim_syntax::PpOptions::default();
        let (toks, diags) = wsim_syntax::preprocess(&mut sm, &[f], &opts, &wsim_syntax::FsLoader);
        assert!(!diags.has_errors());
        let (unit, diags) = wsim_syntax::parse(&toks);
        assert!(!diags.has_errors());
        let (design, diags) = wsim_elab::elaborate(&unit, &Default::default());
        assert!(!diags.has_errors());
        design.expect("a design")
    }

    /// The static units in run order after `fuse` (a fusion pass), each
    /// as its processes' source lines.
    pub(crate) fn unit_lines(src: &str, fuse: impl FnOnce(&Design, &Facts, &mut StaticPlan)) -> Vec<Vec<usize>> {
        let d = elaborate(src);
        let facts = analyse(&d);
        let mut plan = plan(&d, &facts);
        fuse(&d, &facts, &mut plan);
        let line = |p: ProcId| src[..d.procs[p].span.start as usize].matches('\n').count() + 1;
        (0..plan.order.len() as u32).map(|k| plan.members(k).into_iter().map(line).collect()).collect()
    }

    /// The static processes in run order, each named by its source line.
    fn static_lines(src: &str) -> Vec<usize> {
        let d = elaborate(src);
        let plan = plan(&d, &analyse(&d));
        plan.order.iter().map(|&p| src[..d.procs[p].span.start as usize].matches('\n').count() + 1).collect()
    }

    #[test]
    fn rtl_processes_and_clocks_are_static_and_testbench_ones_are_not() {
        let src = "module t;
reg clk = 0; reg [3:0] q = 0; wire [3:0] n;
assign n = q + 1;
always @(posedge clk) q <= n;
always #5 clk = ~clk;
initial begin @(posedge clk); $display(q); end
always @(q) begin #1 $display(q); end
endmodule
";
        assert_eq!(static_lines(src), vec![3, 4]);
        let d = elaborate(src);
        let plan = plan(&d, &analyse(&d));
        assert_eq!(plan.timers.len(), 1, "the clock is a timer");
    }

    #[test]
    fn only_a_loop_around_one_constant_delay_is_a_timer() {
        let src = "module t;
reg a = 0, b = 0, c = 0, e = 0, f = 0; integer d = 3;
always #5 a = ~a;
always begin b = ~b; #2; end
always #(d) c = ~c;
always begin #5 e = 1; #3 e = 0; end
initial forever #4 f = ~f;
endmodule
";
        let d = elaborate(src);
        let plan = plan(&d, &analyse(&d));
        let line = |p: ProcId| src[..d.procs[p].span.start as usize].matches('\n').count() + 1;
        let timers: Vec<(usize, u64)> = plan.timers.iter().map(|&(p, ticks)| (line(p), ticks)).collect();
        assert_eq!(timers, vec![(3, 5), (4, 2)], "a variable delay, two delays and an initial block are no timers");
    }

    #[test]
    fn combinational_processes_run_producers_first() {
        // Written consumer first: c reads b, b reads a.
        let src = "module t;
reg [3:0] a = 0; wire [3:0] b; reg [3:0] c;
always @* c = b + 1;
assign b = a ^ 4'h5;
always @(posedge a[0]) c <= 0;
endmodule
";
        // The edge-triggered block shares `c`, so only the two first count;
        // `assign b` comes before `always @*`.
        let d = elaborate(src);
        let plan = plan(&d, &analyse(&d));
        assert_eq!(plan.order.len(), 1, "c has two writers: neither of them is static");
        let src = src.replace("always @(posedge a[0]) c <= 0;\n", "");
        assert_eq!(static_lines(&src), vec![4, 3]);
    }

    #[test]
    fn a_combinational_loop_is_cut_at_the_first_process() {
        let src = "module t;
wire x, y; reg en = 0;
assign x = en & ~y;
assign y = x;
endmodule
";
        assert_eq!(static_lines(src), vec![3, 4]);
    }

    #[test]
    fn anything_that_suspends_or_is_disabled_stays_dynamic() {
        let src = "module t;
reg clk = 0, a = 0, b = 0;
always @(posedge clk) begin a <= 1; @(negedge clk) b <= 1; end
always @(posedge clk) begin : blk a = #1 0; end
always @(posedge clk) begin : named b = ~b; end
initial disable named;
always @(posedge clk) b <= #2 a;
endmodule
";
        assert!(static_lines(src).is_empty());
    }

    #[test]
    fn only_overlapping_writes_from_repeating_processes_keep_a_process_dynamic() {
        let src = "module t;
reg clk = 0; reg [3:0] m [0:3]; reg [7:0] v = 0; integer i;
initial for (i = 0; i < 4; i = i + 1) m[i] = 0;
always @(posedge clk) m[0] <= 1;
always @(posedge clk) m[1] <= 2;
always @(posedge clk) v[3:0] <= 3;
always @(posedge clk) v[7:4] <= 4;
always @(posedge clk) v[4] <= 5;
endmodule
";
        // Elements 0 and 1, and bits [3:0] are each written by one
        // repeating process; [7:4] and [4] overlap.
        assert_eq!(static_lines(src), vec![4, 5, 6]);
    }

    #[test]
    fn a_bit_write_below_the_range_counts_as_the_whole_signal() {
        // `r[0]` on `reg [4:1]` is a select at offset -1: no bit range (it
        // used to overflow when the footprint added the width).
        let src = "module t;
reg [4:1] r; reg a, b;
always @* r[0] = a;
always @* r[4] = b;
endmodule
";
        assert!(static_lines(src).is_empty(), "two writers of r");
    }

    #[test]
    fn triggers_carry_their_edges() {
        let d = elaborate(
            "module t;
reg clk = 0, rst = 0; reg [1:0] q = 0;
always @(posedge clk or negedge rst) q <= rst ? q + 1 : 0;
endmodule
",
        );
        let plan = plan(&d, &analyse(&d));
        let edges: Vec<(String, i32)> = plan.triggers.iter().map(|&(s, _, e)| (d.signals[s].name.clone(), e)).collect();
        assert_eq!(edges, vec![("clk".to_string(), wsim_abi::edge::POS), ("rst".to_string(), wsim_abi::edge::NEG)]);
    }
}
