//! kind = "compile-error"
// An `include of a file that exists nowhere on the include path.
`include "no_such_file.vh"
module t;
endmodule
// ---- expected output ----
//| missing_include.v:3:1: error[E0102]: cannot find include file "no_such_file.vh"
//|  3 | `include "no_such_file.vh"
//|    | ^^^^^^^^^^^^^^^^^^^^^^^^^^
//|   = note: looked for: no_such_file.vh
