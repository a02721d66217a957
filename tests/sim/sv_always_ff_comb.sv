// always_ff and always_comb (IEEE 1800-2017 9.2.2): always_comb runs once
// at time zero and whenever its inputs change; always_ff on the clock.
module t;
  logic clk = 0;
  logic [7:0] a = 8'd3, b = 8'd4;
  logic [7:0] sum, q;
  always_comb sum = a + b;
  always_ff @(posedge clk) q <= sum;
  initial begin
    #1 $display("sum=%0d (computed at time 0)", sum);
    clk = 1;
    #1 $display("q=%0d", q);
    a = 10;
    #1 $display("sum=%0d q=%0d", sum, q);
    clk = 0; #1 clk = 1;
    #1 $display("q=%0d", q);
    $finish;
  end
endmodule
// ---- expected output ----
//| sum=7 (computed at time 0)
//| q=7
//| sum=14 q=7
//| q=14
