// Signed arithmetic beyond 64 bits: 100-bit signed multiply, divide,
// modulus, comparison and arithmetic shift of negative values.
module t;
  reg signed [99:0] a, b, c;
  initial begin
    a = -100'sd123456789012345678901234567;
    b = 100'sd987654321;
    c = a * b;    $display("%0d", c);
    c = a / b;    $display("%0d", c);
    c = a % b;    $display("%0d", c);
    $display("%b %b", a < b, a < -a);
    c = a >>> 70; $display("%0d", c);
    c = -a;       $display("%h", c);
    $finish;
  end
endmodule
// ---- expected output ----
//| 144809924397558682035586592681
//| -124999998873437499
//| -890451388
//| 1 1
//| -104572
//| 000661efdf158f2a82c9f4b87
