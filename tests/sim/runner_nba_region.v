// The static runner runs the NBA region and the passes after it itself
// while guest-rt has no work of its own (crates/codegen/src/runner.rs,
// `end_pass`): flops written by direct NBAs and by shadows, the
// combinational logic after them, a loop set behind the runner's cursor,
// and dynamic processes a static pass wakes (the runner must return so
// that they run first, in the delta they were woken in).
module t;
  reg clk = 0;
  reg [7:0] q = 8'd1;          // direct NBA
  reg [7:0] s = 8'd0;          // written by two NBAs (a shadow)
  reg [3:0] n = 4'd0;
  wire [7:0] c = q + s;        // after the NBA region
  wire [7:0] e = c ^ {4'd0, n};
  // f depends on g, which a later static process computes from e: each
  // change of e takes one more pass (set behind the cursor)
  reg [7:0] f, g;
  always @* f = g + 8'd1;
  always @* g = e << 1;
  always @(posedge clk) begin
    q <= q + 8'd3;
    n <= n + 4'd1;
  end
  always @(posedge clk) if (n[0]) s <= s + c; else s <= s - 8'd1;
  // dynamic: woken by a value of the pass after the NBA region
  initial forever begin
    @(f);
    $display("%0t f=%0d g=%0d e=%0d q=%0d s=%0d", $time, f, g, e, q, s);
  end
  // dynamic, woken with the clocked processes: it runs before the NBA
  // region (IEEE 1800-2017 4.4.2: that region runs once the active and
  // inactive ones are empty), so it sees q and s of the last cycle
  initial forever begin
    @(posedge clk);
    $display("%0t posedge q=%0d s=%0d", $time, q, s);
  end
  // dynamic with #0: the inactive region between the static passes
  always @(e) begin
    #0 $display("%0t #0 e=%0d f=%0d", $time, e, f);
  end
  // the design's one timer: its steps run the static processes from
  // guest-rt's timer step, where the runner may go on past its first pass
  always #5 clk = ~clk;
  initial begin
    #48 $display("end q=%0d s=%0d f=%0d", q, s, f);
    $finish;
  end
endmodule
// ---- expected output ----
//| 0 f=3 g=2 e=1 q=1 s=0
//| 0 #0 e=1 f=3
//| 5 posedge q=1 s=0
//| 5 f=5 g=4 e=2 q=4 s=255
//| 5 #0 e=2 f=5
//| 15 posedge q=4 s=255
//| 15 f=23 g=22 e=11 q=7 s=2
//| 15 #0 e=11 f=23
//| 25 posedge q=7 s=2
//| 25 f=17 g=16 e=8 q=10 s=1
//| 25 #0 e=8 f=17
//| 35 posedge q=10 s=1
//| 35 f=59 g=58 e=29 q=13 s=12
//| 35 #0 e=29 f=59
//| 45 posedge q=13 s=12
//| 45 f=61 g=60 e=30 q=16 s=11
//| 45 #0 e=30 f=61
//| end q=16 s=11 f=61
