// The power operator (1364-2005 5.1.5, table 5-6): integer results,
// negative exponents, 0 ** negative = x, and real operands.
module t;
  integer i, j;
  reg [7:0] u;
  initial begin
    $display("%0d %0d %0d", 2 ** 10, 3 ** 4, (-2) ** 3);
    i = 2; j = -1;  $display("2**-1 = %0d", i ** j);
    i = 1;          $display("1**-1 = %0d", i ** j);
    i = -1;         $display("-1**-1 = %0d, -1**-2 = %0d", i ** j, i ** (j - 1));
    i = 0;          $display("0**-1 = %0d", i ** j);
    $display("0**0 = %0d", 0 ** 0);
    u = 8'd3;       $display("u**5 = %0d (8-bit)", u ** 5);
    $display("real: %f", 2.0 ** 0.5);
    $finish;
  end
endmodule
// ---- expected output ----
//| 1024 81 -8
//| 2**-1 = 0
//| 1**-1 = 1
//| -1**-1 = -1, -1**-2 = 1
//| 0**-1 = x
//| 0**0 = 1
//| u**5 = 243 (8-bit)
//| real: 1.414214
