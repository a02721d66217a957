// Reals without an integer value (NaN, +-inf) convert to X in a 4-state
// target; `%d` of a real prints `-0`, `inf`, `nan`; `$itor` rounds a real
// argument to an integer first (its argument is an integer).
module t;
  real pinf, ninf, nan, r;
  reg [7:0] v;
  integer i;
  wire [3:0] w = r;
  initial begin
    pinf = 1.0 / 0.0;
    ninf = -pinf;
    nan = pinf - pinf;
    v = pinf;
    i = ninf;
    $display("%b %0d", v, i);
    v = nan;
    $display("%b %b", v, $rtoi(nan));
    $display("[%d] [%0d] [%5d] [%-5d] [%d]", -0.4, -0.5, pinf, ninf, nan);
    $display("[%0d] [%d] [%0d]", 0.4, -0.0, 2.5);
    $display("%g %g %g", $itor(10.4), $itor(-1.5), $itor(nan));
    r = 3.4;
    #1 $display("%b", w);
    r = pinf;
    #1 $display("%b", w);
    r = -2.5;
    #1 $display("%b", w);
  end
endmodule
// ---- expected output ----
//| xxxxxxxx x
//| xxxxxxxx xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
//| [-0] [-1] [  inf] [-inf ] [nan]
//| [0] [0] [3]
//| 10 -2 0
//| 0011
//| xxxx
//| 1101
