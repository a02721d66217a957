//! Rise, fall and turn-off delays of continuous assignments, nets and gates
//! (`#(rise, fall)`, `#(rise, fall, turnoff)`), IEEE 1364-2005 6.1.3 and
//! 7.14: the delay of each scheduled change is picked by the value the
//! right-hand side changes to.
//!
//! - to 0 (every bit 0): the fall delay;
//! - to z (every bit z): the turn-off delay, or the smaller of rise and
//!   fall when only two are given (7.14, table 7-9);
//! - a 1-bit value to x: the smallest of the delays (7.14);
//! - anything else (1, a vector with some 1 bit): the rise delay.
//!
//! The result is a delay expression in ticks that reads the right-hand
//! side again; the delayed assignment evaluates it right after the value.

use wsim_diag::Span;
use wsim_ir::{BinOp, Const, ExprId, ExprKind, Type};
use wsim_syntax::ast;

use crate::ctx::{Elab, LexId};

impl<'a> Elab<'a> {
    /// The delay in ticks of a change of `rhs` under `d`: the first value
    /// when `d` has one, else chosen by the new value as described above.
    pub fn transition_delay(&mut self, lex: LexId, d: &'a ast::Delay, rhs: ExprId) -> ExprId {
        let ty = self.ty(rhs);
        let ([rise, fall, rest @ ..], false) = (d.values.as_slice(), ty.is_real()) else {
            return self.delay_ticks(lex, d);
        };
        let span = d.span;
        let rise = self.delay_expr(lex, rise);
        let fall = self.delay_expr(lex, fall);
        let rise_fall_min = self.min_ticks(rise, fall, span);
        let (turn_off, to_x) = match rest.first() {
            Some(t) => {
                let t = self.delay_expr(lex, t);
                let all = self.min_ticks(rise_fall_min, t, span);
                (t, all)
            }
            None => (rise_fall_min, rise_fall_min),
        };
        let (w, signed) = (ty.width, ty.signed);
        let mut delay = rise;
        if w == 1 {
            let is_x = self.rhs_is(rhs, Const::all_x(1, signed), span);
            delay = self.pick_ticks(is_x, to_x, delay, span);
        }
        let is_z = self.rhs_is(rhs, Const::all_z(w, signed), span);
        delay = self.pick_ticks(is_z, turn_off, delay, span);
        let is_zero = self.rhs_is(rhs, Const::zero(w, signed), span);
        self.pick_ticks(is_zero, fall, delay, span)
    }

    /// `rhs === value` (a known 1-bit result).
    fn rhs_is(&mut self, rhs: ExprId, value: Const, span: Span) -> ExprId {
        let four_state = self.ty(rhs).four_state;
        let c = self.const_expr(value, four_state, span);
        self.expr(ExprKind::Binary { op: BinOp::CaseEq, lhs: rhs, rhs: c }, Type::LOGIC1, span)
    }

    fn pick_ticks(&mut self, cond: ExprId, then_ticks: ExprId, else_ticks: ExprId, span: Span) -> ExprId {
        let t64 = self.ty(then_ticks);
        self.expr(ExprKind::Cond { cond, then_expr: then_ticks, else_expr: else_ticks }, t64, span)
    }

    fn min_ticks(&mut self, a: ExprId, b: ExprId, span: Span) -> ExprId {
        let a_lt_b = self.expr(ExprKind::Binary { op: BinOp::Lt, lhs: a, rhs: b }, Type::LOGIC1, span);
        self.pick_ticks(a_lt_b, a, b, span)
    }
}
