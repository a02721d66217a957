// Several continuous drivers on one element of a net array are resolved as
// on a whole net (IEEE 1364-2005 7.10, 1800-2017 6.6): assigns, output
// ports, gates, part-selects, wand/wor/tri0/tri1 kinds, two dimensions.
// Matches Icarus 11 (-g2012) line for line; wsim used to keep the last
// driver's value.
module drv(input [3:0] a, output [3:0] y);
  assign y = a;
endmodule

module t;
  reg [3:0] a, b, c;
  reg en_a, en_b;
  wire [3:0] w [0:2];
  wand [3:0] wa [1:2];
  wor [3:0] wo [0:1];
  tri0 [3:0] t0 [0:1];
  tri1 [3:0] t1 [0:1];
  tri0 [3:0] t0s [0:1];
  wire [7:0] p [0:1];
  wire [3:0] m [0:1][0:2];
  wire [3:0] bus [0:1];
  wire g [0:1];

  // two assigns, one element single-driven beside them
  assign w[1] = a;
  assign w[1] = b;
  assign w[2] = a;
  // wired-and / wired-or / pulled elements
  assign wa[2] = a;
  assign wa[2] = b;
  assign wo[0] = a;
  assign wo[0] = b;
  assign t0[1] = en_a ? a : 4'bz;
  assign t0[1] = en_b ? b : 4'bz;
  assign t1[0] = en_a ? a : 4'bz;
  assign t1[0] = en_b ? b : 4'bz;
  assign t0s[1] = b;  // a pulled element resolves with one driver too
  // disjoint part-selects of one element
  assign p[1][3:0] = a;
  assign p[1][7:4] = b;
  // a two-dimensional array
  assign m[1][2] = a;
  assign m[1][2] = c;
  // a three-state bus of output ports
  drv da(.a(en_a ? a : 4'bz), .y(bus[1]));
  drv db(.a(en_b ? b : 4'bz), .y(bus[1]));
  // gates
  and (g[0], a[0], b[0]);
  or (g[0], a[1], b[1]);

  task show;
    $display("w=%b %b %b wa=%b wo=%b t0=%b t1=%b t0s=%b %b p=%b m=%b bus=%b g=%b",
             w[0], w[1], w[2], wa[2], wo[0], t0[1], t1[0], t0s[0], t0s[1], p[1], m[1][2], bus[1], g[0]);
  endtask

  initial begin
    a = 4'b01zz; b = 4'bzz10; c = 4'b0x1z; en_a = 0; en_b = 0;
    #1 show;
    a = 4'b1100; b = 4'b1010; en_a = 1;
    #1 show;
    b = 4'bzzzz; en_b = 1;
    #1 show;
    a = 4'b0011; b = 4'b0011; en_a = 0;
    #1 show;
    a = 4'b0xz1; b = 4'b1x0z; en_a = 1; en_b = 1;
    #1 show;
  end
endmodule
// ---- expected output ----
//| w=zzzz 0110 01zz wa=0110 wo=0110 t0=0000 t1=1111 t0s=0000 0010 p=zz1001zz m=0x1z bus=zzzz g=x
//| w=zzzz 1xx0 1100 wa=1000 wo=1110 t0=1100 t1=1100 t0s=0000 1010 p=10101100 m=xxx0 bus=1100 g=x
//| w=zzzz 1100 1100 wa=1100 wo=1100 t0=1100 t1=1100 t0s=0000 0000 p=zzzz1100 m=xxx0 bus=1100 g=x
//| w=zzzz 0011 0011 wa=0011 wo=0011 t0=0011 t1=0011 t0s=0000 0011 p=00110011 m=0x11 bus=0011 g=1
//| w=zzzz xx01 0xz1 wa=0x01 wo=1x01 t0=xx01 t1=xx01 t0s=0000 1x00 p=1x0z0xz1 m=0x11 bus=xx01 g=x
