// The runner tests pending bits in groups of 8 before testing each
// (crates/codegen/src/runner.rs `run_group_if_pending`): a group's test
// reads the pending word afresh, so a bit that an earlier process of the
// pass sets, in the same group or a later one, still runs in that pass,
// and a bit set behind the cursor (a combinational feedback) runs in the
// next. Here: a chain of 20 continuous assignments (levelized: each sets
// the next one's bit, across several groups), a clocked register at its
// end, and a feedback pair whose later process writes what an earlier
// one reads (it settles in a second pass).
module t;
  reg clk = 0;
  reg [7:0] src = 8'd1;
  wire [7:0] c [0:19];
  assign c[0] = src + 8'd1;
  genvar i;
  generate
    for (i = 1; i < 20; i = i + 1) begin : chain
      assign c[i] = c[i-1] ^ (c[i-1] << 1) ^ i;
    end
  endgenerate
  reg [7:0] q = 0;
  always @(posedge clk) q <= c[19];
  // feedback: lo depends on hi_d, which depends on lo (settles: hi_d
  // takes bits only from lo's upper nibble)
  wire [7:0] lo = {4'd0, src[3:0]} | hi_d;
  wire [7:0] hi_d = {lo[3:0], 4'd0} & 8'hf0;
  initial begin
    repeat (6) begin
      #5 clk = 1;
      #5 clk = 0;
      $display("src=%h c19=%h q=%h lo=%h hi_d=%h", src, c[19], q, lo, hi_d);
      src = src * 8'd3 + 8'd7;
    end
    $finish;
  end
endmodule
// ---- expected output ----
//| src=01 c19=9e q=9e lo=11 hi_d=10
//| src=0a c19=e9 q=e9 lo=aa hi_d=a0
//| src=25 c19=42 q=42 lo=55 hi_d=50
//| src=76 c19=7d q=7d lo=66 hi_d=60
//| src=69 c19=c6 q=c6 lo=99 hi_d=90
//| src=42 c19=51 q=51 lo=22 hi_d=20
