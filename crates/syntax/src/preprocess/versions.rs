//! `` `line `` (IEEE 1800-2017 §22.12) and `` `begin_keywords `` /
//! `` `end_keywords `` (§22.14): the directives that change how the text
//! after them is numbered or which words are keywords in it.

use super::{LineDirective, Preprocessor};
use crate::lexer::{line_end, Language};
use wsim_diag::codes::preprocess as codes;
use wsim_diag::Span;

impl Preprocessor<'_> {
    /// `` `line number "filename" level ``: the next line becomes line
    /// `number` of `filename` for `` `__LINE__ `` / `` `__FILE__ ``.
    pub(super) fn line_directive(&mut self, span: Span) {
        let Some((line, name, level)) = self.read_line_operands() else {
            self.lexer().skip_to_line_end();
            let message = "expected `line <positive number> \"<file name>\" <level 0, 1 or 2>";
            self.diags.error(codes::BAD_DIRECTIVE, span, message);
            return;
        };
        self.expect_line_end("`line", span);
        let from = self.next_line_start();
        let directive = LineDirective { from, line, name, level };
        self.line_map.add(span.file, directive);
    }

    /// The operands of `` `line ``, or `None` if malformed.
    fn read_line_operands(&mut self) -> Option<(u32, String, u8)> {
        let lexer = self.lexer();
        lexer.skip_line_space();
        let b = lexer.text().as_bytes();
        let digits_end = b[lexer.pos..].iter().position(|c| !c.is_ascii_digit()).map_or(b.len(), |n| lexer.pos + n);
        let line: u32 = lexer.slice(lexer.pos, digits_end).parse().ok()?;
        lexer.pos = digits_end;
        if line == 0 {
            return None;
        }
        lexer.skip_line_space();
        let name = self.read_quoted()?;
        let lexer = self.lexer();
        lexer.skip_line_space();
        let level = match lexer.peek() {
            Some(c @ b'0'..=b'2') => c - b'0',
            _ => return None,
        };
        lexer.pos += 1;
        let next = lexer.peek();
        if next.is_some_and(crate::lexer::is_ident_byte) {
            return None;
        }
        Some((line, name, level))
    }

    /// A `"..."` operand on the current line (raw contents).
    fn read_quoted(&mut self) -> Option<String> {
        let lexer = self.lexer();
        if lexer.peek() != Some(b'"') {
            return None;
        }
        let from = lexer.pos + 1;
        let b = lexer.text().as_bytes();
        let len = b[from..].iter().position(|&c| c == b'"' || c == b'\n')?;
        if b[from + len] != b'"' {
            return None;
        }
        lexer.pos = from + len + 1;
        Some(lexer.slice(from, from + len).to_string())
    }

    /// Report anything but white space and comments left on the
    /// directive's line, then move to its end.
    fn expect_line_end(&mut self, directive: &str, span: Span) {
        let lexer = self.lexer();
        lexer.skip_line_space();
        let b = lexer.text().as_bytes();
        let rest_is_blank = match lexer.peek() {
            None | Some(b'\n' | b'\r') => true,
            Some(b'/') => b.get(lexer.pos + 1) == Some(&b'/'),
            _ => false,
        };
        lexer.skip_to_line_end();
        if !rest_is_blank {
            let message = format!("unexpected text after {directive}");
            self.diags.error(codes::BAD_DIRECTIVE, span, message);
        }
    }

    /// Byte offset (in the file) where the line after the cursor starts.
    /// In a macro expansion that is the line after the macro use.
    fn next_line_start(&mut self) -> u32 {
        let in_file = self.stack.last().is_some_and(|f| f.file_cond_base.is_some());
        let lexer = self.lexer();
        let (file, at) = if in_file {
            (lexer.file(), lexer.pos)
        } else {
            let use_span = lexer.span(0, 0);
            (use_span.file, use_span.end as usize)
        };
        let text = self.sources.get(file).text.as_bytes();
        let end = line_end(text, at);
        (end + usize::from(end < text.len())) as u32
    }

    /// `` `begin_keywords "version" ``: from here on only that standard's
    /// reserved words are keywords, until the matching `` `end_keywords ``.
    pub(super) fn begin_keywords(&mut self, span: Span) {
        self.lexer().skip_line_space();
        let specifier = self.read_quoted();
        let language = specifier.as_deref().and_then(Language::from_specifier);
        let Some(language) = language else {
            self.lexer().skip_to_line_end();
            let known: Vec<&str> = Language::SPECIFIERS.iter().map(|(s, _)| *s).collect();
            let message = match specifier {
                Some(s) => format!("unknown `begin_keywords version \"{s}\""),
                None => "expected a quoted version after `begin_keywords".to_string(),
            };
            let d = wsim_diag::Diagnostic::error(codes::BAD_DIRECTIVE, Some(span), message)
                .with_note(format!("known versions: {}", known.join(", ")));
            self.diags.push(d);
            return;
        };
        self.expect_line_end("`begin_keywords", span);
        self.keyword_stack.push(language);
        self.switch_language();
    }

    /// `` `end_keywords ``: back to the keyword set before the matching
    /// `` `begin_keywords ``.
    pub(super) fn end_keywords(&mut self, span: Span) {
        if self.keyword_stack.pop().is_none() {
            let message = "`end_keywords without a matching `begin_keywords";
            self.diags.error(codes::BAD_DIRECTIVE, span, message);
            return;
        }
        self.switch_language();
    }

    /// Give every open lexer the keyword set now in force.
    fn switch_language(&mut self) {
        let language = self.language();
        for frame in &mut self.stack {
            frame.lexer.set_language(language);
        }
    }
}
