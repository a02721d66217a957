//! Function calls run in place: a small static function that touches only
//! its own variables is generated inside its caller instead of called.
//!
//! A call of a function that cannot wait is a wasm call of its own
//! function (`crate::call`): the caller stores the inputs to the formals,
//! names the running unit in `RUNNING`, calls, and the callee pays a
//! prologue, an epilogue and a reload of the arena base before its first
//! store. For rv32_pipe's `alu_of(f3, alt)`, a `case` of eight arms, that
//! was about 12 instructions per call around a body of about 12 (the
//! jump table and one arm).
//!
//! In place, the caller still stores the inputs to the formals and reads
//! the return variable after the body, in the arena where the call leaves
//! them: a static function's variables keep their values between calls
//! (IEEE 1800-2017 13.4.2) and waves and hierarchical names see the same
//! stores. What changes is only where the code is. So that it changes
//! nothing else, a function runs in place when
//! - it is static (an automatic one's variables live in a frame on the
//!   temp stack: it may recurse);
//! - its body reads and writes only its own variables (formals, return
//!   variable, locals), all integral or real: no other signal, so the
//!   process-specific ways of reading one (`Lower::read_addr`'s old
//!   copies, `crate::specialize`'s known planes) never meet its body;
//! - no event control watches one of its variables (through a
//!   hierarchical name): a store that wakes a process names the running
//!   one from `RUNNING`, which the caller sets only before a call;
//! - its body calls nothing (no function, task, system task or system
//!   function: nothing it runs can reach another thread or call it back)
//!   and has only blocking assignments, branches, loops, `return`,
//!   `break` and `continue`;
//! - it has at most [`INLINE_MAX_NODES`] IR nodes: every call site gets a
//!   copy, and the runner's unit sizes (`crate::runner`) count a call as
//!   its arguments.
//!
//! Where: at the start of the statement whose right-hand side, condition
//! or case subject makes the call whenever it is evaluated
//! ([`Lower::hoist_calls`]), and for a call statement; the call
//! expression then reads the value kept in locals. A call in an arm of
//! `?:` or past the short circuit of `&&`/`||` may not run, so it stays a
//! call, as does one whose arguments call anything else.
//!
//! Its body is generated as in its own function: `Lower::subr` names it
//! (so `return` leaves it and run-time errors name its scope) and the
//! caller's loops, named blocks and NBA state are set aside meanwhile.

use crate::fast::Small;
use crate::lower::Lower;
use wsim_ir::{BinOp, Design, Dir, ExprId, ExprKind, SignalId, StmtId, StmtKind, SubrId, SubrKind, TypeKind};

/// Most IR nodes of a function body generated in place (rv32_pipe's
/// `alu_of` fits).
pub(crate) const INLINE_MAX_NODES: usize = 64;

/// By SubrId: the function runs in place at its calls (module doc).
/// `quiet`: by SignalId, a write of the signal wakes no one (no event
/// control watches it).
pub fn inlinable_functions(d: &Design, quiet: impl Fn(SignalId) -> bool) -> Vec<bool> {
    d.subrs.ids().map(|f| inlinable(d, f, &quiet)).collect()
}

fn inlinable(d: &Design, f: SubrId, quiet: &impl Fn(SignalId) -> bool) -> bool {
    let sub = &d.subrs[f];
    let plain = |s: SignalId| matches!(d.signals[s].ty.kind, TypeKind::Integral | TypeKind::Real) && quiet(s);
    sub.kind == SubrKind::Function
        && !sub.automatic
        && sub.locals.iter().all(|&s| plain(s))
        && d.touches_only_own_variables(f)
        && crate::runner::stmt_nodes(d, sub.body) <= INLINE_MAX_NODES
}

impl Lower<'_, '_> {
    /// Whether calls of `subr` run in place (`--no-opt inline-functions`
    /// leaves every call a call).
    fn runs_in_place(&self, subr: SubrId) -> bool {
        self.cx.inline_functions.get(subr.index()).copied().unwrap_or(false)
    }

    /// Before statement `s`: run in place the calls its expressions make
    /// in any case (see [`Self::hoistable`]), each value kept in locals
    /// for `call_expr` ([`Self::hoisted_call`]). Returns how many to
    /// forget after the statement ([`Self::forget_hoisted`]).
    ///
    /// Why before: a body with branches is CFG blocks, which cannot start
    /// inside an expression (a structured `if` of `?:`, operands on the
    /// wasm stack); a statement starts where no such thing is open. Run
    /// earlier in the statement, a call of a function of its own
    /// variables with arguments that call nothing is the same call.
    pub fn hoist_calls(&mut self, s: StmtId) -> usize {
        if self.cx.inline_functions.is_empty() {
            return 0;
        }
        let roots = match &self.d().stmts[s].kind {
            StmtKind::Assign { rhs, .. } | StmtKind::NonBlocking { rhs, .. } | StmtKind::AssignAfter { rhs, .. } => {
                vec![*rhs]
            }
            StmtKind::If { cond, .. } => vec![*cond],
            StmtKind::Case { subject, .. } => vec![*subject],
            _ => return 0,
        };
        let mut calls = vec![];
        for e in roots {
            self.unconditional_calls(e, &mut calls);
        }
        let before = self.hoisted.len();
        for e in calls {
            let ExprKind::Call { subr, args } = &self.d().exprs[e].kind else { unreachable!("a call") };
            self.call_stmt_in_place(*subr, args);
            let ret = self.d().subrs[*subr].ret.expect("a hoisted call has a value");
            let four_state = self.d().signals[ret].ty.four_state;
            let at = self.sig_addr(ret, self.espan(e));
            let v = self.load_small(at, four_state);
            self.hoisted.push((e, v));
        }
        self.hoisted.len() - before
    }

    /// Forget the last `n` values [`Self::hoist_calls`] kept (its locals
    /// hold them only after its statement's start).
    pub fn forget_hoisted(&mut self, n: usize) {
        self.hoisted.truncate(self.hoisted.len() - n);
    }

    /// The value of call `e` if its statement ran it already.
    pub fn hoisted_call(&self, e: ExprId) -> Option<Small> {
        self.hoisted.iter().rev().find(|(c, _)| *c == e).map(|&(_, v)| v)
    }

    /// The calls under `e` that run whenever `e` is evaluated, innermost
    /// first, that can run in place before it: not in an arm of `?:` or
    /// past the short circuit of `&&`/`||` (they may not run), and
    /// [`Self::hoistable`].
    fn unconditional_calls(&self, e: ExprId, out: &mut Vec<ExprId>) {
        let d = self.d();
        match &d.exprs[e].kind {
            ExprKind::Cond { cond, .. } => self.unconditional_calls(*cond, out),
            ExprKind::Binary { op: BinOp::LogAnd | BinOp::LogOr, lhs, .. } => self.unconditional_calls(*lhs, out),
            ExprKind::Call { subr, args } if self.hoistable(*subr, args) => {
                for &a in args {
                    self.unconditional_calls(a, out);
                }
                out.push(e);
            }
            kind => {
                for c in kind.children() {
                    self.unconditional_calls(c, out);
                }
            }
        }
    }

    /// A call that may run before its statement: the function runs in
    /// place, returns a value of at most 64 bits, has only inputs, and
    /// its arguments call only such functions (and no system function:
    /// nothing whose order anyone could see).
    fn hoistable(&self, subr: SubrId, args: &[ExprId]) -> bool {
        let d = self.d();
        let sub = &d.subrs[subr];
        let small_ret =
            sub.ret.is_some_and(|r| d.signals[r].ty.kind == TypeKind::Integral && d.signals[r].ty.width <= 64);
        self.runs_in_place(subr)
            && small_ret
            && sub.formals.iter().all(|f| f.dir == Dir::Input)
            && args.iter().all(|&a| self.calls_only_hoistable(a))
    }

    fn calls_only_hoistable(&self, e: ExprId) -> bool {
        let kind = &self.d().exprs[e].kind;
        let own = match kind {
            ExprKind::Call { subr, args } => self.hoistable(*subr, args),
            ExprKind::SysFunc { .. } | ExprKind::ClassProp { .. } | ExprKind::ClassNew { .. } => false,
            _ => true,
        };
        own && kind.children().into_iter().all(|c| self.calls_only_hoistable(c))
    }

    /// A call statement of a function that runs in place: its body here,
    /// where a statement starts. Returns false for any other call.
    pub fn call_stmt_in_place(&mut self, subr: SubrId, args: &[ExprId]) -> bool {
        if !self.runs_in_place(subr) {
            return false;
        }
        self.pass_inputs(subr, args, None);
        self.body_in_place(subr);
        self.take_outputs(subr, args, None);
        true
    }

    /// Generate `subr`'s body here, its inputs already in its formals:
    /// as in its own function (module doc).
    fn body_in_place(&mut self, subr: SubrId) {
        let body = self.d().subrs[subr].body;
        // placed after the body's blocks: every jump to it is forward
        let exit = self.f.new_block();
        let saved = (
            std::mem::replace(&mut self.exit, exit),
            self.subr.replace(subr),
            self.proc.take(),
            std::mem::take(&mut self.loops),
            std::mem::take(&mut self.named),
            std::mem::replace(&mut self.in_direct_nba, false),
            std::mem::replace(&mut self.in_first_nba, false),
            // a static body's runs of known versions stop at its own
            // statements: the function's are generated whole here
            std::mem::replace(&mut self.split_known, false),
        );
        self.stmt(body);
        self.f.goto(exit);
        self.f.place_last(exit);
        self.f.switch_to(exit);
        (
            self.exit,
            self.subr,
            self.proc,
            self.loops,
            self.named,
            self.in_direct_nba,
            self.in_first_nba,
            self.split_known,
        ) = saved;
    }
}

#[cfg(test)]
mod tests {
    use crate::specialize::tests::runner_operators;

    /// The calls the runner makes for `always @* y = EXPR;` with `decls`.
    fn calls(decls: &str, expr: &str, opts: &crate::CodegenOptions) -> usize {
        let src = format!("module t; reg [2:0] a; reg b; reg [3:0] y; {decls} always @* y = {expr}; endmodule\n");
        runner_operators(&src, opts).iter().filter(|op| op.starts_with("Call")).count()
    }

    const PICK: &str = "function [3:0] pick; input [2:0] f; input alt;
        case (f) 3'd0: pick = alt ? 4'd8 : 4'd0; 3'd5: pick = alt ? 4'd9 : 4'd5; default: pick = {1'b0, f}; endcase
        endfunction";

    #[test]
    fn a_small_function_of_its_own_variables_runs_in_place() {
        assert_eq!(calls(PICK, "pick(a, b) ^ pick(~a, b)", &Default::default()), 0);
        let off = crate::CodegenOptions { no_inline_functions: true, ..Default::default() };
        assert_eq!(calls(PICK, "pick(a, b) ^ pick(~a, b)", &off), 2);
    }

    #[test]
    fn a_function_that_reaches_outside_itself_stays_a_call() {
        // reads a module variable
        let reads = "reg k; function [3:0] f; input [2:0] x; f = x + k; endfunction";
        assert_eq!(calls(reads, "f(a)", &Default::default()), 1);
        // automatic, calls a system function, or too large
        let auto = "function automatic [3:0] f; input [2:0] x; f = x + 1; endfunction";
        assert_eq!(calls(auto, "f(a)", &Default::default()), 1);
        let sys = "function [3:0] f; input [2:0] x; f = $countones(x); endfunction";
        assert!(calls(sys, "f(a)", &Default::default()) >= 1);
        let sum = (0..40).map(|k| format!("x * {k}")).collect::<Vec<_>>().join(" + ");
        let large = format!("function [3:0] f; input [2:0] x; f = {sum}; endfunction");
        assert_eq!(calls(&large, "f(a)", &Default::default()), 1);
    }
}
