//! kind = "compile-error"
// A real index of a bit-select and an edge of a real (1800-2017 6.12).
module t;
  real r = 0.5;
  wire [3:0] b;
  wire c;
  assign c = b[r];
  always @(posedge r) $display("edge");
endmodule
// ---- expected output ----
//| real_select_edge.sv:7:16: error[E0311]: an index must be integral, not real (6.12)
//|  7 |   assign c = b[r];
//|    |                ^
//| real_select_edge.sv:8:20: error[E0311]: an edge of a real value is not defined (6.12)
//|  8 |   always @(posedge r) $display("edge");
//|    |                    ^
