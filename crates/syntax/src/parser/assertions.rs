//! Immediate assertions (IEEE 1800-2017 16.3): `assert (e) [pass] [else
//! fail];`, `assume` likewise, `cover (e) [pass];`. They are simple
//! immediate assertions, so they become the `if` statement the standard
//! describes: the assertion fails when the expression is 0, X or Z (the
//! `else` branch of an `if`), and a failing `assert`/`assume` without an
//! `else` action calls `$error` (16.3: "the default ... shall call
//! `$error`"). Deferred (`#0`, `final`) and concurrent assertions are
//! reported as unsupported by the caller.

use super::Parser;
use crate::ast::{Expr, ExprKind, Qualifier, Stmt, StmtKind};
use crate::token::{Keyword, Op, TokenKind};

impl Parser<'_> {
    /// Whether the tokens at the cursor are a simple immediate assertion
    /// (`assert (`, `assume (`, `cover (`).
    pub(crate) fn at_immediate_assertion(&self) -> bool {
        self.peek(1) == TokenKind::Op(Op::LParen)
    }

    /// `assert|assume|cover (expr) action_block`, at the keyword.
    pub(crate) fn immediate_assertion(&mut self) -> StmtKind {
        let keyword_span = self.span();
        let is_cover = self.at_kw(Keyword::Cover);
        self.bump();
        self.expect_op(Op::LParen);
        let cond = self.expr();
        self.expect_op(Op::RParen);
        let pass = if self.at_kw(Keyword::Else) { None } else { Some(self.stmt()) };
        let fail = if !is_cover && self.eat_kw(Keyword::Else) { Some(self.stmt()) } else { None };
        let pass = pass.unwrap_or(Stmt { kind: StmtKind::Null, span: keyword_span });
        let else_stmt = match (is_cover, fail) {
            (true, _) => None,
            (false, Some(fail)) => Some(Box::new(fail)),
            (false, None) => Some(Box::new(default_failure(keyword_span))),
        };
        StmtKind::If { qualifier: Qualifier::None, cond, then_stmt: Box::new(pass), else_stmt }
    }
}

/// `$error("assertion failed")` at the assertion's keyword, so the message
/// names the assertion's file and line.
fn default_failure(span: wsim_diag::Span) -> Stmt {
    let message = Expr { kind: ExprKind::String("assertion failed".to_string()), span };
    Stmt { kind: StmtKind::SysCall { name: "$error".to_string(), name_span: span, args: vec![Some(message)] }, span }
}
