// A timer's body function (see timer_body_first.v) when the delay comes
// last: time 0 runs the statements once, up to the delay, as the thread;
// each period then runs them again through the body function. The body
// has an NBA and an `if` on its own counter. Displays fall between the
// timer's steps (multiples of 7).
module t;
  reg clk = 1;
  reg [3:0] n = 0;
  reg [3:0] q = 0;
  always begin
    clk = ~clk;
    if (n[1:0] == 2'd3) q <= q + 4'd5;
    n = n + 1;
    #7;
  end
  initial begin
    #1 $display("%0t clk=%b n=%0d q=%0d", $time, clk, n, q);
    repeat (10) #7 $display("%0t clk=%b n=%0d q=%0d", $time, clk, n, q);
    $finish;
  end
endmodule
// ---- expected output ----
//| 1 clk=0 n=1 q=0
//| 8 clk=1 n=2 q=0
//| 15 clk=0 n=3 q=0
//| 22 clk=1 n=4 q=5
//| 29 clk=0 n=5 q=5
//| 36 clk=1 n=6 q=5
//| 43 clk=0 n=7 q=5
//| 50 clk=1 n=8 q=10
//| 57 clk=0 n=9 q=10
//| 64 clk=1 n=10 q=10
//| 71 clk=0 n=11 q=10
