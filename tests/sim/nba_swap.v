// Nonblocking assignments (1364-2005 9.2.2) read right-hand sides before
// any update, so two registers swap; blocking assignments do not.
module t;
  reg [3:0] a, b, c, d;
  reg clk;
  always @(posedge clk) begin
    a <= b;
    b <= a;
  end
  always @(posedge clk) begin
    c = d;
    d = c;
  end
  initial begin
    a = 1; b = 2; c = 3; d = 4; clk = 0;
    #1 clk = 1;
    #1 $display("nba: a=%0d b=%0d  blocking: c=%0d d=%0d", a, b, c, d);
    clk = 0;
    #1 clk = 1;
    #1 $display("nba: a=%0d b=%0d", a, b);
    $finish;
  end
endmodule
// ---- expected output ----
//| nba: a=2 b=1  blocking: c=4 d=4
//| nba: a=1 b=2
