// $signed and $unsigned (1364-2005 5.5.1) change only the type, not the
// bits; the result then extends according to its new sign.
module t;
  reg [3:0] u;
  reg signed [3:0] s;
  reg signed [7:0] w;
  initial begin
    u = 4'b1100;
    w = $signed(u);   $display("%b %0d", w, w);
    w = $unsigned(u); $display("%b %0d", w, w);
    s = -4'sd2;
    w = $unsigned(s); $display("%b %0d", w, w);
    w = $signed(s);   $display("%b %0d", w, w);
    $display("%0d %0d", $signed(4'b1111) < 0, $unsigned(-1) > 0);
    $finish;
  end
endmodule
// ---- expected output ----
//| 11111100 -4
//| 00001100 12
//| 00001110 14
//| 11111110 -2
//| 1 1
