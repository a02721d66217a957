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

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
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

/// Render one diagnostic in the gcc-style form editors parse:
/// `file:line:col: severity[CODE]: message`, then the source line and a caret.
pub fn render(sources: &SourceMap, diag: &Diagnostic) -> String {
    let mut out = String::new();
    let head = format!("{}[{}]: {}", diag.severity.as_str(), diag.code.id, diag.message);
    match diag.span {
        Some(span) if (span.file.0 as usize) < sources.len() => {
            let file = sources.get(span.file);
            let (line, col) = file.line_col(span.start);
            let _ = writeln!(out, "{}:{}:{}: {}", file.name, line, col, head);
            let text = file.line_text(line);
            let gutter = line.to_string();
            let pad = " ".repeat(gutter.len());
            let _ = writeln!(out, " {} | {}", gutter, text);
            let (end_line, end_col) = file.line_col(span.end.max(span.start + 1) - 1);
            let caret_len = if end_line == line { (end_col + 1).saturating_sub(col).max(1) } else { 1 };
            let lead: String =
                text.chars().take(col as usize - 1).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
            let _ = writeln!(out, " {} | {}{}", pad, lead, "^".repeat(caret_len as usize));
        }
        _ => {
            let _ = writeln!(out, "wsim: {}", head);
        }
    }
    for note in &diag.notes {
        let _ = writeln!(out, "  = note: {}", note);
    }
    out
}

/// Render a diagnostic as one JSON object (for `--diagnostic-format=json`).
pub fn render_json(sources: &SourceMap, diag: &Diagnostic) -> String {
    let mut obj = serde_json::json!({
        "severity": diag.severity,
        "code": diag.code.id,
        "message": diag.message,
        "notes": diag.notes,
    });
    if let Some(span) = diag.span.filter(|s| (s.file.0 as usize) < sources.len()) {
        let file = sources.get(span.file);
        let (line, col) = file.line_col(span.start);
        obj["file"] = serde_json::json!(file.name);
        obj["line"] = serde_json::json!(line);
        obj["column"] = serde_json::json!(col);
    }
    obj.to_string()
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
}
