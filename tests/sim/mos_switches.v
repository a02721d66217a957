// MOS switches (IEEE 1364-2005 7.7): nmos conducts on control 1, pmos on
// 0, cmos is the pair; a switch passes z unchanged and drives z when off.
// The resistive forms (rnmos, rpmos, rcmos) differ only in strength.
module t;
  reg d, n, p;
  wire yn, yp, yc, yrn, yrp, yrc;
  nmos (yn, d, n);
  pmos (yp, d, p);
  cmos (yc, d, n, p);
  rnmos (yrn, d, n);
  rpmos (yrp, d, p);
  rcmos (yrc, d, n, p);
  wire [3:0] bus;
  reg [3:0] a, b;
  reg sel;
  nmos na[3:0] (bus, a, sel);
  pmos pb[3:0] (bus, b, sel);
  integer i, j, k;
  initial begin
    for (i = 0; i < 3; i = i + 1)
      for (j = 0; j < 2; j = j + 1)
        for (k = 0; k < 2; k = k + 1) begin
          d = i == 2 ? 1'bz : i[0]; n = j[0]; p = k[0];
          #1 $display("d=%b n=%b p=%b: nmos=%b pmos=%b cmos=%b r:%b%b%b", d, n, p, yn, yp, yc, yrn, yrp, yrc);
        end
    d = 1; n = 1'bx; p = 1'bx;
    #1 $display("x controls: nmos=%b pmos=%b cmos=%b", yn, yp, yc);
    a = 4'b1010; b = 4'b0110;
    sel = 1; #1 $display("bus=%b", bus);
    sel = 0; #1 $display("bus=%b", bus);
  end
endmodule
// ---- expected output ----
//| d=0 n=0 p=0: nmos=z pmos=0 cmos=0 r:z00
//| d=0 n=0 p=1: nmos=z pmos=z cmos=z r:zzz
//| d=0 n=1 p=0: nmos=0 pmos=0 cmos=0 r:000
//| d=0 n=1 p=1: nmos=0 pmos=z cmos=0 r:0z0
//| d=1 n=0 p=0: nmos=z pmos=1 cmos=1 r:z11
//| d=1 n=0 p=1: nmos=z pmos=z cmos=z r:zzz
//| d=1 n=1 p=0: nmos=1 pmos=1 cmos=1 r:111
//| d=1 n=1 p=1: nmos=1 pmos=z cmos=1 r:1z1
//| d=z n=0 p=0: nmos=z pmos=z cmos=z r:zzz
//| d=z n=0 p=1: nmos=z pmos=z cmos=z r:zzz
//| d=z n=1 p=0: nmos=z pmos=z cmos=z r:zzz
//| d=z n=1 p=1: nmos=z pmos=z cmos=z r:zzz
//| x controls: nmos=x pmos=x cmos=x
//| bus=1010
//| bus=0110
