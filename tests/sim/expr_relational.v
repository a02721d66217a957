// Relational operators (1364-2005 5.1.7): an x/z bit makes the result x;
// operands are zero-extended to the longer width when unsigned.
module t;
  reg [3:0] a;
  reg [7:0] b;
  initial begin
    a = 4'd9; b = 8'd9;
    $display("< %b <= %b > %b >= %b", a < b, a <= b, a > b, a >= b);
    b = 8'd200;
    $display("< %b <= %b > %b >= %b", a < b, a <= b, a > b, a >= b);
    a = 4'b1x00;
    $display("< %b <= %b > %b >= %b", a < b, a <= b, a > b, a >= b);
    $display("signed: %b %b", -1 < 0, 4'sb1111 < 4'sb0001);
    $finish;
  end
endmodule
// ---- expected output ----
//| < 0 <= 1 > 0 >= 1
//| < 1 <= 1 > 0 >= 0
//| < x <= x > x >= x
//| signed: 1 1
