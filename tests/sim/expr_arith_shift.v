// Arithmetic shifts (1364-2005 5.1.12): >>> fills with the sign bit only
// when the result type is signed; <<< equals <<.
module t;
  reg signed [3:0] s;
  reg [3:0] u;
  initial begin
    s = -4'sd3;
    $display("%b %b", s, s >>> 1);
    $display("%0d", -4'sd3 >>> 1);
    u = 4'b1010;
    $display("%b %b", u >>> 1, u <<< 1);
    $display("%b", $signed(u) >>> 2);
    $display("%b", s >> 1);
    $display("%b", (s + 4'd0) >>> 1);
    $finish;
  end
endmodule
// ---- expected output ----
//| 1101 1110
//| -2
//| 0101 0100
//| 1110
//| 0110
//| 0110
