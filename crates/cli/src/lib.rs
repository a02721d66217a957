//! wsim as a library: the compile pipeline and the command line.
//!
//! - [`pipeline`]: THE compile pipeline, one function read top to bottom.
//! - [`argv`]: the pre-pass that accepts Icarus/Verilator/commercial flag
//!   spellings and `-f` files.
//! - [`commands`]: the `compile` / `run` / `sim` subcommands.
//! - [`exit`]: the documented process exit codes.
//! - [`compile_cache`]: the content-addressed artifact cache.
//! - [`report`]: the compile/run reports, `--stats-json`, live progress.

pub mod argv;
pub mod commands;
pub mod compile_cache;
pub mod exit;
pub mod pipeline;
pub mod report;

pub use commands::main_with_args;
pub use exit::Exit;
