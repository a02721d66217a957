//! kind = "compile-error"
// `{}` is the empty queue (IEEE 1800-2017 7.10): an integral target is an error.
module t;
  int x;
  initial x = {};
endmodule
// ---- expected output ----
//| queue_empty_literal_target.sv:5:15: error[E0311]: `{}` (an empty queue) needs a queue or dynamic array target
//|  5 |   initial x = {};
//|    |               ^^
