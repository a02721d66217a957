// Bitwise operators (1364-2005 5.1.10) on 4-state operands: 0 dominates
// &, 1 dominates |, ^ and ~^ give x for any x/z input bit.
module t;
  reg [5:0] a, b;
  initial begin
    a = 6'b01xz10; b = 6'b110011;
    $display("~a    %b", ~a);
    $display("a&b   %b", a & b);
    $display("a|b   %b", a | b);
    $display("a^b   %b", a ^ b);
    $display("a~^b  %b", a ~^ b);
    $display("a^~b  %b", a ^~ b);
    b = 6'bxxxxxx;
    $display("a&x   %b", a & b);
    $display("a|x   %b", a | b);
    $finish;
  end
endmodule
// ---- expected output ----
//| ~a    10xx01
//| a&b   010010
//| a|b   11xx11
//| a^b   10xx01
//| a~^b  01xx10
//| a^~b  01xx10
//| a&x   0xxxx0
//| a|x   x1xx1x
