//! kind = "compile-error"
// `~ &x` with a space: a unary operator's operand must be a primary, so
// this is neither `~&x` nor `~(&x)` (IEEE 1364-2005 A.8.3).
module t;
  reg [3:0] x;
  reg y;
  initial y = ~ &x;
endmodule
// ---- expected output ----
//| split_reduction_operator.v:7:15: error[E0201]: `~` followed by `&` is not an expression: the operand of a unary operator must be a primary; write `~&` (reduction) or `~(&...)`
//|  7 |   initial y = ~ &x;
//|    |               ^^^
