//! kind = "compile-error"
// A whole dynamic array as a display argument (`%p`) is not supported.
module t;
  int d[] = '{1, 2};
  initial $display("%p", d);
endmodule
// ---- expected output ----
//| dynarray_display_whole.sv:5:26: error[E0304]: a dynamic array, queue or associative array as a system task argument is not supported
//|  5 |   initial $display("%p", d);
//|    |                          ^
