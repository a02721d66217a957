//! kind = "compile-error"
// A table row may hold at most one edge (IEEE 1364-2005 8.6).
primitive ff (q, c, d);
  output q;
  reg q;
  input c, d;
  table
     r (01) : ? : 1;
     r 0    : ? : 0;
  endtable
endprimitive
module t;
  wire q;
  reg c, d;
  ff g (q, c, d);
endmodule
// ---- expected output ----
//| udp_two_edges.v:8:6: error[E0205]: a table row may have at most one edge
//|  8 |      r (01) : ? : 1;
//|    |      ^^^^^^^^^^^^^^^
