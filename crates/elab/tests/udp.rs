//! User-defined primitive instances lower to ordinary processes that keep
//! the IR contract, and their elaboration errors are reported by name.

use std::path::PathBuf;

use wsim_diag::{render, SourceMap};
use wsim_elab::{elaborate, ElabOptions};
use wsim_ir::Design;

/// Preprocess, parse and elaborate `src`: the design (if any) and every
/// rendered diagnostic.
fn run(src: &str) -> (Option<Design>, String) {
    let mut sm = SourceMap::new();
    let f = sm.add("t.v", src);
    let (toks, mut diags) =
        wsim_syntax::preprocess(&mut sm, &[f], &wsim_syntax::PpOptions::default(), &wsim_syntax::FsLoader);
    let (unit, d2) = wsim_syntax::parse(&toks);
    diags.extend(d2);
    let (design, d3) = elaborate(&unit, &ElabOptions::default());
    diags.extend(d3);
    let text = diags.list.iter().map(|d| render(&sm, d)).collect();
    (design, text)
}

fn contract_violations(d: &Design) -> Vec<String> {
    let mut bad = wsim_elab::validate::check(d);
    if let Err(errs) = wsim_ir::validate::validate(d) {
        bad.extend(errs.iter().map(|e| e.to_string()));
    }
    bad
}

#[test]
fn golden_udp_designs_keep_the_ir_contract() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/sim");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.starts_with("udp_") || !name.ends_with(".v") {
            continue;
        }
        seen += 1;
        let (design, diags) = run(&std::fs::read_to_string(&path).unwrap());
        let d = design.unwrap_or_else(|| panic!("{name} failed to elaborate:\n{diags}"));
        let bad = contract_violations(&d);
        assert!(bad.is_empty(), "{name}: IR contract violations:\n{}", bad.join("\n"));
    }
    assert!(seen >= 5, "expected the udp_*.v golden tests in {}", dir.display());
}

const INV: &str = "primitive inv (y, a); output y; input a; table 0 : 1; 1 : 0; endtable endprimitive\n";

#[test]
fn each_instance_is_an_evaluation_process_and_a_driver() {
    let (d, diags) = run(&format!("{INV}module t; reg a; wire y1, y2; inv u1 (y1, a), u2 (y2, y1); endmodule"));
    let d = d.unwrap_or_else(|| panic!("{diags}"));
    // Two per instance: the table lookup and `output = state`.
    assert_eq!(d.procs.len(), 4);
    let hidden = d.signals.iter().filter(|(_, s)| s.hidden).count();
    assert_eq!(hidden, 4, "cur and state per combinational instance");
}

#[test]
fn delays_and_parameters() {
    let (_, diags) = run(&format!("{INV}module t; reg a; wire y; inv #(1, 2, 3) u (y, a); endmodule"));
    assert!(diags.contains("error[E0309]: a primitive instance takes at most two delays"), "{diags}");
    let (_, diags) = run(&format!("{INV}module t; reg a; wire y; inv #(.W(1)) u (y, a); endmodule"));
    assert!(diags.contains("error[E0309]: primitive `inv` takes delays, not parameters"), "{diags}");
}

#[test]
fn named_connections_must_name_ports() {
    let (_, diags) = run(&format!("{INV}module t; reg a; wire y; inv u (.y(y), .b(a)); endmodule"));
    assert!(diags.contains("error[E0305]: primitive `inv` has no port `b`"), "{diags}");
}

#[test]
fn a_primitive_and_a_module_may_not_share_a_name() {
    let (_, diags) = run(&format!("{INV}module inv; endmodule module t; endmodule"));
    assert!(diags.contains("error[E0308]: primitive `inv` is defined twice"), "{diags}");
}
