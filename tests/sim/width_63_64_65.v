// Arithmetic and display at widths around 64 bits (one limb): 63, 64, 65.
module t;
  reg [62:0] w63;
  reg [63:0] w64;
  reg [64:0] w65;
  initial begin
    w63 = -1;
    w64 = -1;
    w65 = -1;
    $display("%h %h %h", w63, w64, w65);
    w64 = w64 + 1;
    w65 = {1'b0, 64'hFFFF_FFFF_FFFF_FFFF} + 1;
    $display("%h %h", w64, w65);
    w64 = 64'd12345678901234567890;
    $display("%d %0d", w64, w64 / 3);
    w65 = 65'd36893488147419103231;
    $display("%0d %h", w65, w65 >> 1);
    w63 = 63'h4000_0000_0000_0001 * 3;
    $display("%h", w63);
    $display("%b", w65[64:60]);
    $finish;
  end
endmodule
// ---- expected output ----
//| 7fffffffffffffff ffffffffffffffff 1ffffffffffffffff
//| 0000000000000000 10000000000000000
//| 12345678901234567890 4115226300411522630
//| 36893488147419103231 0ffffffffffffffff
//| 4000000000000003
//| 11111
