//! Preprocessor codes (E01xx errors, W01xx warnings).
use crate::Code;

pub const UNDEFINED_MACRO: Code = Code { id: "E0101", summary: "use of an undefined macro" };
pub const INCLUDE_NOT_FOUND: Code = Code { id: "E0102", summary: "`include file not found" };
pub const UNBALANCED_CONDITIONAL: Code = Code { id: "E0103", summary: "unbalanced `ifdef/`else/`endif" };
pub const BAD_DIRECTIVE: Code = Code { id: "E0104", summary: "malformed or unknown compiler directive" };
pub const MACRO_ARGS: Code = Code { id: "E0105", summary: "wrong number of macro arguments" };
pub const INCLUDE_DEPTH: Code = Code { id: "E0106", summary: "`include nesting too deep (recursive include?)" };
pub const UNTERMINATED: Code = Code { id: "E0107", summary: "unterminated comment or string literal" };
pub const BAD_CHAR: Code = Code { id: "E0108", summary: "character not allowed in Verilog source" };
pub const BAD_NUMBER: Code = Code { id: "E0109", summary: "malformed numeric literal" };
pub const MACRO_DEPTH: Code = Code { id: "E0110", summary: "macro expansion too deep (recursive macro?)" };

pub const ALL: &[Code] = &[
    UNDEFINED_MACRO,
    INCLUDE_NOT_FOUND,
    UNBALANCED_CONDITIONAL,
    BAD_DIRECTIVE,
    MACRO_ARGS,
    INCLUDE_DEPTH,
    UNTERMINATED,
    BAD_CHAR,
    BAD_NUMBER,
    MACRO_DEPTH,
];
