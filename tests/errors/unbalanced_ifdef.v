//! kind = "compile-error"
// An `ifdef without its `endif.
`ifdef FOO
module t;
endmodule
// ---- expected output ----
//| unbalanced_ifdef.v:3:1: error[E0103]: conditional is never closed: missing `endif before the end of the file
//|  3 | `ifdef FOO
//|    | ^^^^^^
