// Port connections: a port and the net it is connected to are the same
// signal in the dump of both scopes (IEEE 1364-2005 12.3.9.3 port
// collapsing), through two levels, for inputs and outputs (inouts:
// port_inout.v).
module inner(input [7:0] din, output [7:0] dout);
  assign dout = din + 8'd1;
endmodule

module outer(input [7:0] x, output [7:0] y);
  wire [7:0] mid;
  inner a(.din(x), .dout(mid));
  inner b(.din(mid), .dout(y));
endmodule

module tb;
  reg [7:0] stim;
  wire [7:0] result;
  outer o(.x(stim), .y(result));
  initial begin
    $dumpfile("ports.vcd");
    $dumpvars(0, tb);
    stim = 8'd0;
    #5 stim = 8'd41;
    #5 stim = 8'bxxxx0000;
    #5 stim = 8'd254;
    #5 $finish;
  end
endmodule
