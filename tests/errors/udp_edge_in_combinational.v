//! kind = "compile-error"
// Edges belong in sequential primitives only (IEEE 1364-2005 8.6).
primitive buf1 (y, a);
  output y;
  input a;
  table
     (01) : 1;
     0    : 0;
  endtable
endprimitive
module t;
  wire y;
  buf1 g (y, 1'b1);
endmodule
// ---- expected output ----
//| udp_edge_in_combinational.v:7:6: error[E0205]: an edge is only allowed in a sequential primitive's table
//|  7 |      (01) : 1;
//|    |      ^^^^^^^^^
