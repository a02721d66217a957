//! Preprocessor: compiler directives and text macros (IEEE 1800-2017 §22).
//!
//! The input files form one compilation unit: macros defined in one file
//! stay defined in the next, as in Icarus and Verilator. The preprocessor
//! pulls tokens from a stack of lexers (one per open file or macro
//! expansion). A backtick hands control to `Preprocessor::directive`, which
//! reads the directive's arguments from the raw text (directives are
//! line-oriented, tokens are not). Macro expansions are rescanned text whose
//! tokens carry the span of the outermost macro use.
//!
//! Directives the parser needs (`timescale`, `default_nettype`,
//! `celldefine`, ...) come out as [`TokenKind::Directive`] tokens; `pragma`
//! and `protect` are consumed and ignored.
//!
//! `begin_keywords` / `end_keywords` (§22.14) keep a stack of keyword sets
//! that overrides each input file's default [`Language`] (from its
//! extension, or [`PpOptions::language`]); every lexer opened gets the set
//! in force. `line` (§22.12) is recorded in a [`LineMap`], which
//! `` `__LINE__ `` / `` `__FILE__ `` consult.

mod line_map;
mod macros;
mod versions;

use std::collections::HashMap;
use std::rc::Rc;

pub use crate::lexer::Language;
use crate::lexer::{Lexer, Raw};
use crate::token::{Op, Token, TokenKind};
pub use line_map::{LineDirective, LineMap};
use macros::{apply_macro_operators, has_macro_operators, scan_macro_text, split_body, BodyPart, Macro, Param};
use wsim_diag::codes::preprocess as codes;
use wsim_diag::{Diagnostic, Diagnostics, FileId, SourceMap, Span};

/// Options from the command line.
#[derive(Clone, Debug, Default)]
pub struct PpOptions {
    /// `-D NAME[=VALUE]` / `+define+NAME=VALUE`; no value defines `1`.
    pub defines: Vec<(String, Option<String>)>,
    /// `-I dir` / `+incdir+dir`.
    pub include_dirs: Vec<String>,
    /// The keyword set of every input file (for a `-sv` / `-g2012` style
    /// flag); `None` picks it per file from the extension (see
    /// [`Language::for_file_name`]). `begin_keywords` overrides either.
    pub language: Option<Language>,
}

/// Everything [`preprocess_full`] produces.
#[derive(Debug, Default)]
pub struct PpOutput {
    /// The token stream, ending with `Eof`.
    pub tokens: Vec<Token>,
    pub diags: Diagnostics,
    /// The `` `line `` directives seen, per file: the presumed file names
    /// and line numbers a diagnostic renderer may show.
    pub line_map: LineMap,
}

/// How the preprocessor reads `` `include `` files.
pub trait FileLoader {
    fn load(&self, path: &str) -> Option<String>;
}

/// Reads from the file system.
pub struct FsLoader;

impl FileLoader for FsLoader {
    fn load(&self, path: &str) -> Option<String> {
        // Regular files only: `include "/dev/zero"` would read forever and
        // `/dev/stdin` or a FIFO would block the compiler. The null device
        // is the one safe special file, and `include "/dev/null"` an idiom.
        if is_null_device(path) {
            return Some(String::new());
        }
        if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
            return None;
        }
        std::fs::read_to_string(path).ok()
    }
}

/// `path` is the null device by name. Not through links: `/dev/stdin`
/// may resolve to `/dev/null` when stdin is redirected, and must still be
/// refused (it would block when it is a terminal).
fn is_null_device(path: &str) -> bool {
    cfg!(unix) && path == "/dev/null" && std::path::Path::new(path).metadata().is_ok_and(|m| !m.is_file())
}

/// Preprocess the given files (already added to `sources`) in order into one
/// token stream ending with `Eof`. Included files are added to `sources`.
pub fn preprocess(
    sources: &mut SourceMap,
    inputs: &[FileId],
    opts: &PpOptions,
    loader: &dyn FileLoader,
) -> (Vec<Token>, Diagnostics) {
    let out = preprocess_full(sources, inputs, opts, loader);
    (out.tokens, out.diags)
}

/// [`preprocess`], also returning the `` `line `` table.
pub fn preprocess_full(
    sources: &mut SourceMap,
    inputs: &[FileId],
    opts: &PpOptions,
    loader: &dyn FileLoader,
) -> PpOutput {
    let mut pp = Preprocessor::new(sources, opts, loader);
    for (name, value) in PREDEFINED {
        pp.macros.insert((*name).into(), Rc::new(Macro::object(value)));
    }
    for (name, value) in &opts.defines {
        // Accept an unsplit `NAME=VALUE` too.
        let (name, body) = match (name.split_once('='), value) {
            (Some((name, body)), None) => (name, body),
            (_, value) => (name.as_str(), value.as_deref().unwrap_or("1")),
        };
        pp.macros.insert(name.into(), Rc::new(Macro::object(body)));
    }
    for &file in inputs {
        pp.file_language = opts.language.unwrap_or_else(|| Language::for_file_name(&pp.sources.get(file).name));
        pp.run_file(file);
    }
    let eof_span = inputs.last().map_or(Span::default(), |&f| {
        let end = pp.sources.get(f).text.len() as u32;
        Span::new(f, end, end)
    });
    pp.out.push(Token { kind: TokenKind::Eof, span: eof_span, text: Box::default() });
    PpOutput { tokens: pp.out, diags: pp.diags, line_map: pp.line_map }
}

/// Macros every compilation starts with: the coverage constants of IEEE
/// 1800-2017 §40.3.2 (Verilator predefines the same).
const PREDEFINED: &[(&str, &str)] = &[
    ("SV_COV_START", "0"),
    ("SV_COV_STOP", "1"),
    ("SV_COV_RESET", "2"),
    ("SV_COV_CHECK", "3"),
    ("SV_COV_MODULE", "10"),
    ("SV_COV_HIER", "11"),
    ("SV_COV_ASSERTION", "20"),
    ("SV_COV_FSM_STATE", "21"),
    ("SV_COV_STATEMENT", "22"),
    ("SV_COV_TOGGLE", "23"),
    ("SV_COV_OVERFLOW", "-2"),
    ("SV_COV_ERROR", "-1"),
    ("SV_COV_NOCOV", "0"),
    ("SV_COV_OK", "1"),
    ("SV_COV_PARTIAL", "2"),
];

/// `` `include `` nesting limit (E0106).
const MAX_INCLUDE_DEPTH: usize = 64;
/// Macro expansion nesting limit (E0110); deeper means a recursive macro.
const MAX_MACRO_DEPTH: usize = 100;
/// Bytes of macro text one top-level macro use may expand to (E0110): the
/// depth limit alone lets `` `define a1 `a0 `a0 `` chains (or an argument
/// that doubles at each level) grow to 2^100 bytes.
const MAX_EXPANSION_BYTES: usize = 1 << 22;
/// `` `include `` directives one compilation may process (E0106): a file
/// that includes itself twice stays under the depth limit while making
/// 2^64 copies.
const MAX_INCLUDES: usize = 1 << 14;

/// One open text: a file or a macro expansion.
struct Frame {
    lexer: Lexer,
    /// For files: how many conditionals were open when the file started, so
    /// the ones it leaves open can be reported at its end.
    file_cond_base: Option<usize>,
}

/// One open `` `ifdef `` / `` `ifndef ``.
struct Cond {
    /// Text in the current branch is kept.
    active: bool,
    /// The enclosing text is kept (so a branch here may be).
    parent_active: bool,
    /// Some branch so far was taken (later `elsif`/`else` are not).
    taken: bool,
    seen_else: bool,
    /// The opening directive, for "never closed" errors.
    span: Span,
}

/// The directives the preprocessor knows by name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Directive {
    Define,
    Undef,
    Undefineall,
    Ifdef,
    Ifndef,
    Elsif,
    Else,
    Endif,
    Include,
    File,
    Line,
    /// `` `line N "file" level ``.
    LineRenumber,
    BeginKeywords,
    EndKeywords,
    /// Passed to the parser with no arguments.
    Bare,
    /// Passed to the parser with the rest of the line as arguments.
    WithLine,
    /// Passed to the parser with one identifier argument.
    WithIdent,
    /// Consumed with the rest of its line and ignored.
    IgnoreLine,
    /// Consumed and ignored.
    Ignore,
}

impl Directive {
    fn from_name(name: &str) -> Option<Directive> {
        use Directive::*;
        Some(match name {
            "define" => Define,
            "undef" => Undef,
            "undefineall" => Undefineall,
            "ifdef" => Ifdef,
            "ifndef" => Ifndef,
            "elsif" => Elsif,
            "else" => Else,
            "endif" => Endif,
            "include" => Include,
            "__FILE__" => File,
            "__LINE__" => Line,
            "celldefine" | "endcelldefine" | "resetall" | "nounconnected_drive" => Bare,
            "timescale" => WithLine,
            "default_nettype" | "unconnected_drive" => WithIdent,
            "line" => LineRenumber,
            "begin_keywords" => BeginKeywords,
            "end_keywords" => EndKeywords,
            "pragma" | "protect" | "endprotect" | "default_decay_time" | "default_trireg_strength" => IgnoreLine,
            "delay_mode_distributed" | "delay_mode_path" | "delay_mode_unit" | "delay_mode_zero" => Ignore,
            _ => return None,
        })
    }

    fn is_conditional(self) -> bool {
        matches!(self, Directive::Ifdef | Directive::Ifndef | Directive::Elsif | Directive::Else | Directive::Endif)
    }
}

struct Preprocessor<'a> {
    sources: &'a mut SourceMap,
    opts: &'a PpOptions,
    loader: &'a dyn FileLoader,
    macros: HashMap<Box<str>, Rc<Macro>>,
    stack: Vec<Frame>,
    conds: Vec<Cond>,
    out: Vec<Token>,
    diags: Diagnostics,
    /// Lexer diagnostics from text that is skipped or rescanned; dropped.
    scratch: Diagnostics,
    /// The current input file's keyword set when no `begin_keywords` is open.
    file_language: Language,
    /// Open `begin_keywords`, innermost last.
    keyword_stack: Vec<Language>,
    line_map: LineMap,
    /// Bytes expanded since the current top-level macro use began.
    expansion_bytes: usize,
    /// `` `include `` directives processed so far.
    includes: usize,
}

impl<'a> Preprocessor<'a> {
    fn new(sources: &'a mut SourceMap, opts: &'a PpOptions, loader: &'a dyn FileLoader) -> Preprocessor<'a> {
        Preprocessor {
            sources,
            opts,
            loader,
            macros: HashMap::new(),
            stack: Vec::new(),
            conds: Vec::new(),
            out: Vec::new(),
            diags: Diagnostics::default(),
            scratch: Diagnostics::default(),
            file_language: Language::Sv2017,
            keyword_stack: Vec::new(),
            line_map: LineMap::default(),
            expansion_bytes: 0,
            includes: 0,
        }
    }

    fn run_file(&mut self, file: FileId) {
        let text = self.sources.get(file).text.as_str();
        self.out.reserve(text.len() / 5);
        self.push_file(file, Rc::from(text));
        self.run();
    }

    fn push_file(&mut self, file: FileId, text: Rc<str>) {
        let language = self.language();
        self.stack.push(Frame {
            lexer: Lexer::new(file, text).with_language(language),
            file_cond_base: Some(self.conds.len()),
        });
    }

    /// The keyword set in force.
    fn language(&self) -> Language {
        self.keyword_stack.last().map_or(self.file_language, |&language| language)
    }

    /// Open a macro expansion (or rescanned text) covering `span`.
    fn push_expansion(&mut self, file: FileId, text: Rc<str>, span: Span) {
        let lexer = Lexer::new(file, text).with_span_override(Some(span)).with_language(self.language());
        self.stack.push(Frame { lexer, file_cond_base: None });
    }

    fn active(&self) -> bool {
        self.conds.last().is_none_or(|c| c.active)
    }

    /// Pull tokens until every open file and expansion is finished.
    fn run(&mut self) {
        loop {
            let active = self.conds.last().is_none_or(|c| c.active);
            let Some(frame) = self.stack.last_mut() else {
                break;
            };
            let diags = if active { &mut self.diags } else { &mut self.scratch };
            match frame.lexer.next_raw(diags) {
                Raw::Token(tok) if active => self.out.push(tok),
                Raw::Token(_) => self.scratch.list.clear(),
                Raw::Backtick(start) => self.directive(start),
                Raw::Eof => self.pop_frame(),
            }
        }
    }

    fn pop_frame(&mut self) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        if let Some(base) = frame.file_cond_base {
            for cond in self.conds.drain(base.min(self.conds.len())..) {
                self.diags.error(
                    codes::UNBALANCED_CONDITIONAL,
                    cond.span,
                    "conditional is never closed: missing `endif before the end of the file",
                );
            }
        }
    }

    fn lexer(&mut self) -> &mut Lexer {
        &mut self.stack.last_mut().expect("a directive is read from an open frame").lexer
    }

    /// [`apply_macro_operators`] with the macros defined now.
    fn apply_operators(&self, text: &str) -> String {
        let lookup = |name: &str| match self.macros.get(name).map(|m| &**m) {
            Some(Macro::Object { text, .. }) => Some(text.clone()),
            _ => None,
        };
        apply_macro_operators(text, &lookup)
    }

    /// The span from `start` to the cursor of the innermost frame.
    fn span_to_cursor(&mut self, start: usize) -> Span {
        let lexer = self.lexer();
        lexer.span(start, lexer.pos)
    }

    /// The innermost open file (macro expansions belong to it).
    fn current_file(&self) -> FileId {
        let frame = self.stack.iter().rev().find(|f| f.file_cond_base.is_some());
        frame.or(self.stack.last()).map_or(FileId(0), |f| f.lexer.file())
    }

    /// Conditionals opened in the innermost file: `else`/`endif` may only
    /// close those.
    fn file_cond_base(&self) -> usize {
        self.stack.iter().rev().find_map(|f| f.file_cond_base).unwrap_or(0)
    }

    /// Handle the backtick at `start` (the lexer stands after it).
    fn directive(&mut self, start: usize) {
        let active = self.active();
        let lexer = self.lexer();
        let Some((name_start, name_end)) = lexer.read_ident() else {
            if active {
                self.stray_backtick(start);
            }
            return;
        };
        let span = self.lexer().span(start, name_end);
        let directive = Directive::from_name(self.lexer().slice(name_start, name_end));
        match directive {
            Some(d) if d.is_conditional() => self.conditional(d, span),
            _ if !active => {}
            Some(d) => self.other_directive(d, start, span),
            None => {
                let name = self.lexer().slice(name_start, name_end).to_string();
                self.macro_use(&name, start, name_end);
            }
        }
    }

    /// A backtick not followed by a name: `` `` `` or `` `" `` outside a macro
    /// body, or a lone backtick.
    fn stray_backtick(&mut self, start: usize) {
        if self.lexer().peek() == Some(b'"') && self.stringify_outside_macro(start) {
            return;
        }
        let lexer = self.lexer();
        let next = lexer.peek();
        let (end, what) = match next {
            Some(b'`') => (start + 2, "``"),
            Some(b'"') => (start + 2, "`\""),
            _ => (start + 1, "`"),
        };
        lexer.pos = end;
        let span = lexer.span(start, end);
        let message = if end == start + 2 {
            format!("`{what}` is only allowed inside a macro body")
        } else {
            "expected a directive or macro name after the backtick".to_string()
        };
        self.diags.error(codes::BAD_DIRECTIVE, span, message);
    }

    /// `` `"text`" `` in ordinary source, which Verilator (and many
    /// commercial tools) accept like a stringification in a macro body: the
    /// text up to the closing `` `" `` on the same line, with embedded
    /// macros expanded, becomes a string literal. False if it is not closed.
    fn stringify_outside_macro(&mut self, start: usize) -> bool {
        let lexer = self.lexer();
        let b = lexer.text().as_bytes();
        let from = start + 2;
        let line = &b[from..crate::lexer::line_end(b, from)];
        let Some(close) = line.windows(2).position(|w| w == b"`\"") else {
            return false;
        };
        let end = from + close + 2;
        lexer.pos = end;
        let span = lexer.span(start, end);
        let file = lexer.file();
        let source = lexer.slice(start, end).to_string();
        let text = self.apply_operators(&source);
        self.push_expansion(file, text.into(), span);
        true
    }

    fn other_directive(&mut self, directive: Directive, start: usize, span: Span) {
        match directive {
            Directive::Define => self.define(span),
            Directive::Undef => {
                if let Some(name) = self.expect_macro_name("`undef", span) {
                    self.macros.remove(name.as_str());
                }
            }
            Directive::Undefineall => self.macros.clear(),
            Directive::Include => self.include(start, span),
            Directive::File => {
                let (name, _) = self.line_map.presumed(self.sources, span.file, span.start);
                self.out.push(Token { kind: TokenKind::StringLit, span, text: name.into() });
            }
            Directive::Line => {
                // Inside a macro use spanning lines, Icarus and Verilator
                // give the line where the use ends; so do we.
                let last_byte = span.end.saturating_sub(1).max(span.start);
                let (_, line) = self.line_map.presumed(self.sources, span.file, last_byte);
                self.out.push(Token { kind: TokenKind::Number, span, text: line.to_string().into() });
            }
            Directive::Bare => self.emit_directive(start, String::new()),
            Directive::WithLine => {
                let args = self.lexer().read_line_normalized();
                self.emit_directive(start, args);
            }
            Directive::WithIdent => {
                let lexer = self.lexer();
                lexer.skip_line_space();
                match lexer.read_ident() {
                    Some((s, e)) => {
                        let arg = lexer.slice(s, e).to_string();
                        self.emit_directive(start, arg);
                    }
                    None => {
                        let name_end = crate::lexer::ident_end(lexer.text().as_bytes(), start + 1);
                        let message = format!("`{} needs an argument", lexer.slice(start + 1, name_end));
                        self.diags.error(codes::BAD_DIRECTIVE, span, message);
                    }
                }
            }
            Directive::LineRenumber => self.line_directive(span),
            Directive::BeginKeywords => self.begin_keywords(span),
            Directive::EndKeywords => self.end_keywords(span),
            Directive::IgnoreLine => {
                self.check_pragma_name(start, span);
                self.lexer().skip_to_line_end()
            }
            Directive::Ignore => {}
            _ => unreachable!("conditionals are handled by Preprocessor::conditional"),
        }
    }

    /// `` `pragma `` must name a pragma (1800-2017 22.11); the rest of its
    /// line is then ignored.
    fn check_pragma_name(&mut self, start: usize, span: Span) {
        let lexer = self.lexer();
        let name_end = crate::lexer::ident_end(lexer.text().as_bytes(), start + 1);
        if lexer.slice(start + 1, name_end) != "pragma" {
            return;
        }
        lexer.skip_line_space();
        if lexer.read_ident().is_none() {
            self.diags.error(codes::BAD_DIRECTIVE, span, "`pragma needs a pragma name (22.11)");
        }
    }

    /// Emit a [`TokenKind::Directive`] token for the directive starting at
    /// `start` (the lexer stands after its name and arguments).
    fn emit_directive(&mut self, start: usize, args: String) {
        let lexer = self.lexer();
        let name_end = crate::lexer::ident_end(lexer.text().as_bytes(), start + 1);
        let mut text = lexer.slice(start + 1, name_end).to_string();
        if !args.is_empty() {
            text.push(' ');
            text.push_str(&args);
        }
        let end = lexer.pos.max(name_end);
        let span = lexer.span(start, end);
        self.out.push(Token { kind: TokenKind::Directive, span, text: text.into() });
    }

    /// Read the macro name after `` `define ``/`` `undef ``/`` `ifdef ``.
    fn expect_macro_name(&mut self, directive: &str, span: Span) -> Option<String> {
        let lexer = self.lexer();
        lexer.skip_line_space();
        match lexer.read_ident() {
            Some((s, e)) => Some(lexer.slice(s, e).to_string()),
            None => {
                self.diags.error(codes::BAD_DIRECTIVE, span, format!("expected a macro name after {directive}"));
                None
            }
        }
    }

    // ---- conditional compilation ----

    fn conditional(&mut self, directive: Directive, span: Span) {
        let has_open = self.conds.len() > self.file_cond_base();
        match directive {
            Directive::Ifdef | Directive::Ifndef => {
                let parent_active = self.active();
                let name = self.conditional_name(directive, span, parent_active);
                let defined = name.is_some_and(|n| self.macros.contains_key(n.as_str()));
                let taken = defined == (directive == Directive::Ifdef);
                self.conds.push(Cond { active: parent_active && taken, parent_active, taken, seen_else: false, span });
            }
            Directive::Elsif => {
                let parent_active = self.conds.last().is_none_or(|c| c.parent_active);
                let name = self.conditional_name(directive, span, parent_active);
                if !has_open {
                    return self.unbalanced(span, "`elsif without a matching `ifdef");
                }
                let defined = name.is_some_and(|n| self.macros.contains_key(n.as_str()));
                let cond = self.conds.last_mut().expect("checked above");
                if cond.seen_else {
                    return self.unbalanced(span, "`elsif after `else");
                }
                cond.active = cond.parent_active && !cond.taken && defined;
                cond.taken |= defined;
            }
            Directive::Else => {
                if !has_open {
                    return self.unbalanced(span, "`else without a matching `ifdef");
                }
                let cond = self.conds.last_mut().expect("checked above");
                if cond.seen_else {
                    return self.unbalanced(span, "second `else for the same `ifdef");
                }
                cond.active = cond.parent_active && !cond.taken;
                cond.taken = true;
                cond.seen_else = true;
            }
            Directive::Endif => {
                if !has_open {
                    return self.unbalanced(span, "`endif without a matching `ifdef");
                }
                self.conds.pop();
            }
            _ => unreachable!("only conditionals reach here"),
        }
    }

    /// The macro name after `ifdef/`ifndef/`elsif (reported missing only in
    /// text that is not skipped).
    fn conditional_name(&mut self, directive: Directive, span: Span, report: bool) -> Option<String> {
        let lexer = self.lexer();
        lexer.skip_line_space();
        if let Some((s, e)) = lexer.read_ident() {
            return Some(lexer.slice(s, e).to_string());
        }
        if report {
            let name = match directive {
                Directive::Ifdef => "`ifdef",
                Directive::Ifndef => "`ifndef",
                _ => "`elsif",
            };
            self.diags.error(codes::BAD_DIRECTIVE, span, format!("expected a macro name after {name}"));
        }
        None
    }

    fn unbalanced(&mut self, span: Span, message: &str) {
        self.diags.error(codes::UNBALANCED_CONDITIONAL, span, message);
    }

    // ---- `define ----

    fn define(&mut self, span: Span) {
        let Some(name) = self.expect_macro_name("`define", span) else {
            self.lexer().skip_to_line_end();
            return;
        };
        if Directive::from_name(&name).is_some() {
            self.diags.error(
                codes::BAD_DIRECTIVE,
                span,
                format!("cannot define a macro named `{name}`: it is a compiler directive"),
            );
            self.skip_define_body();
            return;
        }
        // Formal parameters only when `(` follows the name directly.
        let params = if self.lexer().peek() == Some(b'(') {
            match self.read_params() {
                Ok(params) => Some(params),
                Err(message) => {
                    self.diags.error(codes::BAD_DIRECTIVE, span, format!("in `define {name}: {message}"));
                    self.skip_define_body();
                    return;
                }
            }
        } else {
            None
        };
        let lexer = self.lexer();
        let scanned = scan_macro_text(lexer.text(), lexer.pos, true);
        lexer.pos = scanned.end;
        if scanned.unterminated_comment {
            let message = format!("unterminated block comment in `define {name}");
            self.diags.error(codes::UNTERMINATED, span, message);
        }
        let body = scanned.text;
        let mac = match params {
            None => Macro::object(&body),
            Some(params) => Macro::Function { body: split_body(&body, &params), params },
        };
        self.macros.insert(name.into(), Rc::new(mac));
    }

    fn skip_define_body(&mut self) {
        let lexer = self.lexer();
        lexer.pos = scan_macro_text(lexer.text(), lexer.pos, true).end;
    }

    /// Read `(a, b = default, ...)`; the lexer stands on the `(`.
    fn read_params(&mut self) -> Result<Vec<Param>, String> {
        let lexer = self.lexer();
        lexer.pos += 1;
        let mut params = Vec::new();
        loop {
            lexer.skip_trivia(&mut Diagnostics::default());
            if params.is_empty() && lexer.peek() == Some(b')') {
                lexer.pos += 1;
                return Ok(params);
            }
            let Some((s, e)) = lexer.read_ident() else {
                return Err("expected a parameter name".into());
            };
            let name: Box<str> = lexer.slice(s, e).into();
            lexer.skip_trivia(&mut Diagnostics::default());
            let default = if lexer.peek() == Some(b'=') {
                lexer.pos += 1;
                Some(read_default(lexer)?)
            } else {
                None
            };
            params.push(Param { name, default });
            match lexer.peek() {
                Some(b',') => lexer.pos += 1,
                Some(b')') => {
                    lexer.pos += 1;
                    return Ok(params);
                }
                _ => return Err("expected `,` or `)` in the parameter list".into()),
            }
        }
    }

    // ---- macro use ----

    /// Expand `` `name `` (the lexer stands after the name).
    fn macro_use(&mut self, name: &str, start: usize, name_end: usize) {
        let Some(mac) = self.macros.get(name).cloned() else {
            let span = self.lexer().span(start, name_end);
            self.diags.error(codes::UNDEFINED_MACRO, span, format!("undefined macro `{name}`"));
            // Drop an argument list written right after the name, so the
            // parser does not report it a second time.
            if self.lexer().peek() == Some(b'(') {
                let reported = std::mem::take(&mut self.diags);
                self.collect_args(name, start, name_end);
                self.diags = reported;
            }
            return;
        };
        let depth = self.stack.iter().filter(|f| f.file_cond_base.is_none()).count();
        let text: Rc<str> = match &*mac {
            Macro::Object { text, has_operators: false } => text.clone(),
            Macro::Object { text, has_operators: true } => self.apply_operators(text).into(),
            Macro::Function { params, body } => {
                let Some(args) = self.collect_args(name, start, name_end) else {
                    return;
                };
                let span = self.span_to_cursor(start);
                let Some(text) = self.substitute(name, params, body, &args, span) else {
                    return;
                };
                text.into()
            }
        };
        let span = self.span_to_cursor(start);
        if depth >= MAX_MACRO_DEPTH {
            self.diags.error(
                codes::MACRO_DEPTH,
                span,
                format!("macro expansion nested more than {MAX_MACRO_DEPTH} deep (recursive macro `{name}`?)"),
            );
            return;
        }
        if !self.charge_expansion(name, depth, text.len(), span) {
            return;
        }
        let file = self.lexer().file();
        self.push_expansion(file, text, span);
    }

    /// Count `len` expanded bytes against the top-level use's budget
    /// (`depth` 0 starts a new one). Over budget: report, abandon the whole
    /// expansion (every macro frame above the file) and return false.
    fn charge_expansion(&mut self, name: &str, depth: usize, len: usize, span: Span) -> bool {
        if depth == 0 {
            self.expansion_bytes = 0;
        }
        self.expansion_bytes = self.expansion_bytes.saturating_add(len + 1);
        if self.expansion_bytes <= MAX_EXPANSION_BYTES {
            return true;
        }
        self.diags.error(
            codes::MACRO_DEPTH,
            span,
            format!("macro `{name}` expands to more than {MAX_EXPANSION_BYTES} bytes (exponential macro?)"),
        );
        while self.stack.last().is_some_and(|f| f.file_cond_base.is_none()) {
            self.stack.pop();
        }
        false
    }

    /// Read `(arg, arg, ...)` after a function-like macro's name, as raw text
    /// split at top-level commas. `None` (after a diagnostic) if missing.
    fn collect_args(&mut self, name: &str, start: usize, name_end: usize) -> Option<Vec<String>> {
        let mut scratch = Diagnostics::default();
        let lexer = self.lexer();
        let after_name = lexer.pos;
        lexer.skip_trivia(&mut scratch);
        if lexer.peek() != Some(b'(') {
            lexer.pos = after_name;
            let span = lexer.span(start, name_end);
            self.diags.error(codes::MACRO_ARGS, span, format!("macro `{name}` needs an argument list"));
            return None;
        }
        lexer.pos += 1;
        let mut args = Vec::new();
        let mut arg_start = lexer.pos;
        let mut depth = 0usize;
        loop {
            let tok = match lexer.next_raw(&mut scratch) {
                Raw::Token(tok) => tok,
                Raw::Backtick(_) => continue,
                Raw::Eof => {
                    let span = lexer.span(start, name_end);
                    let message = format!("argument list of macro `{name}` is never closed");
                    self.diags.error(codes::MACRO_ARGS, span, message);
                    return None;
                }
            };
            let TokenKind::Op(op) = tok.kind else {
                continue;
            };
            match op {
                Op::LParen | Op::LBracket | Op::LBrace | Op::AttrOpen => depth += 1,
                Op::RParen if depth == 0 => {
                    args.push(clean_arg(lexer.slice(arg_start, lexer.last_start)));
                    return Some(args);
                }
                Op::RParen | Op::RBracket | Op::RBrace | Op::AttrClose => depth = depth.saturating_sub(1),
                Op::Comma if depth == 0 => {
                    args.push(clean_arg(lexer.slice(arg_start, lexer.last_start)));
                    arg_start = lexer.pos;
                }
                _ => {}
            }
        }
    }

    /// The body with actual arguments (or defaults) in place of the
    /// parameters and the macro operators applied.
    fn substitute(
        &mut self,
        name: &str,
        params: &[Param],
        body: &[BodyPart],
        args: &[String],
        span: Span,
    ) -> Option<String> {
        // `M()` passes one empty argument, which is also "no arguments".
        let n_args = if params.is_empty() && args.len() == 1 && args[0].is_empty() { 0 } else { args.len() };
        if n_args > params.len() {
            let message = format!("macro `{name}` takes {} argument(s), but {n_args} were given", params.len());
            self.diags.error(codes::MACRO_ARGS, span, message);
            return None;
        }
        let mut actuals: Vec<&str> = Vec::with_capacity(params.len());
        for (i, param) in params.iter().enumerate() {
            let given = args.get(i).map(String::as_str).filter(|a| !a.is_empty());
            match (given, &param.default) {
                (Some(arg), _) => actuals.push(arg),
                (None, Some(default)) => actuals.push(default),
                (None, None) if i < n_args => actuals.push(""),
                (None, None) => {
                    let message = format!(
                        "macro `{name}` needs {} argument(s), but {n_args} were given (`{}` has no default)",
                        params.len(),
                        param.name
                    );
                    self.diags.push(Diagnostic::error(codes::MACRO_ARGS, Some(span), message));
                    return None;
                }
            }
        }
        let mut text = String::new();
        for part in body {
            match part {
                BodyPart::Text(t) => text.push_str(t),
                BodyPart::Param(n) => text.push_str(actuals[*n]),
            }
        }
        Some(if has_macro_operators(&text) { self.apply_operators(&text) } else { text })
    }

    // ---- `include ----

    fn include(&mut self, start: usize, span: Span) {
        let lexer = self.lexer();
        lexer.skip_line_space();
        let path = match lexer.peek() {
            Some(open @ (b'"' | b'<')) => {
                let close = if open == b'"' { b'"' } else { b'>' };
                let from = lexer.pos + 1;
                let b = lexer.text().as_bytes();
                let len = b[from..].iter().position(|&c| c == close || c == b'\n');
                match len {
                    Some(len) if b[from + len] == close => {
                        lexer.pos = from + len + 1;
                        Some(lexer.slice(from, from + len).to_string())
                    }
                    _ => None,
                }
            }
            Some(b'`') => self.include_macro_path(),
            _ => None,
        };
        let lexer = self.lexer();
        let span = if path.is_some() { lexer.span(start, lexer.pos) } else { span };
        let Some(path) = path else {
            // Drop the malformed operand so the parser does not see it.
            lexer.skip_to_line_end();
            self.diags.error(codes::BAD_DIRECTIVE, span, "expected \"file\" or <file> after `include");
            return;
        };
        let depth = self.stack.iter().filter(|f| f.file_cond_base.is_some()).count();
        if depth > MAX_INCLUDE_DEPTH {
            let message =
                format!("`include nested more than {MAX_INCLUDE_DEPTH} deep (recursive include of \"{path}\"?)");
            self.diags.error(codes::INCLUDE_DEPTH, span, message);
            return;
        }
        self.includes += 1;
        if self.includes > MAX_INCLUDES {
            // Reported once; later includes are dropped silently.
            if self.includes == MAX_INCLUDES + 1 {
                let message =
                    format!("more than {MAX_INCLUDES} `include directives processed (\"{path}\" included in a loop?)");
                self.diags.error(codes::INCLUDE_DEPTH, span, message);
            }
            return;
        }
        let candidates = self.include_candidates(&path);
        for candidate in &candidates {
            if let Some(text) = self.loader.load(candidate) {
                let rc: Rc<str> = Rc::from(text.as_str());
                let file = self.sources.add(candidate.clone(), text);
                self.push_file(file, rc);
                return;
            }
        }
        let d = Diagnostic::error(codes::INCLUDE_NOT_FOUND, Some(span), format!("cannot find include file \"{path}\""))
            .with_note(format!("looked for: {}", candidates.join(", ")));
        self.diags.push(d);
    }

    /// `` `include `FILE `` or `` `include `F(args) `` where the macro's
    /// expansion is a string or `<file>` (1800-2017 22.4).
    fn include_macro_path(&mut self) -> Option<String> {
        let lexer = self.lexer();
        let start = lexer.pos;
        lexer.pos += 1;
        let (s, e) = lexer.read_ident()?;
        let name = lexer.slice(s, e).to_string();
        let text = match self.macros.get(name.as_str()).cloned().as_deref() {
            Some(Macro::Object { text, has_operators }) => {
                if *has_operators {
                    self.apply_operators(text)
                } else {
                    text.to_string()
                }
            }
            Some(Macro::Function { params, body }) => {
                let args = self.collect_args(&name, start, e)?;
                let span = self.span_to_cursor(start);
                self.substitute(&name, params, body, &args, span)?
            }
            None => return None,
        };
        let t = text.trim();
        let quoted =
            t.len() >= 2 && ((t.starts_with('"') && t.ends_with('"')) || (t.starts_with('<') && t.ends_with('>')));
        quoted.then(|| t[1..t.len() - 1].to_string())
    }

    /// Where to look for an included file: next to the including file, then
    /// the current working directory (as Icarus and Verilator do, so
    /// `` `include "sub/file.v" `` from a file elsewhere finds `./sub/file.v`),
    /// then each include directory in order.
    fn include_candidates(&self, path: &str) -> Vec<String> {
        if path.starts_with('/') {
            return vec![path.to_string()];
        }
        let including = self.sources.get(self.current_file()).name.as_str();
        let dir = including.rsplit_once('/').map_or("", |(dir, _)| dir);
        let mut candidates = vec![join_path(dir, path)];
        let from_cwd = path.to_string();
        if !candidates.contains(&from_cwd) {
            candidates.push(from_cwd);
        }
        for dir in &self.opts.include_dirs {
            let candidate = join_path(dir, path);
            if !candidates.contains(&candidate) {
                candidates.push(candidate);
            }
        }
        candidates
    }
}

fn join_path(dir: &str, path: &str) -> String {
    if dir.is_empty() || dir == "." {
        path.to_string()
    } else {
        format!("{}/{}", dir.trim_end_matches('/'), path)
    }
}

/// An actual argument's text: comments dropped, runs of white space
/// outside string literals collapsed to one space (as Icarus and Verilator
/// do, which shows in stringification), ends trimmed.
fn clean_arg(raw: &str) -> String {
    let text = if raw.contains('/') || raw.contains('\\') {
        scan_macro_text(raw, 0, false).text
    } else {
        raw.trim().to_string()
    };
    macros::collapse_white_space(&text)
}

/// A parameter default: raw text up to a top-level `,` or `)`.
fn read_default(lexer: &mut Lexer) -> Result<String, String> {
    let b = lexer.text().as_bytes();
    let start = lexer.pos;
    let mut depth = 0usize;
    let mut i = start;
    while i < b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth > 0 => depth -= 1,
            b')' | b',' if depth == 0 => {
                lexer.pos = i;
                return Ok(clean_arg(lexer.slice(start, i)));
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' && b[i] != b'\n' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'\n' if i == 0 || b[i - 1] != b'\\' => break,
            _ => {}
        }
        i += 1;
    }
    Err("parameter default is never closed".into())
}

#[cfg(test)]
mod include_search_tests {
    use super::*;
    use std::collections::HashMap;

    struct MemLoader(HashMap<&'static str, &'static str>);

    impl FileLoader for MemLoader {
        fn load(&self, path: &str) -> Option<String> {
            self.0.get(path).map(|text| text.to_string())
        }
    }

    fn run(top_name: &str, top_text: &str, files: &[(&'static str, &'static str)]) -> (SourceMap, PpOutput) {
        let mut sources = SourceMap::new();
        let top = sources.add(top_name, top_text);
        let loader = MemLoader(files.iter().copied().collect());
        let opts = PpOptions { include_dirs: vec!["incdir".into()], ..Default::default() };
        let out = preprocess_full(&mut sources, &[top], &opts, &loader);
        (sources, out)
    }

    #[test]
    fn an_include_path_may_come_from_a_function_like_macro() {
        let top = "`define Q(f) `\"f`\"\n`define INC <inc.vh>\n`include `Q(defs.vh)\n`include `INC\n";
        let (_, out) = run("top.v", top, &[("defs.vh", "defs_tok"), ("inc.vh", "inc_tok")]);
        assert!(out.diags.list.is_empty(), "{:?}", out.diags.list);
        let texts: Vec<&str> = out.tokens.iter().map(|t| &*t.text).collect();
        assert_eq!(texts[..2], ["defs_tok", "inc_tok"]);
    }

    #[test]
    fn an_include_path_is_also_tried_from_the_cwd() {
        // `tests/top.v` includes `tests/defs.vh`: not next to the including
        // file (that would be `tests/tests/defs.vh`) but under the cwd.
        let (sources, out) = run("tests/top.v", "`include \"tests/defs.vh\"\n", &[("tests/defs.vh", "defs_tok")]);
        assert!(out.diags.list.is_empty(), "{:?}", out.diags.list);
        assert_eq!(&*out.tokens[0].text, "defs_tok");
        assert_eq!(sources.get(out.tokens[0].span.file).name, "tests/defs.vh");
    }

    #[test]
    fn the_including_dir_comes_before_the_cwd_and_the_cwd_before_include_dirs() {
        let files = [("a/x.vh", "next_to_includer"), ("x.vh", "from_cwd"), ("incdir/x.vh", "from_incdir")];
        let (_, out) = run("a/top.v", "`include \"x.vh\"\n", &files);
        assert_eq!(&*out.tokens[0].text, "next_to_includer");
        let (_, out) = run("a/top.v", "`include \"x.vh\"\n", &files[1..]);
        assert_eq!(&*out.tokens[0].text, "from_cwd");
        let (_, out) = run("a/top.v", "`include \"x.vh\"\n", &files[2..]);
        assert_eq!(&*out.tokens[0].text, "from_incdir");
    }
}
