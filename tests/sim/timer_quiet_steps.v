// A free-running clock (`always #5 clk = ~clk;`, a guest-rt timer) whose
// steps guest-rt runs back to back while each ends with nothing left but
// the clock (sched.rs `run_quiet_timer_steps`). Static blocks on its edges
// then start the things that end that loop: a $strobe, a $monitor,
// $monitoroff and $monitoron, each in a step of its own. Each must show in
// the step that started it: a step the loop ran as quiet would print it
// late or not at all. The $finish comes from a static block too, with the
// monitor off (Icarus still runs the monitor of the step that finishes).
module t;
  reg clk = 0;
  always #5 clk = ~clk;
  reg [7:0] n = 0;
  always @(posedge clk) n <= n + 1;
  always @(posedge clk) if (n == 3) $strobe("%0t strobe n=%0d", $time, n);
  always @(negedge clk) if (n == 5) $monitor("%0t monitor n=%0d", $time, n);
  always @(negedge clk) if (n == 8) $monitoroff;
  always @(negedge clk) if (n == 11) $monitoron;
  always @(negedge clk) if (n == 13) $monitoroff;
  always @(posedge clk) if (n == 15) $strobe("%0t strobe again n=%0d", $time, n);
  always @(posedge clk) if (n == 18) $finish;
endmodule
// ---- expected output ----
//| 35 strobe n=4
//| 50 monitor n=5
//| 55 monitor n=6
//| 65 monitor n=7
//| 75 monitor n=8
//| 110 monitor n=11
//| 115 monitor n=12
//| 125 monitor n=13
//| 155 strobe again n=16
