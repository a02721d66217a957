// A blocking write to a signal that only static processes watch sets their
// pending bits in generated code, by edge (crates/codegen/src/runner.rs,
// `trigger_inline`): a divided clock written by one static process clocks
// others; `posedge`/`negedge` of a 4-state value follow bit 0 (IEEE
// 1364-2005 9.7.2: 0->x and z->1 are posedges, 1->z and x->0 negedges); a
// multi-bit change that leaves bit 0 alone is no edge; a process that
// writes the signal it waits on misses its own edge (IEEE 1800-2017
// 9.4.2). Icarus 11 prints the same.
`timescale 1ns / 1ns
module t;
  reg clk = 0;
  reg div2 = 0;
  reg [3:0] v = 0;
  reg self_clk = 0;
  integer pos_div = 0, neg_div = 0, both_div = 0, pos_v = 0, neg_v = 0, self_runs = 0;

  always @(posedge clk) div2 = ~div2;
  always @(posedge div2) pos_div = pos_div + 1;
  always @(negedge div2) neg_div = neg_div + 1;
  always @(posedge div2 or negedge div2) both_div = both_div + 1;
  always @(posedge v) pos_v = pos_v + 1;
  always @(negedge v) neg_v = neg_v + 1;
  always @(posedge self_clk) begin
    self_runs = self_runs + 1;
    self_clk = 0;
    self_clk = 1;   // its own posedge: not seen
  end

  initial begin
    repeat (8) begin #5 clk = 1; #5 clk = 0; end
    #1 v = 4'b0001;   // pos
    #1 v = 4'b1111;   // bit 0 stays 1: none
    #1 v = 4'bxxx0;   // neg (1->0)
    #1 v = 4'bzzzx;   // pos (0->x)
    #1 v = 4'b000z;   // x->z: none
    #1 v = 4'b0000;   // neg (z->0)
    #1 v = 4'b111z;   // pos (0->z)
    #1 v = 4'b0001;   // pos (z->1)
    #1 v = 4'b000x;   // neg (1->x)
    #1 self_clk = 1;
    #1 self_clk = 0;
    #1 self_clk = 1;
    #1 $display("div2: pos=%0d neg=%0d both=%0d", pos_div, neg_div, both_div);
    $display("v: pos=%0d neg=%0d", pos_v, neg_v);
    $display("self_clk runs=%0d self_clk=%b", self_runs, self_clk);
    $finish;
  end
endmodule
// ---- expected output ----
//| div2: pos=4 neg=4 both=8
//| v: pos=4 neg=3
//| self_clk runs=2 self_clk=1
