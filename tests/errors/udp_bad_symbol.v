//! kind = "compile-error"
// `z` is not a table symbol: a z input is read as x (IEEE 1364-2005 8.1.6).
primitive inv (y, a);
  output y;
  input a;
  table
     0 : 1;
     z : x;
  endtable
endprimitive
module t;
  wire y;
  inv i (y, 1'b0);
endmodule
// ---- expected output ----
//| udp_bad_symbol.v:8:6: error[E0205]: `z` is not a table input symbol
//|  8 |      z : x;
//|    |      ^
