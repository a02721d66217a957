//! Constant propagation: a signal whose one and only writer is a continuous
//! assignment of a constant (`assign en = 1'b1;`, `wire [3:0] k = 4'd5;`,
//! a tied-off port after folding) is read as that constant.
//!
//! The signal itself stays, still assigned, so waves, `$display` of it,
//! `$monitor` and processes waiting on it are unchanged; only value reads
//! are rewritten. The conditions, each needed for that:
//! - exactly one write site in the whole design, the whole-signal target of
//!   an undelayed `ContAssign` whose value is a `Const` (a delayed one
//!   changes later; a second writer, a `force` (lowered into writers), a
//!   task output or `$readmem` would change it);
//! - a scalar (not an array), integral, static signal that no alias names
//!   (an aliased port is written through another name);
//! - reads in event controls stay (the assignment at time 0 is an event a
//!   process may wait for), as do the arguments of `$monitor`-like tasks
//!   (they print again when the signal changes) and of tasks that take a
//!   signal as a whole (`$dumpvars`, `$readmemh`).
//!
//! A reader at time 0 sees the value before the assignment runs only in a
//! race the standard leaves open; the continuous assignments of constants
//! run before `initial` blocks start in wsim, as in Icarus.

use std::collections::{HashMap, HashSet};

use wsim_ir::{Const, Design, ExprId, ExprKind, ProcKind, SignalId, StmtKind, Storage, TypeKind};

use crate::visit::{
    aliased_signals, lvalue_nodes, lvalue_signals, output_args, task_only_reads_values, task_written_args, Live,
};

pub fn run(d: &mut Design) {
    let live = Live::of(d);
    let constants = constant_signals(d, &live);
    if constants.is_empty() {
        return;
    }
    let keep = reads_to_keep(d, &live);
    for e in live.expr_ids() {
        if keep.contains(&e) {
            continue;
        }
        if let ExprKind::Signal(s) = d.exprs[e].kind {
            if let Some(c) = constants.get(&s) {
                d.exprs[e].kind = ExprKind::Const(c.clone());
            }
        }
    }
}

/// The signals that always hold one constant, with it.
fn constant_signals(d: &Design, live: &Live) -> HashMap<SignalId, Const> {
    let writes = write_counts(d, live);
    let aliased = aliased_signals(d);
    let mut out = HashMap::new();
    for (_, p) in d.procs.iter() {
        if p.kind != ProcKind::ContAssign {
            continue;
        }
        let Some((sig, value)) = constant_assignment(d, p.body) else { continue };
        let s = &d.signals[sig];
        let plain = s.dims.is_empty() && s.ty.kind == TypeKind::Integral && s.storage == Storage::Static;
        if plain && !aliased.contains(&sig) && writes.get(&sig) == Some(&1) && value.width == s.ty.width {
            out.insert(sig, value);
        }
    }
    out
}

/// `sig = constant` when a continuous assignment's body is the usual
/// `[Assign, WaitEvent]` with a whole signal on the left.
fn constant_assignment(d: &Design, body: wsim_ir::StmtId) -> Option<(SignalId, Const)> {
    let StmtKind::Block { stmts, name: None } = &d.stmts[body].kind else { return None };
    let [assign, wait] = stmts.as_slice() else { return None };
    let StmtKind::Assign { lhs, rhs } = &d.stmts[*assign].kind else { return None };
    if !matches!(d.stmts[*wait].kind, StmtKind::WaitEvent { .. }) {
        return None;
    }
    let (ExprKind::Signal(sig), ExprKind::Const(c)) = (&d.exprs[*lhs].kind, &d.exprs[*rhs].kind) else {
        return None;
    };
    (d.exprs[*lhs].ty == d.exprs[*rhs].ty).then(|| (*sig, c.clone()))
}

/// How many places in live code may write each signal: assignment targets,
/// output arguments, signals handed whole to a system task, event triggers.
fn write_counts(d: &Design, live: &Live) -> HashMap<SignalId, usize> {
    let mut roots: Vec<ExprId> = Vec::new();
    let mut counts: HashMap<SignalId, usize> = HashMap::new();
    for s in live.stmt_ids() {
        match &d.stmts[s].kind {
            StmtKind::Assign { lhs, .. } | StmtKind::NonBlocking { lhs, .. } | StmtKind::AssignAfter { lhs, .. } => {
                roots.push(*lhs)
            }
            StmtKind::Call { subr, args } => roots.extend(output_args(d, *subr, args)),
            StmtKind::SysTask { name, args, .. } => roots.extend(task_written_args(name, args)),
            StmtKind::Trigger { event } => *counts.entry(*event).or_default() += 1,
            _ => {}
        }
    }
    for e in live.expr_ids() {
        match &d.exprs[e].kind {
            ExprKind::Call { subr, args } => roots.extend(output_args(d, *subr, args)),
            ExprKind::SysFunc { name, args, .. } => {
                let written = args.iter().enumerate().filter(|(i, _)| wsim_ir::sys_func_writes(name, *i));
                roots.extend(written.map(|(_, &a)| a));
            }
            _ => {}
        }
    }
    for s in roots.into_iter().flat_map(|root| lvalue_signals(d, root)) {
        *counts.entry(s).or_default() += 1;
    }
    counts
}

/// Reads that must keep naming the signal: lvalues, event expressions,
/// arguments of tasks that watch or take whole signals.
fn reads_to_keep(d: &Design, live: &Live) -> HashSet<ExprId> {
    let mut keep = lvalue_nodes(d);
    let mut subtrees = Vec::new();
    for s in live.stmt_ids() {
        match &d.stmts[s].kind {
            StmtKind::WaitEvent { .. } => subtrees.extend(d.stmts[s].kind.exprs()),
            StmtKind::SysTask { name, args, .. } if watches(name) || !task_only_reads_values(name) => {
                subtrees.extend(args.iter().flatten().copied())
            }
            _ => {}
        }
    }
    while let Some(e) = subtrees.pop() {
        if keep.insert(e) {
            subtrees.extend(d.exprs[e].kind.children());
        }
    }
    keep
}

/// `$monitor` and `$fmonitor` variants print again when an argument changes.
fn watches(name: &str) -> bool {
    name.starts_with("$monitor") || name.starts_with("$fmonitor")
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::testkit::{apply, elaborate, processes};

    #[test]
    fn reads_of_a_constant_net_become_the_constant() {
        let mut d = elaborate(
            "module t; wire [3:0] k = 4'd5; reg [3:0] r; wire [3:0] y = r + k;\n\
             initial begin r = k; @(k) $display(\"%d\", k); $monitor(k); end endmodule\n",
        );
        apply(&mut d, "propagate_constants", run);
        let after = processes(&d);
        // The driver stays; value reads change; the event, the monitored
        // argument and the assignment target keep the signal.
        assert!(after.contains("assign s0 = (const 4'h5)"), "{after}");
        assert!(after.contains("assign s2 = (add:4u s1 (const 4'h5))"), "{after}");
        assert!(after.contains("assign s1 = (const 4'h5)"), "{after}");
        assert!(after.contains("wait-event @(s0)"), "{after}");
        assert!(after.contains("$display@sc1(\"%d\", (const 4'h5))"), "{after}");
        assert!(after.contains("$monitor@sc1(s0)"), "{after}");
    }

    #[test]
    fn signals_with_another_writer_or_a_delay_keep_their_reads() {
        let src = "module t; wire [3:0] a = 4'd1; wire [3:0] b; reg [3:0] c; wire [3:0] d;\n\
                   assign b = 4'd2; assign b = 4'd3; assign #2 d = 4'd4;\n\
                   initial begin c = 4'd7; $display(a + b + c + d); end endmodule\n";
        let mut d = elaborate(src);
        apply(&mut d, "propagate_constants", run);
        let after = processes(&d);
        // Only `a` has one constant continuous driver.
        assert!(after.contains("(add:4u (add:4u (add:4u (const 4'h1) s1) s2) s3)"), "{after}");
    }
}
