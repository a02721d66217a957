// Bidirectional switches (IEEE 1364-2005 7.6, 7.12-7.13): tran joins two
// nets into one node while it conducts (always), tranif1/tranif0 while the
// control is 1/0; every net of a channel sees the resolution of all the
// channel's drivers, reduced by supply->strong through tran and by table
// 7-14 through the resistive rtran forms. An unknown control makes the
// contribution through that switch ambiguous with z.
module t;
  reg a, b, c;
  wire x1, x2, x3, y1, y2, r1, r2, r3;
  assign (supply0, supply1) x1 = a;
  tran (x1, x2);
  tran (x2, x3);
  assign (weak0, weak1) x3 = b;
  assign y1 = a;
  assign (pull0, pull1) y2 = b;
  tranif1 (y1, y2, c);
  assign r1 = a;
  rtran (r1, r2);
  rtranif0 (r2, r3, c);
  pullup (r3);
  wire [3:0] bus;
  wire [1:0] lo;
  assign bus = {a, b, 2'bzz};
  tran (bus[0], lo[1]);
  tranif1 (bus[1], lo[0], c);
  assign (weak0, weak1) lo = 2'b01;
  integer i;
  initial begin
    for (i = 0; i < 18; i = i + 1) begin
      a = i % 3 == 2 ? 1'bz : i % 3;
      b = (i / 3) % 2;
      c = i / 6 == 2 ? 1'bx : i / 6;
      #1 $display("a=%b b=%b c=%b: x %v %v %v y %v %v r %v %v %v bus=%b %v lo=%v", a, b, c,
                  x1, x2, x3, y1, y2, r1, r2, r3, bus, bus, lo);
    end
    $finish;
  end
endmodule
// ---- expected output ----
//| a=0 b=0 c=0: x Su0 St0 St0 y St0 Pu0 r St0 Pu0 Pu1 bus=00z0 St0_St0_HiZ_We0 lo=We0_We1
//| a=1 b=0 c=0: x Su1 St1 St1 y St1 Pu0 r St1 Pu1 Pu1 bus=10z0 St1_St0_HiZ_We0 lo=We0_We1
//| a=z b=0 c=0: x We0 We0 We0 y HiZ Pu0 r Me1 We1 Pu1 bus=z0z0 HiZ_St0_HiZ_We0 lo=We0_We1
//| a=0 b=1 c=0: x Su0 St0 St0 y St0 Pu1 r St0 Pu0 Pu1 bus=01z0 St0_St1_HiZ_We0 lo=We0_We1
//| a=1 b=1 c=0: x Su1 St1 St1 y St1 Pu1 r St1 Pu1 Pu1 bus=11z0 St1_St1_HiZ_We0 lo=We0_We1
//| a=z b=1 c=0: x We1 We1 We1 y HiZ Pu1 r Me1 We1 Pu1 bus=z1z0 HiZ_St1_HiZ_We0 lo=We0_We1
//| a=0 b=0 c=1: x Su0 St0 St0 y St0 St0 r St0 Pu0 Pu1 bus=0010 St0_St0_We1_We0 lo=We0_We1
//| a=1 b=0 c=1: x Su1 St1 St1 y St1 St1 r St1 Pu1 Pu1 bus=1010 St1_St0_We1_We0 lo=We0_We1
//| a=z b=0 c=1: x We0 We0 We0 y Pu0 Pu0 r HiZ HiZ Pu1 bus=z010 HiZ_St0_We1_We0 lo=We0_We1
//| a=0 b=1 c=1: x Su0 St0 St0 y St0 St0 r St0 Pu0 Pu1 bus=0110 St0_St1_We1_We0 lo=We0_We1
//| a=1 b=1 c=1: x Su1 St1 St1 y St1 St1 r St1 Pu1 Pu1 bus=1110 St1_St1_We1_We0 lo=We0_We1
//| a=z b=1 c=1: x We1 We1 We1 y Pu1 Pu1 r HiZ HiZ Pu1 bus=z110 HiZ_St1_We1_We0 lo=We0_We1
//| a=0 b=0 c=x: x Su0 St0 St0 y St0 650 r St0 Pu0 Pu1 bus=00x0 St0_St0_WeH_We0 lo=We0_We1
//| a=1 b=0 c=x: x Su1 St1 St1 y St1 56X r St1 Pu1 Pu1 bus=10x0 St1_St0_WeH_We0 lo=We0_We1
//| a=z b=0 c=x: x We0 We0 We0 y PuL Pu0 r MeH WeH Pu1 bus=z0x0 HiZ_St0_WeH_We0 lo=We0_We1
//| a=0 b=1 c=x: x Su0 St0 St0 y St0 65X r St0 Pu0 Pu1 bus=01x0 St0_St1_WeH_We0 lo=We0_We1
//| a=1 b=1 c=x: x Su1 St1 St1 y St1 651 r St1 Pu1 Pu1 bus=11x0 St1_St1_WeH_We0 lo=We0_We1
//| a=z b=1 c=x: x We1 We1 We1 y PuH Pu1 r MeH WeH Pu1 bus=z1x0 HiZ_St1_WeH_We0 lo=We0_We1
