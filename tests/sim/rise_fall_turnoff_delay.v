// Rise, fall and turn-off delays (1364-2005 6.1.3, 7.14): each change is
// delayed by the delay of the value it goes to: 1 rise, 0 fall, z turn-off
// (the smaller of rise and fall when only two are given), a 1-bit x the
// smallest; a vector goes to 0 with the fall delay, to z with the
// turn-off delay, else with the rise delay. Delays may be variables.
module t;
  reg i, en;
  reg [3:0] v;
  reg [7:0] slow;
  wire o2, o3, n, os;
  wire [3:0] vo;
  assign #(2, 5) o2 = i;
  assign #(1, 3, 6) o3 = en ? i : 1'bz;
  assign #(4, 2, 6) vo = v;
  assign #(slow, 1) os = i;
  not #(2, 4) n1(n, i);
  always @(o2) $display("%0t o2=%b", $time, o2);
  always @(o3) $display("%0t o3=%b", $time, o3);
  always @(vo) $display("%0t vo=%b", $time, vo);
  always @(os) $display("%0t os=%b", $time, os);
  always @(n) $display("%0t n=%b", $time, n);
  initial begin
    slow = 7;
    en = 1;
    v = 4'b0000;
    i = 0;
    #10 i = 1;
    v = 4'b0110;
    #10 i = 0;
    v = 4'bzzzz;
    #10 en = 0;
    v = 4'b0000;
    slow = 2;
    #10 i = 1'bx;
    v = 4'bx01x;
    #10 i = 1;
    en = 1;
    #10 $finish;
  end
endmodule
// ---- expected output ----
//| 1 os=0
//| 2 vo=0000
//| 2 n=1
//| 3 o3=0
//| 5 o2=0
//| 11 o3=1
//| 12 o2=1
//| 14 vo=0110
//| 14 n=0
//| 17 os=1
//| 21 os=0
//| 22 n=1
//| 23 o3=0
//| 25 o2=0
//| 26 vo=zzzz
//| 32 vo=0000
//| 36 o3=z
//| 41 os=x
//| 42 o2=x
//| 42 n=x
//| 44 vo=x01x
//| 51 o3=1
//| 52 o2=1
//| 52 os=1
//| 54 n=0
