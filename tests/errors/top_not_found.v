//! kind = "compile-error"
//! top = "nonexistent"
// Asking for a top module that does not exist.
module t;
endmodule
// ---- expected output ----
//| wsim: error[E0307]: top module `nonexistent` not found
