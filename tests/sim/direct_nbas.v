// Direct NBAs (crates/codegen/src/direct_nbas.rs): a register that one
// clocked block writes with NBAs, read only by blocks of the same edge and
// by quiet combinational logic, is stored at once, its readers reordered
// to run first. Whatever is stored directly, every block of the edge must
// still see the values from before the edge. Checked here:
// - a pipeline written producer first (each stage's reader comes after its
//   writer in the source), so the order must be reversed;
// - a swap (a cycle: one of the two keeps its shadow);
// - a counter read before its write and one read after its write in the
//   same block, and a block of registers each read after its own NBA
//   (nibble swap included): all read the old value (those read after the
//   write through a copy taken when the block starts);
// - combinational logic over direct registers feeding a clocked block;
// - two NBAs to one register in one block (the last wins), part-select
//   and concatenation targets;
// - a negedge reader and a testbench thread reading a register (those
//   keep their shadows).
module t;
  reg clk = 0;
  reg [7:0] s0 = 8'd1, s1 = 0, s2 = 0, s3 = 0;
  always @(posedge clk) s1 <= s0;
  always @(posedge clk) s2 <= s1;
  always @(posedge clk) s3 <= s2;
  always @(posedge clk) s0 <= s0 + 8'd3;

  reg [7:0] x = 8'd10, y = 8'd20;
  always @(posedge clk) x <= y;
  always @(posedge clk) y <= x;

  reg [3:0] before = 0, after = 0;
  reg hit_before = 0, hit_after = 0;
  always @(posedge clk) begin
    if (before == 4'd3) hit_before <= 1;
    before <= before + 1;
  end
  always @(posedge clk) begin
    after <= after + 1;
    if (after == 4'd3) hit_after <= 1;
  end

  wire [7:0] sum = s1 + s2;
  wire [7:0] mix = sum ^ {s3[3:0], s3[7:4]};
  reg [7:0] acc = 0;
  always @(posedge clk) acc <= acc + mix;

  reg [7:0] twice = 0;
  reg [7:0] v = 0;
  reg [3:0] hi = 0, lo = 0;
  always @(posedge clk) begin
    twice <= 8'hff;
    twice <= s0 ^ 8'h55;
    v[3:0] <= s1[3:0];
    v[7:4] <= s2[7:4];
    {hi, lo} <= s3;
  end
  wire [7:0] parts = v + {hi, lo} + twice;

  // one block, each register read after its own NBA: the block reads a
  // copy of the old values (nibble swap through part-selects too)
  reg [7:0] p0 = 8'd5, p1 = 0, p2 = 0, nib = 8'h12;
  always @(posedge clk) begin
    p0 <= p0 * 8'd3 + 8'd1;
    p1 <= p0 ^ p2;
    p2 <= p1 + p0;
    nib[3:0] <= nib[7:4];
    nib[7:4] <= nib[3:0] + 4'd1;
    if (p0 == p1) p2 <= 8'hee;
  end

  reg [7:0] seen_neg = 0;
  always @(negedge clk) seen_neg <= s2;

  // prints the values from before each edge, as a block of the edge
  always @(posedge clk)
    $display("s=%0d,%0d,%0d,%0d x=%0d y=%0d hb=%b ha=%b acc=%0d mix=%h parts=%h neg=%0d p=%0d,%0d,%0d nib=%h",
             s0, s1, s2, s3, x, y, hit_before, hit_after, acc, mix, parts, seen_neg, p0, p1, p2, nib);
  always @(posedge clk) if (s0 == 8'd10) $display("s0 reached 10: s1=%0d", s1);
  always #5 clk = ~clk;
  initial #86 $finish;
  // a thread reading x at the edge sees the old value: x keeps its shadow
  initial begin
    @(posedge clk);
    @(posedge clk);
    $display("thread after two edges: x=%0d", x);
  end
endmodule
// ---- expected output ----
//| s=1,0,0,0 x=10 y=20 hb=0 ha=0 acc=0 mix=00 parts=00 neg=0 p=5,0,0 nib=12
//| s=4,1,0,0 x=20 y=10 hb=0 ha=0 acc=0 mix=01 parts=54 neg=0 p=16,5,5 nib=31
//| thread after two edges: x=20
//| s=7,4,1,0 x=10 y=20 hb=0 ha=0 acc=1 mix=05 parts=52 neg=1 p=49,21,21 nib=23
//| s=10,7,4,1 x=20 y=10 hb=0 ha=0 acc=6 mix=1b parts=56 neg=4 p=148,36,70 nib=42
//| s0 reached 10: s1=7
//| s=13,10,7,4 x=10 y=20 hb=1 ha=1 acc=33 mix=51 parts=67 neg=7 p=189,210,184 nib=34
//| s=16,13,10,7 x=20 y=10 hb=1 ha=1 acc=114 mix=67 parts=66 neg=10 p=56,5,143 nib=53
//| s=19,16,13,10 x=10 y=20 hb=1 ha=1 acc=217 mix=bd parts=59 neg=13 p=169,183,61 nib=45
//| s=22,19,16,13 x=20 y=10 hb=1 ha=1 acc=150 mix=f3 parts=50 neg=16 p=252,148,96 nib=64
//| s=25,22,19,16 x=10 y=20 hb=1 ha=1 acc=137 mix=28 parts=63 neg=19 p=245,156,144 nib=56
