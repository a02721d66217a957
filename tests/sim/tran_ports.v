// Port connections join nets (IEEE 1364-2005 12.3.10): an inout port
// bound to a concatenation of nets and bits of nets is one node per bit
// with them; an output port whose outer net has drivers of its own is the
// same node as its inner net (both sides see every driver, as Icarus
// coerces it to inout). A tranif delay delays the control (7.14).
module drive2(inout [1:0] p, input en, input [1:0] v);
  assign p = en ? v : 2'bzz;
endmodule
module out1(output o, input en, output seen);
  bufif1 (o, 1'b0, en);
  assign seen = o;
endmodule
module t;
  reg en1, en2;
  reg [1:0] v;
  wire a, b, c;
  wire [3:0] bus;
  drive2 d1({a, b}, en1, v);
  drive2 d2({bus[2], c}, en2, ~v);
  pullup (b);
  wire o, seen;
  reg oen;
  out1 u(o, en1, seen);
  assign o = oen ? 1'b1 : 1'bz;
  reg g;
  wire q;
  supply0 gnd;
  tranif1 #(3) sw(q, gnd, g);
  integer i;
  initial begin
    g = 0; oen = 0;
    for (i = 0; i < 8; i = i + 1) begin
      en1 = i[0]; en2 = i[1]; v = i[2] ? 2'b10 : 2'b01;
      oen = i[1] & ~i[0];
      #1 $display("en=%b%b v=%b: a=%b b=%v c=%b bus=%b o=%v seen=%b", en1, en2, v, a, b, c, bus, o, seen);
    end
    g = 1;
    #1 $display("%0t q=%b", $time, q);
    #3 $display("%0t q=%v", $time, q);
    g = 0;
    #4 $display("%0t q=%v", $time, q);
    $finish;
  end
endmodule
// ---- expected output ----
//| en=00 v=01: a=z b=Pu1 c=z bus=zzzz o=HiZ seen=z
//| en=10 v=01: a=0 b=St1 c=z bus=zzzz o=St0 seen=0
//| en=01 v=01: a=z b=Pu1 c=0 bus=z1zz o=St1 seen=1
//| en=11 v=01: a=0 b=St1 c=0 bus=z1zz o=St0 seen=0
//| en=00 v=10: a=z b=Pu1 c=z bus=zzzz o=HiZ seen=z
//| en=10 v=10: a=1 b=St0 c=z bus=zzzz o=St0 seen=0
//| en=01 v=10: a=z b=Pu1 c=1 bus=z0zz o=St1 seen=1
//| en=11 v=10: a=1 b=St0 c=1 bus=z0zz o=St0 seen=0
//| 9 q=z
//| 12 q=St0
//| 16 q=HiZ
