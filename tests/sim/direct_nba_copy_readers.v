// Direct NBAs read through the writer's copy of the old value
// (crates/codegen/src/direct_nbas.rs): where the readers of a register
// cannot run before its writer (blocks with system tasks keep their source
// order; a swap closes a cycle), they run after it and read the copy it takes at
// the start of each activation. Every reader on the edge must still see
// the value from before the edge (IEEE 1364-2005 9.2.2), X bits included,
// and the combinational cone must see the new one only after the NBA
// region.
module t;
  reg clk = 0;
  always #5 clk = ~clk;
  reg [7:0] count = 0;
  reg [7:0] late = 8'bxxxx_zz01;  // X and Z until its first NBA
  reg [7:0] a = 8'd1, b = 8'bx;   // swapped every edge
  reg [7:0] kept = 0;             // written in a branch: keeps its shadow
  wire [7:0] twice = count * 2;   // the cone of `count`
  // blocks with system tasks run in source order: the writer first (it
  // never prints: simulators may run blocks of one edge in any order)
  always @(posedge clk) begin
    count <= count + 8'd1;
    late <= count ^ 8'h5a;
    if (count == 8'd200) $display("never");
  end
  always @(posedge clk) begin
    $display("%0t reader: count=%0d late=%b twice=%0d a=%b b=%b kept=%0d", $time, count, late, twice, a, b, kept);
    if (count == 5) $finish;
  end
  always @(posedge clk) a <= b;
  always @(posedge clk) b <= a;
  always @(posedge clk) if (count[0]) kept <= count;
  always @(negedge clk) $display("%0t after: count=%0d twice=%0d a=%b b=%b kept=%0d", $time, count, twice, a, b, kept);
endmodule
// ---- expected output ----
//| 5 reader: count=0 late=xxxxzz01 twice=0 a=00000001 b=xxxxxxxx kept=0
//| 10 after: count=1 twice=2 a=xxxxxxxx b=00000001 kept=0
//| 15 reader: count=1 late=01011010 twice=2 a=xxxxxxxx b=00000001 kept=0
//| 20 after: count=2 twice=4 a=00000001 b=xxxxxxxx kept=1
//| 25 reader: count=2 late=01011011 twice=4 a=00000001 b=xxxxxxxx kept=1
//| 30 after: count=3 twice=6 a=xxxxxxxx b=00000001 kept=1
//| 35 reader: count=3 late=01011000 twice=6 a=xxxxxxxx b=00000001 kept=1
//| 40 after: count=4 twice=8 a=00000001 b=xxxxxxxx kept=3
//| 45 reader: count=4 late=01011001 twice=8 a=00000001 b=xxxxxxxx kept=3
//| 50 after: count=5 twice=10 a=xxxxxxxx b=00000001 kept=3
//| 55 reader: count=5 late=01011110 twice=10 a=xxxxxxxx b=00000001 kept=3
