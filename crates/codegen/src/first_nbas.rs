//! First NBAs: the nonblocking assignments to a shadowed signal that find
//! its record unarmed, so they need not test it (`Lower::write_shadow`).
//!
//! A zero-delay NBA to a shadowed signal (`crate::shadow`) first loads its
//! record's flags: an earlier NBA of the step may have armed it, and then
//! the new value replaces the one waiting there (the last NBA wins) even
//! if it equals the signal's. Only NBAs to the signal arm its record, and
//! the NBA region's commit disarms every record once per time step. So an
//! NBA finds the record of signal `s` unarmed when:
//! - every NBA to `s` is in one process `P` (none in a subroutine);
//! - `P` runs at most once per time step: it waits for one edge of a clock
//!   only a timer writes (`always #5 clk = ~clk`), as its only event
//!   control, placed first;
//! - no NBA to `s` can run before it in `P`'s activation: none on any
//!   path to it, and none in a loop around it.
//!
//! picorv32's decoder writes some fifty one-hot flags that way on each
//! instruction fetched; each skipped test is an x86 load, test and branch.

use crate::analysis::{walk_stmts, written_signals};
use crate::schedule::{top_level, StaticPlan};
use std::collections::{BTreeSet, HashMap, HashSet};
use wsim_ir::*;

/// The NBA statements (of the static processes' bodies) that find their
/// signal's record unarmed; see the module doc.
pub fn find(d: &Design, plan: &StaticPlan) -> HashSet<StmtId> {
    let writers = nba_writers(d);
    let mut timer_only = HashMap::new();
    let mut first = HashSet::new();
    for (p, proc_) in d.procs.iter() {
        if !runs_once_per_step(d, plan, p, &mut timer_only) {
            continue;
        }
        let only_here = |s: SignalId| writers.get(&s).is_some_and(|w| *w == Writer::Process(p));
        let mut written = BTreeSet::new();
        for st in top_level(d, proc_.body).into_iter().skip(1) {
            walk(d, st, &only_here, false, &mut written, &mut first);
        }
    }
    first
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Writer {
    Process(ProcId),
    /// Two processes, or a subroutine.
    Several,
}

/// By signal: what writes it with nonblocking assignments.
fn nba_writers(d: &Design) -> HashMap<SignalId, Writer> {
    let mut out: HashMap<SignalId, Writer> = HashMap::new();
    let mut note = |body: StmtId, who: Writer| {
        walk_stmts(d, body, &mut |s| {
            for sig in nba_targets(d, s) {
                let w = out.entry(sig).or_insert(who);
                if *w != who {
                    *w = Writer::Several;
                }
            }
        });
    };
    for (p, proc_) in d.procs.iter() {
        note(proc_.body, Writer::Process(p));
    }
    for (_, sub) in d.subrs.iter() {
        note(sub.body, Writer::Several);
    }
    out
}

/// The signals statement `s` writes by a nonblocking assignment (any
/// delay), itself, not its children.
fn nba_targets(d: &Design, s: StmtId) -> Vec<SignalId> {
    let mut ws = vec![];
    if let StmtKind::NonBlocking { lhs, .. } = &d.stmts[s].kind {
        written_signals(d, *lhs, &mut ws);
    }
    ws
}

/// True for a static process whose only event control is its first
/// statement, one edge of a clock only a timer writes (see
/// `crate::direct_nbas`, where the same clock lets NBAs store directly).
/// `timer_only`: the clocks answered so far (every process of a design
/// usually waits for the same one).
fn runs_once_per_step(d: &Design, plan: &StaticPlan, p: ProcId, timer_only: &mut HashMap<SignalId, bool>) -> bool {
    let Some(&wait) = plan.wait.get(&p) else { return false };
    let StmtKind::WaitEvent { events } = &d.stmts[wait].kind else { return false };
    let [event] = events.as_slice() else { return false };
    let (ExprKind::Signal(clock), Edge::Pos | Edge::Neg) = (&d.exprs[event.expr].kind, event.edge) else {
        return false;
    };
    if top_level(d, d.procs[p].body).first() != Some(&wait) {
        return false;
    }
    let mut other_controls = 0;
    walk_stmts(d, d.procs[p].body, &mut |s| {
        if matches!(d.stmts[s].kind, StmtKind::WaitEvent { .. } | StmtKind::Delay { .. } | StmtKind::Fork { .. }) {
            other_controls += 1;
        }
    });
    other_controls == 1 && *timer_only.entry(*clock).or_insert_with(|| written_only_by_a_timer(d, plan, *clock))
}

/// True if the only process writing `s` is one of the plan's timers.
fn written_only_by_a_timer(d: &Design, plan: &StaticPlan, s: SignalId) -> bool {
    let writes = |body: StmtId| crate::direct_nbas::writes_of(d, body).contains(&s);
    let mut writers = d.procs.iter().filter(|(_, proc_)| writes(proc_.body)).map(|(p, _)| p);
    match (writers.next(), writers.next()) {
        (Some(w), None) => plan.timers.iter().any(|&(t, _)| t == w) && !d.subrs.iter().any(|(_, sub)| writes(sub.body)),
        _ => false,
    }
}

/// Walks `st` in execution order, entered with `written`: the signals some
/// path to it has written with an NBA. Adds to `first` the NBAs no earlier
/// NBA to their signals can precede (`in_loop`: an iteration could).
fn walk(
    d: &Design,
    st: StmtId,
    only_here: &dyn Fn(SignalId) -> bool,
    in_loop: bool,
    written: &mut BTreeSet<SignalId>,
    first: &mut HashSet<StmtId>,
) {
    match &d.stmts[st].kind {
        StmtKind::Block { stmts, .. } => {
            for &c in stmts {
                walk(d, c, only_here, in_loop, written, first);
            }
        }
        StmtKind::If { then_stmt, else_stmt, .. } => {
            let branches: Vec<StmtId> = [*then_stmt].into_iter().chain(*else_stmt).collect();
            walk_branches(d, &branches, only_here, in_loop, written, first);
        }
        StmtKind::Case { arms, default, .. } => {
            let branches: Vec<StmtId> = arms.iter().map(|a| a.body).chain(*default).collect();
            walk_branches(d, &branches, only_here, in_loop, written, first);
        }
        StmtKind::NonBlocking { lhs, delay: None, .. } => {
            let mut ws = vec![];
            written_signals(d, *lhs, &mut ws);
            // a concatenation writing parts of one signal arms its record
            // with the first part
            let once = ws.iter().collect::<BTreeSet<_>>().len() == ws.len();
            if !in_loop && once && ws.iter().all(|&s| only_here(s) && !written.contains(&s)) {
                first.insert(st);
            }
            written.extend(ws);
        }
        // a loop, or anything else with statements inside: each NBA in it
        // is behind the others (an iteration, or an order not followed here);
        // the walk of its children notes what they write, so only a delayed
        // NBA's own targets are left to note
        kind => {
            for c in kind.children() {
                walk(d, c, only_here, true, written, first);
            }
            written.extend(nba_targets(d, st));
        }
    }
}

/// The arms of an `if` or `case`: each entered with what came before, and
/// what follows them entered with what any of them wrote.
fn walk_branches(
    d: &Design,
    branches: &[StmtId],
    only_here: &dyn Fn(SignalId) -> bool,
    in_loop: bool,
    written: &mut BTreeSet<SignalId>,
    first: &mut HashSet<StmtId>,
) {
    let before = written.clone();
    for &b in branches {
        let mut path = before.clone();
        walk(d, b, only_here, in_loop, &mut path, first);
        written.extend(path);
    }
}

#[cfg(test)]
mod tests {
    use super::find;
    use crate::schedule::tests::elaborate;
    use wsim_ir::StmtKind;

    /// The signals of the NBAs `find` accepts, in statement order.
    fn first_nbas(src: &str) -> Vec<String> {
        let d = elaborate(src);
        let facts = crate::analysis::analyse(&d);
        let plan = crate::schedule::plan(&d, &facts);
        let first = find(&d, &plan);
        let mut out = vec![];
        for (s, st) in d.stmts.iter() {
            if let (true, StmtKind::NonBlocking { lhs, .. }) = (first.contains(&s), &st.kind) {
                let mut ws = vec![];
                crate::analysis::written_signals(&d, *lhs, &mut ws);
                out.extend(ws.into_iter().map(|w| d.signals[w].name.clone()));
            }
        }
        out
    }

    const CLOCK: &str = "reg clk = 0; always #5 clk = ~clk;";

    #[test]
    fn the_first_nba_of_each_signal_on_every_path() {
        let src = format!(
            "module t; {CLOCK} reg [7:0] a, b, c; reg [1:0] k;
             always @(posedge clk) begin
               a <= 1;
               if (k == 0) b <= 2; else c <= 3;
               case (k) 1: b <= 4; default: c <= 5; endcase
               a <= 6;
             end
             endmodule\n"
        );
        // `b` and `c` once each (the `case` arms follow an `if` that may
        // have written them), `a` the first time
        assert_eq!(first_nbas(&src), ["a", "b", "c"]);
    }

    #[test]
    fn a_loop_an_other_writer_or_an_other_clock_tests_the_record() {
        let looped = format!(
            "module t; {CLOCK} reg [7:0] a; integer i;
             always @(posedge clk) for (i = 0; i < 2; i = i + 1) a <= i;
             endmodule\n"
        );
        assert!(first_nbas(&looped).is_empty());
        let two_writers = format!(
            "module t; {CLOCK} reg [7:0] a; reg [7:0] b;
             initial a <= 1;
             always @(negedge clk) begin a <= 2; b <= 3; end
             endmodule\n"
        );
        assert_eq!(first_nbas(&two_writers), ["b"]);
        // a clock a thread drives could have two edges in one step
        let thread_clock = "module t; reg clk = 0; initial forever #5 clk = ~clk; reg [7:0] a;
             always @(posedge clk) a <= 1;
             endmodule\n";
        assert!(first_nbas(thread_clock).is_empty());
        // two event controls: two activations per step are possible
        let either_edge = format!(
            "module t; {CLOCK} reg [7:0] a; reg r;
             always @(posedge clk or posedge r) a <= 1;
             endmodule\n"
        );
        assert!(first_nbas(&either_edge).is_empty());
        // parts of one signal in one concatenation: the first part arms
        // the record, the next finds it armed
        let parts = format!(
            "module t; {CLOCK} reg [7:0] a, b; reg [3:0] c;
             always @(posedge clk) begin {{a[3:0], c, a[7:4]}} <= 16'h1234; {{b[7:4], c}} <= 8'h56; end
             endmodule\n"
        );
        assert!(first_nbas(&parts).is_empty());
    }
}
