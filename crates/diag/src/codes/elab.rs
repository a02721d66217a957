//! Elaboration codes (E03xx errors, W03xx warnings).
use crate::Code;

pub const UNKNOWN_MODULE: Code = Code { id: "E0301", summary: "instantiation of a module that is not defined" };
pub const UNDECLARED: Code = Code { id: "E0302", summary: "use of an undeclared identifier" };
pub const NOT_CONSTANT: Code = Code { id: "E0303", summary: "expression must be constant here" };
pub const UNSUPPORTED: Code = Code { id: "E0304", summary: "construct not supported by wsim (named in the message)" };
pub const BAD_PORT: Code = Code { id: "E0305", summary: "port connection does not match the module's ports" };
pub const BAD_ASSIGN_TARGET: Code =
    Code { id: "E0306", summary: "invalid assignment target (e.g. procedural assignment to a net)" };
pub const TOP_NOT_FOUND: Code = Code { id: "E0307", summary: "top module not found or ambiguous" };
pub const DUPLICATE: Code = Code { id: "E0308", summary: "duplicate declaration" };
pub const BAD_PARAM: Code = Code { id: "E0309", summary: "parameter override names no parameter" };
pub const RECURSION: Code = Code { id: "E0310", summary: "instantiation or constant-function recursion too deep" };
pub const TYPE_ERROR: Code = Code { id: "E0311", summary: "operand type not allowed here" };
pub const UNTIMED_ALWAYS: Code =
    Code { id: "E0312", summary: "an always process with no timing control on any path (a zero-delay infinite loop)" };
pub const WIDTH_TRUNC: Code = Code {
    id: "W0301",
    summary: "width mismatch: the right-hand side is wider than the target, its upper bits are lost (like Verilator WIDTHTRUNC)",
};
pub const IMPLICIT_NET: Code =
    Code { id: "W0302", summary: "implicit net declared for an undeclared identifier (like Verilator IMPLICIT)" };
pub const UNCONNECTED: Code = Code { id: "W0303", summary: "port left unconnected" };
pub const IGNORED_TASK: Code =
    Code { id: "W0304", summary: "system task accepted but without effect in this version (named in the message)" };
pub const UNUSED: Code = Code { id: "W0305", summary: "a variable or net is never read (like Verilator UNUSED)" };
pub const UNDRIVEN: Code = Code {
    id: "W0306",
    summary: "a variable or net is read but nothing ever assigns or drives it (like Verilator UNDRIVEN)",
};

pub const SDF: Code = Code { id: "E0315", summary: "SDF file of `$sdf_annotate` cannot be read or is malformed" };
pub const SDF_IGNORED: Code = Code {
    id: "W0315",
    summary: "SDF entry not applied (no such instance or module path, or a construct named in the message)",
};

pub const ALL: &[Code] = &[
    UNKNOWN_MODULE,
    UNDECLARED,
    NOT_CONSTANT,
    UNSUPPORTED,
    BAD_PORT,
    BAD_ASSIGN_TARGET,
    TOP_NOT_FOUND,
    DUPLICATE,
    BAD_PARAM,
    RECURSION,
    TYPE_ERROR,
    UNTIMED_ALWAYS,
    WIDTH_TRUNC,
    IMPLICIT_NET,
    UNCONNECTED,
    IGNORED_TASK,
    UNUSED,
    UNDRIVEN,
    SDF,
    SDF_IGNORED,
];

/// The lint pass's warnings: off by default, on with `-Wall`.
pub const OFF_BY_DEFAULT: &[Code] = &[WIDTH_TRUNC, IMPLICIT_NET, UNUSED, UNDRIVEN];
