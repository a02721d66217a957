// Division and modulus (1364-2005 5.1.5): truncation toward zero, the
// sign of % follows the first operand, division by zero gives x.
module t;
  integer a, b;
  reg [7:0] u;
  initial begin
    a = 7;  b = 2;  $display("%0d %0d", a / b, a % b);
    a = -7; b = 2;  $display("%0d %0d", a / b, a % b);
    a = 7;  b = -2; $display("%0d %0d", a / b, a % b);
    a = -7; b = -2; $display("%0d %0d", a / b, a % b);
    b = 0;          $display("%0d %0d", a / b, a % b);
    u = 8'd200;     $display("%0d %0d", u / 8'd7, u % 8'd7);
    u = 8'd0;       $display("%b", 8'd5 / u);
    $finish;
  end
endmodule
// ---- expected output ----
//| 3 1
//| -3 -1
//| -3 1
//| 3 -1
//| x x
//| 28 4
//| xxxxxxxx
