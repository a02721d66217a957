//! `randcase` (IEEE 1800-2017 18.16), desugared into the statements the
//! standard describes: every weight is evaluated once, in order, as a 32-bit
//! unsigned value; one arm is taken with probability weight / sum, chosen by
//! `$urandom`; when every weight is zero no arm is taken. [`weighted_choice`]
//! is shared with `randsequence`, whose rules are chosen the same way.
//!
//! The helper variables live in a named block whose name holds `@`, which no
//! identifier in the source can spell, so they never clash with the user's.

use super::Parser;
use crate::ast::{
    AssignOp, Base, BinaryOp, BlockDecl, BlockKind, DataType, Declarator, Expr, ExprKind, Ident, IntAtom, NumberLit,
    Qualifier, Stmt, StmtKind, VarDecl,
};
use crate::token::{Keyword, Op};
use wsim_diag::Span;

impl Parser<'_> {
    /// `randcase weight : stmt ... endcase`, at `randcase`.
    pub(crate) fn randcase_stmt(&mut self) -> StmtKind {
        let start = self.span();
        // The token index names the helper block uniquely.
        let label = format!("randcase@{}", self.pos());
        self.bump();
        let mut weights = Vec::new();
        let mut arms = Vec::new();
        while !self.at_kw(Keyword::Endcase) && !self.at_eof() {
            let before = self.pos();
            weights.push(self.expr());
            self.expect_op(Op::Colon);
            arms.push(self.stmt());
            self.progress_or_bump(before);
        }
        self.expect_kw(Keyword::Endcase);
        if arms.is_empty() {
            self.error_expected("a `weight : statement` item");
        }
        weighted_choice(&label, weights, arms, self.span_from(start)).kind
    }
}

/// One of `arms`, chosen with the probability of its weight (each weight an
/// expression evaluated here, in order), inside a block named `label`.
pub(crate) fn weighted_choice(label: &str, weights: Vec<Expr>, arms: Vec<Stmt>, span: Span) -> Stmt {
    let weight_name = |i: usize| format!("w@{i}");
    let mut names: Vec<String> = (0..weights.len()).map(weight_name).collect();
    names.extend(["total@".to_string(), "pick@".to_string()]);
    let decl = uint_vars(&names, span);
    let mut stmts: Vec<Stmt> = Vec::new();
    for (i, weight) in weights.into_iter().enumerate() {
        stmts.push(assign(ident(&weight_name(i), span), weight, span));
    }
    let sum = (0..names.len() - 2).map(|i| ident(&weight_name(i), span)).reduce(|a, b| binary(BinaryOp::Add, a, b));
    stmts.push(assign(ident("total@", span), sum.unwrap_or_else(|| number(0, span)), span));
    let random = Expr { kind: ExprKind::SysCall { name: "$urandom".into(), args: vec![] }, span };
    let pick = assign(ident("pick@", span), binary(BinaryOp::Mod, random, ident("total@", span)), span);
    // `pick < w0` takes arm 0, `pick < w0 + w1` arm 1, ...
    let mut chain: Option<Stmt> = None;
    for (i, arm) in arms.into_iter().enumerate().rev() {
        let bound = (0..=i).map(|k| ident(&weight_name(k), span)).reduce(|a, b| binary(BinaryOp::Add, a, b));
        let cond = binary(BinaryOp::Lt, ident("pick@", span), bound.unwrap_or_else(|| number(0, span)));
        chain = Some(if_stmt(cond, arm, chain, span));
    }
    let mut chosen = vec![pick];
    chosen.extend(chain);
    let nonzero = binary(BinaryOp::Ne, ident("total@", span), number(0, span));
    stmts.push(if_stmt(nonzero, block(None, vec![], chosen, span), None, span));
    block(Some(label), vec![decl], stmts, span)
}

/// `int unsigned a, b, ...;` without initial values.
pub(crate) fn uint_vars(names: &[String], span: Span) -> BlockDecl {
    let vars = names
        .iter()
        .map(|n| Declarator { name: Ident { name: n.clone(), span }, unpacked: vec![], init: None, span })
        .collect();
    let ty = DataType::Atom { atom: IntAtom::Int, signed: Some(false), span };
    BlockDecl::Var(VarDecl { ty, is_const: false, lifetime: None, vars, span })
}

pub(crate) fn block(name: Option<&str>, decls: Vec<BlockDecl>, stmts: Vec<Stmt>, span: Span) -> Stmt {
    let name = name.map(|n| Ident { name: n.to_string(), span });
    Stmt { kind: StmtKind::Block { kind: BlockKind::Seq, name, decls, stmts }, span }
}

pub(crate) fn ident(name: &str, span: Span) -> Expr {
    Expr { kind: ExprKind::Ident { package: None, name: Ident { name: name.to_string(), span } }, span }
}

pub(crate) fn number(value: u32, span: Span) -> Expr {
    let lit = NumberLit { size: Some(32), signed: false, base: Some(Base::Decimal), digits: value.to_string() };
    Expr { kind: ExprKind::Number(lit), span }
}

pub(crate) fn binary(op: BinaryOp, lhs: Expr, rhs: Expr) -> Expr {
    let span = lhs.span.to(rhs.span);
    Expr { kind: ExprKind::Binary { op, lhs: Box::new(lhs), rhs: Box::new(rhs) }, span }
}

pub(crate) fn assign(lhs: Expr, rhs: Expr, span: Span) -> Stmt {
    let kind = StmtKind::Assign { lhs, op: AssignOp::Assign, rhs, nonblocking: false, timing: None };
    Stmt { kind, span }
}

pub(crate) fn if_stmt(cond: Expr, then_stmt: Stmt, else_stmt: Option<Stmt>, span: Span) -> Stmt {
    let kind = StmtKind::If {
        qualifier: Qualifier::None,
        cond,
        then_stmt: Box::new(then_stmt),
        else_stmt: else_stmt.map(Box::new),
    };
    Stmt { kind, span }
}
