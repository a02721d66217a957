//! Test support for wsim: the golden-file format, locating and driving the
//! `wsim` binary and Icarus Verilog, and the libtest-mimic trials built on
//! them.
//!
//! Test targets (all `harness = false`, so `cargo test -p wsim-tests -- NAME`
//! filters single files):
//! - `golden`: every `tests/sim/*.{v,sv}` through `wsim compile` + `wsim run`.
//! - `errors`: every `tests/errors/*.{v,sv}`; the rendered diagnostics.
//! - `differential`: every `tests/sim/*.{v,sv}` through iverilog + vvp.
//! - `portability`: a compiled artifact runs identically from elsewhere.
//!
//! Environment: `WSIM_BLESS=1` rewrites expected blocks from wsim,
//! `WSIM_BLESS_ICARUS=1` from Icarus (differential only), `WSIM_BIN` picks
//! the binary, `WSIM_NO_BUILD=1` skips the `cargo build -p wsim` step,
//! `WSIM_KEEP_TMP=1` keeps scratch dirs, `WSIM_TEST_TIMEOUT` (seconds).

pub mod golden_file;
pub mod harness;
pub mod process;
pub mod random_rtl;
pub mod tools;
