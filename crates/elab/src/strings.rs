//! SystemVerilog `string` expressions (IEEE 1800-2017 6.16, 11.4.12.2):
//! comparisons, concatenation and replication of strings, `s[i]`, and the
//! string methods. Values of type `Type::STRING` are handles into the guest
//! heap (see `wsim_ir::TypeKind::String`); every method becomes one of the
//! `wsim_ir::STRING_FUNCS` system functions, and the methods that change
//! their string (`putc`, `itoa`, ...) become assignments of a new string.

use wsim_diag::{codes::elab as code, Span};
use wsim_ir::{BinOp, ExprId, ExprKind, StmtId, StmtKind, Type, TypeKind};
use wsim_syntax::ast::{self, BinaryOp};

use crate::ctx::{Elab, LexId};
use crate::expr::bit1;
use crate::types::DataTy;

/// `getc` and `s[i]` give a `byte`.
const BYTE: Type = Type::bits(8, true);

impl<'a> Elab<'a> {
    /// A binary operator with a string operand: comparisons compare the
    /// texts (11.4.12.2 is silent; 6.16 Table 6-9); every other operator is
    /// an error.
    pub fn string_binary(
        &mut self,
        lex: LexId,
        op: BinaryOp,
        lhs: &'a ast::Expr,
        rhs: &'a ast::Expr,
        span: Span,
    ) -> ExprId {
        let ir_op = match op {
            BinaryOp::Eq | BinaryOp::CaseEq => BinOp::Eq,
            BinaryOp::Ne | BinaryOp::CaseNe => BinOp::Ne,
            BinaryOp::Lt => BinOp::Lt,
            BinaryOp::Le => BinOp::Le,
            BinaryOp::Gt => BinOp::Gt,
            BinaryOp::Ge => BinOp::Ge,
            _ => {
                let msg = format!("operator `{}` is not defined on strings", op.text());
                self.error(code::TYPE_ERROR, span, msg);
                return self.bad_leaf(span).0;
            }
        };
        let l = self.string_operand(lex, lhs);
        let r = self.string_operand(lex, rhs);
        self.expr(ExprKind::Binary { op: ir_op, lhs: l, rhs: r }, bit1(false), span)
    }

    /// An operand converted to a string (a literal or integral value becomes
    /// its text, 6.16).
    pub fn string_operand(&mut self, lex: LexId, e: &'a ast::Expr) -> ExprId {
        let x = self.emit_self(lex, e);
        self.convert_to_string(x)
    }

    /// `e` as a string; reals are an error.
    pub fn convert_to_string(&mut self, e: ExprId) -> ExprId {
        let t = self.ty(e);
        if t.kind == TypeKind::Real || t.kind == TypeKind::Event {
            let span = self.d.exprs[e].span;
            self.error(code::TYPE_ERROR, span, "a real or an event cannot be converted to a string");
            return self.empty_string(span);
        }
        self.coerce(e, Type::STRING)
    }

    fn empty_string(&mut self, span: Span) -> ExprId {
        let z = self.const_expr(wsim_ir::Const::zero(8, false), false, span);
        self.expr(ExprKind::Convert { arg: z }, Type::STRING, span)
    }

    /// `{a, b, ...}` with a string item: a string (11.4.12.2).
    pub fn string_concat(&mut self, parts: Vec<ExprId>, span: Span) -> ExprId {
        let parts: Vec<ExprId> = parts.into_iter().map(|p| self.convert_to_string(p)).collect();
        if parts.is_empty() {
            return self.empty_string(span);
        }
        self.expr(ExprKind::Concat(parts), Type::STRING, span)
    }

    /// `{n{s}}` with a string operand.
    pub fn string_replicate(&mut self, n: u32, parts: Vec<ExprId>, span: Span) -> ExprId {
        let arg = self.string_concat(parts, span);
        self.expr(ExprKind::Replicate { count: n, arg }, Type::STRING, span)
    }

    /// `s[i]`: the byte at `i` (0 when out of range).
    pub fn string_index(&mut self, lex: LexId, base: ExprId, ix: &'a ast::Expr, span: Span) -> (ExprId, DataTy) {
        let i = self.emit_self(lex, ix);
        let scope = self.scope_of(lex);
        let id = self.expr(ExprKind::SysFunc { name: "$str_getc".into(), args: vec![base, i], scope }, BYTE, span);
        (id, DataTy::from_ir(BYTE))
    }

    /// A method applied to a string value (6.16.1-6.16.9).
    pub fn string_method(
        &mut self,
        lex: LexId,
        base: ExprId,
        method: &ast::Ident,
        args: &'a [Option<ast::Expr>],
        span: Span,
    ) -> (ExprId, DataTy) {
        let name = method.name.as_str();
        let (func, result, arg_kinds): (&str, Type, &[ArgKind]) = match name {
            "len" => ("$str_len", Type::INT, &[]),
            "getc" => ("$str_getc", BYTE, &[ArgKind::Int]),
            "toupper" => ("$str_toupper", Type::STRING, &[]),
            "tolower" => ("$str_tolower", Type::STRING, &[]),
            "compare" => ("$str_compare", Type::INT, &[ArgKind::Str]),
            "icompare" => ("$str_icompare", Type::INT, &[ArgKind::Str]),
            "substr" => ("$str_substr", Type::STRING, &[ArgKind::Int, ArgKind::Int]),
            "atoi" => ("$str_atoi", Type::INTEGER, &[]),
            "atohex" => ("$str_atohex", Type::INTEGER, &[]),
            "atooct" => ("$str_atooct", Type::INTEGER, &[]),
            "atobin" => ("$str_atobin", Type::INTEGER, &[]),
            "atoreal" => ("$str_atoreal", Type::REAL, &[]),
            "putc" | "itoa" | "hextoa" | "octtoa" | "bintoa" | "realtoa" => {
                self.error(
                    code::TYPE_ERROR,
                    method.span,
                    format!("string method `{name}` has no value; call it as a statement"),
                );
                return self.bad_leaf(span);
            }
            _ => {
                self.unsupported(&format!("string method `{name}`"), method.span);
                return self.bad_leaf(span);
            }
        };
        let Some(mut ir_args) = self.method_args(lex, name, arg_kinds, args, span) else {
            return self.bad_leaf(span);
        };
        ir_args.insert(0, base);
        let scope = self.scope_of(lex);
        let id = self.expr(ExprKind::SysFunc { name: func.into(), args: ir_args, scope }, result, span);
        (id, DataTy::from_ir(result))
    }

    /// The arguments of a method, checked against what it takes.
    fn method_args(
        &mut self,
        lex: LexId,
        name: &str,
        kinds: &[ArgKind],
        args: &'a [Option<ast::Expr>],
        span: Span,
    ) -> Option<Vec<ExprId>> {
        if args.len() != kinds.len() {
            let msg = format!("string method `{name}` takes {} argument(s), not {}", kinds.len(), args.len());
            self.error(code::TYPE_ERROR, span, msg);
            return None;
        }
        let mut out = Vec::new();
        for (kind, a) in kinds.iter().zip(args) {
            let Some(a) = a else {
                self.error(code::TYPE_ERROR, span, format!("string method `{name}` needs every argument"));
                return None;
            };
            let x = match kind {
                ArgKind::Int => self.emit_self(lex, a),
                ArgKind::Str => self.string_operand(lex, a),
                ArgKind::Real => self.emit_rvalue(lex, a, Type::REAL),
            };
            if *kind == ArgKind::Int && self.ty(x).kind != TypeKind::Integral {
                self.error(code::TYPE_ERROR, a.span, format!("string method `{name}` needs an integral argument"));
                return None;
            }
            out.push(x);
        }
        Some(out)
    }

    /// `s.putc(i, c)`, `s.itoa(v)`, ... as statements: `s` gets a new string.
    /// `None` when `base` is not a string (the caller reports it).
    pub fn string_method_stmt(
        &mut self,
        lex: LexId,
        whole: &'a ast::Expr,
        base: &'a ast::Expr,
        method: &ast::Ident,
        args: &'a [Option<ast::Expr>],
        span: Span,
    ) -> Option<StmtId> {
        if !self.is_string_expr(lex, base) {
            return None;
        }
        let name = method.name.as_str();
        let (func, kinds): (&str, &[ArgKind]) = match name {
            "putc" => ("$str_putc", &[ArgKind::Int, ArgKind::Int]),
            "itoa" => ("$str_itoa", &[ArgKind::Int]),
            "hextoa" => ("$str_hextoa", &[ArgKind::Int]),
            "octtoa" => ("$str_octtoa", &[ArgKind::Int]),
            "bintoa" => ("$str_bintoa", &[ArgKind::Int]),
            "realtoa" => ("$str_realtoa", &[ArgKind::Real]),
            // A method with a value called as a statement: it has no side
            // effects, so dropping the value leaves nothing to do.
            _ => {
                let _ = self.emit_self(lex, whole);
                return Some(self.stmt(StmtKind::Nop, span));
            }
        };
        let (lhs, _) = self.emit_lvalue(lex, base)?;
        let mut ir_args = self.method_args(lex, name, kinds, args, span)?;
        if name == "putc" {
            // The character is a byte (6.16.2): `"B"` or an integral value.
            ir_args[1] = self.coerce(ir_args[1], BYTE);
            let cur = self.clone_expr(lhs);
            ir_args.insert(0, cur);
        }
        let scope = self.scope_of(lex);
        let rhs = self.expr(ExprKind::SysFunc { name: func.into(), args: ir_args, scope }, Type::STRING, span);
        Some(self.stmt(StmtKind::Assign { lhs, rhs }, span))
    }

    /// True when `e` is a string-typed name or element (looked at without
    /// emitting anything twice: the leaf cache keeps what sizing made).
    fn is_string_expr(&mut self, lex: LexId, e: &'a ast::Expr) -> bool {
        self.self_ty(lex, e).kind == TypeKind::String
    }
}

/// What a method argument must be.
#[derive(Clone, Copy, PartialEq)]
enum ArgKind {
    /// An integral value, self-determined.
    Int,
    /// A string (literals and integral values are converted).
    Str,
    Real,
}

impl<'a> Elab<'a> {
    /// `s[i] = c` (6.16: writes one character like `s.putc(i, c)`), as
    /// `s = $str_putc(s, i, c)`. `None` when `lhs` is not a character of a
    /// string variable.
    pub fn string_char_assign(
        &mut self,
        lex: LexId,
        lhs: &'a ast::Expr,
        rhs: &'a ast::Expr,
        nonblocking: bool,
        span: Span,
    ) -> Option<StmtId> {
        if !self.names_string_signal(lex, lhs) {
            return None;
        }
        let (x, _) = self.leaf_dt(lex, lhs);
        let ExprKind::SysFunc { name, args, .. } = &self.d.exprs[x].kind else { return None };
        if name != "$str_getc" {
            return None;
        }
        let (s, i) = (args[0], args[1]);
        if !self.is_lvalue(s) {
            self.error(code::BAD_ASSIGN_TARGET, lhs.span, "this expression cannot be assigned to");
            return Some(self.stmt(StmtKind::Nop, span));
        }
        let c = self.emit_rvalue(lex, rhs, BYTE);
        let cur = self.clone_expr(s);
        let scope = self.scope_of(lex);
        let new =
            self.expr(ExprKind::SysFunc { name: "$str_putc".into(), args: vec![cur, i, c], scope }, Type::STRING, span);
        let kind = if nonblocking {
            StmtKind::NonBlocking { lhs: s, rhs: new, delay: None }
        } else {
            StmtKind::Assign { lhs: s, rhs: new }
        };
        Some(self.stmt(kind, span))
    }

    /// `name[...]` whose variable is a string or an array of strings.
    fn names_string_signal(&mut self, lex: LexId, e: &'a ast::Expr) -> bool {
        let ast::ExprKind::Index { .. } = &e.kind else { return false };
        let mut root = e;
        while let ast::ExprKind::Index { base, .. } = &root.kind {
            root = base;
        }
        match self.lookup_hier(lex, root) {
            Some(crate::ctx::Sym::Signal(s)) => self.sig_ty[s.index()].is_string(),
            _ => false,
        }
    }
}
