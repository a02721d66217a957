//! kind = "compile-error"
// Calling a macro with the wrong number of arguments (1364-2005 19.3.1).
`define ADD(a, b) ((a) + (b))
module t;
  initial $display("%0d", `ADD(1, 2, 3));
endmodule
// ---- expected output ----
//| macro_arg_count.v:5:27: error[E0105]: macro `ADD` takes 2 argument(s), but 3 were given
//|  5 |   initial $display("%0d", `ADD(1, 2, 3));
//|    |                           ^^^^^^^^^^^^^
