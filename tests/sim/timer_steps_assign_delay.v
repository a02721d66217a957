// A free-running clock's quiet time steps run back to back in generated
// code (crates/codegen timer_steps.rs), each ending with a test of the
// byte guest-rt sets when it has work of its own. Here a rising edge
// changes `count`, which wakes the delayed continuous assignment (a
// dynamic process: it schedules an update 2 ticks later), so the steps
// end there and `late` changes at 7, 17, ..., not at some later step.
module timer_steps_assign_delay;
  reg clk = 0;
  reg [7:0] count = 0;
  wire [7:0] late;
  always #5 clk = ~clk;
  always @(posedge clk) count <= count + 8'd1;
  assign #2 late = count;
  always @(late) $display("%0t: late=%0d count=%0d", $time, late, count);
  always @(posedge clk) if (count == 8'd5) $finish;
endmodule

// ---- expected output ----
//| 2: late=0 count=0
//| 7: late=1 count=1
//| 17: late=2 count=2
//| 27: late=3 count=3
//| 37: late=4 count=4
//| 47: late=5 count=5
