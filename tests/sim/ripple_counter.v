// A ripple counter: each flip-flop is clocked by the previous one's
// output (derived clocks, negedge-triggered), so the bits change in
// successive delta cycles of one time step.
module tff(input clk, input rst, output reg q);
  always @(negedge clk or posedge rst)
    if (rst) q <= 1'b0; else q <= ~q;
endmodule
module t;
  reg clk = 0, rst = 0;
  wire [3:0] q;
  tff b0(clk, rst, q[0]);
  tff b1(q[0], rst, q[1]);
  tff b2(q[1], rst, q[2]);
  tff b3(q[2], rst, q[3]);
  integer n;
  initial begin
    #1 rst = 1;
    #1 rst = 0;
    for (n = 0; n < 18; n = n + 1) begin
      #1 clk = 1;
      #1 clk = 0;
      #1 if (n % 3 == 2) $display("after %0d clocks: %0d", n + 1, q);
    end
    $finish;
  end
endmodule
// ---- expected output ----
//| after 3 clocks: 3
//| after 6 clocks: 6
//| after 9 clocks: 9
//| after 12 clocks: 12
//| after 15 clocks: 15
//| after 18 clocks: 2
