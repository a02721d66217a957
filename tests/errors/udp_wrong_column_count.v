//! kind = "compile-error"
// A table row must have one entry per primitive input.
primitive and2 (y, a, b);
  output y;
  input a, b;
  table
     1 1   : 1;
     0 ? 1 : 0;
  endtable
endprimitive
module t;
  wire y;
  and2 g (y, 1'b1, 1'b0);
endmodule
// ---- expected output ----
//| udp_wrong_column_count.v:8:6: error[E0205]: this table row has 3 input entries; the primitive has 2 inputs
//|  8 |      0 ? 1 : 0;
//|    |      ^^^^^^^^^^
