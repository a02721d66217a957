// Arithmetic and display at widths around one 32-bit word: 1, 31, 32, 33.
module t;
  reg w1;
  reg [30:0] w31;
  reg [31:0] w32;
  reg [32:0] w33;
  initial begin
    w1 = 1;     w1 = w1 + 1;
    w31 = -1;   w31 = w31 + 2;
    w32 = -1;   w32 = w32 * w32;
    w33 = 33'h1_FFFF_FFFF; w33 = w33 + 1;
    $display("%b %0d %0d %0d", w1, w31, w32, w33);
    w33 = {1'b1, 32'h0} - 1;
    $display("%h %d %o", w33, w33, w33);
    w32 = 32'h8000_0000;
    w33 = w32 << 1;
    $display("%h %h", w32 << 1, w33);
    $display("%d|%d|%d|%d", w1, w31, w32, w33);
    $finish;
  end
endmodule
// ---- expected output ----
//| 0 1 1 0
//| 0ffffffff 4294967295 37777777777
//| 00000000 100000000
//| 0|         1|2147483648|4294967296
