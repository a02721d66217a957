//! kind = "compile-error"
// The index of a generate loop is a genvar of the module, declared before
// or after the loop (IEEE 1364-2005 12.4.1); an integer is not one.
module t;
  integer k;
  wire [3:0] w;
  for (k = 0; k < 4; k = k + 1) begin : g
    assign w[k] = 1'b0;
  end
  for (j = 0; j < 2; j = j + 1) begin : late
    wire x;
  end
  genvar j;
endmodule
// ---- expected output ----
//| generate_loop_not_genvar.v:7:8: error[E0206]: the index `k` of a generate loop is not a declared genvar
//|  7 |   for (k = 0; k < 4; k = k + 1) begin : g
//|    |        ^
