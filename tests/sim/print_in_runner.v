// Clocked blocks that print and finish run in place in the runner
// (crates/codegen/src/runner.rs, `prints_in_place`): `$display` and
// `$write` see the values from before the edge's NBAs, and `$finish`
// returns from the runner at once, so nothing after it runs.
module t;
  reg clk = 0;
  reg [7:0] count = 0, twice = 0, a = 0;
  integer i;
  always #5 clk = ~clk;

  always @(posedge clk) begin
    count <= count + 1;
    twice <= count * 2;
    if (count[0]) $display("t=%0t count=%0d twice=%0d", $time, count, twice);
    else $write("even %0d; ", count);
  end

  // two blocks on one edge (one unit of the runner); the second finishes
  always @(negedge clk) a <= a + 1;
  always @(negedge clk) if (a == 6) begin
    $display("finish at a=%0d count=%0d", a, count);
    $finish;
    $display("not printed");
  end

  // `$finish` in a loop: this block keeps its call
  always @(posedge clk) for (i = 0; i < 4; i = i + 1)
    if (a == 9 && i == 2) begin
      $display("not reached");
      $finish;
    end
endmodule
// ---- expected output ----
//| even 0; t=15 count=1 twice=0
//| even 2; t=35 count=3 twice=4
//| even 4; t=55 count=5 twice=8
//| even 6; finish at a=6 count=7
