//! `randsequence` (IEEE 1800-2017 18.17), desugared into ordinary
//! statements as soon as the whole statement is read.
//!
//! Each use of a production becomes a named block, expanded inline: its
//! arguments are evaluated into helper variables first (so an argument may
//! name a caller's variable that a formal shadows), then the formals are
//! declared and set, then one rule is chosen by weight
//! ([`weighted_choice`], like `randcase`) and its items run in order. A
//! code block's `return` becomes `disable` of its production's block, which
//! goes on with the next item of the caller (18.17.6), and its `break`
//! (outside a loop of its own) becomes `disable` of the whole statement.
//!
//! `rand join` runs the joined productions' items interleaved from a loop
//! over helper counters ([`Expander::join`]).
//!
//! Inline expansion cannot express recursion, so a recursive production is
//! reported (E0202), as are productions that return values and joined
//! productions with arguments; nothing is dropped silently.

use super::randcase::{binary, block, ident, if_stmt, number, uint_vars, weighted_choice};
use super::Parser;
use crate::ast::{
    BinaryOp, BlockDecl, CaseItem, CaseKind, Declarator, Expr, Ident, Qualifier, Stmt, StmtKind, TfPort, VarDecl,
};
use crate::token::{Keyword, Op, TokenKind};
use wsim_diag::codes::parse as codes;
use wsim_diag::{Code, Span};

struct Production {
    name: Ident,
    /// Declared with a data type other than `void`: it returns a value.
    returns_value: bool,
    ports: Vec<TfPort>,
    rules: Vec<Rule>,
}

struct Rule {
    prods: Vec<RsProd>,
    weight: Option<Expr>,
}

enum RsProd {
    Item(ProdItem),
    Code { decls: Vec<BlockDecl>, stmts: Vec<Stmt>, span: Span },
    If { cond: Expr, then_item: ProdItem, else_item: Option<ProdItem>, span: Span },
    Repeat { count: Expr, item: ProdItem, span: Span },
    Case { expr: Expr, arms: Vec<(Vec<Expr>, ProdItem, Span)>, span: Span },
    Join { items: Vec<ProdItem>, span: Span },
}

impl RsProd {
    /// The production items this production names.
    fn items(&self) -> Vec<&ProdItem> {
        match self {
            RsProd::Item(item) | RsProd::Repeat { item, .. } => vec![item],
            RsProd::If { then_item, else_item, .. } => std::iter::once(then_item).chain(else_item).collect(),
            RsProd::Case { arms, .. } => arms.iter().map(|(_, item, _)| item).collect(),
            RsProd::Join { items, .. } => items.iter().collect(),
            RsProd::Code { .. } => vec![],
        }
    }
}

struct ProdItem {
    name: Ident,
    args: Vec<Option<Expr>>,
    span: Span,
}

impl Parser<'_> {
    /// `randsequence ([main]) production ... endsequence`, at the keyword.
    pub(crate) fn randsequence_stmt(&mut self) -> StmtKind {
        let start = self.span();
        let label = format!("randsequence@{}", self.pos());
        self.bump();
        self.expect_op(Op::LParen);
        let main = self.eat_ident();
        self.expect_op(Op::RParen);
        let mut prods = Vec::new();
        while !self.at_endsequence() && !self.at_eof() {
            let before = self.pos();
            prods.push(self.production());
            self.progress_or_bump(before);
        }
        if self.at_endsequence() {
            self.bump();
        } else {
            self.error_expected("`endsequence`");
        }
        let span = self.span_from(start);
        let Some(main) = main.or_else(|| prods.first().map(|p| p.name.clone())) else {
            self.error_expected("a production");
            return StmtKind::Null;
        };
        let mut expander =
            Expander { prods: &prods, sequence_label: label.clone(), stack: vec![], uses: 0, errors: vec![] };
        expander.check_names();
        let body = expander.item(&ProdItem { span: main.span, name: main, args: vec![] });
        for (code, span, message) in expander.errors {
            self.error_at(code, span, message);
        }
        block(Some(&label), vec![], vec![body], span).kind
    }

    /// `endsequence` is no reserved word of its own here (the lexer reads
    /// it as an identifier), so it is matched by text.
    fn at_endsequence(&self) -> bool {
        self.kind() == TokenKind::Ident && self.text() == "endsequence"
    }

    /// `[void | type] name [(ports)] : rule { | rule } ;`
    fn production(&mut self) -> Production {
        let names_first =
            self.kind() == TokenKind::Ident && (self.peek_is_op(1, Op::Colon) || self.peek_is_op(1, Op::LParen));
        let mut returns_value = false;
        if self.eat_kw(Keyword::Void) {
        } else if !names_first && self.starts_data_type() {
            let _ = self.data_type();
            returns_value = true;
        }
        let name = self.expect_ident("production name");
        let ports = if self.at_op(Op::LParen) { self.tf_port_list() } else { vec![] };
        self.expect_op(Op::Colon);
        let mut rules = vec![self.rs_rule()];
        while self.eat_op(Op::Pipe) {
            rules.push(self.rs_rule());
        }
        self.expect_op(Op::Semi);
        Production { name, returns_value, ports, rules }
    }

    /// `prod prod ... [:= weight]`, or `rand join [(bias)] item item ...`.
    fn rs_rule(&mut self) -> Rule {
        let mut prods = Vec::new();
        if self.at_kw(Keyword::Rand) && self.peek(1) == TokenKind::Keyword(Keyword::Join) {
            let start = self.span();
            self.bump();
            self.bump();
            if self.at_op(Op::LParen) {
                self.skip_parens();
            }
            let mut items = Vec::new();
            while self.kind() == TokenKind::Ident {
                items.push(self.production_item());
            }
            prods.push(RsProd::Join { items, span: self.span_from(start) });
        } else {
            while let Some(prod) = self.rs_prod() {
                prods.push(prod);
            }
        }
        // `:=` lexes as `:` then `=`.
        let weight = if self.at_op(Op::Colon) && self.peek_is_op(1, Op::Assign) {
            self.bump();
            self.bump();
            Some(self.weight())
        } else {
            None
        };
        if self.at_op(Op::LBrace) {
            let start = self.span();
            let _ = self.code_block();
            let message = "a code block after a randsequence weight is not supported";
            self.error_at(codes::UNSUPPORTED, self.span_from(start), message);
        }
        Rule { prods, weight }
    }

    /// `integral_number | ps_identifier | (expression)`.
    fn weight(&mut self) -> Expr {
        if self.eat_op(Op::LParen) {
            let e = self.expr();
            self.expect_op(Op::RParen);
            return e;
        }
        self.primary()
    }

    /// One production of a rule; `None` at the rule's end.
    fn rs_prod(&mut self) -> Option<RsProd> {
        let start = self.span();
        let prod = match self.kind() {
            TokenKind::Ident => RsProd::Item(self.production_item()),
            TokenKind::Op(Op::LBrace) => {
                let (decls, stmts) = self.code_block();
                RsProd::Code { decls, stmts, span: self.span_from(start) }
            }
            TokenKind::Keyword(Keyword::If) => {
                self.bump();
                let cond = self.rs_paren_expr();
                let then_item = self.production_item();
                let else_item = if self.eat_kw(Keyword::Else) { Some(self.production_item()) } else { None };
                RsProd::If { cond, then_item, else_item, span: self.span_from(start) }
            }
            TokenKind::Keyword(Keyword::Repeat) => {
                self.bump();
                let count = self.rs_paren_expr();
                let item = self.production_item();
                RsProd::Repeat { count, item, span: self.span_from(start) }
            }
            TokenKind::Keyword(Keyword::Case) => self.rs_case(start),
            _ => return None,
        };
        Some(prod)
    }

    fn rs_paren_expr(&mut self) -> Expr {
        self.expect_op(Op::LParen);
        let e = self.expr();
        self.expect_op(Op::RParen);
        e
    }

    /// `case (e) label {, label} : item ; ... default [:] item ; endcase`
    fn rs_case(&mut self, start: Span) -> RsProd {
        self.bump();
        let expr = self.rs_paren_expr();
        let mut arms = Vec::new();
        while !self.at_kw(Keyword::Endcase) && !self.at_eof() {
            let before = self.pos();
            let arm_start = self.span();
            let mut labels = Vec::new();
            if self.eat_kw(Keyword::Default) {
                let _ = self.eat_op(Op::Colon);
            } else {
                labels.push(self.expr());
                while self.eat_op(Op::Comma) {
                    labels.push(self.expr());
                }
                self.expect_op(Op::Colon);
            }
            let item = self.production_item();
            self.expect_op(Op::Semi);
            arms.push((labels, item, self.span_from(arm_start)));
            self.progress_or_bump(before);
        }
        self.expect_kw(Keyword::Endcase);
        RsProd::Case { expr, arms, span: self.span_from(start) }
    }

    /// `{ declarations statements }`
    fn code_block(&mut self) -> (Vec<BlockDecl>, Vec<Stmt>) {
        self.bump();
        let items = self.block_items(|p| p.at_op(Op::RBrace));
        self.expect_op(Op::RBrace);
        items
    }

    /// `name [(args)]`
    fn production_item(&mut self) -> ProdItem {
        let start = self.span();
        let name = self.expect_ident("production name");
        let mut args = Vec::new();
        if self.eat_op(Op::LParen) {
            if !self.at_op(Op::RParen) {
                loop {
                    args.push(if self.at_op(Op::Comma) || self.at_op(Op::RParen) { None } else { Some(self.expr()) });
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                }
            }
            self.expect_op(Op::RParen);
        }
        ProdItem { name, args, span: self.span_from(start) }
    }
}

/// How a code block's `return` leaves its production: `disable` of the
/// production's block, after marking a `rand join` sequence finished.
struct Leave {
    label: String,
    /// `(pos, len)` helper variables: `pos = len` ends the sequence.
    finish: Option<(String, String)>,
}

impl Leave {
    fn block(label: &str) -> Leave {
        Leave { label: label.to_string(), finish: None }
    }

    fn stmt(&self, span: Span) -> StmtKind {
        let disable = Stmt { kind: StmtKind::Disable(ident(&self.label, span)), span };
        match &self.finish {
            None => disable.kind,
            Some((pos, len)) => {
                let done = super::randcase::assign(ident(pos, span), ident(len, span), span);
                block(None, vec![], vec![done, disable], span).kind
            }
        }
    }
}

/// Turns productions into statements; collects the errors it finds.
struct Expander<'p> {
    prods: &'p [Production],
    sequence_label: String,
    /// Productions being expanded, outermost first (recursion check).
    stack: Vec<String>,
    /// Production uses expanded so far: numbers their blocks.
    uses: usize,
    errors: Vec<(Code, Span, String)>,
}

impl Expander<'_> {
    /// Reports each problem once, however often its production is used.
    fn error(&mut self, code: Code, span: Span, message: String) -> Stmt {
        if !self.errors.iter().any(|(_, s, m)| *s == span && *m == message) {
            self.errors.push((code, span, message));
        }
        Stmt { kind: StmtKind::Null, span }
    }

    /// Every production item names a production of this statement, used
    /// or not.
    fn check_names(&mut self) {
        let prods = self.prods;
        let items = prods.iter().flat_map(|p| &p.rules).flat_map(|r| &r.prods).flat_map(RsProd::items);
        for item in items {
            if !prods.iter().any(|p| p.name.name == item.name.name) {
                let message = format!("`{}` is not a production of this randsequence", item.name.name);
                self.error(codes::NOT_ALLOWED, item.name.span, message);
            }
        }
    }

    /// One use of a production: a block holding its formals and the
    /// chosen rule.
    fn item(&mut self, item: &ProdItem) -> Stmt {
        let name = item.name.name.as_str();
        let Some(prod) = self.prods.iter().find(|p| p.name.name == name) else {
            let message = format!("`{name}` is not a production of this randsequence");
            return self.error(codes::NOT_ALLOWED, item.span, message);
        };
        if self.stack.iter().any(|n| n == name) {
            let message = format!("recursive randsequence production `{name}` is not supported");
            return self.error(codes::UNSUPPORTED, item.span, message);
        }
        if prod.returns_value {
            let message = format!("randsequence production `{name}` returns a value, which is not supported");
            return self.error(codes::UNSUPPORTED, prod.name.span, message);
        }
        self.uses += 1;
        let label = format!("{name}@{}", self.uses);
        let Some((arg_decls, mut stmts)) = self.bind_args(prod, item) else {
            return Stmt { kind: StmtKind::Null, span: item.span };
        };
        self.stack.push(name.to_string());
        let leave = Leave::block(&label);
        let rules: Vec<Stmt> = prod.rules.iter().map(|r| self.rule(r, &leave)).collect();
        self.stack.pop();
        let chosen = if prod.rules.len() == 1 && prod.rules[0].weight.is_none() {
            rules.into_iter().next().expect("one rule")
        } else {
            let weights = prod.rules.iter().map(|r| r.weight.clone().unwrap_or_else(|| number(1, item.span))).collect();
            weighted_choice(&format!("rule@{}", self.uses), weights, rules, item.span)
        };
        let formals: Vec<BlockDecl> = prod.ports.iter().map(formal_decl).collect();
        let mut inner = formals_from_args(prod, item.span);
        inner.push(chosen);
        stmts.push(block(None, formals, inner, item.span));
        block(Some(&label), arg_decls, stmts, item.span)
    }

    /// The helper variables `formal@arg` set to the actual arguments (or
    /// defaults), evaluated in the caller's scope.
    fn bind_args(&mut self, prod: &Production, item: &ProdItem) -> Option<(Vec<BlockDecl>, Vec<Stmt>)> {
        let name = &prod.name.name;
        if item.args.len() > prod.ports.len() {
            let message = format!("production `{name}` takes {} argument(s)", prod.ports.len());
            self.error(codes::NOT_ALLOWED, item.span, message);
            return None;
        }
        let mut decls = Vec::new();
        let mut stmts = Vec::new();
        for (i, port) in prod.ports.iter().enumerate() {
            if port.dir != crate::ast::Direction::Input {
                let message = format!("randsequence production `{name}`: only input arguments are supported");
                self.error(codes::UNSUPPORTED, port.span, message);
                return None;
            }
            let Some(value) = item.args.get(i).cloned().flatten().or_else(|| port.default.clone()) else {
                let message = format!("production `{name}` needs a value for `{}`", port.name.name);
                self.error(codes::NOT_ALLOWED, item.span, message);
                return None;
            };
            let temp = format!("{}@arg", port.name.name);
            decls.push(var_decl(port, &temp));
            stmts.push(super::randcase::assign(ident(&temp, item.span), value, item.span));
        }
        Some((decls, stmts))
    }

    fn rule(&mut self, rule: &Rule, leave: &Leave) -> Stmt {
        let span = rule.weight.as_ref().map(|w| w.span).unwrap_or_default();
        let stmts = rule.prods.iter().map(|p| self.prod(p, leave)).collect();
        block(None, vec![], stmts, span)
    }

    fn prod(&mut self, prod: &RsProd, leave: &Leave) -> Stmt {
        match prod {
            RsProd::Item(item) => self.item(item),
            RsProd::Code { decls, stmts, span } => {
                let mut code = block(None, decls.clone(), stmts.clone(), *span);
                self.rewrite_jumps(&mut code, false, leave);
                code
            }
            RsProd::If { cond, then_item, else_item, span } => {
                let then_stmt = self.item(then_item);
                let else_stmt = else_item.as_ref().map(|e| self.item(e));
                if_stmt(cond.clone(), then_stmt, else_stmt, *span)
            }
            RsProd::Repeat { count, item, span } => {
                let body = Box::new(self.item(item));
                Stmt { kind: StmtKind::Repeat { count: count.clone(), body }, span: *span }
            }
            RsProd::Case { expr, arms, span } => {
                let items = arms
                    .iter()
                    .map(|(labels, item, span)| CaseItem { exprs: labels.clone(), body: self.item(item), span: *span })
                    .collect();
                let kind = StmtKind::Case {
                    qualifier: Qualifier::None,
                    kind: CaseKind::Case,
                    inside: false,
                    expr: expr.clone(),
                    items,
                };
                Stmt { kind, span: *span }
            }
            RsProd::Join { items, span } => self.join(items, *span),
        }
    }

    /// `rand join a b ...` (18.17.5): each production chooses its rule, then
    /// the items of the chosen rules run interleaved, each sequence in its
    /// own order; every step picks one unfinished sequence uniformly. The
    /// bias expression only shifts those odds by length; wsim does not
    /// evaluate it, so every interleaving stays possible.
    fn join(&mut self, items: &[ProdItem], span: Span) -> Stmt {
        let mut joined = Vec::new();
        for item in items {
            let name = item.name.name.as_str();
            let Some(prod) = self.prods.iter().find(|p| p.name.name == name) else {
                return Stmt { kind: StmtKind::Null, span };
            };
            if self.stack.iter().any(|n| n == name) || prod.returns_value {
                return self.item(item);
            }
            if !prod.ports.is_empty() || !item.args.is_empty() {
                let message = format!("`rand join` of production `{name}`, which takes arguments, is not supported");
                return self.error(codes::UNSUPPORTED, item.span, message);
            }
            joined.push(prod);
        }
        self.uses += 1;
        let id = self.uses;
        let var = |what: &str, i: usize| format!("{what}@{id}.{i}");
        let mut names = vec![format!("left@{id}"), format!("pick@{id}")];
        let mut stmts = Vec::new();
        let mut steps = Vec::new();
        for (i, prod) in joined.iter().enumerate() {
            names.extend([var("sel", i), var("pos", i), var("len", i)]);
            stmts.push(self.choose_rule(prod, &var("sel", i), &format!("rule@{id}.{i}"), span));
            let lens = prod.rules.iter().map(|r| number(r.prods.len() as u32, span)).collect();
            stmts.push(case_assign(&var("sel", i), &var("len", i), lens, span));
            stmts.push(super::randcase::assign(ident(&var("pos", i), span), number(0, span), span));
            self.stack.push(prod.name.name.clone());
            steps.push(self.join_step(prod, i, id, span));
            self.stack.pop();
        }
        let unfinished = |i: usize| binary(BinaryOp::Lt, ident(&var("pos", i), span), ident(&var("len", i), span));
        let count = (0..joined.len()).map(unfinished).reduce(|a, b| binary(BinaryOp::Add, a, b));
        let any = (0..joined.len()).map(unfinished).reduce(|a, b| binary(BinaryOp::LogOr, a, b));
        let left = format!("left@{id}");
        let pick = format!("pick@{id}");
        let mut body =
            vec![super::randcase::assign(ident(&left, span), count.unwrap_or_else(|| number(0, span)), span)];
        let random = Expr { kind: crate::ast::ExprKind::SysCall { name: "$urandom".into(), args: vec![] }, span };
        body.push(super::randcase::assign(ident(&pick, span), binary(BinaryOp::Mod, random, ident(&left, span)), span));
        // The pick-th unfinished sequence takes one step: `pick` counts
        // down past the unfinished ones (and wraps, so one step only).
        for (i, step) in steps.into_iter().enumerate() {
            let is_picked = binary(BinaryOp::Eq, ident(&pick, span), number(0, span));
            let count_down = super::randcase::assign(
                ident(&pick, span),
                binary(BinaryOp::Sub, ident(&pick, span), number(1, span)),
                span,
            );
            let inner = block(None, vec![], vec![if_stmt(is_picked, step, None, span), count_down], span);
            body.push(if_stmt(unfinished(i), inner, None, span));
        }
        let cond = any.unwrap_or_else(|| number(0, span));
        stmts.push(Stmt { kind: StmtKind::While { cond, body: Box::new(block(None, vec![], body, span)) }, span });
        block(Some(&format!("join@{id}")), vec![uint_vars(&names, span)], stmts, span)
    }

    /// `sel = r` for the rule chosen by weight.
    fn choose_rule(&mut self, prod: &Production, sel: &str, label: &str, span: Span) -> Stmt {
        let arms: Vec<Stmt> = (0..prod.rules.len())
            .map(|r| super::randcase::assign(ident(sel, span), number(r as u32, span), span))
            .collect();
        let weights = prod.rules.iter().map(|r| r.weight.clone().unwrap_or_else(|| number(1, span))).collect();
        weighted_choice(label, weights, arms, span)
    }

    /// The item at `pos` of the chosen rule of the `i`-th joined sequence,
    /// then `pos + 1`; its `return` finishes the sequence.
    fn join_step(&mut self, prod: &Production, i: usize, id: usize, span: Span) -> Stmt {
        let (sel, pos, len) = (format!("sel@{id}.{i}"), format!("pos@{id}.{i}"), format!("len@{id}.{i}"));
        let label = format!("{}@{id}.{i}", prod.name.name);
        let leave = Leave { label: label.clone(), finish: Some((pos.clone(), len)) };
        let mut rule_arms = Vec::new();
        for (r, rule) in prod.rules.iter().enumerate() {
            let item_arms = rule
                .prods
                .iter()
                .enumerate()
                .map(|(m, p)| CaseItem { exprs: vec![number(m as u32, span)], body: self.prod(p, &leave), span })
                .collect();
            let by_pos = case_stmt(ident(&pos, span), item_arms, span);
            rule_arms.push(CaseItem { exprs: vec![number(r as u32, span)], body: by_pos, span });
        }
        let advance =
            super::randcase::assign(ident(&pos, span), binary(BinaryOp::Add, ident(&pos, span), number(1, span)), span);
        let step = block(Some(&label), vec![], vec![case_stmt(ident(&sel, span), rule_arms, span)], span);
        block(None, vec![], vec![step, advance], span)
    }

    /// `return` leaves the production (`disable label`); `break` outside a
    /// loop of the code block leaves the whole randsequence.
    fn rewrite_jumps(&mut self, stmt: &mut Stmt, in_loop: bool, leave: &Leave) {
        let span = stmt.span;
        match &mut stmt.kind {
            StmtKind::Return(value) => {
                if value.is_some() {
                    let message = "a randsequence code block's `return` cannot return a value".to_string();
                    self.errors.push((codes::NOT_ALLOWED, span, message));
                }
                stmt.kind = leave.stmt(span);
            }
            StmtKind::Break if !in_loop => stmt.kind = StmtKind::Disable(ident(&self.sequence_label, span)),
            StmtKind::Block { stmts, .. } => stmts.iter_mut().for_each(|s| self.rewrite_jumps(s, in_loop, leave)),
            StmtKind::If { then_stmt, else_stmt, .. } => {
                self.rewrite_jumps(then_stmt, in_loop, leave);
                if let Some(e) = else_stmt {
                    self.rewrite_jumps(e, in_loop, leave);
                }
            }
            StmtKind::Case { items, .. } => {
                items.iter_mut().for_each(|i| self.rewrite_jumps(&mut i.body, in_loop, leave))
            }
            StmtKind::For { body, .. }
            | StmtKind::While { body, .. }
            | StmtKind::DoWhile { body, .. }
            | StmtKind::Repeat { body, .. }
            | StmtKind::Forever { body }
            | StmtKind::Foreach { body, .. } => self.rewrite_jumps(body, true, leave),
            StmtKind::Timed { stmt: inner, .. } | StmtKind::Wait { stmt: inner, .. } => {
                self.rewrite_jumps(inner, in_loop, leave)
            }
            _ => {}
        }
    }
}

fn case_stmt(expr: Expr, items: Vec<CaseItem>, span: Span) -> Stmt {
    Stmt { kind: StmtKind::Case { qualifier: Qualifier::None, kind: CaseKind::Case, inside: false, expr, items }, span }
}

/// `case (sel) 0: target = values[0]; 1: ... endcase`
fn case_assign(sel: &str, target: &str, values: Vec<Expr>, span: Span) -> Stmt {
    let items = values
        .into_iter()
        .enumerate()
        .map(|(k, v)| CaseItem {
            exprs: vec![number(k as u32, span)],
            body: super::randcase::assign(ident(target, span), v, span),
            span,
        })
        .collect();
    case_stmt(ident(sel, span), items, span)
}

/// `formal = formal@arg;` for every formal, inside the formals' block.
fn formals_from_args(prod: &Production, span: Span) -> Vec<Stmt> {
    prod.ports
        .iter()
        .map(|p| super::randcase::assign(ident(&p.name.name, span), ident(&format!("{}@arg", p.name.name), span), span))
        .collect()
}

fn formal_decl(port: &TfPort) -> BlockDecl {
    var_decl(port, &port.name.name)
}

/// A variable of the formal's type named `name`.
fn var_decl(port: &TfPort, name: &str) -> BlockDecl {
    let var = Declarator {
        name: Ident { name: name.to_string(), span: port.name.span },
        unpacked: port.unpacked.clone(),
        init: None,
        span: port.span,
    };
    BlockDecl::Var(VarDecl { ty: port.ty.clone(), is_const: false, lifetime: None, vars: vec![var], span: port.span })
}
