//! One golden test file: a `//!` TOML header, the design, and the expected
//! output appended as `//|` lines after a marker line.
//!
//! ```text
//! //! top = "t"
//! //! args = ["+SEED=3"]
//! module t; initial $display("hi"); endmodule
//! // ---- expected output ----
//! //| hi
//! ```
//!
//! The expected block encodes text line by line: `//| text` is `text\n`, a
//! bare `//|` is an empty line, and a final [`NO_NEWLINE`] line says the
//! text does not end in a newline. Keeping the expectation inside the file
//! (wasmtime's `tests/disas`) means one file to read, one diff to review.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The line that separates the design from its expected output.
pub const MARKER: &str = "// ---- expected output ----";
/// Prefix of one expected output line.
pub const LINE_PREFIX: &str = "//|";
/// Last line of a block whose text does not end with `\n`.
pub const NO_NEWLINE: &str = "// (no newline at end of output)";
/// Prefix of one header line.
pub const HEADER_PREFIX: &str = "//!";

/// What a golden file checks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Compile, run, compare stdout and the exit code.
    #[default]
    Run,
    /// Compilation must fail: compare stderr (the rendered diagnostics) and
    /// the exit code (2 unless `exit` says otherwise).
    CompileError,
}

/// The `//!` TOML header. Every field is optional.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    #[serde(default)]
    pub kind: Kind,
    /// Top module name (`--top` for wsim, `-s` for Icarus).
    pub top: Option<String>,
    /// Run-time arguments (`+NAME=value` plusargs).
    #[serde(default)]
    pub args: Vec<String>,
    /// Expected exit code of `wsim run` (or `wsim compile` for
    /// compile-error tests). Defaults to 0, or 2 for compile errors.
    pub exit: Option<i32>,
    /// Extra source files, relative to the test file's directory.
    #[serde(default)]
    pub files: Vec<String>,
    /// Macro definitions, `NAME` or `NAME=value` (`-D` for both tools).
    #[serde(default)]
    pub defines: Vec<String>,
    /// Raw extra arguments for `wsim compile`. `-G<name>=<value>` is also
    /// translated to Icarus's `-P<top>.<name>=<value>`.
    #[serde(default)]
    pub compile_args: Vec<String>,
    /// `"differs: <why, citing the standard>"` when Icarus's output is known
    /// to differ from the expected block; then `icarus_output` must hold
    /// Icarus's output so the difference itself stays checked.
    pub icarus: Option<String>,
    /// Icarus's exact stdout when `icarus` says it differs.
    pub icarus_output: Option<Vec<String>>,
    /// `"skip: <why>"` when Icarus cannot run the test at all (a
    /// SystemVerilog feature it lacks). The wsim check still runs.
    pub icarus_skip: Option<String>,
}

impl Header {
    /// Exit code the test expects from wsim.
    pub fn expected_exit(&self) -> i32 {
        self.exit.unwrap_or(match self.kind {
            Kind::Run => 0,
            Kind::CompileError => 2,
        })
    }

    /// The `-G` overrides of `compile_args`, as `(name, value)`.
    pub fn param_overrides(&self) -> Vec<(String, String)> {
        self.compile_args
            .iter()
            .filter_map(|a| a.strip_prefix("-G"))
            .filter_map(|a| a.split_once('='))
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }
}

/// A parsed golden file.
#[derive(Clone, Debug)]
pub struct GoldenFile {
    pub path: PathBuf,
    pub header: Header,
    /// Everything before the marker line (header and design), verbatim.
    pub source: String,
    /// The decoded expected text; `None` when the file has no block yet.
    pub expected: Option<String>,
}

impl GoldenFile {
    pub fn load(path: &Path) -> Result<GoldenFile, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        parse(path, &text)
    }

    /// Directory that relative paths in the header are resolved against.
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    /// File name of the design, as passed to the tools (relative to [`Self::dir`]).
    pub fn file_name(&self) -> String {
        self.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
    }

    /// True for SystemVerilog (`.sv`) tests.
    pub fn is_system_verilog(&self) -> bool {
        self.path.extension().is_some_and(|e| e == "sv")
    }

    /// The whole file text with `output` as the expected block.
    pub fn render_with(&self, output: &str) -> String {
        let mut text = self.source.trim_end().to_string();
        text.push('\n');
        text.push_str(MARKER);
        text.push('\n');
        text.push_str(&encode_block(output));
        text
    }
}

/// Parse the text of a golden file.
pub fn parse(path: &Path, text: &str) -> Result<GoldenFile, String> {
    let (source, block) = split_at_marker(text);
    let header = parse_header(source).map_err(|e| format!("{}: bad `//!` header: {e}", path.display()))?;
    let expected = block.map(decode_block).transpose().map_err(|e| format!("{}: {e}", path.display()))?;
    if header.icarus.is_some() != header.icarus_output.is_some() {
        return Err(format!("{}: `icarus` and `icarus_output` must be given together", path.display()));
    }
    if let Some(why) = &header.icarus {
        if !why.starts_with("differs: ") {
            return Err(format!("{}: `icarus` must read \"differs: <why>\"", path.display()));
        }
    }
    Ok(GoldenFile { path: path.to_path_buf(), header, source: source.to_string(), expected })
}

/// Split at the marker line: (design part, expected block if any).
fn split_at_marker(text: &str) -> (&str, Option<&str>) {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end() == MARKER {
            return (&text[..offset], Some(&text[offset + line.len()..]));
        }
        offset += line.len();
    }
    (text, None)
}

/// The header is the leading run of `//!` lines (blank lines may precede it).
pub fn parse_header(source: &str) -> Result<Header, String> {
    let toml_text: String = source
        .lines()
        .skip_while(|l| l.trim().is_empty())
        .map_while(|l| l.strip_prefix(HEADER_PREFIX))
        .map(|l| format!("{}\n", l.strip_prefix(' ').unwrap_or(l)))
        .collect();
    toml::from_str(&toml_text).map_err(|e| e.to_string())
}

/// Decode `//|` lines back into the text they stand for.
pub fn decode_block(block: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut lines = block.lines().peekable();
    while let Some(line) = lines.next() {
        if line == NO_NEWLINE {
            if lines.peek().is_some() || !out.ends_with('\n') {
                return Err(format!("`{NO_NEWLINE}` must follow at least one line and end the file"));
            }
            out.pop();
            break;
        }
        let Some(rest) = line.strip_prefix(LINE_PREFIX) else {
            return Err(format!("expected-output line does not start with `{LINE_PREFIX}`: {line:?}"));
        };
        let rest = rest.strip_prefix(' ').unwrap_or(rest);
        out.push_str(rest);
        out.push('\n');
    }
    Ok(out)
}

/// Encode text as `//|` lines (the inverse of [`decode_block`]).
pub fn encode_block(text: &str) -> String {
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let content = line.strip_suffix('\n').unwrap_or(line);
        if content.is_empty() {
            out.push_str(LINE_PREFIX);
        } else {
            out.push_str(LINE_PREFIX);
            out.push(' ');
            out.push_str(content);
        }
        out.push('\n');
    }
    if !text.is_empty() && !text.ends_with('\n') {
        out.push_str(NO_NEWLINE);
        out.push('\n');
    }
    out
}

/// Set `//! exit = N` in the header text (insert or replace the line);
/// `None` removes it.
pub fn set_header_exit(source: &str, exit: Option<i32>) -> String {
    let mut lines: Vec<String> = source.lines().map(str::to_string).collect();
    let is_exit_line = |l: &str| {
        l.strip_prefix(HEADER_PREFIX)
            .is_some_and(|r| r.trim_start().starts_with("exit ") || r.trim_start().starts_with("exit="))
    };
    let existing = lines.iter().position(|l| is_exit_line(l));
    let new_line = exit.map(|code| format!("{HEADER_PREFIX} exit = {code}"));
    match (existing, new_line) {
        (Some(i), Some(l)) => lines[i] = l,
        (Some(i), None) => {
            lines.remove(i);
        }
        (None, Some(l)) => {
            let after_header = lines.iter().take_while(|l| l.starts_with(HEADER_PREFIX)).count();
            lines.insert(after_header, l);
        }
        (None, None) => {}
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "//! top = \"t\"\n//! args = [\"+N=3\"]\n//! exit = 1\nmodule t;\nendmodule\n// ---- expected output ----\n//| a  b\n//|\n//|  indented\n";

    #[test]
    fn parses_header_and_block() {
        let g = parse(Path::new("x.v"), SAMPLE).unwrap();
        assert_eq!(g.header.top.as_deref(), Some("t"));
        assert_eq!(g.header.args, vec!["+N=3"]);
        assert_eq!(g.header.expected_exit(), 1);
        assert_eq!(g.expected.as_deref(), Some("a  b\n\n indented\n"));
        assert!(g.source.ends_with("endmodule\n"));
    }

    #[test]
    fn missing_block_is_none_and_defaults_apply() {
        let g = parse(Path::new("x.v"), "module t; endmodule\n").unwrap();
        assert!(g.expected.is_none());
        assert_eq!(g.header.expected_exit(), 0);
        assert_eq!(g.header.kind, Kind::Run);
    }

    #[test]
    fn compile_error_defaults_to_exit_2() {
        let g = parse(Path::new("x.v"), "//! kind = \"compile-error\"\nmodule\n").unwrap();
        assert_eq!(g.header.expected_exit(), 2);
    }

    #[test]
    fn unknown_header_key_is_rejected() {
        assert!(parse(Path::new("x.v"), "//! tpo = \"t\"\n").is_err());
    }

    #[test]
    fn icarus_differs_needs_output() {
        assert!(parse(Path::new("x.v"), "//! icarus = \"differs: 1364 9.7\"\n").is_err());
        let ok = "//! icarus = \"differs: 1364 9.7\"\n//! icarus_output = [\"a\"]\n";
        assert!(parse(Path::new("x.v"), ok).is_ok());
    }

    #[test]
    fn block_round_trips_including_missing_final_newline() {
        for text in ["", "a\n", "a\n\nb\n", " x \n", "no newline", "a\nb"] {
            assert_eq!(decode_block(&encode_block(text)).unwrap(), text, "{text:?}");
        }
    }

    #[test]
    fn render_with_replaces_old_block() {
        let g = parse(Path::new("x.v"), SAMPLE).unwrap();
        let new = g.render_with("z\n");
        let again = parse(Path::new("x.v"), &new).unwrap();
        assert_eq!(again.expected.as_deref(), Some("z\n"));
        assert_eq!(again.source, g.source);
    }

    #[test]
    fn set_exit_inserts_replaces_and_removes() {
        let src = "//! top = \"t\"\nmodule t;\n";
        let with = set_header_exit(src, Some(3));
        assert_eq!(with, "//! top = \"t\"\n//! exit = 3\nmodule t;\n");
        assert_eq!(set_header_exit(&with, Some(1)), "//! top = \"t\"\n//! exit = 1\nmodule t;\n");
        assert_eq!(set_header_exit(&with, None), src);
    }

    #[test]
    fn param_overrides_are_parsed() {
        let g = parse(Path::new("x.v"), "//! compile_args = [\"-Gwidth=8\", \"-Dx\"]\n").unwrap();
        assert_eq!(g.header.param_overrides(), vec![("width".to_string(), "8".to_string())]);
    }
}
