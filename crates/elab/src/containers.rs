//! Dynamic arrays, queues and associative arrays (IEEE 1800-2017 7.5, 7.8,
//! 7.9, 7.10) and the array methods (7.12) on them.
//!
//! A container variable is a signal of type `TypeKind::Container` (a
//! 64-bit handle, see `wsim_ir::ContainerType`); its elaboration type is
//! `Base::Container`. Every operation becomes one of the `$dyn_*` system
//! functions: reads are expressions (`q[i]` is `$dyn_get(q, i)`), changes
//! are assignments of the container to itself (`q.push_back(v)` is
//! `q = $dyn_push_back(q, v)`, `q[i] = v` is `q = $dyn_set(q, i, v)`).
//!
//! Value semantics (7.6): the runtime changes blocks in place, so a whole
//! container that another variable may hold is copied (`$dyn_copy`)
//! before it is assigned; only fresh values (`new`, `{...}`, slices,
//! method results) are assigned as they are.
//!
//! Methods with a `with (...)` clause become loops that run before the
//! statement holding them (like `i++` in expressions: `Elab::pre_stmts`):
//! `item` and `item.index` are hidden variables of the loop.

use std::rc::Rc;

use wsim_diag::{codes::elab as code, Span};
use wsim_ir::{
    BinOp, Const, ContainerKind, ContainerType, Dim, ExprId, ExprKind, SignalId, SignalKind, StmtId, StmtKind, Type,
    TypeKind,
};
use wsim_syntax::ast::{self, ExprKind as A};

use crate::ctx::{Elab, LexId, Sym};
use crate::expr::bit1;
use crate::types::{Base, DataTy};

/// The elaboration view of a container type.
#[derive(Clone, Debug, PartialEq)]
pub struct ContainerInfo {
    pub kind: ContainerKind,
    pub elem: DataTy,
    /// The key type of an associative array (`None`: wildcard `[*]`).
    pub key: Option<DataTy>,
    /// The IR handle type.
    pub ir: Type,
}

/// The type a wildcard key `[*]` is stored as.
const WILDCARD_KEY: Type = Type::bits(64, false);
/// Queue and dynamic array indices: 64-bit signed, 4-state (an X index
/// reads the default).
const INDEX: Type = Type::logic(64, true);

impl ContainerInfo {
    pub fn is_assoc(&self) -> bool {
        matches!(self.kind, ContainerKind::Assoc { .. })
    }
    /// The IR type keys are converted to.
    pub fn key_type(&self) -> Type {
        match &self.key {
            Some(k) => k.ir_type(),
            None => WILDCARD_KEY,
        }
    }
}

impl<'a> Elab<'a> {
    // ------------------------------------------------------------ types

    /// The type and fixed dimensions of a variable declared as `dt name
    /// ranges`: a `[]`, `[$]`, `[$:N]`, `[*]` or `[type]` range (last)
    /// makes a container of `dt`.
    pub fn var_type(&mut self, lex: LexId, dt: &DataTy, ranges: &'a [ast::Range]) -> (DataTy, Vec<Dim>) {
        let Some(k) = ranges.iter().position(|r| self.is_container_range(lex, r)) else {
            return (dt.clone(), self.unpacked_dims(lex, ranges));
        };
        let dims = self.unpacked_dims(lex, &ranges[..k]);
        let span = range_span(&ranges[k]);
        if k + 1 != ranges.len() || !dt.unpacked.is_empty() || matches!(dt.base, Base::Container(_)) {
            self.unsupported("a dynamic array, queue or associative array of arrays", span);
            return (dt.clone(), dims);
        }
        match self.container_of_range(lex, dt, &ranges[k]) {
            Some(c) => (c, dims),
            None => (dt.clone(), dims),
        }
    }

    fn is_container_range(&mut self, lex: LexId, r: &'a ast::Range) -> bool {
        match r {
            ast::Range::Unsized { .. } | ast::Range::Queue { .. } | ast::Range::Assoc { .. } => true,
            ast::Range::Size { size, .. } => self.key_type_name(lex, size).is_some(),
            ast::Range::Bounds { .. } => false,
        }
    }

    /// `[T]` where `T` names a type: an associative array key.
    fn key_type_name(&mut self, lex: LexId, e: &'a ast::Expr) -> Option<DataTy> {
        match &e.kind {
            A::Ident { package: None, name } => match self.lookup(lex, &name.name) {
                Some(Sym::Type(t)) => Some(t),
                _ => None,
            },
            _ => None,
        }
    }

    /// The container type of one range over element type `elem`.
    fn container_of_range(&mut self, lex: LexId, elem: &DataTy, r: &'a ast::Range) -> Option<DataTy> {
        let span = range_span(r);
        if elem.is_real() || matches!(elem.base, Base::Event) {
            self.unsupported("a dynamic array, queue or associative array of reals or events", span);
            return None;
        }
        let (kind, key) = match r {
            ast::Range::Unsized { .. } => (ContainerKind::Dynamic, None),
            ast::Range::Queue { bound, .. } => {
                let b = match bound {
                    Some(b) => match self.eval_i64(lex, b) {
                        Some(n) if (0..=u32::MAX as i64).contains(&n) => Some(n as u32),
                        _ => {
                            self.error(code::TYPE_ERROR, b.span, "a queue bound must be a non-negative constant");
                            None
                        }
                    },
                    None => None,
                };
                (ContainerKind::Queue { bound: b }, None)
            }
            ast::Range::Assoc { key: None, .. } => (ContainerKind::Assoc { key: None }, None),
            ast::Range::Assoc { key: Some(t), .. } => {
                let k = self.data_type(lex, t);
                (ContainerKind::Assoc { key: Some(k.ir_type()) }, Some(k))
            }
            ast::Range::Size { size, .. } => {
                let k = self.key_type_name(lex, size)?;
                (ContainerKind::Assoc { key: Some(k.ir_type()) }, Some(k))
            }
            ast::Range::Bounds { .. } => return None,
        };
        if let Some(k) = &key {
            let kt = k.ir_type();
            if !(kt.kind == TypeKind::Integral || kt.is_string()) || !k.unpacked.is_empty() {
                self.unsupported("an associative array key that is not integral or a string", span);
                return None;
            }
        }
        Some(self.container_dt(kind, elem.clone(), key))
    }

    /// The `DataTy` of a container kind over `elem`.
    pub fn container_dt(&mut self, kind: ContainerKind, elem: DataTy, key: Option<DataTy>) -> DataTy {
        let ir = self.d.container_type(ContainerType { kind, elem: elem.ir_type() });
        let info = Rc::new(ContainerInfo { kind, elem, key, ir });
        if let TypeKind::Container(i) = ir.kind {
            self.container_infos.entry(i).or_insert_with(|| info.clone());
        }
        DataTy { base: Base::Container(info), signed: false, packed: vec![], unpacked: vec![] }
    }

    /// A queue of `elem` (locator method results).
    fn queue_of(&mut self, elem: DataTy) -> DataTy {
        self.container_dt(ContainerKind::Queue { bound: None }, elem, None)
    }

    /// The container variable an expression names, with its type.
    pub fn container_sig(&mut self, lex: LexId, e: &'a ast::Expr) -> Option<(SignalId, Rc<ContainerInfo>)> {
        if !matches!(e.kind, A::Ident { .. } | A::Member { .. }) {
            return None;
        }
        // Only plain dotted paths: `blk[2].q` would report a missing scope
        // twice (here and where the name is resolved again).
        if let A::Member { base, .. } = &e.kind {
            if !matches!(base.kind, A::Ident { .. } | A::Member { .. }) {
                return None;
            }
        }
        match self.lookup_hier(lex, e) {
            Some(Sym::Signal(s)) if self.d.signals[s].dims.is_empty() => match &self.sig_ty[s.index()].base {
                Base::Container(c) => Some((s, c.clone())),
                _ => None,
            },
            _ => None,
        }
    }

    // ------------------------------------------------------------ helpers

    /// A hidden variable of elaboration type `dt` (containers need their
    /// `DataTy`, which `hidden_var` would lose).
    fn hidden_of(&mut self, lex: LexId, base: &str, dt: &DataTy, span: Span) -> SignalId {
        self.hidden_counter += 1;
        let name = format!("{base}$tmp{}", self.hidden_counter);
        self.add_signal(lex, &name, dt, vec![], SignalKind::Var, None, true, span)
    }

    fn dyn_func(&mut self, lex: LexId, name: &str, args: Vec<ExprId>, ty: Type, span: Span) -> ExprId {
        let scope = self.scope_of(lex);
        self.expr(ExprKind::SysFunc { name: name.into(), args, scope }, ty, span)
    }

    fn sig_read(&mut self, s: SignalId, span: Span) -> ExprId {
        self.signal_expr(s, span)
    }

    /// `q = value` as a statement.
    fn set_sig(&mut self, s: SignalId, value: ExprId, span: Span) -> StmtId {
        let l = self.signal_expr(s, span);
        self.stmt(StmtKind::Assign { lhs: l, rhs: value }, span)
    }

    /// `q = $f(q, args...)`: an in-place operation on container `s`.
    fn update(&mut self, lex: LexId, s: SignalId, f: &str, args: Vec<ExprId>, span: Span) -> StmtId {
        let ty = self.d.signals[s].ty;
        let q = self.sig_read(s, span);
        let mut all = vec![q];
        all.extend(args);
        let v = self.dyn_func(lex, f, all, ty, span);
        self.set_sig(s, v, span)
    }

    /// An element value converted to the element type.
    fn elem_value(&mut self, lex: LexId, c: &ContainerInfo, e: &'a ast::Expr) -> ExprId {
        let dt = c.elem.clone();
        if dt.is_string() {
            return self.string_operand(lex, e);
        }
        self.emit_rvalue_dt(lex, e, &dt)
    }

    /// A key converted to the key type (7.8).
    fn key_value(&mut self, lex: LexId, c: &ContainerInfo, e: &'a ast::Expr) -> ExprId {
        match &c.key {
            Some(k) if k.is_string() => self.string_operand(lex, e),
            _ => {
                let t = c.key_type();
                self.emit_rvalue(lex, e, t)
            }
        }
    }

    /// An index of a dynamic array or queue; `$` is the last index.
    fn index_value(&mut self, lex: LexId, q: ExprId, e: &'a ast::Expr) -> ExprId {
        self.dollar.push(q);
        let x = self.emit_rvalue(lex, e, INDEX);
        self.dollar.pop();
        x
    }

    /// `$` inside a queue index: `q.size() - 1`.
    fn dollar_value(&mut self, lex: LexId, q: ExprId, span: Span) -> ExprId {
        let q2 = self.clone_container_read(q);
        let n = self.dyn_size_of(lex, q2, span);
        let one = self.i32_const(1, span);
        self.expr(ExprKind::Binary { op: BinOp::Sub, lhs: n, rhs: one }, Type::INT, span)
    }

    /// A second read of a container expression (a signal read is copied;
    /// anything else is shared).
    fn clone_container_read(&mut self, q: ExprId) -> ExprId {
        match self.d.exprs[q].kind {
            ExprKind::Signal(s) => {
                let span = self.d.exprs[q].span;
                self.signal_expr(s, span)
            }
            _ => q,
        }
    }

    fn dyn_size_of(&mut self, lex: LexId, q: ExprId, span: Span) -> ExprId {
        self.dyn_func(lex, "$dyn_size", vec![q], Type::INT, span)
    }

    /// Convert a container value to container type `to`: copied unless it
    /// is a fresh value of exactly that type.
    pub fn container_convert(&mut self, lex: LexId, x: ExprId, to: &ContainerInfo, span: Span) -> ExprId {
        let from = self.ty(x);
        let fresh = matches!(&self.d.exprs[x].kind, ExprKind::SysFunc { name, .. } if name.starts_with("$dyn_"));
        if from == to.ir && fresh {
            return x;
        }
        let Some(src) = self.d.container_of(from) else {
            self.error(
                code::TYPE_ERROR,
                span,
                "this value cannot be assigned to a dynamic array, queue or associative array",
            );
            return self.empty_container(lex, to, span);
        };
        let ok = src.elem == to.ir_elem()
            && (matches!(src.kind, ContainerKind::Assoc { .. }) == to.is_assoc())
            && (!to.is_assoc() || src.kind == to.kind);
        if !ok {
            self.error(code::TYPE_ERROR, span, "the two arrays have different element or index types");
            return self.empty_container(lex, to, span);
        }
        self.dyn_func(lex, "$dyn_copy", vec![x], to.ir, span)
    }

    fn empty_container(&mut self, lex: LexId, to: &ContainerInfo, span: Span) -> ExprId {
        self.dyn_func(lex, "$dyn_from", vec![], to.ir, span)
    }

    // ------------------------------------------------------------ rvalues

    /// `e` assigned to a container of type `c` (7.5.1, 7.6, 7.9.9, 7.10.4).
    pub fn container_rvalue(&mut self, lex: LexId, e: &'a ast::Expr, c: &ContainerInfo) -> ExprId {
        let span = e.span;
        match &e.kind {
            A::NewArray { size, init } => {
                if c.kind != ContainerKind::Dynamic {
                    self.error(
                        code::TYPE_ERROR,
                        span,
                        "`new[]` makes a dynamic array, not a queue or associative array",
                    );
                }
                let n = self.emit_rvalue(lex, size, Type::INT);
                let mut args = vec![n];
                if let Some(i) = init {
                    let x = self.emit_self(lex, i);
                    args.push(self.container_convert(lex, x, c, i.span));
                }
                self.dyn_func(lex, "$dyn_new", args, c.ir, span)
            }
            A::Concat(items) if !c.is_assoc() => self.container_items(lex, items.iter(), c, span),
            A::AssignPattern(items) if !c.is_assoc() => {
                if items.iter().any(|(k, _)| k.is_some()) {
                    self.unsupported("a keyed assignment pattern for a dynamic array or queue", span);
                    return self.empty_container(lex, c, span);
                }
                self.container_items(lex, items.iter().map(|(_, v)| v), c, span)
            }
            A::AssignPattern(items) => self.assoc_literal(lex, items, c, span),
            _ => {
                if let Some(arr) = self.whole_array(lex, e) {
                    return self.elements_of_fixed_array(lex, arr, c, span);
                }
                let x = self.emit_self(lex, e);
                self.container_convert(lex, x, c, span)
            }
        }
    }

    /// `{a, q, b}` / `'{a, b}`: elements and spliced containers.
    fn container_items(
        &mut self,
        lex: LexId,
        items: impl Iterator<Item = &'a ast::Expr>,
        c: &ContainerInfo,
        span: Span,
    ) -> ExprId {
        let mut args = Vec::new();
        for it in items {
            let st = self.self_ty(lex, it);
            if st.is_container() {
                let x = self.emit_self(lex, it);
                if self.d.container_of(st).map(|k| k.elem) != Some(c.ir_elem()) {
                    self.error(code::TYPE_ERROR, it.span, "the spliced array has another element type");
                    continue;
                }
                args.push(x);
            } else {
                args.push(self.elem_value(lex, c, it));
            }
        }
        self.dyn_func(lex, "$dyn_from", args, c.ir, span)
    }

    /// `'{k: v, ...}` for an associative array.
    fn assoc_literal(
        &mut self,
        lex: LexId,
        items: &'a [(Option<ast::Expr>, ast::Expr)],
        c: &ContainerInfo,
        span: Span,
    ) -> ExprId {
        let mut cur = self.empty_container(lex, c, span);
        for (k, v) in items {
            let Some(k) = k else {
                self.error(code::TYPE_ERROR, v.span, "an associative array literal needs `key: value` items");
                continue;
            };
            if matches!(&k.kind, A::Ident { package: None, name } if name.name == "default") {
                let val = self.elem_value(lex, c, v);
                cur = self.dyn_func(lex, "$dyn_default", vec![cur, val], c.ir, span);
                continue;
            }
            let key = self.key_value(lex, c, k);
            let val = self.elem_value(lex, c, v);
            cur = self.dyn_func(lex, "$dyn_set", vec![cur, key, val], c.ir, span);
        }
        cur
    }

    /// A fixed-size unpacked array assigned to a dynamic array or queue.
    fn elements_of_fixed_array(&mut self, lex: LexId, arr: SignalId, c: &ContainerInfo, span: Span) -> ExprId {
        let dims = self.d.signals[arr].dims.clone();
        if dims.len() != 1 || self.d.signals[arr].ty != c.ir_elem() || c.is_assoc() {
            self.error(code::TYPE_ERROR, span, "the fixed-size array has another shape or element type");
            return self.empty_container(lex, c, span);
        }
        let d = dims[0];
        let n = d.size().min(65_536);
        let ty = self.d.signals[arr].ty;
        let mut args = Vec::new();
        for k in 0..n {
            // Left bound first (7.6).
            let z = if d.left <= d.right { k } else { d.size() - 1 - k };
            let i = self.const_expr(Const::from_u64(32, false, z), false, span);
            args.push(self.expr(ExprKind::ArrayElem { sig: arr, indices: vec![i] }, ty, span));
        }
        self.dyn_func(lex, "$dyn_from", args, c.ir, span)
    }

    // ------------------------------------------------------------ leaves

    /// A leaf that reads a container: `q[i]`, `q[a:b]`, `q.size()`, ...;
    /// `None` when `e` is no such leaf.
    pub fn container_leaf(&mut self, lex: LexId, e: &'a ast::Expr) -> Option<(ExprId, DataTy)> {
        let span = e.span;
        match &e.kind {
            A::Dollar => {
                let q = *self.dollar.last()?;
                let v = self.dollar_value(lex, q, span);
                Some((v, DataTy::from_ir(Type::INT)))
            }
            A::Member { base, name } if name.name == "index" => {
                if let A::Ident { package: None, name: it } = &base.kind {
                    if let Some(Sym::Signal(s)) = self.lookup(lex, &format!("{}.index", it.name)) {
                        let v = self.signal_expr(s, span);
                        return Some((v, DataTy::from_ir(Type::INT)));
                    }
                }
                let (s, c) = self.container_sig(lex, base)?;
                Some(self.container_method(lex, s, &c, name, &[], None, span))
            }
            A::Index { base, index } => {
                // `q[i]`, then bit selects of the element.
                let mut chain: Vec<&'a ast::Expr> = vec![index];
                let mut root: &'a ast::Expr = base;
                while let A::Index { base: b, index: i } = &root.kind {
                    chain.push(i);
                    root = b;
                }
                chain.reverse();
                let (s, c) = self.container_sig(lex, root)?;
                let (mut cur, mut dt) = self.container_get(lex, s, &c, chain[0], span);
                for ix in &chain[1..] {
                    (cur, dt) = self.bit_select(lex, cur, &dt, ix, span);
                }
                Some((cur, dt))
            }
            A::Range { base, kind: ast::RangeKind::Const, left, right } => {
                let (s, c) = self.container_sig(lex, base)?;
                if c.is_assoc() {
                    self.error(code::TYPE_ERROR, span, "an associative array has no slices");
                    return Some(self.bad_leaf(span));
                }
                let q = self.sig_read(s, span);
                let a = self.index_value(lex, q, left);
                let b = self.index_value(lex, q, right);
                let dt = self.queue_of(c.elem.clone());
                let ty = dt.ir_type();
                let v = self.dyn_func(lex, "$dyn_slice", vec![q, a, b], ty, span);
                Some((v, dt))
            }
            A::MethodCall { base, method, args } => {
                let (s, c) = self.container_sig(lex, base)?;
                Some(self.container_method(lex, s, &c, method, args, None, span))
            }
            A::Member { base, name } => {
                let (s, c) = self.container_sig(lex, base)?;
                Some(self.container_method(lex, s, &c, name, &[], None, span))
            }
            A::With { call, cond } => {
                let (base, method, args) = match &call.kind {
                    A::MethodCall { base, method, args } => (&**base, method, &args[..]),
                    A::Member { base, name } => (&**base, name, &[][..]),
                    _ => return None,
                };
                let Some((s, c)) = self.container_sig(lex, base) else {
                    self.unsupported(
                        "`with` on something that is not a dynamic array, queue or associative array variable",
                        span,
                    );
                    return Some(self.bad_leaf(span));
                };
                Some(self.container_method(lex, s, &c, method, args, Some(cond), span))
            }
            A::NewArray { .. } => {
                self.error(code::TYPE_ERROR, span, "`new[]` needs a dynamic array as its target");
                Some(self.bad_leaf(span))
            }
            _ => None,
        }
    }

    /// `q[i]` / `a[key]`.
    fn container_get(
        &mut self,
        lex: LexId,
        s: SignalId,
        c: &ContainerInfo,
        ix: &'a ast::Expr,
        span: Span,
    ) -> (ExprId, DataTy) {
        let q = self.sig_read(s, span);
        let i = if c.is_assoc() { self.key_value(lex, c, ix) } else { self.index_value(lex, q, ix) };
        let ty = c.elem.ir_type();
        let v = self.dyn_func(lex, "$dyn_get", vec![q, i], ty, span);
        if ty.is_string() {
            self.d.mark_string_value(v);
        }
        (v, c.elem.clone())
    }

    /// A method of container `s` used as a value.
    #[allow(clippy::too_many_arguments)]
    fn container_method(
        &mut self,
        lex: LexId,
        s: SignalId,
        c: &ContainerInfo,
        method: &ast::Ident,
        args: &'a [Option<ast::Expr>],
        with: Option<&'a ast::Expr>,
        span: Span,
    ) -> (ExprId, DataTy) {
        let name = method.name.as_str();
        let argv: Vec<&'a ast::Expr> = args.iter().flatten().collect();
        let q = self.sig_read(s, span);
        let int = DataTy::from_ir(Type::INT);
        if let Some(cond) = with {
            return self.with_method(lex, s, c, name, cond, span);
        }
        let nargs = |n: usize, this: &mut Self| {
            if argv.len() != n {
                this.error(code::TYPE_ERROR, span, format!("array method `{name}` takes {n} argument(s)"));
                false
            } else {
                true
            }
        };
        match name {
            "size" | "num" if nargs(0, self) => (self.dyn_func(lex, "$dyn_size", vec![q], Type::INT, span), int),
            "exists" if c.is_assoc() && nargs(1, self) => {
                let k = self.key_value(lex, c, argv[0]);
                (self.dyn_func(lex, "$dyn_exists", vec![q, k], Type::INT, span), int)
            }
            "first" | "last" | "next" | "prev" if c.is_assoc() && nargs(1, self) => {
                let Some((lv, ldt)) = self.emit_lvalue(lex, argv[0]) else {
                    return self.bad_leaf(span);
                };
                if ldt.ir_type() != c.key_type() {
                    self.unsupported(
                        &format!("`{name}` with a variable whose type differs from the associative array's index type"),
                        argv[0].span,
                    );
                    return self.bad_leaf(span);
                }
                let f = format!("$dyn_{name}");
                (self.dyn_func(lex, &f, vec![q, lv], Type::INT, span), int)
            }
            "pop_front" | "pop_back" if !c.is_assoc() && nargs(0, self) => {
                let f = format!("$dyn_{name}");
                let ty = c.elem.ir_type();
                let v = self.dyn_func(lex, &f, vec![q], ty, span);
                if ty.is_string() {
                    self.d.mark_string_value(v);
                }
                (v, c.elem.clone())
            }
            "sum" | "product" | "and" | "or" | "xor" if nargs(0, self) => {
                if c.elem.is_string() {
                    self.error(code::TYPE_ERROR, span, format!("`{name}` needs integral elements"));
                    return self.bad_leaf(span);
                }
                let f = format!("$dyn_{name}");
                let ty = c.elem.ir_type();
                (self.dyn_func(lex, &f, vec![q], ty, span), c.elem.clone())
            }
            "min" | "max" | "unique" if nargs(0, self) => {
                let dt = self.queue_of(c.elem.clone());
                let f = format!("$dyn_{name}");
                let ty = dt.ir_type();
                (self.dyn_func(lex, &f, vec![q], ty, span), dt)
            }
            "unique_index" if !c.is_assoc() && nargs(0, self) => {
                let dt = self.queue_of(DataTy::from_ir(Type::INT));
                let ty = dt.ir_type();
                (self.dyn_func(lex, "$dyn_unique_index", vec![q], ty, span), dt)
            }
            "size" | "num" | "exists" | "first" | "last" | "next" | "prev" | "pop_front" | "pop_back" | "sum"
            | "product" | "and" | "or" | "xor" | "min" | "max" | "unique" | "unique_index" => {
                if !self.diags.has_errors() {
                    self.unsupported(&format!("array method `{name}` on this kind of array"), method.span);
                }
                self.bad_leaf(span)
            }
            "push_back" | "push_front" | "insert" | "delete" | "sort" | "rsort" | "reverse" | "shuffle" => {
                self.error(
                    code::TYPE_ERROR,
                    method.span,
                    format!("array method `{name}` has no value; call it as a statement"),
                );
                self.bad_leaf(span)
            }
            n if n.starts_with("find") => {
                self.error(code::TYPE_ERROR, method.span, format!("array method `{name}` needs a `with (...)` clause"));
                self.bad_leaf(span)
            }
            _ => {
                self.unsupported(&format!("array method `{name}`"), method.span);
                self.bad_leaf(span)
            }
        }
    }

    // ------------------------------------------------------------ `with`

    /// A method with `with (cond)`: a loop over the elements, run before the
    /// statement (7.12). The value is a hidden variable holding the result.
    fn with_method(
        &mut self,
        lex: LexId,
        s: SignalId,
        c: &ContainerInfo,
        name: &str,
        cond: &'a ast::Expr,
        span: Span,
    ) -> (ExprId, DataTy) {
        if !self.side_effects_ok {
            self.unsupported("an array method with `with (...)` here (use it in an assignment, `if` or call)", span);
            return self.bad_leaf(span);
        }
        if c.is_assoc() {
            self.unsupported("`with (...)` on an associative array", span);
            return self.bad_leaf(span);
        }
        let find =
            matches!(name, "find" | "find_index" | "find_first" | "find_first_index" | "find_last" | "find_last_index");
        let reduce = matches!(name, "sum" | "product" | "and" | "or" | "xor");
        if !find && !reduce {
            self.unsupported(&format!("array method `{name}` with `with (...)`"), span);
            return self.bad_leaf(span);
        }
        // Loop variables: `item` and `item.index` in a scope of their own.
        let sc = self.scope_of(lex);
        let inner = self.new_lex(Some(lex), sc, None);
        let elem_ty = c.elem.ir_type();
        let item = self.hidden_of(lex, "item", &c.elem, span);
        let idx = self.hidden_var(lex, "index", Type::INT, span);
        self.lex[inner].names.insert("item".into(), Sym::Signal(item));
        self.lex[inner].names.insert("item.index".into(), Sym::Signal(idx));
        let backward = name.starts_with("find_last");
        let stop_at_first = name.starts_with("find_first") || name.starts_with("find_last");
        let want_index = name.ends_with("index");

        let saved = std::mem::take(&mut self.pre_stmts);
        let (result, rdt, body_tail, init) = if find {
            let rdt =
                if want_index { self.queue_of(DataTy::from_ir(Type::INT)) } else { self.queue_of(c.elem.clone()) };
            let res = self.hidden_of(lex, "found", &rdt, span);
            let c2 = self.emit_cond_operand(inner, cond);
            let pushed = if want_index { self.signal_expr(idx, span) } else { self.signal_expr(item, span) };
            let push = self.update(lex, res, "$dyn_push_back", vec![pushed], span);
            let then = if stop_at_first {
                let brk = self.stmt(StmtKind::Break, span);
                self.stmt(StmtKind::Block { stmts: vec![push, brk], name: None }, span)
            } else {
                push
            };
            let iff = self.stmt(StmtKind::If { cond: c2, then_stmt: then, else_stmt: None }, span);
            let empty = self.dyn_func(lex, "$dyn_from", vec![], rdt.ir_type(), span);
            let init = self.set_sig(res, empty, span);
            (res, rdt, iff, init)
        } else {
            // The result has the type of the `with` expression (7.12.3).
            let wt = self.self_ty(inner, cond);
            if wt.kind != TypeKind::Integral {
                self.error(code::TYPE_ERROR, cond.span, format!("`{name}` needs an integral `with` expression"));
                self.pre_stmts = saved;
                return self.bad_leaf(span);
            }
            let acc = self.hidden_var(lex, "acc", wt, span);
            let v = self.emit_rvalue(inner, cond, wt);
            let op = match name {
                "sum" => BinOp::Add,
                "product" => BinOp::Mul,
                "and" => BinOp::BitAnd,
                "or" => BinOp::BitOr,
                _ => BinOp::BitXor,
            };
            let a = self.signal_expr(acc, span);
            let combined = self.expr(ExprKind::Binary { op, lhs: a, rhs: v }, wt, span);
            let upd = self.set_sig(acc, combined, span);
            // Start from the operator's identity: an empty array gives it
            // (0 for sum, or, xor).
            let identity = match op {
                BinOp::Mul => Const::from_u64(wt.width, wt.signed, 1),
                BinOp::BitAnd => {
                    let mut c = Const::zero(wt.width, wt.signed);
                    wsim_guest_rt::logic::unary(
                        wsim_abi::op::NOT,
                        &mut c.words,
                        &Const::zero(wt.width, false).words,
                        wt.width,
                    );
                    c
                }
                _ => Const::zero(wt.width, wt.signed),
            };
            let z = self.const_expr(identity, false, span);
            self.d.exprs[z].ty = wt;
            let init = self.set_sig(acc, z, span);
            (acc, DataTy::from_ir(wt), upd, init)
        };
        let cond_pre = std::mem::replace(&mut self.pre_stmts, saved);
        // for (idx = start; in range; idx += step) { item = q[idx]; body }
        let q = self.sig_read(s, span);
        let size = self.dyn_size_of(lex, q, span);
        let one = self.i32_const(1, span);
        let start = if backward {
            self.expr(ExprKind::Binary { op: BinOp::Sub, lhs: size, rhs: one }, Type::INT, span)
        } else {
            self.i32_const(0, span)
        };
        let set_idx = self.set_sig(idx, start, span);
        let ir = self.signal_expr(idx, span);
        let in_range = if backward {
            let zero = self.i32_const(0, span);
            self.expr(ExprKind::Binary { op: BinOp::Ge, lhs: ir, rhs: zero }, bit1(false), span)
        } else {
            let q2 = self.sig_read(s, span);
            let n = self.dyn_size_of(lex, q2, span);
            self.expr(ExprKind::Binary { op: BinOp::Lt, lhs: ir, rhs: n }, bit1(false), span)
        };
        let ir2 = self.signal_expr(idx, span);
        let one2 = self.i32_const(1, span);
        let op = if backward { BinOp::Sub } else { BinOp::Add };
        let next = self.expr(ExprKind::Binary { op, lhs: ir2, rhs: one2 }, Type::INT, span);
        let step = self.set_sig(idx, next, span);
        let q3 = self.sig_read(s, span);
        let ir3 = self.signal_expr(idx, span);
        let ix64 = self.coerce(ir3, INDEX);
        let got = self.dyn_func(lex, "$dyn_get", vec![q3, ix64], elem_ty, span);
        let load = self.set_sig(item, got, span);
        let mut body = vec![load];
        body.extend(cond_pre);
        body.push(body_tail);
        let body = self.stmt(StmtKind::Block { stmts: body, name: None }, span);
        let lp = self.stmt(StmtKind::Loop { cond: Some(in_range), body, step: Some(step) }, span);
        self.pre_stmts.push(init);
        self.pre_stmts.push(set_idx);
        self.pre_stmts.push(lp);
        let v = self.signal_expr(result, span);
        if rdt.is_string() {
            self.d.mark_string_value(v);
        }
        (v, rdt)
    }

    // ------------------------------------------------------------ statements

    /// A method called as a statement (`q.push_back(v);`, `a.sort;`,
    /// `void'(q.pop_front())`); `None` when `e` is not one.
    pub fn container_stmt(&mut self, lex: LexId, e: &'a ast::Expr, span: Span) -> Option<StmtId> {
        let (base, method, args): (&'a ast::Expr, &'a ast::Ident, &'a [Option<ast::Expr>]) = match &e.kind {
            A::MethodCall { base, method, args } => (base, method, args),
            A::Member { base, name } => (base, name, &[]),
            A::Cast { ty, expr } if matches!(&**ty, ast::CastType::Type(ast::DataType::Void { .. })) => {
                return self.container_stmt(lex, expr, span);
            }
            _ => return None,
        };
        let (s, c) = self.container_sig(lex, base)?;
        let name = method.name.as_str();
        let argv: Vec<&'a ast::Expr> = args.iter().flatten().collect();
        let is_queue = matches!(c.kind, ContainerKind::Queue { .. });
        let st = match (name, argv.len()) {
            ("delete", 0) => self.update(lex, s, "$dyn_clear", vec![], span),
            ("delete", 1) if c.is_assoc() || is_queue => {
                let k = if c.is_assoc() {
                    self.key_value(lex, &c, argv[0])
                } else {
                    let q = self.sig_read(s, span);
                    self.index_value(lex, q, argv[0])
                };
                self.update(lex, s, "$dyn_delete", vec![k], span)
            }
            ("push_back" | "push_front", 1) if is_queue => {
                let v = self.elem_value(lex, &c, argv[0]);
                self.update(lex, s, &format!("$dyn_{name}"), vec![v], span)
            }
            ("insert", 2) if is_queue => {
                let q = self.sig_read(s, span);
                let i = self.index_value(lex, q, argv[0]);
                let v = self.elem_value(lex, &c, argv[1]);
                self.update(lex, s, "$dyn_insert", vec![i, v], span)
            }
            ("sort" | "rsort" | "reverse" | "shuffle", 0) if !c.is_assoc() => {
                self.update(lex, s, &format!("$dyn_{name}"), vec![], span)
            }
            ("sort" | "rsort", _) => {
                self.unsupported(&format!("`{name}` with a `with (...)` clause or arguments"), span);
                self.stmt(StmtKind::Nop, span)
            }
            _ => {
                // A method with a value called as a statement: keep its
                // effects (pop), drop the value.
                let (v, dt) = self.container_method(lex, s, &c, method, args, None, span);
                if self.ty(v) != dt.ir_type() {
                    return Some(self.stmt(StmtKind::Nop, span)); // an error was reported
                }
                let tmp = self.hidden_of(lex, "discard", &dt, span);
                self.set_sig(tmp, v, span)
            }
        };
        Some(st)
    }

    /// `q[i] = v` / `a[k] op= v` (blocking): `q = $dyn_set(q, i, v)`; `None`
    /// when the target is no container element.
    pub fn container_elem_assign(
        &mut self,
        lex: LexId,
        lhs: &'a ast::Expr,
        op: ast::AssignOp,
        rhs: &'a ast::Expr,
        nonblocking: bool,
        span: Span,
    ) -> Option<StmtId> {
        let A::Index { base, index } = &lhs.kind else { return None };
        if let A::Index { .. } = &base.kind {
            return self.container_bit_assign(lex, lhs, op, rhs, nonblocking, span);
        }
        let (s, c) = self.container_sig(lex, base)?;
        if nonblocking {
            self.unsupported(
                "a nonblocking assignment to an element of a dynamic array, queue or associative array",
                span,
            );
            return Some(self.stmt(StmtKind::Nop, span));
        }
        let q = self.sig_read(s, span);
        let i = if c.is_assoc() { self.key_value(lex, &c, index) } else { self.index_value(lex, q, index) };
        let v = match crate::expr::compound_binop(op) {
            None => self.elem_value(lex, &c, rhs),
            Some(b) => {
                let t = c.elem.ir_type();
                self.emit_compound(lex, b, lhs, rhs, t, span)
            }
        };
        Some(self.update(lex, s, "$dyn_set", vec![i, v], span))
    }

    /// `q[i][b] = v`: the element goes through a hidden copy (`tmp =
    /// q[i]; tmp[b] = v; q[i] = tmp`).
    fn container_bit_assign(
        &mut self,
        lex: LexId,
        lhs: &'a ast::Expr,
        op: ast::AssignOp,
        rhs: &'a ast::Expr,
        nonblocking: bool,
        span: Span,
    ) -> Option<StmtId> {
        let mut chain: Vec<&'a ast::Expr> = Vec::new();
        let mut root = lhs;
        while let A::Index { base, index } = &root.kind {
            chain.push(index);
            root = base;
        }
        chain.reverse();
        let (s, c) = self.container_sig(lex, root)?;
        if nonblocking || op != ast::AssignOp::Assign {
            self.unsupported("a nonblocking or compound assignment to part of a container element", span);
            return Some(self.stmt(StmtKind::Nop, span));
        }
        let q = self.sig_read(s, span);
        let i = if c.is_assoc() { self.key_value(lex, &c, chain[0]) } else { self.index_value(lex, q, chain[0]) };
        let tmp = self.hidden_of(lex, "elem", &c.elem, span);
        let q2 = self.sig_read(s, span);
        let got = self.dyn_func(lex, "$dyn_get", vec![q2, i], c.elem.ir_type(), span);
        let load = self.set_sig(tmp, got, span);
        let (mut cur, mut dt) = (self.signal_expr(tmp, span), c.elem.clone());
        for ix in &chain[1..] {
            (cur, dt) = self.bit_select(lex, cur, &dt, ix, span);
        }
        let v = self.emit_rvalue_dt(lex, rhs, &dt);
        let part = self.stmt(StmtKind::Assign { lhs: cur, rhs: v }, span);
        let whole = self.signal_expr(tmp, span);
        let store = self.update(lex, s, "$dyn_set", vec![i, whole], span);
        Some(self.stmt(StmtKind::Block { stmts: vec![load, part, store], name: None }, span))
    }

    /// `foreach (q[i])` over a container: indices `0..size` in order, keys
    /// of an associative array in key order (7.9.8, 12.7.3).
    pub fn container_foreach(
        &mut self,
        lex: LexId,
        array: &'a ast::Expr,
        vars: &'a [Option<ast::Ident>],
        body: &'a ast::Stmt,
        span: Span,
    ) -> Option<StmtId> {
        let (s, c) = self.container_sig(lex, array)?;
        if vars.len() > 1 {
            self.unsupported(
                "foreach over more than one dimension of a dynamic array, queue or associative array",
                span,
            );
            return Some(self.stmt(StmtKind::Nop, span));
        }
        let sc = self.scope_of(lex);
        let inner = self.new_lex(Some(lex), sc, None);
        let var = vars.first().and_then(|v| v.as_ref());
        let var_dt = match &c.key {
            Some(k) if c.is_assoc() => k.clone(),
            _ if c.is_assoc() => DataTy::from_ir(WILDCARD_KEY),
            _ => DataTy::from_ir(Type::INT),
        };
        let name = var.map_or("foreach$i".to_string(), |v| v.name.clone());
        let vspan = var.map_or(span, |v| v.span);
        let iv = self.add_signal(inner, &name, &var_dt, vec![], SignalKind::Var, None, true, vspan);
        if var.is_some() {
            self.bind(inner, &name, Sym::Signal(iv), vspan);
        }
        let b = self.lower_stmt(inner, body);
        if c.is_assoc() {
            // if (a.first(k)) do body while (a.next(k));
            let q = self.sig_read(s, span);
            let l1 = self.signal_expr(iv, span);
            let first = self.dyn_func(lex, "$dyn_first", vec![q, l1], Type::INT, span);
            let q2 = self.sig_read(s, span);
            let l2 = self.signal_expr(iv, span);
            let next = self.dyn_func(lex, "$dyn_next", vec![q2, l2], Type::INT, span);
            let dw = self.stmt(StmtKind::DoWhile { body: b, cond: next }, span);
            return Some(self.stmt(StmtKind::If { cond: first, then_stmt: dw, else_stmt: None }, span));
        }
        let zero = self.i32_const(0, span);
        let init = self.set_sig(iv, zero, span);
        let r = self.signal_expr(iv, span);
        let q = self.sig_read(s, span);
        let n = self.dyn_size_of(lex, q, span);
        let cond = self.expr(ExprKind::Binary { op: BinOp::Lt, lhs: r, rhs: n }, bit1(false), span);
        let r2 = self.signal_expr(iv, span);
        let one = self.i32_const(1, span);
        let next = self.expr(ExprKind::Binary { op: BinOp::Add, lhs: r2, rhs: one }, Type::INT, span);
        let step = self.set_sig(iv, next, span);
        let lp = self.stmt(StmtKind::Loop { cond: Some(cond), body: b, step: Some(step) }, span);
        Some(self.stmt(StmtKind::Block { stmts: vec![init, lp], name: None }, span))
    }

    /// `$size(q)` and friends on a container; `None` when `arg` names none.
    pub fn container_query(&mut self, lex: LexId, name: &str, arg: &'a ast::Expr, span: Span) -> Option<ExprId> {
        let (s, c) = self.container_sig(lex, arg)?;
        if c.is_assoc() && name != "$size" {
            self.unsupported(&format!("`{name}` of an associative array"), span);
            return Some(self.bad_leaf(span).0);
        }
        let q = self.sig_read(s, span);
        let n = self.dyn_size_of(lex, q, span);
        Some(match name {
            "$size" => n,
            "$high" | "$right" => {
                let one = self.i32_const(1, span);
                self.expr(ExprKind::Binary { op: BinOp::Sub, lhs: n, rhs: one }, Type::INT, span)
            }
            "$low" | "$left" => self.i32_const(0, span),
            _ => {
                self.unsupported(&format!("`{name}` of a dynamic array or queue"), span);
                self.bad_leaf(span).0
            }
        })
    }
}

impl ContainerInfo {
    /// The IR element type.
    pub fn ir_elem(&self) -> Type {
        self.elem.ir_type()
    }
}

/// The span of a range.
fn range_span(r: &ast::Range) -> Span {
    match r {
        ast::Range::Bounds { span, .. }
        | ast::Range::Size { span, .. }
        | ast::Range::Unsized { span }
        | ast::Range::Queue { span, .. }
        | ast::Range::Assoc { span, .. } => *span,
    }
}
