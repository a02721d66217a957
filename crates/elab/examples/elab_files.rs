//! Elaborate Verilog files and print diagnostics, a summary and timings:
//! `cargo run -p wsim-elab --example elab_files -- [--top T] [--dump] [-Idir] files...`

use std::time::Instant;

use wsim_diag::{render, SourceMap};
use wsim_elab::{dump, elaborate, ElabOptions};

fn main() {
    let mut opts = ElabOptions::default();
    let mut pp = wsim_syntax::PpOptions::default();
    let mut files = Vec::new();
    let mut show = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--top" => opts.tops.extend(args.next()),
            "--dump" => show = true,
            _ if a.starts_with("-I") => pp.include_dirs.push(a[2..].to_string()),
            _ if a.starts_with("-G") => {
                if let Some((k, v)) = a[2..].split_once('=') {
                    opts.param_overrides.push((k.into(), v.into()));
                }
            }
            _ => files.push(a),
        }
    }
    let mut sm = SourceMap::new();
    let ids: Vec<_> =
        files.iter().map(|f| sm.add(f.clone(), std::fs::read_to_string(f).expect("readable file"))).collect();
    let t0 = Instant::now();
    let (toks, mut diags) = wsim_syntax::preprocess(&mut sm, &ids, &pp, &wsim_syntax::FsLoader);
    let (unit, d2) = wsim_syntax::parse(&toks);
    diags.extend(d2);
    let t1 = Instant::now();
    let (design, d3) = elaborate(&unit, &opts);
    let t2 = Instant::now();
    diags.extend(d3);
    for d in &diags.list {
        eprint!("{}", render(&sm, d));
    }
    if let Some(d) = design {
        for v in wsim_elab::validate::check(&d) {
            eprintln!("IR contract: {v}");
        }
        if let Err(errs) = wsim_ir::validate::validate(&d) {
            for e in errs {
                eprintln!("IR contract: {e}");
            }
        }
        if show {
            print!("{}", dump(&d));
        }
        eprintln!(
            "scopes {} signals {} exprs {} stmts {} procs {} subrs {} aliases {}",
            d.scopes.len(),
            d.signals.len(),
            d.exprs.len(),
            d.stmts.len(),
            d.procs.len(),
            d.subrs.len(),
            d.aliases.len()
        );
    }
    eprintln!("parse {:?} elab {:?}", t1 - t0, t2 - t1);
}
