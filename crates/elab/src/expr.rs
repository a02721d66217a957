//! Expression typing and sizing (IEEE 1364-2005 5.4-5.5, 1800-2017
//! 11.6-11.8) and emission of IR expressions.
//!
//! Two steps per expression, as the standard describes them:
//! 1. [`Elab::self_ty`] computes the self-determined type bottom-up.
//! 2. [`Elab::emit_ctx`] propagates the context type down to the
//!    context-determined operands and converts each operand *where
//!    propagation stops* (a leaf, or a self-determined operator) with
//!    [`Elab::coerce`]; extension is signed only when the propagated type is.
//!
//! Leaves (names, selects, calls) are emitted once: sizing caches the IR it
//! made in `leaf_cache` and emission takes it from there.

use wsim_diag::{codes::elab as code, Span};
use wsim_ir::{BinOp, Const, ExprId, ExprKind, Type, TypeKind, UnOp};
use wsim_syntax::ast::{self, BinaryOp, ExprKind as A, UnaryOp};

use crate::ctx::{Elab, LexId, Sym, Value};
use crate::literal;
use crate::types::{dim_pos, DataTy};

/// The widest value elaboration makes (16 Mi bits): wider ones are errors,
/// not multi-gigabyte allocations.
pub const MAX_WIDTH: u32 = 1 << 24;

/// The type both operands of a context-determined operator take.
pub fn merge(a: Type, b: Type) -> Type {
    if a.is_real() || b.is_real() {
        return Type::REAL;
    }
    // A string with a literal or integral operand: both are strings (6.16).
    if a.is_string() || b.is_string() {
        return Type::STRING;
    }
    Type {
        kind: TypeKind::Integral,
        width: a.width.max(b.width),
        signed: a.signed && b.signed,
        four_state: a.four_state || b.four_state,
    }
}

pub fn bit1(four_state: bool) -> Type {
    Type { kind: TypeKind::Integral, width: 1, signed: false, four_state }
}

fn is_arith(op: BinaryOp) -> bool {
    use BinaryOp::*;
    matches!(op, Add | Sub | Mul | Div | Mod | BitAnd | BitOr | BitXor | BitXnor)
}
fn is_compare(op: BinaryOp) -> bool {
    use BinaryOp::*;
    matches!(op, Eq | Ne | CaseEq | CaseNe | WildEq | WildNe | Lt | Le | Gt | Ge)
}
fn is_shift(op: BinaryOp) -> bool {
    use BinaryOp::*;
    matches!(op, Shl | Shr | AShl | AShr)
}
fn is_bitwise(op: BinaryOp) -> bool {
    use BinaryOp::*;
    matches!(op, BitAnd | BitOr | BitXor | BitXnor)
}

fn ir_binop(op: BinaryOp) -> BinOp {
    use BinaryOp::*;
    match op {
        Add => BinOp::Add,
        Sub => BinOp::Sub,
        Mul => BinOp::Mul,
        Div => BinOp::Div,
        Mod => BinOp::Mod,
        Pow => BinOp::Pow,
        Eq => BinOp::Eq,
        Ne => BinOp::Ne,
        CaseEq => BinOp::CaseEq,
        CaseNe => BinOp::CaseNe,
        WildEq => BinOp::WildEq,
        WildNe => BinOp::WildNe,
        Lt => BinOp::Lt,
        Le => BinOp::Le,
        Gt => BinOp::Gt,
        Ge => BinOp::Ge,
        LogAnd | LogImplies => BinOp::LogAnd,
        LogOr | LogEquiv => BinOp::LogOr,
        BitAnd => BinOp::BitAnd,
        BitOr => BinOp::BitOr,
        BitXor => BinOp::BitXor,
        BitXnor => BinOp::BitXnor,
        Shl | AShl => BinOp::Shl,
        Shr => BinOp::Shr,
        AShr => BinOp::AShr,
    }
}

impl<'a> Elab<'a> {
    // ------------------------------------------------------------ entry points

    /// An expression in a self-determined context.
    pub fn emit_self(&mut self, lex: LexId, e: &'a ast::Expr) -> ExprId {
        let t = self.self_ty(lex, e);
        self.emit_ctx(lex, e, t)
    }

    /// The right-hand side of an assignment to something of type `lhs`: the
    /// expression is sized at max(lhs, rhs) and then converted to `lhs`.
    pub fn emit_rvalue(&mut self, lex: LexId, e: &'a ast::Expr, lhs: Type) -> ExprId {
        if let wsim_ir::TypeKind::Container(i) = lhs.kind {
            if let Some(c) = self.container_infos.get(&i).cloned() {
                return self.container_rvalue(lex, e, &c);
            }
        }
        if let A::AssignPattern(items) = &e.kind {
            let dt = DataTy::from_ir(lhs);
            return self.emit_pattern(lex, items, &dt, e.span);
        }
        if let Some(id) = self.emit_stream_rvalue(lex, e, lhs) {
            return id; // stream.rs: left-aligned in the target
        }
        let st = self.self_ty(lex, e);
        let target = if st.kind != TypeKind::Integral || lhs.kind != TypeKind::Integral {
            st
        } else {
            Type { width: st.width.max(lhs.width), ..st }
        };
        let x = self.emit_ctx(lex, e, target);
        self.coerce(x, lhs)
    }

    /// Like [`Elab::emit_rvalue`] with the full target type (assignment
    /// patterns to structs need it).
    pub fn emit_rvalue_dt(&mut self, lex: LexId, e: &'a ast::Expr, dt: &DataTy) -> ExprId {
        if let crate::types::Base::Container(c) = &dt.base {
            let c = c.clone();
            return self.container_rvalue(lex, e, &c);
        }
        match &e.kind {
            A::AssignPattern(items) => return self.emit_pattern(lex, items, dt, e.span),
            // `h = new(...)`: the target's class says what to construct.
            A::New { class: None, args } if dt.class_idx().is_some() => {
                let c = dt.class_idx().unwrap_or(0);
                return self.construct(lex, c, args, e.span);
            }
            A::Tagged { member, value } => return self.emit_tagged(lex, member, value.as_deref(), dt, e.span),
            // The target type reaches patterns inside `?:` branches.
            A::Cond { cond, then_expr, else_expr } if has_pattern(then_expr) || has_pattern(else_expr) => {
                let c = self.emit_cond_operand(lex, cond);
                let t = self.emit_rvalue_dt(lex, then_expr, dt);
                let f = self.emit_rvalue_dt(lex, else_expr, dt);
                return self.expr(ExprKind::Cond { cond: c, then_expr: t, else_expr: f }, dt.ir_type(), e.span);
            }
            _ => {}
        }
        self.emit_rvalue(lex, e, dt.ir_type())
    }

    /// Convert `e` to exactly `to` (resize, re-sign, 4->2 state, int<->real).
    /// A signed operand in an unsigned context is first re-signed so the
    /// extension is a zero extension (1364-2005 5.5.4).
    pub fn coerce(&mut self, e: ExprId, to: Type) -> ExprId {
        let from = self.ty(e);
        if from == to {
            return e;
        }
        let span = self.d.exprs[e].span;
        if from.is_container() || to.is_container() {
            // containers.rs converts between container types itself.
            self.unsupported("a dynamic array, queue or associative array as a value in this expression", span);
            let id = self.const_expr(Const::zero(to.width, to.signed), false, span);
            self.d.exprs[id].ty = to;
            return id;
        }
        if from.kind == TypeKind::Integral && to.kind == TypeKind::Integral {
            // Fold constants right away: keeps the IR small.
            if let ExprKind::Const(c) = &self.d.exprs[e].kind {
                let mut k = crate::consteval::resize_const(c, from.width, from.signed && to.signed);
                k = crate::consteval::resize_const(&k, to.width, k.signed);
                k.signed = to.signed;
                if !to.four_state {
                    wsim_guest_rt::logic::to_2state(&mut k.words, to.width);
                }
                let fs = to.four_state;
                let id = self.const_expr(k, fs, span);
                self.d.exprs[id].ty = to;
                return id;
            }
            let mut e = e;
            if from.signed && !to.signed && from.width < to.width {
                e = self.expr(ExprKind::Convert { arg: e }, Type { signed: false, ..from }, span);
            }
            return self.expr(ExprKind::Convert { arg: e }, to, span);
        }
        if from.kind == TypeKind::Event || to.kind == TypeKind::Event {
            self.error(code::TYPE_ERROR, span, "an event is not a value");
            return self.const_expr(Const::all_x(to.width, to.signed), true, span);
        }
        self.expr(ExprKind::Convert { arg: e }, to, span)
    }

    // ------------------------------------------------------------ sizing

    /// The self-determined type of an expression.
    /// 1800-2017 11.8.2 (1364-2005 5.5.2): when an operator's result is
    /// real, a context-determined operand that is not real is evaluated as
    /// self-determined and converted to real just before the operator
    /// applies: in `(a + b) != 254.0` with 8-bit `a`, `b` the sum wraps in
    /// 8 bits. Returns that operand's own type when `e` is such an operand
    /// (an operator expression; leaves are converted where they are).
    fn integral_in_real_context(&mut self, lex: LexId, e: &'a ast::Expr, target: Type) -> Option<Type> {
        if !target.is_real() || !matches!(e.kind, A::Unary { .. } | A::Binary { .. } | A::Cond { .. }) {
            return None;
        }
        // Memoised: a chain of real operators asks at every level.
        let key = (e as *const ast::Expr as usize, lex);
        let own = match self.real_ctx_types.get(&key) {
            Some(&t) => t,
            None => {
                let t = self.self_ty(lex, e);
                self.real_ctx_types.insert(key, t);
                t
            }
        };
        (own.kind == TypeKind::Integral).then_some(own)
    }

    pub fn self_ty(&mut self, lex: LexId, e: &'a ast::Expr) -> Type {
        match &e.kind {
            A::Number(n) => match literal::number(n) {
                Ok(l) => Type {
                    kind: TypeKind::Integral,
                    width: l.value.width,
                    signed: l.value.signed,
                    // Literals are 4-state values: operations on them can
                    // still make X (a shift by `'x`, a division by zero).
                    four_state: true,
                },
                Err(_) => Type::logic(32, false),
            },
            A::Real(_) | A::Time { .. } => Type::REAL,
            A::UnbasedUnsized(_) => bit1(true),
            A::String(s) => Type::logic((s.len() as u32 * 8).max(8), false),
            A::Unary { op, expr } => match op {
                UnaryOp::Plus | UnaryOp::Minus | UnaryOp::BitNot => self.self_ty(lex, expr),
                _ => {
                    let t = self.self_ty(lex, expr);
                    bit1(t.four_state)
                }
            },
            A::Binary { op, lhs, rhs } => self.binary_self_ty(lex, *op, lhs, rhs),
            A::Cond { then_expr, else_expr, .. } => {
                let t = self.self_ty(lex, then_expr);
                let f = self.self_ty(lex, else_expr);
                merge(t, f)
            }
            A::Concat(items) => {
                let mut w = 0u32;
                let mut fs = false;
                for i in items {
                    let t = self.self_ty(lex, i);
                    if t.is_string() {
                        return Type::STRING;
                    }
                    w += t.width;
                    fs |= t.four_state;
                }
                Type { kind: TypeKind::Integral, width: w.max(1), signed: false, four_state: fs }
            }
            A::Replicate { count, exprs } => {
                let n = self.replicate_count(lex, count);
                let mut w = 0u32;
                let mut fs = false;
                for i in exprs {
                    let t = self.self_ty(lex, i);
                    if t.is_string() {
                        return Type::STRING;
                    }
                    w += t.width;
                    fs |= t.four_state;
                }
                Type {
                    kind: TypeKind::Integral,
                    width: w.saturating_mul(n).clamp(1, MAX_WIDTH),
                    signed: false,
                    four_state: fs,
                }
            }
            A::Inside { .. } => bit1(true),
            A::MinTypMax(mn, t, mx) => self.self_ty(lex, self.opts.delay_selection.pick(mn, t, mx)),
            A::Stream { items, .. } => self.stream_self_ty(lex, items),
            A::AssignPattern(_) => {
                self.error(code::TYPE_ERROR, e.span, "an assignment pattern needs a target type here");
                Type::logic(1, false)
            }
            _ => {
                let key = (e as *const _ as usize, lex);
                if let Some(&id) = self.leaf_cache.get(&key) {
                    return self.ty(id);
                }
                let id = self.leaf(lex, e);
                self.leaf_cache.insert(key, id);
                self.ty(id)
            }
        }
    }

    fn binary_self_ty(&mut self, lex: LexId, op: BinaryOp, lhs: &'a ast::Expr, rhs: &'a ast::Expr) -> Type {
        if self.is_array_compare(lex, op, lhs, rhs) {
            return bit1(true);
        }
        let l = self.self_ty(lex, lhs);
        let r = self.self_ty(lex, rhs);
        if is_arith(op) {
            merge(l, r)
        } else if is_shift(op) {
            l
        } else if op == BinaryOp::Pow {
            if l.is_real() || r.is_real() {
                Type::REAL
            } else {
                l
            }
        } else {
            bit1(l.four_state || r.four_state)
        }
    }

    /// The width of a size cast `w'(x)` (w >= 1), or an error past wsim's
    /// width limit.
    fn cast_width(&mut self, w: i64, span: Span) -> Option<u32> {
        if w > MAX_WIDTH as i64 {
            self.error(
                code::TYPE_ERROR,
                span,
                format!("a cast to {w} bits is wider than wsim's limit of {MAX_WIDTH} bits"),
            );
            return None;
        }
        Some(w as u32)
    }

    fn replicate_count(&mut self, lex: LexId, count: &'a ast::Expr) -> u32 {
        match self.eval_i64(lex, count) {
            Some(n) if n > MAX_WIDTH as i64 => {
                self.error(
                    code::TYPE_ERROR,
                    count.span,
                    format!("replication count {n} makes a value wider than {MAX_WIDTH} bits"),
                );
                1
            }
            Some(n) if n >= 0 => n as u32,
            Some(_) => {
                self.error(code::TYPE_ERROR, count.span, "replication count must not be negative");
                0
            }
            None => 1,
        }
    }

    // ------------------------------------------------------------ emission

    /// Emit `e` so that the result has exactly `target` type, propagating the
    /// context into context-determined operands.
    pub fn emit_ctx(&mut self, lex: LexId, e: &'a ast::Expr, target: Type) -> ExprId {
        let span = e.span;
        if let Some(own) = self.integral_in_real_context(lex, e, target) {
            let id = self.emit_ctx(lex, e, own);
            return self.coerce(id, target);
        }
        match &e.kind {
            A::Number(n) => {
                let lit = match literal::number(n) {
                    Ok(l) => l,
                    Err(msg) => {
                        self.error(code::TYPE_ERROR, span, msg);
                        return self.const_expr(Const::all_x(target.width, target.signed), true, span);
                    }
                };
                let c = if lit.is_unsized
                    && lit.pad.is_some()
                    && target.kind == TypeKind::Integral
                    && target.width > lit.value.width
                {
                    literal::extend(&lit, target.width)
                } else {
                    lit.value.clone()
                };
                let id = self.const_expr(c, true, span);
                self.coerce(id, target)
            }
            A::Real(r) => {
                let id = self.expr(ExprKind::RealConst(*r), Type::REAL, span);
                self.coerce(id, target)
            }
            A::Time { value, unit } => {
                // A time literal is scaled to the module's time unit.
                let u = self.d.scopes[self.scope_of(lex)].time_unit;
                let v = value * 10f64.powi(*unit as i32 - u as i32);
                let id = self.expr(ExprKind::RealConst(v), Type::REAL, span);
                self.coerce(id, target)
            }
            A::UnbasedUnsized(c) => {
                let w = if target.kind == TypeKind::Integral { target.width } else { 1 };
                let k = literal::fill(*c, w);
                let id = self.const_expr(k, true, span);
                self.coerce(id, target)
            }
            A::String(s) => {
                let id = self.d.add_string_literal(s.as_bytes(), span);
                self.coerce(id, target)
            }
            A::Unary { op, expr } => self.emit_unary(lex, *op, expr, target, span),
            A::Binary { op, lhs, rhs } => self.emit_binary(lex, *op, lhs, rhs, target, span),
            A::Cond { cond, then_expr, else_expr } => {
                let c = self.emit_cond_operand(lex, cond);
                let t = self.emit_ctx(lex, then_expr, target);
                let f = self.emit_ctx(lex, else_expr, target);
                self.expr(ExprKind::Cond { cond: c, then_expr: t, else_expr: f }, target, span)
            }
            A::Concat(items) => {
                if items.is_empty() {
                    self.error(code::TYPE_ERROR, span, "`{}` (an empty queue) needs a queue or dynamic array target");
                }
                let parts = self.concat_parts(lex, items);
                let id = if parts.iter().any(|&p| self.ty(p).is_string()) {
                    self.string_concat(parts, span)
                } else {
                    self.concat_expr(parts, span)
                };
                self.coerce(id, target)
            }
            A::Replicate { count, exprs } => {
                let n = self.replicate_count(lex, count);
                let parts = self.concat_parts(lex, exprs);
                if parts.iter().any(|&p| self.ty(p).is_string()) {
                    let id = self.string_replicate(n, parts, span);
                    return self.coerce(id, target);
                }
                let arg = if parts.len() == 1 { parts[0] } else { self.concat_expr(parts, span) };
                let at = self.ty(arg);
                let ty = Type {
                    kind: TypeKind::Integral,
                    width: at.width.saturating_mul(n).clamp(1, MAX_WIDTH),
                    signed: false,
                    four_state: at.four_state,
                };
                let id = if n == 0 {
                    self.error(
                        code::TYPE_ERROR,
                        span,
                        "zero replication is only allowed inside a concatenation with other items",
                    );
                    self.const_expr(Const::zero(1, false), false, span)
                } else {
                    self.expr(ExprKind::Replicate { count: n, arg }, ty, span)
                };
                self.coerce(id, target)
            }
            A::Inside { expr, set } => {
                let id = self.emit_inside(lex, expr, set, span);
                self.coerce(id, target)
            }
            A::MinTypMax(mn, t, mx) => self.emit_ctx(lex, self.opts.delay_selection.pick(mn, t, mx), target),
            A::Stream { right_to_left, slice, items } => {
                let id = self.emit_stream(lex, *right_to_left, slice.as_deref(), items, span);
                self.coerce(id, target)
            }
            A::AssignPattern(items) => {
                let dt = DataTy::from_ir(target);
                self.emit_pattern(lex, items, &dt, span)
            }
            _ => {
                let key = (e as *const _ as usize, lex);
                let id = match self.leaf_cache.remove(&key) {
                    Some(id) => id,
                    None => self.leaf(lex, e),
                };
                self.coerce(id, target)
            }
        }
    }

    /// A condition (if, while, ?:): self-determined; a real is compared
    /// with 0.0.
    pub fn emit_cond_operand(&mut self, lex: LexId, e: &'a ast::Expr) -> ExprId {
        let c = self.emit_self(lex, e);
        self.truth_operand(c)
    }

    pub fn truth_operand(&mut self, c: ExprId) -> ExprId {
        if self.ty(c).is_real() {
            let span = self.d.exprs[c].span;
            let z = self.expr(ExprKind::RealConst(0.0), Type::REAL, span);
            return self.expr(ExprKind::Binary { op: BinOp::Ne, lhs: c, rhs: z }, bit1(false), span);
        }
        c
    }

    fn concat_parts(&mut self, lex: LexId, items: &'a [ast::Expr]) -> Vec<ExprId> {
        let mut parts = Vec::new();
        let mut zero_repl = None; // 1364-2005 5.1.14: some other item must have a size
        for i in items {
            // 1364-2005 5.1.14: unsized constants are not allowed here.
            let is_unsized = match &i.kind {
                A::Number(n) => n.size.is_none(),
                A::UnbasedUnsized(_) => true,
                _ => false,
            };
            if is_unsized {
                self.error(code::TYPE_ERROR, i.span, "an unsized constant cannot be part of a concatenation");
            }
            // Zero replications vanish inside a larger concatenation.
            if let A::Replicate { count, .. } = &i.kind {
                if self.eval_i64(lex, count) == Some(0) {
                    zero_repl = Some(i.span);
                    continue;
                }
            }
            let p = self.emit_self(lex, i);
            if self.ty(p).is_real() {
                self.error(code::TYPE_ERROR, i.span, "a real value cannot be part of a concatenation");
                continue;
            }
            parts.push(p);
        }
        if let (Some(span), true) = (zero_repl, parts.is_empty()) {
            self.error(
                code::TYPE_ERROR,
                span,
                "zero replication is only allowed inside a concatenation with other items",
            );
        }
        parts
    }

    pub fn concat_expr(&mut self, parts: Vec<ExprId>, span: Span) -> ExprId {
        let w: u32 = parts.iter().map(|&p| self.ty(p).width).sum();
        let fs = parts.iter().any(|&p| self.ty(p).four_state);
        if parts.is_empty() {
            return self.const_expr(Const::zero(1, false), false, span);
        }
        let ty = Type { kind: TypeKind::Integral, width: w, signed: false, four_state: fs };
        self.expr(ExprKind::Concat(parts), ty, span)
    }

    fn emit_unary(&mut self, lex: LexId, op: UnaryOp, arg: &'a ast::Expr, target: Type, span: Span) -> ExprId {
        if self.self_ty(lex, arg).is_string() {
            self.error(code::TYPE_ERROR, span, "unary operators are not defined on strings (6.16)");
            return self.bad_leaf(span).0;
        }
        match op {
            UnaryOp::Plus => self.emit_ctx(lex, arg, target),
            UnaryOp::Minus | UnaryOp::BitNot => {
                if target.is_real() && op == UnaryOp::BitNot {
                    let st = self.self_ty(lex, arg);
                    if st.is_real() {
                        self.error(code::TYPE_ERROR, span, "`~` is not allowed on a real operand");
                        return self.expr(ExprKind::RealConst(0.0), Type::REAL, span);
                    }
                    let id = self.emit_unary(lex, op, arg, st, span);
                    return self.coerce(id, target);
                }
                let a = self.emit_ctx(lex, arg, target);
                let u = if op == UnaryOp::Minus { UnOp::Neg } else { UnOp::BitNot };
                self.expr(ExprKind::Unary { op: u, arg: a }, target, span)
            }
            _ => {
                let a = self.emit_self(lex, arg);
                let at = self.ty(a);
                let u = match op {
                    UnaryOp::LogNot => UnOp::LogNot,
                    UnaryOp::RedAnd => UnOp::RedAnd,
                    UnaryOp::RedNand => UnOp::RedNand,
                    UnaryOp::RedOr => UnOp::RedOr,
                    UnaryOp::RedNor => UnOp::RedNor,
                    UnaryOp::RedXor => UnOp::RedXor,
                    _ => UnOp::RedXnor,
                };
                if at.is_real() && u != UnOp::LogNot {
                    self.error(code::TYPE_ERROR, span, "a reduction operator needs an integral operand");
                }
                let id = self.expr(ExprKind::Unary { op: u, arg: a }, bit1(at.four_state), span);
                self.coerce(id, target)
            }
        }
    }

    pub fn emit_binary(
        &mut self,
        lex: LexId,
        op: BinaryOp,
        l: &'a ast::Expr,
        r: &'a ast::Expr,
        target: Type,
        span: Span,
    ) -> ExprId {
        if self.is_array_compare(lex, op, l, r) {
            let id = self.emit_array_compare(lex, op, l, r, span); // array_views.rs
            return self.coerce(id, target);
        }
        // A string operand: its type reaches `target` through `merge` for
        // the operators that size their operands (no operand sizing here,
        // which keeps deep expressions linear); comparisons look themselves.
        let logical = matches!(op, BinaryOp::LogAnd | BinaryOp::LogOr | BinaryOp::LogImplies | BinaryOp::LogEquiv);
        let string_compare = is_compare(op) && (self.self_ty(lex, l).is_string() || self.self_ty(lex, r).is_string());
        if string_compare || (target.is_string() && !logical) {
            let id = self.string_binary(lex, op, l, r, span);
            return self.coerce(id, target);
        }
        if is_arith(op) {
            if target.is_real() && (is_bitwise(op) || op == BinaryOp::Mod) {
                // Integral-only operators: a real context stops here; the
                // operands are sized by themselves and the result converted.
                let st = self.binary_self_ty(lex, op, l, r);
                if st.is_real() {
                    self.error(code::TYPE_ERROR, span, "`%` and bitwise operators need integral operands");
                    return self.expr(ExprKind::RealConst(0.0), Type::REAL, span);
                }
                let id = self.emit_binary(lex, op, l, r, st, span);
                return self.coerce(id, target);
            }
            let a = self.emit_ctx(lex, l, target);
            let b = self.emit_ctx(lex, r, target);
            return self.expr(ExprKind::Binary { op: ir_binop(op), lhs: a, rhs: b }, target, span);
        }
        if is_shift(op) || op == BinaryOp::Pow {
            if target.is_real() && op != BinaryOp::Pow {
                // A shift is integral: size it by itself, then convert.
                let st = self.self_ty(lex, l);
                let id = self.emit_shift(lex, op, l, r, st, span);
                return self.coerce(id, target);
            }
            if op == BinaryOp::Pow {
                let a = self.emit_ctx(lex, l, target);
                let b = if target.is_real() { self.emit_ctx(lex, r, Type::REAL) } else { self.emit_self(lex, r) };
                return self.expr(ExprKind::Binary { op: BinOp::Pow, lhs: a, rhs: b }, target, span);
            }
            return self.emit_shift(lex, op, l, r, target, span);
        }
        if is_compare(op) {
            let lt = self.self_ty(lex, l);
            let rt = self.self_ty(lex, r);
            let opty = merge(lt, rt);
            if opty.is_real() && matches!(op, BinaryOp::CaseEq | BinaryOp::CaseNe | BinaryOp::WildEq | BinaryOp::WildNe)
            {
                self.error(code::TYPE_ERROR, span, "case and wildcard equality need integral operands");
            }
            let a = self.emit_ctx(lex, l, opty);
            let b = self.emit_ctx(lex, r, opty);
            let fs = opty.four_state && !matches!(op, BinaryOp::CaseEq | BinaryOp::CaseNe);
            let id = self.expr(ExprKind::Binary { op: ir_binop(op), lhs: a, rhs: b }, bit1(fs), span);
            return self.coerce(id, target);
        }
        // Logical operators: operands self-determined, 1-bit result.
        let a = self.emit_cond_operand(lex, l);
        let b = self.emit_cond_operand(lex, r);
        let fs = self.ty(a).four_state || self.ty(b).four_state;
        let id = match op {
            BinaryOp::LogImplies => {
                let na = self.expr(ExprKind::Unary { op: UnOp::LogNot, arg: a }, bit1(fs), span);
                self.expr(ExprKind::Binary { op: BinOp::LogOr, lhs: na, rhs: b }, bit1(fs), span)
            }
            BinaryOp::LogEquiv => {
                let ra = self.expr(ExprKind::Unary { op: UnOp::RedOr, arg: a }, bit1(fs), span);
                let rb = self.expr(ExprKind::Unary { op: UnOp::RedOr, arg: b }, bit1(fs), span);
                self.expr(ExprKind::Binary { op: BinOp::Eq, lhs: ra, rhs: rb }, bit1(fs), span)
            }
            _ => self.expr(ExprKind::Binary { op: ir_binop(op), lhs: a, rhs: b }, bit1(fs), span),
        };
        self.coerce(id, target)
    }

    fn emit_shift(
        &mut self,
        lex: LexId,
        op: BinaryOp,
        l: &'a ast::Expr,
        r: &'a ast::Expr,
        target: Type,
        span: Span,
    ) -> ExprId {
        let a = self.emit_ctx(lex, l, target);
        let b = self.emit_self(lex, r);
        if self.ty(b).is_real() {
            self.error(code::TYPE_ERROR, r.span, "a shift amount must be integral");
        }
        let mut o = ir_binop(op);
        if o == BinOp::AShr && !target.signed {
            o = BinOp::Shr;
        }
        self.expr(ExprKind::Binary { op: o, lhs: a, rhs: b }, target, span)
    }

    /// `x inside {a, [b:c]}`: wildcard equality with each value, range
    /// checks for `[lo:hi]` items, ORed together.
    pub fn emit_inside(&mut self, lex: LexId, expr: &'a ast::Expr, set: &'a [ast::Expr], span: Span) -> ExprId {
        let mut acc: Option<ExprId> = None;
        for item in set {
            let test = match &item.kind {
                A::ValueRange { lo, hi } => {
                    let ge = self.emit_range_bound(lex, BinaryOp::Ge, expr, lo, item.span);
                    let le = self.emit_range_bound(lex, BinaryOp::Le, expr, hi, item.span);
                    self.expr(ExprKind::Binary { op: BinOp::LogAnd, lhs: ge, rhs: le }, Type::LOGIC1, item.span)
                }
                _ => self.emit_binary(lex, BinaryOp::WildEq, expr, item, Type::LOGIC1, item.span),
            };
            acc = Some(match acc {
                None => test,
                Some(a) => self.expr(ExprKind::Binary { op: BinOp::LogOr, lhs: a, rhs: test }, Type::LOGIC1, span),
            });
        }
        acc.unwrap_or_else(|| self.const_expr(Const::zero(1, false), false, span))
    }

    /// One bound of an `inside` range; a `$` bound is always true.
    fn emit_range_bound(
        &mut self,
        lex: LexId,
        op: BinaryOp,
        expr: &'a ast::Expr,
        bound: &'a ast::Expr,
        span: Span,
    ) -> ExprId {
        if matches!(bound.kind, A::Dollar) {
            return self.const_expr(Const::from_u64(1, false, 1), true, span);
        }
        self.emit_binary(lex, op, expr, bound, Type::LOGIC1, span)
    }

    /// `lhs op= rhs`: sized as `lhs = lhs op rhs`.
    pub fn emit_compound(
        &mut self,
        lex: LexId,
        op: BinaryOp,
        l: &'a ast::Expr,
        r: &'a ast::Expr,
        lhs: Type,
        span: Span,
    ) -> ExprId {
        let st = self.binary_self_ty(lex, op, l, r);
        let target = if st.kind != TypeKind::Integral || lhs.kind != TypeKind::Integral {
            st
        } else {
            Type { width: st.width.max(lhs.width), ..st }
        };
        let x = self.emit_binary(lex, op, l, r, target, span);
        self.coerce(x, lhs)
    }

    // ------------------------------------------------------------ leaves

    /// Emit a leaf (name, select, call, cast, ...) at its own type.
    pub fn leaf(&mut self, lex: LexId, e: &'a ast::Expr) -> ExprId {
        self.leaf_dt(lex, e).0
    }

    /// A leaf and its elaboration type (for further selects and members).
    pub fn leaf_dt(&mut self, lex: LexId, e: &'a ast::Expr) -> (ExprId, DataTy) {
        let span = e.span;
        if let Some(r) = self.container_leaf(lex, e) {
            return r; // containers.rs: `q[i]`, `q.size()`, ...
        }
        match &e.kind {
            A::Ident { package: None, name } if name.name == "super" => self.super_value(lex, span),
            A::Ident { .. } | A::Member { .. } => {
                if let Some(sym) = self.lookup_hier(lex, e) {
                    if let Sym::Prop(c, p) = sym {
                        return self.prop_value(lex, c, p, span);
                    }
                    return self.sym_value(sym, e);
                }
                if let A::Member { base, name } = &e.kind {
                    if let Some(r) = self.member_of_value(lex, base, name, span) {
                        return r;
                    }
                    return self.bad_leaf(span);
                }
                let name = ident_text(e);
                self.error(code::UNDECLARED, span, format!("undeclared identifier `{name}`"));
                self.bad_leaf(span)
            }
            A::Index { .. } => self.emit_index(lex, e),
            A::Range { base, kind, left, right } => self.emit_part_select(lex, base, *kind, left, right, span),
            A::Call { name, args } => self.emit_call(lex, name, args, span),
            A::SysCall { name, args } => self.emit_sysfunc(lex, name, args, span),
            A::MethodCall { base, method, args } => self.emit_method(lex, base, method, args, span),
            A::Cast { ty, expr } => self.emit_cast(lex, ty, expr, span),
            A::IncDec { increment, prefix, expr } if self.side_effects_ok => {
                self.emit_incdec(lex, *increment, *prefix, expr, span)
            }
            A::AssignExpr { op, lhs, rhs } if self.side_effects_ok => self.emit_assign_expr(lex, *op, lhs, rhs, span),
            A::IncDec { .. } | A::AssignExpr { .. } => {
                self.unsupported(
                    "an assignment inside this expression (loop conditions, continuous assignments)",
                    span,
                );
                self.bad_leaf(span)
            }
            A::With { .. } | A::NewArray { .. } => {
                self.unsupported("this array method or `new[]` here", span);
                self.bad_leaf(span)
            }
            A::Tagged { .. } => {
                self.error(code::TYPE_ERROR, span, "a `tagged` expression needs a tagged union type here (11.9)");
                self.bad_leaf(span)
            }
            A::Dollar => {
                self.unsupported("`$` outside a queue or range", span);
                self.bad_leaf(span)
            }
            A::Null => {
                // The null class handle (8.4).
                let id = self.const_expr(Const::zero(crate::classes::HANDLE_BITS, false), false, span);
                (id, DataTy::vector(crate::classes::HANDLE_BITS, false, false))
            }
            A::New { class: Some(t), args } => {
                let dt = self.data_type(lex, t);
                match dt.class_idx() {
                    Some(c) => (self.construct(lex, c, args, span), dt),
                    None => {
                        self.error(code::TYPE_ERROR, span, "`::new` needs a class type");
                        self.bad_leaf(span)
                    }
                }
            }
            A::New { class: None, .. } => {
                self.error(
                    code::TYPE_ERROR,
                    span,
                    "`new` needs a class-typed target here (assign it to a class handle)",
                );
                self.bad_leaf(span)
            }
            A::NewCopy(src) => self.shallow_copy(lex, src, span),
            A::ClassScoped { class, name } => self.class_scoped_value(lex, class, name, span),
            A::Error => self.bad_leaf(span),
            A::ValueRange { .. } => {
                self.error(
                    code::TYPE_ERROR,
                    span,
                    "a value range `[lo:hi]` is only allowed in `inside` sets and case items",
                );
                self.bad_leaf(span)
            }
            A::NamedArg { name, .. } => {
                self.error(code::TYPE_ERROR, name.span, "a named argument is only allowed in a call");
                self.bad_leaf(span)
            }
            A::AssignPattern(_) => {
                self.error(code::TYPE_ERROR, span, "an assignment pattern needs a target type here");
                self.bad_leaf(span)
            }
            A::Number(_)
            | A::Real(_)
            | A::Time { .. }
            | A::UnbasedUnsized(_)
            | A::String(_)
            | A::Unary { .. }
            | A::Binary { .. }
            | A::Cond { .. }
            | A::Concat(_)
            | A::Replicate { .. }
            | A::Inside { .. }
            | A::Stream { .. }
            | A::MinTypMax(..) => {
                let id = self.emit_self(lex, e);
                let t = self.ty(id);
                (id, DataTy::from_ir(t))
            }
        }
    }

    /// `i++` / `--i` inside a statement's expression: the update becomes a
    /// statement run before it; the value is the old (postfix) or new
    /// (prefix) value.
    fn emit_incdec(
        &mut self,
        lex: LexId,
        increment: bool,
        prefix: bool,
        expr: &'a ast::Expr,
        span: Span,
    ) -> (ExprId, DataTy) {
        let Some((l, ldt)) = self.emit_lvalue(lex, expr) else { return self.bad_leaf(span) };
        let t = self.ty(l);
        let old = if prefix {
            None
        } else {
            let tmp = self.hidden_var(lex, "post", t, span);
            let tl = self.signal_expr(tmp, span);
            let v = self.clone_expr(l);
            let st = self.stmt(wsim_ir::StmtKind::Assign { lhs: tl, rhs: v }, span);
            self.pre_stmts.push(st);
            Some(tmp)
        };
        let op = if increment { BinaryOp::Add } else { BinaryOp::Sub };
        let upd = self.emit_compound(lex, op, expr, &crate::lower::ONE, t, span);
        let st = self.stmt(wsim_ir::StmtKind::Assign { lhs: l, rhs: upd }, span);
        self.pre_stmts.push(st);
        let value = match old {
            Some(tmp) => self.signal_expr(tmp, span),
            None => self.clone_expr(l),
        };
        (value, ldt)
    }

    /// `(a = b)` / `(a += b)` inside a statement's expression: the
    /// assignment runs first; the value is `a` afterwards.
    fn emit_assign_expr(
        &mut self,
        lex: LexId,
        op: ast::AssignOp,
        lhs: &'a ast::Expr,
        rhs: &'a ast::Expr,
        span: Span,
    ) -> (ExprId, DataTy) {
        let Some((l, ldt)) = self.emit_lvalue(lex, lhs) else { return self.bad_leaf(span) };
        let r = match compound_binop(op) {
            None => self.emit_rvalue_dt(lex, rhs, &ldt),
            Some(b) => self.emit_compound(lex, b, lhs, rhs, ldt.ir_type(), span),
        };
        let r = self.match_member_state(l, r);
        let st = self.stmt(wsim_ir::StmtKind::Assign { lhs: l, rhs: r }, span);
        self.pre_stmts.push(st);
        (self.clone_expr(l), ldt)
    }

    /// A two-state member of a four-state struct is a four-state select of
    /// it: the value assigned (sized for the member's own type) takes the
    /// target's four-state type too.
    pub fn match_member_state(&mut self, l: ExprId, r: ExprId) -> ExprId {
        let (lt, rt) = (self.ty(l), self.ty(r));
        if lt != rt && lt.kind == TypeKind::Integral && rt.kind == TypeKind::Integral && lt.width == rt.width {
            return self.coerce(r, lt);
        }
        r
    }

    /// A 1-bit X stand-in after an error (keeps elaboration going).
    pub fn bad_leaf(&mut self, span: Span) -> (ExprId, DataTy) {
        (self.const_expr(Const::all_x(1, false), true, span), DataTy::logic(1, false))
    }

    /// The value of a resolved name.
    fn sym_value(&mut self, sym: Sym, e: &ast::Expr) -> (ExprId, DataTy) {
        let span = e.span;
        match sym {
            Sym::Signal(s) => {
                if !self.d.signals[s].dims.is_empty() {
                    self.error(code::TYPE_ERROR, span, format!("array `{}` must be indexed here", ident_text(e)));
                    return self.bad_leaf(span);
                }
                let id = self.signal_expr(s, span);
                (id, self.sig_ty[s.index()].clone())
            }
            Sym::Param(v, dt) => (self.value_expr(&v, &dt, span), dt),
            _ => {
                self.error(code::TYPE_ERROR, span, format!("`{}` is not a value", ident_text(e)));
                self.bad_leaf(span)
            }
        }
    }

    pub fn value_expr(&mut self, v: &Value, dt: &DataTy, span: Span) -> ExprId {
        if let (true, Value::Int(c)) = (dt.is_string(), v) {
            // A string parameter: its text, made a string at each use.
            let id = self.const_expr(c.clone(), false, span);
            return self.convert_to_string(id);
        }
        match v {
            Value::Real(r) => self.expr(ExprKind::RealConst(*r), Type::REAL, span),
            Value::Int(c) => {
                let t = dt.ir_type();
                let c = if t.kind == TypeKind::Integral && t.width == c.width {
                    Const { signed: t.signed, ..c.clone() }
                } else {
                    c.clone()
                };
                let fs = !c.is_known() || (t.width == c.width && t.four_state);
                let id = self.const_expr(c, fs, span);
                if t.kind == TypeKind::Integral && t.width == self.ty(id).width {
                    self.d.exprs[id].ty = Type { four_state: t.four_state || fs, ..t };
                }
                id
            }
        }
    }

    /// Resolve a name or hierarchical path (`a`, `p::a`, `u.l1.x`,
    /// `blk[2].x`) to a symbol; None when the path names no symbol (it may
    /// still be a struct member access).
    pub fn lookup_hier(&mut self, lex: LexId, e: &'a ast::Expr) -> Option<Sym> {
        match &e.kind {
            A::Ident { package: Some(p), name } => {
                if p.name == "$unit" {
                    return self.lex[self.unit_lex].names.get(&name.name).cloned();
                }
                if let Some(s) = self.lookup_package(&p.name, &name.name) {
                    return Some(s);
                }
                // `C::name`: a member of a class (8.23).
                let cl = self.class_scope_lex(lex, &p.name, e.span)?;
                self.lex[cl].names.get(&name.name).cloned()
            }
            A::Ident { package: None, name } => {
                if let Some(s) = self.lookup(lex, &name.name) {
                    return Some(s);
                }
                self.lookup_upward(lex, &name.name)
            }
            A::Member { base, name } => match self.lookup_hier(lex, base)? {
                Sym::Scope(l) => self.lex[l].names.get(&name.name).cloned(),
                // `task_name.local`: a variable of a task or function.
                Sym::Subr(def) => {
                    self.ensure_subr(def);
                    let own = self.subr_defs[def].own_lex?;
                    self.lex[own].names.get(&name.name).cloned()
                }
                _ => None,
            },
            A::Index { base, index } => match self.lookup_hier(lex, base)? {
                Sym::ScopeArray(v) => {
                    let i = self.eval_i64(lex, index)?;
                    match v.iter().find(|(k, _)| *k == i) {
                        Some((_, l)) => Some(Sym::Scope(*l)),
                        None => {
                            self.error(code::UNDECLARED, e.span, format!("no scope with index {i}"));
                            None
                        }
                    }
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Upward name resolution (1364-2005 12.6): the first name of a
    /// hierarchical path may name an ancestor instance, a scope inside an
    /// ancestor, or a top-level instance.
    fn lookup_upward(&self, lex: LexId, name: &str) -> Option<Sym> {
        let mut cur = Some(lex);
        while let Some(l) = cur {
            let scope = self.lex[l].scope;
            let sc = &self.d.scopes[scope];
            if (sc.name == name || sc.def_name == name) && sc.kind == wsim_ir::ScopeKind::Instance {
                return Some(Sym::Scope(l));
            }
            if let Some(s @ (Sym::Scope(_) | Sym::ScopeArray(_))) = self.lex[l].names.get(name) {
                return Some(s.clone());
            }
            cur = self.lex[l].up;
        }
        for &t in &self.tops {
            if self.d.scopes[self.lex[t].scope].name == name {
                return Some(Sym::Scope(t));
            }
        }
        None
    }

    fn member_of_value(
        &mut self,
        lex: LexId,
        base: &'a ast::Expr,
        name: &ast::Ident,
        span: Span,
    ) -> Option<(ExprId, DataTy)> {
        let (b, bt) = self.leaf_dt(lex, base);
        if let Some(c) = bt.class_idx() {
            return self.class_member(lex, b, c, name, span);
        }
        // Enum methods may be called without parentheses: `s.next`.
        if bt.enum_info().is_some() && matches!(name.name.as_str(), "name" | "next" | "prev" | "first" | "last" | "num")
        {
            return Some(self.enum_method(b, bt, name, 1, span));
        }
        let Some(info) = bt.struct_info().cloned() else {
            if self.diags.has_errors() && matches!(self.d.exprs[b].kind, ExprKind::Const(_)) && bt.width() == 1 {
                return Some((b, bt));
            }
            self.error(
                code::UNDECLARED,
                name.span,
                format!("`{}` is not a member or scope of `{}`", name.name, ident_text(base)),
            );
            return None;
        };
        let Some(m) = info.members.iter().find(|m| m.name == name.name) else {
            self.error(code::UNDECLARED, name.span, format!("struct has no member `{}`", name.name));
            return None;
        };
        if info.tag_width > 0 {
            self.check_union_tag(lex, b, &info, &name.name, span); // types.rs
        }
        let off = self.i32_const(m.offset as i64, span);
        let w = m.ty.width();
        let mut t = m.ty.ir_type();
        t.four_state = t.four_state || self.ty(b).four_state;
        Some((self.expr(ExprKind::Select { base: b, offset: off, width: w }, t, span), m.ty.clone()))
    }

    /// `a[i]`, `mem[i][j]`, `x[i][3]`: array elements first, then bit or
    /// element selects of packed types.
    fn emit_index(&mut self, lex: LexId, e: &'a ast::Expr) -> (ExprId, DataTy) {
        let span = e.span;
        let mut idx: Vec<&'a ast::Expr> = Vec::new();
        let mut root = e;
        while let A::Index { base, index } = &root.kind {
            idx.push(index);
            root = base;
        }
        idx.reverse();
        // Scope arrays (`blk[2]`) are not values.
        let sym = match &root.kind {
            A::Ident { .. } | A::Member { .. } => self.lookup_hier(lex, root),
            _ => None,
        };
        if let Some(Sym::Signal(s)) = sym {
            let dims = self.d.signals[s].dims.clone();
            if !dims.is_empty() {
                if idx.len() < dims.len() {
                    self.unsupported("selecting a sub-array (slice) of an unpacked array", span);
                    return self.bad_leaf(span);
                }
                let mut indices = Vec::new();
                for (d, ix) in dims.iter().zip(&idx) {
                    let i = self.emit_self(lex, ix);
                    self.check_integral_index(i, ix.span);
                    indices.push(self.zero_based(i, d.lower()));
                }
                let dt = self.sig_ty[s.index()].clone();
                let mut cur = self.expr(ExprKind::ArrayElem { sig: s, indices }, dt.ir_type(), span);
                let mut cur_dt = dt;
                for ix in &idx[dims.len()..] {
                    (cur, cur_dt) = self.bit_select(lex, cur, &cur_dt, ix, span);
                }
                return (cur, cur_dt);
            }
        }
        let (mut cur, mut cur_dt) = self.leaf_dt(lex, root);
        for ix in idx {
            (cur, cur_dt) = self.bit_select(lex, cur, &cur_dt, ix, span);
        }
        (cur, cur_dt)
    }

    fn zero_based(&mut self, i: ExprId, lower: i64) -> ExprId {
        let span = self.d.exprs[i].span;
        if self.ty(i).is_real() {
            self.error(code::TYPE_ERROR, span, "an index must be integral");
        }
        if lower == 0 {
            return i;
        }
        if let Some(Value::Int(c)) = self.try_fold(i) {
            if let Some(v) = Value::Int(c).as_i64() {
                return self.const_expr(Const::from_u64(64, true, v.saturating_sub(lower) as u64), false, span);
            }
        }
        let t = Type::bits(64, true);
        let t = Type { four_state: self.ty(i).four_state, ..t };
        let a = self.coerce(i, t);
        let k = self.const_expr(Const::from_u64(64, true, lower as u64), false, span);
        let k = self.coerce(k, t);
        self.expr(ExprKind::Binary { op: BinOp::Sub, lhs: a, rhs: k }, t, span)
    }

    /// Bit offset of declared index `i + add` in dimension `d`, scaled by the
    /// element width: `(i + add - right) * ew` or `(right - i - add) * ew`.
    fn offset_expr(&mut self, i: ExprId, add: i64, d: (i64, i64), ew: u32, span: Span) -> ExprId {
        if let Some(v) = self.try_fold(i).and_then(|v| v.as_i64()) {
            // Saturating: a hostile constant index is out of range anyway.
            let pos = dim_pos(d, v.saturating_add(add)).saturating_mul(ew as i64);
            return self.const_expr(Const::from_u64(64, true, pos as u64), false, span);
        }
        let it = self.ty(i);
        if d.0 >= d.1 && d.1 == add && ew == 1 && !it.is_real() {
            return i;
        }
        let t = Type { four_state: it.four_state, ..Type::bits(64, true) };
        let a = self.coerce(i, t);
        let pos = if d.0 >= d.1 {
            let k = self.const_expr(Const::from_u64(64, true, add.wrapping_sub(d.1) as u64), false, span);
            let k = self.coerce(k, t);
            self.expr(ExprKind::Binary { op: BinOp::Add, lhs: a, rhs: k }, t, span)
        } else {
            let k = self.const_expr(Const::from_u64(64, true, d.1.wrapping_sub(add) as u64), false, span);
            let k = self.coerce(k, t);
            self.expr(ExprKind::Binary { op: BinOp::Sub, lhs: k, rhs: a }, t, span)
        };
        if ew == 1 {
            return pos;
        }
        let k = self.const_expr(Const::from_u64(64, true, ew as u64), false, span);
        let k = self.coerce(k, t);
        self.expr(ExprKind::Binary { op: BinOp::Mul, lhs: pos, rhs: k }, t, span)
    }

    pub fn bit_select(
        &mut self,
        lex: LexId,
        base: ExprId,
        dt: &DataTy,
        ix: &'a ast::Expr,
        span: Span,
    ) -> (ExprId, DataTy) {
        if dt.is_string() {
            return self.string_index(lex, base, ix, span);
        }
        if dt.is_real() {
            self.error(code::TYPE_ERROR, span, "cannot select bits of a real");
            return self.bad_leaf(span);
        }
        if self.selects_from_scalar(dt, span) {
            return self.bad_leaf(span);
        }
        let (d, elem) = dt.select_dim();
        let ew = elem.width();
        let i = self.emit_self(lex, ix);
        self.check_integral_index(i, ix.span);
        let off = self.offset_expr(i, 0, d, ew, span);
        let mut t = elem.ir_type();
        t.four_state = self.ty(base).four_state;
        (self.expr(ExprKind::Select { base, offset: off, width: ew }, t, span), elem)
    }

    /// An index must be integral: a real one is an error (1800-2017 6.12
    /// lists bit-selects among what reals cannot be used in).
    fn check_integral_index(&mut self, i: ExprId, span: Span) {
        if self.ty(i).is_real() {
            self.error(code::TYPE_ERROR, span, "an index must be integral, not real (6.12)");
        }
    }

    fn emit_part_select(
        &mut self,
        lex: LexId,
        base: &'a ast::Expr,
        kind: ast::RangeKind,
        left: &'a ast::Expr,
        right: &'a ast::Expr,
        span: Span,
    ) -> (ExprId, DataTy) {
        let (b, bdt) = self.leaf_dt(lex, base);
        if bdt.is_real() {
            self.error(code::TYPE_ERROR, span, "cannot select bits of a real");
            return self.bad_leaf(span);
        }
        if bdt.is_string() {
            self.error(code::TYPE_ERROR, span, "cannot select a range of a string (use `substr`)");
            return self.bad_leaf(span);
        }
        if self.selects_from_scalar(&bdt, span) {
            return self.bad_leaf(span);
        }
        let (d, elem) = bdt.select_dim();
        let ew = elem.width();
        let (off, n) = match kind {
            ast::RangeKind::Const => {
                let (Some(m), Some(l)) = (self.eval_i64(lex, left), self.eval_i64(lex, right)) else {
                    return self.bad_leaf(span);
                };
                if (m >= l) != (d.0 >= d.1) && m != l {
                    self.error(code::TYPE_ERROR, span, "part-select direction is opposite to the declared range");
                }
                let pos = dim_pos(d, m).min(dim_pos(d, l)).saturating_mul(ew as i64);
                (self.const_expr(Const::from_u64(64, true, pos as u64), false, span), m.abs_diff(l).saturating_add(1))
            }
            ast::RangeKind::PlusUp | ast::RangeKind::MinusDown => {
                let Some(w) = self.eval_i64(lex, right) else {
                    return self.bad_leaf(span);
                };
                if w < 1 {
                    self.error(code::TYPE_ERROR, right.span, "part-select width must be positive");
                    return self.bad_leaf(span);
                }
                let a = self.emit_self(lex, left);
                let desc = d.0 >= d.1;
                // Lowest bit position: desc uses the low index, asc the high one.
                let add = match (kind, desc) {
                    (ast::RangeKind::PlusUp, true) => 0,
                    (ast::RangeKind::PlusUp, false) => w - 1,
                    (_, true) => -(w - 1),
                    (_, false) => 0,
                };
                (self.offset_expr(a, add, d, ew, span), w as u64)
            }
        };
        // `v[2147483647:0]` would make 2^31-bit constants in codegen.
        let Some(width) = n.checked_mul(ew as u64).filter(|&w| w <= MAX_WIDTH as u64) else {
            let msg = format!("a part-select of {n} elements is wider than wsim's limit of {MAX_WIDTH} bits");
            self.error(code::TYPE_ERROR, span, msg);
            return self.bad_leaf(span);
        };
        let width = width as u32;
        let t = Type { kind: TypeKind::Integral, width, signed: false, four_state: self.ty(b).four_state };
        let id = self.expr(ExprKind::Select { base: b, offset: off, width }, t, span);
        (id, DataTy::vector(width, false, t.four_state))
    }

    fn emit_cast(&mut self, lex: LexId, ty: &'a ast::CastType, expr: &'a ast::Expr, span: Span) -> (ExprId, DataTy) {
        match ty {
            ast::CastType::Type(ast::DataType::Named { package, name, packed, span: nspan })
                if packed.is_empty() && self.names_param(lex, package.as_ref(), name) =>
            {
                // `WIDTH'(x)`: a size cast by a parameter.
                let n = ast::Expr { kind: A::Ident { package: package.clone(), name: name.clone() }, span: *nspan };
                let w = match self.eval_const_owned(lex, &n).and_then(|v| v.as_i64()) {
                    Some(w) if w >= 1 => w,
                    _ => {
                        self.error(code::TYPE_ERROR, *nspan, "cast size must be a positive constant");
                        return self.bad_leaf(span);
                    }
                };
                let Some(w) = self.cast_width(w, *nspan) else { return self.bad_leaf(span) };
                let st = self.self_ty(lex, expr);
                let t = Type {
                    kind: TypeKind::Integral,
                    width: w,
                    signed: st.signed && !st.is_real(),
                    four_state: st.four_state || st.is_real(),
                };
                let id = self.emit_rvalue(lex, expr, t);
                (id, DataTy::vector(w, t.signed, t.four_state))
            }
            ast::CastType::Type(t) => {
                let dt = self.data_type(lex, t);
                let id = self.emit_rvalue_dt(lex, expr, &dt);
                (id, dt)
            }
            ast::CastType::Size(n) => {
                let Some(w) = self.eval_i64(lex, n) else {
                    return self.bad_leaf(span);
                };
                if w < 1 {
                    self.error(code::TYPE_ERROR, n.span, "cast size must be positive");
                    return self.bad_leaf(span);
                }
                let Some(w) = self.cast_width(w, n.span) else { return self.bad_leaf(span) };
                let st = self.self_ty(lex, expr);
                let t = Type {
                    kind: TypeKind::Integral,
                    width: w,
                    signed: st.signed && !st.is_real(),
                    four_state: st.four_state || st.is_real(),
                };
                let id = self.emit_rvalue(lex, expr, t);
                (id, DataTy::vector(w, t.signed, t.four_state))
            }
            ast::CastType::Signed | ast::CastType::Unsigned => {
                let signed = matches!(ty, ast::CastType::Signed);
                let a = self.emit_self(lex, expr);
                let at = self.ty(a);
                if at.is_real() {
                    self.error(code::TYPE_ERROR, span, "signed'/unsigned' need an integral operand");
                    return (a, DataTy::real());
                }
                let t = Type { signed, ..at };
                let id = self.coerce(a, t);
                (id, DataTy::vector(t.width, signed, t.four_state))
            }
        }
    }

    fn names_param(&self, lex: LexId, package: Option<&ast::Ident>, name: &ast::Ident) -> bool {
        let sym = match package {
            Some(p) => self.lookup_package(&p.name, &name.name),
            None => self.lookup(lex, &name.name),
        };
        matches!(sym, Some(Sym::Param(..)))
    }

    /// The value of a parameter named by a temporary expression.
    fn eval_const_owned(&mut self, lex: LexId, e: &ast::Expr) -> Option<Value> {
        let A::Ident { package, name } = &e.kind else {
            return None;
        };
        let sym = match package {
            Some(p) => self.lookup_package(&p.name, &name.name),
            None => self.lookup(lex, &name.name),
        };
        match sym {
            Some(Sym::Param(v, _)) => Some(v),
            _ => None,
        }
    }

    /// `'{a, b}`, `'{x: 1, default: 0}` for a packed struct or packed array.
    pub fn emit_pattern(
        &mut self,
        lex: LexId,
        items: &'a [(Option<ast::Expr>, ast::Expr)],
        dt: &DataTy,
        span: Span,
    ) -> ExprId {
        let fields: Vec<(Option<String>, DataTy)> = if let Some(info) = dt.struct_info() {
            info.members.iter().map(|m| (Some(m.name.clone()), m.ty.clone())).collect()
        } else {
            let (d, elem) = dt.select_dim();
            let n = d.0.abs_diff(d.1) + 1;
            (0..n).map(|_| (None, elem.clone())).collect()
        };
        let mut vals: Vec<Option<ExprId>> = vec![None; fields.len()];
        let mut default: Option<&'a ast::Expr> = None;
        let mut pos = 0;
        for (key, val) in self.pattern_items(lex, items) {
            match key {
                None => {
                    if pos < fields.len() {
                        let t = fields[pos].1.clone();
                        vals[pos] = Some(self.emit_rvalue_dt(lex, val, &t));
                    } else {
                        self.error(code::TYPE_ERROR, val.span, "too many items in the assignment pattern");
                    }
                    pos += 1;
                }
                Some(k) => {
                    if let A::Ident { name, .. } = &k.kind {
                        if name.name == "default" {
                            default = Some(val);
                            continue;
                        }
                        if let Some(i) = fields.iter().position(|f| f.0.as_deref() == Some(name.name.as_str())) {
                            let t = fields[i].1.clone();
                            vals[i] = Some(self.emit_rvalue_dt(lex, val, &t));
                            continue;
                        }
                    }
                    if fields.first().map(|f| f.0.is_none()).unwrap_or(false) {
                        if let Some(i) = self.eval_i64(lex, k) {
                            let (d, _) = dt.select_dim();
                            let p = (fields.len() as i64 - 1 - dim_pos(d, i)) as usize;
                            if p < fields.len() {
                                let t = fields[p].1.clone();
                                vals[p] = Some(self.emit_rvalue_dt(lex, val, &t));
                                continue;
                            }
                        }
                    }
                    self.error(code::TYPE_ERROR, k.span, "pattern key names no member of the target type");
                }
            }
        }
        let mut parts = Vec::new();
        for (i, v) in vals.into_iter().enumerate() {
            let id = match (v, default) {
                (Some(v), _) => v,
                (None, Some(d)) => {
                    let t = fields[i].1.clone();
                    self.emit_rvalue_dt(lex, d, &t)
                }
                (None, None) => {
                    self.error(code::TYPE_ERROR, span, "assignment pattern leaves a member without a value");
                    let t = fields[i].1.ir_type();
                    self.const_expr(Const::all_x(t.width, false), true, span)
                }
            };
            let t = self.ty(id);
            let u = Type { signed: false, ..t };
            parts.push(self.coerce(id, u));
        }
        let c = self.concat_expr(parts, span);
        self.coerce(c, dt.ir_type())
    }

    /// The items of an assignment pattern, with a replication `'{n{a, b}}`
    /// spelled out as `'{a, b, a, b, ...}` (1800-2017 10.9.1).
    fn pattern_items(
        &mut self,
        lex: LexId,
        items: &'a [(Option<ast::Expr>, ast::Expr)],
    ) -> Vec<(Option<&'a ast::Expr>, &'a ast::Expr)> {
        if let [(None, ast::Expr { kind: A::Replicate { count, exprs }, .. })] = items {
            let n = self.replicate_count(lex, count) as usize;
            return (0..n).flat_map(|_| exprs.iter().map(|e| (None, e))).collect();
        }
        items.iter().map(|(k, v)| (k.as_ref(), v)).collect()
    }

    // ------------------------------------------------------------ lvalues

    /// An assignment target: a signal, array element, select or
    /// concatenation of those.
    pub fn emit_lvalue(&mut self, lex: LexId, e: &'a ast::Expr) -> Option<(ExprId, DataTy)> {
        let (id, dt) = match &e.kind {
            A::Concat(items) => {
                let mut parts = Vec::new();
                for i in items {
                    parts.push(self.emit_lvalue(lex, i)?.0);
                }
                let id = self.concat_expr(parts, e.span);
                let t = self.ty(id);
                (id, DataTy::from_ir(t))
            }
            A::Ident { .. } | A::Member { .. } | A::Index { .. } | A::Range { .. } => self.leaf_dt(lex, e),
            A::Stream { .. } => {
                self.unsupported(
                    "a streaming concatenation as this assignment target (only `=`/`<=` statements)",
                    e.span,
                );
                return None;
            }
            _ => {
                self.error(code::BAD_ASSIGN_TARGET, e.span, "this expression cannot be assigned to");
                return None;
            }
        };
        if !self.is_lvalue(id) && self.is_string_char(id) {
            self.unsupported("assigning one character of a string (`s[i] = c`; `s.putc(i, c)` works)", e.span);
            return None;
        }
        if !self.is_lvalue(id) {
            if !matches!(self.d.exprs[id].kind, ExprKind::Const(_)) || !self.diags.has_errors() {
                self.error(
                    code::BAD_ASSIGN_TARGET,
                    e.span,
                    "this expression cannot be assigned to (not a variable or net)",
                );
            }
            return None;
        }
        Some((id, dt))
    }

    fn is_string_char(&self, id: ExprId) -> bool {
        matches!(&self.d.exprs[id].kind, ExprKind::SysFunc { name, .. } if name == "$str_getc")
    }

    pub fn is_lvalue(&self, id: ExprId) -> bool {
        match &self.d.exprs[id].kind {
            ExprKind::Signal(s) => self.d.signals[*s].kind != wsim_ir::SignalKind::Event,
            ExprKind::ArrayElem { .. } | ExprKind::ClassProp { .. } => true,
            ExprKind::Select { base, .. } => self.is_lvalue(*base),
            ExprKind::Concat(parts) => parts.iter().all(|&p| self.is_lvalue(p)),
            _ => false,
        }
    }
}

fn has_pattern(e: &ast::Expr) -> bool {
    match &e.kind {
        A::AssignPattern(_) | A::Tagged { .. } => true,
        A::Cond { then_expr, else_expr, .. } => has_pattern(then_expr) || has_pattern(else_expr),
        _ => false,
    }
}

/// The operator of a compound assignment (`+=` is `+`).
pub fn compound_binop(op: ast::AssignOp) -> Option<BinaryOp> {
    use ast::AssignOp::*;
    Some(match op {
        Assign => return None,
        Add => BinaryOp::Add,
        Sub => BinaryOp::Sub,
        Mul => BinaryOp::Mul,
        Div => BinaryOp::Div,
        Mod => BinaryOp::Mod,
        And => BinaryOp::BitAnd,
        Or => BinaryOp::BitOr,
        Xor => BinaryOp::BitXor,
        Shl => BinaryOp::Shl,
        Shr => BinaryOp::Shr,
        AShl => BinaryOp::AShl,
        AShr => BinaryOp::AShr,
    })
}

/// The dotted text of a name expression, for messages.
pub fn ident_text(e: &ast::Expr) -> String {
    match &e.kind {
        A::Ident { package: Some(p), name } => format!("{}::{}", p.name, name.name),
        A::Ident { name, .. } => name.name.clone(),
        A::Member { base, name } => format!("{}.{}", ident_text(base), name.name),
        A::Index { base, .. } => format!("{}[..]", ident_text(base)),
        _ => "expression".to_string(),
    }
}
