//! Loop unrolling: a `for` loop of a static process whose variable takes
//! a short list of known values (`specialize::Induction::body_values`)
//! is generated as its body once per value, with no test and no jump.
//!
//! In each copy the variable's bounds (`Lower::ranges`) admit one value,
//! so reads of it are that constant (`Lower::single_value`) and `a[k]` is
//! an element at a fixed address: the reduction `for (k = 0; k < N; k++)
//! sig = sig ^ outs[k];` costs a load and an XOR per element instead of
//! the index arithmetic, the compare and the branch around them. The
//! step still runs after each copy, so the variable's storage holds what
//! the loop would have left there (it is in a local when the loop keeps
//! it in one, `crate::promote`, and then costs nothing).
//!
//! Only loops of static processes' bodies (the code that runs on every
//! clock) are unrolled, only straight bodies (assignments, `if`, `case`
//! and unnamed blocks: nothing to break out of, wait on or call), and only
//! up to [`UNROLL_MAX_NODES`] generated IR nodes.

use crate::analysis::walk_stmts;
use crate::lower::Lower;
use wsim_ir::{Design, StmtId, StmtKind};

/// Most IR nodes an unrolled loop generates (its body's times its runs).
/// The ring's reduction at N=256 is about 1500.
const UNROLL_MAX_NODES: usize = 2048;

impl Lower<'_, '_> {
    /// The values of loop `lp`'s variable, one per copy of its body, when
    /// the loop is unrolled.
    pub fn unrolled_values(&self, lp: StmtId) -> Option<Vec<i64>> {
        if !self.cx.unroll_loops {
            return None;
        }
        let d = self.d();
        let induction = self.cx.facts.induction.get(&lp)?;
        let StmtKind::Loop { body, .. } = &d.stmts[lp].kind else { return None };
        let static_body = self.subr.is_none() && self.proc.is_some_and(|p| self.cx.sched.index_of(p).is_some());
        if !static_body || !straight(d, *body) {
            return None;
        }
        let nodes = crate::runner::stmt_nodes(d, *body).max(1);
        induction.body_values(UNROLL_MAX_NODES / nodes)
    }

    /// Loop `lp` (its variable's values `values`), unrolled: each copy of
    /// the body sees the variable as a constant, and the step follows it.
    /// `kept`: how many signals the loop keeps in locals.
    pub fn unroll(&mut self, lp: StmtId, values: &[i64], kept: usize) {
        let d = self.d();
        let StmtKind::Loop { body, step, .. } = &d.stmts[lp].kind else { unreachable!("unrolled_values checked") };
        let var = self.cx.facts.induction[&lp].var;
        // the variable's locals hold constants here: nothing to order
        let var_at = self.cx.lay.signals[var.index()].static_offset();
        for (j, &v) in values.iter().enumerate() {
            if j > 0 && j % SINK_EVERY == 0 {
                self.sink_loop_locals(kept, var_at);
            }
            self.ranges.push((var, v, v));
            self.stmt(*body);
            self.ranges.pop();
            if let Some(x) = step {
                self.stmt(*x);
            }
        }
    }
}

/// Copies of the body between two stores of the loop's locals to the
/// sink (`Lower::sink_loop_locals`). Cranelift computes a pure value where
/// its first side-effecting user is: without the stores, an unrolled
/// `sig = sig ^ outs[k]` loaded all of `outs` first and spilled it (9
/// instructions per element at N=256 in the ring; 5 with them).
const SINK_EVERY: usize = 4;

/// A body of assignments, `if`, `case` and unnamed blocks only.
fn straight(d: &Design, body: StmtId) -> bool {
    let mut ok = true;
    walk_stmts(d, body, &mut |s| {
        ok &= matches!(
            d.stmts[s].kind,
            StmtKind::Nop
                | StmtKind::Assign { .. }
                | StmtKind::NonBlocking { delay: None, .. }
                | StmtKind::If { .. }
                | StmtKind::Case { .. }
                | StmtKind::Block { name: None, .. }
        )
    });
    ok
}
