//! Text macros (IEEE 1800-2017 §22.5): definitions and textual expansion.
//!
//! A macro body is kept as text. Expansion substitutes the actual arguments
//! for the formal parameters, then applies the macro-only operators
//! (`` `` `` pasting, `` `" `` stringification and `` `\`" ``), and the
//! preprocessor rescans the result like source text. Working on text keeps
//! pasting and stringification exact and simple.

use std::rc::Rc;

use crate::lexer::{continuation_len, find_comment_end, ident_end, is_ident_byte, line_end};

/// One formal parameter of a function-like macro.
#[derive(Debug)]
pub(crate) struct Param {
    pub(crate) name: Box<str>,
    /// The default from `` `define M(a = 1) ``.
    pub(crate) default: Option<String>,
}

/// A piece of a function-like macro body.
#[derive(Debug)]
pub(crate) enum BodyPart {
    Text(String),
    /// The actual argument for parameter `n`.
    Param(usize),
}

#[derive(Debug)]
pub(crate) enum Macro {
    /// `` `define NAME text ``; `has_operators` when the text needs
    /// [`apply_macro_operators`] at each use.
    Object { text: Rc<str>, has_operators: bool },
    /// `` `define NAME(params) text ``.
    Function { params: Vec<Param>, body: Vec<BodyPart> },
}

/// What [`scan_macro_text`] copied.
pub(crate) struct MacroText {
    /// The text, trimmed.
    pub(crate) text: String,
    /// Where the copy stopped.
    pub(crate) end: usize,
    /// A `/*` without `*/` ran to the end of the input.
    pub(crate) unterminated_comment: bool,
}

/// Copy macro text starting at `text[start..]`: comments are dropped (a
/// `/* */` becomes one space), line continuations become newlines. With
/// `to_line_end` the copy stops at the first newline that is not continued
/// (the end of a `` `define ``).
pub(crate) fn scan_macro_text(text: &str, start: usize, to_line_end: bool) -> MacroText {
    let b = text.as_bytes();
    let mut out = String::new();
    let mut i = start;
    let mut run = start;
    let mut unterminated_comment = false;
    while i < b.len() {
        let cont = continuation_len(b, i);
        if cont > 0 {
            out.push_str(&text[run..i]);
            out.push('\n');
            i += cont;
            run = i;
            continue;
        }
        match b[i] {
            b'\n' if to_line_end => break,
            b'/' if b.get(i + 1) == Some(&b'/') => {
                out.push_str(&text[run..i]);
                let nl = line_end(b, i);
                // `// comment \` continues the definition like any other line.
                if to_line_end && nl < b.len() && nl > 0 && b[nl - 1] == b'\\' {
                    out.push('\n');
                    i = nl + 1;
                } else {
                    i = nl;
                }
                run = i;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                out.push_str(&text[run..i]);
                out.push(' ');
                i = find_comment_end(b, i + 2).unwrap_or_else(|| {
                    unterminated_comment = true;
                    b.len()
                });
                run = i;
            }
            b'"' => i = string_end(b, i),
            b'`' if b.get(i + 1) == Some(&b'"') => i += 2,
            _ => i += 1,
        }
    }
    out.push_str(&text[run..i]);
    let trimmed = out.trim();
    let text = if trimmed.len() == out.len() { out } else { trimmed.to_string() };
    MacroText { text, end: i, unterminated_comment }
}

/// Offset just past the string literal starting at `b[i] == '"'`; an
/// unterminated literal ends before its newline (the lexer reports it later).
fn string_end(b: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'"' => return j + 1,
            b'\\' => j += 2,
            b'\n' => return j,
            _ => j += 1,
        }
    }
    b.len()
}

/// Split a function-like macro body into text and parameter references.
/// Parameter names are not replaced inside ordinary string literals, based
/// literal digits, escaped identifiers or after a backtick.
pub(crate) fn split_body(body: &str, params: &[Param]) -> Vec<BodyPart> {
    let b = body.as_bytes();
    let mut parts = Vec::new();
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() || c == b'_' {
            let end = ident_end(b, i + 1);
            if let Some(n) = params.iter().position(|p| *p.name == body[i..end]) {
                if run < i {
                    parts.push(BodyPart::Text(body[run..i].to_string()));
                }
                parts.push(BodyPart::Param(n));
                run = end;
            }
            i = end;
            continue;
        }
        i = match c {
            b'"' => string_end(b, i),
            b'`' if b.get(i + 1) == Some(&b'\\') && b.get(i + 2) == Some(&b'`') => i + 4,
            b'`' => ident_end(b, i + 1).max(i + 2).min(b.len()),
            b'\\' => b[i..].iter().position(u8::is_ascii_whitespace).map_or(b.len(), |p| i + p),
            b'0'..=b'9' => ident_end(b, i + 1),
            b'\'' => based_digits_end(b, i),
            _ => i + 1,
        };
    }
    if run < b.len() {
        parts.push(BodyPart::Text(body[run..].to_string()));
    }
    parts
}

/// For `'h1F`, `'sb01`: offset past base and digits; otherwise past the `'`.
fn based_digits_end(b: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    if matches!(b.get(j), Some(b's' | b'S')) {
        j += 1;
    }
    if !matches!(b.get(j), Some(b'b' | b'B' | b'o' | b'O' | b'd' | b'D' | b'h' | b'H')) {
        return i + 1;
    }
    j += 1;
    while j < b.len() && (is_ident_byte(b[j]) || b[j] == b'?') {
        j += 1;
    }
    j
}

/// Finds the text of an object-like macro by name (for macro uses inside a
/// stringification).
pub(crate) type ObjectLookup<'a> = &'a dyn Fn(&str) -> Option<Rc<str>>;

/// Nesting limit for macros expanded inside a stringification.
const MAX_STRINGIFIED_DEPTH: usize = 32;

/// Apply the macro-only operators to expanded text: `` `` `` joins its
/// neighbours, `` `" `` becomes `"`, `` `\`" `` becomes `\"`. Inside a
/// `` `"...`" `` uses of object-like macros are expanded (IEEE 1800-2017
/// §22.5.1: the expansion includes "expansions of embedded macros").
/// Ordinary string literals are copied untouched; other backticks (macro
/// uses, directives) stay for the rescan.
pub(crate) fn apply_macro_operators(text: &str, lookup: ObjectLookup) -> String {
    let mut out = String::with_capacity(text.len());
    apply_operators_into(text, lookup, 0, &mut out);
    out
}

fn apply_operators_into(text: &str, lookup: ObjectLookup, depth: usize, out: &mut String) {
    let b = text.as_bytes();
    let mut run = 0;
    let mut i = 0;
    let mut in_stringified = false;
    while i < b.len() {
        match b[i] {
            b'"' if !in_stringified => i = string_end(b, i),
            b'`' => {
                let (replacement, len) = match (b.get(i + 1), b.get(i + 2), b.get(i + 3)) {
                    (Some(b'`'), _, _) => ("", 2),
                    (Some(b'"'), _, _) => {
                        in_stringified = !in_stringified;
                        ("\"", 2)
                    }
                    (Some(b'\\'), Some(b'`'), Some(b'"')) => ("\\\"", 4),
                    (Some(c), _, _) if in_stringified && (c.is_ascii_alphabetic() || *c == b'_') => {
                        let end = ident_end(b, i + 1);
                        match lookup(&text[i + 1..end]).filter(|_| depth < MAX_STRINGIFIED_DEPTH) {
                            Some(body) => {
                                out.push_str(&text[run..i]);
                                apply_operators_into(&body, lookup, depth + 1, out);
                                i = end;
                                run = i;
                            }
                            None => i = end,
                        }
                        continue;
                    }
                    _ => {
                        i += 1;
                        continue;
                    }
                };
                out.push_str(&text[run..i]);
                out.push_str(replacement);
                i += len;
                run = i;
            }
            _ => i += 1,
        }
    }
    out.push_str(&text[run..]);
}

/// Does the text contain any macro-only operator?
pub(crate) fn has_macro_operators(text: &str) -> bool {
    text.as_bytes().windows(2).any(|w| w[0] == b'`' && matches!(w[1], b'`' | b'"' | b'\\'))
}

/// Runs of white space outside string literals become one space.
pub(crate) fn collapse_white_space(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => i = string_end(b, i),
            c if c.is_ascii_whitespace() => {
                let end = b[i..].iter().position(|c| !c.is_ascii_whitespace()).map_or(b.len(), |p| i + p);
                out.push_str(&text[run..i]);
                out.push(' ');
                i = end;
                run = end;
            }
            _ => i += 1,
        }
    }
    out.push_str(&text[run..]);
    out
}

impl Macro {
    pub(crate) fn object(text: &str) -> Macro {
        Macro::Object { text: text.into(), has_operators: has_macro_operators(text) }
    }
}
