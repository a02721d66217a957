//! kind = "compile-error"
// Bidirectional switches need strength-aware resolution in both
// directions, which wsim does not model yet: named, not skipped.
module t;
  wire a, b;
  tran (a, b);
endmodule
// ---- expected output ----
//| tran_switch_unsupported.v:6:3: error[E0304]: switch-level primitive is not supported
//|  6 |   tran (a, b);
//|    |   ^^^^^^^^^^^^
