//! Run-time, host and CLI codes (E05xx errors, W05xx warnings, E06xx/W06xx CLI).
use crate::Code;

pub const BAD_ARTIFACT: Code =
    Code { id: "E0501", summary: "file is not a wsim artifact (bad magic, missing wsim.meta)" };
pub const ABI_MISMATCH: Code = Code { id: "E0502", summary: "artifact ABI version differs from this host's" };
pub const TRAP: Code = Code { id: "E0503", summary: "the simulation trapped (a wsim bug or an arena overflow)" };
pub const DELTA_LIMIT: Code =
    Code { id: "E0504", summary: "too many delta cycles in one time step (combinational loop?)" };
pub const FILE_IO: Code = Code { id: "E0505", summary: "a file the design asked for could not be read or written" };
pub const FATAL: Code = Code { id: "E0506", summary: "$fatal was called" };
pub const HOST_UNSUPPORTED: Code =
    Code { id: "E0507", summary: "the artifact asked for a host service this host does not provide yet" };
pub const HOST_INTERNAL: Code =
    Code { id: "E0508", summary: "internal host error (the wasm engine could not be set up)" };
pub const MEMORY_LIMIT: Code = Code { id: "E0509", summary: "the design needed more memory than --max-memory allows" };
pub const WAVES_IO: Code = Code { id: "E0510", summary: "the wave file could not be written" };
pub const NULL_HANDLE: Code =
    Code { id: "E0511", summary: "a class property or object was accessed through a null handle" };
pub const TIME_LIMIT: Code = Code { id: "W0501", summary: "the run stopped at --max-time with events still pending" };
pub const FILE_REFUSED: Code = Code {
    id: "W0502",
    summary: "the design tried to open a file outside the granted directories (or --deny-files is in force)",
};
pub const WALL_TIMEOUT: Code = Code { id: "W0503", summary: "the run stopped at --timeout (wall-clock limit)" };
pub const INTERRUPTED: Code = Code { id: "W0504", summary: "the run was interrupted (Ctrl-C)" };
pub const DUMP_UNKNOWN: Code =
    Code { id: "W0505", summary: "a $dumpvars argument or --waves-scope names nothing in the design" };
pub const CONTAINER_ACCESS: Code = Code {
    id: "W0508",
    summary: "an invalid dynamic array, queue or associative array access (missing key, full bounded queue, bad index)",
};
pub const FILE_NOT_FOUND: Code =
    Code { id: "E0601", summary: "an input file named on the command line does not exist" };
pub const BAD_OPTION: Code = Code { id: "E0602", summary: "a command-line option is malformed" };
pub const UNSUPPORTED_OPTION: Code =
    Code { id: "E0603", summary: "a command-line option is recognised but not supported yet" };
pub const INTERNAL_COMPILER_ERROR: Code =
    Code { id: "E0604", summary: "internal compiler error: a stage failed without reporting why" };
pub const OPTION_IGNORED: Code =
    Code { id: "W0601", summary: "a command-line option was accepted but has no effect yet" };
pub const CACHE_IO: Code = Code { id: "W0602", summary: "the compile or native-code cache could not be written" };

pub const ALL: &[Code] = &[
    BAD_ARTIFACT,
    ABI_MISMATCH,
    TRAP,
    DELTA_LIMIT,
    FILE_IO,
    FATAL,
    HOST_UNSUPPORTED,
    HOST_INTERNAL,
    MEMORY_LIMIT,
    WAVES_IO,
    NULL_HANDLE,
    TIME_LIMIT,
    FILE_REFUSED,
    WALL_TIMEOUT,
    INTERRUPTED,
    DUMP_UNKNOWN,
    CONTAINER_ACCESS,
    FILE_NOT_FOUND,
    BAD_OPTION,
    UNSUPPORTED_OPTION,
    INTERNAL_COMPILER_ERROR,
    OPTION_IGNORED,
    CACHE_IO,
];
