// real (1364-2005 4.8, 4.9): double precision, conversions round to
// nearest (ties away from zero), $rtoi truncates, $itor/$realtobits.
module t;
  real r, s;
  integer i;
  reg [63:0] bits;
  initial begin
    r = 1.0 / 3.0;
    $display("%f %e %g", r, r, r);
    s = r * 3;
    $display("%0.20f", s);
    i = 3.5;  $display("3.5 -> %0d", i);
    i = -3.5; $display("-3.5 -> %0d", i);
    $display("rtoi(-3.9)=%0d itor(7)=%f", $rtoi(-3.9), $itor(7));
    bits = $realtobits(1.5);
    $display("realtobits(1.5)=%h back=%f", bits, $bitstoreal(bits));
    r = 2.5e3; s = -0.125;
    $display("%f %f %b %b", r + s, r / s, r > s, r == 2500);
    $finish;
  end
endmodule
// ---- expected output ----
//| 0.333333 3.333333e-01 0.333333
//| 1.00000000000000000000
//| 3.5 -> 4
//| -3.5 -> -4
//| rtoi(-3.9)=-3 itor(7)=7.000000
//| realtobits(1.5)=3ff8000000000000 back=1.500000
//| 2499.875000 -20000.000000 1 1
