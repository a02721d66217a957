//! Find the static processes whose effects only waves can show, so that a
//! run that records no waves never starts them.
//!
//! picorv32 computes a disassembly of the instruction it runs
//! (`new_ascii_instr`: 47 `if`s building a 64-bit string), the name of its
//! state and a delayed copy of both, every cycle, for its users' wave
//! viewers. Nothing in the design reads them: 10.6% of its instructions per
//! cycle went there. Verilator drops such logic unless it is traced;
//! Icarus keeps it. wsim keeps it in the artifact and decides per run:
//!
//! - A process is *wave-only* when it is static (`crate::schedule`), its
//!   only effects are writes of signals (assignments, `if`, `case`; no
//!   system task, call, loop, delay, trigger or `disable`; only pure system
//!   functions), and every signal it writes is read by no process but
//!   wave-only ones and by no subroutine. The set is the largest one with
//!   that property (a fixed point: a ring of such processes, like
//!   picorv32's `q_ascii_instr` and `dbg_ascii_instr`, is wave-only).
//!   Nor may it wake itself, directly or through other such processes:
//!   a zero-delay loop among them stops the run (E0504) when it runs.
//! - A static index is wave-only when every member of its unit is.
//! - `wsim_init` starts the processes of wave-only indices only when
//!   `rt_observed()` says the run reads signals from outside the design
//!   (the host's `wsim_observe`: `--waves`). A static process that never
//!   starts never reaches its event control, so its armed bit stays clear
//!   and its triggers never make it pending (`Statics::armed_at`).
//!
//! A design that calls `$dumpvars` decides its waves itself while it runs
//! (a later `$dumpvars` would show a register that had missed its edges),
//! so none of its processes is wave-only.
//!
//! Nothing else observable changes: what a wave-only process writes feeds
//! no other process, a static process cannot keep time running, and its
//! body can neither print, stop nor hang.

use crate::analysis::{for_each_lvalue, tree_reads, walk_stmts, written_signals};
use crate::schedule::StaticPlan;
use std::collections::{BTreeSet, HashMap};
use wsim_ir::{Design, ExprId, ExprKind, ProcId, ProcKind, SignalId, StmtId, StmtKind};

/// System functions without side effects a wave-only body may call.
const PURE_SYSTEM_FUNCTIONS: &[&str] = &[
    "$signed",
    "$unsigned",
    "$bits",
    "$clog2",
    "$countones",
    "$countbits",
    "$onehot",
    "$onehot0",
    "$isunknown",
    "$time",
    "$stime",
    "$realtime",
];

/// The static indices of `sched` whose every member is wave-only
/// (`StaticPlan::wave_only_procs`, found before fusion: fusing units and
/// reordering edge-triggered processes keep which processes are static,
/// all the analysis depends on).
pub fn wave_only_units(sched: &StaticPlan) -> BTreeSet<u32> {
    let wave_only = &sched.wave_only_procs;
    (0..sched.order.len() as u32).filter(|&k| sched.members(k).iter().all(|p| wave_only.contains(p))).collect()
}

/// The largest set of static processes whose writes only wave-only
/// processes read (see the module doc); none in a design that calls
/// `$dumpvars`.
pub fn wave_only_processes(d: &Design, sched: &StaticPlan) -> BTreeSet<ProcId> {
    if crate::meta::calls_dumpvars(d) {
        return BTreeSet::new();
    }
    let writes: HashMap<ProcId, Vec<SignalId>> = d
        .procs
        .iter()
        .filter(|&(id, p)| sched.index_of(id).is_some() && matches!(p.kind, ProcKind::Always | ProcKind::ContAssign))
        .filter(|&(_, p)| only_writes_signals(d, p.body))
        .map(|(id, p)| (id, written_by(d, p.body)))
        .collect();
    let readers = readers(d);
    let waits: HashMap<ProcId, BTreeSet<SignalId>> =
        writes.keys().map(|&p| (p, waited_on(d, d.procs[p].body))).collect();
    // by signal: the candidates an event control of which waits on it
    let mut waiters: HashMap<SignalId, Vec<ProcId>> = HashMap::new();
    for (&q, signals) in &waits {
        for &s in signals {
            waiters.entry(s).or_default().push(q);
        }
    }
    let mut set: BTreeSet<ProcId> = writes.keys().copied().collect();
    loop {
        // a signal some process outside the set (or a subroutine) reads;
        // `p` itself is in the set
        let mut read_by_others: HashMap<SignalId, bool> = HashMap::new();
        let mut read_outside = |p: ProcId| {
            writes[&p].iter().any(|s| {
                *read_by_others.entry(*s).or_insert_with(|| {
                    readers.get(s).is_some_and(|r| r.iter().any(|&q| !q.is_some_and(|q| set.contains(&q))))
                })
            })
        };
        // `a -> b`: a write of `a` wakes `b`, both in the set
        let wakes = |a: ProcId| -> BTreeSet<ProcId> {
            let woken = writes[&a].iter().filter_map(|s| waiters.get(s)).flatten();
            woken.copied().filter(|b| set.contains(b)).collect()
        };
        let looping = on_cycles(&set, wakes);
        let out: Vec<ProcId> = set.iter().copied().filter(|&p| read_outside(p) || looping.contains(&p)).collect();
        if out.is_empty() {
            return set;
        }
        for p in out {
            set.remove(&p);
        }
    }
}

/// The processes of `set` that can wake themselves, directly or through
/// others of `set` (`wakes(a)`: the processes a write of `a` wakes): those
/// of a strongly connected component with an edge inside it (Tarjan's
/// algorithm, without recursion). Such a loop may run without end at one
/// time (E0504 when the design runs it), so its processes are not
/// wave-only: the run must stop with that error whether or not it records
/// waves.
pub(crate) fn on_cycles(set: &BTreeSet<ProcId>, wakes: impl Fn(ProcId) -> BTreeSet<ProcId>) -> BTreeSet<ProcId> {
    let nodes: Vec<ProcId> = set.iter().copied().collect();
    let index_of: HashMap<ProcId, usize> = nodes.iter().enumerate().map(|(k, &p)| (p, k)).collect();
    let edges: Vec<Vec<usize>> = nodes.iter().map(|&p| wakes(p).iter().map(|q| index_of[q]).collect()).collect();
    let (mut index, mut low, mut on_stack) =
        (vec![usize::MAX; nodes.len()], vec![0; nodes.len()], vec![false; nodes.len()]);
    let (mut stack, mut next, mut out) = (vec![], 0, BTreeSet::new());
    for root in 0..nodes.len() {
        if index[root] != usize::MAX {
            continue;
        }
        // (node, how many of its edges are done)
        let mut calls = vec![(root, 0)];
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut done)) = calls.last_mut() {
            if let Some(&w) = edges[v].get(*done) {
                *done += 1;
                if index[w] == usize::MAX {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = vec![];
                loop {
                    let w = stack.pop().expect("v is on the stack");
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 || edges[v].contains(&v) {
                    out.extend(component.into_iter().map(|k| nodes[k]));
                }
            }
        }
    }
    out
}

/// The signals the event controls under `body` wait on.
fn waited_on(d: &Design, body: StmtId) -> BTreeSet<SignalId> {
    let mut out = BTreeSet::new();
    walk_stmts(d, body, &mut |s| {
        if let StmtKind::WaitEvent { .. } = d.stmts[s].kind {
            crate::analysis::stmt_reads(d, s, &mut out);
        }
    });
    out
}

/// Who reads or waits on each signal: a process, or None for a subroutine
/// (which any process may call).
fn readers(d: &Design) -> HashMap<SignalId, BTreeSet<Option<ProcId>>> {
    let bodies = d.procs.iter().map(|(id, p)| (Some(id), p.body)).chain(d.subrs.iter().map(|(_, f)| (None, f.body)));
    let mut out: HashMap<SignalId, BTreeSet<Option<ProcId>>> = HashMap::new();
    for (owner, body) in bodies {
        for s in tree_reads(d, body) {
            out.entry(s).or_default().insert(owner);
        }
    }
    out
}

/// The signals the assignments and task output arguments under `body`
/// write, sorted, each once.
pub(crate) fn written_by(d: &Design, body: StmtId) -> Vec<SignalId> {
    let mut out = vec![];
    for_each_lvalue(d, body, &mut |lv| written_signals(d, lv, &mut out));
    out.sort();
    out.dedup();
    out
}

/// True if every statement under `body` is an event control, a block, a
/// branch or an assignment without delay, of pure expressions.
fn only_writes_signals(d: &Design, body: StmtId) -> bool {
    let mut ok = true;
    walk_stmts(d, body, &mut |s| {
        let kind = &d.stmts[s].kind;
        ok &= matches!(
            kind,
            StmtKind::Nop
                | StmtKind::Block { name: None, .. }
                | StmtKind::If { .. }
                | StmtKind::Case { .. }
                | StmtKind::Assign { .. }
                | StmtKind::NonBlocking { delay: None, .. }
                | StmtKind::WaitEvent { .. }
        ) && kind.exprs().into_iter().all(|e| is_pure(d, e));
    });
    ok
}

fn is_pure(d: &Design, e: ExprId) -> bool {
    !crate::analysis::expr_any(d, e, &|k| match k {
        ExprKind::SysFunc { name, .. } => !PURE_SYSTEM_FUNCTIONS.contains(&name.as_str()),
        ExprKind::Call { .. } | ExprKind::ClassProp { .. } | ExprKind::ClassNew { .. } => true,
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::schedule::{plan, tests::elaborate};

    /// The source lines of the wave-only processes, in process order.
    fn wave_only_lines(src: &str) -> Vec<usize> {
        let d = elaborate(src);
        let mut sched = plan(&d, &analyse(&d));
        sched.wave_only_procs = wave_only_processes(&d, &sched);
        let units = wave_only_units(&sched);
        let line = |p: ProcId| src[..d.procs[p].span.start as usize].matches('\n').count() + 1;
        let mut lines: Vec<usize> = units.iter().flat_map(|&k| sched.members(k)).map(line).collect();
        lines.sort();
        lines
    }

    #[test]
    fn logic_only_other_wave_only_logic_reads_is_wave_only() {
        let src = "module t;
reg clk = 0; reg [3:0] count = 0;
reg [31:0] name, last, shown;
wire [3:0] copy = count;
always @* begin name = \"idle\"; if (count[0]) name = \"odd\"; end
always @(posedge clk) last <= shown;
always @* shown = last ^ name;
always #5 clk = ~clk;
always @(posedge clk) begin count <= count + 1; if (count == 5) $finish; end
endmodule
";
        // `last` and `shown` read each other: the largest set keeps both
        assert_eq!(wave_only_lines(src), vec![4, 5, 6, 7]);
    }

    #[test]
    fn what_a_live_process_reads_or_waits_on_is_live() {
        let src = "module t;
reg clk = 0; reg [3:0] count = 0;
reg [3:0] a, b, c, d, e;
always @* a = count + 1;
always @(posedge clk) b <= a;
always @* c = count + 2;
always @(c) $display(\"c changed\");
function [3:0] f; input x; f = d; endfunction
always @* d = count + 3;
always @* e = count + 4;
initial #100 $display(b, f(0));
endmodule
";
        // `a` feeds `b`, which an initial block prints; `c` wakes a
        // process; `d` is read by a function; `e` is wave-only
        assert_eq!(wave_only_lines(src), vec![10]);
    }

    #[test]
    fn processes_with_other_effects_are_live() {
        let src = "module t;
reg clk = 0; reg [3:0] count = 0;
reg [3:0] a, b, c, d;
function [3:0] g; input [3:0] x; g = x + 1; endfunction
always @* a = g(count);
always @* b = $random;
always @(posedge clk) begin c <= count; $display(c); end
always @(posedge clk) d <= #1 count;
endmodule
";
        // a call, a system function with an effect, a system task, a delay
        assert_eq!(wave_only_lines(src), Vec::<usize>::new());
    }

    #[test]
    fn processes_that_can_wake_themselves_are_live() {
        let src = "module t;
reg [3:0] count = 0, a, b, c, d;
always @* a = ~b;
always @* b = a;
always @(c) c <= ~c;
always @* d = count;
endmodule
";
        // a zero-delay loop through two processes, and through an NBA
        assert_eq!(wave_only_lines(src), vec![6]);
    }

    #[test]
    fn only_processes_on_a_cycle_wake_themselves() {
        // 0 <-> 1 -> 2 -> 3 <-> 4, 5 -> 5, 6 -> 7: 2 lies between two
        // loops but on none
        let edges: [&[u32]; 8] = [&[1], &[0, 2], &[3], &[4], &[3], &[5], &[7], &[]];
        let set: BTreeSet<ProcId> = (0..8).map(ProcId::from_raw).collect();
        let wakes = |p: ProcId| edges[p.index()].iter().map(|&q| ProcId::from_raw(q)).collect();
        let looping: Vec<u32> = on_cycles(&set, wakes).into_iter().map(|p| p.raw()).collect();
        assert_eq!(looping, [0, 1, 3, 4, 5]);
    }

    #[test]
    fn a_design_that_dumps_its_own_waves_has_no_wave_only_logic() {
        let src = "module t;
reg [3:0] count = 0, a;
always @* a = count + 1;
initial $dumpvars;
endmodule
";
        assert_eq!(wave_only_lines(src), Vec::<usize>::new());
    }
}
