//! The registry of stable diagnostic codes, one file per stage.
//!
//! Ranges: E01xx/W01xx preprocessor, E02xx/W02xx parser, E03xx/W03xx
//! elaboration, E04xx codegen, E05xx/W05xx run time and host, E06xx CLI.
//! A code, once published, never changes meaning. Every code is documented
//! in `docs/diagnostics.md`; a test checks that [`all`] and the doc agree.
//!
//! Some warnings are off by default: only `-Wall` runs the checks that
//! produce them ([`off_by_default`]).

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

/// Warnings that only `-Wall` turns on (the lint pass after elaboration).
/// `-Wno-CODE` still turns each one off under `-Wall`.
pub fn off_by_default() -> Vec<Code> {
    elab::OFF_BY_DEFAULT.to_vec()
}

/// True for a code listed in [`off_by_default`].
pub fn is_off_by_default(id: &str) -> bool {
    elab::OFF_BY_DEFAULT.iter().any(|c| c.id == id)
}

/// The registered code with this id (`"W0301"`), case-insensitive.
pub fn by_id(id: &str) -> Option<Code> {
    all().into_iter().find(|c| c.id.eq_ignore_ascii_case(id))
}
