// ANSI-style port lists (1364-2005 12.3.4) with vectors, signed ports and
// an output reg driven by a procedural block.
module adder(input [3:0] a, input [3:0] b, output [4:0] sum, output reg odd);
  assign sum = a + b;
  always @* odd = sum[0];
endmodule
module t;
  reg [3:0] x, y;
  wire [4:0] s;
  wire o;
  adder u(.a(x), .b(y), .sum(s), .odd(o));
  initial begin
    #1 x = 9; y = 8; // after time 0, so the always @* is already waiting
    #1 $display("%0d + %0d = %0d odd=%b", x, y, s, o);
    x = 15; y = 15;
    #1 $display("%0d + %0d = %0d odd=%b", x, y, s, o);
    $finish;
  end
endmodule
// ---- expected output ----
//| 9 + 8 = 17 odd=1
//| 15 + 15 = 30 odd=0
