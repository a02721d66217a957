//! icarus = "differs: Icarus 11 still runs the posedge block the clock's edge woke in the step of the $finish (45 posedge n=5); wsim ends the run at the $finish, as IEEE 1364-2005 17.4.1 has $finish exit the simulator, before the events already scheduled"
//! icarus_output = ["5 posedge n=1", "15 posedge n=2", "25 posedge n=3", "35 posedge n=4", "45 posedge n=5"]
// A free-running clock whose period body (guest-rt runs it through its
// body function, and its quiet steps back to back: sched.rs
// `run_quiet_timer_steps`) calls a task that ends the run at time 45. The
// block its rising edge woke at 45 does not run: wsim stops at the $finish
// whichever path runs the step.
module t;
  reg clk = 0;
  integer n = 0;
  task check;
    if ($time >= 45) $finish;
  endtask
  always #5 begin
    clk = ~clk;
    check;
  end
  always @(posedge clk) begin
    n = n + 1;
    $display("%0t posedge n=%0d", $time, n);
  end
endmodule
// ---- expected output ----
//| 5 posedge n=1
//| 15 posedge n=2
//| 25 posedge n=3
//| 35 posedge n=4
