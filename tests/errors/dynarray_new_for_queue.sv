//! kind = "compile-error"
// `new[n]` makes a dynamic array (IEEE 1800-2017 7.5.1), not a queue.
module t;
  int q[$];
  initial q = new[3];
endmodule
// ---- expected output ----
//| dynarray_new_for_queue.sv:5:15: error[E0311]: `new[]` makes a dynamic array, not a queue or associative array
//|  5 |   initial q = new[3];
//|    |               ^^^^^^
