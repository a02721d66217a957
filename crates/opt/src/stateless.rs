//! Whether a function is a function of its arguments alone: calling it
//! twice with the same arguments gives the same value.
//!
//! A static function's variables keep their values between calls (IEEE
//! 1800-2017 13.4.2; 1364-2005 10.4.1), so a body that reads one before it
//! writes it (a call counter, `n = n + 1`), or leaves its value unassigned
//! on some path (the caller then reads what an earlier call left), carries
//! state from call to call. A pass that runs a caller more often than the
//! source says (`crate::substitute_wires`'s readers that wait on a wire's
//! sources) must not count such a function as pure.
//!
//! The check is definite assignment over the body: every variable read is
//! an input or inout formal (the caller writes it before the call) or was
//! written whole on every path to the read, and the return variable and
//! the output formals are written on every path to the end or a `return`.
//! It is conservative: a partial write (a select, an array element) makes
//! nothing definite, and a loop's writes count only inside its body.

use std::collections::HashSet;

use wsim_ir::{Design, Dir, ExprId, ExprKind, SignalId, StmtId, StmtKind, SubrId};

use crate::visit::named_signal;

/// True if function `f` touches only its own variables
/// (`Design::touches_only_own_variables`) and carries nothing from one
/// call to the next (module doc): its value and its stores depend on its
/// arguments alone.
pub fn computes_from_arguments(d: &Design, f: SubrId) -> bool {
    if !d.touches_only_own_variables(f) {
        return false;
    }
    let sub = &d.subrs[f];
    let inputs = sub.formals.iter().filter(|x| matches!(x.dir, Dir::Input | Dir::Inout)).map(|x| x.sig);
    let outputs = sub.formals.iter().filter(|x| matches!(x.dir, Dir::Output | Dir::Inout)).map(|x| x.sig);
    let mut walk = Walk { d, results: sub.ret.into_iter().chain(outputs).collect() };
    let mut written: HashSet<SignalId> = inputs.collect();
    walk.stmt(sub.body, &mut written) && walk.results_written(&written)
}

struct Walk<'d> {
    d: &'d Design,
    /// What the caller reads after the call: the return variable and the
    /// output formals.
    results: Vec<SignalId>,
}

impl Walk<'_> {
    /// Checks statement `s` given the variables `written` whole on every
    /// path to it, and adds those it writes whole on every path through.
    fn stmt(&mut self, s: StmtId, written: &mut HashSet<SignalId>) -> bool {
        match &self.d.stmts[s].kind {
            StmtKind::Nop | StmtKind::Break | StmtKind::Continue => true,
            StmtKind::Return => self.results_written(written),
            StmtKind::Block { stmts, .. } => stmts.iter().all(|&c| self.stmt(c, written)),
            StmtKind::Assign { lhs, rhs } => {
                let ok = self.reads_written(*rhs, written) && self.lvalue_reads_written(*lhs, written);
                written.extend(whole_targets(self.d, *lhs));
                ok
            }
            StmtKind::If { cond, then_stmt, else_stmt } => {
                let branches = std::iter::once(*then_stmt).chain(*else_stmt);
                let complete = else_stmt.is_some();
                self.reads_written(*cond, written) && self.branches(branches, complete, written)
            }
            StmtKind::Case { subject, arms, default, .. } => {
                let labels = arms.iter().flat_map(|a| &a.labels);
                let exprs_ok = std::iter::once(subject).chain(labels).all(|&e| self.reads_written(e, written));
                let bodies = arms.iter().map(|a| a.body).chain(*default);
                exprs_ok && self.branches(bodies, default.is_some(), written)
            }
            // The body may run no time (a loop) or be left early (`break`,
            // or `continue` to a `for` step or a `do` condition): its
            // writes count only inside it, and a condition or a step sees
            // only what came before the loop.
            StmtKind::Loop { cond, body, step } => {
                cond.is_none_or(|c| self.reads_written(c, written))
                    && self.stmt(*body, &mut written.clone())
                    && step.is_none_or(|st| self.stmt(st, &mut written.clone()))
            }
            StmtKind::DoWhile { body, cond } => {
                self.reads_written(*cond, written) && self.stmt(*body, &mut written.clone())
            }
            StmtKind::Repeat { count, body } => {
                self.reads_written(*count, written) && self.stmt(*body, &mut written.clone())
            }
            _ => false,
        }
    }

    /// Checks each branch from `written`; when one of them always runs
    /// (`complete`), adds what every branch writes.
    fn branches(
        &mut self,
        branches: impl Iterator<Item = StmtId>,
        complete: bool,
        written: &mut HashSet<SignalId>,
    ) -> bool {
        let mut common: Option<HashSet<SignalId>> = None;
        for b in branches {
            let mut own = written.clone();
            if !self.stmt(b, &mut own) {
                return false;
            }
            common = Some(match common {
                Some(c) => c.intersection(&own).copied().collect(),
                None => own,
            });
        }
        if let (true, Some(c)) = (complete, common) {
            *written = c;
        }
        true
    }

    fn results_written(&self, written: &HashSet<SignalId>) -> bool {
        self.results.iter().all(|r| written.contains(r))
    }

    /// Every variable `e` reads is in `written`.
    fn reads_written(&self, e: ExprId, written: &HashSet<SignalId>) -> bool {
        let mut todo = vec![e];
        while let Some(x) = todo.pop() {
            let kind = &self.d.exprs[x].kind;
            if named_signal(kind).is_some_and(|sig| !written.contains(&sig)) {
                return false;
            }
            todo.extend(kind.children());
        }
        true
    }

    /// The indices and offsets of lvalue `lhs` read only written variables
    /// (the target itself is not read).
    fn lvalue_reads_written(&self, lhs: ExprId, written: &HashSet<SignalId>) -> bool {
        match &self.d.exprs[lhs].kind {
            ExprKind::Signal(_) => true,
            ExprKind::ArrayElem { indices, .. } => indices.iter().all(|&i| self.reads_written(i, written)),
            ExprKind::Select { base, offset, .. } => {
                self.reads_written(*offset, written) && self.lvalue_reads_written(*base, written)
            }
            ExprKind::Concat(parts) => parts.iter().all(|&p| self.lvalue_reads_written(p, written)),
            _ => self.reads_written(lhs, written),
        }
    }
}

/// The variables lvalue `lhs` writes whole: itself, or the members of a
/// concatenation (not a select or an array element).
fn whole_targets(d: &Design, lhs: ExprId) -> Vec<SignalId> {
    match &d.exprs[lhs].kind {
        ExprKind::Signal(s) => vec![*s],
        ExprKind::Concat(parts) => parts.iter().flat_map(|&p| whole_targets(d, p)).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::computes_from_arguments;
    use crate::testkit::elaborate;

    /// `computes_from_arguments` of the design's one function.
    fn check(function: &str) -> bool {
        let d = elaborate(&format!("module t;\n{function}\nendmodule\n"));
        let (f, _) = d.subrs.iter().next().expect("a function");
        computes_from_arguments(&d, f)
    }

    #[test]
    fn a_function_that_writes_before_it_reads_is_pure() {
        assert!(check(
            "function [3:0] alu_of(input [2:0] f3, input alt);\n\
             case (f3) 3'd0: alu_of = alt ? 4'd1 : 4'd0; 3'd1: alu_of = 4'd2; default: alu_of = 4'd7; endcase\n\
             endfunction"
        ));
        assert!(check(
            "function [7:0] sum(input [7:0] a); reg [7:0] t; integer i;\n\
             begin t = 0; for (i = 0; i < 4; i = i + 1) t = t + a; sum = t; end endfunction"
        ));
        assert!(check(
            "function [7:0] f(input [7:0] a); begin if (a[0]) begin f = a; return; end f = ~a; end endfunction"
        ));
        assert!(check(
            "function [7:0] f(input [7:0] a); reg [3:0] h, l; begin {h, l} = a; f = {l, h}; end endfunction"
        ));
    }

    #[test]
    fn a_function_that_keeps_a_value_between_calls_is_not() {
        // a counter
        assert!(!check(
            "function [7:0] bump(input [3:0] x); reg [7:0] n; begin n = n + 1; bump = {x, n[3:0]}; end endfunction"
        ));
        // the return variable unassigned on a path: what the last call left
        assert!(!check("function [7:0] f(input [7:0] a); begin if (a[0]) f = a; end endfunction"));
        assert!(!check("function [7:0] f(input [7:0] a); case (a) 8'd1: f = 1; 8'd2: f = 2; endcase endfunction"));
        assert!(!check("function [7:0] f(input [7:0] a); begin if (a[0]) return; f = a; end endfunction"));
        // written only in a loop that may not run
        assert!(!check(
            "function [7:0] f(input [7:0] a); reg [7:0] t; begin while (a > 8'd3) t = a; f = t; end endfunction"
        ));
        // a `for` step that reads what the body writes after a `continue`
        assert!(!check(
            "function [7:0] f(input [7:0] a); reg [7:0] t; integer i;\n\
             begin f = 0; for (i = 0; i < 4; i = i + t) begin if (a[i]) continue; t = 1; end end endfunction"
        ));
        // written in part
        assert!(!check("function [7:0] f(input [7:0] a); begin f[3:0] = a[3:0]; end endfunction"));
        // an index read before it is written
        assert!(!check("function [7:0] f(input [7:0] a); reg [2:0] i; begin f = 0; f[i] = a[0]; end endfunction"));
    }
}
