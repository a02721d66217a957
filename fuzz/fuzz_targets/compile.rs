//! libFuzzer target: any bytes as one Verilog source file through the whole
//! pipeline (preprocess, parse, elaborate, generate code), cache off.
//! A panic, a stack overflow, a timeout (`-timeout=N`) or an allocation past
//! `-rss_limit_mb` is a finding. Seed it with the repository's sources:
//!
//! ```text
//! mkdir -p fuzz/corpus/compile && cp tests/sim/*.v tests/errors/*.v examples/*.v fuzz/corpus/compile/
//! cargo +nightly fuzz run compile -- -timeout=10 -rss_limit_mb=2048
//! ```
#![no_main]

use libfuzzer_sys::fuzz_target;
use wsim::pipeline::{compile, CompileRequest};

fuzz_target!(|data: &[u8]| {
    // The pipeline reads files: one per process (libFuzzer runs inputs one
    // at a time in a process, so the name cannot clash).
    let path = std::env::temp_dir().join(format!("wsim-fuzz-{}.sv", std::process::id()));
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let req = CompileRequest { files: vec![path], cache: None, ..Default::default() };
    let result = compile(&req);
    // Failures must be reported, never silent.
    assert!(result.artifact.is_some() || result.diagnostics.iter().any(|d| d.is_error()));
    // Rendering walks spans into the source text: it must cope with every span.
    for d in &result.diagnostics {
        let _ = wsim_diag::render(&result.sources, d);
    }
});
