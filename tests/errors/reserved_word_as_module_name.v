//! kind = "compile-error"
// `cell` has been a reserved word since Verilog-2001 (configurations,
// IEEE 1364-2005 Annex B); Icarus and Verilator reject it as a name too.
module cell(input a, output y);
  assign y = ~a;
endmodule
// ---- expected output ----
//| reserved_word_as_module_name.v:4:8: error[E0201]: expected module name, found `cell`, a reserved word since IEEE 1364-2001
//|  4 | module cell(input a, output y);
//|    |        ^^^^
