//! kind = "compile-error"
// A port completed by a vector declaration gives the same range (12.3.3).
module m(q);
  output [3:0] q;
  reg [7:0] q;
  initial q = 0;
endmodule
// ---- expected output ----
//| port_range_mismatch.v:4:16: error[E0305]: port `q` is declared with [3:0] but its net or variable declaration has [7:0]
//|  4 |   output [3:0] q;
//|    |                ^
//|   = note: both declarations of a port give the same range (IEEE 1364-2005 12.3.3)
