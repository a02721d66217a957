//! kind = "compile-error"
// An assignment with nothing on the right-hand side.
module t;
  wire x;
  assign x = ;
endmodule
// ---- expected output ----
//| syntax_missing_expression.v:5:14: error[E0201]: expected expression, found `;`
//|  5 |   assign x = ;
//|    |              ^
