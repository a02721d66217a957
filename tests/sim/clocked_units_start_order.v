// Clocked blocks fuse into one unit only when no process that starts
// between them could make an edge of their clock (crates/codegen/
// src/fuse_clocked.rs: `may_write_any`): guest-rt arms a unit when its
// first member reaches its event control. `initial clk = 1` makes a
// rising edge at time 0 after `a`'s block waits and before `b`'s starts,
// so only `a` counts it; `initial d = 4` names no clock, and `e`'s block
// joins `b`'s and `c`'s across it.
module top;
  reg clk = 0;
  reg [3:0] a = 0, b = 0, c = 0, d = 0, e = 0;
  always @(posedge clk) a <= a + 4'd1;
  initial clk = 1;
  always @(posedge clk) b <= b + 4'd1;
  always @(posedge clk) c <= c + 4'd1;
  initial d = 4'd4;
  always @(posedge clk) e <= e + d;
  initial begin
    #1 $display("a=%0d b=%0d c=%0d e=%0d", a, b, c, e);
    repeat (3) begin
      #1 clk = 0;
      #1 clk = 1;
      #1 $display("a=%0d b=%0d c=%0d e=%0d", a, b, c, e);
    end
  end
endmodule
// ---- expected output ----
//| a=1 b=0 c=0 e=0
//| a=2 b=1 c=1 e=4
//| a=3 b=2 c=2 e=8
//| a=4 b=3 c=3 e=12
