//! kind = "compile-error"
// `force` on a net that a bidirectional switch joins to others is not
// modelled (the forced value would have to drive the whole channel): named,
// not skipped.
module t;
  wire a, b;
  reg v;
  tran (a, b);
  initial force a = v;
endmodule
// ---- expected output ----
//| tran_force_unsupported.v:8:8: error[E0304]: `force` on a net connected to a bidirectional switch is not supported
//|  8 |   tran (a, b);
//|    |        ^^^^^^
