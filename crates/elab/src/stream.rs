//! Streaming concatenation (IEEE 1800-2017 11.4.14): `{>> {a, b}}`,
//! `{<< 8 {x}}`, `{<< byte {x}}`.
//!
//! Streams of fixed-size integral operands are pure bit permutations, so
//! they lower to existing IR: a `Concat` of constant `Select`s.
//! - Packing (an rvalue): the operands are concatenated into one stream of
//!   `W` bits; `>>` keeps it, `<<` cuts it into slices of `N` bits starting
//!   at the right end (the last, leftmost slice may be shorter) and puts them
//!   in reverse order, so the rightmost slice becomes the leftmost
//!   (11.4.14.2: `{<< 4 {6'b11_0101}}` is `6'b0101_11`).
//! - As the source of an assignment to a wider integral target the stream
//!   is left-aligned and zero-filled on the right; a narrower target is an
//!   error (11.4.14.1).
//! - Unpacking (the stream is an assignment target, 11.4.14.3): the source
//!   is read as a bit stream; its leftmost `W` bits are used (extra bits on
//!   the right are ignored, fewer bits are an error) and distributed with
//!   the inverse permutation.
//!
//! Dynamic arrays, queues, strings and `with [...]` ranges inside a stream
//! are reported as unsupported by name.

use wsim_diag::{codes::elab as code, Span};
use wsim_ir::{Const, ExprId, ExprKind, StmtKind, Type, TypeKind};
use wsim_syntax::ast::{self, ExprKind as A};

use crate::ctx::{Elab, LexId, Sym};

impl<'a> Elab<'a> {
    /// The width of a stream's operands together (its self-determined type).
    pub fn stream_self_ty(&mut self, lex: LexId, items: &'a [ast::Expr]) -> Type {
        let mut w = 0u32;
        let mut fs = false;
        for i in items {
            let t = self.self_ty(lex, i);
            if t.kind == TypeKind::Integral {
                w = w.saturating_add(t.width);
                fs |= t.four_state;
            }
        }
        Type { kind: TypeKind::Integral, width: w.max(1), signed: false, four_state: fs }
    }

    /// Pack a stream: its value as an unsigned vector of the stream width.
    pub fn emit_stream(
        &mut self,
        lex: LexId,
        right_to_left: bool,
        slice: Option<&'a ast::StreamSlice>,
        items: &'a [ast::Expr],
        span: Span,
    ) -> ExprId {
        let parts = self.stream_operands(lex, items);
        let n = self.stream_slice_size(lex, slice);
        let widths: Vec<u32> = parts.iter().map(|&p| self.ty(p).width).collect();
        let w: u32 = widths.iter().sum();
        if parts.is_empty() || !right_to_left || n >= w {
            return self.concat_expr(parts, span);
        }
        let parts = self.single_evaluation(lex, parts, span);
        // Slice k covers stream bits [k*n, k*n + len) (from the right); the
        // result lists slice 0 first (leftmost).
        let mut pieces = Vec::new();
        let mut lo = 0u32;
        while lo < w {
            let len = n.min(w - lo);
            self.stream_range_pieces(&parts, &widths, lo, len, span, &mut pieces);
            lo += len;
        }
        self.concat_expr(pieces, span)
    }

    /// The right-hand side of an assignment to an integral `lhs` when it is
    /// a stream: left-aligned, zero-filled on the right (11.4.14.1).
    pub fn emit_stream_rvalue(&mut self, lex: LexId, e: &'a ast::Expr, lhs: Type) -> Option<ExprId> {
        let A::Stream { right_to_left, slice, items } = &e.kind else { return None };
        if lhs.kind != TypeKind::Integral {
            return None;
        }
        let s = self.emit_stream(lex, *right_to_left, slice.as_deref(), items, e.span);
        let sw = self.ty(s).width;
        if sw > lhs.width {
            self.error(
                code::TYPE_ERROR,
                e.span,
                format!("the streaming concatenation has {sw} bits, more than the {}-bit target (11.4.14)", lhs.width),
            );
            return Some(self.const_expr(Const::all_x(lhs.width, lhs.signed), true, e.span));
        }
        let s = if sw < lhs.width {
            let pad = self.const_expr(Const::zero(lhs.width - sw, false), false, e.span);
            self.concat_expr(vec![s, pad], e.span)
        } else {
            s
        };
        Some(self.coerce(s, lhs))
    }

    /// `{<< N {a, b}} = src;` (11.4.14.3): `tmp = leftmost W bits of src`,
    /// then `{a, b} = inverse permutation of tmp`.
    #[allow(clippy::too_many_arguments)]
    pub fn lower_stream_unpack(
        &mut self,
        lex: LexId,
        lhs: &'a ast::Expr,
        op: ast::AssignOp,
        rhs: &'a ast::Expr,
        nonblocking: bool,
        timed: bool,
        span: Span,
    ) -> wsim_ir::StmtId {
        let A::Stream { right_to_left, slice, items } = &lhs.kind else { unreachable!("caller checks") };
        if op != ast::AssignOp::Assign || timed {
            self.unsupported("compound or delayed assignment to a streaming concatenation", span);
            return self.stmt(StmtKind::Nop, span);
        }
        let mut targets = Vec::new();
        for i in items.iter() {
            let Some((l, _)) = self.emit_lvalue(lex, i) else { return self.stmt(StmtKind::Nop, span) };
            if self.ty(l).kind != TypeKind::Integral {
                self.error(code::TYPE_ERROR, i.span, "a streaming concatenation target must be integral here");
                return self.stmt(StmtKind::Nop, span);
            }
            targets.push(l);
        }
        let n = self.stream_slice_size(lex, slice.as_deref());
        let target = self.concat_expr(targets, lhs.span);
        let w = self.ty(target).width;
        let src = match &rhs.kind {
            A::Stream { right_to_left, slice, items } => {
                self.emit_stream(lex, *right_to_left, slice.as_deref(), items, rhs.span)
            }
            _ => self.emit_self(lex, rhs),
        };
        let st = self.ty(src);
        if st.kind != TypeKind::Integral {
            self.error(code::TYPE_ERROR, rhs.span, "the source of a stream unpack must be an integral value");
            return self.stmt(StmtKind::Nop, span);
        }
        if st.width < w {
            self.error(
                code::TYPE_ERROR,
                rhs.span,
                format!(
                    "the source has {} bits, fewer than the {w} bits the streaming target needs (11.4.14.3)",
                    st.width
                ),
            );
            return self.stmt(StmtKind::Nop, span);
        }
        // The leftmost `w` bits of the source, in a temporary read once.
        let tmp_ty = Type { kind: TypeKind::Integral, width: w, signed: false, four_state: st.four_state };
        let off = self.i32_const((st.width - w) as i64, rhs.span);
        let head = self.expr(ExprKind::Select { base: src, offset: off, width: w }, tmp_ty, rhs.span);
        let tmp = self.hidden_var(lex, "stream", tmp_ty, span);
        let tl = self.signal_expr(tmp, span);
        let first = self.stmt(StmtKind::Assign { lhs: tl, rhs: head }, span);
        let value = if *right_to_left && n < w {
            self.unpack_permutation(tmp, w, n, span)
        } else {
            self.signal_expr(tmp, span)
        };
        let value = self.coerce(value, self.ty(target));
        let last = if nonblocking {
            self.stmt(StmtKind::NonBlocking { lhs: target, rhs: value, delay: None }, span)
        } else {
            self.stmt(StmtKind::Assign { lhs: target, rhs: value }, span)
        };
        self.stmt(StmtKind::Block { stmts: vec![first, last], name: None }, span)
    }

    /// The inverse of the `<<` packing of `w` bits in slices of `n`: target
    /// slice k (bits [k*n, k*n+len) from the right) comes from the source
    /// bits [w - k*n - len, w - k*n). Built leftmost target slice first.
    fn unpack_permutation(&mut self, tmp: wsim_ir::SignalId, w: u32, n: u32, span: Span) -> ExprId {
        let mut slices = Vec::new();
        let mut lo = 0u32;
        while lo < w {
            let len = n.min(w - lo);
            slices.push((lo, len));
            lo += len;
        }
        let mut pieces = Vec::new();
        for &(lo, len) in slices.iter().rev() {
            let base = self.signal_expr(tmp, span);
            let t = Type { width: len, ..self.ty(base) };
            let off = self.i32_const((w - lo - len) as i64, span);
            pieces.push(self.expr(ExprKind::Select { base, offset: off, width: len }, t, span));
        }
        self.concat_expr(pieces, span)
    }

    /// The stream's operands, each self-determined; non-integral ones are
    /// errors (reals) or unsupported (strings, dynamic arrays).
    fn stream_operands(&mut self, lex: LexId, items: &'a [ast::Expr]) -> Vec<ExprId> {
        let mut parts = Vec::new();
        for i in items {
            if let Some(elems) = self.stream_whole_array(lex, i) {
                parts.extend(elems);
                continue;
            }
            let p = match &i.kind {
                A::Stream { right_to_left, slice, items } => {
                    self.emit_stream(lex, *right_to_left, slice.as_deref(), items, i.span)
                }
                _ => self.emit_self(lex, i),
            };
            let t = self.ty(p);
            match t.kind {
                TypeKind::Integral => parts.push(p),
                TypeKind::Real => {
                    self.error(code::TYPE_ERROR, i.span, "a real value cannot be streamed (11.4.14)");
                }
                _ => self.unsupported("streaming a string or dynamically sized value", i.span),
            }
        }
        parts
    }

    /// A fixed-size unpacked array streamed whole: its elements, left index
    /// first (11.4.14.1 streams an unpacked array element by element).
    fn stream_whole_array(&mut self, lex: LexId, e: &'a ast::Expr) -> Option<Vec<ExprId>> {
        if !matches!(e.kind, A::Ident { .. } | A::Member { .. }) {
            return None;
        }
        let Some(Sym::Signal(s)) = self.lookup_hier(lex, e) else { return None };
        let dims = self.d.signals[s].dims.clone();
        if dims.is_empty() {
            return None;
        }
        let count: u64 = dims.iter().map(|d| d.size()).product();
        if count > 1 << 16 {
            self.unsupported("streaming an unpacked array of more than 65536 elements", e.span);
            return Some(Vec::new());
        }
        let mut elems = Vec::new();
        for flat in 0..count {
            // Row-major order from each dimension's left bound; zero-based
            // index 0 is the lower bound, so a descending range counts down.
            let mut rest = flat;
            let mut indices = vec![0u64; dims.len()];
            for (k, d) in dims.iter().enumerate().rev() {
                let len = d.size();
                let from_left = rest % len;
                indices[k] = if d.left <= d.right { from_left } else { len - 1 - from_left };
                rest /= len;
            }
            let idx = indices.iter().map(|&i| self.i32_const(i as i64, e.span)).collect();
            let ty = self.d.signals[s].ty;
            elems.push(self.expr(ExprKind::ArrayElem { sig: s, indices: idx }, ty, e.span));
        }
        Some(elems)
    }

    /// The slice size in bits: a constant expression, a type's width, or 1.
    fn stream_slice_size(&mut self, lex: LexId, slice: Option<&'a ast::StreamSlice>) -> u32 {
        let n = match slice {
            None => return 1,
            Some(ast::StreamSlice::Type(t)) => {
                let dt = self.data_type(lex, t);
                return dt.width().max(1);
            }
            Some(ast::StreamSlice::Size(e)) => {
                if let A::Ident { package: None, name } = &e.kind {
                    if let Some(Sym::Type(dt)) = self.lookup(lex, &name.name) {
                        return dt.width().max(1);
                    }
                }
                (self.eval_i64(lex, e), e.span)
            }
        };
        match n {
            (Some(k), _) if (1..=i64::from(crate::expr::MAX_WIDTH)).contains(&k) => k as u32,
            (Some(k), span) => {
                self.error(code::TYPE_ERROR, span, format!("a stream slice size must be positive, not {k}"));
                1
            }
            (None, _) => 1,
        }
    }

    /// Operands read more than once by the permutation: an operand that
    /// calls a function is evaluated once into a temporary where the
    /// context allows statements before it.
    fn single_evaluation(&mut self, lex: LexId, parts: Vec<ExprId>, span: Span) -> Vec<ExprId> {
        if !self.side_effects_ok {
            return parts;
        }
        parts
            .into_iter()
            .map(|p| {
                if !self.stream_has_call(p) {
                    return p;
                }
                let tmp = self.hidden_var(lex, "stream", self.ty(p), span);
                let tl = self.signal_expr(tmp, span);
                let st = self.stmt(StmtKind::Assign { lhs: tl, rhs: p }, span);
                self.pre_stmts.push(st);
                self.signal_expr(tmp, span)
            })
            .collect()
    }

    fn stream_has_call(&self, e: ExprId) -> bool {
        let k = &self.d.exprs[e].kind;
        matches!(k, ExprKind::Call { .. } | ExprKind::SysFunc { .. })
            || k.children().into_iter().any(|c| self.stream_has_call(c))
    }

    /// The pieces (leftmost first) of stream bits [lo, lo+len), counted from
    /// the right end of the concatenation of `parts`.
    fn stream_range_pieces(
        &mut self,
        parts: &[ExprId],
        widths: &[u32],
        lo: u32,
        len: u32,
        span: Span,
        out: &mut Vec<ExprId>,
    ) {
        let hi = lo + len; // exclusive
                           // Part i occupies [plo, plo + width); parts are listed leftmost first.
        let mut plo: u32 = widths.iter().sum();
        for (&p, &pw) in parts.iter().zip(widths) {
            plo -= pw;
            let a = lo.max(plo);
            let b = hi.min(plo + pw);
            if a >= b {
                continue;
            }
            let base = self.clone_expr(p);
            if a == plo && b == plo + pw {
                out.push(base);
                continue;
            }
            let t = Type { width: b - a, signed: false, ..self.ty(p) };
            let off = self.i32_const((a - plo) as i64, span);
            out.push(self.expr(ExprKind::Select { base, offset: off, width: b - a }, t, span));
        }
    }
}
