// Drive strengths (IEEE 1364-2005 7.8-7.10): a driver's strength0/strength1,
// the stronger of two drivers wins, equal strengths with different values
// give x; pullup/pulldown and tri0/tri1 pull at pull strength, supply
// nets drive at supply; `%v` prints each bit's strength and value.
module t;
  reg a, b;
  reg [3:0] v;
  wire w1, w2, w3;
  assign (weak0, weak1) w1 = a;
  assign (pull0, strong1) w1 = b;
  assign (strong0, pull1) w2 = a;
  assign (supply0, highz1) w3 = a;
  wire (pull0, pull1) w4 = b;
  wire [3:0] bus;
  assign (pull1, strong0) bus = v;
  wire p1, p2;
  pullup (p1);
  pulldown (strong0) (p2);
  assign (weak0, weak1) p1 = a;
  tri0 t0;
  tri1 t1;
  assign (weak0, weak1) t1 = b;
  supply0 gnd;
  supply1 vdd;
  integer i;
  initial begin
    for (i = 0; i < 9; i = i + 1) begin
      a = i % 3 == 2 ? 1'bx : i % 3;
      b = i / 3 == 2 ? 1'bz : i / 3;
      v = {a, b, ~a, 1'b1};
      #1 $display("a=%b b=%b: w1=%b %v w2=%v w3=%v w4=%v bus=%b %v", a, b, w1, w1, w2, w3, w4, bus, bus);
      $display("  p1=%b %v p2=%v t0=%v t1=%b %v gnd=%v vdd=%v", p1, p1, p2, t0, t1, t1, gnd, vdd);
    end
    $finish;
  end
endmodule
// ---- expected output ----
//| a=0 b=0: w1=0 Pu0 w2=St0 w3=Su0 w4=Pu0 bus=0011 St0_St0_Pu1_Pu1
//|   p1=1 Pu1 p2=St0 t0=Pu0 t1=1 Pu1 gnd=Su0 vdd=Su1
//| a=1 b=0: w1=0 Pu0 w2=Pu1 w3=HiZ w4=Pu0 bus=1001 Pu1_St0_St0_Pu1
//|   p1=1 Pu1 p2=St0 t0=Pu0 t1=1 Pu1 gnd=Su0 vdd=Su1
//| a=x b=0: w1=0 Pu0 w2=65X w3=SuL w4=Pu0 bus=x0x1 65X_St0_65X_Pu1
//|   p1=1 Pu1 p2=St0 t0=Pu0 t1=1 Pu1 gnd=Su0 vdd=Su1
//| a=0 b=1: w1=1 St1 w2=St0 w3=Su0 w4=Pu1 bus=0111 St0_Pu1_Pu1_Pu1
//|   p1=1 Pu1 p2=St0 t0=Pu0 t1=1 Pu1 gnd=Su0 vdd=Su1
//| a=1 b=1: w1=1 St1 w2=Pu1 w3=HiZ w4=Pu1 bus=1101 Pu1_Pu1_St0_Pu1
//|   p1=1 Pu1 p2=St0 t0=Pu0 t1=1 Pu1 gnd=Su0 vdd=Su1
//| a=x b=1: w1=1 St1 w2=65X w3=SuL w4=Pu1 bus=x1x1 65X_Pu1_65X_Pu1
//|   p1=1 Pu1 p2=St0 t0=Pu0 t1=1 Pu1 gnd=Su0 vdd=Su1
//| a=0 b=z: w1=0 We0 w2=St0 w3=Su0 w4=HiZ bus=0z11 St0_HiZ_Pu1_Pu1
//|   p1=1 Pu1 p2=St0 t0=Pu0 t1=1 Pu1 gnd=Su0 vdd=Su1
//| a=1 b=z: w1=1 We1 w2=Pu1 w3=HiZ w4=HiZ bus=1z01 Pu1_HiZ_St0_Pu1
//|   p1=1 Pu1 p2=St0 t0=Pu0 t1=1 Pu1 gnd=Su0 vdd=Su1
//| a=x b=z: w1=x WeX w2=65X w3=SuL w4=HiZ bus=xzx1 65X_HiZ_65X_Pu1
//|   p1=1 Pu1 p2=St0 t0=Pu0 t1=1 Pu1 gnd=Su0 vdd=Su1
