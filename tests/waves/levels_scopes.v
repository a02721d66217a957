// $dumpvars levels and scope lists: level 1 on a scope takes only its own
// variables, level 2 one scope deeper, level 0 the whole subtree; a signal
// named directly is dumped whatever the level; several $dumpvars calls at
// time 0 add up (IEEE 1364-2005 18.1.2).
module leaf(input [3:0] d, output [3:0] q);
  reg [3:0] state;
  assign q = state ^ d;
  always @(d) state = d + 4'd1;
endmodule

module mid(input [3:0] d, output [3:0] q);
  wire [3:0] inner;
  leaf l0(.d(d), .q(inner));
  leaf l1(.d(inner), .q(q));
endmodule

module tb;
  reg [3:0] a, b;
  reg flag;
  wire [3:0] qa, qb, qc;
  mid ma(.d(a), .q(qa));
  mid mb(.d(b), .q(qb));
  mid mc(.d(a ^ b), .q(qc));
  initial begin
    $dumpfile("levels_scopes.vcd");
    $dumpvars(1, tb.ma);        // ma's own variables only
    $dumpvars(2, tb.mb);        // mb and mb.l0, mb.l1
    $dumpvars(0, tb.mc.l1);     // a whole subtree
    $dumpvars(1, tb.flag, tb.mc.l0.state); // signals named directly
    a = 1; b = 2; flag = 0;
    #3 a = 7;
    #4 b = 4'hc; flag = 1;
    #2 a = 0; b = 0;
    #1 $finish;
  end
endmodule
