//! Code generation codes (E04xx).
use crate::Code;

pub const UNSUPPORTED: Code =
    Code { id: "E0401", summary: "construct not supported by the wasm backend (named in the message)" };
pub const TOO_LARGE: Code = Code { id: "E0402", summary: "design does not fit in a 4 GiB arena" };

pub const TOO_MANY_LOCALS: Code =
    Code { id: "E0403", summary: "a process or subroutine needs more wasm locals than an engine accepts" };

pub const ALL: &[Code] = &[UNSUPPORTED, TOO_LARGE, TOO_MANY_LOCALS];
