// Expression bit lengths (1364-2005 5.4.1): a + b is evaluated in the width
// of the widest operand *and* the assignment target, so a 5-bit target keeps
// the carry of two 4-bit operands; a 4-bit target loses it.
module t;
  reg [3:0] a, b;
  reg [4:0] sum5;
  reg [3:0] sum4;
  reg [7:0] prod;
  initial begin
    a = 4'hF; b = 4'h3;
    sum5 = a + b;
    sum4 = a + b;
    prod = a * b;
    $display("sum5=%0d sum4=%0d prod=%0d", sum5, sum4, prod);
    $display("in 4-bit compare: %b", (a + b) == 5'd18);
    $display("concat is self-determined: %b", {a + b});
    $finish;
  end
endmodule
// ---- expected output ----
//| sum5=18 sum4=2 prod=45
//| in 4-bit compare: 1
//| concat is self-determined: 0010
