//! Hand-written recursive-descent parser with error recovery.
//!
//! [`parse`] turns the preprocessed token stream into an [`ast::SourceUnit`]
//! and never fails: on an unexpected token it reports `E0201` ("expected X,
//! found `tok`"), skips to a synchronisation point (`;`, `end`, the next item
//! keyword...) and carries on, so the playground always gets a partial tree.
//!
//! Invariants that keep it fast and total:
//! - No backtracking and no token cloning: lookahead is by index only.
//! - Every loop makes progress (consumes at least one token per iteration,
//!   see `Parser::progress_or_bump`), and recursion is bounded by
//!   `MAX_DEPTH`, so no token sequence can hang or overflow the stack.
//!   Long `a ? b : c ? ...` and `else if` chains are parsed in loops (up to
//!   1024 arms) so generated code does not hit that bound.
//! - Compiler directives the preprocessor passes through
//!   ([`TokenKind::Directive`]) are consumed transparently by `Parser::bump`,
//!   which updates the `timescale` / `default_nettype` state that module
//!   headers capture.
//!
//! The grammar is split by family: `items` (source-unit and module items,
//! generate, instances, functions), `types` (data types, declarations,
//! parameters), `stmts` (statements and timing controls) and `exprs`
//! (the Pratt expression parser and literals).

mod assertions;
mod classes;
mod exprs;
mod items;
mod proc_cont;
mod randcase;
mod randsequence;
mod specify;
mod stmts;
mod types;
mod udp;

use crate::ast::{self, Ident, NetType, SourceUnit, Timescale};
use crate::lexer::Language;
use crate::timescale::parse_timescale;
use crate::token::{Keyword, Op, Token, TokenKind};
use wsim_diag::codes::parse as codes;
use wsim_diag::{Diagnostics, Span};

/// Deepest nesting of expressions / statements / generate blocks accepted
/// before the parser reports an error instead of recursing further (keeps
/// pathological input from overflowing the stack). Measured: 199 levels of
/// any construct fit in 1 MiB of stack in an unoptimised build (the hot
/// recursive functions keep small frames for that reason).
const MAX_DEPTH: u32 = 200;

/// Parse a whole token stream (normally ending with [`TokenKind::Eof`]).
pub fn parse(tokens: &[Token]) -> (SourceUnit, Diagnostics) {
    parse_with_timescale(tokens, None)
}

/// [`parse`] with a default timescale (`--timescale`): in effect before the
/// first `` `timescale `` directive and again after `` `resetall `` (as in
/// Icarus and Verilator).
pub fn parse_with_timescale(tokens: &[Token], default: Option<Timescale>) -> (SourceUnit, Diagnostics) {
    let mut p = Parser::new(tokens, default);
    let unit = p.source_unit();
    (unit, p.diags)
}

pub(crate) struct Parser<'t> {
    toks: &'t [Token],
    pos: usize,
    pub(crate) diags: Diagnostics,
    /// Span used for the synthetic end of input when the stream lacks `Eof`.
    eof_span: Span,
    /// `` `timescale `` in effect at the current position.
    pub(crate) timescale: Option<Timescale>,
    /// The command-line default timescale, which `` `resetall `` restores.
    default_timescale: Option<Timescale>,
    /// `` `default_nettype `` in effect (None = `none`).
    pub(crate) default_nettype: Option<NetType>,
    /// Position of the last reported error, to avoid cascades at one token.
    last_error_pos: Option<usize>,
    depth: u32,
    /// "Too deeply nested" was reported since the nesting was last zero:
    /// 10,000 nested `begin`s get one error, not 9,800.
    depth_reported: bool,
    /// Unsupported constructs met in a module header (interface ports),
    /// moved into the module's items.
    pub(crate) header_unsupported: Vec<ast::ModuleItem>,
    /// Genvars declared so far in the current module (`genvar i;`): the
    /// index of a generate loop must be one (IEEE 1364-2005 12.4.1).
    pub(crate) genvars: Vec<String>,
    /// Index variables of the generate loops being parsed, outermost first.
    pub(crate) gen_loop_vars: Vec<String>,
    /// Loop indices not declared inline, checked against `genvars` at the
    /// end of the module (a genvar may be declared after its loop).
    pub(crate) gen_loop_indices: Vec<Ident>,
    /// Inside a module, program or similar design element, where
    /// `` `resetall `` is illegal (1800-2017 22.3).
    pub(crate) in_design_element: bool,
    /// Names of forward typedefs (`typedef name;`), checked at the end.
    pub(crate) forward_typedefs: Vec<Ident>,
}

impl<'t> Parser<'t> {
    fn new(toks: &'t [Token], default_timescale: Option<Timescale>) -> Parser<'t> {
        let eof_span = toks.last().map(|t| Span::new(t.span.file, t.span.end, t.span.end)).unwrap_or_default();
        let mut p = Parser {
            toks,
            pos: 0,
            diags: Diagnostics::default(),
            eof_span,
            timescale: default_timescale,
            default_timescale,
            default_nettype: Some(NetType::Wire),
            last_error_pos: None,
            depth: 0,
            depth_reported: false,
            header_unsupported: Vec::new(),
            genvars: Vec::new(),
            gen_loop_vars: Vec::new(),
            gen_loop_indices: Vec::new(),
            in_design_element: false,
            forward_typedefs: Vec::new(),
        };
        p.skip_directives();
        p
    }

    // ----- token access -------------------------------------------------

    /// The kind of the current token (`Eof` past the end).
    pub(crate) fn kind(&self) -> TokenKind {
        self.toks.get(self.pos).map_or(TokenKind::Eof, |t| t.kind)
    }

    /// The kind of the token `n` places ahead (directives are not skipped
    /// here; they never appear inside the constructs that look ahead).
    pub(crate) fn peek(&self, n: usize) -> TokenKind {
        self.toks.get(self.pos + n).map_or(TokenKind::Eof, |t| t.kind)
    }

    pub(crate) fn text(&self) -> &'t str {
        self.toks.get(self.pos).map_or("", |t| &t.text)
    }

    pub(crate) fn span(&self) -> Span {
        self.toks.get(self.pos).map_or(self.eof_span, |t| t.span)
    }

    /// Span of the most recently consumed token (for closing a node's span).
    pub(crate) fn prev_span(&self) -> Span {
        let mut i = self.pos;
        while i > 0 {
            i -= 1;
            if self.toks[i].kind != TokenKind::Directive {
                return self.toks[i].span;
            }
        }
        self.span()
    }

    /// Span from `start` to the end of the last consumed token.
    pub(crate) fn span_from(&self, start: Span) -> Span {
        start.to(self.prev_span())
    }

    pub(crate) fn at_eof(&self) -> bool {
        self.kind() == TokenKind::Eof
    }

    pub(crate) fn at_op(&self, op: Op) -> bool {
        self.kind() == TokenKind::Op(op)
    }

    pub(crate) fn at_kw(&self, kw: Keyword) -> bool {
        self.kind() == TokenKind::Keyword(kw)
    }

    pub(crate) fn peek_is_op(&self, n: usize, op: Op) -> bool {
        self.peek(n) == TokenKind::Op(op)
    }

    pub(crate) fn keyword(&self) -> Option<Keyword> {
        match self.kind() {
            TokenKind::Keyword(k) => Some(k),
            _ => None,
        }
    }

    /// Consume the current token (never past `Eof`), then any directives.
    pub(crate) fn bump(&mut self) {
        if self.pos < self.toks.len() && self.kind() != TokenKind::Eof {
            self.pos += 1;
        }
        self.skip_directives();
    }

    pub(crate) fn eat_op(&mut self, op: Op) -> bool {
        if self.at_op(op) {
            self.bump();
            true
        } else {
            false
        }
    }

    pub(crate) fn eat_kw(&mut self, kw: Keyword) -> bool {
        if self.at_kw(kw) {
            self.bump();
            true
        } else {
            false
        }
    }

    /// Consume `op` or report "expected `op`".
    pub(crate) fn expect_op(&mut self, op: Op) -> bool {
        if self.eat_op(op) {
            return true;
        }
        self.error_expected(&format!("`{}`", op_text(op)));
        false
    }

    pub(crate) fn expect_kw(&mut self, kw: Keyword) -> bool {
        if self.eat_kw(kw) {
            return true;
        }
        self.error_expected(&format!("`{}`", kw.as_str()));
        false
    }

    /// Consume an identifier; on anything else report and return an
    /// identifier with an empty name (nothing is consumed), except a keyword
    /// that Verilog-1995 leaves free, which is consumed as the name.
    pub(crate) fn expect_ident(&mut self, what: &str) -> Ident {
        if self.kind() == TokenKind::Ident {
            let id = Ident { name: self.text().to_string(), span: self.span() };
            self.bump();
            return id;
        }
        if let Some(since) = self.keyword().and_then(Language::reserved_since) {
            // A name in older code: report it, then read it as the name so
            // that the rest of the declaration parses without more errors.
            self.error_expected_with(what, &format!(", a reserved word since {since}"));
            let id = Ident { name: self.text().to_string(), span: self.span() };
            self.bump();
            return id;
        }
        self.error_expected(what);
        Ident { name: String::new(), span: self.span() }
    }

    pub(crate) fn eat_ident(&mut self) -> Option<Ident> {
        if self.kind() == TokenKind::Ident {
            let id = Ident { name: self.text().to_string(), span: self.span() };
            self.bump();
            Some(id)
        } else {
            None
        }
    }

    // ----- diagnostics and recovery ------------------------------------

    /// Report `E0201: expected {what}, found `tok`` at the current token
    /// (once per position, so recovery does not cascade).
    pub(crate) fn error_expected(&mut self, what: &str) {
        self.error_expected_with(what, "");
    }

    /// [`Self::error_expected`] with `detail` after the found token.
    fn error_expected_with(&mut self, what: &str, detail: &str) {
        if self.last_error_pos == Some(self.pos) {
            return;
        }
        self.last_error_pos = Some(self.pos);
        let found = self.describe_current();
        self.diags.error(codes::EXPECTED, self.span(), format!("expected {what}, found {found}{detail}"));
    }

    pub(crate) fn error_at(&mut self, code: wsim_diag::Code, span: Span, msg: impl Into<String>) {
        self.diags.error(code, span, msg);
    }

    fn describe_current(&self) -> String {
        match self.kind() {
            TokenKind::Eof => "end of input".to_string(),
            TokenKind::Keyword(k) => format!("`{}`", k.as_str()),
            TokenKind::Op(op) => format!("`{}`", op_text(op)),
            TokenKind::StringLit => format!("\"{}\"", self.text()),
            TokenKind::Directive => format!("`` `{} ``", self.text()),
            _ => format!("`{}`", self.text()),
        }
    }

    /// Loop guard: if the last iteration consumed nothing, consume one token
    /// so that every loop terminates.
    pub(crate) fn progress_or_bump(&mut self, before: usize) {
        if self.pos == before {
            self.bump();
        }
    }

    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    /// Skip to the end of a broken item: past the next `;` at bracket depth
    /// zero, or up to (not past) a keyword that starts or ends an item.
    pub(crate) fn sync_item(&mut self) {
        self.skip_past_semi_or(is_item_boundary);
    }

    /// Skip to the end of a broken statement: past the next `;` at bracket
    /// depth zero, or up to a keyword that closes or starts a statement.
    pub(crate) fn sync_stmt(&mut self) {
        self.skip_past_semi_or(|k| is_stmt_boundary(k) || is_item_boundary(k));
    }

    /// Skip balanced tokens up to and including the `;` that ends a
    /// construct we do not model (bracket nesting respected).
    pub(crate) fn skip_past_semi(&mut self) {
        self.skip_past_semi_or(|k| k == Keyword::Endmodule);
    }

    /// The recovery loop the three above share: skip tokens, tracking
    /// bracket depth, until past a `;` at depth zero or at a keyword for
    /// which `stop` holds (not consumed) or at the end of input.
    fn skip_past_semi_or(&mut self, stop: impl Fn(Keyword) -> bool) {
        let mut depth = 0u32;
        loop {
            match self.kind() {
                TokenKind::Eof => return,
                TokenKind::Op(Op::LParen | Op::LBracket | Op::LBrace) => depth += 1,
                TokenKind::Op(Op::RParen | Op::RBracket | Op::RBrace) => depth = depth.saturating_sub(1),
                TokenKind::Op(Op::Semi) if depth == 0 => {
                    self.bump();
                    return;
                }
                TokenKind::Keyword(k) if stop(k) => return,
                _ => {}
            }
            self.bump();
        }
    }

    /// Skip a balanced `( ... )` group starting at the current `(`.
    pub(crate) fn skip_parens(&mut self) {
        if !self.at_op(Op::LParen) {
            return;
        }
        let mut depth = 0u32;
        loop {
            match self.kind() {
                TokenKind::Eof => return,
                TokenKind::Op(Op::LParen) => depth += 1,
                TokenKind::Op(Op::RParen) => {
                    depth -= 1;
                    if depth == 0 {
                        self.bump();
                        return;
                    }
                }
                _ => {}
            }
            self.bump();
        }
    }

    /// Skip tokens through the matching end keyword (nested occurrences of
    /// the opening construct are counted), used for unsupported constructs.
    pub(crate) fn skip_to_end_keyword(&mut self, is_open: impl Fn(&Self) -> bool, is_end: impl Fn(&Self) -> bool) {
        let mut depth = 0u32;
        loop {
            if self.at_eof() {
                self.error_expected("end of construct");
                return;
            }
            if is_end(self) {
                self.bump();
                if depth == 0 {
                    self.skip_end_label();
                    return;
                }
                depth -= 1;
                continue;
            }
            if is_open(self) {
                depth += 1;
            }
            self.bump();
        }
    }

    /// `: name` after an end keyword, discarded.
    pub(crate) fn skip_end_label(&mut self) {
        if self.at_op(Op::Colon) && self.peek(1) == TokenKind::Ident {
            self.bump();
            self.bump();
        }
    }

    /// Check an optional `: label` after `end`/`endmodule`/... against the
    /// opening name (E0204 on mismatch).
    pub(crate) fn end_label(&mut self, open: Option<&Ident>) {
        if !self.at_op(Op::Colon) {
            return;
        }
        self.bump();
        let label = self.expect_ident("end label");
        if label.name.is_empty() {
            return;
        }
        match open {
            Some(name) if name.name == label.name => {}
            Some(name) => self.error_at(
                codes::MISMATCHED_END,
                label.span,
                format!("end label `{}` does not match `{}`", label.name, name.name),
            ),
            None => self.error_at(
                codes::MISMATCHED_END,
                label.span,
                format!("end label `{}` given but the block has no name", label.name),
            ),
        }
    }

    /// Skip any `(* ... *)` attribute instances.
    pub(crate) fn skip_attrs(&mut self) {
        while self.at_op(Op::AttrOpen) {
            self.bump();
            while !self.at_op(Op::AttrClose) && !self.at_eof() {
                self.bump();
            }
            self.eat_op(Op::AttrClose);
        }
    }

    /// Enter one level of nesting; false (after an error) when too deep.
    pub(crate) fn enter(&mut self) -> bool {
        if self.depth >= MAX_DEPTH {
            if !self.depth_reported {
                self.error_expected("less deeply nested code");
                self.depth_reported = true;
            }
            return false;
        }
        self.depth += 1;
        true
    }

    pub(crate) fn leave(&mut self) {
        self.depth -= 1;
        if self.depth == 0 {
            self.depth_reported = false;
        }
    }

    // ----- directives ---------------------------------------------------

    fn skip_directives(&mut self) {
        while let Some(tok) = self.toks.get(self.pos) {
            if tok.kind != TokenKind::Directive {
                return;
            }
            let after_end = self.after_design_element_end();
            self.apply_directive(tok, after_end);
            self.pos += 1;
        }
    }

    /// Whether the last token before the directive at `pos` ends a design
    /// element (`endmodule`...): a directive read while the parser steps
    /// past that keyword is outside the element.
    fn after_design_element_end(&self) -> bool {
        let prev = self.toks[..self.pos].iter().rev().find(|t| t.kind != TokenKind::Directive);
        matches!(
            prev.map(|t| t.kind),
            Some(TokenKind::Keyword(
                Keyword::Endmodule | Keyword::Endprogram | Keyword::Endinterface | Keyword::Endpackage
            ))
        )
    }

    fn apply_directive(&mut self, tok: &Token, after_end: bool) {
        let text = tok.text.trim_start_matches('`').trim();
        let (name, args) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
        match name {
            "timescale" => match parse_timescale(args) {
                Some(ts) => self.timescale = Some(ts),
                None => self.diags.error(
                    wsim_diag::codes::preprocess::BAD_DIRECTIVE,
                    tok.span,
                    format!("malformed `timescale `{}`", args.trim()),
                ),
            },
            "default_nettype" => match args.trim() {
                "none" => self.default_nettype = None,
                other => match net_type_from_str(other) {
                    Some(nt) => self.default_nettype = Some(nt),
                    None => self.diags.error(
                        wsim_diag::codes::preprocess::BAD_DIRECTIVE,
                        tok.span,
                        format!("unknown net type `{other}` in `default_nettype"),
                    ),
                },
            },
            "resetall" => {
                if self.in_design_element && !after_end {
                    self.diags.error(
                        wsim_diag::codes::preprocess::BAD_DIRECTIVE,
                        tok.span,
                        "`resetall is not allowed inside a design element (22.3)",
                    );
                }
                self.timescale = self.default_timescale;
                self.default_nettype = Some(NetType::Wire);
            }
            // celldefine, unconnected_drive, line... have no effect on the tree.
            _ => {}
        }
    }

    // ----- entry ----------------------------------------------------------

    fn source_unit(&mut self) -> SourceUnit {
        let mut items = Vec::new();
        while !self.at_eof() {
            let before = self.pos;
            self.top_item(&mut items);
            self.progress_or_bump(before);
        }
        self.check_forward_typedefs();
        SourceUnit { items }
    }

    /// A forward typedef must be completed by a definition of the same name
    /// (1800-2017 6.18); a name that occurs nowhere else never is.
    fn check_forward_typedefs(&mut self) {
        for f in std::mem::take(&mut self.forward_typedefs) {
            let uses = self.toks.iter().filter(|t| t.kind == TokenKind::Ident && *t.text == *f.name).count();
            if uses <= 1 {
                self.diags.error(
                    wsim_diag::codes::parse::NOT_ALLOWED,
                    f.span,
                    format!("forward typedef `{}` is never defined (6.18)", f.name),
                );
            }
        }
    }
}

/// Keywords at which item-level recovery stops (they start or end an item).
fn is_item_boundary(k: Keyword) -> bool {
    use Keyword::*;
    matches!(
        k,
        Module
            | Macromodule
            | Program
            | Endmodule
            | Endprogram
            | Package
            | Endpackage
            | Endfunction
            | Endtask
            | Endgenerate
            | Endcase
            | Function
            | Task
            | Always
            | AlwaysComb
            | AlwaysFf
            | AlwaysLatch
            | Initial
            | Final
            | Assign
            | Wire
            | Reg
            | Logic
            | Input
            | Output
            | Inout
            | Parameter
            | Localparam
            | Generate
            | Genvar
            | Typedef
            | Interface
            | Class
    )
}

/// Keywords at which statement-level recovery stops.
fn is_stmt_boundary(k: Keyword) -> bool {
    use Keyword::*;
    matches!(k, End | Endcase | Join | JoinAny | JoinNone | Else | Begin | If | For | While | Case | Fork)
}

fn net_type_from_str(s: &str) -> Option<NetType> {
    Some(match s {
        "wire" => NetType::Wire,
        "tri" => NetType::Tri,
        "wand" => NetType::Wand,
        "wor" => NetType::Wor,
        "triand" => NetType::Triand,
        "trior" => NetType::Trior,
        "tri0" => NetType::Tri0,
        "tri1" => NetType::Tri1,
        "supply0" => NetType::Supply0,
        "supply1" => NetType::Supply1,
        "uwire" => NetType::Uwire,
        "trireg" => NetType::Trireg,
        _ => return None,
    })
}

/// The source text of an operator, for messages.
pub(crate) fn op_text(op: Op) -> &'static str {
    use Op::*;
    match op {
        LParen => "(",
        RParen => ")",
        LBracket => "[",
        RBracket => "]",
        LBrace => "{",
        RBrace => "}",
        Semi => ";",
        Comma => ",",
        Dot => ".",
        Colon => ":",
        ColonColon => "::",
        PlusColon => "+:",
        MinusColon => "-:",
        Hash => "#",
        HashHash => "##",
        At => "@",
        AtAt => "@@",
        Question => "?",
        Apostrophe => "'",
        AttrOpen => "(*",
        AttrClose => "*)",
        Assign => "=",
        PlusAssign => "+=",
        MinusAssign => "-=",
        StarAssign => "*=",
        SlashAssign => "/=",
        PercentAssign => "%=",
        AndAssign => "&=",
        OrAssign => "|=",
        XorAssign => "^=",
        ShlAssign => "<<=",
        ShrAssign => ">>=",
        AShlAssign => "<<<=",
        AShrAssign => ">>>=",
        Plus => "+",
        Minus => "-",
        Star => "*",
        Slash => "/",
        Percent => "%",
        Power => "**",
        PlusPlus => "++",
        MinusMinus => "--",
        Bang => "!",
        Tilde => "~",
        Amp => "&",
        TildeAmp => "~&",
        Pipe => "|",
        TildePipe => "~|",
        Caret => "^",
        TildeCaret => "~^",
        AmpAmp => "&&",
        PipePipe => "||",
        Eq => "==",
        Neq => "!=",
        CaseEq => "===",
        CaseNeq => "!==",
        WildEq => "==?",
        WildNeq => "!=?",
        Lt => "<",
        Le => "<=",
        Gt => ">",
        Ge => ">=",
        Shl => "<<",
        Shr => ">>",
        AShl => "<<<",
        AShr => ">>>",
        Arrow => "->",
        DArrow => "->>",
        LogEquiv => "<->",
        PipeArrow => "|->",
        PipeFatArrow => "|=>",
        FatArrow => "=>",
        StarGt => "*>",
    }
}

/// An expression node standing for something that could not be parsed.
pub(crate) fn error_expr(span: Span) -> ast::Expr {
    ast::Expr { kind: ast::ExprKind::Error, span }
}
