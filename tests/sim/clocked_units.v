// Clocked blocks with one event control, next to one another, run as one
// static unit (crate::fuse_clocked): NBAs that rotate values through
// three blocks, one block reading what the next one writes, a pipeline
// that direct NBAs run last stage first (the reverse of the order the
// blocks start in), a negedge
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
  reg [7:0] p1 = 0, p2 = 0, p3 = 0;
  always @(posedge clk) p1 <= t + 8'd1;
  always @(posedge clk) p2 <= p1 ^ 8'h55;
  always @(posedge clk) p3 <= p2 + p1;
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
      #1 $display("a=%0d b=%0d c=%0d t=%0d seen=%0d fall=%0d end=%h p=%h %h %h", a, b, c, t, seen, fall, chain[24], p1, p2, p3);
    end
  end
endmodule
// ---- expected output ----
//| a=2 b=3 c=1 t=5 seen=0 fall=5 end=xx p=01 55 00
//| a=3 b=1 c=2 t=10 seen=5 fall=4 end=xx p=06 54 56
//| a=1 b=2 c=3 t=15 seen=10 fall=3 end=xx p=0b 53 5a
//| a=2 b=3 c=1 t=20 seen=15 fall=5 end=xx p=10 5e 5e
//| a=3 b=1 c=2 t=25 seen=20 fall=4 end=xx p=15 45 6e
//| a=1 b=2 c=3 t=30 seen=25 fall=3 end=xx p=1a 40 5a
//| a=2 b=3 c=1 t=35 seen=30 fall=5 end=xx p=1f 4f 5a
//| a=3 b=1 c=2 t=40 seen=35 fall=4 end=xx p=24 4a 6e
//| a=1 b=2 c=3 t=45 seen=40 fall=3 end=xx p=29 71 6e
//| a=2 b=3 c=1 t=50 seen=45 fall=5 end=xx p=2e 7c 9a
//| a=3 b=1 c=2 t=55 seen=50 fall=4 end=xx p=33 7b aa
//| a=1 b=2 c=3 t=60 seen=55 fall=3 end=xx p=38 66 ae
//| a=2 b=3 c=1 t=65 seen=60 fall=5 end=xx p=3d 6d 9e
//| a=3 b=1 c=2 t=70 seen=65 fall=4 end=xx p=42 68 aa
//| a=1 b=2 c=3 t=75 seen=70 fall=3 end=xx p=47 17 aa
//| a=2 b=3 c=1 t=80 seen=75 fall=5 end=xx p=4c 12 5e
//| a=3 b=1 c=2 t=85 seen=80 fall=4 end=xx p=51 19 5e
//| a=1 b=2 c=3 t=90 seen=85 fall=3 end=xx p=56 04 6a
//| a=2 b=3 c=1 t=95 seen=90 fall=5 end=xx p=5b 03 5a
//| a=3 b=1 c=2 t=100 seen=95 fall=4 end=xx p=60 0e 5e
//| a=1 b=2 c=3 t=105 seen=100 fall=3 end=xx p=65 35 6e
//| a=2 b=3 c=1 t=110 seen=105 fall=5 end=xx p=6a 30 9a
//| a=3 b=1 c=2 t=115 seen=110 fall=4 end=xx p=6f 3f 9a
//| a=1 b=2 c=3 t=120 seen=115 fall=3 end=7f p=74 3a ae
//| a=2 b=3 c=1 t=125 seen=120 fall=5 end=02 p=79 21 ae
//| a=3 b=1 c=2 t=130 seen=125 fall=4 end=ff p=7e 2c 9a
//| a=1 b=2 c=3 t=135 seen=130 fall=3 end=7f p=83 2b aa
//| a=2 b=3 c=1 t=140 seen=135 fall=5 end=02 p=88 d6 ae
//| a=3 b=1 c=2 t=145 seen=140 fall=4 end=ff p=8d dd 5e
//| a=1 b=2 c=3 t=150 seen=145 fall=3 end=7f p=92 d8 6a
