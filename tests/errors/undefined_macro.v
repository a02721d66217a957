//! kind = "compile-error"
// Using a macro that was never defined is an error (1364-2005 19.3.1).
module t;
  initial $display("%0d", `NOT_DEFINED);
endmodule
// ---- expected output ----
//| undefined_macro.v:4:27: error[E0101]: undefined macro `NOT_DEFINED`
//|  4 |   initial $display("%0d", `NOT_DEFINED);
//|    |                           ^^^^^^^^^^^^
