//! Test helpers: elaborate Verilog text into a design, print it, and run
//! one pass with the validity check [`crate::optimize`] makes.

use wsim_diag::{render, SourceMap};
use wsim_ir::Design;

/// Preprocess, parse and elaborate `src` (SystemVerilog keywords); panics
/// on any error.
pub fn elaborate(src: &str) -> Design {
    let mut sm = SourceMap::new();
    let f = sm.add("t.sv", src);
    let pp = wsim_syntax::PpOptions { language: Some(wsim_syntax::preprocess::Language::Sv2017), ..Default::default() };
    let (toks, mut diags) = wsim_syntax::preprocess(&mut sm, &[f], &pp, &wsim_syntax::FsLoader);
    let (unit, d2) = wsim_syntax::parse(&toks);
    diags.extend(d2);
    let (design, d3) = wsim_elab::elaborate(&unit, &wsim_elab::ElabOptions::default());
    diags.extend(d3);
    let text: String = diags.list.iter().map(|d| render(&sm, d)).collect();
    assert!(!diags.has_errors(), "errors:\n{text}");
    let design = design.expect("a design");
    crate::check("elaborate", &design, &[]);
    design
}

/// Run `pass` and check the result like [`crate::optimize`] does.
pub fn apply(design: &mut Design, name: &str, pass: fn(&mut Design)) {
    pass(design);
    crate::check(name, design, &[]);
}

/// The printed processes only (from the first `p0 ` line): signals and
/// scopes do not change in most passes.
pub fn processes(design: &Design) -> String {
    let text = wsim_ir::print(design);
    match text.find("\np0 ") {
        Some(i) => text[i + 1..].to_string(),
        None => String::new(),
    }
}

/// The printed signal lines (`s0 ...`).
pub fn signals(design: &Design) -> String {
    let text = wsim_ir::print(design);
    text.lines().filter(|l| l.starts_with('s') && !l.starts_with("sc")).map(|l| format!("{l}\n")).collect()
}
