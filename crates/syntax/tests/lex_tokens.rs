//! Lexer tests: token kinds, texts and exact spans for every literal form,
//! operator and comment form, plus the lexical error diagnostics.

use wsim_diag::{render, FileId, SourceMap};
use wsim_syntax::lexer::lex;
use wsim_syntax::token::{Keyword, Op, TokenKind};

/// `(kind, text, start, end)` of every token except the final `Eof`.
fn toks(src: &str) -> Vec<(TokenKind, String, u32, u32)> {
    let (tokens, diags) = lex(FileId(0), src);
    assert!(diags.list.is_empty(), "unexpected diagnostics for {src:?}: {:?}", diags.list);
    let (last, rest) = tokens.split_last().expect("at least Eof");
    assert_eq!(last.kind, TokenKind::Eof);
    assert_eq!((last.span.start, last.span.end), (src.len() as u32, src.len() as u32));
    rest.iter().map(|t| (t.kind, t.text.to_string(), t.span.start, t.span.end)).collect()
}

/// `(kind, text)` of every token except `Eof`.
fn kinds(src: &str) -> Vec<(TokenKind, String)> {
    toks(src).into_iter().map(|(k, t, _, _)| (k, t)).collect()
}

fn one(src: &str) -> (TokenKind, String) {
    let v = kinds(src);
    assert_eq!(v.len(), 1, "expected one token for {src:?}, got {v:?}");
    v.into_iter().next().unwrap()
}

fn rendered(src: &str) -> String {
    let mut sm = SourceMap::new();
    let f = sm.add("t.v", src);
    let (_, diags) = lex(f, src);
    diags.list.iter().map(|d| render(&sm, d)).collect()
}

fn op(o: Op) -> TokenKind {
    TokenKind::Op(o)
}

#[test]
fn identifiers_keywords_and_system_names() {
    use TokenKind::*;
    assert_eq!(
        toks("module m_1$x; endmodule"),
        vec![
            (Keyword(self::Keyword::Module), "".into(), 0, 6),
            (Ident, "m_1$x".into(), 7, 12),
            (op(crate::Op::Semi), "".into(), 12, 13),
            (Keyword(self::Keyword::Endmodule), "".into(), 14, 23),
        ]
    );
    assert_eq!(one("$display"), (SystemIdent, "$display".into()));
    assert_eq!(one("$test$plusargs"), (SystemIdent, "$test$plusargs".into()));
    assert_eq!(kinds("q[$]")[2], (SystemIdent, "$".into()));
    assert_eq!(one("always_ff"), (Keyword(self::Keyword::AlwaysFf), "".into()));
    assert_eq!(one("Module"), (Ident, "Module".into()), "keywords are case sensitive");
    assert_eq!(one("_begin"), (Ident, "_begin".into()));
}

#[test]
fn every_keyword_round_trips() {
    for &kw in Keyword::ALL {
        assert_eq!(one(kw.as_str()), (TokenKind::Keyword(kw), String::new()), "{}", kw.as_str());
    }
}

#[test]
fn escaped_identifier_drops_backslash_and_ends_at_space() {
    assert_eq!(
        toks("\\foo+bar  x"),
        vec![(TokenKind::Ident, "foo+bar".into(), 0, 8), (TokenKind::Ident, "x".into(), 10, 11)]
    );
    assert_eq!(toks("\\a[0]\n;")[0], (TokenKind::Ident, "a[0]".into(), 0, 5));
}

#[test]
fn decimal_real_and_time_literals() {
    use TokenKind::*;
    assert_eq!(one("42"), (Number, "42".into()));
    assert_eq!(one("1_000"), (Number, "1_000".into()));
    assert_eq!(one("1.5"), (RealNumber, "1.5".into()));
    assert_eq!(one("1e3"), (RealNumber, "1e3".into()));
    assert_eq!(one("2.5E-3"), (RealNumber, "2.5E-3".into()));
    assert_eq!(one("1_000.5"), (RealNumber, "1_000.5".into()));
    assert_eq!(one("3e+2"), (RealNumber, "3e+2".into()));
    for t in ["10ns", "1.5us", "100ps", "1s", "1step", "5ms", "2fs"] {
        assert_eq!(one(t), (TimeLiteral, t.into()));
    }
    // A unit that runs into a longer identifier is no time literal.
    assert_eq!(kinds("10nsx"), vec![(Number, "10".into()), (Ident, "nsx".into())]);
    // `1.` is not a real: number, then dot.
    assert_eq!(kinds("1.x"), vec![(Number, "1".into()), (op(crate::Op::Dot), "".into()), (Ident, "x".into())]);
}

#[test]
fn based_literals() {
    use TokenKind::*;
    assert_eq!(one("'h1F"), (BasedNumber, "'h1F".into()));
    assert_eq!(one("'sb10x1"), (BasedNumber, "'sb10x1".into()));
    assert_eq!(one("'d 5"), (BasedNumber, "'d5".into()));
    assert_eq!(one("' h ff"), (BasedNumber, "'hff".into()));
    assert_eq!(one("'SH?_z"), (BasedNumber, "'SH?_z".into()));
    assert_eq!(one("'o17"), (BasedNumber, "'o17".into()));
    assert_eq!(
        toks("8'hff;"),
        vec![(Number, "8".into(), 0, 1), (BasedNumber, "'hff".into(), 1, 5), (op(crate::Op::Semi), "".into(), 5, 6)]
    );
    assert_eq!(toks("4'b 1010")[1], (BasedNumber, "'b1010".into(), 1, 8));
}

#[test]
fn unbased_unsized_and_apostrophe() {
    use TokenKind::*;
    for (src, text) in [("'0", "0"), ("'1", "1"), ("'x", "x"), ("'z", "z"), ("'X", "X"), ("'Z", "Z")] {
        assert_eq!(one(src), (UnbasedUnsized, text.into()));
    }
    assert_eq!(
        kinds("'{a}"),
        vec![
            (op(crate::Op::Apostrophe), "".into()),
            (op(crate::Op::LBrace), "".into()),
            (Ident, "a".into()),
            (op(crate::Op::RBrace), "".into())
        ]
    );
    assert_eq!(
        toks("int'(x)"),
        vec![
            (Keyword(self::Keyword::Int), "".into(), 0, 3),
            (op(crate::Op::Apostrophe), "".into(), 3, 4),
            (op(crate::Op::LParen), "".into(), 4, 5),
            (Ident, "x".into(), 5, 6),
            (op(crate::Op::RParen), "".into(), 6, 7),
        ]
    );
    assert_eq!(kinds("T'(1)")[1], (op(crate::Op::Apostrophe), "".into()));
}

#[test]
fn string_literal_keeps_escapes_raw() {
    assert_eq!(toks(r#"x = "a\"b\n%d";"#)[2], (TokenKind::StringLit, r#"a\"b\n%d"#.into(), 4, 14));
    assert_eq!(one(r#""""#), (TokenKind::StringLit, "".into()));
    assert_eq!(one(r#""// not a comment""#), (TokenKind::StringLit, "// not a comment".into()));
}

#[test]
fn all_operators_longest_match() {
    use Op::*;
    let cases: &[(&str, Op)] = &[
        ("(", LParen),
        (")", RParen),
        ("[", LBracket),
        ("]", RBracket),
        ("{", LBrace),
        ("}", RBrace),
        (";", Semi),
        (",", Comma),
        (".", Dot),
        (":", Colon),
        ("::", ColonColon),
        ("+:", PlusColon),
        ("-:", MinusColon),
        ("#", Hash),
        ("##", HashHash),
        ("@", At),
        ("@@", AtAt),
        ("?", Question),
        ("=", Assign),
        ("+=", PlusAssign),
        ("-=", MinusAssign),
        ("*=", StarAssign),
        ("/=", SlashAssign),
        ("%=", PercentAssign),
        ("&=", AndAssign),
        ("|=", OrAssign),
        ("^=", XorAssign),
        ("<<=", ShlAssign),
        (">>=", ShrAssign),
        ("<<<=", AShlAssign),
        (">>>=", AShrAssign),
        ("+", Plus),
        ("-", Minus),
        ("*", Star),
        ("/", Slash),
        ("%", Percent),
        ("**", Power),
        ("++", PlusPlus),
        ("--", MinusMinus),
        ("!", Bang),
        ("~", Tilde),
        ("&", Amp),
        ("~&", TildeAmp),
        ("|", Pipe),
        ("~|", TildePipe),
        ("^", Caret),
        ("~^", TildeCaret),
        ("^~", TildeCaret),
        ("&&", AmpAmp),
        ("||", PipePipe),
        ("==", Eq),
        ("!=", Neq),
        ("===", CaseEq),
        ("!==", CaseNeq),
        ("==?", WildEq),
        ("!=?", WildNeq),
        ("<", Lt),
        ("<=", Le),
        (">", Gt),
        (">=", Ge),
        ("<<", Shl),
        (">>", Shr),
        ("<<<", AShl),
        (">>>", AShr),
        ("->", Arrow),
        ("->>", DArrow),
        ("<->", LogEquiv),
        ("|->", PipeArrow),
        ("|=>", PipeFatArrow),
        ("=>", FatArrow),
        ("*>", StarGt),
    ];
    for &(src, o) in cases {
        let (tokens, diags) = lex(FileId(0), src);
        assert!(diags.list.is_empty(), "{src}");
        assert_eq!(tokens.len(), 2, "{src} lexed as {tokens:?}");
        assert_eq!(tokens[0].kind, TokenKind::Op(o), "{src}");
        assert_eq!((tokens[0].span.start, tokens[0].span.end), (0, src.len() as u32), "{src}");
    }
    // Adjacent operators split by longest match.
    let seq: Vec<_> = kinds("a<<<=b>>>c").into_iter().map(|(k, _)| k).collect();
    assert_eq!(seq[1], op(AShlAssign));
    assert_eq!(seq[3], op(AShr));
}

#[test]
fn attributes_versus_star_event_control() {
    use Op::*;
    let seq = |s: &str| kinds(s).into_iter().map(|(k, _)| k).collect::<Vec<_>>();
    assert_eq!(seq("@(*)"), vec![op(At), op(LParen), op(Star), op(RParen)]);
    assert_eq!(seq("@( * )"), vec![op(At), op(LParen), op(Star), op(RParen)]);
    assert_eq!(seq("(* full_case *)"), vec![op(AttrOpen), TokenKind::Ident, op(AttrClose)]);
    assert_eq!(
        seq("(* a = 1 *) @(*)"),
        vec![
            op(AttrOpen),
            TokenKind::Ident,
            op(Assign),
            TokenKind::Number,
            op(AttrClose),
            op(At),
            op(LParen),
            op(Star),
            op(RParen),
        ]
    );
}

#[test]
fn comments_are_skipped_with_exact_spans() {
    assert_eq!(
        toks("a // line\n/* block\n */ b /**/c"),
        vec![
            (TokenKind::Ident, "a".into(), 0, 1),
            (TokenKind::Ident, "b".into(), 23, 24),
            (TokenKind::Ident, "c".into(), 29, 30),
        ]
    );
    // Block comments do not nest: the first `*/` ends it.
    assert_eq!(kinds("/* /* */ x */").len(), 3);
}

#[test]
fn unterminated_comment_is_e0107() {
    assert_eq!(
        rendered("wire a;\n/* open\n"),
        "t.v:2:1: error[E0107]: unterminated block comment\n 2 | /* open\n   | ^^\n"
    );
}

#[test]
fn unterminated_string_is_e0107() {
    assert_eq!(
        rendered("x = \"abc\ny;"),
        "t.v:1:5: error[E0107]: unterminated string literal\n 1 | x = \"abc\n   |     ^\n"
    );
    let (tokens, _) = lex(FileId(0), "x = \"abc\ny;");
    assert_eq!(tokens[2].text.as_ref(), "abc");
    assert_eq!(tokens[3].text.as_ref(), "y", "lexing resumes on the next line");
}

#[test]
fn bad_characters_are_e0108_and_skipped() {
    assert_eq!(
        rendered("a é b"),
        "t.v:1:3: error[E0108]: character `é` (U+00E9) is not allowed in Verilog source\n 1 | a é b\n   |   ^\n"
    );
    let (tokens, diags) = lex(FileId(0), "a \u{1} b");
    assert_eq!(diags.list.len(), 1);
    assert_eq!(tokens.len(), 3);
}

#[test]
fn based_literal_without_digits_is_e0109() {
    assert_eq!(
        rendered("x = 4'h;"),
        "t.v:1:6: error[E0109]: based literal has no digits\n 1 | x = 4'h;\n   |      ^^\n"
    );
}

#[test]
fn directive_without_preprocessor_is_reported() {
    assert_eq!(
        rendered("`define X 1\n"),
        "t.v:1:1: error[E0104]: compiler directive `define` needs the preprocessor\n 1 | `define X 1\n   | ^^^^^^^\n"
    );
}

#[test]
fn never_panics_on_odd_input() {
    let inputs = [
        "",
        "'",
        "' ",
        "'s",
        "'sh",
        "8'",
        "\\",
        "\\ ",
        "\"",
        "\"\\",
        "/*",
        "/",
        "(*",
        "*)",
        "1e",
        "1e+",
        "1.",
        "$",
        "`",
        "``",
        "\u{0}",
        "\r\n",
        "\\\n",
        "'h\n",
        "1.5e",
        "(*)",
        "\u{feff}x",
    ];
    for src in inputs {
        let (tokens, _) = lex(FileId(0), src);
        assert_eq!(tokens.last().map(|t| t.kind), Some(TokenKind::Eof), "{src:?}");
        for t in &tokens {
            assert!(t.span.start <= t.span.end && t.span.end as usize <= src.len(), "{src:?}: {t:?}");
        }
    }
}
