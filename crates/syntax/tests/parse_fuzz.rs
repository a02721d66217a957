//! Robustness: random token sequences, truncated and mutated real code and
//! pathological nesting must neither panic nor hang the parser.
mod parse_util;
use wsim_diag::{FileId, Span};
use wsim_syntax::lexer::lex;
use wsim_syntax::parse;
use wsim_syntax::token::{Keyword, Op, Token, TokenKind};

/// xorshift64*: deterministic, dependency-free randomness.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const KEYWORDS: &[&str] = &[
    "module",
    "endmodule",
    "input",
    "output",
    "inout",
    "wire",
    "reg",
    "logic",
    "assign",
    "always",
    "always_ff",
    "initial",
    "begin",
    "end",
    "if",
    "else",
    "case",
    "endcase",
    "default",
    "for",
    "while",
    "function",
    "endfunction",
    "task",
    "endtask",
    "generate",
    "endgenerate",
    "genvar",
    "parameter",
    "localparam",
    "posedge",
    "negedge",
    "or",
    "and",
    "not",
    "typedef",
    "enum",
    "struct",
    "packed",
    "int",
    "integer",
    "fork",
    "join",
    "package",
    "endpackage",
    "import",
    "class",
    "endclass",
    "specify",
    "endspecify",
    "repeat",
    "forever",
    "wait",
    "disable",
    "return",
    "inside",
    "unique",
    "signed",
    "void",
    "type",
    "interface",
    "endinterface",
    "property",
    "endproperty",
    "assert",
    "foreach",
    "do",
    "break",
    "automatic",
    "var",
    "const",
    "string",
    "real",
];

const OPS: &[Op] = &[
    Op::LParen,
    Op::RParen,
    Op::LBracket,
    Op::RBracket,
    Op::LBrace,
    Op::RBrace,
    Op::Semi,
    Op::Comma,
    Op::Dot,
    Op::Colon,
    Op::ColonColon,
    Op::PlusColon,
    Op::Hash,
    Op::At,
    Op::Question,
    Op::Apostrophe,
    Op::AttrOpen,
    Op::AttrClose,
    Op::Assign,
    Op::PlusAssign,
    Op::Plus,
    Op::Minus,
    Op::Star,
    Op::Power,
    Op::PlusPlus,
    Op::Bang,
    Op::Tilde,
    Op::Amp,
    Op::Pipe,
    Op::Caret,
    Op::AmpAmp,
    Op::Eq,
    Op::Lt,
    Op::Le,
    Op::Shl,
    Op::Arrow,
];

fn random_token(rng: &mut Rng, offset: u32) -> Token {
    let span = Span::new(FileId(0), offset, offset + 1);
    let (kind, text): (TokenKind, &str) = match rng.below(10) {
        0..=2 => (TokenKind::Keyword(Keyword::from_text(KEYWORDS[rng.below(KEYWORDS.len())]).unwrap()), ""),
        3..=5 => (TokenKind::Op(OPS[rng.below(OPS.len())]), ""),
        6 => (TokenKind::Ident, ["a", "b", "clk", "x"][rng.below(4)]),
        7 => (TokenKind::Number, ["0", "1", "8", "42"][rng.below(4)]),
        8 => match rng.below(6) {
            0 => (TokenKind::BasedNumber, "'hff"),
            1 => (TokenKind::BasedNumber, "'b1q"),
            2 => (TokenKind::StringLit, "s\\n"),
            3 => (TokenKind::SystemIdent, "$display"),
            4 => (TokenKind::TimeLiteral, "1ns"),
            _ => (TokenKind::RealNumber, "1.5"),
        },
        _ => (
            TokenKind::Directive,
            ["timescale 1ns/1ps", "default_nettype none", "resetall", "timescale bad"][rng.below(4)],
        ),
    };
    Token { kind, span, text: text.into() }
}

fn with_eof(mut toks: Vec<Token>) -> Vec<Token> {
    let end = toks.last().map_or(0, |t| t.span.end);
    toks.push(Token { kind: TokenKind::Eof, span: Span::new(FileId(0), end, end), text: "".into() });
    toks
}

#[test]
fn random_token_sequences_terminate() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3000 {
        let len = rng.below(200);
        let toks: Vec<Token> = (0..len).map(|i| random_token(&mut rng, i as u32)).collect();
        let toks = with_eof(toks);
        let (_, diags) = parse(&toks);
        // One diagnostic per token at most (plus end-of-input reports).
        assert!(diags.list.len() <= toks.len() + 8, "{} diags for {} tokens", diags.list.len(), toks.len());
    }
}

#[test]
fn token_stream_without_eof_or_empty() {
    let _ = parse(&[]);
    let (toks, _) = lex(FileId(0), "module m; wire a;");
    let _ = parse(&toks[..toks.len() - 1]);
}

const SAMPLE: &str = include_str!("parse_data/cpu.v");

#[test]
fn every_truncation_of_real_code_terminates() {
    let (toks, _) = lex(FileId(0), SAMPLE);
    let body = &toks[..toks.len() - 1];
    for cut in (0..body.len()).step_by(7) {
        let (_, _) = parse(&with_eof(body[..cut].to_vec()));
    }
}

#[test]
fn mutated_real_code_terminates() {
    let (toks, _) = lex(FileId(0), SAMPLE);
    let body = &toks[..toks.len() - 1];
    let mut rng = Rng(42);
    for _ in 0..200 {
        let mut v = body.to_vec();
        for _ in 0..1 + rng.below(20) {
            let i = rng.below(v.len());
            match rng.below(3) {
                0 => {
                    v.remove(i);
                }
                1 => {
                    let t = random_token(&mut rng, v[i].span.start);
                    v.insert(i, t);
                }
                _ => {
                    let j = rng.below(v.len());
                    v.swap(i, j);
                }
            }
        }
        let _ = parse(&with_eof(v));
    }
}

#[test]
fn pathological_nesting_is_reported_not_overflowing() {
    let deep = 5000;
    let cases = [
        format!("module m; assign x = {}a{};\nendmodule", "(".repeat(deep), ")".repeat(deep)),
        format!("module m; assign x = {}a;\nendmodule", "-".repeat(deep)),
        format!("module m; assign x = {}a{};\nendmodule", "{".repeat(deep), "}".repeat(deep)),
        format!("module m; initial {} x = 1; {}\nendmodule", "begin ".repeat(deep), "end ".repeat(deep)),
        format!("module m; initial {} x = 1;\nendmodule", "if (a) ".repeat(deep)),
        format!("module m; {} wire w; {}\nendmodule", "begin ".repeat(deep), "end ".repeat(deep)),
        format!("module m; assign x = a{};\nendmodule", " ? b : a".repeat(deep)),
        format!("module m; assign x = {}0;\nendmodule", "a[".repeat(deep)),
        format!("module m; initial begin {} x = 1; end\nendmodule", "l: ".repeat(deep)),
        format!("module m; {} x; endmodule", "struct { ".repeat(deep)),
        format!("module m; initial {} ;\nendmodule", "#1 @(a) ".repeat(deep)),
        format!("module m; initial x = {};\nendmodule", "f(".repeat(deep)),
    ];
    for src in &cases {
        let (toks, _) = lex(FileId(0), src);
        let (_, diags) = parse(&toks);
        assert!(diags.has_errors(), "nesting of {deep} levels must be reported");
    }
    // A long chain of labels is iterated, not recursed into.
    let src = format!("module m; {} wire w;\nendmodule", "l: ".repeat(deep));
    let (toks, _) = lex(FileId(0), &src);
    let _ = parse(&toks);
    // Moderate nesting (what real code has) is fine.
    let src = format!("module m; assign x = {}a{};\nendmodule", "(".repeat(60), ")".repeat(60));
    let (toks, _) = lex(FileId(0), &src);
    let (_, diags) = parse(&toks);
    assert!(diags.list.is_empty());
}
