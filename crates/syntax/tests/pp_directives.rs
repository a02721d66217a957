//! Preprocessor tests: macros, conditionals, includes, pass-through
//! directives, and the full rendered text of every preprocessor error.

use std::collections::HashMap;

use wsim_diag::{render, Diagnostics, FileId, SourceMap};
use wsim_syntax::preprocess::{preprocess, FileLoader, FsLoader, PpOptions};
use wsim_syntax::token::{Op, Token, TokenKind};

/// Files an `include may read, by path.
struct MemLoader(HashMap<String, String>);

impl FileLoader for MemLoader {
    fn load(&self, path: &str) -> Option<String> {
        self.0.get(path).cloned()
    }
}

struct Run {
    sources: SourceMap,
    tokens: Vec<Token>,
    diags: Diagnostics,
}

impl Run {
    /// The tokens (without `Eof`) as text separated by single spaces.
    fn text(&self) -> String {
        let (eof, rest) = self.tokens.split_last().expect("Eof");
        assert_eq!(eof.kind, TokenKind::Eof);
        assert!(rest.iter().all(|t| t.kind != TokenKind::Eof), "exactly one Eof");
        rest.iter().map(show).collect::<Vec<_>>().join(" ")
    }

    fn rendered(&self) -> String {
        self.diags.list.iter().map(|d| render(&self.sources, d)).collect()
    }

    fn assert_clean(&self) -> &Run {
        assert!(self.diags.list.is_empty(), "unexpected diagnostics:\n{}", self.rendered());
        self
    }
}

fn show(t: &Token) -> String {
    match t.kind {
        TokenKind::Keyword(k) => k.as_str().to_string(),
        TokenKind::StringLit => format!("\"{}\"", t.text),
        TokenKind::Directive => format!("<{}>", t.text),
        TokenKind::Op(op) => op_text(op).to_string(),
        _ => t.text.to_string(),
    }
}

fn op_text(op: Op) -> &'static str {
    match op {
        Op::LParen => "(",
        Op::RParen => ")",
        Op::LBracket => "[",
        Op::RBracket => "]",
        Op::LBrace => "{",
        Op::RBrace => "}",
        Op::Semi => ";",
        Op::Comma => ",",
        Op::Dot => ".",
        Op::Colon => ":",
        Op::Assign => "=",
        Op::Plus => "+",
        Op::Minus => "-",
        Op::Star => "*",
        Op::Hash => "#",
        Op::At => "@",
        Op::Le => "<=",
        Op::Question => "?",
        other => panic!("add {other:?} to op_text"),
    }
}

/// Preprocess `main` (named `top.v`) with `files` available to `include.
fn run_with(main: &str, files: &[(&str, &str)], opts: &PpOptions) -> Run {
    let mut sources = SourceMap::new();
    let top = sources.add("top.v", main);
    let loader = MemLoader(files.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect());
    let (tokens, diags) = preprocess(&mut sources, &[top], opts, &loader);
    Run { sources, tokens, diags }
}

fn run(main: &str) -> Run {
    run_with(main, &[], &PpOptions::default())
}

fn expand(main: &str) -> String {
    run(main).assert_clean().text()
}

#[test]
fn object_macro_and_predefined_defines() {
    assert_eq!(expand("`define W 8\nwire [`W-1:0] x;"), "wire [ 8 - 1 : 0 ] x ;");
    let opts = PpOptions {
        defines: vec![("DEPTH".into(), Some("4".into())), ("FAST".into(), None), ("MODE=fast_mode".into(), None)],
        ..Default::default()
    };
    let r = run_with("x = `DEPTH + `FAST + `MODE;", &[], &opts);
    assert_eq!(r.assert_clean().text(), "x = 4 + 1 + fast_mode ;");
}

#[test]
fn function_macro_with_default_arguments() {
    let src = "`define ADD(a, b=1) (a + b)\n`ADD(x) `ADD(x, 2) `ADD(x,) `ADD( y , z )";
    assert_eq!(expand(src), "( x + 1 ) ( x + 2 ) ( x + 1 ) ( y + z )");
    // The examples of IEEE 1800-2017 §22.5.1 (same results as Icarus and Verilator).
    let src = "`define M1(a=5,b=\"B\",c) $display(a,,b,,c);\n\
               `define M3(a=5, b=0, c=\"C\") $display(a,,b,,c);\n\
               `M1( , 2, 3) `M1(1, , 3) `M1(, 2, ) `M3(1) `M3()";
    assert_eq!(
        expand(src),
        "$display ( 5 , , 2 , , 3 ) ; $display ( 1 , , \"B\" , , 3 ) ; $display ( 5 , , 2 , , ) ; \
         $display ( 1 , , 0 , , \"C\" ) ; $display ( 5 , , 0 , , \"C\" ) ;"
    );
}

#[test]
fn arguments_with_nested_brackets_and_commas() {
    let src = "`define F(a, b) a; b\n`F(f(1, 2), {c, d[1:0]})";
    assert_eq!(expand(src), "f ( 1 , 2 ) ; { c , d [ 1 : 0 ] }");
    // A string argument keeps its commas and parentheses.
    assert_eq!(expand("`define S(a) $display(a)\n`S(\"x, (y\")"), "$display ( \"x, (y\" )");
}

#[test]
fn multi_line_define_with_continuations_and_comments() {
    let src = "`define BLOCK(n) \\\n  begin /* c */ \\\n    n = 0; // note\nend\n`BLOCK(q)";
    // `// note` ends the body: the `end` on the next line is ordinary text.
    assert_eq!(expand(src), "end begin q = 0 ;");
}

#[test]
fn token_pasting_and_stringification() {
    assert_eq!(expand("`define CAT(a, b) a``b\n`CAT(foo, _bar)"), "foo_bar");
    assert_eq!(expand("`define REG(n) reg_``n``_q\n`REG(data)"), "reg_data_q");
    assert_eq!(expand("`define STR(x) `\"x`\"\n`STR( hello \n  world )"), "\"hello world\"");
    assert_eq!(expand("`define MSG(x) `\"x says `\\`\"hi`\\`\"`\"\n`MSG(bob)"), "\"bob says \\\"hi\\\"\"");
    // Parameters inside ordinary strings are not replaced.
    assert_eq!(expand("`define P(x) \"x\" x\n`P(7)"), "\"x\" 7");
}

#[test]
fn macros_inside_stringification_are_expanded() {
    // As `verilator -E` (Icarus rejects the first form outside a macro body).
    let src = "`define FOO my/file.mem\n`define STR(x) `\"x`\"\n`define S2 `\"`FOO`\"\n\
               a = `\"`FOO`\"; b = `STR(`FOO); c = `S2;";
    assert_eq!(expand(src), "a = \"my/file.mem\" ; b = \"my/file.mem\" ; c = \"my/file.mem\" ;");
}

#[test]
fn nested_macros_expand_in_bodies_and_arguments() {
    let src = "`define ONE 1\n`define INC(v) (v + `ONE)\n`define TWICE(v) `INC(`INC(v))\n`TWICE(a)";
    assert_eq!(expand(src), "( ( a + 1 ) + 1 )");
}

#[test]
fn macro_tokens_carry_the_span_of_the_use() {
    let src = "`define ADD(a, b) a + b\nx = `ADD(1, 2);";
    let r = run(src);
    r.assert_clean();
    let use_start = src.find("`ADD(1").unwrap() as u32;
    let use_end = use_start + "`ADD(1, 2)".len() as u32;
    let spans: Vec<_> = r.tokens.iter().map(|t| (t.span.start, t.span.end)).collect();
    assert_eq!(spans[2..5], [(use_start, use_end); 3]);
    let semi = use_end;
    assert_eq!(spans[5], (semi, semi + 1));
}

#[test]
fn ifdef_elsif_else_nesting() {
    let src = "`define A\n\
               `ifdef A a1 `ifdef B b1 `elsif A ab `else bx `endif `else nota `endif\n\
               `ifndef A na `elsif C c `else e `endif\n\
               `ifdef Z `ifdef A skipped `else skipped2 `endif `endif done";
    assert_eq!(expand(src), "a1 ab e done");
}

#[test]
fn undef_and_undefineall() {
    assert_eq!(expand("`define A 1\n`undef A\n`ifdef A yes `else no `endif"), "no");
    assert_eq!(expand("`define A 1\n`define B 2\n`undefineall\n`ifdef B yes `else no `endif"), "no");
}

#[test]
fn skipped_text_is_not_lexed_for_errors_and_defines_nothing() {
    assert_eq!(expand("`ifdef NOPE\n \"open string\n `define X 1\n é \n`endif\n`ifdef X bad `endif ok"), "ok");
}

#[test]
fn file_and_line() {
    assert_eq!(expand("a\n`__LINE__ `__FILE__\n\n`define L `__LINE__\n`L"), "a 2 \"top.v\" 5");
}

#[test]
fn line_inside_a_multi_line_macro_use_is_where_the_use_ends() {
    // Same as `iverilog -E` and `verilator -E`.
    assert_eq!(expand("`define L(a) a `__LINE__\n`L(\n1\n)\n`__LINE__\n"), "1 4 5");
}

#[test]
fn passthrough_directives_become_directive_tokens() {
    let src = "`timescale 1 ns /  1ps // comment\n`default_nettype none\n`celldefine\n`endcelldefine\n\
               `resetall\n`unconnected_drive pull1\n`nounconnected_drive\nmodule m; endmodule";
    assert_eq!(
        expand(src),
        "<timescale 1 ns / 1ps> <default_nettype none> <celldefine> <endcelldefine> <resetall> \
         <unconnected_drive pull1> <nounconnected_drive> module m ; endmodule"
    );
    let r = run("`timescale 1ns/1ps\n");
    assert_eq!((r.tokens[0].span.start, r.tokens[0].span.end), (0, 18));
}

#[test]
fn ignored_directives_are_consumed() {
    let src = "`line 10 \"x.v\" 0\n`pragma protect begin\n`begin_keywords \"1800-2017\"\n`end_keywords\nwire w;";
    assert_eq!(expand(src), "wire w ;");
}

#[test]
fn include_searches_the_including_dir_then_include_dirs() {
    let files = [
        ("inc/defs.vh", "`define WIDTH 16\n`include \"more.vh\"\n"),
        ("inc/more.vh", "wire [`WIDTH-1:0] m;"),
        ("local.vh", "local_tok"),
    ];
    let opts = PpOptions { include_dirs: vec!["other".into(), "inc".into()], ..Default::default() };
    let r = run_with("`include \"defs.vh\"\n`include <local.vh> x", &files, &opts);
    assert_eq!(r.assert_clean().text(), "wire [ 16 - 1 : 0 ] m ; local_tok x");
    // Tokens from an included file carry that file's id and offsets.
    let m = &r.tokens[8];
    assert_eq!(r.sources.get(m.span.file).name, "inc/more.vh");
    assert_eq!((m.span.start, m.span.end), (18, 19));
}

#[test]
fn macros_persist_across_input_files() {
    let mut sources = SourceMap::new();
    let a = sources.add("a.v", "`define FROM_A 42\n");
    let b = sources.add("b.v", "x = `FROM_A;");
    let (tokens, diags) = preprocess(&mut sources, &[a, b], &PpOptions::default(), &MemLoader(HashMap::new()));
    assert!(diags.list.is_empty());
    let r = Run { sources, tokens, diags };
    assert_eq!(r.text(), "x = 42 ;");
    assert_eq!(r.tokens.last().unwrap().span.file, FileId(1));
}

#[test]
fn undefined_macro_is_e0101() {
    assert_eq!(
        run("wire w = `FOO;\n").rendered(),
        "top.v:1:10: error[E0101]: undefined macro `FOO`\n 1 | wire w = `FOO;\n   |          ^^^^\n"
    );
}

#[test]
fn undefined_macro_arguments_are_dropped() {
    let r = run("x = `NOPE(a, (b, c)) + 1;");
    assert_eq!(r.diags.list.len(), 1);
    assert_eq!(r.text(), "x = + 1 ;");
}

#[test]
fn never_panics_on_random_directive_soup() {
    const PIECES: &[&str] = &[
        "`define ",
        "`define M(a, b=1) a``b ",
        "`undef ",
        "`ifdef ",
        "`ifndef ",
        "`elsif ",
        "`else ",
        "`endif ",
        "`include ",
        "`M",
        "`M(",
        "`X",
        "`__LINE__",
        "`__FILE__",
        "`timescale ",
        "`\"",
        "``",
        "`",
        "\\\n",
        "\n",
        "(",
        ")",
        ",",
        "\"",
        "/*",
        "*/",
        "//",
        "M",
        "X",
        "1",
        "'h",
        "inc.vh",
        "<",
        ">",
        " ",
        "é",
        "\\",
        "`define X `X\n",
        "`include \"inc.vh\"\n",
        "{",
        "}",
        "=",
    ];
    let files = [("inc.vh", "`ifdef M inside `endif `M(1,2)\n")];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let mut src = String::new();
        for _ in 0..24 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            src.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
        }
        let r = run_with(&src, &files, &PpOptions::default());
        assert_eq!(r.tokens.last().map(|t| t.kind), Some(TokenKind::Eof), "{src:?}");
        let _ = r.rendered();
    }
}

#[test]
fn missing_include_is_e0102() {
    let opts = PpOptions { include_dirs: vec!["inc".into()], ..Default::default() };
    assert_eq!(
        run_with("`include \"nope.vh\"\n", &[], &opts).rendered(),
        "top.v:1:1: error[E0102]: cannot find include file \"nope.vh\"\n 1 | `include \"nope.vh\"\n   | ^^^^^^^^^^^^^^^^^^\n  = note: looked for: nope.vh, inc/nope.vh\n"
    );
}

#[test]
fn unbalanced_conditionals_are_e0103() {
    assert_eq!(
        run("a\n`else\nb\n").rendered(),
        "top.v:2:1: error[E0103]: `else without a matching `ifdef\n 2 | `else\n   | ^^^^^\n"
    );
    assert_eq!(
        run("`endif\n").rendered(),
        "top.v:1:1: error[E0103]: `endif without a matching `ifdef\n 1 | `endif\n   | ^^^^^^\n"
    );
    assert_eq!(
        run("`ifdef A\nx\n").rendered(),
        "top.v:1:1: error[E0103]: conditional is never closed: missing `endif before the end of the file\n 1 | `ifdef A\n   | ^^^^^^\n"
    );
    assert_eq!(
        run("`ifdef A `else `elsif B `endif").rendered(),
        "top.v:1:16: error[E0103]: `elsif after `else\n 1 | `ifdef A `else `elsif B `endif\n   |                ^^^^^^\n"
    );
}

#[test]
fn malformed_directives_are_e0104() {
    assert_eq!(
        run("`define\n").rendered(),
        "top.v:1:1: error[E0104]: expected a macro name after `define\n 1 | `define\n   | ^^^^^^^\n"
    );
    assert_eq!(
        run("`include foo.v\n").rendered(),
        "top.v:1:1: error[E0104]: expected \"file\" or <file> after `include\n 1 | `include foo.v\n   | ^^^^^^^^\n"
    );
    assert_eq!(
        run("a `` b").rendered(),
        "top.v:1:3: error[E0104]: ```` is only allowed inside a macro body\n 1 | a `` b\n   |   ^^\n"
    );
    assert_eq!(
        run("`default_nettype\n").rendered(),
        "top.v:1:1: error[E0104]: `default_nettype needs an argument\n 1 | `default_nettype\n   | ^^^^^^^^^^^^^^^^\n"
    );
    assert_eq!(
        run("`undef 3\n").rendered(),
        "top.v:1:1: error[E0104]: expected a macro name after `undef\n 1 | `undef 3\n   | ^^^^^^\n"
    );
    assert_eq!(
        run("`define define 1\n").rendered(),
        "top.v:1:1: error[E0104]: cannot define a macro named `define`: it is a compiler directive\n 1 | `define define 1\n   | ^^^^^^^\n"
    );
    assert_eq!(
        run("`define M(a,) a\n").rendered(),
        "top.v:1:1: error[E0104]: in `define M: expected a parameter name\n 1 | `define M(a,) a\n   | ^^^^^^^\n"
    );
}

#[test]
fn unterminated_comment_in_define_is_e0107() {
    assert_eq!(
        run("`define A 1 /* open\nwire w;\n").rendered(),
        "top.v:1:1: error[E0107]: unterminated block comment in `define A\n 1 | `define A 1 /* open\n   | ^^^^^^^\n"
    );
}

#[test]
fn wrong_macro_argument_counts_are_e0105() {
    let src = "`define M(a, b) a b\n`M(1, 2, 3)\n`M(1)\n`M;\n";
    assert_eq!(
        run(src).rendered(),
        "top.v:2:1: error[E0105]: macro `M` takes 2 argument(s), but 3 were given\n 2 | `M(1, 2, 3)\n   | ^^^^^^^^^^^\n\
         top.v:3:1: error[E0105]: macro `M` needs 2 argument(s), but 1 were given (`b` has no default)\n 3 | `M(1)\n   | ^^^^^\n\
         top.v:4:1: error[E0105]: macro `M` needs an argument list\n 4 | `M;\n   | ^^\n"
    );
}

#[test]
fn recursive_include_is_e0106() {
    let files = [("self.vh", "`include \"self.vh\"\n")];
    let r = run_with("`include \"self.vh\"\n", &files, &PpOptions::default());
    assert_eq!(r.diags.list.len(), 1);
    let rendered = r.rendered();
    assert_eq!(
        rendered,
        "self.vh:1:1: error[E0106]: `include nested more than 64 deep (recursive include of \"self.vh\"?)\n 1 | `include \"self.vh\"\n   | ^^^^^^^^^^^^^^^^^^\n"
    );
}

#[test]
fn recursive_macro_is_e0110() {
    let r = run("`define LOOP x `LOOP\n`LOOP;");
    assert_eq!(
        r.rendered(),
        "top.v:2:1: error[E0110]: macro expansion nested more than 100 deep (recursive macro `LOOP`?)\n 2 | `LOOP;\n   | ^^^^^\n"
    );
    assert_eq!(r.tokens.len(), 102, "100 expansions of `x`, then `;` and Eof");
}

#[test]
fn output_ends_with_exactly_one_eof_even_when_empty() {
    let mut sources = SourceMap::new();
    let (tokens, diags) = preprocess(&mut sources, &[], &PpOptions::default(), &MemLoader(HashMap::new()));
    assert!(diags.list.is_empty());
    assert_eq!(tokens.len(), 1);
    assert_eq!(tokens[0].kind, TokenKind::Eof);
}

#[test]
fn include_from_the_file_system_next_to_the_including_file() {
    let dir = std::env::temp_dir().join(format!("wsim-pp-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("rtl/inc")).unwrap();
    std::fs::write(dir.join("rtl/pkg.vh"), "`define FROM_PKG 3\n`include \"inc/deep.vh\"\n").unwrap();
    std::fs::write(dir.join("rtl/inc/deep.vh"), "deep").unwrap();
    let top = dir.join("rtl/top.v");
    let mut sources = SourceMap::new();
    let file = sources.add(top.to_string_lossy(), "`include \"pkg.vh\"\nx = `FROM_PKG;\n");
    let (tokens, diags) = preprocess(&mut sources, &[file], &PpOptions::default(), &FsLoader);
    let r = Run { sources, tokens, diags };
    assert_eq!(r.assert_clean().text(), "deep x = 3 ;");
    let deep = r.sources.get(r.tokens[0].span.file);
    assert_eq!(deep.name, format!("{}/rtl/inc/deep.vh", dir.display()));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn include_of_the_null_device_is_empty_and_other_devices_are_not_found() {
    let mut sources = SourceMap::new();
    let src = "`include \"/dev/null\"\nm\n`include \"/dev/zero\"\n";
    let file = sources.add("top.v", src);
    let (tokens, diags) = preprocess(&mut sources, &[file], &PpOptions::default(), &FsLoader);
    let kinds: Vec<_> = tokens.iter().map(|t| t.kind).collect();
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    assert_eq!(diags.list.len(), 1);
    assert!(diags.list[0].message.contains("cannot find include file \"/dev/zero\""), "{:?}", diags.list[0].message);
}

#[test]
fn crlf_line_endings() {
    let src = "`define A(x) \\\r\n  x + 1\r\n`timescale 1ns / 1ps\r\n`ifdef A\r\ny = `A(2);\r\n`endif\r\n";
    assert_eq!(expand(src), "<timescale 1ns / 1ps> y = 2 + 1 ;");
}
