// Nonblocking and delayed assignments to real variables and real array
// elements (IEEE 1364-2005 9.2.2, 9.2.1 intra-assignment delays): the right
// side is evaluated at once, the update happens in the nonblocking region
// (or after the delay), and `@` on the real wakes on the change.
module t;
  real a, b, c;
  real arr [0:3];
  integer i;
  initial begin
    a = 1.5;
    b = 0.0;
    a <= 2.25;
    b <= a;
    $display("%0t before update: a=%g b=%g", $time, a, b);
    #1 $display("%0t after update: a=%g b=%g", $time, a, b);
    c <= #3 a * 2.0;
    a = -7.0;
    $display("%0t c=%g", $time, c);
    #2 $display("%0t c=%g", $time, c);
    #2 $display("%0t c=%g", $time, c);
    for (i = 0; i < 4; i = i + 1) arr[i] <= i * 0.5;
    #1 $display("%0t arr=%g %g %g %g", $time, arr[0], arr[1], arr[2], arr[3]);
    #2 c = c + 0.125;
    $display("%0t c=%g", $time, c);
    a <= 3.0;
    a <= 4.0;
    #1 $display("%0t a=%g (last nonblocking write wins)", $time, a);
  end
  initial begin
    @(a);
    $display("%0t a changed to %g", $time, a);
    @(c);
    $display("%0t c changed to %g", $time, c);
  end
endmodule
// ---- expected output ----
//| 0 before update: a=1.5 b=0
//| 0 a changed to 2.25
//| 1 after update: a=2.25 b=1.5
//| 1 c=0
//| 3 c=0
//| 4 c changed to 4.5
//| 5 c=4.5
//| 6 arr=0 0.5 1 1.5
//| 8 c=4.625
//| 9 a=4 (last nonblocking write wins)
