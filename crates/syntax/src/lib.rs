//! Verilog / SystemVerilog front end: lexer, preprocessor and parser.
//!
//! Pipeline: [`preprocess`] (which runs the lexer on every file and macro)
//! produces a flat token stream; [`parse`] turns it into an [`ast::SourceUnit`].
//!
//! Architecture invariants:
//! - Parsing never fails and never panics: every function returns what it
//!   could build plus diagnostics (the playground needs partial results).
//! - This crate does no name resolution and evaluates no parameters.
//! - File access goes through [`FileLoader`], so the same code runs in a
//!   browser with in-memory files.

pub mod ast;
pub mod token;

pub mod lexer;
pub mod parser;
pub mod preprocess;
pub mod timescale;

pub use parser::{parse, parse_with_timescale};
pub use preprocess::{preprocess, FileLoader, FsLoader, PpOptions};
