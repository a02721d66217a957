//! Differential-testing aid: elaborate one file and print every constant
//! argument of each `$display` in binary (`%b` style, x/z as letters), one
//! display per line, to compare constant folding with Icarus Verilog.

use wsim_diag::{render, SourceMap};
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

fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let mut sm = SourceMap::new();
    let f = sm.add(path.clone(), std::fs::read_to_string(&path).expect("readable"));
    let (toks, _) = wsim_syntax::preprocess(&mut sm, &[f], &Default::default(), &wsim_syntax::FsLoader);
    let (unit, _) = wsim_syntax::parse(&toks);
    let (design, diags) = elaborate(&unit, &ElabOptions::default());
    for d in &diags.list {
        eprint!("{}", render(&sm, d));
    }
    let Some(d) = design else { return };
    for (_, s) in d.stmts.iter() {
        if let StmtKind::SysTask { name, args, .. } = &s.kind {
            if name != "$display" {
                continue;
            }
            let vals: Vec<String> = args
                .iter()
                .flatten()
                .filter(|&&a| !d.is_string_literal(a))
                .map(|&a| match &d.exprs[a].kind {
                    ExprKind::Const(c) => bin(c),
                    ExprKind::RealConst(r) => format!("{r}"),
                    _ => "?".into(),
                })
                .collect();
            println!("{}", vals.join(" "));
        }
    }
}
