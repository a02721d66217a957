//! kind = "compile-error"
// Declaring the same name twice in one scope.
module t;
  reg a;
  wire a;
endmodule
// ---- expected output ----
//| duplicate_declaration.v:5:8: error[E0308]: `a` is already declared in this scope
//|  5 |   wire a;
//|    |        ^
