//! A realistic design (a picorv32-style core plus a tiny SoC, checked with
//! `iverilog -g2005`) parses without any diagnostic, and the parser's
//! throughput on a 1 MB file (run with
//! `cargo test --release -p wsim-syntax --test parse_design -- --ignored`).
mod parse_util;
use parse_util::*;
use std::time::Instant;
use wsim_diag::SourceMap;
use wsim_syntax::ast::*;
use wsim_syntax::{parse, preprocess, FsLoader, PpOptions};

const CPU: &str = include_str!("parse_data/cpu.v");

#[test]
fn picorv32_style_core_parses_cleanly() {
    let unit = parse_pp_ok(CPU);
    let mods: Vec<&ModuleDecl> = unit
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Module(m) => Some(m),
            _ => None,
        })
        .collect();
    assert_eq!(mods.len(), 2);
    let cpu = mods[0];
    assert_eq!(cpu.name.name, "tiny_rv32");
    assert_eq!(cpu.timescale, Some(Timescale { unit: -9, precision: -12 }));
    assert_eq!(cpu.params.iter().map(|p| p.assigns.len()).sum::<usize>(), 5);
    let PortList::Ansi(ports) = &cpu.ports else { panic!() };
    assert_eq!(ports.len(), 13);
    assert_eq!((ports[1].name.name.as_str(), ports[1].dir), ("resetn", Direction::Input));
    let functions = cpu.items.iter().filter(|i| matches!(i, ModuleItem::Function(_))).count();
    let regions = cpu.items.iter().filter(|i| matches!(i, ModuleItem::GenerateRegion(..))).count();
    let processes = cpu.items.iter().filter(|i| matches!(i, ModuleItem::Process(_))).count();
    assert_eq!((functions, regions, processes), (3, 2, 4));
    let soc = mods[1];
    let ModuleItem::Instance(inst) = soc.items.iter().find(|i| matches!(i, ModuleItem::Instance(_))).unwrap() else {
        panic!()
    };
    assert_eq!(inst.instances[0].conns.len(), 13);
}

#[test]
fn everyday_systemverilog_parses_cleanly() {
    let unit = parse_pp_ok(include_str!("parse_data/sv_everyday.sv"));
    assert!(matches!(&unit.items[0], Item::Package(p) if p.name.name == "bus_pkg" && p.items.len() == 4));
    let mods: Vec<&ModuleDecl> = unit
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Module(m) => Some(m),
            _ => None,
        })
        .collect();
    let names: Vec<&str> = mods.iter().map(|m| m.name.name.as_str()).collect();
    assert_eq!(names, ["fifo", "arbiter", "tb"]);
    assert!(mods.iter().all(|m| m.default_nettype.is_none()));
    assert_eq!(mods[1].imports.len(), 1);
    // `localparam` in the header list stays local; the others are overridable.
    assert_eq!(mods[0].params.iter().map(|p| p.local).collect::<Vec<_>>(), [false, false, true]);
    let tb = mods[2];
    let inst = tb.items.iter().find_map(|i| match i {
        ModuleItem::Instance(x) => Some(x),
        _ => None,
    });
    assert!(matches!(&inst.unwrap().instances[0].conns[..], [PortConn::Wildcard(_)]));
}

/// A ~1 MB file: the core repeated under different module names.
fn big_source() -> String {
    let mut s = String::new();
    let mut n = 0;
    while s.len() < 1_000_000 {
        s.push_str(&CPU.replace("tiny_rv32", &format!("core{n}")).replace("tiny_soc", &format!("soc{n}")));
        n += 1;
    }
    s
}

#[test]
#[ignore = "throughput measurement; run in release mode"]
fn throughput_at_least_20_mb_per_second() {
    let src = big_source();
    let mut best = f64::MAX;
    for _ in 0..5 {
        let mut sm = SourceMap::new();
        let file = sm.add("big.v", src.clone());
        let t = Instant::now();
        let (tokens, pp) = preprocess(&mut sm, &[file], &PpOptions::default(), &FsLoader);
        let (unit, diags) = parse(&tokens);
        let secs = t.elapsed().as_secs_f64();
        assert!(pp.list.is_empty() && diags.list.is_empty());
        assert!(unit.items.len() > 10);
        best = best.min(secs);
    }
    let mbps = src.len() as f64 / 1e6 / best;
    eprintln!("lex+preprocess+parse: {:.1} MB in {:.1} ms = {mbps:.1} MB/s", src.len() as f64 / 1e6, best * 1e3);
    assert!(mbps >= 20.0, "{mbps:.1} MB/s");
}

#[test]
#[ignore = "throughput breakdown; run in release mode"]
fn throughput_breakdown() {
    let src = big_source();
    for _ in 0..3 {
        let mut sm = SourceMap::new();
        let file = sm.add("big.v", src.clone());
        let t = Instant::now();
        let (tokens, _) = wsim_syntax::lexer::lex(file, &src);
        let lex_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let (tokens_pp, _) = preprocess(&mut sm, &[file], &PpOptions::default(), &FsLoader);
        let pp_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let (unit, _) = parse(&tokens_pp);
        let parse_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        drop(unit);
        let drop_s = t.elapsed().as_secs_f64();
        eprintln!(
            "{} tokens: lex {:.1} ms, preprocess {:.1} ms, parse {:.1} ms, drop ast {:.1} ms",
            tokens.len(),
            lex_s * 1e3,
            pp_s * 1e3,
            parse_s * 1e3,
            drop_s * 1e3
        );
    }
}
