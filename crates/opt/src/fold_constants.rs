//! Constant folding: an expression whose operands are all constants becomes
//! a `Const` (or `RealConst`), and control flow with a constant condition
//! keeps only the branch taken.
//!
//! Values come from `wsim_elab::fold_constant`, the interpreter elaboration
//! folds parameters with, which runs the simulator's own 4-state code
//! (`wsim_guest_rt::logic`): a folded value is exactly what the running
//! design would compute. Function calls and system functions with effects
//! (`$random`, `$time`, file reads) are never folded.
//!
//! Rewrites, all in place (the handle keeps its users):
//! - operators, conversions, selects, concatenations of constants;
//! - `c ? a : b` with a known `c`: the taken branch (an unknown `c` merges
//!   the branches, which folds only when both are constant);
//! - `0 && e` and `1 || e`: the constant (`e` is never evaluated, 11.4.7);
//! - `if` with a constant condition (X/Z takes the `else`, 1364-2005 9.4),
//!   `case` with a constant subject and constant labels up to the match:
//!   the taken statement, wrapped in an unnamed block;
//! - `while`/`for` whose condition is constantly false, `repeat` of a
//!   constant count <= 0 or X/Z: nothing.
//!
//! Then a continuous assignment's event control drops the signals its
//! assignment no longer reads ([`trim_assign_events`]).

use std::collections::{BTreeSet, HashSet};
use wsim_abi::op;
use wsim_guest_rt::logic;
use wsim_ir::{BinOp, CaseKind, Const, Design, ExprId, ExprKind, ProcKind, SignalId, StmtId, StmtKind, TypeKind};

use crate::visit::{any_change_signal, lvalue_nodes, named_signal, Live};

pub fn run(d: &mut Design) {
    let live = Live::of(d);
    fold_expressions(d, &live);
    for s in live.stmt_ids() {
        fold_statement(d, s);
    }
    trim_assign_events(d);
}

/// A continuous assignment is sensitive to its operands (IEEE 1800-2017
/// 10.3.2): once `0 && e` has folded, or `propagate_constants` has put a
/// constant for a net, the signals no longer read would wake it for
/// nothing, and a fused unit of cones (`crates/codegen/src/fuse.rs`) would
/// run with it (picorv32's `mem_la_firstword = COMPRESSED_ISA && ...`,
/// with COMPRESSED_ISA 0, is stored at each activation of the memory
/// interface's unit). A plain event on a signal its statements do not
/// read is dropped; a body with a call (a function may read any signal)
/// is left alone. An `always @*` keeps its list: what else its body does
/// may show each wake-up.
fn trim_assign_events(d: &mut Design) {
    let bodies: Vec<StmtId> =
        d.procs.iter().filter(|(_, p)| p.kind == ProcKind::ContAssign).map(|(_, p)| p.body).collect();
    let lvalues = lvalue_nodes(d);
    for body in bodies {
        let Some((reads, wait)) = assignment_reads(d, body, &lvalues) else { continue };
        let StmtKind::WaitEvent { events } = &d.stmts[wait].kind else { continue };
        let read = |ev: &&wsim_ir::Event| any_change_signal(d, ev).is_none_or(|sig| reads.contains(&sig));
        let kept: Vec<_> = events.iter().filter(read).cloned().collect();
        if kept.len() < events.len() {
            d.stmts[wait].kind = StmtKind::WaitEvent { events: kept };
        }
    }
}

/// The signals the assignments of a continuous assignment's body read (an
/// lvalue's indices and offsets, not its target: `lvalue_nodes`), and its
/// event control; None for any other shape or an expression that may read
/// what it does not name.
fn assignment_reads(d: &Design, body: StmtId, lvalues: &HashSet<ExprId>) -> Option<(BTreeSet<SignalId>, StmtId)> {
    let StmtKind::Block { stmts, .. } = &d.stmts[body].kind else { return None };
    let (&wait, assigns) = stmts.split_last()?;
    let mut reads = BTreeSet::new();
    let mut exprs = vec![];
    for &s in assigns {
        match &d.stmts[s].kind {
            StmtKind::Assign { lhs, rhs } | StmtKind::AssignAfter { lhs, rhs, .. } => exprs.extend([*lhs, *rhs]),
            _ => return None,
        }
    }
    while let Some(e) = exprs.pop() {
        let kind = &d.exprs[e].kind;
        match kind {
            ExprKind::Call { .. }
            | ExprKind::SysFunc { .. }
            | ExprKind::Resolve { .. }
            | ExprKind::ClassProp { .. }
            | ExprKind::ClassNew { .. } => return None,
            _ if lvalues.contains(&e) => {}
            _ => reads.extend(named_signal(kind)),
        }
        exprs.extend(kind.children());
    }
    Some((reads, wait))
}

/// Every live expression, operands before the operators that use them.
fn fold_expressions(d: &mut Design, live: &Live) {
    let mut done = vec![false; d.exprs.len()];
    for root in live.expr_ids() {
        // Iterative post-order: deep `?:` chains must not overflow the stack.
        let mut stack = vec![(root, false)];
        while let Some((e, children_done)) = stack.pop() {
            if children_done {
                fold_expression(d, e);
                continue;
            }
            if std::mem::replace(&mut done[e.index()], true) {
                continue;
            }
            stack.push((e, true));
            stack.extend(d.exprs[e].kind.children().into_iter().map(|c| (c, false)));
        }
    }
}

fn is_constant(d: &Design, e: ExprId) -> bool {
    matches!(d.exprs[e].kind, ExprKind::Const(_) | ExprKind::RealConst(_))
}

/// 1 true, 0 false, 2 unknown; `None` when `e` is not a constant.
fn truth(d: &Design, e: ExprId) -> Option<i32> {
    match &d.exprs[e].kind {
        ExprKind::Const(c) => Some(logic::truth(&c.words, c.width)),
        ExprKind::RealConst(r) => Some((*r != 0.0) as i32),
        _ => None,
    }
}

/// Fold `e`, whose operands are already folded.
fn fold_expression(d: &mut Design, e: ExprId) {
    let kind = &d.exprs[e].kind;
    match kind {
        ExprKind::Const(_)
        | ExprKind::RealConst(_)
        | ExprKind::Signal(_)
        | ExprKind::ArrayElem { .. }
        | ExprKind::Call { .. }
        | ExprKind::Resolve { .. }
        | ExprKind::ClassProp { .. }
        | ExprKind::ClassNew { .. } => return,
        ExprKind::Cond { cond, then_expr, else_expr } => {
            let taken = match truth(d, *cond) {
                Some(1) => Some(*then_expr),
                Some(0) => Some(*else_expr),
                _ => None,
            };
            if let Some(branch) = taken {
                // Same type by the typing rules; the branch's children are shared.
                d.exprs[e].kind = d.exprs[branch].kind.clone();
                return;
            }
        }
        ExprKind::Binary { op: op @ (BinOp::LogAnd | BinOp::LogOr), lhs, .. } => {
            let decides = if *op == BinOp::LogAnd { 0 } else { 1 };
            if truth(d, *lhs) == Some(decides) {
                set_const(d, e, Const::from_u64(1, false, decides as u64));
                return;
            }
        }
        _ => {}
    }
    if !d.exprs[e].kind.children().iter().all(|&c| is_constant(d, c)) {
        return;
    }
    match wsim_elab::fold_constant(d, e) {
        Some(ExprKind::Const(c)) => set_const(d, e, c),
        Some(ExprKind::RealConst(r)) if d.exprs[e].ty.is_real() => d.exprs[e].kind = ExprKind::RealConst(r),
        _ => {}
    }
}

/// Make `e` the constant `c`, shaped to `e`'s type (a two-state type holds
/// no X/Z bits).
fn set_const(d: &mut Design, e: ExprId, mut c: Const) {
    let ty = d.exprs[e].ty;
    if ty.kind != TypeKind::Integral || c.width != ty.width {
        return;
    }
    c.signed = ty.signed;
    if !ty.four_state {
        logic::to_2state(&mut c.words, c.width);
    }
    d.exprs[e].kind = ExprKind::Const(c);
}

fn fold_statement(d: &mut Design, s: StmtId) {
    let replacement = match &d.stmts[s].kind {
        StmtKind::If { cond, then_stmt, else_stmt } => match truth(d, *cond) {
            Some(1) => Some(Some(*then_stmt)),
            Some(_) => Some(*else_stmt),
            None => None,
        },
        StmtKind::Case { kind, subject, arms, default } => case_taken(d, *kind, *subject, arms, *default),
        StmtKind::Loop { cond: Some(cond), .. } => match truth(d, *cond) {
            Some(0 | 2) => Some(None),
            _ => None,
        },
        StmtKind::Repeat { count, .. } => match &d.exprs[*count].kind {
            ExprKind::Const(c) if !c.is_known() || logic::to_i64(&c.words, c.width, c.signed) <= 0 => Some(None),
            _ => None,
        },
        _ => None,
    };
    match replacement {
        // A wrapper, not a copy: the taken statement may be a named block
        // that a `disable` names by handle.
        Some(Some(taken)) => d.stmts[s].kind = StmtKind::Block { stmts: vec![taken], name: None },
        Some(None) => d.stmts[s].kind = StmtKind::Nop,
        None => {}
    }
}

/// The statement a `case` with a constant subject runs: `Some(None)` for
/// none; `None` when a label before the match is not constant.
fn case_taken(
    d: &Design,
    kind: CaseKind,
    subject: ExprId,
    arms: &[wsim_ir::CaseArm],
    default: Option<StmtId>,
) -> Option<Option<StmtId>> {
    let ExprKind::Const(subj) = &d.exprs[subject].kind else { return None };
    let code = match kind {
        CaseKind::Exact => op::CASE_EXACT,
        CaseKind::Z => op::CASE_Z,
        CaseKind::X => op::CASE_X,
    };
    for arm in arms {
        for &label in &arm.labels {
            let ExprKind::Const(l) = &d.exprs[label].kind else { return None };
            if l.width != subj.width {
                return None;
            }
            if logic::case_match(code, &subj.words, &l.words, subj.width) {
                return Some(Some(arm.body));
            }
        }
    }
    Some(default)
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::testkit::{apply, elaborate, processes};

    #[test]
    fn operators_on_constants_become_constants() {
        let mut d = elaborate(
            "module t; reg [7:0] a, b;\n\
             initial begin a = (8'd2 << 2) + 8'd1 - a * 8'd0; b = {4'd1, 4'b1x00} & 8'hf7; end\n\
             endmodule\n",
        );
        let before = processes(&d);
        assert!(before.contains("(shl:8u"), "{before}");
        apply(&mut d, "fold_constants", run);
        let after = processes(&d);
        // `a * 0` reads a signal: it stays; the rest folds, X bits included.
        assert!(after.contains("assign s0 = (sub:8u (const 8'h9) (mul:8u s0 (const 8'h0)))"), "{after}");
        assert!(after.contains("assign s1 = (const 8'b00010x00)"), "{after}");
    }

    #[test]
    fn a_continuous_assignment_stops_waiting_on_what_folded_away() {
        let mut d = elaborate(
            "module t; reg a = 0, b = 0; wire y, z, v, w2; reg w;\n\
             function f(input x); f = x | b; endfunction\n\
             assign y = 1'b0 && a;\n\
             assign z = (1'b0 && a) | b;\n\
             assign v = f(1'b0 && a);\n\
             always @* w = 1'b0 && a;\n\
             endmodule\n",
        );
        apply(&mut d, "fold_constants", run);
        let after = processes(&d);
        let wait_of = |target: &str| {
            let lines: Vec<&str> = after.lines().collect();
            let at = lines.iter().position(|l| l.contains(&format!("assign {target} ="))).expect("the assignment");
            let near = &lines[at - 1..(at + 2).min(lines.len())];
            near.iter().find(|l| l.contains("wait-event")).expect("its wait").trim().to_string()
        };
        // s0 = a, s1 = b; y, z, v, w2, w are s2.. s6
        assert!(wait_of("s2").ends_with("wait-event @()"), "{after}");
        assert!(wait_of("s3").ends_with("wait-event @(s1)"), "{after}");
        // a function may read any signal; `@*` may show every wake-up
        assert!(wait_of("s4").ends_with("wait-event @(s0, s1)"), "{after}");
        assert!(wait_of("s6").ends_with("wait-event @(s0)"), "{after}");
    }

    #[test]
    fn constant_conditions_keep_the_taken_branch() {
        let mut d = elaborate(
            "module t; reg [3:0] a, b; localparam M = 2;\n\
             initial begin\n\
               if (M > 1) a = 1; else a = 2;\n\
               if (1'bx) a = 3;\n\
               case (M) 0: a = 4; 2, 3: a = 5; default: a = 6; endcase\n\
               b = (M == 2) ? a : 4'd7;\n\
               while (0) a = 8;\n\
               repeat (0) a = 9;\n\
             end endmodule\n",
        );
        apply(&mut d, "fold_constants", run);
        let after = processes(&d);
        for gone in ["if", "case", "cond", "while", "repeat", "4'h2", "4'h3", "4'h4", "4'h6", "4'h7", "4'h8", "4'h9"] {
            assert!(!after.contains(gone), "{gone} is still there:\n{after}");
        }
        for kept in ["assign s0 = (const 4'h1)", "assign s0 = (const 4'h5)", "assign s1 = s0"] {
            assert!(after.contains(kept), "{kept} is missing:\n{after}");
        }
    }

    #[test]
    fn short_circuits_on_a_constant_left_operand() {
        let mut d = elaborate(
            "module t; reg a, b; initial begin a = 1'b0 && $random; b = 1'b1 || b; a = b && 1'b1; end endmodule\n",
        );
        apply(&mut d, "fold_constants", run);
        let after = processes(&d);
        assert!(!after.contains("$random"), "{after}");
        assert!(after.contains("(logand:1u s1 (const 1'h1))"), "a non-constant left operand stays:\n{after}");
    }

    #[test]
    fn effects_and_signals_are_never_folded() {
        let src = "module t; reg [31:0] r; function [31:0] f(input x); f = x; endfunction\n\
                   initial begin r = $random(r) + 1; r = f(1) + 1; r = $time; end endmodule\n";
        let mut d = elaborate(src);
        let before = processes(&d);
        apply(&mut d, "fold_constants", run);
        assert_eq!(processes(&d), before);
    }
}
