// Direct NBAs (crates/codegen/src/direct_nbas.rs) when every register is
// stored directly: no shadow record is left, and the NBA region must still
// run to wake the combinational reader (`d`), whose value the next edge's
// blocks read.
module t;
  reg clk = 0;
  reg [3:0] c = 0, e = 0;
  wire [3:0] d = c + 4'd1;
  always #5 clk = ~clk;
  always @(posedge clk) c <= c + 4'd1;
  always @(posedge clk) e <= d;
  always @(posedge clk) $display("c=%0d d=%0d e=%0d", c, d, e);
  initial #60 $finish;
endmodule
// ---- expected output ----
//| c=0 d=1 e=0
//| c=1 d=2 e=1
//| c=2 d=3 e=2
//| c=3 d=4 e=3
//| c=4 d=5 e=4
//| c=5 d=6 e=5
