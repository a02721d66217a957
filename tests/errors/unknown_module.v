//! kind = "compile-error"
// Instantiating a module that no source file defines.
module t;
  wire y;
  missing_adder u(.a(1'b0), .y(y));
endmodule
// ---- expected output ----
//| unknown_module.v:5:3: error[E0301]: unknown module `missing_adder`
//|  5 |   missing_adder u(.a(1'b0), .y(y));
//|    |   ^^^^^^^^^^^^^
