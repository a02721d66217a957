// 128-bit arithmetic: add with carries across limbs, multiply, divide,
// shifts and compare.
module t;
  reg [127:0] a, b, c;
  initial begin
    a = 128'hFFFF_FFFF_FFFF_FFFF_FFFF_FFFF_FFFF_FFFF;
    b = a + 1;
    $display("%h", b);
    a = 128'h1_0000_0000_0000_0000;
    c = a * a;
    $display("%h", c);
    a = 128'h0123_4567_89AB_CDEF_FEDC_BA98_7654_3210;
    $display("%h %h", a >> 68, a << 60);
    $display("%0d", a / 1000000007);
    $display("%0d", a % 1000000007);
    $display("%d", a);
    $display("%b", a > (a - 1));
    $finish;
  end
endmodule
// ---- expected output ----
//| 00000000000000000000000000000000
//| 00000000000000000000000000000000
//| 000000000000000000123456789abcde ffedcba9876543210000000000000000
//| 1512366064617608495009095904
//| 619465712
//|   1512366075204170947332355369683137040
//| 1
