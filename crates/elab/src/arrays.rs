//! Whole unpacked arrays as values: `a = b;`, `a = '{default: 0};`,
//! `assign a = b;` and array ports. The IR has no array values, so these
//! become one assignment per element (unrolled; arrays are fixed-size).

use wsim_diag::{codes::elab as code, Span};
use wsim_ir::{Const, ExprId, ExprKind, SignalId, StmtId, StmtKind};
use wsim_syntax::ast::{self, ExprKind as A};

use crate::ctx::{Elab, LexId, Sym};

/// Unrolling limit for whole-array copies.
const MAX_ELEMENTS: u64 = 65_536;

impl<'a> Elab<'a> {
    /// The array signal an expression names as a whole, if any.
    pub fn whole_array(&mut self, lex: LexId, e: &'a ast::Expr) -> Option<SignalId> {
        if !matches!(e.kind, A::Ident { .. } | A::Member { .. }) {
            return None;
        }
        match self.lookup_hier(lex, e) {
            Some(Sym::Signal(s)) if !self.d.signals[s].dims.is_empty() => Some(s),
            _ => None,
        }
    }

    /// Every element as positions counted from each dimension's left
    /// bound, in left-to-right order (the order array assignments and
    /// patterns pair elements, 1800-2017 7.6).
    fn element_indices(&self, sig: SignalId) -> Vec<Vec<u64>> {
        let sizes: Vec<u64> = self.d.signals[sig].dims.iter().map(|d| d.size()).collect();
        let total: u64 = sizes.iter().product();
        let mut out = Vec::with_capacity(total as usize);
        for flat in 0..total {
            let mut rest = flat;
            let mut idx = vec![0; sizes.len()];
            for (k, &n) in sizes.iter().enumerate().rev() {
                idx[k] = rest % n;
                rest /= n;
            }
            out.push(idx);
        }
        out
    }

    /// The element at positions-from-left `idx` (converted to the IR's
    /// zero-based indices).
    fn element(&mut self, sig: SignalId, idx: &[u64], span: Span) -> ExprId {
        let dims = self.d.signals[sig].dims.clone();
        let indices = idx
            .iter()
            .zip(&dims)
            .map(|(&k, d)| {
                let z = if d.left <= d.right { k } else { d.size() - 1 - k };
                self.const_expr(Const::from_u64(32, false, z), false, span)
            })
            .collect();
        let ty = self.d.signals[sig].ty;
        self.expr(ExprKind::ArrayElem { sig, indices }, ty, span)
    }

    fn same_shape(&self, a: SignalId, b: SignalId) -> bool {
        let (x, y) = (&self.d.signals[a].dims, &self.d.signals[b].dims);
        x.len() == y.len() && x.iter().zip(y).all(|(p, q)| p.size() == q.size())
    }

    /// Element pairs `(lhs[i], rhs[i])` for `lhs = rhs` on whole arrays;
    /// `rhs` is another array or an assignment pattern.
    pub fn array_assign_pairs(
        &mut self,
        lex: LexId,
        lhs: SignalId,
        rhs: &'a ast::Expr,
        span: Span,
    ) -> Vec<(ExprId, ExprId)> {
        let total = self.d.signals[lhs].elements();
        if total > MAX_ELEMENTS {
            self.unsupported(&format!("whole-array assignment of more than {MAX_ELEMENTS} elements"), span);
            return vec![];
        }
        let idx = self.element_indices(lhs);
        let dt = self.sig_ty[lhs.index()].clone();
        if let Some(src) = self.whole_array(lex, rhs) {
            if !self.same_shape(lhs, src) {
                self.error(code::TYPE_ERROR, rhs.span, "arrays of different shapes cannot be assigned");
                return vec![];
            }
            let mut out = Vec::new();
            for i in &idx {
                let l = self.element(lhs, i, span);
                let r = self.element(src, i, rhs.span);
                let r = self.coerce_assign(r, &dt);
                out.push((l, r));
            }
            return out;
        }
        let A::AssignPattern(items) = &rhs.kind else {
            self.error(
                code::TYPE_ERROR,
                rhs.span,
                "an unpacked array can only be assigned an array or an assignment pattern",
            );
            return vec![];
        };
        // Only one-dimensional patterns (or `default:` for any shape).
        let dims = self.d.signals[lhs].dims.clone();
        let mut vals: Vec<Option<&'a ast::Expr>> = vec![None; idx.len()];
        let mut default = None;
        let mut pos = 0usize;
        for (key, val) in items {
            match key {
                Some(ast::Expr { kind: A::Ident { name, .. }, .. }) if name.name == "default" => default = Some(val),
                Some(k) => match self.eval_i64(lex, k) {
                    Some(i)
                        if dims.len() == 1
                            && i >= dims[0].lower()
                            && ((i - dims[0].lower()) as u64) < dims[0].size() =>
                    {
                        let z = (i - dims[0].lower()) as usize;
                        // Element 0 is the left bound's.
                        let p = if dims[0].left <= dims[0].right { z } else { idx.len() - 1 - z };
                        vals[p] = Some(val);
                    }
                    _ => self.error(code::TYPE_ERROR, k.span, "pattern index is not an element of the array"),
                },
                None => {
                    if let A::Replicate { .. } = val.kind {
                        self.unsupported("replication inside an array assignment pattern", val.span);
                        return vec![];
                    }
                    if dims.len() != 1 {
                        self.unsupported("positional patterns for multi-dimensional arrays", val.span);
                        return vec![];
                    }
                    if pos < vals.len() {
                        vals[pos] = Some(val);
                    } else {
                        self.error(code::TYPE_ERROR, val.span, "too many items in the assignment pattern");
                    }
                    pos += 1;
                }
            }
        }
        let mut out = Vec::new();
        for (k, i) in idx.iter().enumerate() {
            let Some(v) = vals[k].or(default) else {
                self.error(code::TYPE_ERROR, rhs.span, "assignment pattern leaves an element without a value");
                return vec![];
            };
            let l = self.element(lhs, i, span);
            let r = self.emit_rvalue_dt(lex, v, &dt);
            out.push((l, r));
        }
        out
    }

    /// A procedural whole-array assignment as one statement per element.
    pub fn lower_array_assign(
        &mut self,
        lex: LexId,
        lhs: SignalId,
        rhs: &'a ast::Expr,
        nonblocking: bool,
        span: Span,
    ) -> StmtId {
        let pairs = self.array_assign_pairs(lex, lhs, rhs, span);
        if self.is_net(lhs).is_some() {
            let name = self.d.signals[lhs].name.clone();
            self.error(
                code::BAD_ASSIGN_TARGET,
                span,
                format!("procedural assignment to net `{name}` (declare it as a variable)"),
            );
        }
        let stmts = pairs
            .into_iter()
            .map(|(l, r)| {
                let k = if nonblocking {
                    StmtKind::NonBlocking { lhs: l, rhs: r, delay: None }
                } else {
                    StmtKind::Assign { lhs: l, rhs: r }
                };
                self.stmt(k, span)
            })
            .collect();
        self.stmt(StmtKind::Block { stmts, name: None }, span)
    }

    /// `assign a = b;` / array port connections: one continuous process per
    /// element, `dst[i] = src[i]`.
    pub fn connect_arrays(&mut self, dst_lex: LexId, dst: SignalId, src: SignalId, span: Span) {
        if self.d.signals[dst].elements() > MAX_ELEMENTS {
            self.unsupported(&format!("connecting arrays of more than {MAX_ELEMENTS} elements"), span);
            return;
        }
        if !self.same_shape(dst, src) {
            self.error(code::BAD_PORT, span, "array port connected to an array of a different shape");
            return;
        }
        let dt = self.sig_ty[dst.index()].clone();
        for i in self.element_indices(dst) {
            let l = self.element(dst, &i, span);
            let r = self.element(src, &i, span);
            let r = self.coerce_assign(r, &dt);
            self.cont_process(dst_lex, l, r, None, span);
        }
    }
}
