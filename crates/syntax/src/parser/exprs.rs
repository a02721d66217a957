//! Expressions: a Pratt parser over IEEE 1800-2017 Table 11-2, plus
//! primaries (literals, names, calls, casts, concatenations, patterns).
//!
//! Binding powers, loosest first: `->`/`<->` (right), `?:` (right), `||`,
//! `&&`, `|`, `^ ~^`, `&`, equality, relational + `inside`, shifts, `+ -`,
//! `* / %`, `**` (left-associative per 1800-2017), then unary operators,
//! which bind tighter than `**` (`-a ** b` is `(-a) ** b`), then postfix
//! selects, member access and calls.
//!
//! `=` and `<=` as assignments are handled by the statement parser, which
//! parses the target with [`Parser::lvalue`] so `<=` never reaches the
//! relational operator there.

use super::{error_expr, Parser};
use crate::ast::{
    AssignOp, Base, BinaryOp, CastType, DataType, Expr, ExprKind, Ident, NumberLit, RangeKind, StreamSlice, UnaryOp,
};
use crate::timescale::time_unit_exponent;
use crate::token::{Keyword, Op, TokenKind};
use wsim_diag::codes::parse as codes;
use wsim_diag::Span;

/// Binding power of `?:`.
const COND_BP: u8 = 4;
/// Most arms of one `a ? b : c ? d : ...` chain (and links of one
/// `else if` chain): the tree stays shallow enough for recursive consumers
/// (elaboration, `Drop`) even in debug builds.
pub(crate) const MAX_CHAIN: usize = 1024;
/// Binding power of the relational level (where `inside` sits).
const REL_BP: u8 = 18;

/// Left binding power, right binding power and operator of a binary token.
fn binary_op(kind: TokenKind) -> Option<(u8, u8, BinaryOp)> {
    use BinaryOp as B;
    let tok = match kind {
        TokenKind::Op(op) => op,
        _ => return None,
    };
    let (bp, op) = match tok {
        Op::Arrow => return Some((2, 2, B::LogImplies)),
        Op::LogEquiv => return Some((2, 2, B::LogEquiv)),
        Op::PipePipe => (6, B::LogOr),
        Op::AmpAmp => (8, B::LogAnd),
        Op::Pipe => (10, B::BitOr),
        Op::Caret => (12, B::BitXor),
        Op::TildeCaret => (12, B::BitXnor),
        Op::Amp => (14, B::BitAnd),
        Op::Eq => (16, B::Eq),
        Op::Neq => (16, B::Ne),
        Op::CaseEq => (16, B::CaseEq),
        Op::CaseNeq => (16, B::CaseNe),
        Op::WildEq => (16, B::WildEq),
        Op::WildNeq => (16, B::WildNe),
        Op::Lt => (REL_BP, B::Lt),
        Op::Le => (REL_BP, B::Le),
        Op::Gt => (REL_BP, B::Gt),
        Op::Ge => (REL_BP, B::Ge),
        Op::Shl => (20, B::Shl),
        Op::Shr => (20, B::Shr),
        Op::AShl => (20, B::AShl),
        Op::AShr => (20, B::AShr),
        Op::Plus => (22, B::Add),
        Op::Minus => (22, B::Sub),
        Op::Star => (24, B::Mul),
        Op::Slash => (24, B::Div),
        Op::Percent => (24, B::Mod),
        Op::Power => (26, B::Pow),
        _ => return None,
    };
    Some((bp, bp + 1, op))
}

fn unary_op(kind: TokenKind) -> Option<UnaryOp> {
    use UnaryOp as U;
    Some(match kind {
        TokenKind::Op(Op::Plus) => U::Plus,
        TokenKind::Op(Op::Minus) => U::Minus,
        TokenKind::Op(Op::Bang) => U::LogNot,
        TokenKind::Op(Op::Tilde) => U::BitNot,
        TokenKind::Op(Op::Amp) => U::RedAnd,
        TokenKind::Op(Op::TildeAmp) => U::RedNand,
        TokenKind::Op(Op::Pipe) => U::RedOr,
        TokenKind::Op(Op::TildePipe) => U::RedNor,
        TokenKind::Op(Op::Caret) => U::RedXor,
        TokenKind::Op(Op::TildeCaret) => U::RedXnor,
        _ => return None,
    })
}

/// Assignment operator of a token (`=`, `+=`, ...).
pub(crate) fn assign_op(kind: TokenKind) -> Option<AssignOp> {
    use AssignOp as A;
    Some(match kind {
        TokenKind::Op(Op::Assign) => A::Assign,
        TokenKind::Op(Op::PlusAssign) => A::Add,
        TokenKind::Op(Op::MinusAssign) => A::Sub,
        TokenKind::Op(Op::StarAssign) => A::Mul,
        TokenKind::Op(Op::SlashAssign) => A::Div,
        TokenKind::Op(Op::PercentAssign) => A::Mod,
        TokenKind::Op(Op::AndAssign) => A::And,
        TokenKind::Op(Op::OrAssign) => A::Or,
        TokenKind::Op(Op::XorAssign) => A::Xor,
        TokenKind::Op(Op::ShlAssign) => A::Shl,
        TokenKind::Op(Op::ShrAssign) => A::Shr,
        TokenKind::Op(Op::AShlAssign) => A::AShl,
        TokenKind::Op(Op::AShrAssign) => A::AShr,
        _ => return None,
    })
}

/// Methods that a `x.m(...)` call names on a built-in type (enums, strings,
/// arrays, queues, events); other `a.b(...)` calls are hierarchical calls.
fn is_builtin_method(name: &str) -> bool {
    matches!(
        name,
        "name"
            | "next"
            | "prev"
            | "first"
            | "last"
            | "num"
            | "size"
            | "len"
            | "delete"
            | "exists"
            | "insert"
            | "push_back"
            | "push_front"
            | "pop_back"
            | "pop_front"
            | "sum"
            | "product"
            | "and"
            | "or"
            | "xor"
            | "min"
            | "max"
            | "unique"
            | "reverse"
            | "sort"
            | "rsort"
            | "shuffle"
            | "unique_index"
            | "find"
            | "find_index"
            | "find_first"
            | "find_first_index"
            | "find_last"
            | "find_last_index"
            | "getc"
            | "putc"
            | "toupper"
            | "tolower"
            | "compare"
            | "icompare"
            | "substr"
            | "atoi"
            | "atohex"
            | "atooct"
            | "atobin"
            | "atoreal"
            | "itoa"
            | "hextoa"
            | "octtoa"
            | "bintoa"
            | "realtoa"
            | "triggered"
            | "randomize"
    )
}

impl Parser<'_> {
    /// A full expression (no assignment operators).
    pub(crate) fn expr(&mut self) -> Expr {
        self.expr_bp(0)
    }

    /// `min:typ:max` or a plain expression (delays, parenthesised operands).
    pub(crate) fn mintypmax_expr(&mut self) -> Expr {
        let first = self.expr();
        if !self.at_op(Op::Colon) {
            return first;
        }
        self.bump();
        let typ = self.expr();
        self.expect_op(Op::Colon);
        let max = self.expr();
        let span = first.span.to(max.span);
        Expr { kind: ExprKind::MinTypMax(Box::new(first), Box::new(typ), Box::new(max)), span }
    }

    fn expr_bp(&mut self, min_bp: u8) -> Expr {
        if !self.enter() {
            let span = self.span();
            self.bump();
            return error_expr(span);
        }
        let mut lhs = self.unary_expr();
        loop {
            let kind = self.kind();
            if kind == TokenKind::Op(Op::Question) {
                if COND_BP < min_bp {
                    break;
                }
                lhs = self.conditional_chain(lhs);
                continue;
            }
            if kind == TokenKind::Keyword(Keyword::Inside) {
                if REL_BP < min_bp {
                    break;
                }
                lhs = self.inside_expr(lhs);
                continue;
            }
            let Some((lbp, rbp, op)) = binary_op(kind) else {
                break;
            };
            if lbp < min_bp {
                break;
            }
            self.bump();
            self.skip_attrs();
            let rhs = self.expr_bp(rbp);
            lhs = binary(op, lhs, rhs);
        }
        self.leave();
        lhs
    }

    /// `c1 ? t1 : c2 ? t2 : ... : e` (at the first `?`). The else-chain is
    /// collected in a loop and folded right-associatively, so generated
    /// code with hundreds of arms does not recurse once per arm.
    fn conditional_chain(&mut self, first_cond: Expr) -> Expr {
        let mut arms = Vec::new();
        let mut cond = first_cond;
        let last_else = loop {
            if arms.len() == MAX_CHAIN {
                // Keep the tree shallow enough for recursive consumers:
                // report, then parse and drop the remaining arms.
                self.error_expected(&format!("at most {MAX_CHAIN} `?:` arms in one chain"));
                while self.eat_op(Op::Question) {
                    let _ = self.expr_bp(0);
                    self.expect_op(Op::Colon);
                    let _ = self.expr_bp(COND_BP + 1);
                }
                break error_expr(self.prev_span());
            }
            self.bump(); // ?
            self.skip_attrs(); // `c ? (* attr *) t : e` (1364-2005 A.8.3)
            let then_expr = self.expr_bp(0);
            self.expect_op(Op::Colon);
            let operand = self.expr_bp(COND_BP + 1);
            arms.push((cond, then_expr));
            if !self.at_op(Op::Question) {
                break operand;
            }
            cond = operand;
        };
        let mut acc = last_else;
        while let Some((cond, then_expr)) = arms.pop() {
            let span = cond.span.to(acc.span);
            let kind =
                ExprKind::Cond { cond: Box::new(cond), then_expr: Box::new(then_expr), else_expr: Box::new(acc) };
            acc = Expr { kind, span };
        }
        acc
    }

    /// `lhs inside {...}` (at `inside`).
    fn inside_expr(&mut self, lhs: Expr) -> Expr {
        self.bump();
        let set = self.inside_set();
        let span = self.span_from(lhs.span);
        Expr { kind: ExprKind::Inside { expr: Box::new(lhs), set }, span }
    }

    /// `{a, [b:c], d}` after `inside`.
    fn inside_set(&mut self) -> Vec<Expr> {
        let mut set = Vec::new();
        if !self.expect_op(Op::LBrace) {
            return set;
        }
        loop {
            set.push(self.value_range_or_expr());
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.expect_op(Op::RBrace);
        set
    }

    /// `[lo:hi]` (a value range in `inside` sets and `case inside` labels)
    /// or an expression.
    pub(crate) fn value_range_or_expr(&mut self) -> Expr {
        if !self.at_op(Op::LBracket) {
            return self.expr();
        }
        let start = self.span();
        self.bump();
        let lo = self.expr();
        self.expect_op(Op::Colon);
        let hi = self.expr();
        self.expect_op(Op::RBracket);
        Expr { kind: ExprKind::ValueRange { lo: Box::new(lo), hi: Box::new(hi) }, span: self.span_from(start) }
    }

    fn unary_expr(&mut self) -> Expr {
        let start = self.span();
        if let Some(op) = unary_op(self.kind()) {
            let tilde = self.at_op(Op::Tilde);
            self.bump();
            self.skip_attrs();
            if tilde {
                self.reject_split_reduction(start);
            }
            let operand = self.unary_operand();
            let span = start.to(operand.span);
            return Expr { kind: ExprKind::Unary { op, expr: Box::new(operand) }, span };
        }
        if self.at_op(Op::PlusPlus) || self.at_op(Op::MinusMinus) {
            let increment = self.at_op(Op::PlusPlus);
            self.bump();
            let operand = self.unary_operand();
            let span = start.to(operand.span);
            return Expr { kind: ExprKind::IncDec { increment, prefix: true, expr: Box::new(operand) }, span };
        }
        self.postfix_expr()
    }

    /// `~ |x`, `~ &x`, `~ ^x`: the operand of a unary operator is a primary
    /// (IEEE 1364-2005 A.8.3, `unary_operator primary`), so a reduction
    /// cannot follow `~` unparenthesised. Written with a space, it is almost
    /// always a mistyped `~|` / `~&` / `~^`; the error names both fixes.
    /// Parsing goes on as if it were `~(|x)`.
    fn reject_split_reduction(&mut self, tilde: Span) {
        let reduction = match self.kind() {
            TokenKind::Op(Op::Pipe) => "|",
            TokenKind::Op(Op::Amp) => "&",
            TokenKind::Op(Op::Caret) => "^",
            _ => return,
        };
        let span = tilde.to(self.span());
        let msg = format!(
            "`~` followed by `{reduction}` is not an expression: the operand of a unary operator must be a \
             primary; write `~{reduction}` (reduction) or `~({reduction}...)`"
        );
        self.error_at(codes::EXPECTED, span, msg);
    }

    /// The operand of a unary operator, with the recursion guard.
    fn unary_operand(&mut self) -> Expr {
        if !self.enter() {
            let span = self.span();
            self.bump();
            return error_expr(span);
        }
        let e = self.unary_expr();
        self.leave();
        e
    }

    /// A primary followed by selects, member accesses, calls, casts and
    /// postfix `++`/`--`. Also the parser for assignment targets.
    pub(crate) fn postfix_expr(&mut self) -> Expr {
        let mut e = self.primary();
        loop {
            e = match self.kind() {
                TokenKind::Op(Op::LBracket) => self.select(e),
                TokenKind::Op(Op::Dot) => self.member(e),
                TokenKind::Op(Op::LParen) if is_callable(&e) => self.call(e),
                TokenKind::Keyword(Keyword::With) if is_randomize_call(&e) => self.inline_constraint(e),
                TokenKind::Op(Op::AttrOpen) if is_callable(&e) => {
                    // `f (* attr *) (a, b)`: attributes on a call.
                    self.skip_attrs();
                    if !self.at_op(Op::LParen) {
                        return e;
                    }
                    e
                }
                TokenKind::Op(Op::Apostrophe) if self.peek_is_op(1, Op::LParen) => self.postfix_cast(e),
                TokenKind::Op(Op::Apostrophe)
                    if self.peek_is_op(1, Op::LBrace) && matches!(e.kind, ExprKind::Ident { .. }) =>
                {
                    self.postfix_typed_pattern(e)
                }
                TokenKind::Op(Op::PlusPlus | Op::MinusMinus) if is_callable(&e) || is_select(&e) => {
                    self.postfix_incdec(e)
                }
                _ => return e,
            };
        }
    }

    /// `T'(x)` / `W'(x)` / `(a+b)'(x)` after the type or size expression.
    fn postfix_cast(&mut self, e: Expr) -> Expr {
        let start = e.span;
        let ty = match e.kind {
            ExprKind::Ident { package, name } => {
                CastType::Type(DataType::Named { package, name, packed: Vec::new(), span: start })
            }
            kind => CastType::Size(Expr { kind, span: start }),
        };
        self.cast_operand(ty, start)
    }

    /// `T'{...}` after the type name `e` (an identifier).
    fn postfix_typed_pattern(&mut self, e: Expr) -> Expr {
        let start = e.span;
        let ty = match e.kind {
            ExprKind::Ident { package, name } => {
                CastType::Type(DataType::Named { package, name, packed: Vec::new(), span: start })
            }
            kind => CastType::Size(Expr { kind, span: start }),
        };
        self.typed_pattern(ty, start)
    }

    /// `randomize() with { ... }` (18.7): reported (no constraint solver);
    /// the call is kept so parsing goes on.
    fn inline_constraint(&mut self, e: Expr) -> Expr {
        let start = self.span();
        self.bump();
        if self.at_op(Op::LParen) {
            self.skip_parens();
        }
        if self.eat_op(Op::LBrace) {
            self.skip_to_close(Op::LBrace, Op::RBrace);
        }
        let span = self.span_from(start);
        self.error_at(codes::UNSUPPORTED, span, "inline constraints (`randomize() with`) are not supported");
        e
    }

    /// `e++` / `e--`.
    fn postfix_incdec(&mut self, e: Expr) -> Expr {
        let increment = self.at_op(Op::PlusPlus);
        self.bump();
        let span = self.span_from(e.span);
        Expr { kind: ExprKind::IncDec { increment, prefix: false, expr: Box::new(e) }, span }
    }

    /// An assignment target: a postfix expression (so `<=` after it is left
    /// for the statement parser).
    pub(crate) fn lvalue(&mut self) -> Expr {
        self.postfix_expr()
    }

    /// `[i]`, `[m:l]`, `[b+:w]`, `[b-:w]` after `base`.
    fn select(&mut self, base: Expr) -> Expr {
        self.bump();
        let left = self.expr();
        let kind = match self.kind() {
            TokenKind::Op(Op::Colon) => Some(RangeKind::Const),
            TokenKind::Op(Op::PlusColon) => Some(RangeKind::PlusUp),
            TokenKind::Op(Op::MinusColon) => Some(RangeKind::MinusDown),
            _ => None,
        };
        let start = base.span;
        let kind = match kind {
            Some(k) => {
                self.bump();
                let right = self.expr();
                ExprKind::Range { base: Box::new(base), kind: k, left: Box::new(left), right: Box::new(right) }
            }
            None => ExprKind::Index { base: Box::new(base), index: Box::new(left) },
        };
        self.expect_op(Op::RBracket);
        Expr { kind, span: self.span_from(start) }
    }

    /// `.name`, `.name(args)` after `base`.
    fn member(&mut self, base: Expr) -> Expr {
        self.bump();
        let name = self.member_name();
        if self.at_op(Op::LParen) && is_builtin_method(&name.name) {
            let args = self.call_args();
            let span = self.span_from(base.span);
            let call = Expr { kind: ExprKind::MethodCall { base: Box::new(base), method: name, args }, span };
            return self.maybe_with(call);
        }
        let span = base.span.to(name.span);
        let with_ok = is_builtin_method(&name.name) || name.name.starts_with("find");
        let e = Expr { kind: ExprKind::Member { base: Box::new(base), name }, span };
        if with_ok {
            return self.maybe_with(e);
        }
        e
    }

    /// An array method call followed by `with (...)`.
    fn maybe_with(&mut self, call: Expr) -> Expr {
        if self.kind() == TokenKind::Keyword(Keyword::With) && self.peek_is_op(1, Op::LParen) {
            return self.with_clause(call);
        }
        call
    }

    /// The name after `.`: an identifier, or a keyword used as a method name
    /// (`q.and()`, `a.or()`, `x.unique()`, `obj.randomize()`).
    fn member_name(&mut self) -> Ident {
        if let TokenKind::Keyword(
            k @ (Keyword::And | Keyword::Or | Keyword::Xor | Keyword::Unique | Keyword::Randomize | Keyword::New),
        ) = self.kind()
        {
            let id = Ident { name: k.as_str().to_string(), span: self.span() };
            self.bump();
            return id;
        }
        self.expect_ident("member name")
    }

    fn call(&mut self, name: Expr) -> Expr {
        let args = self.call_args();
        let span = self.span_from(name.span);
        Expr { kind: ExprKind::Call { name: Box::new(name), args }, span }
    }

    /// `( [expr] {, [expr]} )`; empty positions are `None`.
    pub(crate) fn call_args(&mut self) -> Vec<Option<Expr>> {
        let mut args = Vec::new();
        self.bump(); // (
        if self.eat_op(Op::RParen) {
            return args;
        }
        loop {
            if self.at_op(Op::Comma) || self.at_op(Op::RParen) {
                args.push(None);
            } else if self.at_op(Op::Dot) && self.peek(1) == TokenKind::Ident {
                args.push(Some(self.named_arg()));
            } else {
                args.push(Some(self.expr()));
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.expect_op(Op::RParen) {
            self.skip_to_rparen();
        }
        args
    }

    /// `.name(expr)` / `.name()` in a call's argument list.
    fn named_arg(&mut self) -> Expr {
        let start = self.span();
        self.bump(); // .
        let name = self.expect_ident("argument name");
        let mut value = None;
        if self.expect_op(Op::LParen) {
            if !self.at_op(Op::RParen) {
                value = Some(Box::new(self.expr()));
            }
            if !self.expect_op(Op::RParen) {
                self.skip_to_rparen();
            }
        }
        Expr { kind: ExprKind::NamedArg { name, value }, span: self.span_from(start) }
    }

    /// Skip a balanced `[ ... ]` group starting at the current `[`.
    fn skip_to_close_bracket(&mut self) {
        self.bump();
        self.skip_to_close(Op::LBracket, Op::RBracket);
    }

    /// Recovery inside a parenthesised list: skip to and past the `)`.
    pub(crate) fn skip_to_rparen(&mut self) {
        let mut depth = 0u32;
        loop {
            match self.kind() {
                TokenKind::Eof | TokenKind::Op(Op::Semi) => return,
                TokenKind::Keyword(k) if super::is_stmt_boundary(k) || super::is_item_boundary(k) => return,
                TokenKind::Op(Op::LParen) => depth += 1,
                TokenKind::Op(Op::RParen) => {
                    if depth == 0 {
                        self.bump();
                        return;
                    }
                    depth -= 1;
                }
                _ => {}
            }
            self.bump();
        }
    }

    /// The single value after `#` without parentheses: a number, real, time
    /// literal or (package-scoped) name; never a call, so `and #d (o, a)`
    /// keeps its terminal list.
    pub(crate) fn delay_value(&mut self) -> Expr {
        match self.kind() {
            TokenKind::Number if !self.based_number_adjacent() => {
                // `#1 'h5`: the delay is `1`, not part of a sized literal.
                let span = self.span();
                let digits: String = self.text().chars().filter(|&c| c != '_').collect();
                self.bump();
                let lit = NumberLit { size: None, signed: true, base: None, digits };
                Expr { kind: ExprKind::Number(lit), span }
            }
            TokenKind::Number => self.number(),
            TokenKind::Ident => self.scoped_ident(),
            TokenKind::SystemIdent => {
                let start = self.span();
                let name = self.text().to_string();
                self.bump();
                Expr { kind: ExprKind::SysCall { name, args: Vec::new() }, span: start }
            }
            _ => self.primary(),
        }
    }

    /// Whether the current `Number` is directly followed (no space) by a
    /// `BasedNumber`, as in `8'hff`.
    fn based_number_adjacent(&self) -> bool {
        self.peek(1) == TokenKind::BasedNumber
            && self.toks.get(self.pos() + 1).is_some_and(|next| next.span.start == self.span().end)
    }

    /// `'( expr )` after a cast type; the apostrophe is current.
    fn cast_operand(&mut self, ty: CastType, start: Span) -> Expr {
        self.bump(); // '
        self.bump(); // (
        let expr = self.expr();
        self.expect_op(Op::RParen);
        Expr { kind: ExprKind::Cast { ty: Box::new(ty), expr: Box::new(expr) }, span: self.span_from(start) }
    }

    /// A primary expression. Only the common and recursive cases are
    /// handled here; the rest is in [`Self::literal`] and
    /// [`Self::keyword_primary`], keeping this frame small (parentheses
    /// recurse through it).
    pub(crate) fn primary(&mut self) -> Expr {
        let start = self.span();
        match self.kind() {
            TokenKind::Number => self.number(),
            TokenKind::BasedNumber | TokenKind::UnbasedUnsized | TokenKind::RealNumber | TokenKind::StringLit => {
                self.literal(start)
            }
            TokenKind::TimeLiteral => self.time_literal(),
            TokenKind::Ident => self.scoped_ident(),
            TokenKind::SystemIdent => self.system_primary(),
            TokenKind::Op(Op::LParen) => self.paren_expr(),
            TokenKind::Op(Op::LBrace) => self.concat(),
            TokenKind::Op(Op::Apostrophe) if self.peek_is_op(1, Op::LBrace) => self.assign_pattern(),
            TokenKind::Keyword(_) => self.keyword_primary(start),
            _ => {
                self.error_expected("expression");
                error_expr(start)
            }
        }
    }

    /// `null`, casts to keyword types (`int'(x)`, `signed'(x)`), `new`...
    fn keyword_primary(&mut self, start: Span) -> Expr {
        match self.kind() {
            TokenKind::Keyword(Keyword::Null) => {
                self.bump();
                Expr { kind: ExprKind::Null, span: start }
            }
            TokenKind::Keyword(Keyword::Signed | Keyword::Unsigned) if self.peek_is_op(1, Op::Apostrophe) => {
                let ty = if self.at_kw(Keyword::Signed) { CastType::Signed } else { CastType::Unsigned };
                self.bump();
                self.cast_after_type(ty, start)
            }
            TokenKind::Keyword(Keyword::Void) if self.peek_is_op(1, Op::Apostrophe) => {
                self.bump();
                self.cast_after_type(CastType::Type(DataType::Void { span: start }), start)
            }
            TokenKind::Keyword(Keyword::Const) if self.peek_is_op(1, Op::Apostrophe) => {
                // `const'(x)` only changes constness: the operand itself.
                self.bump();
                if self.peek_is_op(1, Op::LParen) {
                    self.bump();
                    return self.paren_expr();
                }
                self.error_expected("`(`");
                error_expr(start)
            }
            _ if self.starts_type_keyword() => {
                let ty = self.data_type();
                if self.at_op(Op::Apostrophe) {
                    return self.cast_after_type(CastType::Type(ty), start);
                }
                let span = self.span_from(start);
                let msg = "a data type as an expression (e.g. `$bits(int)`) is not supported";
                self.error_at(codes::UNSUPPORTED, span, msg);
                error_expr(span)
            }
            TokenKind::Keyword(Keyword::New) if self.peek_is_op(1, Op::LBracket) => self.new_array(start),
            TokenKind::Keyword(Keyword::New) if !self.peek_is_op(1, Op::LBracket) => self.new_expr(start),
            TokenKind::Keyword(Keyword::New) => {
                // `new[n]`: dynamic arrays.
                self.bump();
                if self.at_op(Op::LBracket) {
                    self.skip_to_close_bracket();
                }
                if self.at_op(Op::LParen) {
                    self.skip_parens();
                }
                let span = self.span_from(start);
                self.error_at(codes::UNSUPPORTED, span, "`new` (class objects, dynamic arrays) is not supported");
                error_expr(span)
            }
            TokenKind::Keyword(Keyword::Tagged) => self.tagged_expr(start),
            TokenKind::Keyword(k @ (Keyword::This | Keyword::Super)) => {
                // Reserved words: as identifiers they cannot collide with a
                // user name (see `ast::ClassDecl`).
                self.bump();
                Expr {
                    kind: ExprKind::Ident { package: None, name: Ident { name: k.as_str().into(), span: start } },
                    span: start,
                }
            }
            _ => {
                self.error_expected("expression");
                error_expr(start)
            }
        }
    }

    /// `new[size]` / `new[size](init)`: a dynamic array (1800-2017 7.5.1).
    fn new_array(&mut self, start: Span) -> Expr {
        self.bump(); // new
        self.bump(); // [
        let size = self.expr();
        self.expect_op(Op::RBracket);
        let init = if self.eat_op(Op::LParen) {
            let e = self.expr();
            if !self.expect_op(Op::RParen) {
                self.skip_to_rparen();
            }
            Some(Box::new(e))
        } else {
            None
        };
        Expr { kind: ExprKind::NewArray { size: Box::new(size), init }, span: self.span_from(start) }
    }

    /// `with (cond)` after an array method call (1800-2017 7.12).
    fn with_clause(&mut self, call: Expr) -> Expr {
        self.bump(); // with
        self.bump(); // (
        let cond = self.expr();
        if !self.expect_op(Op::RParen) {
            self.skip_to_rparen();
        }
        let span = self.span_from(call.span);
        Expr { kind: ExprKind::With { call: Box::new(call), cond: Box::new(cond) }, span }
    }

    /// `tagged Member [primary]` (1800-2017 11.9).
    fn tagged_expr(&mut self, start: Span) -> Expr {
        self.bump();
        let member = self.expect_ident("union member name");
        let starts_value = matches!(
            self.kind(),
            TokenKind::Number
                | TokenKind::BasedNumber
                | TokenKind::UnbasedUnsized
                | TokenKind::RealNumber
                | TokenKind::StringLit
                | TokenKind::Ident
                | TokenKind::Op(Op::LParen | Op::LBrace)
        ) || (self.at_op(Op::Apostrophe) && self.peek_is_op(1, Op::LBrace))
            || self.at_kw(Keyword::Tagged);
        let value = starts_value.then(|| Box::new(self.primary()));
        Expr { kind: ExprKind::Tagged { member, value }, span: self.span_from(start) }
    }

    /// Based, unbased-unsized, real and string literals.
    fn literal(&mut self, start: Span) -> Expr {
        match self.kind() {
            TokenKind::BasedNumber => {
                let text = self.text();
                self.bump();
                let kind = self.based_number(None, text, start);
                Expr { kind, span: start }
            }
            TokenKind::UnbasedUnsized => {
                let c = self.text().chars().next().unwrap_or('0').to_ascii_lowercase();
                self.bump();
                Expr { kind: ExprKind::UnbasedUnsized(c), span: start }
            }
            TokenKind::RealNumber => {
                let value = self.real_value(self.text(), start);
                self.bump();
                Expr { kind: ExprKind::Real(value), span: start }
            }
            TokenKind::StringLit => {
                let s = unescape_string(self.text());
                self.bump();
                Expr { kind: ExprKind::String(s), span: start }
            }
            _ => {
                self.error_expected("literal");
                error_expr(start)
            }
        }
    }

    /// `'(expr)` after a cast type that has been consumed.
    fn cast_after_type(&mut self, ty: CastType, start: Span) -> Expr {
        if self.peek_is_op(1, Op::LBrace) {
            return self.typed_pattern(ty, start);
        }
        if !self.peek_is_op(1, Op::LParen) {
            self.bump();
            self.error_expected("`(`");
            return error_expr(start);
        }
        self.cast_operand(ty, start)
    }

    /// `T'{...}` (apostrophe current): the pattern as the operand of a
    /// cast to `T`, which gives it its type.
    fn typed_pattern(&mut self, ty: CastType, start: Span) -> Expr {
        let pattern = self.assign_pattern();
        let span = self.span_from(start);
        Expr { kind: ExprKind::Cast { ty: Box::new(ty), expr: Box::new(pattern) }, span }
    }

    /// `new`, `new(args)`, `new src` (`new` current; `new[n]` is not this).
    fn new_expr(&mut self, start: Span) -> Expr {
        self.bump();
        if self.at_op(Op::LParen) {
            let args = self.call_args();
            return Expr { kind: ExprKind::New { class: None, args }, span: self.span_from(start) };
        }
        if self.kind() == TokenKind::Ident || self.at_kw(Keyword::This) {
            let src = self.postfix_expr();
            return Expr { kind: ExprKind::NewCopy(Box::new(src)), span: self.span_from(start) };
        }
        Expr { kind: ExprKind::New { class: None, args: Vec::new() }, span: start }
    }

    /// `C::new[(args)]` / `C#(..)::new` (the class type parsed): a typed
    /// constructor call (8.8).
    fn typed_new(&mut self, class: DataType, start: Span) -> Expr {
        self.bump(); // new
        let args = if self.at_op(Op::LParen) { self.call_args() } else { Vec::new() };
        Expr { kind: ExprKind::New { class: Some(Box::new(class)), args }, span: self.span_from(start) }
    }

    /// `a`, `pkg::a`.
    fn scoped_ident(&mut self) -> Expr {
        let first = self.expect_ident("identifier");
        if self.at_op(Op::ColonColon) && self.peek(1) == TokenKind::Keyword(Keyword::New) {
            self.bump();
            let span = first.span;
            let class = DataType::Named { package: None, name: first, packed: Vec::new(), span };
            return self.typed_new(class, span);
        }
        if self.at_op(Op::ColonColon) && self.peek(1) == TokenKind::Ident {
            self.bump();
            let name = self.expect_ident("identifier");
            let span = first.span.to(name.span);
            return Expr { kind: ExprKind::Ident { package: Some(first), name }, span };
        }
        if self.at_op(Op::Hash) && self.peek_is_op(1, Op::LParen) {
            // `cls#(T)::member` / `cls#(T)::new`: parameterised class scope.
            let params = self.param_conns();
            let span = self.span_from(first.span);
            let class = DataType::ClassSpec { package: None, name: first, params, span };
            if !self.expect_op(Op::ColonColon) {
                return error_expr(span);
            }
            if self.at_kw(Keyword::New) {
                return self.typed_new(class, span);
            }
            let name = self.expect_ident("class member");
            let span = self.span_from(span);
            return Expr { kind: ExprKind::ClassScoped { class: Box::new(class), name }, span };
        }
        let span = first.span;
        Expr { kind: ExprKind::Ident { package: None, name: first }, span }
    }

    /// `$time`, `$clog2(x)`, `$unit::x`, `$`.
    fn system_primary(&mut self) -> Expr {
        let start = self.span();
        let name = self.text();
        self.bump();
        if name == "$" {
            return Expr { kind: ExprKind::Dollar, span: start };
        }
        if name == "$unit" && self.at_op(Op::ColonColon) {
            self.bump();
            let package = Ident { name: name.to_string(), span: start };
            let id = self.expect_ident("identifier");
            let span = start.to(id.span);
            return Expr { kind: ExprKind::Ident { package: Some(package), name: id }, span };
        }
        let args = if self.at_op(Op::LParen) { self.call_args() } else { Vec::new() };
        Expr { kind: ExprKind::SysCall { name: name.to_string(), args }, span: self.span_from(start) }
    }

    /// `(expr)`, `(min:typ:max)`, and a size cast `(W)'(x)` after it.
    fn paren_expr(&mut self) -> Expr {
        let start = self.span();
        self.bump();
        let mut inner = self.mintypmax_expr();
        // `(a = b)`, `(a += b)`: an assignment used as an expression
        // (1800-2017 11.3.6) must be parenthesized, so it is parsed here.
        if let Some(op) = assign_op(self.kind()) {
            self.bump();
            let rhs = self.expr();
            let span = inner.span.to(rhs.span);
            inner = Expr { kind: ExprKind::AssignExpr { op, lhs: Box::new(inner), rhs: Box::new(rhs) }, span };
        }
        if !self.expect_op(Op::RParen) {
            self.skip_to_rparen();
        }
        let span = self.span_from(start);
        if self.at_op(Op::Apostrophe) && self.peek_is_op(1, Op::LParen) {
            return self.cast_operand(CastType::Size(inner), start);
        }
        // Keep the operator tree; widen the span to the parentheses.
        Expr { kind: inner.kind, span }
    }

    /// `{a, b}`, `{n{a, b}}`; `{}` is an error.
    fn concat(&mut self) -> Expr {
        let start = self.span();
        self.bump();
        if self.eat_op(Op::RBrace) {
            // `{}`: the empty queue (7.10).
            return Expr { kind: ExprKind::Concat(Vec::new()), span: self.span_from(start) };
        }
        if self.at_op(Op::Shl) || self.at_op(Op::Shr) {
            return self.stream_concat(start);
        }
        let first = self.expr();
        if self.at_op(Op::LBrace) {
            // Replication: `{count{exprs}}`.
            self.bump();
            let exprs = self.expr_list_until(Op::RBrace);
            self.expect_op(Op::RBrace);
            self.expect_op(Op::RBrace);
            let span = self.span_from(start);
            return Expr { kind: ExprKind::Replicate { count: Box::new(first), exprs }, span };
        }
        let mut items = vec![first];
        while self.eat_op(Op::Comma) {
            items.push(self.expr());
        }
        if !self.expect_op(Op::RBrace) {
            self.skip_braces_from_inside();
        }
        Expr { kind: ExprKind::Concat(items), span: self.span_from(start) }
    }

    /// `{<< [slice] {items}}` / `{>> [slice] {items}}` after the first `{`
    /// (1800-2017 11.4.14); `with [...]` array ranges are not supported.
    fn stream_concat(&mut self, start: Span) -> Expr {
        let right_to_left = self.at_op(Op::Shl);
        self.bump();
        let slice = if self.at_op(Op::LBrace) {
            None
        } else if self.starts_type_keyword() {
            Some(Box::new(StreamSlice::Type(self.data_type())))
        } else {
            Some(Box::new(StreamSlice::Size(self.expr())))
        };
        if !self.expect_op(Op::LBrace) {
            self.skip_braces_from_inside();
            return error_expr(self.span_from(start));
        }
        let items = self.expr_list_until(Op::RBrace);
        if self.at_kw(Keyword::With) {
            self.error_at(
                codes::UNSUPPORTED,
                self.span(),
                "streaming with an array range (`with [...]`) is not supported",
            );
            self.skip_braces_from_inside();
            self.skip_braces_from_inside();
            return error_expr(self.span_from(start));
        }
        self.expect_op(Op::RBrace);
        if !self.expect_op(Op::RBrace) {
            self.skip_braces_from_inside();
        }
        Expr { kind: ExprKind::Stream { right_to_left, slice, items }, span: self.span_from(start) }
    }

    /// Skip to and past the `}` closing the brace we are inside.
    fn skip_braces_from_inside(&mut self) {
        let mut depth = 0u32;
        loop {
            match self.kind() {
                TokenKind::Eof | TokenKind::Op(Op::Semi) => return,
                TokenKind::Op(Op::LBrace) => depth += 1,
                TokenKind::Op(Op::RBrace) => {
                    self.bump();
                    if depth == 0 {
                        return;
                    }
                    depth -= 1;
                    continue;
                }
                _ => {}
            }
            self.bump();
        }
    }

    /// Comma-separated expressions up to (not including) `close`.
    fn expr_list_until(&mut self, close: Op) -> Vec<Expr> {
        let mut v = Vec::new();
        if self.at_op(close) {
            self.error_expected("expression");
            return v;
        }
        loop {
            v.push(self.expr());
            if !self.eat_op(Op::Comma) {
                return v;
            }
        }
    }

    /// `'{a, b}`, `'{default: 0}`, `'{x: 1, int: 2}`, `'{n{v}}`.
    fn assign_pattern(&mut self) -> Expr {
        let start = self.span();
        self.bump(); // '
        self.bump(); // {
        let mut items = Vec::new();
        if self.eat_op(Op::RBrace) {
            return Expr { kind: ExprKind::AssignPattern(items), span: self.span_from(start) };
        }
        loop {
            if self.at_kw(Keyword::Default) {
                self.bump();
                self.expect_op(Op::Colon);
                let value = self.expr();
                let key = Expr {
                    kind: ExprKind::Ident { package: None, name: Ident { name: "default".into(), span: start } },
                    span: start,
                };
                items.push((Some(key), value));
            } else if self.starts_type_keyword() {
                let key_span = self.span();
                let _ = self.data_type();
                self.error_at(codes::UNSUPPORTED, key_span, "type keys in assignment patterns are not supported");
                self.expect_op(Op::Colon);
                let value = self.expr();
                items.push((Some(error_expr(key_span)), value));
            } else {
                let first = self.expr();
                if self.at_op(Op::LBrace) {
                    self.bump();
                    let exprs = self.expr_list_until(Op::RBrace);
                    self.expect_op(Op::RBrace);
                    let span = self.span_from(first.span);
                    items.push((None, Expr { kind: ExprKind::Replicate { count: Box::new(first), exprs }, span }));
                } else if self.eat_op(Op::Colon) {
                    let value = self.expr();
                    items.push((Some(first), value));
                } else {
                    items.push((None, first));
                }
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.expect_op(Op::RBrace) {
            self.skip_braces_from_inside();
        }
        Expr { kind: ExprKind::AssignPattern(items), span: self.span_from(start) }
    }

    /// A decimal `Number`, joined with a following `BasedNumber` into a
    /// sized literal, or followed by `'(` for a size cast.
    fn number(&mut self) -> Expr {
        let start = self.span();
        let text = self.text();
        self.bump();
        if self.kind() == TokenKind::BasedNumber {
            let based = self.text();
            let based_span = self.span();
            self.bump();
            let span = start.to(based_span);
            let size = match text.replace('_', "").parse::<u32>() {
                Ok(0) | Err(_) => {
                    self.error_at(
                        codes::BAD_NUMBER,
                        start,
                        format!("literal size `{text}` must be between 1 and 4294967295"),
                    );
                    None
                }
                Ok(n) => Some(n),
            };
            let kind = self.based_number(size, based, span);
            return Expr { kind, span };
        }
        let digits: String = text.chars().filter(|&c| c != '_').collect();
        let lit = NumberLit { size: None, signed: true, base: None, digits };
        let e = Expr { kind: ExprKind::Number(lit), span: start };
        if self.at_op(Op::Apostrophe) && self.peek_is_op(1, Op::LParen) {
            return self.cast_operand(CastType::Size(e), start);
        }
        e
    }

    /// `'hff`, `'sb1010`, `'d5` with an optional size.
    fn based_number(&mut self, size: Option<u32>, text: &str, span: Span) -> ExprKind {
        match parse_based(text) {
            Some((signed, base, digits)) => ExprKind::Number(NumberLit { size, signed, base: Some(base), digits }),
            None => {
                self.error_at(codes::BAD_NUMBER, span, format!("malformed based literal `{text}`"));
                ExprKind::Error
            }
        }
    }

    fn real_value(&mut self, text: &str, span: Span) -> f64 {
        let clean: String = text.chars().filter(|&c| c != '_').collect();
        match clean.parse::<f64>() {
            Ok(v) => v,
            Err(_) => {
                self.error_at(codes::BAD_NUMBER, span, format!("malformed real literal `{text}`"));
                0.0
            }
        }
    }

    /// `10ns`, `1.5us`.
    fn time_literal(&mut self) -> Expr {
        let start = self.span();
        let text = self.text();
        self.bump();
        let split = text.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(text.len());
        let (num, unit) = text.split_at(split);
        let value = num.replace('_', "").parse::<f64>();
        match (value, time_unit_exponent(unit)) {
            (Ok(value), Some(unit)) => Expr { kind: ExprKind::Time { value, unit }, span: start },
            (Ok(_), None) if unit == "step" => {
                self.error_at(codes::UNSUPPORTED, start, "`1step` time literal is not supported");
                error_expr(start)
            }
            _ => {
                self.error_at(codes::BAD_NUMBER, start, format!("malformed time literal `{text}`"));
                error_expr(start)
            }
        }
    }
}

/// Whether `e` can be called with `(...)`: a name or hierarchical name.
/// `x.randomize(...)` / `randomize(...)`, which an inline constraint
/// (`with { ... }`) may follow.
fn is_randomize_call(e: &Expr) -> bool {
    if let ExprKind::MethodCall { method, .. } = &e.kind {
        return method.name == "randomize";
    }
    let ExprKind::Call { name, .. } = &e.kind else { return false };
    match &name.kind {
        ExprKind::Ident { name, .. } | ExprKind::Member { name, .. } => name.name == "randomize",
        _ => false,
    }
}

fn is_callable(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Ident { .. } | ExprKind::Member { .. })
}

fn is_select(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Index { .. } | ExprKind::Range { .. })
}

/// Split `'sh1F_f` into (signed, base, digits "1ff"); None if malformed.
pub(crate) fn parse_based(text: &str) -> Option<(bool, Base, String)> {
    let rest = text.strip_prefix('\'')?;
    let (signed, rest) = match rest.strip_prefix(['s', 'S']) {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let mut chars = rest.chars();
    let base = match chars.next()?.to_ascii_lowercase() {
        'b' => Base::Binary,
        'o' => Base::Octal,
        'd' => Base::Decimal,
        'h' => Base::Hex,
        _ => return None,
    };
    let digits: String = chars.filter(|c| *c != '_' && !c.is_whitespace()).map(|c| c.to_ascii_lowercase()).collect();
    if digits.is_empty() || !digits_valid(base, &digits) {
        return None;
    }
    Some((signed, base, digits))
}

fn digits_valid(base: Base, digits: &str) -> bool {
    let unknown = |c: char| matches!(c, 'x' | 'z' | '?');
    match base {
        Base::Binary => digits.chars().all(|c| matches!(c, '0' | '1') || unknown(c)),
        Base::Octal => digits.chars().all(|c| matches!(c, '0'..='7') || unknown(c)),
        Base::Hex => digits.chars().all(|c| c.is_ascii_hexdigit() || unknown(c)),
        // A decimal literal is all digits, or a single x/z/? digit.
        Base::Decimal => {
            digits.chars().all(|c| c.is_ascii_digit()) || (digits.len() == 1 && digits.chars().all(unknown))
        }
    }
}

/// Process the escapes of a string literal body: `\n \t \\ \" \v \f \a`,
/// `\ddd` (octal, up to 3 digits) and `\xhh` (hex, up to 2 digits). An
/// escaped newline (line continuation) is dropped.
pub(crate) fn unescape_string(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'v' => out.push('\u{b}'),
            'f' => out.push('\u{c}'),
            'a' => out.push('\u{7}'),
            '\\' => out.push('\\'),
            '"' => out.push('"'),
            '\n' => {}
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push(char::from((v & 0xff) as u8));
            }
            'x' => {
                let mut v = 0u32;
                let mut n = 0;
                while n < 2 {
                    match chars.peek().and_then(|c| c.to_digit(16)) {
                        Some(d) => {
                            v = v * 16 + d;
                            chars.next();
                            n += 1;
                        }
                        None => break,
                    }
                }
                if n == 0 {
                    out.push('x');
                } else {
                    out.push(char::from(v as u8));
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// Build `name op rhs` as a plain binary expression (used to normalise
/// generate-for steps).
pub(crate) fn binary(op: BinaryOp, lhs: Expr, rhs: Expr) -> Expr {
    let span = lhs.span.to(rhs.span);
    Expr { kind: ExprKind::Binary { op, lhs: Box::new(lhs), rhs: Box::new(rhs) }, span }
}
