// Shift operators (1364-2005 5.1.12): shifting by the width or more gives
// zero (or the sign for >>>), the count is unsigned, an x count gives x.
module t;
  reg [7:0] v;
  reg signed [7:0] s;
  reg [3:0] n;
  reg [63:0] w;
  initial begin
    v = 8'b1001_0110;
    $display("%b %b %b %b", v << 3, v >> 3, v << 8, v >> 200);
    s = -8'sd64;
    $display("%b %b %b", s >>> 3, s >>> 8, s >>> 100);
    n = 4'b1111;
    $display("%b", 8'd1 << n);
    n = 4'bx;
    $display("%b %b", v << n, v >> n);
    w = 64'd1 << 63;
    $display("%h %h", w, w >> 63);
    $finish;
  end
endmodule
// ---- expected output ----
//| 10110000 00010010 00000000 00000000
//| 11111000 11111111 11111111
//| 00000000
//| xxxxxxxx xxxxxxxx
//| 8000000000000000 0000000000000001
