//! kind = "compile-error"
// Arithmetic is not defined on strings (IEEE 1800-2017 6.16, Table 6-9), and
// a string method that changes its string has no value.
module t;
  string s = "a";
  int n;
  initial begin
    n = s + 1;
    n = s.itoa(3);
  end
endmodule
// ---- expected output ----
//| string_arith_operator.sv:8:9: error[E0311]: operator `+` is not defined on strings
//|  8 |     n = s + 1;
//|    |         ^^^^^
//| string_arith_operator.sv:9:11: error[E0311]: string method `itoa` has no value; call it as a statement
//|  9 |     n = s.itoa(3);
//|    |           ^^^^
