//! Dead code removal: what cannot be observed goes.
//!
//! - **Statements**: `nop`s leave their blocks; an unnamed block inside
//!   another block is spliced into it (a named one stays: `disable` and
//!   `%m` name it). The top block of a process body keeps its shape
//!   (`[WaitEvent, body]` and the like, which backends recognise); an
//!   `if` or `case` whose branches are all empty and whose condition has
//!   no effect becomes a `nop`; so does a call without arguments of a
//!   subroutine whose body is empty (picorv32's `empty_statement`, which
//!   its `assert macro expands to).
//! - **Processes**: one whose only effects are writes to hidden signals
//!   that no other process, subroutine or alias reads goes, repeated until
//!   nothing changes (removing one can leave another's target unread).
//!   Signals the user declared are never "unread": waves show them. A
//!   process that could keep time running or hang (a delay, a loop, an
//!   `always` with no event control) or that does anything else (system
//!   tasks, calls, triggers, `disable`, `fork`, functions with effects)
//!   stays.
//!
//! Signals are never removed: their handles are used everywhere, and an
//! unread hidden signal costs memory, not time.

use std::collections::{HashMap, HashSet};

use wsim_ir::{Design, ExprId, ExprKind, ProcId, ProcKind, SignalId, StmtId, StmtKind};

use crate::visit::{aliased_signals, lvalue_nodes, lvalue_signals, named_signal, Live};

pub fn run(d: &mut Design) {
    remove_dead_statements(d);
    remove_dead_processes(d);
}

// ---------------------------------------------------------------- statements

fn remove_dead_statements(d: &mut Design) {
    let live = Live::of(d);
    // Children before parents, so an emptied branch is seen as empty.
    let order = post_order(d, &live);
    // Process bodies keep their documented shape (`[Assign, WaitEvent]`,
    // `[WaitEvent, body]`...): backends recognise processes by it.
    let bodies: HashSet<StmtId> = d.procs.iter().map(|(_, p)| p.body).collect();
    for s in order {
        if !bodies.contains(&s) {
            simplify_statement(d, s);
        }
    }
}

/// Live statements, each after all the statements under it.
fn post_order(d: &Design, live: &Live) -> Vec<StmtId> {
    let mut out = Vec::new();
    let mut seen = vec![false; d.stmts.len()];
    for root in crate::visit::root_stmts(d) {
        let mut stack = vec![(root, false)];
        while let Some((s, children_done)) = stack.pop() {
            if children_done {
                out.push(s);
                continue;
            }
            if !live.stmts[s.index()] || std::mem::replace(&mut seen[s.index()], true) {
                continue;
            }
            stack.push((s, true));
            stack.extend(d.stmts[s].kind.children().into_iter().map(|c| (c, false)));
        }
    }
    out
}

fn simplify_statement(d: &mut Design, s: StmtId) {
    match d.stmts[s].kind.clone() {
        StmtKind::Block { stmts, name } => {
            let flat = flatten(d, &stmts);
            if flat != stmts {
                d.stmts[s].kind = StmtKind::Block { stmts: flat, name };
            }
        }
        StmtKind::If { cond, then_stmt, else_stmt }
            if is_empty(d, then_stmt) && else_stmt.is_none_or(|e| is_empty(d, e)) && is_pure(d, cond) =>
        {
            d.stmts[s].kind = StmtKind::Nop;
        }
        StmtKind::Call { subr, args } if args.is_empty() && is_empty(d, d.subrs[subr].body) => {
            d.stmts[s].kind = StmtKind::Nop;
        }
        StmtKind::Case { subject, arms, default, .. } => {
            let bodies_empty = arms.iter().all(|a| is_empty(d, a.body)) && default.is_none_or(|x| is_empty(d, x));
            let mut labels = arms.iter().flat_map(|a| a.labels.iter().copied());
            if bodies_empty && is_pure(d, subject) && labels.all(|l| is_pure(d, l)) {
                d.stmts[s].kind = StmtKind::Nop;
            }
        }
        _ => {}
    }
}

/// The statements of a block without `nop`s, with unnamed blocks spliced in.
fn flatten(d: &Design, stmts: &[StmtId]) -> Vec<StmtId> {
    let mut out = Vec::new();
    for &s in stmts {
        match &d.stmts[s].kind {
            StmtKind::Nop => {}
            StmtKind::Block { stmts: inner, name: None } => out.extend(flatten(d, inner)),
            _ => out.push(s),
        }
    }
    out
}

/// A statement that does nothing: `nop` or an unnamed block of nothing.
fn is_empty(d: &Design, s: StmtId) -> bool {
    match &d.stmts[s].kind {
        StmtKind::Nop => true,
        StmtKind::Block { stmts, name: None } => stmts.iter().all(|&x| is_empty(d, x)),
        _ => false,
    }
}

/// Evaluating `e` has no effect: no call, no system function but the pure
/// ones.
fn is_pure(d: &Design, e: ExprId) -> bool {
    let mut todo = vec![e];
    while let Some(x) = todo.pop() {
        match &d.exprs[x].kind {
            ExprKind::Call { .. } => return false,
            ExprKind::SysFunc { name, .. } if !is_pure_function(name) => return false,
            k => todo.extend(k.children()),
        }
    }
    true
}

/// System functions that only compute from their arguments.
fn is_pure_function(name: &str) -> bool {
    const IMPURE: &[&str] = &[
        "$random",
        "$urandom",
        "$urandom_range",
        "$fopen",
        "$feof",
        "$fgetc",
        "$ungetc",
        "$fgets",
        "$fscanf",
        "$sscanf",
        "$fread",
        "$ftell",
        "$fseek",
        "$rewind",
        "$ferror",
        "$value$plusargs",
    ];
    // Container functions change their container's block in place.
    !IMPURE.contains(&name) && !name.starts_with("$dist_") && !name.starts_with("$dyn_")
}

// ---------------------------------------------------------------- processes

fn remove_dead_processes(d: &mut Design) {
    loop {
        let dead = dead_processes(d);
        if dead.is_empty() {
            return;
        }
        let kept: Vec<_> = d.procs.iter().filter(|(id, _)| !dead.contains(id)).map(|(_, p)| p.clone()).collect();
        d.procs = wsim_ir::Arena::new();
        for p in kept {
            d.procs.push(p);
        }
    }
}

fn dead_processes(d: &Design) -> HashSet<ProcId> {
    let aliased = aliased_signals(d);
    // Processes that only write hidden, unaliased signals (most write a
    // user's signal and are out at once); who reads what is worked out
    // only when one of them writes anything.
    let candidates: Vec<(ProcId, HashSet<SignalId>)> = d
        .procs
        .iter()
        .filter_map(|(id, p)| quiet_writes(d, p.kind, p.body).map(|w| (id, w)))
        .filter(|(_, written)| written.iter().all(|s| d.signals[*s].hidden && !aliased.contains(s)))
        .collect();
    let readers = if candidates.iter().any(|(_, w)| !w.is_empty()) { readers(d) } else { HashMap::new() };
    let read_by_others = |me: ProcId, s: &SignalId| readers.get(s).is_some_and(|r| r.iter().any(|&x| x != Some(me)));
    candidates
        .into_iter()
        .filter(|(id, written)| !written.iter().any(|s| read_by_others(*id, s)))
        .map(|(id, _)| id)
        .collect()
}

/// Who reads (or waits on) each signal: a process, or `None` for a
/// subroutine. A write of a whole signal is no read; a write of an element
/// or a part is none either (the rest keeps its value unread).
fn readers(d: &Design) -> HashMap<SignalId, HashSet<Option<ProcId>>> {
    let lvalues = lvalue_nodes(d);
    let owners = d.procs.iter().map(|(id, p)| (Some(id), p.body)).chain(d.subrs.iter().map(|(_, f)| (None, f.body)));
    let mut out: HashMap<SignalId, HashSet<Option<ProcId>>> = HashMap::new();
    for (owner, body) in owners {
        let live = Live::from_roots_sparse(d, body);
        for e in live {
            if let Some(s) = named_signal(&d.exprs[e].kind) {
                if !lvalues.contains(&e) {
                    out.entry(s).or_default().insert(owner);
                }
            }
        }
    }
    out
}

/// The signals a process writes, when writing them is all it does and it
/// can neither keep time running nor loop forever; `None` otherwise.
fn quiet_writes(d: &Design, kind: ProcKind, body: StmtId) -> Option<HashSet<SignalId>> {
    let mut written = HashSet::new();
    let mut waits = false;
    let mut todo = vec![body];
    while let Some(s) = todo.pop() {
        let k = &d.stmts[s].kind;
        match k {
            StmtKind::Nop | StmtKind::Block { .. } | StmtKind::If { .. } | StmtKind::Case { .. } => {}
            StmtKind::Assign { lhs, .. } | StmtKind::NonBlocking { lhs, delay: None, .. } => {
                written.extend(lvalue_signals(d, *lhs));
            }
            StmtKind::WaitEvent { .. } => waits = true,
            _ => return None,
        }
        if !k.exprs().iter().all(|&e| is_pure(d, e)) {
            return None;
        }
        todo.extend(k.children());
    }
    // An `always` without an event control spins at time 0 forever.
    let loops = matches!(kind, ProcKind::Always | ProcKind::ContAssign);
    (!loops || waits).then_some(written)
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::testkit::{apply, elaborate, processes};

    #[test]
    fn empty_statements_and_unnamed_blocks_go() {
        let mut d = elaborate(
            "module t; reg a; initial begin begin begin end if (a) begin end else ; \n\
             begin a = 1; begin a = 0; end end begin : keep a = 1; end end end endmodule\n",
        );
        apply(&mut d, "remove_dead_code", run);
        assert_eq!(
            processes(&d),
            "p0 initial sc1\n  st1 block\n    st2 block\n      st8 assign s0 = (const 1'h1)\n\
             \x20     st10 assign s0 = (const 1'h0)\n      st0 block sc2\n        st11 assign s0 = (const 1'h1)\n"
        );
    }

    #[test]
    fn calls_of_an_empty_task_go_and_then_their_process() {
        let src = "module t; reg a, b; task nothing; begin end endtask\n\
                   task set; b = 1; endtask\n\
                   always @(a) if (a) nothing; else nothing;\n\
                   always @(a) begin nothing; set; end endmodule\n";
        let mut d = elaborate(src);
        apply(&mut d, "remove_dead_code", run);
        // The first process did nothing but call `nothing`: it goes. The
        // second keeps its call of `set`.
        assert_eq!(
            processes(&d),
            "p0 always sc1\n  st13 block\n    st9 wait-event @(s0)\n    st10 block\n      st12 call f1()\n"
        );
    }

    #[test]
    fn a_process_writing_only_an_unread_hidden_signal_goes() {
        let mut d = elaborate("module t; reg a; wire w; assign w = a; assign w = ~a; endmodule\n");
        // `w` has two drivers: hidden w$drv0 and w$drv1 feed the resolver.
        let before = processes(&d);
        assert!(before.contains("resolve-wire"), "{before}");
        // Make the resolver's output hidden and unread: then all three go.
        let w = d.signals.iter().find(|(_, s)| s.name == "w").map(|(id, _)| id).unwrap();
        d.signals[w].hidden = true;
        apply(&mut d, "remove_dead_code", run);
        assert_eq!(processes(&d), "");
    }

    #[test]
    fn visible_signals_system_tasks_and_delays_keep_their_processes() {
        let src = "module t; reg a; wire w; assign w = a; assign w = ~a;\n\
                   initial #10; initial $display(\"hi\"); always @(a) ; endmodule\n";
        let mut d = elaborate(src);
        let n = d.procs.len();
        apply(&mut d, "remove_dead_code", run);
        // Only `always @(a) ;` goes: it waits, writes nothing, prints nothing.
        assert_eq!(d.procs.len(), n - 1, "{}", processes(&d));
    }
}
