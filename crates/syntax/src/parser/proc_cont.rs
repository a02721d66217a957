//! Procedural continuous assignments (IEEE 1364-2005 9.3): `assign lv = e;`,
//! `deassign lv;`, `force lv = e;`, `release lv;` inside procedural code.
//! Elaboration checks the lvalue and decides what it can model.

use super::Parser;
use crate::ast::{ProcContOp, StmtKind};
use crate::token::{Keyword, Op};

impl<'a> Parser<'a> {
    /// The statement starting at the `assign`/`deassign`/`force`/`release`
    /// keyword `kw` (the current token).
    pub(crate) fn proc_cont_stmt(&mut self, kw: Keyword) -> StmtKind {
        let op = match kw {
            Keyword::Assign => ProcContOp::Assign,
            Keyword::Deassign => ProcContOp::Deassign,
            Keyword::Force => ProcContOp::Force,
            _ => ProcContOp::Release,
        };
        self.bump();
        let lhs = self.lvalue();
        let with_value = matches!(op, ProcContOp::Assign | ProcContOp::Force);
        let rhs = if with_value && self.expect_op(Op::Assign) { Some(self.expr()) } else { None };
        if with_value && rhs.is_none() {
            self.sync_stmt();
            return StmtKind::Null;
        }
        if !self.expect_op(Op::Semi) {
            self.sync_stmt();
        }
        StmtKind::ProcCont { op, lhs, rhs }
    }
}
