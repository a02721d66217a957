// The inverse hyperbolic real math functions of IEEE 1800-2017 20.8.2
// ($asinh $acosh $atanh), with their domain edges, and real `**` edges
// (1364-2005 5.1.5: a negative base with a fractional exponent).
module t;
  real x;
  initial begin
    x = 0.5;
    $display("%f %f %f", $asinh(x), $acosh(1.0 + x), $atanh(x));
    $display("%f %f %f", $asinh(-2.0), $acosh(1.0), $atanh(0.0));
    $display("%f %f %f", $acosh(0.5), $atanh(1.0), $atanh(-1.0));
    $display("%g %g %g", (-8.0) ** (1.0 / 3.0), 0.0 ** -1.0, (-2.0) ** 3.0);
    $finish;
  end
endmodule
// ---- expected output ----
//| 0.481212 0.962424 0.549306
//| -1.443635 0.000000 0.000000
//| nan inf -inf
//| nan inf -8
