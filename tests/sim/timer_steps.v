// A free-running clock (`always #5 clk = ~clk;`, a guest-rt timer) whose
// time steps guest-rt runs without its queues when nothing else is due
// (sched.rs `run_timer_step`), beside steps where something else is:
// - a thread waking between the clock's edges (#3, #7) and on one (#10);
// - a delayed NBA maturing between edges and one maturing on an edge;
// - $strobe from an edge block, and $monitor of registers the delayed NBAs
//   change (never in the same step: their order there is unspecified,
//   1800-2017 4.4.2.9, and Icarus prints them in the order they were
//   scheduled; wsim prints the monitor first);
// - $finish between edges (Icarus ends the step of a $finish first).
// - a thread waiting on the negedge, and a static block on the posedge
//   whose NBA wakes a combinational reader in a later delta;
// - the same step under the general path and the timer-only path must
//   print the same, in the order Icarus prints.
module t;
  reg clk = 0;
  always #5 clk = ~clk;
  reg [7:0] n = 0, q = 0, late = 0;
  wire [7:0] twice = n * 2;
  always @(posedge clk) n <= n + 1;
  always @(negedge clk) $strobe("%0t strobe n=%0d twice=%0d", $time, n, twice);
  always @(posedge clk) q <= #3 n;
  always @(posedge clk) late <= #10 n;
  initial $monitor("%0t monitor q=%0d late=%0d", $time, q, late);
  initial begin
    #3 $display("%0t between edges n=%0d", $time, n);
    #7 $display("%0t on an edge n=%0d clk=%b", $time, n, clk);
    @(negedge clk) $display("%0t negedge n=%0d twice=%0d", $time, n, twice);
    #12 $display("%0t between edges n=%0d", $time, n);
    #21 $finish;
  end
endmodule
// ---- expected output ----
//| 0 monitor q=0 late=0
//| 3 between edges n=0
//| 10 on an edge n=1 clk=1
//| 10 negedge n=1 twice=2
//| 10 strobe n=1 twice=2
//| 18 monitor q=1 late=0
//| 20 strobe n=2 twice=4
//| 22 between edges n=2
//| 25 monitor q=1 late=1
//| 28 monitor q=2 late=1
//| 30 strobe n=3 twice=6
//| 35 monitor q=2 late=2
//| 38 monitor q=3 late=2
//| 40 strobe n=4 twice=8
