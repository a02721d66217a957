// Logical operators (1364-2005 5.1.9): operands reduce to 1, 0 or x;
// && with a 0 operand is 0 even if the other is x, || with a 1 is 1.
module t;
  reg [3:0] a, b;
  initial begin
    a = 4'b0100; b = 4'b0000;
    $display("&& %b || %b !a %b !b %b", a && b, a || b, !a, !b);
    a = 4'b00x0;
    $display("&& %b || %b !a %b", a && b, a || b, !a);
    b = 4'b0001;
    $display("&& %b || %b", a && b, a || b);
    a = 4'b10x0;
    $display("&& %b || %b !a %b", a && b, a || b, !a);
    $finish;
  end
endmodule
// ---- expected output ----
//| && 0 || 1 !a 0 !b 1
//| && 0 || x !a x
//| && x || 1
//| && 1 || 1 !a 0
