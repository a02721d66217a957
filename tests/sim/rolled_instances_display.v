// 128 instances of a clocked block that prints with `%m`: the runner runs
// them as one loop (crates/codegen/src/roll_instances.rs), each
// instance's name an address in the constant pool that the loop steps
// through. The shared input `d` equals at most one instance's parameter
// per cycle, so one instance prints at a time.
module stage #(parameter [7:0] P = 1) (input clk, input [7:0] d, output reg [7:0] q);
  reg [7:0] a = P, b = 0, c = 8'h33, e = P * 3;
  // the print reads the registers before the NBAs below store them
  always @(posedge clk) begin
    if (d == P) $display("%m: d=%h a=%h b=%h c=%h e=%h", d, a, b, c, e);
    q <= a ^ b;
    a <= a + d + P;
    b <= {b[6:0], b[7]} ^ (a & 8'h5a) ^ c;
    c <= c - (a >> 2) + e;
    e <= e ^ (d << 1) ^ P;
  end
endmodule

module top;
  reg clk = 0;
  reg [7:0] d = 0;
  wire [7:0] q [0:127];
  genvar i;
  generate
    for (i = 0; i < 128; i = i + 1) begin : g
      stage #(.P(i * 37 + 5)) u (.clk(clk), .d(d), .q(q[i]));
    end
  endgenerate
  integer k;
  reg [7:0] x;
  always #5 clk = ~clk;
  always @(negedge clk) d <= d * 8'd3 + 8'd1;
  initial begin
    #600;
    x = 0;
    for (k = 0; k < 128; k = k + 1) x = x ^ q[k];
    $display("q0=%h q127=%h xor=%h", q[0], q[127], x);
    $finish;
  end
endmodule
// ---- expected output ----
//| top.g[76].u: d=01 a=02 b=33 c=36 e=02
//| top.g[83].u: d=04 a=0d b=50 c=44 e=0e
//| top.g[104].u: d=0d a=39 b=05 c=96 e=20
//| top.g[100].u: d=79 a=10 b=49 c=e2 e=52
//| top.g[64].u: d=45 a=47 b=f9 c=1d e=e0
//| top.g[47].u: d=d0 a=b4 b=01 c=55 e=90
//| top.g[99].u: d=54 a=41 b=46 c=f0 e=5e
//| top.g[55].u: d=f8 a=8e b=7d c=10 e=18
//| top.g[20].u: d=e9 a=ac b=0e c=74 e=52
//| top.g[112].u: d=35 a=e3 b=2b c=d5 e=00
//| top.g[115].u: d=a4 a=75 b=a2 c=e4 e=ae
//| top.g[79].u: d=70 a=1c b=51 c=f1 e=f0
//| top.g[92].u: d=51 a=d6 b=bc c=a0 e=e2
//| top.g[87].u: d=98 a=f6 b=07 c=34 e=78
//| top.g[116].u: d=c9 a=e4 b=81 c=c0 e=12
//| top.g[12].u: d=c1 a=72 b=6e c=de e=82
//| top.g[40].u: d=cd a=a9 b=0d c=d6 e=a0
//| top.g[36].u: d=39 a=80 b=7f c=3a e=d2
//| top.g[0].u: d=05 a=b7 b=98 c=8d e=60
//| top.g[111].u: d=10 a=84 b=6c c=2d e=50
//| top.g[88].u: d=bd a=45 b=14 c=b2 e=80
//| top.g[119].u: d=38 a=5e b=95 c=38 e=d8
//| top.g[48].u: d=f5 a=53 b=36 c=a5 e=80
//| top.g[108].u: d=a1 a=aa b=79 c=82 e=c2
//| top.g[7].u: d=08 a=12 b=37 c=46 e=48
//| top.g[96].u: d=e5 a=ef b=0a c=75 e=a0
//| top.g[28].u: d=11 a=46 b=7a c=28 e=62
//| q0=ee q127=1d xor=a4
