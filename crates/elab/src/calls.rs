//! Tasks and functions: IR subroutines made on first use (so forward calls
//! and constant functions work), their bodies, call arguments, and enum
//! methods (`.name()`, `.next()`, ...) lowered to constants and `?:` chains.

use wsim_diag::{codes::elab as code, Span};
use wsim_ir::{
    BinOp, Const, Dir, ExprId, ExprKind, Formal, ScopeKind, SignalKind, StmtKind, SubrId, SubrKind, Subroutine, Type,
};
use wsim_syntax::ast;

use crate::ctx::{Elab, LexId, SubrDecl, Sym};
use crate::expr::bit1;
use crate::types::DataTy;

impl<'a> Elab<'a> {
    /// The IR subroutine of a definition: scope, formals, return variable
    /// and locals (the body is lowered later, see [`Elab::lower_subr_body`]).
    pub fn ensure_subr(&mut self, def: usize) -> SubrId {
        if let Some(id) = self.subr_defs[def].id {
            return id;
        }
        let decl = self.subr_defs[def].decl;
        let lex = self.subr_defs[def].lex;
        let (name, span, lifetime, ports, decls) = match decl {
            SubrDecl::Function(f) => (&f.name, f.span, f.lifetime, &f.ports, &f.decls),
            SubrDecl::Task(t) => (&t.name, t.span, t.lifetime, &t.ports, &t.decls),
        };
        let method = self.cls.methods.get(&def).copied();
        // Class methods are automatic unless declared `static` (8.6).
        let automatic =
            lifetime == Some(ast::Lifetime::Automatic) || (method.is_some() && lifetime != Some(ast::Lifetime::Static));
        let parent = self.scope_of(lex);
        let scope = self.new_scope(&name.name, Some(parent), ScopeKind::Subroutine, "", span);
        let body = self.stmt(StmtKind::Nop, span);
        let kind = if matches!(decl, SubrDecl::Function(_)) { SubrKind::Function } else { SubrKind::Task };
        let id = self.d.subrs.push(Subroutine {
            name: name.name.clone(),
            scope,
            kind,
            automatic,
            formals: vec![],
            ret: None,
            locals: vec![],
            body,
            span,
        });
        self.subr_defs[def].id = Some(id);
        let own = self.new_lex(Some(lex), scope, None);
        self.lex[own].subr = Some(id);
        self.subr_defs[def].own_lex = Some(own);
        if let Some(m) = method.filter(|m| !m.is_static) {
            // The hidden first argument of a method: the object.
            let dt = DataTy::class(m.class);
            let s = self.add_signal(own, "this", &dt, vec![], SignalKind::Var, None, true, name.span);
            self.lex[own].names.insert("this".into(), Sym::Signal(s));
            self.d.subrs[id].formals.push(Formal { sig: s, dir: Dir::Input });
            if m.is_ctor {
                // A constructor returns its object.
                let r = self.add_signal(own, "new", &dt, vec![], SignalKind::Var, None, true, name.span);
                self.d.subrs[id].ret = Some(r);
            }
        }
        if let SubrDecl::Function(f) = decl {
            if !matches!(f.ret, ast::DataType::Void { .. }) && self.d.subrs[id].ret.is_none() {
                let mut dt = self.data_type(own, &f.ret);
                if !dt.unpacked.is_empty() {
                    self.unsupported("functions returning unpacked arrays", f.ret.span());
                    dt.unpacked.clear();
                }
                let r = self.add_signal(own, &name.name, &dt, vec![], SignalKind::Var, None, false, name.span);
                self.d.subrs[id].ret = Some(r);
                self.lex[own].names.insert(name.name.clone(), Sym::Signal(r));
            }
        }
        for p in ports {
            // Old-style `input b; integer b;`: the body declaration gives the type.
            let body_ty = decls.iter().find_map(|d| match d {
                ast::BlockDecl::Var(v) if v.vars.iter().any(|x| x.name.name == p.name.name) => Some(&v.ty),
                _ => None,
            });
            let dt = match body_ty {
                Some(t) if is_untyped(&p.ty) => self.data_type(own, t),
                _ => self.data_type(own, &p.ty),
            };
            let (dt, dims) = self.var_type(own, &dt, &p.unpacked);
            let dir = match p.dir {
                ast::Direction::Input => Dir::Input,
                ast::Direction::Output => Dir::Output,
                ast::Direction::Inout => Dir::Inout,
                ast::Direction::Ref => {
                    self.unsupported("`ref` arguments", p.span);
                    Dir::Inout
                }
            };
            if !dims.is_empty() {
                self.unsupported("unpacked array arguments", p.span);
            }
            let s = self.add_signal(own, &p.name.name, &dt, vec![], SignalKind::Var, None, false, p.name.span);
            self.bind(own, &p.name.name, Sym::Signal(s), p.name.span);
            self.d.subrs[id].formals.push(Formal { sig: s, dir });
        }
        let port_names: Vec<&str> = ports.iter().map(|p| p.name.name.as_str()).collect();
        let init = self.block_decls_except(own, decls, &port_names);
        // Entry initialisers run first in the body.
        self.subr_init.insert(id, init);
        id
    }

    /// Lower a subroutine's body (once).
    pub fn lower_subr_body(&mut self, def: usize) {
        if self.subr_defs[def].body_done {
            return;
        }
        let id = self.ensure_subr(def);
        self.subr_defs[def].body_done = true;
        let own = self.subr_defs[def].own_lex.unwrap_or(self.subr_defs[def].lex);
        let stmts = match self.subr_defs[def].decl {
            SubrDecl::Function(f) => &f.body,
            SubrDecl::Task(t) => &t.body,
        };
        let mut body = self.subr_init.remove(&id).unwrap_or_default();
        let mut stmts: &'a [ast::Stmt] = stmts;
        if let Some(c) = self.ctor_class(def) {
            let super_call = Self::leading_super_new(stmts);
            if super_call.is_some() {
                stmts = &stmts[1..];
            }
            let span = self.d.subrs[id].span;
            body.extend(self.ctor_prologue(c, own, super_call, span));
        }
        body.extend(self.lower_stmts(own, stmts));
        let span = self.d.subrs[id].span;
        let b = self.d.subrs[id].body;
        self.d.stmts[b] = wsim_ir::Stmt { kind: StmtKind::Block { stmts: body, name: None }, span };
    }

    /// Arguments of a call, matched to the formals: inputs converted to the
    /// formal's type, outputs and inouts as lvalues.
    pub fn call_args(
        &mut self,
        lex: LexId,
        def: usize,
        args: &'a [Option<ast::Expr>],
        span: Span,
    ) -> (SubrId, Vec<ExprId>) {
        self.call_args_this(lex, def, None, args, span)
    }

    /// [`Elab::call_args`] for a class method: `this` (the object) is the
    /// hidden first argument of a non-static method.
    pub fn call_args_this(
        &mut self,
        lex: LexId,
        def: usize,
        this: Option<ExprId>,
        args: &'a [Option<ast::Expr>],
        span: Span,
    ) -> (SubrId, Vec<ExprId>) {
        let id = self.ensure_subr(def);
        let mut formals = self.d.subrs[id].formals.clone();
        let mut out = Vec::new();
        let has_this = self.cls.methods.get(&def).is_some_and(|m| !m.is_static);
        if has_this && !formals.is_empty() {
            formals.remove(0);
            let t = crate::classes::handle_type();
            let v = match this {
                Some(h) => self.coerce(h, t),
                None => self.const_expr(Const::zero(t.width, false), false, span),
            };
            out.push(v);
        }
        let ports: &'a [ast::TfPort] = match self.subr_defs[def].decl {
            SubrDecl::Function(f) => &f.ports,
            SubrDecl::Task(t) => &t.ports,
        };
        // Positional arguments first, then `.name(value)` ones.
        let mut by_formal: Vec<Option<&'a ast::Expr>> = vec![None; formals.len()];
        let mut pos = 0usize;
        for a in args {
            match a.as_ref().map(|a| &a.kind) {
                Some(ast::ExprKind::NamedArg { name, value }) => {
                    match ports.iter().position(|p| p.name.name == name.name) {
                        Some(i) if i < by_formal.len() => by_formal[i] = value.as_deref(),
                        _ => self.error(
                            code::BAD_PORT,
                            name.span,
                            format!("`{}` has no argument `{}`", self.d.subrs[id].name, name.name),
                        ),
                    }
                }
                _ => {
                    if pos < by_formal.len() {
                        by_formal[pos] = a.as_ref();
                    } else if !(formals.is_empty() && args.len() == 1 && a.is_none()) {
                        self.error(
                            code::BAD_PORT,
                            span,
                            format!("too many arguments: `{}` takes {}", self.d.subrs[id].name, formals.len()),
                        );
                    }
                    pos += 1;
                }
            }
        }
        for (i, f) in formals.iter().enumerate() {
            let dt = self.sig_ty[f.sig.index()].clone();
            let arg = by_formal[i];
            let v = match (f.dir, arg) {
                (Dir::Input, Some(a)) => Some(self.emit_rvalue_dt(lex, a, &dt)),
                (Dir::Input, None) => match ports.get(i).and_then(|p| p.default.as_ref()) {
                    Some(d) => {
                        let dl = self.subr_defs[def].lex;
                        Some(self.emit_rvalue_dt(dl, d, &dt))
                    }
                    None => None,
                },
                (_, Some(a)) => self.emit_lvalue(lex, a).map(|x| x.0),
                (_, None) => None,
            };
            match v {
                Some(v) => out.push(v),
                None => {
                    if !self.diags.has_errors() || arg.is_none() {
                        self.error(code::BAD_PORT, span, format!("missing argument `{}`", self.d.signals[f.sig].name));
                    }
                    let t = dt.ir_type();
                    out.push(self.const_expr(Const::all_x(t.width, t.signed), true, span));
                }
            }
        }
        (id, out)
    }

    /// The subroutine a call names. Inside a function its own name is the
    /// return variable, so a (recursive) call looks past variables.
    pub fn lookup_callable(&mut self, lex: LexId, name: &'a ast::Expr) -> Option<Sym> {
        let found = self.lookup_hier(lex, name);
        if matches!(found, Some(Sym::Subr(_))) {
            return found;
        }
        if let ast::ExprKind::Ident { package: None, name: n } = &name.kind {
            let mut cur = Some(lex);
            while let Some(l) = cur {
                if let Some(s @ Sym::Subr(_)) = self.lex[l].names.get(&n.name) {
                    return Some(s.clone());
                }
                cur = self.lex[l].parent;
            }
        }
        found
    }

    /// A function call in an expression.
    pub fn emit_call(
        &mut self,
        lex: LexId,
        name: &'a ast::Expr,
        args: &'a [Option<ast::Expr>],
        span: Span,
    ) -> (ExprId, DataTy) {
        if let Some(r) = self.class_call_expr(lex, name, args, span) {
            return r;
        }
        match self.lookup_callable(lex, name) {
            Some(Sym::Subr(def)) => {
                if matches!(self.subr_defs[def].decl, SubrDecl::Task(_)) {
                    self.error(code::TYPE_ERROR, name.span, "a task cannot be called in an expression");
                    return self.bad_leaf(span);
                }
                let (subr, args) = self.call_args(lex, def, args, span);
                let Some(ret) = self.d.subrs[subr].ret else {
                    self.error(code::TYPE_ERROR, name.span, "a void function has no value");
                    return self.bad_leaf(span);
                };
                let dt = self.sig_ty[ret.index()].clone();
                let id = self.expr(ExprKind::Call { subr, args }, dt.ir_type(), span);
                (id, dt)
            }
            Some(_) => {
                self.error(
                    code::TYPE_ERROR,
                    name.span,
                    format!("`{}` is not a function", crate::expr::ident_text(name)),
                );
                self.bad_leaf(span)
            }
            None => {
                self.error(
                    code::UNDECLARED,
                    name.span,
                    format!("undeclared function `{}`", crate::expr::ident_text(name)),
                );
                self.bad_leaf(span)
            }
        }
    }

    /// Enum methods: `.name()` (string constants), `.next()`, `.prev()`,
    /// `.first()`, `.last()`, `.num()`.
    pub fn emit_method(
        &mut self,
        lex: LexId,
        base: &'a ast::Expr,
        method: &ast::Ident,
        args: &'a [Option<ast::Expr>],
        span: Span,
    ) -> (ExprId, DataTy) {
        if let Some(r) = self.class_builtin_named_call(lex, base, method, args, span) {
            return r;
        }
        let (b, bdt) = self.leaf_dt(lex, base);
        if bdt.is_string() {
            return self.string_method(lex, b, method, args, span);
        }
        let step = match args.first().and_then(|a| a.as_ref()) {
            Some(a) => self.eval_i64(lex, a).unwrap_or(1),
            None => 1,
        };
        self.enum_method(b, bdt, method, step, span)
    }

    /// An enum method applied to an emitted value.
    pub fn enum_method(
        &mut self,
        b: ExprId,
        bdt: DataTy,
        method: &ast::Ident,
        step: i64,
        span: Span,
    ) -> (ExprId, DataTy) {
        let Some(info) = bdt.enum_info().cloned() else {
            self.unsupported(&format!("method `{}` on a non-enum value", method.name), method.span);
            return self.bad_leaf(span);
        };
        let elem = bdt.clone();
        let t = elem.ir_type();
        let n = info.members.len();
        match method.name.as_str() {
            "first" | "last" => {
                let i = if method.name == "first" { 0 } else { n.saturating_sub(1) };
                let c = info.members.get(i).map(|m| m.1.clone()).unwrap_or_else(|| Const::zero(t.width, t.signed));
                let id = self.const_expr(c, false, span);
                let id = self.coerce(id, t);
                (id, elem)
            }
            "num" => (self.i32_const(n as i64, span), DataTy::vector(32, true, false)),
            "next" | "prev" => {
                // x == m_i ? m_{i+-step} : ... : X (not a member)
                let mut acc = self.const_expr(Const::all_x(t.width, t.signed), true, span);
                acc = self.coerce(acc, Type { four_state: true, ..t });
                let rt = Type { four_state: true, ..t };
                for i in (0..n).rev() {
                    let j = if method.name == "next" {
                        (i as i64 + step).rem_euclid(n as i64)
                    } else {
                        (i as i64 - step).rem_euclid(n as i64)
                    };
                    let test = self.enum_eq(b, &info.members[i].1, t, span);
                    let v = self.const_expr(info.members[j as usize].1.clone(), false, span);
                    let v = self.coerce(v, rt);
                    acc = self.expr(ExprKind::Cond { cond: test, then_expr: v, else_expr: acc }, rt, span);
                }
                let id = self.coerce(acc, t);
                (id, elem)
            }
            "name" => {
                let width = 8 * info.members.iter().map(|m| m.0.len()).max().unwrap_or(1).max(1) as u32;
                let st = Type::bits(width, false);
                let mut acc = self.const_expr(Const::zero(width, false), false, span);
                for (name, val) in info.members.iter().rev() {
                    let test = self.enum_eq(b, val, t, span);
                    let s = self.const_expr(Const::from_str_bytes(name.as_bytes()), false, span);
                    let s = self.coerce(s, st);
                    acc = self.expr(ExprKind::Cond { cond: test, then_expr: s, else_expr: acc }, st, span);
                }
                // A `string` (1800-2017 6.19.5.6): `%s` prints the name
                // without the padding of the widest member.
                self.d.mark_string_value(acc);
                (acc, DataTy::vector(width, false, false))
            }
            other => {
                self.unsupported(&format!("enum method `{other}`"), method.span);
                self.bad_leaf(span)
            }
        }
    }

    /// `value === member` for enum method chains (the base is re-read per
    /// test; it is a plain expression without side effects).
    fn enum_eq(&mut self, b: ExprId, val: &Const, t: Type, span: Span) -> ExprId {
        let base = self.clone_expr(b);
        let base = self.coerce(base, t);
        let k = self.const_expr(val.clone(), false, span);
        let k = self.coerce(k, t);
        self.expr(ExprKind::Binary { op: BinOp::CaseEq, lhs: base, rhs: k }, bit1(false), span)
    }

    /// Deep copy of an expression tree (IR expressions form a tree).
    pub fn clone_expr(&mut self, e: ExprId) -> ExprId {
        let x = self.d.exprs[e].clone();
        let kind = match x.kind {
            ExprKind::ArrayElem { sig, indices } => {
                ExprKind::ArrayElem { sig, indices: indices.into_iter().map(|i| self.clone_expr(i)).collect() }
            }
            ExprKind::Select { base, offset, width } => {
                ExprKind::Select { base: self.clone_expr(base), offset: self.clone_expr(offset), width }
            }
            ExprKind::Unary { op, arg } => ExprKind::Unary { op, arg: self.clone_expr(arg) },
            ExprKind::Binary { op, lhs, rhs } => {
                ExprKind::Binary { op, lhs: self.clone_expr(lhs), rhs: self.clone_expr(rhs) }
            }
            ExprKind::Cond { cond, then_expr, else_expr } => ExprKind::Cond {
                cond: self.clone_expr(cond),
                then_expr: self.clone_expr(then_expr),
                else_expr: self.clone_expr(else_expr),
            },
            ExprKind::Concat(v) => ExprKind::Concat(v.into_iter().map(|i| self.clone_expr(i)).collect()),
            ExprKind::Replicate { count, arg } => ExprKind::Replicate { count, arg: self.clone_expr(arg) },
            ExprKind::Convert { arg } => ExprKind::Convert { arg: self.clone_expr(arg) },
            ExprKind::Resolve { kind, args } => {
                ExprKind::Resolve { kind, args: args.into_iter().map(|i| self.clone_expr(i)).collect() }
            }
            ExprKind::Call { subr, args } => {
                ExprKind::Call { subr, args: args.into_iter().map(|i| self.clone_expr(i)).collect() }
            }
            ExprKind::SysFunc { name, args, scope } => {
                ExprKind::SysFunc { name, args: args.into_iter().map(|i| self.clone_expr(i)).collect(), scope }
            }
            ExprKind::ClassProp { handle, offset } => ExprKind::ClassProp { handle: self.clone_expr(handle), offset },
            k => k,
        };
        self.expr(kind, x.ty, x.span)
    }
}

/// A port declared without a data type (`input b;`, `input [3:0] b;` is typed).
fn is_untyped(t: &ast::DataType) -> bool {
    matches!(t, ast::DataType::Implicit { signed: false, packed, .. } if packed.is_empty())
}
