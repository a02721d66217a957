//! Throughput check for the front end: generates about 1 MB of Verilog
//! (modules, expressions, literals, comments and macro uses) and prints the
//! MB/s of lex alone, of lex + preprocess, and of lex + preprocess + parse.
//!
//! Run: `cargo run --release -p wsim-syntax --example pp_speed [megabytes]`

use std::fmt::Write as _;
use std::time::Instant;

use wsim_diag::SourceMap;
use wsim_syntax::lexer::lex;
use wsim_syntax::preprocess::{preprocess, FsLoader, PpOptions};

fn generate(target_bytes: usize) -> String {
    let mut s = String::with_capacity(target_bytes + 4096);
    s.push_str("`timescale 1ns/1ps\n`define WIDTH 32\n`define REG(name, w) reg [w-1:0] name``_q\n");
    let mut n = 0;
    while s.len() < target_bytes {
        let _ = write!(
            s,
            "// module {n}: a small counter with a mux\n\
             module counter_{n} #(parameter int N = `WIDTH) (input logic clk, input logic rst_n,\n\
             \x20   input logic [N-1:0] d, output logic [N-1:0] q);\n\
             \x20 `REG(count, N);\n\
             \x20 /* next-state logic */\n\
             \x20 always_ff @(posedge clk or negedge rst_n) begin\n\
             \x20   if (!rst_n) count_q <= '0;\n\
             \x20   else if (d[0] == 1'b1 && count_q != 32'hFFFF_FFFF) count_q <= count_q + 32'd1;\n\
             \x20   else count_q <= (d >> 2) ^ {{16'h{n:04x}, 16'b1010_0101_1100_0011}};\n\
             \x20 end\n\
             \x20 assign q = count_q[N-1:0] | ~d & (N'(3) << 1);\n\
             \x20 initial $display(\"counter_%0d: %h at %t\", {n}, q, $time);\n\
             endmodule\n\n"
        );
        n += 1;
    }
    s
}

fn main() {
    let megabytes: f64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1.0);
    let text = generate((megabytes * 1_000_000.0) as usize);
    let mb = text.len() as f64 / 1e6;

    let rounds = 5;
    let mut best_lex = f64::MAX;
    let mut best_pp = f64::MAX;
    let mut best_all = f64::MAX;
    let mut n_parse_diags = 0;
    let mut n_tokens = 0;
    let directive_free = text.replace('`', " ");
    for _ in 0..rounds {
        let t = Instant::now();
        let (tokens, _) = lex(wsim_diag::FileId(0), &directive_free);
        best_lex = best_lex.min(t.elapsed().as_secs_f64());
        std::hint::black_box(tokens);

        let mut sources = SourceMap::new();
        let file = sources.add("gen.sv", text.clone());
        let t = Instant::now();
        let (tokens, diags) = preprocess(&mut sources, &[file], &PpOptions::default(), &FsLoader);
        best_pp = best_pp.min(t.elapsed().as_secs_f64());
        assert!(diags.list.is_empty(), "generated text must preprocess cleanly: {:?}", diags.list.first());
        n_tokens = tokens.len();

        let t = Instant::now();
        let (tokens, _) = preprocess(&mut sources, &[file], &PpOptions::default(), &FsLoader);
        let (unit, parse_diags) = wsim_syntax::parse(&tokens);
        best_all = best_all.min(t.elapsed().as_secs_f64());
        std::hint::black_box(unit);
        n_parse_diags = parse_diags.list.len();
    }
    println!("input: {mb:.2} MB, {n_tokens} tokens after preprocessing");
    println!("lex only:         {:8.1} MB/s ({:.1} ms)", mb / best_lex, best_lex * 1e3);
    println!("lex + preprocess: {:8.1} MB/s ({:.1} ms)", mb / best_pp, best_pp * 1e3);
    println!(
        "lex + pp + parse: {:8.1} MB/s ({:.1} ms, {n_parse_diags} parse diagnostics)",
        mb / best_all,
        best_all * 1e3
    );
}
