// Direct NBAs to arrays (crates/codegen/src/direct_nbas.rs `is_nba_array`):
// a register file that one clocked block writes with element NBAs, and that
// only combinational logic and blocks of the same edge read, is stored at
// once; the readers of the same edge run first. Every block of the edge
// must still see the values from before it. Checked here:
// - a register file read by continuous assignments (the common case) and
//   by another posedge block written before its writer in the source;
// - two NBAs to one element in one activation (the last wins), an x index
//   and an index out of range (both write nothing);
// - an array its writer reads after its own NBA (it keeps its queued
//   updates: an array has no record for a copy of the old value);
// - an array a negedge block reads (it keeps its queued updates too);
// - a register file an initial loop clears with blocking writes (that
//   block ends at time 0, before the clock's first edge: still direct).
module t;
  reg clk = 0;
  reg [7:0] regs [0:7];
  reg [2:0] wa = 0, ra = 0;
  reg [3:0] wx = 0;
  reg [7:0] wd = 8'd5;
  wire [7:0] rd_comb = regs[ra];
  wire [7:0] rd_next = regs[ra ^ 3'd1];
  reg [7:0] rd_edge = 0;
  always @(posedge clk) rd_edge <= regs[wa];
  integer i;
  initial for (i = 0; i < 8; i = i + 1) regs[i] = 8'h10 + i;
  always @(posedge clk) begin
    regs[wa] <= wd;
    if (wa == 3'd2) regs[wa] <= wd + 8'd100;
    regs[wx] <= 8'hee;
    if (wa == 3'd5) regs[3'bx1x] <= 8'hdd;
  end

  reg [7:0] hist [0:3];
  reg [7:0] seen = 0;
  initial for (i = 0; i < 4; i = i + 1) hist[i] <= 0;
  always @(posedge clk) begin
    hist[wa[1:0]] <= wd;
    seen <= hist[wa[1:0]];
  end

  reg [7:0] neg [0:1];
  reg [7:0] neg_seen = 0;
  initial begin neg[0] <= 0; neg[1] <= 0; end
  always @(posedge clk) neg[wa[0]] <= wd;
  always @(negedge clk) neg_seen <= neg[0] + neg[1];

  reg [7:0] rf [0:3];
  initial for (i = 0; i < 4; i = i + 1) rf[i] = 8'h20 * i;
  always @(posedge clk) rf[wa[1:0]] <= wd ^ 8'h55;
  wire [7:0] rf_sum = rf[0] + rf[1] + rf[2] + rf[3];

  always @(posedge clk) begin
    wa <= wa + 3'd1;
    ra <= wa;
    wx <= wx + 4'd3;
    wd <= wd * 8'd7 + 8'd1;
  end
  initial begin
    repeat (10) begin
      #5 clk = 1;
      #5 clk = 0;
      $display("wa=%0d ra=%0d comb=%h next=%h edge=%h seen=%h neg=%h rf_sum=%h regs=%h %h %h %h %h %h %h %h",
               wa, ra, rd_comb, rd_next, rd_edge, seen, neg_seen, rf_sum,
               regs[0], regs[1], regs[2], regs[3], regs[4], regs[5], regs[6], regs[7]);
    end
    $finish;
  end
endmodule
// ---- expected output ----
//| wa=1 ra=0 comb=ee next=11 edge=10 seen=00 neg=00 rf_sum=10 regs=ee 11 12 13 14 15 16 17
//| wa=2 ra=1 comb=24 next=ee edge=11 seen=00 neg=05 rf_sum=61 regs=ee 24 12 ee 14 15 16 17
//| wa=3 ra=2 comb=61 next=ee edge=12 seen=00 neg=29 rf_sum=c9 regs=ee 24 61 ee 14 15 ee 17
//| wa=4 ra=3 comb=ec next=61 edge=ee seen=00 neg=21 rf_sum=22 regs=ee 24 61 ec 14 15 ee 17
//| wa=5 ra=4 comb=75 next=15 edge=14 seen=05 neg=e9 rf_sum=f2 regs=ee 24 61 ec 75 15 ee 17
//| wa=6 ra=5 comb=34 next=75 edge=15 seen=24 neg=61 rf_sum=e2 regs=ee 24 61 ec 75 34 ee 17
//| wa=7 ra=6 comb=6d next=17 edge=ee seen=fd neg=a9 rf_sum=72 regs=ee 24 ee ec 75 34 6d 17
//| wa=0 ra=7 comb=fc next=6d edge=17 seen=ec neg=a1 rf_sum=62 regs=ee 24 ee ec 75 ee 6d fc
//| wa=1 ra=0 comb=e5 next=24 edge=ee seen=75 neg=69 rf_sum=f2 regs=e5 24 ee ec 75 ee 6d fc
//| wa=2 ra=1 comb=44 next=e5 edge=24 seen=34 neg=e1 rf_sum=a2 regs=e5 44 ee ec 75 ee 6d fc
