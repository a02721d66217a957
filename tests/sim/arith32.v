// 32-bit add, sub, multiply and constant left shift are computed in i32
// (fast.rs: no mask after them; the zero-extension is free on x86):
// wrap-around, signed results and X operands as Icarus prints them.
module top;
  reg [31:0] a, b, c;
  reg signed [31:0] sa, sb;
  reg [31:0] r [0:5];
  integer i;
  initial begin
    a = 32'hffff_fff0; b = 32'h0000_0020; sa = -5; sb = 7;
    #1 $display("%h %h %h %h", a + b, a - b, b - a, a * b);
    $display("%h %h %h", a << 3, a << 31, b << 0);
    $display("%0d %0d %0d %0d", sa + sb, sa - sb, sa * sb, sb - sa);
    a = 32'h8000_0001; b = 32'hx;
    #1 $display("%h %h %h", a + b, a << 4, a * 3);
    a = 32'h7fff_ffff; b = 32'h1;
    #1 $display("%h %h %0d", a + b, a * a, $signed(a + b));
  end
endmodule
// ---- expected output ----
//| 00000010 ffffffd0 00000030 fffffe00
//| ffffff80 00000000 00000020
//| 2 -12 -35 12
//| xxxxxxxx 00000010 80000003
//| 80000000 00000001 -2147483648
