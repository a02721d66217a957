// A free-running clock whose body also counts its steps with a
// nonblocking assignment (`ticks <= ticks + 1`, a shadowed register:
// only a continuous assignment reads it), and whose falling edge no one
// waits for. Such a step wakes no static process, but its NBA leaves the
// NBA region work, so `gen.timer_steps` must end the step there
// (crates/codegen/src/timer_steps.rs: a body with an NBA tests for work
// left on every step); a step run on without the commit would count from
// a stale `ticks`. A delayed display, a $strobe and the $finish come
// between the quiet steps.
module t;
  reg clk = 0;
  reg [7:0] ticks = 0;
  always #5 begin
    clk = ~clk;
    ticks <= ticks + 1;
  end
  wire [7:0] twice = 2 * ticks;
  reg [7:0] n = 0;
  always @(posedge clk) n <= n + 1;
  always @(posedge clk) if (n == 4) $strobe("%0t strobe n=%0d ticks=%0d twice=%0d", $time, n, ticks, twice);
  initial begin
    #42 $display("%0t display n=%0d ticks=%0d twice=%0d", $time, n, ticks, twice);
    #40 $display("%0t display n=%0d ticks=%0d twice=%0d", $time, n, ticks, twice);
  end
  always @(posedge clk) if (n == 12) begin
    $display("%0t finish n=%0d ticks=%0d twice=%0d", $time, n, ticks, twice);
    $finish;
  end
endmodule
// ---- expected output ----
//| 42 display n=4 ticks=8 twice=16
//| 45 strobe n=5 ticks=9 twice=18
//| 82 display n=8 ticks=16 twice=32
//| 125 finish n=12 ticks=24 twice=48
