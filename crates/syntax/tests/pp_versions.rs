//! Keyword sets by language version (IEEE 1800-2017 §22.14: file
//! extension, `begin_keywords` / `end_keywords`, `PpOptions::language`) and
//! `` `line `` (§22.12) with `` `__LINE__ `` / `` `__FILE__ ``.

use std::collections::HashMap;

use wsim_diag::{render, SourceMap};
use wsim_syntax::lexer::{lex_language, Language};
use wsim_syntax::preprocess::{preprocess_full, FileLoader, LineDirective, PpOptions, PpOutput};
use wsim_syntax::token::{Keyword, Op, TokenKind};

/// Files an `include may read, by path.
struct MemLoader(HashMap<String, String>);

impl FileLoader for MemLoader {
    fn load(&self, path: &str) -> Option<String> {
        self.0.get(path).cloned()
    }
}

/// Preprocess the input files `(name, text)` in order, with `includes`
/// available to `include.
fn run_files(inputs: &[(&str, &str)], includes: &[(&str, &str)], opts: &PpOptions) -> (SourceMap, PpOutput) {
    let mut sources = SourceMap::new();
    let ids: Vec<_> = inputs.iter().map(|(name, text)| sources.add(*name, *text)).collect();
    let loader = MemLoader(includes.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect());
    let out = preprocess_full(&mut sources, &ids, opts, &loader);
    (sources, out)
}

fn rendered(sources: &SourceMap, out: &PpOutput) -> String {
    out.diags.list.iter().map(|d| render(sources, d)).collect()
}

/// Each token as `kw:word` (a keyword) or its text, space separated.
fn classify(name: &str, text: &str, opts: &PpOptions) -> String {
    let (sources, out) = run_files(&[(name, text)], &[], opts);
    assert!(out.diags.list.is_empty(), "unexpected diagnostics:\n{}", rendered(&sources, &out));
    describe(&out)
}

fn describe(out: &PpOutput) -> String {
    out.tokens
        .iter()
        .filter(|t| t.kind != TokenKind::Eof)
        .map(|t| match t.kind {
            TokenKind::Keyword(k) => format!("kw:{}", k.as_str()),
            TokenKind::StringLit => format!("\"{}\"", t.text),
            TokenKind::Op(Op::Semi) => ";".to_string(),
            TokenKind::Op(op) => format!("{op:?}"),
            _ => t.text.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn default_opts() -> PpOptions {
    PpOptions::default()
}

#[test]
fn verilog_files_reserve_only_1364_2005_keywords() {
    let words = "wire logic bit int program string do ref var rand generate uwire";
    let expected = "kw:wire logic bit int program string do ref var rand kw:generate kw:uwire";
    for name in ["a.v", "dir/b.vh", "c.vlog", "UPPER.V"] {
        assert_eq!(classify(name, words, &default_opts()), expected, "{name}");
    }
}

#[test]
fn systemverilog_keyword_names_the_standard_that_first_reserved_a_word() {
    assert_eq!(Language::systemverilog_keyword("logic"), Some(Language::Sv2005));
    assert_eq!(Language::systemverilog_keyword("always_comb"), Some(Language::Sv2005));
    assert_eq!(Language::systemverilog_keyword("let"), Some(Language::Sv2009));
    // Verilog's own keywords and plain names are none
    assert_eq!(Language::systemverilog_keyword("uwire"), None);
    assert_eq!(Language::systemverilog_keyword("wire"), None);
    assert_eq!(Language::systemverilog_keyword("counter"), None);
}

#[test]
fn systemverilog_and_unknown_extensions_reserve_1800_2017_keywords() {
    let words = "wire logic bit unique0 let string";
    let expected = "kw:wire kw:logic kw:bit kw:unique0 kw:let kw:string";
    for name in ["a.sv", "b.svh", "c.inc", "noext"] {
        assert_eq!(classify(name, words, &default_opts()), expected, "{name}");
    }
}

#[test]
fn the_language_option_overrides_the_extension() {
    let opts = PpOptions { language: Some(Language::Sv2012), ..Default::default() };
    assert_eq!(classify("a.v", "logic int", &opts), "kw:logic kw:int");
    let opts = PpOptions { language: Some(Language::V2001), ..Default::default() };
    assert_eq!(classify("a.sv", "logic uwire signed", &opts), "logic uwire kw:signed");
}

#[test]
fn begin_keywords_selects_each_standard() {
    let words = "wire signed config uwire logic let unique0 global";
    let cases = [
        ("1364-1995", "kw:wire signed config uwire logic let unique0 global"),
        ("1364-2001-noconfig", "kw:wire kw:signed config uwire logic let unique0 global"),
        ("1364-2001", "kw:wire kw:signed kw:config uwire logic let unique0 global"),
        ("1364-2005", "kw:wire kw:signed kw:config kw:uwire logic let unique0 global"),
        ("1800-2005", "kw:wire kw:signed kw:config kw:uwire kw:logic let unique0 global"),
        ("1800-2009", "kw:wire kw:signed kw:config kw:uwire kw:logic kw:let kw:unique0 kw:global"),
        ("1800-2012", "kw:wire kw:signed kw:config kw:uwire kw:logic kw:let kw:unique0 kw:global"),
        ("1800-2017", "kw:wire kw:signed kw:config kw:uwire kw:logic kw:let kw:unique0 kw:global"),
    ];
    for (version, expected) in cases {
        let src = format!("`begin_keywords \"{version}\" // comment\n{words}\n`end_keywords\n");
        assert_eq!(classify("a.sv", &src, &default_opts()), expected, "{version}");
        assert_eq!(classify("a.v", &src, &default_opts()), expected, "{version}");
    }
}

#[test]
fn begin_keywords_nest_and_end_keywords_restores_the_outer_set() {
    let src = "logic\n`begin_keywords \"1800-2017\"\nlogic\n`begin_keywords \"1364-1995\"\nlogic generate\n`end_keywords\nlogic generate\n`end_keywords\nlogic generate\n";
    assert_eq!(
        classify("a.v", src, &default_opts()),
        "logic kw:logic logic generate kw:logic kw:generate logic kw:generate"
    );
}

#[test]
fn keyword_sets_apply_inside_macro_expansions_and_includes() {
    // A macro body is lexed with the set in force where it is used; an
    // included file continues the includer's text (as in Verilator).
    let src = "`define T logic x\n`T;\n`begin_keywords \"1800-2017\"\n`T;\n`include \"h.vh\"\n`end_keywords\n`include \"h.vh\"\n";
    let (sources, out) = run_files(&[("a.v", src)], &[("h.vh", "bit")], &default_opts());
    assert_eq!(rendered(&sources, &out), "");
    assert_eq!(describe(&out), "logic x ; kw:logic x ; kw:bit bit");
    let (_, out) = run_files(&[("a.sv", "`include \"h.vh\"")], &[("h.vh", "bit")], &default_opts());
    assert_eq!(describe(&out), "kw:bit");
}

#[test]
fn begin_keywords_switches_an_includer_when_set_inside_an_include() {
    let (sources, out) = run_files(
        &[("a.v", "`include \"k.vh\"\nlogic\n`end_keywords\nlogic")],
        &[("k.vh", "`begin_keywords \"1800-2017\"\n")],
        &default_opts(),
    );
    assert_eq!(rendered(&sources, &out), "");
    assert_eq!(describe(&out), "kw:logic logic");
}

#[test]
fn an_open_begin_keywords_carries_into_the_next_file() {
    // §22.14: the directive affects all following source text, across file
    // boundaries, until the matching `end_keywords.
    let (sources, out) = run_files(
        &[("a.sv", "`begin_keywords \"1364-2005\"\nlogic"), ("b.sv", "logic\n`end_keywords\nlogic")],
        &[],
        &default_opts(),
    );
    assert_eq!(rendered(&sources, &out), "");
    assert_eq!(describe(&out), "logic logic kw:logic");
    // With nothing open, each file gets its own extension's default.
    let (_, out) = run_files(&[("a.v", "logic"), ("b.sv", "logic"), ("c.v", "logic")], &[], &default_opts());
    assert_eq!(describe(&out), "logic kw:logic logic");
}

#[test]
fn verilog_2005_code_using_sv_keywords_as_names_parses() {
    let src = "module bit(input logic, output reg int);\n  wire string = logic;\n  always @(string) int = string;\nendmodule\n";
    let (sources, out) = run_files(&[("old.v", src)], &[], &default_opts());
    assert_eq!(rendered(&sources, &out), "");
    let (unit, diags) = wsim_syntax::parse(&out.tokens);
    let text: String = diags.list.iter().map(|d| render(&sources, d)).collect();
    assert_eq!(text, "");
    assert_eq!(unit.items.len(), 1);
}

#[test]
fn lex_language_picks_the_keyword_set_and_lex_defaults_to_1800_2017() {
    let kinds = |language| {
        let (tokens, _) = lex_language(wsim_diag::FileId(0), "logic reg", language);
        tokens.iter().map(|t| t.kind).collect::<Vec<_>>()
    };
    let reg = TokenKind::Keyword(Keyword::Reg);
    assert_eq!(kinds(Language::V2005), [TokenKind::Ident, reg, TokenKind::Eof]);
    assert_eq!(kinds(Language::Sv2017), [TokenKind::Keyword(Keyword::Logic), reg, TokenKind::Eof]);
    let (tokens, _) = wsim_syntax::lexer::lex(wsim_diag::FileId(0), "logic");
    assert_eq!(tokens[0].kind, TokenKind::Keyword(Keyword::Logic));
}

#[test]
fn language_specifiers_round_trip() {
    for &(name, language) in Language::SPECIFIERS {
        assert_eq!(Language::from_specifier(name), Some(language));
        assert_eq!(language.specifier(), name);
    }
    assert_eq!(Language::from_specifier("1800-2023"), None);
    assert_eq!(Language::for_file_name("x.sv"), Language::Sv2017);
    assert_eq!(Language::for_file_name("x.v"), Language::V2005);
}

#[test]
fn bad_keyword_directives_are_e0104() {
    let src = "`begin_keywords \"1800-2023\"\n`begin_keywords 1364\n`end_keywords\n`begin_keywords \"1364-2005\" extra\nlogic\n";
    let (sources, out) = run_files(&[("e.sv", src)], &[], &default_opts());
    assert_eq!(
        rendered(&sources, &out),
        "\
e.sv:1:1: error[E0104]: unknown `begin_keywords version \"1800-2023\"
 1 | `begin_keywords \"1800-2023\"
   | ^^^^^^^^^^^^^^^
  = note: known versions: 1364-1995, 1364-2001-noconfig, 1364-2001, 1364-2005, 1800-2005, 1800-2009, 1800-2012, 1800-2017
e.sv:2:1: error[E0104]: expected a quoted version after `begin_keywords
 2 | `begin_keywords 1364
   | ^^^^^^^^^^^^^^^
  = note: known versions: 1364-1995, 1364-2001-noconfig, 1364-2001, 1364-2005, 1800-2005, 1800-2009, 1800-2012, 1800-2017
e.sv:3:1: error[E0104]: `end_keywords without a matching `begin_keywords
 3 | `end_keywords
   | ^^^^^^^^^^^^^
e.sv:4:1: error[E0104]: unexpected text after `begin_keywords
 4 | `begin_keywords \"1364-2005\" extra
   | ^^^^^^^^^^^^^^^
"
    );
    // The malformed ones push nothing; the last one (reported for its
    // trailing text) still applies.
    assert_eq!(describe(&out), "logic");
}

// ---- `line ----

#[test]
fn line_renumbers_and_renames_for_line_and_file_macros() {
    let src = "`__LINE__ `__FILE__\n`line 100 \"renamed.sv\" 0\n`__LINE__ `__FILE__\n\n`__LINE__\n`line 7 \"x/y.v\" 2 // back\n`__LINE__ `__FILE__";
    let (sources, out) = run_files(&[("top.sv", src)], &[], &default_opts());
    assert_eq!(rendered(&sources, &out), "");
    assert_eq!(describe(&out), "1 \"top.sv\" 100 \"renamed.sv\" 102 7 \"x/y.v\"");
}

#[test]
fn line_applies_to_macro_uses_and_only_to_its_own_file() {
    let src = "`define WHERE `__FILE__ `__LINE__\n`line 50 \"gen.v\" 1\n`include \"i.vh\"\n`WHERE\n";
    let (sources, out) = run_files(&[("top.v", src)], &[("i.vh", "`WHERE\n`line 9 \"j\" 0\n`WHERE")], &default_opts());
    assert_eq!(rendered(&sources, &out), "");
    assert_eq!(describe(&out), "\"i.vh\" 1 \"j\" 9 \"gen.v\" 51");
}

#[test]
fn line_map_records_directives_for_diagnostics() {
    let src = "a\n`line 20 \"orig.v\" 1\nb\nc\n";
    let (sources, out) = run_files(&[("top.v", src)], &[], &default_opts());
    let file = out.tokens[0].span.file;
    assert_eq!(out.line_map.directives(file), [LineDirective { from: 22, line: 20, name: "orig.v".into(), level: 1 }]);
    let c = &out.tokens[2];
    assert_eq!(out.line_map.presumed(&sources, file, c.span.start), ("orig.v", 21));
    assert_eq!(out.line_map.presumed(&sources, file, 0), ("top.v", 1));
}

#[test]
fn line_at_the_end_of_the_file_and_in_skipped_text() {
    let (sources, out) = run_files(
        &[("top.v", "`ifdef NOPE\n`line 5 \"bad\" 0\n`endif\n`__LINE__\n`line 3 \"z\" 0")],
        &[],
        &default_opts(),
    );
    assert_eq!(rendered(&sources, &out), "");
    assert_eq!(describe(&out), "4");
}

#[test]
fn malformed_line_directives_are_e0104() {
    let src =
        "`line 0 \"a\" 0\n`line 5 a.v 0\n`line 5 \"a\" 3\n`line \"a\" 1\n`line 5 \"a\" 1 junk\n`__LINE__ `__FILE__\n";
    let (sources, out) = run_files(&[("l.v", src)], &[], &default_opts());
    let text = rendered(&sources, &out);
    let expected_message = "error[E0104]: expected `line <positive number> \"<file name>\" <level 0, 1 or 2>\n";
    assert_eq!(text.matches(expected_message).count(), 4, "{text}");
    assert!(text.contains("l.v:5:1: error[E0104]: unexpected text after `line\n"), "{text}");
    // The last one is applied despite the trailing text.
    assert_eq!(describe(&out), "5 \"a\"");
}
