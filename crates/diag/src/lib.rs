//! Source files, spans and diagnostics shared by every wsim stage.
//!
//! A [`SourceMap`] owns the text of every file the preprocessor read. A
//! [`Span`] names a byte range inside one file. A [`Diagnostic`] carries a
//! stable [`Code`] (documented in `docs/diagnostics.md`), a severity, a
//! message and an optional primary span. Rendering is in one place
//! ([`render`]) so every stage prints the same editor-parseable form:
//!
//! ```text
//! tb.v:3:12: error[E0201]: expected expression, found `;`
//!     3 | assign x = ;
//!       |            ^
//! ```
//!
//! Architecture invariant: this crate knows nothing about Verilog; it is
//! only text positions and messages.

pub mod codes;

use std::fmt::Write as _;

/// Index of a file in a [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A byte range `[start, end)` inside one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, start: u32, end: u32) -> Span {
        Span { file, start, end }
    }
    /// The smallest span covering both (they must be in the same file; if
    /// not, `self` is returned).
    pub fn to(self, other: Span) -> Span {
        if self.file != other.file {
            return self;
        }
        Span { file: self.file, start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// One source file: its name as given by the user (or include path) and text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let text = text.into();
        let mut line_starts = vec![0u32];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceFile { name: name.into(), text, line_starts }
    }

    /// 1-based line and column (column counted in characters) of a byte offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let mut offset = offset.min(self.text.len() as u32);
        // An offset inside a multi-byte character counts as that character.
        while !self.text.is_char_boundary(offset as usize) {
            offset -= 1;
        }
        let line_idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line_idx] as usize;
        let col = self.text[start..offset as usize].chars().count() as u32 + 1;
        (line_idx as u32 + 1, col)
    }

    /// Text of a 1-based line without its line terminator.
    pub fn line_text(&self, line: u32) -> &str {
        let idx = (line.max(1) - 1) as usize;
        let Some(&start) = self.line_starts.get(idx) else { return "" };
        let end = self.line_starts.get(idx + 1).map(|&e| e as usize).unwrap_or(self.text.len());
        self.text[start as usize..end].trim_end_matches(['\n', '\r'])
    }
}

/// Every file read during one compilation.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn new() -> SourceMap {
        SourceMap::default()
    }
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        self.files.push(SourceFile::new(name, text));
        FileId(self.files.len() as u32 - 1)
    }
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }
    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (FileId(i as u32), f))
    }
    pub fn len(&self) -> usize {
        self.files.len()
    }
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
    /// `file:line:col` of the start of a span.
    pub fn location(&self, span: Span) -> String {
        let file = self.get(span.file);
        let (line, col) = file.line_col(span.start);
        format!("{}:{}:{}", file.name, line, col)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A stable diagnostic code, e.g. `E0201`. Every code is listed in
/// [`codes::ALL`] with a one-line description, and documented in
/// `docs/diagnostics.md` (a test keeps the two in sync).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Code {
    pub id: &'static str,
    pub summary: &'static str,
}

#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    pub span: Option<Span>,
    /// Extra lines printed after the snippet as `note: ...`.
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn error(code: Code, span: Option<Span>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Error, code, message: message.into(), span, notes: vec![] }
    }
    pub fn warning(code: Code, span: Option<Span>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, code, message: message.into(), span, notes: vec![] }
    }
    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// How diagnostics are printed (`--diagnostic-format`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DiagFormat {
    /// `file:line:col: severity[CODE]: message`, snippet, caret ([`render`]).
    #[default]
    Text,
    /// One JSON object per line (JSON Lines, [`render_json`]).
    Json,
}

impl std::str::FromStr for DiagFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<DiagFormat, String> {
        match s {
            "text" => Ok(DiagFormat::Text),
            "json" => Ok(DiagFormat::Json),
            _ => Err(format!("unknown diagnostic format `{s}` (expected `text` or `json`)")),
        }
    }
}

/// Everything the command line says about printing diagnostics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RenderOptions {
    pub format: DiagFormat,
    /// Print the source line and caret (text) / fill `source_line` (JSON).
    /// `--no-context` turns it off.
    pub show_context: bool,
}

impl Default for RenderOptions {
    fn default() -> RenderOptions {
        RenderOptions { format: DiagFormat::Text, show_context: true }
    }
}

/// Render one diagnostic as the options ask: text (with or without the
/// snippet) or one JSON line. The result always ends with a newline.
pub fn render_with(sources: &SourceMap, diag: &Diagnostic, opts: &RenderOptions) -> String {
    match opts.format {
        DiagFormat::Text => render_text(sources, diag, opts.show_context),
        DiagFormat::Json => {
            let mut line = json_line(sources, diag, opts.show_context);
            line.push('\n');
            line
        }
    }
}

/// Render one diagnostic in the gcc-style form editors parse:
/// `file:line:col: severity[CODE]: message`, then the source line and a caret.
pub fn render(sources: &SourceMap, diag: &Diagnostic) -> String {
    render_text(sources, diag, true)
}

/// Where a span starts and ends: 1-based lines and columns (columns count
/// characters); the end is the last character of the span (inclusive, like
/// the caret run), and equals the start for an empty span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

/// The position of a span, or `None` when it names no file of `sources`.
pub fn position(sources: &SourceMap, span: Span) -> Option<Position> {
    if (span.file.0 as usize) >= sources.len() {
        return None;
    }
    let file = sources.get(span.file);
    let (line, col) = file.line_col(span.start);
    let (end_line, end_col) = file.line_col(span.end.max(span.start + 1) - 1);
    let (end_line, end_col) = if (end_line, end_col) < (line, col) { (line, col) } else { (end_line, end_col) };
    Some(Position { line, col, end_line, end_col })
}

fn render_text(sources: &SourceMap, diag: &Diagnostic, show_context: bool) -> String {
    let mut out = String::new();
    let head = format!("{}[{}]: {}", diag.severity.as_str(), diag.code.id, diag.message);
    match diag.span.and_then(|span| Some((span, position(sources, span)?))) {
        Some((span, pos)) => {
            let file = sources.get(span.file);
            let _ = writeln!(out, "{}:{}:{}: {}", file.name, pos.line, pos.col, head);
            if show_context {
                write_snippet(&mut out, file.line_text(pos.line), pos);
            }
        }
        None => {
            let _ = writeln!(out, "wsim: {}", head);
        }
    }
    for note in &diag.notes {
        let _ = writeln!(out, "  = note: {}", note);
    }
    out
}

/// ` 3 | source line` then ` | ` and a caret under the span (to the end of
/// the line when the span runs past it). Tabs in the lead stay tabs so the
/// caret lines up in any tab width.
fn write_snippet(out: &mut String, text: &str, pos: Position) {
    let gutter = pos.line.to_string();
    let pad = " ".repeat(gutter.len());
    let _ = writeln!(out, " {} | {}", gutter, text);
    let caret_len = if pos.end_line == pos.line { (pos.end_col + 1).saturating_sub(pos.col).max(1) } else { 1 };
    let lead: String = text.chars().take(pos.col as usize - 1).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
    let _ = writeln!(out, " {} | {}{}", pad, lead, "^".repeat(caret_len as usize));
}

/// Render a diagnostic as one JSON object without a newline (for
/// `--diagnostic-format=json`). The fields are documented in
/// `docs/diagnostics.md` and never renamed: `severity`, `code`, `message`,
/// `file`, `line`, `column`, `end_line`, `end_column`, `source_line`,
/// `notes`. Location fields are `null` for a diagnostic without a span.
pub fn render_json(sources: &SourceMap, diag: &Diagnostic) -> String {
    json_line(sources, diag, true)
}

/// The JSON form; a struct (not a `json!` map) so the field order is the
/// declaration order whatever serde_json features the build unifies.
#[derive(serde::Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    code: &'static str,
    message: &'a str,
    file: Option<&'a str>,
    line: Option<u32>,
    column: Option<u32>,
    end_line: Option<u32>,
    end_column: Option<u32>,
    source_line: Option<&'a str>,
    notes: &'a [String],
}

fn json_line(sources: &SourceMap, diag: &Diagnostic, show_context: bool) -> String {
    let located = diag.span.and_then(|span| {
        let pos = position(sources, span)?;
        Some((sources.get(span.file), pos))
    });
    let field = |f: fn(Position) -> u32| located.map(|(_, pos)| f(pos));
    let json = JsonDiagnostic {
        severity: diag.severity,
        code: diag.code.id,
        message: &diag.message,
        file: located.map(|(file, _)| file.name.as_str()),
        line: field(|p| p.line),
        column: field(|p| p.col),
        end_line: field(|p| p.end_line),
        end_column: field(|p| p.end_col),
        source_line: located.filter(|_| show_context).map(|(file, pos)| file.line_text(pos.line)),
        notes: &diag.notes,
    };
    serde_json::to_string(&json).unwrap_or_default()
}

/// A list of diagnostics collected by one stage.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    pub list: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.list.push(d);
    }
    pub fn error(&mut self, code: Code, span: Span, message: impl Into<String>) {
        self.list.push(Diagnostic::error(code, Some(span), message));
    }
    pub fn warning(&mut self, code: Code, span: Span, message: impl Into<String>) {
        self.list.push(Diagnostic::warning(code, Some(span), message));
    }
    pub fn has_errors(&self) -> bool {
        self.list.iter().any(|d| d.is_error())
    }
    pub fn extend(&mut self, other: Diagnostics) {
        self.list.extend(other.list);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_snippet_and_caret() {
        let mut sm = SourceMap::new();
        let f = sm.add("tb.v", "module t;\nassign x = ;\nendmodule\n");
        let d = Diagnostic::error(codes::parse::EXPECTED, Some(Span::new(f, 21, 22)), "expected expression, found `;`");
        assert_eq!(
            render(&sm, &d),
            "tb.v:2:12: error[E0201]: expected expression, found `;`\n 2 | assign x = ;\n   |            ^\n"
        );
    }

    fn expected_expression() -> (SourceMap, Diagnostic) {
        let mut sm = SourceMap::new();
        let f = sm.add("tb.v", "module t;\nassign x = ;\nendmodule\n");
        let d = Diagnostic::error(codes::parse::EXPECTED, Some(Span::new(f, 21, 22)), "expected expression, found `;`");
        (sm, d)
    }

    #[test]
    fn json_line_has_every_field_in_order() {
        let (sm, d) = expected_expression();
        let json = RenderOptions { format: DiagFormat::Json, show_context: true };
        // The same line docs/diagnostics.md shows as its example.
        assert_eq!(
            render_with(&sm, &d, &json),
            "{\"severity\":\"error\",\"code\":\"E0201\",\"message\":\"expected expression, found `;`\",\
             \"file\":\"tb.v\",\"line\":2,\"column\":12,\"end_line\":2,\"end_column\":12,\
             \"source_line\":\"assign x = ;\",\"notes\":[]}\n"
        );
    }

    #[test]
    fn json_without_span_or_context_has_null_locations() {
        let sm = SourceMap::new();
        let d = Diagnostic::warning(codes::run::OPTION_IGNORED, None, "`+x` \"quoted\"").with_note("pass it to run");
        let json = RenderOptions { format: DiagFormat::Json, show_context: false };
        assert_eq!(
            render_with(&sm, &d, &json),
            "{\"severity\":\"warning\",\"code\":\"W0601\",\"message\":\"`+x` \\\"quoted\\\"\",\"file\":null,\
             \"line\":null,\"column\":null,\"end_line\":null,\"end_column\":null,\"source_line\":null,\
             \"notes\":[\"pass it to run\"]}\n"
        );
    }

    #[test]
    fn multi_line_span_ends_on_its_last_character() {
        let mut sm = SourceMap::new();
        let f = sm.add("a.v", "x = {a,\n     b};\n");
        let d = Diagnostic::warning(codes::elab::WIDTH_TRUNC, Some(Span::new(f, 4, 16)), "w");
        let json = RenderOptions { format: DiagFormat::Json, show_context: false };
        assert_eq!(
            render_with(&sm, &d, &json),
            "{\"severity\":\"warning\",\"code\":\"W0301\",\"message\":\"w\",\"file\":\"a.v\",\"line\":1,\
             \"column\":5,\"end_line\":2,\"end_column\":8,\"source_line\":null,\"notes\":[]}\n"
        );
    }

    #[test]
    fn no_context_drops_the_snippet_but_keeps_notes() {
        let (sm, d) = expected_expression();
        let d = d.with_note("a note");
        let opts = RenderOptions { format: DiagFormat::Text, show_context: false };
        assert_eq!(
            render_with(&sm, &d, &opts),
            "tb.v:2:12: error[E0201]: expected expression, found `;`\n  = note: a note\n"
        );
        assert_eq!(render_with(&sm, &d, &RenderOptions::default()), render(&sm, &d));
    }

    #[test]
    fn formats_parse_and_registry_lookups_work() {
        assert_eq!("json".parse::<DiagFormat>(), Ok(DiagFormat::Json));
        assert_eq!("text".parse::<DiagFormat>(), Ok(DiagFormat::Text));
        assert!("xml".parse::<DiagFormat>().is_err());
        assert_eq!(codes::by_id("w0305"), Some(codes::elab::UNUSED));
        assert_eq!(codes::by_id("W9999"), None);
        assert!(codes::is_off_by_default("W0306"));
        assert!(!codes::is_off_by_default("W0304"));
    }
}
