//! Tokens: what the lexer produces and the preprocessor hands to the parser.
//!
//! Every token carries the [`Span`] of the characters it came from. Tokens
//! that came out of a macro expansion carry the span of the macro *use*, so
//! diagnostics point at the line the user wrote.

use wsim_diag::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
    /// The token's text: the identifier's name (without a leading `\` for
    /// escaped identifiers), the literal as written (underscores kept), the
    /// string literal's raw contents between the quotes (escapes not yet
    /// processed), the directive line for [`TokenKind::Directive`]; empty for
    /// keywords and operators.
    pub text: Box<str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A plain or escaped identifier.
    Ident,
    /// `$display`, `$time`, ...: text includes the `$`.
    SystemIdent,
    Keyword(Keyword),
    /// An unsized, unbased decimal number: `42`, `1_000`. Also the size part
    /// of a sized literal (`8` in `8'hff`), which the parser joins with the
    /// following [`TokenKind::BasedNumber`].
    Number,
    /// The base and digits of a based literal, starting at the apostrophe:
    /// `'hff`, `'sb1010`, `'d 5` (whitespace between base and digits removed).
    BasedNumber,
    /// `'0`, `'1`, `'x`, `'z` (text is the single character after `'`).
    UnbasedUnsized,
    /// `1.5`, `2e-3`.
    RealNumber,
    /// `10ns`, `1.5us`, `1step`: text is the whole literal.
    TimeLiteral,
    /// A string literal; text is the raw contents between the quotes.
    StringLit,
    /// A compiler directive the parser must see, passed through by the
    /// preprocessor: text is the directive name and its arguments, e.g.
    /// `timescale 1ns/1ps`, `default_nettype none`, `celldefine`,
    /// `endcelldefine`, `resetall`, `unconnected_drive pull1`,
    /// `nounconnected_drive`.
    Directive,
    Op(Op),
    /// End of input (always the last token).
    Eof,
}

/// Operators and punctuation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    LParen,     // (
    RParen,     // )
    LBracket,   // [
    RBracket,   // ]
    LBrace,     // {
    RBrace,     // }
    Semi,       // ;
    Comma,      // ,
    Dot,        // .
    Colon,      // :
    ColonColon, // ::
    PlusColon,  // +:
    MinusColon, // -:
    Hash,       // #
    HashHash,   // ##
    At,         // @
    AtAt,       // @@
    Question,   // ?
    Apostrophe, // '   (casts: int'(x), assignment patterns '{...})
    AttrOpen,   // (*
    AttrClose,  // *)
    Assign,     // =
    PlusAssign, // +=
    MinusAssign,
    StarAssign,
    SlashAssign,
    PercentAssign,
    AndAssign,
    OrAssign,
    XorAssign,
    ShlAssign,  // <<=
    ShrAssign,  // >>=
    AShlAssign, // <<<=
    AShrAssign, // >>>=
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Power,      // **
    PlusPlus,   // ++
    MinusMinus, // --
    Bang,       // !
    Tilde,      // ~
    Amp,        // &
    TildeAmp,   // ~&
    Pipe,       // |
    TildePipe,  // ~|
    Caret,      // ^
    TildeCaret, // ~^ or ^~
    AmpAmp,     // &&
    PipePipe,   // ||
    Eq,         // ==
    Neq,        // !=
    CaseEq,     // ===
    CaseNeq,    // !==
    WildEq,     // ==?
    WildNeq,    // !=?
    Lt,
    Le, // <= (also nonblocking assignment; the parser decides)
    Gt,
    Ge,
    Shl,          // <<
    Shr,          // >>
    AShl,         // <<<
    AShr,         // >>>
    Arrow,        // ->  (event trigger, implication)
    DArrow,       // ->>
    LogEquiv,     // <->
    PipeArrow,    // |->
    PipeFatArrow, // |=>
    FatArrow,     // =>
    StarGt,       // *>
}

macro_rules! keywords {
    ($($variant:ident => $text:literal),* $(,)?) => {
        /// Reserved words of IEEE 1800-2017 Annex B that the parser uses,
        /// plus the ones it must recognise to report as unsupported.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Keyword { $($variant),* }

        impl Keyword {
            /// Every keyword, in declaration order (the lexer builds its
            /// lookup table from this).
            pub const ALL: &'static [Keyword] = &[$(Keyword::$variant),*];
            pub fn from_text(s: &str) -> Option<Keyword> {
                match s { $($text => Some(Keyword::$variant),)* _ => None }
            }
            pub fn as_str(self) -> &'static str {
                match self { $(Keyword::$variant => $text),* }
            }
        }
    };
}

keywords! {
    Always => "always", AlwaysComb => "always_comb", AlwaysFf => "always_ff", AlwaysLatch => "always_latch",
    And => "and", Assert => "assert", Assign => "assign", Assume => "assume", Automatic => "automatic",
    Begin => "begin", Bit => "bit", Break => "break", Buf => "buf", Bufif0 => "bufif0", Bufif1 => "bufif1",
    Byte => "byte", Case => "case", Casex => "casex", Casez => "casez", Class => "class", Const => "const",
    Constraint => "constraint", Continue => "continue", Cover => "cover", Covergroup => "covergroup",
    Deassign => "deassign", Default => "default", Defparam => "defparam", Disable => "disable", Do => "do",
    Edge => "edge", Else => "else", End => "end", Endcase => "endcase", Endclass => "endclass",
    Endfunction => "endfunction", Endgenerate => "endgenerate", Endinterface => "endinterface",
    Endmodule => "endmodule", Endpackage => "endpackage", Endprogram => "endprogram",
    Endproperty => "endproperty", Endtask => "endtask", Enum => "enum", Event => "event", Export => "export",
    Extern => "extern", Final => "final", For => "for", Force => "force", Foreach => "foreach",
    Forever => "forever", Fork => "fork", Function => "function", Generate => "generate", Genvar => "genvar",
    If => "if", Iff => "iff", Import => "import", Initial => "initial", Inout => "inout", Input => "input",
    Inside => "inside", Int => "int", Integer => "integer", Interface => "interface", Join => "join",
    JoinAny => "join_any", JoinNone => "join_none", Localparam => "localparam", Logic => "logic",
    Longint => "longint", Macromodule => "macromodule", Modport => "modport", Module => "module",
    Nand => "nand", Negedge => "negedge", Nor => "nor", Not => "not", Notif0 => "notif0", Notif1 => "notif1",
    Null => "null", Or => "or", Output => "output", Package => "package", Packed => "packed",
    Parameter => "parameter", Posedge => "posedge", Priority => "priority", Program => "program",
    Property => "property", Pulldown => "pulldown", Pullup => "pullup", Real => "real", Realtime => "realtime",
    Reg => "reg", Release => "release", Repeat => "repeat", Return => "return", Scalared => "scalared",
    Sequence => "sequence", Shortint => "shortint", Shortreal => "shortreal", Signed => "signed",
    Specify => "specify", Endspecify => "endspecify", Specparam => "specparam", Static => "static",
    String => "string", Struct => "struct", Supply0 => "supply0", Supply1 => "supply1", Task => "task",
    Time => "time", Tri => "tri", Tri0 => "tri0", Tri1 => "tri1", Triand => "triand", Trior => "trior",
    Trireg => "trireg", Type => "type", Typedef => "typedef", Union => "union", Unique => "unique",
    Unique0 => "unique0", Unsigned => "unsigned", Uwire => "uwire", Var => "var", Vectored => "vectored",
    Virtual => "virtual", Void => "void", Wait => "wait", Wand => "wand", While => "while", Wire => "wire",
    Wor => "wor", Xnor => "xnor", Xor => "xor", Timeunit => "timeunit", Timeprecision => "timeprecision",
    Strong0 => "strong0", Strong1 => "strong1", Weak0 => "weak0", Weak1 => "weak1", Pull0 => "pull0",
    Pull1 => "pull1", Highz0 => "highz0", Highz1 => "highz1", Small => "small", Medium => "medium",
    Large => "large", Cmos => "cmos", Rcmos => "rcmos", Nmos => "nmos", Pmos => "pmos", Rnmos => "rnmos",
    Rpmos => "rpmos", Tran => "tran", Rtran => "rtran", Tranif0 => "tranif0", Tranif1 => "tranif1",
    Rtranif0 => "rtranif0", Rtranif1 => "rtranif1", Primitive => "primitive", Endprimitive => "endprimitive",
    Table => "table", Endtable => "endtable", Config => "config", Endconfig => "endconfig",
    Cell => "cell", Design => "design", Incdir => "incdir", Include => "include", Instance => "instance",
    Liblist => "liblist", Library => "library", Use => "use",
    Randcase => "randcase", Rand => "rand", Randc => "randc", Ref => "ref", Local => "local",
    Protected => "protected", New => "new", This => "this", Super => "super", Extends => "extends",
    Bind => "bind", Clocking => "clocking", Endclocking => "endclocking", Let => "let", Matches => "matches",
    Tagged => "tagged", Wildcard => "wildcard", With => "with", Dist => "dist", Solve => "solve",
    Before => "before", Randomize => "randomize", Chandle => "chandle", Global => "global",
    Randsequence => "randsequence",
}
