// A delayed continuous assignment whose pending value matures in the same
// time step as a new input change: the pending value is written, then the
// new one is scheduled (1364-2005 6.1.3, inertial delay). A change that
// comes before the pending one matures replaces it.
module t;
  reg [3:0] a;
  reg en;
  wire [3:0] f, g;
  assign #2 f = a;
  assign #1 g = en ? a : 4'b0000;
  always @(f) $display("%0t f=%b", $time, f);
  always @(g) $display("%0t g=%b", $time, g);
  initial begin
    a = 1;
    #1 a = 2;
    #2 a = 3;
    #2 a = 4;
    #1 en = 0;
    #3 en = 1;
  end
endmodule
// ---- expected output ----
//| 1 g=000x
//| 2 g=00x0
//| 3 f=0010
//| 4 g=00xx
//| 5 f=0011
//| 6 g=0x00
//| 7 f=0100
//| 7 g=0000
//| 10 g=0100
