// $dumpvars(1, top) dumps only the top scope's own variables, not its
// instances' (IEEE 1364-2005 18.1.2); a second call with level 0 adds the
// whole tree of one instance.
module child(input clk, output reg [7:0] count);
  initial count = 0;
  always @(posedge clk) count <= count + 8'd3;
endmodule

module top;
  reg clk = 0;
  wire [7:0] c0, c1;
  child u0(.clk(clk), .count(c0));
  child u1(.clk(~clk), .count(c1));
  always #5 clk = ~clk;
  initial begin
    $dumpfile("level_one_top.vcd");
    $dumpvars(1, top);
    $dumpvars(0, top.u1);
    #62 $finish;
  end
endmodule
