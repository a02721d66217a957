//! Run-time, host and CLI codes (E05xx errors, W05xx warnings, E06xx CLI).
use crate::Code;

pub const BAD_ARTIFACT: Code = Code { id: "E0501", summary: "file is not a wsim artifact (bad magic, missing wsim.meta)" };
pub const ABI_MISMATCH: Code = Code { id: "E0502", summary: "artifact ABI version differs from this host's" };
pub const TRAP: Code = Code { id: "E0503", summary: "the simulation trapped (a wsim bug or an arena overflow)" };
pub const DELTA_LIMIT: Code = Code { id: "E0504", summary: "too many delta cycles in one time step (combinational loop?)" };
pub const FILE_IO: Code = Code { id: "E0505", summary: "a file the design asked for could not be read or written" };
pub const FATAL: Code = Code { id: "E0506", summary: "$fatal was called" };
pub const FILE_NOT_FOUND: Code = Code { id: "E0601", summary: "an input file named on the command line does not exist" };
pub const BAD_OPTION: Code = Code { id: "E0602", summary: "a command-line option is malformed" };

pub const ALL: &[Code] = &[BAD_ARTIFACT, ABI_MISMATCH, TRAP, DELTA_LIMIT, FILE_IO, FATAL, FILE_NOT_FOUND, BAD_OPTION];
