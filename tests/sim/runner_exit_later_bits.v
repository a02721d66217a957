// The runner's marks set the pending and later bits without the
// `ANY_PENDING` / `ANY_LATER` flags; it stores both flags exactly where it
// returns (crates/codegen/src/runner.rs: `store_exact_flags`). Here it
// returns before its NBA region at each rising edge: the clocked block's
// blocking write of `ev` wakes a thread, guest-rt's work, which runs
// first. `q`'s NBA stores directly and marks `y`'s later bit; every NBA
// is direct (the display is clocked too), so no shadow makes guest-rt run
// the NBA region either: only `ANY_LATER` tells it to move the later
// bits. Left unset, `y` would stay 1 and `z` would print 1 from the third
// edge on.
module t;
  reg clk = 0;
  reg ev = 0;
  reg [7:0] q = 0, z = 0;
  wire [7:0] y = q + 8'd1;
  always #5 clk = ~clk;
  always @(posedge clk) begin
    q <= q + 8'd3;
    ev = ~ev;
  end
  always @(posedge clk) z <= y;
  always @(posedge clk) $display("%0t z=%0d", $time, z);
  initial begin
    repeat (5) @(ev);
    $finish;
  end
endmodule
// ---- expected output ----
//| 5 z=0
//| 15 z=1
//| 25 z=4
//| 35 z=7
//| 45 z=10
