// The conditional operator with an x or z condition (1364-2005 5.1.13):
// both branches are evaluated and combined bit by bit, equal bits kept,
// differing bits x.
module t;
  reg c;
  reg [3:0] a, b;
  initial begin
    a = 4'b1100; b = 4'b1010;
    c = 1;    $display("%b", c ? a : b);
    c = 0;    $display("%b", c ? a : b);
    c = 1'bx; $display("%b", c ? a : b);
    c = 1'bz; $display("%b", c ? a : b);
    $display("%b", c ? 4'b0101 : 4'b0101);
    $display("%b", (a > b) ? 2'b10 : 2'b01);
    $finish;
  end
endmodule
// ---- expected output ----
//| 1100
//| 1010
//| 1xx0
//| 1xx0
//| 0101
//| 10
