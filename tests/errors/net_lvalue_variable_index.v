//! kind = "compile-error"
// A continuous assignment drives fixed bits of a net: its indices are
// constant expressions (IEEE 1364-2005 A.8.5). Parameters and genvars are.
module t(input [1:0] sel, input d);
  localparam P = 1;
  wire [3:0] w;
  wire [3:0] mem [0:3];
  genvar i;
  for (i = 0; i < 2; i = i + 1) begin : g
    assign w[i] = d;
  end
  assign w[P + 1] = d;
  assign w[sel] = d;
  assign mem[sel][0] = d;
  assign mem[2][sel +: 2] = 2'b00;
endmodule
// ---- expected output ----
//| net_lvalue_variable_index.v:13:12: error[E0303]: the index of a net written by a continuous assignment must be a constant expression
//|  13 |   assign w[sel] = d;
//|     |            ^^^
//| net_lvalue_variable_index.v:14:14: error[E0303]: the index of a net written by a continuous assignment must be a constant expression
//|  14 |   assign mem[sel][0] = d;
//|     |              ^^^
//| net_lvalue_variable_index.v:15:17: error[E0303]: the index of a net written by a continuous assignment must be a constant expression
//|  15 |   assign mem[2][sel +: 2] = 2'b00;
//|     |                 ^^^
