//! Class declarations (IEEE 1800-2017 clause 8): `class`, `virtual class`,
//! `interface class`, their items (properties, methods, prototypes,
//! parameters, typedefs, constraints, nested classes) and the class parts of
//! types (`C #(8)`).
//!
//! Constraint blocks are kept by name only: their bodies are skipped
//! (balanced braces), since wsim has no constraint solver and elaboration
//! rejects `randomize()` on a class that has one.

use super::Parser;
use crate::ast::{ClassDecl, ClassItem, ClassQuals, DataType, Ident, RandKind};
use crate::token::{Keyword, Op, TokenKind};
use wsim_diag::codes::parse as codes;

impl Parser<'_> {
    /// Whether a class declaration starts here: `class`, `virtual class`,
    /// `interface class`.
    pub(crate) fn at_class_decl(&self) -> bool {
        match self.keyword() {
            Some(Keyword::Class) => true,
            Some(Keyword::Virtual | Keyword::Interface) => self.peek(1) == TokenKind::Keyword(Keyword::Class),
            _ => false,
        }
    }

    /// `[virtual|interface] class [lifetime] Name [#(params)] [extends B
    /// [#(...)] [(args)]] [implements I, ...]; items endclass [: Name]`.
    pub(crate) fn class_decl(&mut self) -> ClassDecl {
        let start = self.span();
        let is_virtual = self.eat_kw(Keyword::Virtual);
        let is_interface = self.eat_kw(Keyword::Interface);
        self.expect_kw(Keyword::Class);
        let _ = self.eat_kw(Keyword::Automatic) || self.eat_kw(Keyword::Static);
        let name = self.expect_ident("class name");
        let params = if self.at_op(Op::Hash) { self.param_port_list() } else { Vec::new() };
        let mut extends = None;
        let mut extends_args = None;
        let mut implements = Vec::new();
        if self.eat_kw(Keyword::Extends) {
            if is_interface {
                // `interface class A extends B, C;`
                loop {
                    implements.push(self.class_type());
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                }
            } else {
                extends = Some(self.class_type());
                if self.at_op(Op::LParen) {
                    extends_args = Some(self.call_args());
                }
            }
        }
        if self.kind() == TokenKind::Ident && self.text() == "implements" {
            self.bump();
            loop {
                implements.push(self.class_type());
                if !self.eat_op(Op::Comma) {
                    break;
                }
            }
        }
        if !self.expect_op(Op::Semi) {
            self.sync_item();
        }
        let mut items = Vec::new();
        while !self.at_kw(Keyword::Endclass) && !self.at_eof() {
            let before = self.pos();
            self.class_item(&mut items);
            self.progress_or_bump(before);
        }
        if self.expect_kw(Keyword::Endclass) {
            self.end_label(Some(&name));
        }
        ClassDecl {
            name,
            is_virtual,
            is_interface,
            params,
            extends,
            extends_args,
            implements,
            items,
            span: self.span_from(start),
        }
    }

    /// A class type after `extends`/`implements`: `B`, `p::B`, `B #(8)`.
    fn class_type(&mut self) -> DataType {
        let start = self.span();
        let first = self.expect_ident("class name");
        let (package, name) = if self.at_op(Op::ColonColon) && self.peek(1) == TokenKind::Ident {
            self.bump();
            (Some(first), self.expect_ident("class name"))
        } else {
            (None, first)
        };
        if self.at_op(Op::Hash) && self.peek_is_op(1, Op::LParen) {
            let params = self.param_conns();
            return DataType::ClassSpec { package, name, params, span: self.span_from(start) };
        }
        DataType::Named { package, name, packed: Vec::new(), span: self.span_from(start) }
    }

    /// Qualifiers before a class item.
    fn class_quals(&mut self) -> ClassQuals {
        let mut q = ClassQuals::default();
        loop {
            match self.keyword() {
                Some(Keyword::Static) => q.is_static = true,
                Some(Keyword::Local) => q.is_local = true,
                Some(Keyword::Protected) => q.is_protected = true,
                Some(Keyword::Const) => q.is_const = true,
                Some(Keyword::Rand) => q.rand = Some(RandKind::Rand),
                Some(Keyword::Randc) => q.rand = Some(RandKind::Randc),
                Some(Keyword::Extern) => q.is_extern = true,
                Some(Keyword::Virtual)
                    if matches!(
                        self.peek(1),
                        TokenKind::Keyword(
                            Keyword::Function | Keyword::Task | Keyword::Static | Keyword::Local | Keyword::Protected
                        )
                    ) =>
                {
                    q.is_virtual = true
                }
                _ if self.kind() == TokenKind::Ident && self.text() == "pure" => {
                    // `pure` is not in the lexer's keyword table.
                    q.is_pure = true;
                }
                _ => return q,
            }
            self.bump();
        }
    }

    /// One class item (zero or more AST items).
    fn class_item(&mut self, out: &mut Vec<ClassItem>) {
        self.skip_attrs();
        if self.eat_op(Op::Semi) {
            return;
        }
        let start = self.span();
        if self.at_class_decl() {
            out.push(ClassItem::Class(Box::new(self.class_decl())));
            return;
        }
        let quals = self.class_quals();
        match self.keyword() {
            Some(Keyword::Function) => {
                let decl = if quals.is_pure || quals.is_extern { self.function_header() } else { self.function_decl() };
                out.push(ClassItem::Function { quals, decl });
            }
            Some(Keyword::Task) => {
                let decl = if quals.is_pure || quals.is_extern { self.task_header() } else { self.task_decl() };
                out.push(ClassItem::Task { quals, decl });
            }
            Some(Keyword::Constraint) => out.push(self.constraint_item(&quals)),
            Some(Keyword::Parameter | Keyword::Localparam) => out.push(ClassItem::Param(self.param_decl(false))),
            Some(Keyword::Typedef) => {
                if let Some(t) = self.typedef() {
                    out.push(ClassItem::Typedef(t));
                }
            }
            Some(Keyword::Covergroup) => {
                self.bump();
                self.skip_to_end_keyword(|_| false, |p| p.kind() == TokenKind::Ident && p.text() == "endgroup");
                out.push(ClassItem::Unsupported { what: "covergroup".into(), span: self.span_from(start) });
            }
            Some(Keyword::Import) => {
                self.skip_past_semi();
                out.push(ClassItem::Unsupported {
                    what: "`import` inside a class".into(),
                    span: self.span_from(start),
                });
            }
            _ if self.starts_var_decl() || self.kind() == TokenKind::Ident => {
                let mut decl = self.var_decl();
                decl.is_const |= quals.is_const;
                out.push(ClassItem::Property { quals, decl });
            }
            _ => {
                self.error_expected("class item");
                self.sync_item();
            }
        }
    }

    /// `constraint name { ... }` or the prototype `constraint name;`.
    fn constraint_item(&mut self, quals: &ClassQuals) -> ClassItem {
        let start = self.span();
        self.bump();
        let name = self.constraint_name();
        let has_body = self.at_op(Op::LBrace);
        let mut no_randc = Vec::new();
        if has_body {
            no_randc = self.constraint_body();
        } else if !self.expect_op(Op::Semi) {
            self.sync_item();
        }
        ClassItem::Constraint { name, quals: quals.clone(), has_body, no_randc, span: self.span_from(start) }
    }

    /// A constraint's name (also a word the lexer reserves elsewhere, like
    /// `small`: constraint names live in their own class scope).
    fn constraint_name(&mut self) -> Ident {
        if let TokenKind::Keyword(k) = self.kind() {
            if !self.peek_is_op(0, Op::LBrace) {
                let id = Ident { name: k.as_str().to_string(), span: self.span() };
                self.bump();
                return id;
            }
        }
        self.expect_ident("constraint name")
    }

    /// Skip a constraint block (`{` current) up to its closing brace and
    /// return the names used where `randc` variables are not allowed: in a
    /// `soft` expression, before `dist`, in `solve ... before ...`.
    fn constraint_body(&mut self) -> Vec<Ident> {
        self.bump();
        let mut depth = 0u32;
        let mut names = Vec::new();
        // Identifiers since the last `;`/`{`/`}`, and whether that
        // statement restricts them from the start (`soft`, `solve`).
        let mut stmt: Vec<Ident> = Vec::new();
        let mut restricted = false;
        while !self.at_eof() {
            match self.kind() {
                TokenKind::Op(Op::LBrace) => depth += 1,
                TokenKind::Op(Op::RBrace) if depth == 0 => {
                    self.bump();
                    break;
                }
                TokenKind::Op(Op::RBrace) => depth -= 1,
                TokenKind::Keyword(Keyword::Dist) => names.append(&mut stmt),
                TokenKind::Keyword(Keyword::Solve) => restricted = true,
                TokenKind::Ident if self.text() == "soft" => restricted = true,
                TokenKind::Ident => stmt.push(Ident { name: self.text().to_string(), span: self.span() }),
                _ => {}
            }
            if matches!(self.kind(), TokenKind::Op(Op::Semi | Op::LBrace | Op::RBrace)) {
                if restricted {
                    names.append(&mut stmt);
                }
                stmt.clear();
                restricted = false;
            }
            self.bump();
        }
        names
    }

    /// `constraint C::name { ... }` outside its class (18.5.1).
    pub(crate) fn external_constraint(&mut self) -> crate::ast::ModuleItem {
        let start = self.span();
        self.bump();
        let class = self.expect_ident("class name");
        let mut name = class.clone();
        if self.eat_op(Op::ColonColon) {
            name = self.constraint_name();
        }
        if self.at_op(Op::LBrace) {
            let _ = self.constraint_body();
        } else {
            self.skip_past_semi();
        }
        crate::ast::ModuleItem::ClassConstraint { class, name, span: self.span_from(start) }
    }

    /// A function/task name, possibly class-scoped (`C::f`, `C::new`), and
    /// `new` itself (a constructor).
    pub(crate) fn tf_scoped_name(&mut self) -> (Option<Ident>, Ident) {
        let first = self.tf_simple_name();
        if self.at_op(Op::ColonColon) {
            self.bump();
            let name = self.tf_simple_name();
            return (Some(first), name);
        }
        if self.at_op(Op::Hash) && self.peek_is_op(1, Op::LParen) {
            // `function void C#(T)::f`: a method of a parameterised class.
            let span = self.span();
            self.bump();
            self.skip_parens();
            self.error_at(codes::UNSUPPORTED, span, "an out-of-class method of a parameterised class is not supported");
            if self.eat_op(Op::ColonColon) {
                return (Some(first), self.tf_simple_name());
            }
        }
        (None, first)
    }

    fn tf_simple_name(&mut self) -> Ident {
        if self.at_kw(Keyword::New) {
            let id = Ident { name: "new".into(), span: self.span() };
            self.bump();
            return id;
        }
        self.expect_ident("function or task name")
    }
}
