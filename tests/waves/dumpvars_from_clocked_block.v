//! fst_known_bug = "as late_dumpvars.v: the FST file shows every value as x from time 0 (fst-writer writes its first value frame at time 0 whatever FstInfo.start_time says); the VCD starts at the $dumpvars time"
// $dumpvars called from an edge-triggered block of a free-running clock:
// the clock's steps run back to back in guest-rt while nothing but the
// clock is due (sched.rs `run_quiet_timer_steps`), and turning waves on
// there must end that loop, so every later step is sampled. The clock
// and the count then change in every step after the call.
module tb;
  reg clk = 0;
  reg [5:0] count = 0;
  always #3 clk = ~clk;
  always @(posedge clk) count <= count + 6'd1;
  initial $dumpfile("clocked.vcd");
  always @(posedge clk) if (count == 4) $dumpvars(1, tb);
  always @(negedge clk) if (count == 12) $finish;
endmodule
