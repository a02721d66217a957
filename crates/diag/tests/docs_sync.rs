//! Tidy test: `docs/diagnostics.md` lists every registered diagnostic code
//! with its summary, and nothing else. `WSIM_BLESS=1` regenerates the file
//! from the registry (review the result in `git diff`).

use std::path::PathBuf;

fn doc_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/diagnostics.md")
}

fn stage_of(id: &str) -> &'static str {
    match &id[1..3] {
        "01" => "preprocessor",
        "02" => "parser",
        "03" => "elaboration",
        "04" => "code generation",
        "05" => "run time",
        "06" => "command line",
        _ => "unknown",
    }
}

/// The hand-written part: options and the JSON form.
const OPTIONS_SECTION: &str = r#"
## Options

- `-Wno-CODE` (canonical `--wno=CODE`): do not report warning `CODE`
  (errors cannot be turned off). Works for every `W` code, also under `-Wall`.
- `-Wall` (canonical `--wall`): also run the lint pass after elaboration,
  which reports the warnings marked *off by default* below (`W0301` width
  truncation, `W0302` implicit net, `W0305` unused, `W0306` undriven).
  Without `-Wall` the pass does not run at all.
- `--no-context` (also `-fno-diagnostics-show-caret`): print only the
  `file:line:col: ...` line and the notes, without the source line and caret.
- `--diagnostic-format=text|json` (also `-fdiagnostics-format=json`): `json`
  prints one JSON object per diagnostic, one per line (JSON Lines), on
  stderr like the text form.

## JSON form

Every object has exactly these fields, in this order; they are never
renamed (new fields may be added at the end):

| field | type | meaning |
|---|---|---|
| `severity` | string | `error`, `warning` or `note` |
| `code` | string | the stable code, e.g. `E0201` |
| `message` | string | the message, as in the text form |
| `file` | string or null | the file name as given (null: no location) |
| `line` | number or null | 1-based line of the span's start |
| `column` | number or null | 1-based column (in characters) of the span's start |
| `end_line` | number or null | 1-based line of the span's last character |
| `end_column` | number or null | 1-based column of the span's last character (inclusive, like the caret run) |
| `source_line` | string or null | the text of line `line` (null with `--no-context` or without a location) |
| `notes` | array of strings | the `= note:` lines |

Example:

```json
{"severity":"error","code":"E0201","message":"expected expression, found `;`","file":"tb.v","line":2,"column":12,"end_line":2,"end_column":12,"source_line":"assign x = ;","notes":[]}
```

## Codes
"#;

fn render_doc() -> String {
    let mut codes = wsim_diag::codes::all();
    codes.sort_by_key(|c| (c.id[1..].to_string(), c.id.to_string()));
    let mut out = String::from(
        "# wsim diagnostics\n\n\
         Every message wsim prints about your design or command line carries a\n\
         stable code: `file:line:col: error[E0201]: message`, then the source line\n\
         and a caret. `E` codes are errors (compilation stops with exit code 2, or\n\
         the run ends with exit code 1 or 3), `W` codes are warnings. A code never\n\
         changes meaning once published. This file is generated from the registry\n\
         in `crates/diag/src/codes/` and checked by `crates/diag/tests/docs_sync.rs`\n\
         (`WSIM_BLESS=1 cargo test -p wsim-diag` regenerates it).\n",
    );
    out.push_str(OPTIONS_SECTION);
    for code in codes {
        let kind = if code.id.starts_with('E') { "error" } else { "warning" };
        out.push_str(&format!("\n## {}\n\n{} ({}): {}.\n", code.id, kind, stage_of(code.id), code.summary));
        if wsim_diag::codes::is_off_by_default(code.id) {
            out.push_str("\nOff by default; `-Wall` turns it on (`-Wno-CODE` still turns it off).\n");
        }
    }
    out
}

#[test]
fn diagnostics_doc_lists_every_code() {
    let expected = render_doc();
    if std::env::var_os("WSIM_BLESS").is_some() {
        std::fs::write(doc_path(), &expected).unwrap();
        return;
    }
    let actual = std::fs::read_to_string(doc_path()).unwrap_or_default();
    assert!(actual == expected, "docs/diagnostics.md is out of date with the code registry; rerun with WSIM_BLESS=1");
}

#[test]
fn codes_are_unique() {
    let mut ids: Vec<&str> = wsim_diag::codes::all().iter().map(|c| c.id).collect();
    ids.sort();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "a diagnostic code is registered twice");
}
