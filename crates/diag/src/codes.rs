//! The registry of stable diagnostic codes, one file per stage.
//!
//! Ranges: E01xx/W01xx preprocessor, E02xx/W02xx parser, E03xx/W03xx
//! elaboration, E04xx codegen, E05xx/W05xx run time and host, E06xx CLI.
//! A code, once published, never changes meaning. Every code is documented
//! in `docs/diagnostics.md`; a test checks that [`ALL`] and the doc agree.

pub mod codegen;
pub mod elab;
pub mod parse;
pub mod preprocess;
pub mod run;

use crate::Code;

/// Every code of every stage.
pub fn all() -> Vec<Code> {
    let mut v = Vec::new();
    v.extend_from_slice(preprocess::ALL);
    v.extend_from_slice(parse::ALL);
    v.extend_from_slice(elab::ALL);
    v.extend_from_slice(codegen::ALL);
    v.extend_from_slice(run::ALL);
    v
}
