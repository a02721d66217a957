//! kind = "compile-error"
// A sequential primitive's rows need the current-state column, and `-`
// (no change) is only for sequential primitives.
primitive latch (q, e, d);
  output q;
  reg q;
  input e, d;
  table
     1 1 : 1;
     0 ? : ? : -;
  endtable
endprimitive
primitive inv (y, a);
  output y;
  input a;
  table
     0 : 1;
     1 : -;
  endtable
endprimitive
module t;
  wire q, y;
  latch l (q, 1'b1, 1'b0);
  inv i (y, q);
endmodule
// ---- expected output ----
//| udp_missing_state.v:9:6: error[E0205]: a sequential primitive's row needs a current-state column (`inputs : state : next;`)
//|  9 |      1 1 : 1;
//|    |      ^^^^^^^^
//| udp_missing_state.v:18:6: error[E0205]: `-` (no change) is only allowed in a sequential primitive
//|  18 |      1 : -;
//|     |      ^^^^^^
