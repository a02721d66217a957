//! Wire substitution: a net whose one writer is a continuous assignment of
//! bits of other signals (`wire [4:0] rs1 = ir[19:15];`, an immediate
//! built by concatenating and replicating fields) is read, in the `always`
//! blocks and continuous assignments that read it, as those bits.
//!
//! Each such wire costs the compiled design a process: it runs when its
//! source changes, compares and stores its value, and wakes its readers.
//! A decoder reading eleven fields of one instruction register ran eleven
//! of them per instruction. Read in place, the bits cost their readers a
//! shift and a mask, and the wire's own assignment is left with no reader
//! but waves (`wsim_codegen`'s wave-only processes then skip it in runs
//! that record none). Verilator inlines such assignments the same way.
//!
//! The wire itself stays, still assigned: waves, `$monitor`, lvalues and
//! event controls other than those below keep naming it. A read is
//! rewritten only where nothing can tell the difference:
//! - the wire: written at exactly one place in the design, the whole-signal
//!   target of an undelayed `ContAssign` whose value has the wire's type
//!   and is made only of constants, whole scalar static signals, selects
//!   at constant offsets, concatenations and replications of those (not a
//!   constant alone, nor a copy of another net: see `substitutable_wires`);
//!   no alias names it;
//! - the reader: an `always` process or a continuous assignment (an
//!   `initial` block can read a wire right after writing its source, in
//!   the same time step, and see the old value) that writes no source of
//!   the wire (its own write would show before the wire's update) and
//!   calls no subroutine but functions of their arguments alone
//!   ([`computes_from_arguments`]: another could write a source or read
//!   the wire itself, and one that keeps a value between calls would see
//!   the extra runs below);
//! - a reader whose event control names the wire (`@*`, a continuous
//!   assignment's inputs) waits on the wire's sources instead, so only an
//!   *idempotent* one: it only assigns (no system task, no loop, no other
//!   wait) and reads nothing it writes. Running again on a change of a
//!   source bit the wire does not show then stores what it stored. Other
//!   event uses (`posedge` of the wire, the wire inside an expression) keep
//!   the reader as it is;
//! - at time 0: a reader that starts at its event control (`always @*`)
//!   woke when the wire's first value left its initial X (0 if two-state).
//!   Where a known constant bit makes that certain, the reader takes the
//!   `always_comb` shape (it runs once at time 0, then waits); where it
//!   depends (a source with an initial value, a net source, which starts
//!   Z when undriven) the reader keeps the wire ([`time_zero_change`]).
//!
//! A select of a substituted select is folded into one select of the
//! source (`rs1[0]` becomes `ir[15]`).

use std::collections::{BTreeMap, HashSet};

use wsim_ir::{
    Const, Design, Edge, Event, ExprId, ExprKind, ProcId, ProcKind, SignalId, SignalKind, StmtId, StmtKind, Storage,
};

use crate::stateless::computes_from_arguments;
use crate::visit::{any_change_signal, lvalue_nodes, named_signal, reads_to_keep, sole_drivers, Live};

pub fn run(d: &mut Design) {
    let live = Live::of(d);
    let wires = substitutable_wires(d, &live);
    if wires.is_empty() {
        return;
    }
    let keep = reads_to_keep(d, &live);
    let lvalues = lvalue_nodes(d);
    // by SubrId, once: a reader is looked at again after each wire
    let pure: Vec<bool> = d.subrs.ids().map(|f| computes_from_arguments(d, f)).collect();
    let readers: Vec<ProcId> = (d.procs.iter())
        .filter(|(_, p)| matches!(p.kind, ProcKind::Always | ProcKind::ContAssign))
        .map(|(id, _)| id)
        .collect();
    for p in readers {
        substitute_in(d, p, &wires, &keep, &lvalues, &pure);
    }
}

/// The wires to read in place, each with its continuous assignment's value.
fn substitutable_wires(d: &Design, live: &Live) -> BTreeMap<SignalId, ExprId> {
    // A constant is `propagate_constants`' (its time-0 event stays).
    // A copy of another net joins that net's fused unit, and its
    // readers follow it there: picorv32's `mem_rdata_latched` (a copy
    // of `mem_rdata_latched_noshuffle`) read in place moved them to
    // other units, 2397 -> 2445 instructions per cycle. rv32_pipe's
    // copies of registers (`w_rd = w_rd_q`) read in place: 1769 -> 1720.
    let copies_a_net = |value: ExprId| match d.exprs[value].kind {
        ExprKind::Signal(src) => matches!(d.signals[src].kind, SignalKind::Net(_)),
        _ => false,
    };
    let taken = |&(_, value): &(SignalId, ExprId)| {
        !sources(d, value).is_empty() && !copies_a_net(value) && bits_of_signals(d, value)
    };
    sole_drivers(d, live).into_iter().filter(taken).collect()
}

/// True if `e` only rearranges bits of whole scalar static signals and
/// constants: reading it in place costs a shift and a mask per part.
fn bits_of_signals(d: &Design, e: ExprId) -> bool {
    match &d.exprs[e].kind {
        ExprKind::Const(_) => true,
        ExprKind::Signal(s) => d.signals[*s].dims.is_empty() && d.signals[*s].storage == Storage::Static,
        ExprKind::Select { base, offset, .. } => {
            matches!(&d.exprs[*offset].kind, ExprKind::Const(c) if c.is_known()) && bits_of_signals(d, *base)
        }
        ExprKind::Concat(parts) => parts.iter().all(|&p| bits_of_signals(d, p)),
        ExprKind::Replicate { arg, .. } => bits_of_signals(d, *arg),
        _ => false,
    }
}

/// The signals `e` reads, in order of first appearance.
fn sources(d: &Design, e: ExprId) -> Vec<SignalId> {
    let mut out = Vec::new();
    let mut todo = vec![e];
    while let Some(e) = todo.pop() {
        match &d.exprs[e].kind {
            ExprKind::Signal(s) if !out.contains(s) => out.push(*s),
            k => todo.extend(k.children().into_iter().rev()),
        }
    }
    out
}

/// What one process reads and writes, and whether it only assigns.
struct Reader {
    /// Expression nodes under the process, statements' and events' alike.
    exprs: HashSet<ExprId>,
    /// The `WaitEvent` statements.
    waits: Vec<StmtId>,
    writes: HashSet<SignalId>,
    reads: HashSet<SignalId>,
    calls: bool,
    /// Only blocks, assignments, `if`, `case` and one event control.
    only_assigns: bool,
    /// Its body does not start with its event control: it runs once at
    /// time 0 (a continuous assignment, `always_comb`).
    runs_at_time_zero: bool,
}

impl Reader {
    /// `pure`: by SubrId, the function computes from its arguments alone.
    fn of(d: &Design, p: ProcId, lvalues: &HashSet<ExprId>, pure: &[bool]) -> Reader {
        let exprs = Live::from_roots_sparse(d, d.procs[p].body);
        let mut r = Reader {
            exprs,
            waits: vec![],
            writes: HashSet::new(),
            reads: HashSet::new(),
            calls: false,
            only_assigns: true,
            runs_at_time_zero: !waits_first(d, d.procs[p].body),
        };
        let mut stmts = vec![d.procs[p].body];
        while let Some(s) = stmts.pop() {
            let kind = &d.stmts[s].kind;
            match kind {
                StmtKind::WaitEvent { .. } => r.waits.push(s),
                StmtKind::Nop
                | StmtKind::Block { .. }
                | StmtKind::Assign { .. }
                | StmtKind::If { .. }
                | StmtKind::Case { .. } => {}
                StmtKind::Call { .. } => {
                    r.calls = true;
                    r.only_assigns = false;
                }
                _ => r.only_assigns = false,
            }
            stmts.extend(kind.children());
        }
        r.only_assigns &= r.waits.len() == 1;
        for &e in &r.exprs {
            let kind = &d.exprs[e].kind;
            r.calls |= matches!(kind, ExprKind::Call { subr, .. } if !pure[subr.index()]);
            let Some(s) = named_signal(kind) else { continue };
            if lvalues.contains(&e) {
                r.writes.insert(s);
            } else {
                r.reads.insert(s);
            }
        }
        r
    }

    /// True if running again with the same inputs stores the same values.
    fn idempotent(&self) -> bool {
        self.only_assigns && self.reads.is_disjoint(&self.writes)
    }
}

/// Reads `p`'s value reads of the substitutable `wires` in place, where
/// the rules of the module doc allow, one wire at a time, each once (a
/// copied value may read another wire, which is then substituted in turn).
fn substitute_in(
    d: &mut Design,
    p: ProcId,
    wires: &BTreeMap<SignalId, ExprId>,
    keep: &HashSet<ExprId>,
    lvalues: &HashSet<ExprId>,
    pure: &[bool],
) {
    let mut done = HashSet::new();
    loop {
        let r = Reader::of(d, p, lvalues, pure);
        if r.calls {
            return;
        }
        let next = wires.iter().find(|&(w, &value)| !done.contains(w) && substitutable_in(d, &r, *w, value));
        let Some((&w, &value)) = next else { break };
        done.insert(w);
        let sites: Vec<ExprId> = r
            .exprs
            .iter()
            .copied()
            .filter(|e| !keep.contains(e) && matches!(d.exprs[*e].kind, ExprKind::Signal(s) if s == w))
            .collect();
        for e in sites {
            d.exprs[e].kind = cloned_kind(d, value);
        }
        if waits_on(d, &r, w) == Some(true) {
            wait_on_sources(d, &r, w, value);
            // it woke at time 0 on the wire's first value: now it runs then
            if !r.runs_at_time_zero && time_zero_change(d, w, value) == Some(true) {
                move_wait_last(d, d.procs[p].body);
            }
        }
    }
    if !done.is_empty() {
        fold_nested_selects(d, &Live::from_roots_sparse(d, d.procs[p].body));
    }
}

/// True if reader `r` may read wire `w` (of value `value`) in place.
fn substitutable_in(d: &Design, r: &Reader, w: SignalId, value: ExprId) -> bool {
    if !r.reads.contains(&w) || sources(d, value).iter().any(|s| r.writes.contains(s)) {
        return false;
    }
    match waits_on(d, r, w) {
        None => true,
        Some(plain) => plain && r.idempotent() && (r.runs_at_time_zero || time_zero_change(d, w, value).is_some()),
    }
}

/// Whether wire `w` (of value `value`) changes at time 0, when its
/// continuous assignment first runs, from its initial value (X, or 0 for a
/// two-state wire): Some(true) if certainly (a constant part has a known
/// bit, or a 1 in a two-state wire), Some(false) if certainly not by
/// itself (no such constant bit, and every source is a variable that
/// starts as the wire does: no initial value, or one of all X, or of 0 if
/// two-state; a source that changes at time 0 wakes the wire's readers
/// itself), None if it depends (a net source starts Z when undriven).
fn time_zero_change(d: &Design, w: SignalId, value: ExprId) -> Option<bool> {
    let four_state = d.signals[w].ty.four_state;
    let consts = constant_parts(d, value);
    let bits = |c: &Const, i: usize| (c.aval()[i / 64] >> (i % 64) & 1, c.bval()[i / 64] >> (i % 64) & 1);
    let differs = |c: &&Const| (0..c.width as usize).any(|i| bits(c, i) != if four_state { (1, 1) } else { (0, 0) });
    if consts.iter().any(differs) {
        return Some(true);
    }
    let quiet = |s: &SignalId| {
        let sig = &d.signals[*s];
        sig.kind == SignalKind::Var && sig.ty.four_state == four_state && sig.init.as_ref().is_none_or(|c| !differs(&c))
    };
    sources(d, value).iter().all(quiet).then_some(false)
}

/// The constants in `e` other than select offsets.
fn constant_parts(d: &Design, e: ExprId) -> Vec<&Const> {
    match &d.exprs[e].kind {
        ExprKind::Const(c) => vec![c],
        ExprKind::Select { base, .. } => constant_parts(d, *base),
        k => k.children().into_iter().flat_map(|c| constant_parts(d, c)).collect(),
    }
}

/// True if `body` is `[WaitEvent, ...]`: `always @(...)`.
fn waits_first(d: &Design, body: StmtId) -> bool {
    let StmtKind::Block { stmts, .. } = &d.stmts[body].kind else { return false };
    stmts.first().is_some_and(|&s| matches!(d.stmts[s].kind, StmtKind::WaitEvent { .. }))
}

/// `[WaitEvent, rest...]` becomes `[rest..., WaitEvent]`, the shape of
/// `always_comb`: the body runs once at time 0, then on every event.
fn move_wait_last(d: &mut Design, body: StmtId) {
    if let StmtKind::Block { stmts, .. } = &mut d.stmts[body].kind {
        stmts.rotate_left(1);
    }
}

/// Whether `p`'s event controls name `w`: None if not at all, Some(true)
/// if only as `@(w)` (any change of the whole wire), Some(false) if some
/// other way (an edge of it, or inside an expression).
fn waits_on(d: &Design, r: &Reader, w: SignalId) -> Option<bool> {
    let mut seen = None;
    for &s in &r.waits {
        let StmtKind::WaitEvent { events } = &d.stmts[s].kind else { continue };
        for ev in events {
            if any_change_of(d, ev, w) {
                seen = Some(true);
            } else if sources(d, ev.expr).contains(&w) {
                return Some(false);
            }
        }
    }
    seen
}

/// True if `ev` is `@(sig)`: any change of the whole signal.
fn any_change_of(d: &Design, ev: &Event, sig: SignalId) -> bool {
    any_change_signal(d, ev) == Some(sig)
}

/// Replaces `@(w)` in `r`'s event controls with a change of any source of
/// `value`, each listed once.
fn wait_on_sources(d: &mut Design, r: &Reader, w: SignalId, value: ExprId) {
    let srcs = sources(d, value);
    for &s in &r.waits {
        let StmtKind::WaitEvent { events } = &d.stmts[s].kind else { continue };
        let mut events = events.clone();
        let Some(at) = events.iter().position(|ev| any_change_of(d, ev, w)) else {
            continue;
        };
        let span = d.exprs[events[at].expr].span;
        events.retain(|ev| !any_change_of(d, ev, w));
        // `sources` lists each once; the events before `at` all stay
        let mut added = vec![];
        for &src in &srcs {
            if !events.iter().any(|ev| any_change_of(d, ev, src)) {
                let expr = d.add_expr(ExprKind::Signal(src), d.signals[src].ty, span);
                added.push(Event { edge: Edge::Any, expr });
            }
        }
        events.splice(at..at, added);
        d.stmts[s].kind = StmtKind::WaitEvent { events };
    }
}

/// The kind of `e` over fresh copies of its children (of the kinds
/// `bits_of_signals` accepts), so that no node is shared between processes.
fn cloned_kind(d: &mut Design, e: ExprId) -> ExprKind {
    let copy = |d: &mut Design, c: ExprId| {
        let (ty, span) = (d.exprs[c].ty, d.exprs[c].span);
        let kind = cloned_kind(d, c);
        d.add_expr(kind, ty, span)
    };
    match d.exprs[e].kind.clone() {
        ExprKind::Select { base, offset, width } => {
            ExprKind::Select { base: copy(d, base), offset: copy(d, offset), width }
        }
        ExprKind::Concat(parts) => ExprKind::Concat(parts.into_iter().map(|p| copy(d, p)).collect()),
        ExprKind::Replicate { count, arg } => ExprKind::Replicate { count, arg: copy(d, arg) },
        leaf => leaf,
    }
}

/// `Select(Select(b, o1, w1), o2, w2)` with known constant offsets and
/// the outer bits inside the inner ones becomes `Select(b, o1 + o2, w2)`.
fn fold_nested_selects(d: &mut Design, exprs: &HashSet<ExprId>) {
    for &e in exprs {
        let ExprKind::Select { base, offset, width } = d.exprs[e].kind else { continue };
        let ExprKind::Select { base: inner, offset: inner_offset, width: inner_width } = d.exprs[base].kind else {
            continue;
        };
        let (Some(o1), Some(o2)) = (known_offset(d, inner_offset), known_offset(d, offset)) else { continue };
        if o2.checked_add(u64::from(width)).is_none_or(|end| end > u64::from(inner_width)) {
            continue;
        }
        let ty = d.exprs[offset].ty;
        let Some(sum) = o1.checked_add(o2).filter(|&s| ty.width >= 64 || s >> (ty.width - u32::from(ty.signed)) == 0)
        else {
            continue;
        };
        let span = d.exprs[offset].span;
        let c = d.add_expr(ExprKind::Const(Const::from_u64(ty.width, ty.signed, sum)), ty, span);
        d.exprs[e].kind = ExprKind::Select { base: inner, offset: c, width };
    }
}

/// A select offset that is a known, non-negative constant.
fn known_offset(d: &Design, e: ExprId) -> Option<u64> {
    let ExprKind::Const(c) = &d.exprs[e].kind else { return None };
    let v = c.to_u64()?;
    let negative = c.signed && c.width > 0 && c.width <= 64 && v >> (c.width - 1) & 1 == 1;
    (!negative).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::testkit::{apply, elaborate, processes};

    /// The printed processes after the pass, with the signal names.
    fn after(src: &str) -> String {
        let mut d = elaborate(src);
        apply(&mut d, "substitute_wires", run);
        let names: Vec<String> = d.signals.iter().map(|(id, s)| format!("s{} = {}", id.index(), s.name)).collect();
        format!("{}\n{}", names.join("\n"), processes(&d))
    }

    #[test]
    fn fields_are_read_in_place_and_their_readers_wait_on_the_register() {
        let out = after(
            "module t; reg clk; reg [15:0] ir; wire [3:0] op = ir[3:0]; wire [1:0] hi = ir[15:14];\n\
             reg [3:0] a; reg b; wire [4:0] c = op + 5'd1;\n\
             always @* a = op; always @(posedge clk) b <= hi[1]; endmodule\n",
        );
        // s1 = ir, s2 = op, s3 = hi: the nets keep their assignments
        assert!(out.contains("assign s2 = (sel:4u s1 (const:b64s 64'sh0))\n"), "{out}");
        assert!(out.contains("assign s3 = (sel:2u s1 (const:b64s 64'she))\n"), "{out}");
        // `@*` and the continuous assignment wait on `ir` and read its bits
        assert!(out.contains("wait-event @(s1)\n") && !out.contains("wait-event @(s2)"), "{out}");
        assert!(out.contains("assign s4 = (sel:4u s1 (const:b64s 64'sh0))"), "{out}");
        assert!(out.contains("(add:5u (conv:5u (sel:4u s1 (const:b64s 64'sh0))) (const 5'h1))"), "{out}");
        // a select of a field is one select of the register
        assert!(out.contains("nonblocking s5 <= (sel:1u s1 (const:b64s 64'shf))"), "{out}");
        assert!(out.contains("wait-event @(posedge s0)"), "{out}");
    }

    #[test]
    fn readers_that_could_tell_the_difference_keep_the_net() {
        let out = after(
            "module t; reg clk; reg [15:0] ir; wire [3:0] op = ir[3:0]; wire top = ir[15];\n\
             wire [3:0] copy = op; wire [3:0] late; assign #1 late = ir[3:0];\n\
             reg [3:0] a, b, c, e, f; integer n;\n\
             initial a = op;\n\
             always @(posedge clk) begin ir = ir + 16'd1; b = op; end\n\
             always @(op) n = n + 1;\n\
             always @(posedge top) c = 4'd1;\n\
             always @* e = late;\n\
             always @* f = copy;\n\
             endmodule\n",
        );
        // s1 = ir, s2 = op, s3 = top, s4 = copy, s5 = late; a..f = s6..s10
        assert!(out.contains("assign s6 = s2\n"), "an initial block: {out}");
        assert!(out.contains("assign s1 = (add:16u s1 (const 16'h1))") && out.contains("assign s7 = s2\n"), "{out}");
        assert!(out.contains("wait-event @(s2)\n") && out.contains("(add:32s s11"), "an effect on `@(op)`: {out}");
        assert!(out.contains("wait-event @(posedge s3)"), "an edge of the net: {out}");
        assert!(out.contains("assign s9 = s5\n"), "a delayed assignment: {out}");
        // `copy` copies a net: read as it is; its own value reads `op` in place
        assert!(out.contains("assign s10 = s4\n") && out.contains("assign s4 = (sel:4u s1"), "{out}");
    }

    #[test]
    fn a_reader_woken_by_a_constant_part_at_time_zero_now_runs_then() {
        let out = after(
            "module t; reg [3:0] ir; reg [7:0] seed = 8'h5a; wire [4:0] p = {ir, 1'b0};\n\
             wire [3:0] lo = seed[3:0]; reg [4:0] x; reg [3:0] y;\n\
             always @* x = p; always @* y = lo; endmodule\n",
        );
        // s0 = ir, s2 = p: `always @* x = p` becomes `always_comb`-shaped
        let at = out.find("assign s4 = (concat:5u s0 (const 1'h0))").expect(&out);
        assert!(out[at..].starts_with("assign s4 = (concat:5u s0 (const 1'h0))\n    st"), "{out}");
        assert!(out[at..].contains("wait-event @(s0)"), "{out}");
        // `lo`'s first value depends on `seed`'s initial value: left alone
        assert!(out.contains("assign s5 = s3"), "{out}");
    }
}
