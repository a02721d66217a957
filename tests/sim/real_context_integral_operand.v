// An operator whose result is real evaluates a context-determined operand
// that is not real as self-determined, then converts it (1364-2005 5.5.2,
// 1800-2017 11.8.2): the 8-bit sum below wraps to 254 before it meets the
// real operand or the real target.
module t;
  reg [7:0] a, b;
  reg signed [3:0] s;
  real r;
  integer i;
  initial begin
    a = 255;
    b = 255;
    s = -8;
    r = a + b;
    $display("%g", r);
    r = (a + b) + 0.5;
    $display("%g", r);
    r = 1.0 * (a + b);
    $display("%g %g", r, (a + b) * 1.0);
    $display("%b %b", (a + b) == 254.0, (a + b) != 510.0);
    r = a < b ? 1.0 : (a + b);
    $display("%g", r);
    i = (a + b) + 0.0;
    $display("%0d", i);
    r = -(a + b);
    $display("%g", r);
    r = (s - 1) / 2.0;
    $display("%g", r);
    r = a * 2.0 + b;
    $display("%g", r);
  end
endmodule
// ---- expected output ----
//| 254
//| 254.5
//| 254 254
//| 1 1
//| 254
//| 254
//| 2
//| -4.5
//| 765
