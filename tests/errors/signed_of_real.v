//! kind = "compile-error"
// $signed/$unsigned reinterpret the bits of an integral value; a real
// has none to reinterpret ($rtoi converts it).
module t;
  real x = 2.5;
  reg [7:0] r;
  initial r = $unsigned(x);
endmodule
// ---- expected output ----
//| signed_of_real.v:7:25: error[E0311]: the argument of `$unsigned` must be an integral (vector) value
//|  7 |   initial r = $unsigned(x);
//|    |                         ^
