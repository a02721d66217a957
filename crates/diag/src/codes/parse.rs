//! Parser codes (E02xx errors, W02xx warnings).
use crate::Code;

pub const EXPECTED: Code = Code { id: "E0201", summary: "unexpected token: something else was expected here" };
pub const UNSUPPORTED: Code = Code { id: "E0202", summary: "construct recognised but not supported by wsim" };
pub const BAD_NUMBER: Code = Code { id: "E0203", summary: "malformed number literal" };
pub const MISMATCHED_END: Code = Code { id: "E0204", summary: "end label does not match the begin label" };
pub const BAD_UDP: Code =
    Code { id: "E0205", summary: "malformed user-defined primitive (ports, initial value or table row)" };
pub const NOT_ALLOWED: Code =
    Code { id: "E0206", summary: "well-formed, but not allowed here by IEEE 1364/1800 (the message names the rule)" };

pub const ALL: &[Code] = &[EXPECTED, UNSUPPORTED, BAD_NUMBER, MISMATCHED_END, BAD_UDP, NOT_ALLOWED];
