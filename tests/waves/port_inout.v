// An inout port is the same signal as the net it connects to, in the dump
// of both scopes (IEEE 1364-2005 12.3.9.3), through two levels.
module inner(input en, inout [1:0] bus);
  assign bus = en ? 2'b10 : 2'bzz;
endmodule

module outer(input en, inout [1:0] bus);
  inner a(.en(en), .bus(bus));
endmodule

module tb;
  reg en;
  wire [1:0] shared;
  outer o(.en(en), .bus(shared));
  initial begin
    $dumpfile("inout.vcd");
    $dumpvars(0, tb);
    en = 0;
    #5 en = 1;
    #5 en = 1'bx;
    #5 en = 0;
    #5 $finish;
  end
endmodule
