// $dumpvars arguments that are scopes other than module instances: a named
// begin block (with level 0) and a signal inside a generate loop iteration
// (`tb.g[1].w`); the other iteration and the top's own `a` stay out
// (IEEE 1364-2005 18.1.2).
module tb;
  reg [3:0] a;
  initial begin : blk
    reg [3:0] local_v;
    $dumpfile("scope_arguments.vcd");
    $dumpvars(0, tb.blk);
    $dumpvars(0, tb.g[1].w);
    a = 1; local_v = 2;
    #2 local_v = 3; a = 4'b10x1;
    #2 a = 9;
    #2 $finish;
  end
  genvar i;
  for (i = 0; i < 2; i = i + 1) begin : g
    wire [3:0] w = a + i;
  end
endmodule
