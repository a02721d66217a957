// Processes that loop around one constant delay (`always #5 clk = ~clk;`,
// or the delay last) are resumed every period without a time-queue record
// (guest-rt `rt_timer`): two clocks of different periods, one that starts
// with its body at time 0, edge-triggered logic on each, a counter that
// stops the run from inside a timer body, and dynamic waiters on the
// clocks. Observed with $strobe (end of each time step) and at times no
// clock changes, so no same-time order is involved.
`timescale 1ns / 1ns
module t;
  reg clk_a = 0, clk_b = 0, tick = 0;
  reg [7:0] count_a = 0, count_b = 0, ticks = 0;
  integer waits = 0;

  always #5 clk_a = ~clk_a;
  always begin
    clk_b = ~clk_b;   // first at time 0
    #7;
  end
  always #3 begin
    tick = ~tick;
    ticks = ticks + 1;
    if (ticks == 40) begin
      $display("ticks=%0d at %0t: finish", ticks, $time);
      $finish;
    end
  end

  always @(posedge clk_a) count_a <= count_a + 1;
  always @(negedge clk_b) count_b <= count_b + 1;
  initial forever begin
    @(posedge clk_b);
    waits = waits + 1;
  end

  initial begin
    $strobe("t=%0t clk_a=%b clk_b=%b a=%0d b=%0d waits=%0d", $time, clk_a, clk_b, count_a, count_b, waits);
    #1;
    repeat (11) begin
      #11 $strobe("t=%0t clk_a=%b clk_b=%b tick=%b a=%0d b=%0d waits=%0d",
                  $time, clk_a, clk_b, tick, count_a, count_b, waits);
    end
  end
endmodule
// ---- expected output ----
//| t=0 clk_a=0 clk_b=1 a=0 b=0 waits=0
//| t=12 clk_a=0 clk_b=0 tick=0 a=1 b=1 waits=0
//| t=23 clk_a=0 clk_b=0 tick=1 a=2 b=2 waits=1
//| t=34 clk_a=0 clk_b=1 tick=1 a=3 b=2 waits=2
//| t=45 clk_a=1 clk_b=1 tick=1 a=5 b=3 waits=3
//| t=56 clk_a=1 clk_b=1 tick=0 a=6 b=4 waits=4
//| t=67 clk_a=1 clk_b=0 tick=0 a=7 b=5 waits=4
//| t=78 clk_a=1 clk_b=0 tick=0 a=8 b=6 waits=5
//| t=89 clk_a=1 clk_b=1 tick=1 a=9 b=6 waits=6
//| t=100 clk_a=0 clk_b=1 tick=1 a=10 b=7 waits=7
//| t=111 clk_a=0 clk_b=0 tick=1 a=11 b=8 waits=7
//| ticks=40 at 120: finish
