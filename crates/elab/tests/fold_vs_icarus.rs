//! Constant folding against Icarus Verilog: `tests/fold/*.v` hold random
//! constant expressions (generated, then run through `iverilog -g2012`; the
//! `.expected` files are its `%b` output). Each expression is a typed
//! localparam, so this checks sizing, signedness, x/z propagation and the
//! folded value of every operator (IEEE 1364-2005 5.4-5.5).

use std::path::Path;

use wsim_diag::SourceMap;
use wsim_elab::{elaborate, ElabOptions};
use wsim_ir::{Const, ExprKind, StmtKind};

fn bin(c: &Const) -> String {
    let n = Const::limbs(c.width);
    (0..c.width as usize)
        .rev()
        .map(|i| match ((c.words[i / 64] >> (i % 64)) & 1, (c.words[n + i / 64] >> (i % 64)) & 1) {
            (0, 0) => '0',
            (1, 0) => '1',
            (0, _) => 'z',
            _ => 'x',
        })
        .collect()
}

fn folded_displays(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut sm = SourceMap::new();
    let f = sm.add(path.to_string_lossy(), text);
    let (toks, _) = wsim_syntax::preprocess(&mut sm, &[f], &Default::default(), &wsim_syntax::FsLoader);
    let (unit, pd) = wsim_syntax::parse(&toks);
    assert!(!pd.has_errors(), "{} does not parse", path.display());
    let (design, diags) = elaborate(&unit, &ElabOptions::default());
    assert!(!diags.has_errors(), "{} does not elaborate", path.display());
    let d = design.unwrap();
    let mut out = Vec::new();
    for (_, s) in d.stmts.iter() {
        if let StmtKind::SysTask { name, args, .. } = &s.kind {
            if name == "$display" {
                for &a in args.iter().flatten().filter(|&&a| !d.is_string_literal(a)) {
                    match &d.exprs[a].kind {
                        ExprKind::Const(c) => out.push(bin(c)),
                        _ => out.push("<not folded>".into()),
                    }
                }
            }
        }
    }
    out
}

#[test]
fn folded_parameters_match_icarus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fold");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "v"));
    files.sort();
    assert!(!files.is_empty());
    for f in files {
        let expected = std::fs::read_to_string(f.with_extension("expected")).unwrap();
        let want: Vec<&str> = expected.lines().collect();
        let got = folded_displays(&f);
        let src = std::fs::read_to_string(&f).unwrap();
        let decls: Vec<&str> = src.lines().filter(|l| l.contains("localparam")).collect();
        for (i, (g, w)) in got.iter().zip(&want).enumerate() {
            assert_eq!(g, w, "{}: {}", f.display(), decls.get(i).unwrap_or(&""));
        }
        assert_eq!(got.len(), want.len(), "{}", f.display());
    }
}
