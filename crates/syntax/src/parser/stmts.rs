//! Procedural statements, blocks and timing controls.
//!
//! A statement that starts with a name is parsed as an assignment target
//! first ([`Parser::lvalue`], a postfix expression), so `a <= b` at statement
//! level is a nonblocking assignment while `<=` inside an expression is a
//! comparison; what follows the target decides between an assignment, a
//! task call (`t(a);`, `t;`) and an expression statement (`i++;`).

use super::exprs::assign_op;
use super::{error_expr, Parser};
use crate::ast::{
    AssignOp, BlockDecl, BlockKind, CaseItem, CaseKind, Delay, Edge, EventControl, EventExpr, Expr, ExprKind, ForInit,
    Ident, JoinKind, Qualifier, Stmt, StmtKind, TimingControl, VarDecl,
};
use crate::token::{Keyword, Op, TokenKind};
use wsim_diag::Span;

impl Parser<'_> {
    /// One statement (with the recursion guard).
    pub(crate) fn stmt(&mut self) -> Stmt {
        if !self.enter() {
            let span = self.span();
            self.sync_stmt();
            self.progress_or_bump(self.pos());
            return Stmt { kind: StmtKind::Null, span };
        }
        let s = self.stmt_inner();
        self.leave();
        s
    }

    fn stmt_inner(&mut self) -> Stmt {
        self.skip_attrs();
        let start = self.span();
        if self.kind() == TokenKind::Ident && self.peek_is_op(1, Op::Colon) {
            return self.labelled_stmt();
        }
        let kind = self.stmt_kind(start);
        Stmt { kind, span: self.span_from(start) }
    }

    /// Dispatch on the first token. Every arm is a call, so that this
    /// function's frame stays small: statements nest recursively and debug
    /// builds give each temporary its own stack slot.
    fn stmt_kind(&mut self, start: Span) -> StmtKind {
        match self.kind() {
            TokenKind::Op(Op::Semi) => {
                self.bump();
                StmtKind::Null
            }
            TokenKind::Keyword(kw) => self.keyword_stmt(kw, start),
            TokenKind::Op(Op::Hash) => self.delay_stmt(),
            TokenKind::Op(Op::At) => self.event_stmt(),
            TokenKind::Op(Op::Arrow) => self.trigger_stmt(),
            TokenKind::Op(Op::DArrow) => self.unsupported_stmt("nonblocking event trigger `->>`"),
            TokenKind::SystemIdent if self.text() != "$unit" && self.text() != "$" => self.system_call_stmt(),
            TokenKind::Ident
            | TokenKind::SystemIdent
            | TokenKind::Op(Op::LBrace | Op::PlusPlus | Op::MinusMinus | Op::Apostrophe | Op::LParen) => {
                self.assign_or_call()
            }
            _ => self.not_a_statement(),
        }
    }

    fn not_a_statement(&mut self) -> StmtKind {
        self.error_expected("statement");
        self.sync_stmt();
        StmtKind::Null
    }

    fn keyword_stmt(&mut self, kw: Keyword, start: Span) -> StmtKind {
        match kw {
            Keyword::Begin => self.seq_block(None, start).kind,
            Keyword::Fork => self.par_block(None, start).kind,
            Keyword::If => self.if_stmt(Qualifier::None),
            Keyword::Case | Keyword::Casez | Keyword::Casex => self.case_stmt(Qualifier::None),
            Keyword::Unique | Keyword::Unique0 | Keyword::Priority => self.qualified_stmt(kw),
            Keyword::For => self.for_stmt(),
            Keyword::While => self.while_stmt(),
            Keyword::Do => self.do_while_stmt(),
            Keyword::Repeat => self.repeat_stmt(),
            Keyword::Forever => self.forever_stmt(),
            Keyword::Foreach => self.foreach_stmt(),
            Keyword::Wait => self.wait_stmt(),
            Keyword::Disable => self.disable_stmt(),
            Keyword::Return => self.return_stmt(),
            Keyword::Break | Keyword::Continue => self.jump_stmt(kw),
            Keyword::Assign | Keyword::Deassign | Keyword::Force | Keyword::Release => self.proc_cont_stmt(kw),
            Keyword::Assert | Keyword::Assume | Keyword::Cover => self.assertion_stmt(),
            Keyword::Randcase => self.randcase_stmt(),
            Keyword::Randsequence => self.randsequence_stmt(),
            Keyword::Void | Keyword::Signed | Keyword::Unsigned | Keyword::Null | Keyword::This | Keyword::Super => {
                self.assign_or_call()
            }
            _ if self.starts_type_keyword() && self.peek_is_op(1, Op::Apostrophe) => self.assign_or_call(),
            _ => self.not_a_statement(),
        }
    }

    fn delay_stmt(&mut self) -> StmtKind {
        let control = TimingControl::Delay(self.delay());
        StmtKind::Timed { control, stmt: Box::new(self.stmt()) }
    }

    fn event_stmt(&mut self) -> StmtKind {
        let control = TimingControl::Event(self.event_control());
        StmtKind::Timed { control, stmt: Box::new(self.stmt()) }
    }

    fn trigger_stmt(&mut self) -> StmtKind {
        self.bump();
        let target = self.postfix_expr();
        self.end_of_stmt();
        StmtKind::Trigger(target)
    }

    /// `unique if`, `priority case`, ...
    fn qualified_stmt(&mut self, kw: Keyword) -> StmtKind {
        let q = match kw {
            Keyword::Unique => Qualifier::Unique,
            Keyword::Unique0 => Qualifier::Unique0,
            _ => Qualifier::Priority,
        };
        self.bump();
        match self.keyword() {
            Some(Keyword::If) => self.if_stmt(q),
            Some(Keyword::Case | Keyword::Casez | Keyword::Casex) => self.case_stmt(q),
            _ => {
                self.error_expected("`if` or `case`");
                self.sync_stmt();
                StmtKind::Null
            }
        }
    }

    fn while_stmt(&mut self) -> StmtKind {
        self.bump();
        let cond = self.paren_cond();
        StmtKind::While { cond, body: Box::new(self.stmt()) }
    }

    fn do_while_stmt(&mut self) -> StmtKind {
        self.bump();
        let body = Box::new(self.stmt());
        self.expect_kw(Keyword::While);
        let cond = self.paren_cond();
        self.end_of_stmt();
        StmtKind::DoWhile { body, cond }
    }

    fn repeat_stmt(&mut self) -> StmtKind {
        self.bump();
        let count = self.paren_cond();
        StmtKind::Repeat { count, body: Box::new(self.stmt()) }
    }

    fn forever_stmt(&mut self) -> StmtKind {
        self.bump();
        StmtKind::Forever { body: Box::new(self.stmt()) }
    }

    fn disable_stmt(&mut self) -> StmtKind {
        self.bump();
        if self.eat_kw(Keyword::Fork) {
            self.end_of_stmt();
            return StmtKind::DisableFork;
        }
        let target = self.postfix_expr();
        self.end_of_stmt();
        StmtKind::Disable(target)
    }

    fn return_stmt(&mut self) -> StmtKind {
        self.bump();
        let value = if self.at_op(Op::Semi) { None } else { Some(self.expr()) };
        self.end_of_stmt();
        StmtKind::Return(value)
    }

    /// `break;` / `continue;`.
    fn jump_stmt(&mut self, kw: Keyword) -> StmtKind {
        self.bump();
        self.end_of_stmt();
        if kw == Keyword::Break {
            StmtKind::Break
        } else {
            StmtKind::Continue
        }
    }

    fn assertion_stmt(&mut self) -> StmtKind {
        if self.at_immediate_assertion() {
            return self.immediate_assertion();
        }
        let what = if self.assertion() { "concurrent assertion" } else { "immediate assertion" };
        StmtKind::Unsupported { what: what.into() }
    }

    /// Consume a construct we do not model up to its `;`.
    fn unsupported_stmt(&mut self, what: &str) -> StmtKind {
        self.bump();
        self.skip_past_semi();
        StmtKind::Unsupported { what: what.into() }
    }

    /// `assert [final|#0] (expr) [action] [else action];`, also
    /// `assert [final|#0] (expr) [action] [else action];`, also
    /// `assert property (...) ...` / `cover sequence (...)`: consumed (the
    /// caller names it as unsupported). Returns whether it was concurrent.
    pub(crate) fn assertion(&mut self) -> bool {
        self.bump();
        let concurrent = self.at_kw(Keyword::Property) || self.at_kw(Keyword::Sequence);
        if concurrent || self.at_kw(Keyword::Final) {
            self.bump();
        } else if self.at_op(Op::Hash) {
            self.bump();
            self.bump();
        }
        if self.at_op(Op::LParen) {
            self.skip_parens();
        } else {
            self.error_expected("`(`");
        }
        if !self.at_kw(Keyword::Else) {
            let _ = self.stmt();
        }
        if self.eat_kw(Keyword::Else) {
            let _ = self.stmt();
        }
        concurrent
    }

    /// `label: stmt` (SV statement label); a label on a block names it.
    fn labelled_stmt(&mut self) -> Stmt {
        let start = self.span();
        let label = self.expect_ident("label");
        self.bump(); // :
        match self.keyword() {
            Some(Keyword::Begin) => self.seq_block(Some(label), start),
            Some(Keyword::Fork) => self.par_block(Some(label), start),
            _ => self.stmt(),
        }
    }

    /// `begin [: name] decls stmts end [: name]` (`begin` current).
    pub(crate) fn seq_block(&mut self, label: Option<Ident>, start: Span) -> Stmt {
        self.bump();
        let name = self.block_name(label);
        let (decls, stmts) = self.block_items(|p| p.at_kw(Keyword::End));
        if self.expect_kw(Keyword::End) {
            self.end_label(name.as_ref());
        }
        let kind = StmtKind::Block { kind: BlockKind::Seq, name, decls, stmts };
        Stmt { kind, span: self.span_from(start) }
    }

    fn par_block(&mut self, label: Option<Ident>, start: Span) -> Stmt {
        self.bump();
        let name = self.block_name(label);
        let is_join = |p: &Parser| p.at_kw(Keyword::Join) || p.at_kw(Keyword::JoinAny) || p.at_kw(Keyword::JoinNone);
        let (decls, stmts) = self.block_items(is_join);
        let join = match self.keyword() {
            Some(Keyword::JoinAny) => JoinKind::Any,
            Some(Keyword::JoinNone) => JoinKind::None,
            _ => JoinKind::All,
        };
        if self.expect_join() {
            self.end_label(name.as_ref());
        }
        let kind = StmtKind::Block { kind: BlockKind::Par(join), name, decls, stmts };
        Stmt { kind, span: self.span_from(start) }
    }

    fn expect_join(&mut self) -> bool {
        if self.at_kw(Keyword::Join) || self.at_kw(Keyword::JoinAny) || self.at_kw(Keyword::JoinNone) {
            self.bump();
            return true;
        }
        self.error_expected("`join`");
        false
    }

    /// `: name` after `begin`/`fork`, or the statement label before it
    /// (both given: the names must agree).
    fn block_name(&mut self, label: Option<Ident>) -> Option<Ident> {
        if !self.at_op(Op::Colon) {
            return label;
        }
        self.bump();
        let name = self.expect_ident("block name");
        if let Some(label) = &label {
            if label.name != name.name && !name.name.is_empty() {
                self.error_at(
                    wsim_diag::codes::parse::MISMATCHED_END,
                    name.span,
                    format!("block name `{}` does not match its label `{}`", name.name, label.name),
                );
            }
        }
        if name.name.is_empty() {
            label
        } else {
            Some(name)
        }
    }

    /// Declarations and statements up to (not including) the closing keyword.
    pub(crate) fn block_items(&mut self, is_end: impl Fn(&Parser) -> bool) -> (Vec<BlockDecl>, Vec<Stmt>) {
        let mut decls = Vec::new();
        let mut stmts = Vec::new();
        while !is_end(self) && !self.at_eof() {
            let before = self.pos();
            self.skip_attrs();
            if let Some(decl) = self.block_decl() {
                decls.push(decl);
            } else if self.at_block_terminator() {
                break;
            } else {
                stmts.push(self.stmt());
            }
            self.progress_or_bump(before);
        }
        (decls, stmts)
    }

    /// A keyword that can only close an enclosing construct: a block body
    /// stops there (and the caller reports the missing `end`).
    fn at_block_terminator(&self) -> bool {
        use Keyword::*;
        matches!(
            self.keyword(),
            Some(
                Endmodule
                    | Endfunction
                    | Endtask
                    | Endgenerate
                    | Endpackage
                    | Endprogram
                    | Endcase
                    | End
                    | Join
                    | JoinAny
                    | JoinNone
                    | Module
                    | Function
                    | Task
                    | Always
                    | AlwaysComb
                    | AlwaysFf
                    | AlwaysLatch
                    | Initial
            )
        )
    }

    /// A declaration in a block, function or task body, if one starts here.
    pub(crate) fn block_decl(&mut self) -> Option<BlockDecl> {
        match self.keyword() {
            Some(Keyword::Parameter | Keyword::Localparam) => Some(BlockDecl::Param(self.param_decl(false))),
            Some(Keyword::Typedef) => self.typedef().map(BlockDecl::Typedef),
            Some(Keyword::Import) => {
                let span = self.span();
                self.skip_past_semi();
                let msg = "`import` inside a block, function or task is not supported";
                self.error_at(wsim_diag::codes::parse::UNSUPPORTED, self.span_from(span), msg);
                None
            }
            _ if self.starts_block_var_decl() => Some(BlockDecl::Var(self.var_decl())),
            _ => None,
        }
    }

    /// A variable declaration in statement context: type keywords (but not a
    /// cast like `int'(x)`), qualifiers, or `type_name name`.
    fn starts_block_var_decl(&self) -> bool {
        if self.starts_type_keyword() {
            return !self.peek_is_op(1, Op::Apostrophe);
        }
        self.starts_var_decl()
    }

    /// `;` at the end of a simple statement; on anything else report and
    /// resynchronise.
    fn end_of_stmt(&mut self) {
        if !self.expect_op(Op::Semi) {
            self.sync_stmt();
        }
    }

    /// `( expr )`.
    fn paren_cond(&mut self) -> Expr {
        if !self.expect_op(Op::LParen) {
            return error_expr(self.span());
        }
        let e = self.expr();
        if !self.expect_op(Op::RParen) {
            self.skip_to_rparen();
        }
        e
    }

    /// `if (c) s [else if (c2) s2 ...] [else s3]`. An `else if` chain is
    /// parsed in a loop and folded, so long priority chains do not recurse.
    fn if_stmt(&mut self, qualifier: Qualifier) -> StmtKind {
        let mut links = Vec::new();
        let mut qualifier = qualifier;
        let mut link_start = self.span();
        let else_stmt = loop {
            self.bump(); // if
            let cond = self.paren_cond();
            let then_stmt = self.stmt();
            links.push((qualifier, cond, then_stmt, link_start));
            if !self.eat_kw(Keyword::Else) {
                break None;
            }
            // Past MAX_CHAIN links the rest nests normally (and meets the
            // nesting limit), keeping the tree's depth bounded.
            if !self.at_kw(Keyword::If) || links.len() >= super::exprs::MAX_CHAIN {
                break Some(Box::new(self.stmt()));
            }
            qualifier = Qualifier::None;
            link_start = self.span();
        };
        fold_if_chain(links, else_stmt, self.prev_span())
    }

    fn case_stmt(&mut self, qualifier: Qualifier) -> StmtKind {
        let kind = match self.keyword() {
            Some(Keyword::Casez) => CaseKind::Casez,
            Some(Keyword::Casex) => CaseKind::Casex,
            _ => CaseKind::Case,
        };
        self.bump();
        let expr = self.paren_cond();
        let inside = self.eat_kw(Keyword::Inside);
        if self.at_kw(Keyword::Matches) {
            self.bump();
            self.skip_to_end_keyword(|p| p.at_kw(Keyword::Case), |p| p.at_kw(Keyword::Endcase));
            return StmtKind::Unsupported { what: "case matches".into() };
        }
        let mut items = Vec::new();
        while !self.at_kw(Keyword::Endcase) && !self.at_eof() && !self.at_case_terminator() {
            let before = self.pos();
            items.push(self.case_item(inside));
            self.progress_or_bump(before);
        }
        self.expect_kw(Keyword::Endcase);
        StmtKind::Case { qualifier, kind, inside, expr, items }
    }

    fn at_case_terminator(&self) -> bool {
        use Keyword::*;
        matches!(self.keyword(), Some(Endmodule | Endfunction | Endtask | End | Join | JoinAny | JoinNone))
    }

    /// `a, b: stmt` or `default [:] stmt`.
    fn case_item(&mut self, inside: bool) -> CaseItem {
        let start = self.span();
        let mut exprs = Vec::new();
        if self.eat_kw(Keyword::Default) {
            self.eat_op(Op::Colon);
        } else {
            loop {
                exprs.push(if inside { self.value_range_or_expr() } else { self.expr() });
                if !self.eat_op(Op::Comma) {
                    break;
                }
            }
            self.expect_op(Op::Colon);
        }
        let body = self.stmt();
        CaseItem { exprs, body, span: self.span_from(start) }
    }

    fn for_stmt(&mut self) -> StmtKind {
        self.bump(); // for
        if !self.expect_op(Op::LParen) {
            self.sync_stmt();
            return StmtKind::Null;
        }
        let init = self.for_inits();
        self.expect_op(Op::Semi);
        let cond = if self.at_op(Op::Semi) { None } else { Some(self.expr()) };
        self.expect_op(Op::Semi);
        let mut step = Vec::new();
        while !self.at_op(Op::RParen) && !self.at_eof() {
            step.push(self.simple_assign_stmt());
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.expect_op(Op::RParen) {
            self.skip_to_rparen();
        }
        let body = Box::new(self.stmt());
        StmtKind::For { init, cond, step, body }
    }

    /// `int i = 0, j = 0` / `i = 0, j = 1` before the first `;` of a `for`.
    fn for_inits(&mut self) -> Vec<ForInit> {
        let mut inits: Vec<ForInit> = Vec::new();
        while !self.at_op(Op::Semi) && !self.at_eof() {
            let start = self.span();
            if self.starts_var_decl() {
                let mut is_var = false;
                while self.at_kw(Keyword::Var) || self.at_kw(Keyword::Automatic) || self.at_kw(Keyword::Static) {
                    is_var = true;
                    self.bump();
                }
                let ty = if is_var { self.data_type_or_implicit() } else { self.data_type() };
                let vars = vec![self.for_declarator()];
                let span = self.span_from(start);
                inits.push(ForInit::Decl(VarDecl { ty, is_const: false, lifetime: None, vars, span }));
            } else if let (Some(ForInit::Decl(decl)), TokenKind::Ident, true) =
                (inits.last_mut(), self.kind(), self.peek_is_op(1, Op::Assign))
            {
                // `int i = 0, j = 0`: `j` has the same type.
                let d = self.for_declarator();
                decl.span = decl.span.to(d.span);
                decl.vars.push(d);
            } else {
                inits.push(ForInit::Assign(self.simple_assign_stmt()));
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        inits
    }

    fn for_declarator(&mut self) -> crate::ast::Declarator {
        let start = self.span();
        let name = self.expect_ident("loop variable");
        let unpacked = self.unpacked_dims();
        let init = if self.eat_op(Op::Assign) { Some(self.expr()) } else { None };
        crate::ast::Declarator { name, unpacked, init, span: self.span_from(start) }
    }

    /// `i = e`, `i += e`, `i++`, `++i` (for-loop initialisers and steps).
    fn simple_assign_stmt(&mut self) -> Stmt {
        let start = self.span();
        let lhs = self.unary_lvalue();
        let kind = if let Some(op) = assign_op(self.kind()) {
            self.bump();
            let rhs = self.expr();
            StmtKind::Assign { lhs, op, rhs, nonblocking: false, timing: None }
        } else if matches!(lhs.kind, ExprKind::IncDec { .. }) {
            StmtKind::Expr(lhs)
        } else {
            self.error_expected("`=`");
            StmtKind::Expr(lhs)
        };
        Stmt { kind, span: self.span_from(start) }
    }

    /// A postfix expression, or `++x` / `--x`.
    fn unary_lvalue(&mut self) -> Expr {
        if self.at_op(Op::PlusPlus) || self.at_op(Op::MinusMinus) {
            let start = self.span();
            let increment = self.at_op(Op::PlusPlus);
            self.bump();
            let e = self.postfix_expr();
            let span = self.span_from(start);
            return Expr { kind: ExprKind::IncDec { increment, prefix: true, expr: Box::new(e) }, span };
        }
        self.lvalue()
    }

    /// `foreach (arr[i, j]) stmt`.
    fn foreach_stmt(&mut self) -> StmtKind {
        self.bump();
        if !self.expect_op(Op::LParen) {
            self.sync_stmt();
            return StmtKind::Null;
        }
        let start = self.span();
        let first = self.expect_ident("array name");
        let mut array = Expr { kind: ExprKind::Ident { package: None, name: first }, span: start };
        while self.at_op(Op::Dot) {
            self.bump();
            let name = self.expect_ident("member name");
            let span = array.span.to(name.span);
            array = Expr { kind: ExprKind::Member { base: Box::new(array), name }, span };
        }
        let mut vars = Vec::new();
        if self.expect_op(Op::LBracket) {
            loop {
                vars.push(self.eat_ident());
                if !self.eat_op(Op::Comma) {
                    break;
                }
            }
            self.expect_op(Op::RBracket);
        }
        if !self.expect_op(Op::RParen) {
            self.skip_to_rparen();
        }
        let body = Box::new(self.stmt());
        StmtKind::Foreach { array, vars, body }
    }

    fn wait_stmt(&mut self) -> StmtKind {
        self.bump();
        if self.eat_kw(Keyword::Fork) {
            self.end_of_stmt();
            return StmtKind::WaitFork;
        }
        let cond = self.paren_cond();
        StmtKind::Wait { cond, stmt: Box::new(self.stmt()) }
    }

    /// `$display(...);`, `$finish;`.
    fn system_call_stmt(&mut self) -> StmtKind {
        let name = self.text().to_string();
        let name_span = self.span();
        self.bump();
        let args = if self.at_op(Op::LParen) { self.call_args() } else { Vec::new() };
        self.end_of_stmt();
        StmtKind::SysCall { name, name_span, args }
    }

    /// A statement that starts with an expression: an assignment (blocking,
    /// nonblocking, compound, with intra-assignment timing), a task call or
    /// an expression statement.
    fn assign_or_call(&mut self) -> StmtKind {
        let lhs = self.unary_lvalue();
        let (op, nonblocking) =
            if self.at_op(Op::Le) { (Some(AssignOp::Assign), true) } else { (assign_op(self.kind()), false) };
        if let Some(op) = op {
            self.bump();
            let timing = self.intra_assignment_timing();
            let rhs = self.expr();
            self.end_of_stmt();
            return StmtKind::Assign { lhs, op, rhs, nonblocking, timing };
        }
        let kind = match lhs.kind {
            ExprKind::Call { name, args } => StmtKind::Call { name: *name, args },
            ExprKind::Ident { .. } | ExprKind::Member { .. } => StmtKind::Call { name: lhs, args: Vec::new() },
            ExprKind::IncDec { .. } | ExprKind::MethodCall { .. } | ExprKind::Cast { .. } | ExprKind::With { .. } => {
                StmtKind::Expr(lhs)
            }
            ExprKind::SysCall { name, args } => StmtKind::SysCall { name, name_span: lhs.span, args },
            ExprKind::Error => {
                self.sync_stmt();
                return StmtKind::Null;
            }
            _ => {
                self.error_expected("`=` or `<=`");
                self.sync_stmt();
                return StmtKind::Null;
            }
        };
        self.end_of_stmt();
        kind
    }

    /// `#d`, `@(e)`, `repeat (n) @(e)` between an assignment operator and
    /// its right-hand side.
    fn intra_assignment_timing(&mut self) -> Option<TimingControl> {
        match self.kind() {
            TokenKind::Op(Op::Hash) => Some(TimingControl::Delay(self.delay())),
            TokenKind::Op(Op::At) => Some(TimingControl::Event(self.event_control())),
            TokenKind::Keyword(Keyword::Repeat) => {
                let start = self.span();
                self.bump();
                let count = self.paren_cond();
                if !self.at_op(Op::At) {
                    self.error_expected("`@`");
                    return None;
                }
                let event = self.event_control();
                Some(TimingControl::RepeatEvent { count, event, span: self.span_from(start) })
            }
            _ => None,
        }
    }

    /// `#5`, `#1.5`, `#10ns`, `#d`, `#(a+b)`, `#(1,2,3)`, `#(1:2:3)`
    /// (`#` current).
    pub(crate) fn delay(&mut self) -> Delay {
        let start = self.span();
        self.bump(); // #
        let mut values = Vec::new();
        match self.kind() {
            TokenKind::Op(Op::LParen) => {
                self.bump();
                loop {
                    values.push(self.mintypmax_expr());
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                }
                if !self.expect_op(Op::RParen) {
                    self.skip_to_rparen();
                }
            }
            TokenKind::Number
            | TokenKind::RealNumber
            | TokenKind::TimeLiteral
            | TokenKind::Ident
            | TokenKind::BasedNumber
            | TokenKind::SystemIdent => values.push(self.delay_value()),
            _ => self.error_expected("delay value"),
        }
        Delay { values, span: self.span_from(start) }
    }

    /// `@*`, `@(*)`, `@(a or posedge b, c iff en)`, `@e`, `@u.e` (`@` current).
    pub(crate) fn event_control(&mut self) -> EventControl {
        let start = self.span();
        self.bump(); // @
        match self.kind() {
            TokenKind::Op(Op::Star) => {
                self.bump();
                return EventControl::Star(self.span_from(start));
            }
            TokenKind::Op(Op::AttrOpen) if self.peek_is_op(1, Op::RParen) => {
                self.bump();
                self.bump();
                return EventControl::Star(self.span_from(start));
            }
            TokenKind::Op(Op::LParen) if self.peek_is_op(1, Op::AttrClose) => {
                self.bump();
                self.bump();
                return EventControl::Star(self.span_from(start));
            }
            TokenKind::Op(Op::LParen) if self.peek_is_op(1, Op::Star) && self.peek_is_op(2, Op::RParen) => {
                self.bump();
                self.bump();
                self.bump();
                return EventControl::Star(self.span_from(start));
            }
            TokenKind::Op(Op::LParen) => {}
            TokenKind::Ident => {
                let e = self.hier_name();
                let span = e.span;
                let ev = EventExpr { edge: Edge::Any, expr: e, iff: None, span };
                return EventControl::List(vec![ev], self.span_from(start));
            }
            _ => {
                self.error_expected("event control");
                return EventControl::List(Vec::new(), self.span_from(start));
            }
        }
        self.bump(); // (
        let mut events = Vec::new();
        loop {
            events.push(self.event_expr());
            if !(self.eat_op(Op::Comma) || self.eat_kw(Keyword::Or)) {
                break;
            }
        }
        if !self.expect_op(Op::RParen) {
            self.skip_to_rparen();
        }
        EventControl::List(events, self.span_from(start))
    }

    /// `[posedge|negedge|edge] expr [iff expr]`.
    fn event_expr(&mut self) -> EventExpr {
        let start = self.span();
        let edge = match self.keyword() {
            Some(Keyword::Posedge) => Edge::Pos,
            Some(Keyword::Negedge) => Edge::Neg,
            Some(Keyword::Edge) => Edge::Both,
            _ => Edge::Any,
        };
        if edge != Edge::Any {
            self.bump();
        }
        let expr = self.expr();
        let iff = if self.eat_kw(Keyword::Iff) { Some(self.expr()) } else { None };
        EventExpr { edge, expr, iff, span: self.span_from(start) }
    }

    /// `a`, `a.b.c` (no selects or calls): event names after `@`.
    fn hier_name(&mut self) -> Expr {
        let start = self.span();
        let first = self.expect_ident("identifier");
        let mut e = Expr { kind: ExprKind::Ident { package: None, name: first }, span: start };
        while self.at_op(Op::Dot) && self.peek(1) == TokenKind::Ident {
            self.bump();
            let name = self.expect_ident("identifier");
            let span = e.span.to(name.span);
            e = Expr { kind: ExprKind::Member { base: Box::new(e), name }, span };
        }
        e
    }
}

/// One `if (cond) then` link of an `else if` chain and where it starts.
type IfLink = (Qualifier, Expr, Stmt, Span);

/// Nest an `else if` chain from the innermost link out; each nested `if`
/// spans from its `if` keyword to `end`.
fn fold_if_chain(mut links: Vec<IfLink>, mut else_stmt: Option<Box<Stmt>>, end: Span) -> StmtKind {
    while let Some((qualifier, cond, then_stmt, start)) = links.pop() {
        let kind = StmtKind::If { qualifier, cond, then_stmt: Box::new(then_stmt), else_stmt };
        if links.is_empty() {
            return kind;
        }
        else_stmt = Some(Box::new(Stmt { kind, span: start.to(end) }));
    }
    StmtKind::Null
}
