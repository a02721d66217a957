//! Unpacked arrays as operands beyond whole-array copies (IEEE 1800-2017
//! 7.4.3, 7.4.6): slices `a[5:3]`, `a[i+:3]`, sub-arrays `A[0][2]`, and
//! equality of arrays (`a == b`, `a != b`, `===`, `!==`).
//!
//! The IR has no array values, so an array operand is a *view*: the list of
//! its element expressions in left-to-right order. Assignments between
//! views become one assignment per element (unrolled, arrays are
//! fixed-size); equality becomes the reduction AND (OR for inequality) of
//! the element comparisons, which gives x when no element differs but some
//! comparison is unknown (11.4.5 applied element-wise).

use wsim_diag::{codes::elab as code, Span};
use wsim_ir::{BinOp, Const, ExprId, ExprKind, SignalId, StmtId, StmtKind, Type, UnOp};
use wsim_syntax::ast::{self, BinaryOp, ExprKind as A};

use crate::ctx::{Elab, LexId, Sym};
use crate::expr::bit1;

/// Unrolling limit for views.
const MAX_VIEW_ELEMENTS: u64 = 65_536;

/// Elements of an array operand, left to right, with the element type.
pub struct ArrayView {
    pub elems: Vec<ExprId>,
    pub sig: SignalId,
}

impl<'a> Elab<'a> {
    /// A slice or sub-array of an unpacked array (not a whole array, not an
    /// element): `a[5:3]`, `a[i+:2]`, `A[1]` of a 2-D array.
    pub fn is_array_part(&mut self, lex: LexId, e: &'a ast::Expr) -> bool {
        let (root, idx, range) = split_select(e);
        let Some(s) = self.array_root(lex, root) else { return false };
        let dims = self.d.signals[s].dims.len();
        match range {
            Some(_) => idx.len() < dims,
            None => !idx.is_empty() && idx.len() < dims,
        }
    }

    fn array_root(&mut self, lex: LexId, root: &'a ast::Expr) -> Option<SignalId> {
        if !matches!(root.kind, A::Ident { .. } | A::Member { .. }) {
            return None;
        }
        match self.lookup_hier(lex, root) {
            Some(Sym::Signal(s)) if !self.d.signals[s].dims.is_empty() => Some(s),
            _ => None,
        }
    }

    /// The view of a whole array, a slice or a sub-array; None when `e` is
    /// none of these.
    pub fn array_view(&mut self, lex: LexId, e: &'a ast::Expr) -> Option<ArrayView> {
        let (root, idx, range) = split_select(e);
        let sig = self.array_root(lex, root)?;
        let dims = self.d.signals[sig].dims.clone();
        let fixed = idx.len();
        if fixed + usize::from(range.is_some()) > dims.len() || (range.is_none() && fixed == dims.len()) {
            return None;
        }
        // Per dimension: the zero-based index expressions it contributes.
        let mut per_dim: Vec<Vec<ExprId>> = Vec::new();
        for (d, ix) in dims.iter().zip(&idx) {
            let i = self.emit_self(lex, ix);
            per_dim.push(vec![self.zero_based_index(i, d.lower())]);
        }
        if let Some((kind, left, right)) = range {
            let d = dims[fixed];
            per_dim.push(self.slice_indices(lex, d, kind, left, right, e.span)?);
        }
        // counted before the whole dimensions are listed: `bit a [0:2**31]`
        // would list 2^31 index constants (8 GiB) first
        let listed: u64 = per_dim.iter().map(|v| v.len() as u64).product();
        let total = dims[per_dim.len()..].iter().fold(listed, |n, d| n.saturating_mul(d.size()));
        if total > MAX_VIEW_ELEMENTS {
            self.unsupported(&format!("an array slice of more than {MAX_VIEW_ELEMENTS} elements"), e.span);
            return None;
        }
        for d in &dims[per_dim.len()..] {
            let all = (0..d.size())
                .map(|k| {
                    let z = if d.left <= d.right { k } else { d.size() - 1 - k };
                    self.const_expr(Const::from_u64(64, true, z), false, e.span)
                })
                .collect();
            per_dim.push(all);
        }
        let ty = self.d.signals[sig].ty;
        let mut elems = Vec::with_capacity(total as usize);
        for flat in 0..total {
            let mut rest = flat;
            let mut pick = vec![0usize; per_dim.len()];
            for (k, v) in per_dim.iter().enumerate().rev() {
                pick[k] = (rest % v.len() as u64) as usize;
                rest /= v.len() as u64;
            }
            let indices = pick.iter().enumerate().map(|(k, &p)| self.clone_expr(per_dim[k][p])).collect();
            elems.push(self.expr(ExprKind::ArrayElem { sig, indices }, ty, e.span));
        }
        Some(ArrayView { elems, sig })
    }

    /// The zero-based indices a slice selects, left to right: `[l:r]` with
    /// constant bounds, `[b+:w]` / `[b-:w]` with a constant width.
    fn slice_indices(
        &mut self,
        lex: LexId,
        d: wsim_ir::Dim,
        kind: ast::RangeKind,
        left: &'a ast::Expr,
        right: &'a ast::Expr,
        span: Span,
    ) -> Option<Vec<ExprId>> {
        let ascending = d.left <= d.right;
        let declared: Vec<ExprIndex> = match kind {
            ast::RangeKind::Const => {
                let (l, r) = (self.eval_i64(lex, left)?, self.eval_i64(lex, right)?);
                if (l <= r) != ascending && l != r {
                    self.error(code::TYPE_ERROR, span, "a slice must run in the direction of the array's range");
                    return None;
                }
                let step = if l <= r { 1 } else { -1 };
                let n = l.abs_diff(r).saturating_add(1);
                if n > MAX_VIEW_ELEMENTS {
                    self.unsupported(&format!("an array slice of more than {MAX_VIEW_ELEMENTS} elements"), span);
                    return None;
                }
                (0..n as i64).map(|k| ExprIndex::Const(l + step * k)).collect()
            }
            ast::RangeKind::PlusUp | ast::RangeKind::MinusDown => {
                let w = self.eval_i64(lex, right)?;
                if w < 1 {
                    self.error(code::TYPE_ERROR, right.span, "a slice width must be positive");
                    return None;
                }
                if w as u64 > MAX_VIEW_ELEMENTS {
                    self.unsupported(&format!("an array slice of more than {MAX_VIEW_ELEMENTS} elements"), span);
                    return None;
                }
                // Declared indices base+lo ..= base+hi, listed from the left.
                let (lo, hi) = if kind == ast::RangeKind::PlusUp { (0, w - 1) } else { (1 - w, 0) };
                let offsets: Vec<i64> = if ascending { (lo..=hi).collect() } else { (lo..=hi).rev().collect() };
                match self.eval_const_quiet(lex, left) {
                    Some(b) => offsets.into_iter().map(|o| ExprIndex::Const(b + o)).collect(),
                    None => {
                        let b = self.emit_self(lex, left);
                        offsets.into_iter().map(|o| ExprIndex::Offset(b, o)).collect()
                    }
                }
            }
        };
        let mut out = Vec::new();
        for ix in declared {
            let z = match ix {
                ExprIndex::Const(v) => {
                    self.const_expr(Const::from_u64(64, true, v.wrapping_sub(d.lower()) as u64), false, span)
                }
                ExprIndex::Offset(b, o) => {
                    let b = self.clone_expr(b);
                    let t = Type { four_state: self.ty(b).four_state, ..Type::bits(64, true) };
                    let b = self.coerce(b, t);
                    let k = self.const_expr(Const::from_u64(64, true, o.wrapping_sub(d.lower()) as u64), false, span);
                    let k = self.coerce(k, t);
                    self.expr(ExprKind::Binary { op: BinOp::Add, lhs: b, rhs: k }, t, span)
                }
            };
            out.push(z);
        }
        Some(out)
    }

    fn eval_const_quiet(&mut self, lex: LexId, e: &'a ast::Expr) -> Option<i64> {
        let errors = self.diags.list.len();
        let v = self.eval_const(lex, e).and_then(|v| v.as_i64());
        self.diags.list.truncate(errors);
        v
    }

    fn zero_based_index(&mut self, i: ExprId, lower: i64) -> ExprId {
        let span = self.d.exprs[i].span;
        let t = Type { four_state: self.ty(i).four_state, ..Type::bits(64, true) };
        let i = self.coerce(i, t);
        if lower == 0 {
            return i;
        }
        let k = self.const_expr(Const::from_u64(64, true, lower as u64), false, span);
        let k = self.coerce(k, t);
        self.expr(ExprKind::Binary { op: BinOp::Sub, lhs: i, rhs: k }, t, span)
    }

    /// `dst = src` where either side is a slice or sub-array: one
    /// assignment per element. None when neither side is one.
    pub fn lower_view_assign(
        &mut self,
        lex: LexId,
        lhs: &'a ast::Expr,
        rhs: &'a ast::Expr,
        nonblocking: bool,
        span: Span,
    ) -> Option<StmtId> {
        if !self.is_array_part(lex, lhs) && !self.is_array_part(lex, rhs) {
            return None;
        }
        let dst = self.array_view(lex, lhs);
        let Some(dst) = dst else {
            self.error(code::TYPE_ERROR, lhs.span, "an array slice can only be assigned to an array or a slice");
            return Some(self.stmt(StmtKind::Nop, span));
        };
        let values: Vec<ExprId> = match self.array_view(lex, rhs) {
            Some(src) => src.elems,
            None => {
                self.error(code::TYPE_ERROR, rhs.span, "an array slice needs an array or a slice of the same size");
                return Some(self.stmt(StmtKind::Nop, span));
            }
        };
        if values.len() != dst.elems.len() {
            self.error(
                code::TYPE_ERROR,
                span,
                format!("array sizes differ: {} elements assigned {}", dst.elems.len(), values.len()),
            );
            return Some(self.stmt(StmtKind::Nop, span));
        }
        let dt = self.sig_ty[dst.sig.index()].clone();
        let mut stmts = Vec::new();
        for (l, r) in dst.elems.into_iter().zip(values) {
            let r = self.coerce_assign(r, &dt);
            let k = if nonblocking {
                StmtKind::NonBlocking { lhs: l, rhs: r, delay: None }
            } else {
                StmtKind::Assign { lhs: l, rhs: r }
            };
            stmts.push(self.stmt(k, span));
        }
        Some(self.stmt(StmtKind::Block { stmts, name: None }, span))
    }

    /// Whether `lhs op rhs` compares two unpacked arrays (or slices).
    pub fn is_array_compare(&mut self, lex: LexId, op: BinaryOp, lhs: &'a ast::Expr, rhs: &'a ast::Expr) -> bool {
        use BinaryOp::*;
        matches!(op, Eq | Ne | CaseEq | CaseNe) && self.names_array(lex, lhs) && self.names_array(lex, rhs)
    }

    fn names_array(&mut self, lex: LexId, e: &'a ast::Expr) -> bool {
        self.whole_array(lex, e).is_some() || self.is_array_part(lex, e)
    }

    /// `a == b` on arrays: `&{a[i] == b[i]}`; `!=`: `|{a[i] != b[i]}`.
    pub fn emit_array_compare(
        &mut self,
        lex: LexId,
        op: BinaryOp,
        lhs: &'a ast::Expr,
        rhs: &'a ast::Expr,
        span: Span,
    ) -> ExprId {
        let (Some(a), Some(b)) = (self.array_view(lex, lhs), self.array_view(lex, rhs)) else {
            return self.const_expr(Const::all_x(1, false), true, span);
        };
        let (ta, tb) = (self.d.signals[a.sig].ty, self.d.signals[b.sig].ty);
        if a.elems.len() != b.elems.len() || ta.kind != tb.kind {
            self.error(code::TYPE_ERROR, span, "only arrays of the same size and element type can be compared");
            return self.const_expr(Const::all_x(1, false), true, span);
        }
        let bop = match op {
            BinaryOp::Eq => BinOp::Eq,
            BinaryOp::Ne => BinOp::Ne,
            BinaryOp::CaseEq => BinOp::CaseEq,
            _ => BinOp::CaseNe,
        };
        let merged = crate::expr::merge(ta, tb);
        let case = matches!(op, BinaryOp::CaseEq | BinaryOp::CaseNe);
        let bits: Vec<ExprId> = a
            .elems
            .into_iter()
            .zip(b.elems)
            .map(|(x, y)| {
                let (x, y) = (self.coerce(x, merged), self.coerce(y, merged));
                let fs = !case && merged.four_state;
                self.expr(ExprKind::Binary { op: bop, lhs: x, rhs: y }, bit1(fs), span)
            })
            .collect();
        let all = self.concat_expr(bits, span);
        let red = if matches!(op, BinaryOp::Eq | BinaryOp::CaseEq) { UnOp::RedAnd } else { UnOp::RedOr };
        let fs = self.ty(all).four_state;
        self.expr(ExprKind::Unary { op: red, arg: all }, bit1(fs), span)
    }
}

/// A declared index of a slice element: constant, or a variable base plus
/// a constant offset.
enum ExprIndex {
    Const(i64),
    Offset(ExprId, i64),
}

/// `root[i][j][l:r]` split into the root, the indices and the final range.
#[allow(clippy::type_complexity)]
fn split_select(e: &ast::Expr) -> (&ast::Expr, Vec<&ast::Expr>, Option<(ast::RangeKind, &ast::Expr, &ast::Expr)>) {
    let mut range = None;
    let mut cur = e;
    if let A::Range { base, kind, left, right } = &e.kind {
        range = Some((*kind, &**left, &**right));
        cur = base;
    }
    let mut idx = Vec::new();
    while let A::Index { base, index } = &cur.kind {
        idx.push(&**index);
        cur = base;
    }
    idx.reverse();
    (cur, idx, range)
}
