// Clocked blocks with one event control, next to one another, run as one
// static unit (crate::fuse_clocked): NBAs that rotate values through
// three blocks, one block reading what the next one writes, a negedge
// block between them, and a generated chain of cells longer than one
// unit. (A blocking write one block makes and the next reads is a race:
// Icarus 11 runs the blocks of one event in reverse source order, wsim in
// source order, fused or not.)
module rot_cell (input clk, input [7:0] in, output reg [7:0] out);
  always @(posedge clk) out <= {in[6:0], in[7]} + 8'd1;
endmodule

module top;
  reg clk = 0;
  reg [7:0] a = 1, b = 2, c = 3;
  reg [7:0] t = 0, seen = 0, fall = 0;
  always @(posedge clk) a <= b;
  always @(posedge clk) b <= c;
  always @(posedge clk) c <= a;
  always @(posedge clk) seen <= t;
  always @(posedge clk) t <= t + 8'd5;
  always @(negedge clk) fall <= a + b;
  wire [7:0] chain [0:24];
  assign chain[0] = a;
  genvar i;
  generate
    for (i = 0; i < 24; i = i + 1) begin : g
      rot_cell u (.clk(clk), .in(chain[i]), .out(chain[i + 1]));
    end
  endgenerate
  initial begin
    repeat (30) begin
      #1 clk = 1;
      #1 clk = 0;
      #1 $display("a=%0d b=%0d c=%0d t=%0d seen=%0d fall=%0d end=%h", a, b, c, t, seen, fall, chain[24]);
    end
  end
endmodule
// ---- expected output ----
//| a=2 b=3 c=1 t=5 seen=0 fall=5 end=xx
//| a=3 b=1 c=2 t=10 seen=5 fall=4 end=xx
//| a=1 b=2 c=3 t=15 seen=10 fall=3 end=xx
//| a=2 b=3 c=1 t=20 seen=15 fall=5 end=xx
//| a=3 b=1 c=2 t=25 seen=20 fall=4 end=xx
//| a=1 b=2 c=3 t=30 seen=25 fall=3 end=xx
//| a=2 b=3 c=1 t=35 seen=30 fall=5 end=xx
//| a=3 b=1 c=2 t=40 seen=35 fall=4 end=xx
//| a=1 b=2 c=3 t=45 seen=40 fall=3 end=xx
//| a=2 b=3 c=1 t=50 seen=45 fall=5 end=xx
//| a=3 b=1 c=2 t=55 seen=50 fall=4 end=xx
//| a=1 b=2 c=3 t=60 seen=55 fall=3 end=xx
//| a=2 b=3 c=1 t=65 seen=60 fall=5 end=xx
//| a=3 b=1 c=2 t=70 seen=65 fall=4 end=xx
//| a=1 b=2 c=3 t=75 seen=70 fall=3 end=xx
//| a=2 b=3 c=1 t=80 seen=75 fall=5 end=xx
//| a=3 b=1 c=2 t=85 seen=80 fall=4 end=xx
//| a=1 b=2 c=3 t=90 seen=85 fall=3 end=xx
//| a=2 b=3 c=1 t=95 seen=90 fall=5 end=xx
//| a=3 b=1 c=2 t=100 seen=95 fall=4 end=xx
//| a=1 b=2 c=3 t=105 seen=100 fall=3 end=xx
//| a=2 b=3 c=1 t=110 seen=105 fall=5 end=xx
//| a=3 b=1 c=2 t=115 seen=110 fall=4 end=xx
//| a=1 b=2 c=3 t=120 seen=115 fall=3 end=7f
//| a=2 b=3 c=1 t=125 seen=120 fall=5 end=02
//| a=3 b=1 c=2 t=130 seen=125 fall=4 end=ff
//| a=1 b=2 c=3 t=135 seen=130 fall=3 end=7f
//| a=2 b=3 c=1 t=140 seen=135 fall=5 end=02
//| a=3 b=1 c=2 t=145 seen=140 fall=4 end=ff
//| a=1 b=2 c=3 t=150 seen=145 fall=3 end=7f
