//! kind = "compile-error"
// SystemVerilog keywords in a `.v` file, which is read as Verilog-2005
// (as Icarus without -g2012 and Verilator's +1364-2005ext+v read it):
// there `logic` and `always_comb` are plain names, so they reach the
// elaborator as unknown types, and the error says why.
module t;
  logic a;
  always_comb a = 1;
endmodule
// ---- expected output ----
//| sv_keyword_in_verilog.v:7:3: error[E0302]: unknown type `logic`: `logic` is a SystemVerilog keyword (IEEE 1800-2005), and this file is read as Verilog; name it `.sv`, or put `begin_keywords "1800-2017" before it
//|  7 |   logic a;
//|    |   ^^^^^
//| sv_keyword_in_verilog.v:8:3: error[E0302]: unknown type `always_comb`: `always_comb` is a SystemVerilog keyword (IEEE 1800-2005), and this file is read as Verilog; name it `.sv`, or put `begin_keywords "1800-2017" before it
//|  8 |   always_comb a = 1;
//|    |   ^^^^^^^^^^^
//| sv_keyword_in_verilog.v:8:15: error[E0308]: `a` is already declared in this scope
//|  8 |   always_comb a = 1;
//|    |               ^
