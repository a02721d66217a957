// `c ? a : b` of reals with an unknown condition: both sides are evaluated
// and, with no bits to merge, the result is the value they agree on, else
// 0. Checked at run time and folded in a constant initialiser.
module t;
  parameter UNK = 1'bx;
  reg c;
  real r;
  real k1 = UNK ? 6 : 6.0;
  real k2 = UNK ? 2.5 : 3;
  real k3 = UNK ? 7 : 7;
  initial begin
    c = 1'bx;
    r = c ? 6 : 6.5;
    $display("%f", r);
    r = c ? 1.5 : 1.5;
    $display("%f", r);
    c = 1'bz;
    r = c ? -2.0 : -2;
    $display("%f", r);
    c = 1'b1;
    r = c ? 1.0 : 2.0;
    $display("%f", r);
    c = 1'b0;
    r = c ? 1.0 : 2.0;
    $display("%f", r);
    $display("%f %f %f", k1, k2, k3);
  end
endmodule
// ---- expected output ----
//| 0.000000
//| 1.500000
//| -2.000000
//| 1.000000
//| 2.000000
//| 6.000000 0.000000 7.000000
