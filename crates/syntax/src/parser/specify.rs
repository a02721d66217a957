//! Specify blocks (IEEE 1364-2005 clause 14): `specparam` declarations,
//! module path declarations (simple, full, edge-sensitive, state-dependent
//! and `ifnone` paths with 1 to 12 delays) and timing checks.
//!
//! Path terminals are parsed as postfix expressions (a name with optional
//! selects), so the polarity operators that follow them (`+=>` lexes as
//! `+=` `>`, `-*>` as `-` `*>`) are never mistaken for binary operators.
//! Timing checks are kept by name only: their arguments (`&&&` conditions,
//! `edge[01, x1]` descriptors, empty notifier slots) are skipped as one
//! balanced group, since wsim does not check timing (docs/specify.md).

use super::Parser;
use crate::ast::{Edge, Expr, ModuleItem, ModulePath, PathCondition, SpecifyBlock, TimingCheck};
use crate::token::{Keyword, Op, TokenKind};

/// Pulse-style and cancelled-event declarations (14.6.4): accepted and
/// recorded like timing checks (wsim keeps the default on-event style).
const PULSE_STYLE: [&str; 4] = ["pulsestyle_onevent", "pulsestyle_ondetect", "showcancelled", "noshowcancelled"];

impl<'t> Parser<'t> {
    /// `specify ... endspecify` (at `specify`). Specparams become
    /// `ModuleItem::Param`s before the `ModuleItem::Specify` node.
    pub(crate) fn specify_block(&mut self, out: &mut Vec<ModuleItem>) {
        let start = self.span();
        self.bump();
        let mut block = SpecifyBlock { paths: vec![], timing_checks: vec![], span: start };
        loop {
            let before = self.pos();
            match self.kind() {
                TokenKind::Eof => {
                    self.expect_kw(Keyword::Endspecify);
                    break;
                }
                TokenKind::Keyword(Keyword::Endspecify) => {
                    self.bump();
                    break;
                }
                TokenKind::Keyword(Keyword::Specparam) => out.push(ModuleItem::Param(self.param_decl(true))),
                TokenKind::SystemIdent => block.timing_checks.push(self.timing_check()),
                TokenKind::Ident if PULSE_STYLE.contains(&self.text()) => {
                    block.timing_checks.push(TimingCheck { name: self.text().to_string(), span: self.span() });
                    self.skip_past_semi();
                }
                TokenKind::Op(Op::Semi) => self.bump(),
                _ => match self.module_path() {
                    Some(p) => block.paths.push(p),
                    None => self.skip_past_semi(),
                },
            }
            self.progress_or_bump(before);
        }
        block.span = self.span_from(start);
        out.push(ModuleItem::Specify(block));
    }

    /// `$setup(...);` and the other timing checks: the name is kept, the
    /// arguments are skipped.
    fn timing_check(&mut self) -> TimingCheck {
        let start = self.span();
        let name = self.text().to_string();
        self.bump();
        if self.at_op(Op::LParen) {
            self.skip_parens();
        } else {
            self.error_expected("`(` after a timing check name");
        }
        self.expect_op(Op::Semi);
        TimingCheck { name, span: self.span_from(start) }
    }

    /// One module path declaration; `None` after a reported syntax error.
    fn module_path(&mut self) -> Option<ModulePath> {
        let start = self.span();
        let condition = self.path_condition()?;
        if !self.expect_op(Op::LParen) {
            return None;
        }
        let edge = self.path_edge();
        let sources = self.path_terminals()?;
        let full = self.path_connection()?;
        let (destinations, data_source) = if self.eat_op(Op::LParen) {
            // Edge-sensitive: `(dst [+|-]: data)` or `(dst : data)`.
            let dsts = self.path_terminals()?;
            if !(self.eat_op(Op::PlusColon) || self.eat_op(Op::MinusColon) || self.eat_op(Op::Colon)) {
                self.error_expected("`:`, `+:` or `-:` before the data source of an edge-sensitive path");
                return None;
            }
            let data = self.expr();
            self.expect_op(Op::RParen).then_some(())?;
            (dsts, Some(data))
        } else {
            (self.path_terminals()?, None)
        };
        self.expect_op(Op::RParen).then_some(())?;
        self.expect_op(Op::Assign).then_some(())?;
        let delays = self.path_delays();
        self.expect_op(Op::Semi);
        Some(ModulePath {
            condition,
            edge,
            sources,
            full,
            destinations,
            data_source,
            delays,
            span: self.span_from(start),
        })
    }

    fn path_condition(&mut self) -> Option<PathCondition> {
        if self.eat_kw(Keyword::If) {
            self.expect_op(Op::LParen).then_some(())?;
            let cond = self.expr();
            self.expect_op(Op::RParen).then_some(())?;
            return Some(PathCondition::If(cond));
        }
        if self.kind() == TokenKind::Ident && self.text() == "ifnone" {
            self.bump();
            return Some(PathCondition::IfNone);
        }
        Some(PathCondition::Always)
    }

    fn path_edge(&mut self) -> Edge {
        if self.eat_kw(Keyword::Posedge) {
            Edge::Pos
        } else if self.eat_kw(Keyword::Negedge) {
            Edge::Neg
        } else if self.eat_kw(Keyword::Edge) {
            Edge::Both
        } else {
            Edge::Any
        }
    }

    /// `a, b[1], c[3:0]`
    fn path_terminals(&mut self) -> Option<Vec<Expr>> {
        let mut out = vec![self.path_terminal()?];
        while self.eat_op(Op::Comma) {
            out.push(self.path_terminal()?);
        }
        Some(out)
    }

    fn path_terminal(&mut self) -> Option<Expr> {
        if self.kind() != TokenKind::Ident {
            self.error_expected("a port name in a module path");
            return None;
        }
        Some(self.postfix_expr())
    }

    /// The polarity and connection operator: `=>`, `*>`, `+=>`, `-=>`,
    /// `+*>`, `-*>` (polarity does not change simulation, 14.2.6).
    /// Returns whether the connection is full (`*>`).
    fn path_connection(&mut self) -> Option<bool> {
        let full = match self.kind() {
            TokenKind::Op(Op::FatArrow) => false,
            TokenKind::Op(Op::StarGt) => true,
            TokenKind::Op(Op::PlusAssign | Op::MinusAssign) if self.peek_is_op(1, Op::Gt) => {
                self.bump();
                false
            }
            TokenKind::Op(Op::Plus | Op::Minus) if self.peek_is_op(1, Op::StarGt) => {
                self.bump();
                true
            }
            _ => {
                self.error_expected("`=>` or `*>` in a module path");
                return None;
            }
        };
        self.bump();
        Some(full)
    }

    /// `= d`, `= (d)`, `= (rise, fall[, z])`, 6 or 12 values; each value
    /// may be `min:typ:max`.
    fn path_delays(&mut self) -> Vec<Expr> {
        if !self.eat_op(Op::LParen) {
            return vec![self.mintypmax_expr()];
        }
        let mut out = vec![self.mintypmax_expr()];
        while self.eat_op(Op::Comma) {
            out.push(self.mintypmax_expr());
        }
        self.expect_op(Op::RParen);
        out
    }
}
