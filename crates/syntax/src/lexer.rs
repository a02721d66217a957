//! Lexer: Verilog/SystemVerilog text to [`Token`]s (IEEE 1800-2017 §5).
//!
//! The lexer works on bytes with hand-written scanners (no regex) and
//! allocates only for tokens that carry text (identifiers, literals). Spans
//! are exact byte offsets into the file, or the span of a macro use when the
//! text came from a macro expansion (see `Lexer::with_span_override`).
//!
//! Compiler directives are not handled here: a backtick comes out as
//! `Raw::Backtick` and the preprocessor reads the directive from the raw
//! text with the helper methods at the bottom of `Lexer`. The public
//! [`lex`] entry point is for directive-free text (parser tests, tools).
//!
//! Which words are keywords depends on the [`Language`] (IEEE 1800-2017
//! §22.14): Verilog-2005 code may use `logic` or `bit` as identifiers. The
//! preprocessor picks the language per file (extension, `begin_keywords`)
//! and sets it on every lexer it opens.

use std::rc::Rc;
use std::sync::OnceLock;

use crate::token::{Keyword, Op, Token, TokenKind};
use wsim_diag::codes::preprocess as codes;
use wsim_diag::{Diagnostics, FileId, Span};

/// Lex one file's text (no preprocessing). For directive-free text the result
/// is exactly what the parser consumes, ending with `Eof`.
pub fn lex(file: FileId, text: &str) -> (Vec<Token>, Diagnostics) {
    lex_language(file, text, Language::Sv2017)
}

/// [`lex`] with the keywords of `language` (IEEE 1800-2017 §22.14).
pub fn lex_language(file: FileId, text: &str, language: Language) -> (Vec<Token>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let mut lexer = Lexer::new(file, Rc::from(text)).with_language(language);
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    loop {
        match lexer.next_raw(&mut diags) {
            Raw::Token(tok) => tokens.push(tok),
            Raw::Backtick(start) => {
                let name_end = lexer.read_ident().map_or(lexer.pos, |(_, end)| end);
                let span = lexer.span(start, name_end);
                diags.error(
                    codes::BAD_DIRECTIVE,
                    span,
                    format!("compiler directive `{}` needs the preprocessor", lexer.slice(start + 1, name_end)),
                );
            }
            Raw::Eof => break,
        }
    }
    tokens.push(lexer.eof_token());
    (tokens, diags)
}

/// What [`Lexer::next_raw`] produces.
#[derive(Debug)]
pub(crate) enum Raw {
    Token(Token),
    /// A backtick at this byte offset; the lexer stands just after it.
    Backtick(usize),
    Eof,
}

/// A cursor over one text (a file or a macro expansion).
pub(crate) struct Lexer {
    text: Rc<str>,
    /// Byte offset of the next unread character.
    pub(crate) pos: usize,
    /// Byte offset where the token last returned by [`Lexer::next_raw`] starts.
    pub(crate) last_start: usize,
    file: FileId,
    /// When set, every token and diagnostic gets this span (macro expansions
    /// report the span of the macro use).
    span_override: Option<Span>,
    /// Open `(*` attribute brackets: `*)` closes one only inside an
    /// attribute, so `@(*)` stays `(` `*` `)`.
    attr_depth: u32,
    /// Which reserved words are keywords here.
    language: Language,
}

impl Lexer {
    pub(crate) fn new(file: FileId, text: Rc<str>) -> Lexer {
        Lexer { text, pos: 0, last_start: 0, file, span_override: None, attr_depth: 0, language: Language::Sv2017 }
    }

    pub(crate) fn with_language(mut self, language: Language) -> Lexer {
        self.language = language;
        self
    }

    /// Switch keyword sets mid-text (`begin_keywords` / `end_keywords`).
    pub(crate) fn set_language(&mut self, language: Language) {
        self.language = language;
    }

    pub(crate) fn with_span_override(mut self, span: Option<Span>) -> Lexer {
        self.span_override = span;
        self
    }

    pub(crate) fn file(&self) -> FileId {
        self.file
    }

    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    pub(crate) fn slice(&self, start: usize, end: usize) -> &str {
        &self.text[start..end]
    }

    /// The span of `start..end` in this text, or the override span.
    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        self.span_override.unwrap_or(Span::new(self.file, start as u32, end as u32))
    }

    pub(crate) fn eof_token(&self) -> Token {
        let end = self.text.len();
        Token { kind: TokenKind::Eof, span: self.span(end, end), text: Box::default() }
    }

    fn token(&self, kind: TokenKind, start: usize, end: usize) -> Token {
        Token { kind, span: self.span(start, end), text: Box::default() }
    }

    fn text_token(&self, kind: TokenKind, start: usize, end: usize, text: &str) -> Token {
        Token { kind, span: self.span(start, end), text: text.into() }
    }

    /// The next token, backtick or end of text. Never panics.
    pub(crate) fn next_raw(&mut self, diags: &mut Diagnostics) -> Raw {
        loop {
            self.skip_trivia(diags);
            let start = self.pos;
            self.last_start = start;
            let Some(&c) = self.text.as_bytes().get(start) else {
                return Raw::Eof;
            };
            let tok = match c {
                b'a'..=b'z' | b'A'..=b'Z' | b'_' => self.ident_or_keyword(start),
                b'0'..=b'9' => self.number(start),
                b'$' => self.system_ident(start),
                b'\\' => match self.escaped_ident(start, diags) {
                    Some(tok) => tok,
                    None => continue,
                },
                b'"' => self.string(start, diags),
                b'\'' => self.apostrophe(start, diags),
                b'`' => {
                    self.pos += 1;
                    return Raw::Backtick(start);
                }
                _ => match self.operator(start) {
                    Some(op) => self.token(TokenKind::Op(op), start, self.pos),
                    None => {
                        self.bad_char(start, diags);
                        continue;
                    }
                },
            };
            return Raw::Token(tok);
        }
    }

    /// Skip whitespace, comments and backslash-newline line continuations.
    pub(crate) fn skip_trivia(&mut self, diags: &mut Diagnostics) {
        let b = self.text.as_bytes();
        let mut i = self.pos;
        while i < b.len() {
            match b[i] {
                b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => i += 1,
                b'/' if b.get(i + 1) == Some(&b'/') => i = line_end(b, i),
                b'/' if b.get(i + 1) == Some(&b'*') => match find_comment_end(b, i + 2) {
                    Some(end) => i = end,
                    None => {
                        diags.error(codes::UNTERMINATED, self.span(i, i + 2), "unterminated block comment");
                        i = b.len();
                    }
                },
                b'\\' if continuation_len(b, i) > 0 => i += continuation_len(b, i),
                _ => break,
            }
        }
        self.pos = i;
    }

    fn ident_or_keyword(&mut self, start: usize) -> Token {
        let b = self.text.as_bytes();
        let end = ident_end(b, start + 1);
        self.pos = end;
        let word = &self.text[start..end];
        match lookup_keyword(word) {
            Some(kw) if self.language.reserves(kw) => self.token(TokenKind::Keyword(kw), start, end),
            _ => self.text_token(TokenKind::Ident, start, end, word),
        }
    }

    /// `$display`, `$test$plusargs`; a lone `$` (queue bound) is a
    /// SystemIdent with text `$`.
    fn system_ident(&mut self, start: usize) -> Token {
        let end = ident_end(self.text.as_bytes(), start + 1);
        self.pos = end;
        self.text_token(TokenKind::SystemIdent, start, end, &self.text[start..end])
    }

    /// `\bus+index ` : everything up to white space; the text drops the `\`.
    fn escaped_ident(&mut self, start: usize, diags: &mut Diagnostics) -> Option<Token> {
        let b = self.text.as_bytes();
        let mut end = start + 1;
        while end < b.len() && !b[end].is_ascii_whitespace() {
            end += 1;
        }
        self.pos = end;
        if end == start + 1 {
            diags.error(codes::BAD_CHAR, self.span(start, end), "escaped identifier is empty");
            return None;
        }
        Some(self.text_token(TokenKind::Ident, start, end, &self.text[start + 1..end]))
    }

    /// Decimal numbers, reals (`1.5`, `1e3`, `2.5E-3`) and time literals
    /// (`10ns`, `1.5us`, `1step`).
    fn number(&mut self, start: usize) -> Token {
        let b = self.text.as_bytes();
        let mut i = decimal_end(b, start);
        let mut kind = TokenKind::Number;
        if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i = decimal_end(b, i + 1);
            kind = TokenKind::RealNumber;
        }
        if let Some(exp_end) = exponent_end(b, i) {
            i = exp_end;
            kind = TokenKind::RealNumber;
        }
        if let Some(unit_len) = time_unit_len(b, i) {
            i += unit_len;
            kind = TokenKind::TimeLiteral;
        }
        self.pos = i;
        self.text_token(kind, start, i, &self.text[start..i])
    }

    fn string(&mut self, start: usize, diags: &mut Diagnostics) -> Token {
        let b = self.text.as_bytes();
        let mut i = start + 1;
        loop {
            match b.get(i) {
                Some(b'"') => {
                    self.pos = i + 1;
                    return self.text_token(TokenKind::StringLit, start, i + 1, &self.text[start + 1..i]);
                }
                Some(b'\\') => i = (i + 2).min(b.len()),
                Some(b'\n') | None => break,
                Some(_) => i += 1,
            }
        }
        // Unterminated: the literal runs to the end of its line.
        let end = i.min(b.len());
        self.pos = end;
        diags.error(codes::UNTERMINATED, self.span(start, start + 1), "unterminated string literal");
        let contents_end = if b.get(end.wrapping_sub(1)) == Some(&b'\r') { end - 1 } else { end };
        self.text_token(TokenKind::StringLit, start, end, &self.text[start + 1..contents_end.max(start + 1)])
    }

    /// `'0 '1 'x 'z`, based literals (`'hff`, `'sb1`, `' d 5`), or the
    /// apostrophe of a cast / assignment pattern.
    fn apostrophe(&mut self, start: usize, diags: &mut Diagnostics) -> Token {
        let b = self.text.as_bytes();
        let next = b.get(start + 1).copied();
        if let Some(b'0' | b'1' | b'x' | b'X' | b'z' | b'Z') = next {
            if !b.get(start + 2).copied().is_some_and(is_ident_byte) {
                self.pos = start + 2;
                let text = &self.text[start + 1..start + 2];
                return self.text_token(TokenKind::UnbasedUnsized, start, start + 2, text);
            }
        }
        let base_start = skip_hspace(b, start + 1);
        let mut base_end = base_start;
        if matches!(b.get(base_end), Some(b's' | b'S')) {
            base_end += 1;
        }
        if !matches!(b.get(base_end), Some(b'b' | b'B' | b'o' | b'O' | b'd' | b'D' | b'h' | b'H')) {
            self.pos = start + 1;
            return self.token(TokenKind::Op(Op::Apostrophe), start, start + 1);
        }
        base_end += 1;
        let digits_start = skip_hspace(b, base_end);
        let mut digits_end = digits_start;
        while digits_end < b.len() && is_based_digit(b[digits_end]) {
            digits_end += 1;
        }
        if digits_end == digits_start {
            self.pos = base_end;
            diags.error(codes::BAD_NUMBER, self.span(start, base_end), "based literal has no digits");
            let text = format!("'{}", &self.text[base_start..base_end]);
            return self.text_token(TokenKind::BasedNumber, start, base_end, &text);
        }
        self.pos = digits_end;
        let mut text = String::with_capacity(1 + (base_end - base_start) + (digits_end - digits_start));
        text.push('\'');
        text.push_str(&self.text[base_start..base_end]);
        text.push_str(&self.text[digits_start..digits_end]);
        self.text_token(TokenKind::BasedNumber, start, digits_end, &text)
    }

    /// Longest-match operator at `start`; `None` for a character that is no
    /// operator.
    fn operator(&mut self, start: usize) -> Option<Op> {
        let b = self.text.as_bytes();
        let at = |k: usize| b.get(start + k).copied().unwrap_or(0);
        let (op, len) = match at(0) {
            b'(' if at(1) == b'*' && at(2) != b')' => {
                self.attr_depth += 1;
                (Op::AttrOpen, 2)
            }
            b'(' => (Op::LParen, 1),
            b')' => (Op::RParen, 1),
            b'[' => (Op::LBracket, 1),
            b']' => (Op::RBracket, 1),
            b'{' => (Op::LBrace, 1),
            b'}' => (Op::RBrace, 1),
            b';' => (Op::Semi, 1),
            b',' => (Op::Comma, 1),
            b'.' => (Op::Dot, 1),
            b'?' => (Op::Question, 1),
            b':' if at(1) == b':' => (Op::ColonColon, 2),
            b':' => (Op::Colon, 1),
            b'#' if at(1) == b'#' => (Op::HashHash, 2),
            b'#' => (Op::Hash, 1),
            b'@' if at(1) == b'@' => (Op::AtAt, 2),
            b'@' => (Op::At, 1),
            b'+' => match at(1) {
                b'+' => (Op::PlusPlus, 2),
                b'=' => (Op::PlusAssign, 2),
                b':' => (Op::PlusColon, 2),
                _ => (Op::Plus, 1),
            },
            b'-' => match (at(1), at(2)) {
                (b'>', b'>') => (Op::DArrow, 3),
                (b'>', _) => (Op::Arrow, 2),
                (b'-', _) => (Op::MinusMinus, 2),
                (b'=', _) => (Op::MinusAssign, 2),
                (b':', _) => (Op::MinusColon, 2),
                _ => (Op::Minus, 1),
            },
            b'*' => match at(1) {
                b'*' => (Op::Power, 2),
                b'=' => (Op::StarAssign, 2),
                b'>' => (Op::StarGt, 2),
                b')' if self.attr_depth > 0 => {
                    self.attr_depth -= 1;
                    (Op::AttrClose, 2)
                }
                _ => (Op::Star, 1),
            },
            b'/' if at(1) == b'=' => (Op::SlashAssign, 2),
            b'/' => (Op::Slash, 1),
            b'%' if at(1) == b'=' => (Op::PercentAssign, 2),
            b'%' => (Op::Percent, 1),
            b'=' => match (at(1), at(2)) {
                (b'=', b'=') => (Op::CaseEq, 3),
                (b'=', b'?') => (Op::WildEq, 3),
                (b'=', _) => (Op::Eq, 2),
                (b'>', _) => (Op::FatArrow, 2),
                _ => (Op::Assign, 1),
            },
            b'!' => match (at(1), at(2)) {
                (b'=', b'=') => (Op::CaseNeq, 3),
                (b'=', b'?') => (Op::WildNeq, 3),
                (b'=', _) => (Op::Neq, 2),
                _ => (Op::Bang, 1),
            },
            b'<' => match (at(1), at(2), at(3)) {
                (b'<', b'<', b'=') => (Op::AShlAssign, 4),
                (b'<', b'<', _) => (Op::AShl, 3),
                (b'<', b'=', _) => (Op::ShlAssign, 3),
                (b'<', _, _) => (Op::Shl, 2),
                (b'-', b'>', _) => (Op::LogEquiv, 3),
                (b'=', _, _) => (Op::Le, 2),
                _ => (Op::Lt, 1),
            },
            b'>' => match (at(1), at(2), at(3)) {
                (b'>', b'>', b'=') => (Op::AShrAssign, 4),
                (b'>', b'>', _) => (Op::AShr, 3),
                (b'>', b'=', _) => (Op::ShrAssign, 3),
                (b'>', _, _) => (Op::Shr, 2),
                (b'=', _, _) => (Op::Ge, 2),
                _ => (Op::Gt, 1),
            },
            b'&' => match at(1) {
                b'&' => (Op::AmpAmp, 2),
                b'=' => (Op::AndAssign, 2),
                _ => (Op::Amp, 1),
            },
            b'|' => match (at(1), at(2)) {
                (b'|', _) => (Op::PipePipe, 2),
                (b'-', b'>') => (Op::PipeArrow, 3),
                (b'=', b'>') => (Op::PipeFatArrow, 3),
                (b'=', _) => (Op::OrAssign, 2),
                _ => (Op::Pipe, 1),
            },
            b'^' => match at(1) {
                b'~' => (Op::TildeCaret, 2),
                b'=' => (Op::XorAssign, 2),
                _ => (Op::Caret, 1),
            },
            b'~' => match at(1) {
                b'&' => (Op::TildeAmp, 2),
                b'|' => (Op::TildePipe, 2),
                b'^' => (Op::TildeCaret, 2),
                _ => (Op::Tilde, 1),
            },
            _ => return None,
        };
        self.pos = start + len;
        Some(op)
    }

    /// Report and skip one character that cannot start a token.
    fn bad_char(&mut self, start: usize, diags: &mut Diagnostics) {
        let ch = self.text[start..].chars().next().unwrap_or('\u{fffd}');
        let end = start + ch.len_utf8();
        self.pos = end;
        let shown = if ch.is_control() { String::new() } else { format!("`{ch}` ") };
        diags.error(
            codes::BAD_CHAR,
            self.span(start, end),
            format!("character {shown}(U+{:04X}) is not allowed in Verilog source", ch as u32),
        );
    }

    // ---- raw helpers for the preprocessor's directive handling ----

    /// The byte at the cursor, if any.
    pub(crate) fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// Skip spaces, tabs, `/* */` comments and line continuations, staying
    /// on the current line otherwise.
    pub(crate) fn skip_line_space(&mut self) {
        let b = self.text.as_bytes();
        let mut i = self.pos;
        loop {
            i = skip_hspace(b, i);
            if b.get(i) == Some(&b'/') && b.get(i + 1) == Some(&b'*') {
                match find_comment_end(b, i + 2) {
                    Some(end) => i = end,
                    None => break,
                }
            } else if continuation_len(b, i) > 0 {
                i += continuation_len(b, i);
            } else {
                break;
            }
        }
        self.pos = i;
    }

    /// An identifier (plain, or escaped with the `\` dropped) at the cursor:
    /// returns the byte range of its name and moves past it.
    pub(crate) fn read_ident(&mut self) -> Option<(usize, usize)> {
        let b = self.text.as_bytes();
        let start = self.pos;
        match b.get(start) {
            Some(c) if c.is_ascii_alphabetic() || *c == b'_' => {
                let end = ident_end(b, start + 1);
                self.pos = end;
                Some((start, end))
            }
            Some(b'\\') => {
                let mut end = start + 1;
                while end < b.len() && !b[end].is_ascii_whitespace() {
                    end += 1;
                }
                if end == start + 1 {
                    return None;
                }
                self.pos = end;
                Some((start + 1, end))
            }
            _ => None,
        }
    }

    /// The rest of the current line (up to, not including, the newline and
    /// any `//` comment) with runs of white space and `/* */` comments
    /// collapsed to one space and the ends trimmed. Moves to the newline.
    pub(crate) fn read_line_normalized(&mut self) -> String {
        let b = self.text.as_bytes();
        let mut out = String::new();
        let mut i = self.pos;
        let mut pending_space = false;
        let mut run_start = i;
        let flush = |out: &mut String, from: usize, to: usize, pending: &mut bool| {
            if from < to {
                if *pending && !out.is_empty() {
                    out.push(' ');
                }
                *pending = false;
                out.push_str(&self.text[from..to]);
            }
        };
        while i < b.len() && b[i] != b'\n' {
            let c = b[i];
            if c == b'/' && b.get(i + 1) == Some(&b'/') {
                break;
            }
            let gap_end = if c == b' ' || c == b'\t' || c == b'\r' || c == 0x0b || c == 0x0c {
                Some(i + 1)
            } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
                Some(find_comment_end(b, i + 2).unwrap_or(b.len()))
            } else if continuation_len(b, i) > 0 {
                Some(i + continuation_len(b, i))
            } else {
                None
            };
            match gap_end {
                Some(end) => {
                    flush(&mut out, run_start, i, &mut pending_space);
                    pending_space = true;
                    i = end;
                    run_start = i;
                }
                None => i += 1,
            }
        }
        flush(&mut out, run_start, i, &mut pending_space);
        self.pos = line_end(b, i);
        out
    }

    /// Move to the end of the current line (before its newline).
    pub(crate) fn skip_to_line_end(&mut self) {
        self.pos = line_end(self.text.as_bytes(), self.pos);
    }
}

// ---- byte-level scanners shared by the lexer and the preprocessor ----

pub(crate) fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$'
}

pub(crate) fn ident_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && is_ident_byte(b[i]) {
        i += 1;
    }
    i
}

fn is_based_digit(c: u8) -> bool {
    c.is_ascii_hexdigit() || matches!(c, b'x' | b'X' | b'z' | b'Z' | b'?' | b'_')
}

fn decimal_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_') {
        i += 1;
    }
    i
}

/// End of an exponent `e[+-]digits` starting at `i`, if there is one.
fn exponent_end(b: &[u8], i: usize) -> Option<usize> {
    if !matches!(b.get(i), Some(b'e' | b'E')) {
        return None;
    }
    let mut j = i + 1;
    if matches!(b.get(j), Some(b'+' | b'-')) {
        j += 1;
    }
    b.get(j).is_some_and(u8::is_ascii_digit).then(|| decimal_end(b, j))
}

/// Length of a time unit (`s ms us ns ps fs step`) at `i` that is not the
/// start of a longer identifier.
fn time_unit_len(b: &[u8], i: usize) -> Option<usize> {
    const UNITS: [&[u8]; 7] = [b"step", b"ms", b"us", b"ns", b"ps", b"fs", b"s"];
    let rest = &b[i.min(b.len())..];
    UNITS.iter().find_map(|unit| {
        let fits = rest.starts_with(unit) && !rest.get(unit.len()).copied().is_some_and(is_ident_byte);
        fits.then_some(unit.len())
    })
}

pub(crate) fn skip_hspace(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    i
}

/// Index of the newline ending the line that contains `i` (or the end).
pub(crate) fn line_end(b: &[u8], i: usize) -> usize {
    let i = i.min(b.len());
    b[i..].iter().position(|&c| c == b'\n').map_or(b.len(), |p| i + p)
}

/// Index just past the `*/` closing a block comment whose body starts at `i`.
pub(crate) fn find_comment_end(b: &[u8], i: usize) -> Option<usize> {
    let i = i.min(b.len());
    b[i..].windows(2).position(|w| w == b"*/").map(|p| i + p + 2)
}

/// Length of a backslash-newline line continuation at `i` (0 if none).
pub(crate) fn continuation_len(b: &[u8], i: usize) -> usize {
    match (b.get(i), b.get(i + 1), b.get(i + 2)) {
        (Some(b'\\'), Some(b'\n'), _) => 2,
        (Some(b'\\'), Some(b'\r'), Some(b'\n')) => 3,
        _ => 0,
    }
}

/// Keyword lookup through an open-addressing table built once from
/// [`Keyword::ALL`] (a `match` over 200 strings is much slower).
fn lookup_keyword(word: &str) -> Option<Keyword> {
    const SLOTS: usize = 1024;
    static TABLE: OnceLock<Vec<Option<(&'static str, Keyword)>>> = OnceLock::new();
    let w = word.as_bytes();
    if w.len() < 2 || w.len() > 14 || !w[0].is_ascii_lowercase() {
        return None;
    }
    let table = TABLE.get_or_init(|| {
        let mut table = vec![None; SLOTS];
        for &kw in Keyword::ALL {
            let mut slot = keyword_hash(kw.as_str().as_bytes()) % SLOTS;
            while table[slot].is_some() {
                slot = (slot + 1) % SLOTS;
            }
            table[slot] = Some((kw.as_str(), kw));
        }
        table
    });
    let mut slot = keyword_hash(w) % SLOTS;
    while let Some((text, kw)) = table[slot] {
        if text == word {
            return Some(kw);
        }
        slot = (slot + 1) % SLOTS;
    }
    None
}

fn keyword_hash(w: &[u8]) -> usize {
    let mut h: u32 = 2166136261;
    for &c in w {
        h = (h ^ c as u32).wrapping_mul(16777619);
    }
    h as usize
}

// ---- keyword sets by language version ----

/// A set of reserved words: the `version_specifier`s of `begin_keywords
/// (IEEE 1800-2017 §22.14), oldest first. Each standard reserves every
/// keyword of the ones before it, except that `1364-2001-noconfig` leaves
/// out the configuration keywords of 1364-2001.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Language {
    /// `"1364-1995"`: Verilog-1995.
    V1995,
    /// `"1364-2001-noconfig"`: Verilog-2001 without `config`, `endconfig`, ...
    V2001NoConfig,
    /// `"1364-2001"`.
    V2001,
    /// `"1364-2005"`: also the default for `.v`, `.vh` and `.vlog` files.
    V2005,
    /// `"1800-2005"`: the first SystemVerilog.
    Sv2005,
    /// `"1800-2009"`.
    Sv2009,
    /// `"1800-2012"`.
    Sv2012,
    /// `"1800-2017"`: the default for every other file.
    Sv2017,
}

impl Language {
    /// Every language with its `begin_keywords` version specifier.
    pub const SPECIFIERS: &'static [(&'static str, Language)] = &[
        ("1364-1995", Language::V1995),
        ("1364-2001-noconfig", Language::V2001NoConfig),
        ("1364-2001", Language::V2001),
        ("1364-2005", Language::V2005),
        ("1800-2005", Language::Sv2005),
        ("1800-2009", Language::Sv2009),
        ("1800-2012", Language::Sv2012),
        ("1800-2017", Language::Sv2017),
    ];

    /// The language a `begin_keywords` version specifier names.
    pub fn from_specifier(specifier: &str) -> Option<Language> {
        Language::SPECIFIERS.iter().find(|(name, _)| *name == specifier).map(|&(_, language)| language)
    }

    /// The version specifier naming this language.
    pub fn specifier(self) -> &'static str {
        Language::SPECIFIERS.iter().find(|(_, language)| *language == self).map_or("1800-2017", |(name, _)| name)
    }

    /// The default for a file, from its name (as Verilator's
    /// `+1364-2005ext+v` would pick it): Verilog-2005 for `.v`, `.vh` and
    /// `.vlog`, SystemVerilog 2017 for everything else (`.sv`, `.svh`, ...).
    pub fn for_file_name(name: &str) -> Language {
        let extension = name.rsplit_once('.').map_or("", |(_, ext)| ext);
        let verilog = ["v", "vh", "vlog"].iter().any(|e| extension.eq_ignore_ascii_case(e));
        if verilog {
            Language::V2005
        } else {
            Language::Sv2017
        }
    }

    /// Whether `keyword` is a reserved word in this language.
    #[inline]
    pub fn reserves(self, keyword: Keyword) -> bool {
        self >= first_reserved_in(keyword)
    }

    /// The SystemVerilog standard that first reserved `word` (`logic`,
    /// `always_comb`), or None when it is no keyword or one Verilog already
    /// has: in a Verilog file such a word is a plain name, so an error about
    /// it can say why.
    pub fn systemverilog_keyword(word: &str) -> Option<Language> {
        lookup_keyword(word).map(first_reserved_in).filter(|&first| first >= Language::Sv2005)
    }

    /// The standard that first reserved `keyword` when that is a later one
    /// than Verilog-1995, as "IEEE 1364-2001" (older code may use it as a
    /// name: `cell`, `logic`, `bit`).
    pub fn reserved_since(keyword: Keyword) -> Option<String> {
        let first = first_reserved_in(keyword);
        (first > Language::V1995).then(|| format!("IEEE {}", first.specifier().trim_end_matches("-noconfig")))
    }
}

/// The oldest standard that reserves `keyword` (Annex B of IEEE 1800-2017
/// and of IEEE 1364-2005). 1364-2001 keywords other than the configuration
/// ones count from `V2001NoConfig`, which sorts before `V2001`, so
/// `1364-2001-noconfig` leaves out exactly those. Exhaustive on purpose: a new
/// [`Keyword`] must be classified here.
fn first_reserved_in(keyword: Keyword) -> Language {
    use Keyword::*;
    match keyword {
        Always | And | Assign | Begin | Buf | Bufif0 | Bufif1 | Case | Casex | Casez | Cmos | Deassign | Default
        | Defparam | Disable | Edge | Else | End | Endcase | Endfunction | Endmodule | Endprimitive | Endspecify
        | Endtable | Endtask | Event | For | Force | Forever | Fork | Function | Highz0 | Highz1 | If | Initial
        | Inout | Input | Integer | Join | Large | Macromodule | Medium | Module | Nand | Negedge | Nmos | Nor
        | Not | Notif0 | Notif1 | Or | Output | Parameter | Pmos | Posedge | Primitive | Pull0 | Pull1 | Pulldown
        | Pullup | Rcmos | Real | Realtime | Reg | Release | Repeat | Rnmos | Rpmos | Rtran | Rtranif0 | Rtranif1
        | Scalared | Small | Specify | Specparam | Strong0 | Strong1 | Supply0 | Supply1 | Table | Task | Time
        | Tran | Tranif0 | Tranif1 | Tri | Tri0 | Tri1 | Triand | Trior | Trireg | Vectored | Wait | Wand | Weak0
        | Weak1 | While | Wire | Wor | Xnor | Xor => Language::V1995,
        Automatic | Endgenerate | Generate | Genvar | Localparam | Signed | Unsigned => Language::V2001NoConfig,
        Config | Endconfig | Cell | Design | Incdir | Include | Instance | Liblist | Library | Use => Language::V2001,
        Uwire => Language::V2005,
        Unique0 | Let | Global => Language::Sv2009,
        // `randomize` is no reserved word at all, but the parser has always
        // seen it as one in SystemVerilog; keep that, and keep it out of
        // Verilog.
        AlwaysComb | AlwaysFf | AlwaysLatch | Assert | Assume | Bit | Break | Byte | Class | Const | Constraint
        | Continue | Cover | Covergroup | Do | Endclass | Endinterface | Endpackage | Endprogram | Endproperty
        | Enum | Export | Extern | Final | Foreach | Iff | Import | Inside | Int | Interface | JoinAny | JoinNone
        | Logic | Longint | Modport | Null | Package | Packed | Priority | Program | Property | Return | Sequence
        | Shortint | Shortreal | Static | String | Struct | Type | Typedef | Union | Unique | Var | Virtual | Void
        | Timeunit | Timeprecision | Randcase | Rand | Randc | Ref | Local | Protected | New | This | Super
        | Extends | Bind | Clocking | Endclocking | Matches | Tagged | Wildcard | With | Dist | Solve | Before
        | Randomize | Chandle | Randsequence => Language::Sv2005,
    }
}
