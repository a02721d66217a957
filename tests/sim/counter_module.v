// A synchronous counter with enable, synchronous reset and a wrap flag:
// a typical small RTL block, checked cycle by cycle from the testbench on
// the falling edge (no race with the rising-edge logic).
module counter #(parameter W = 3) (input clk, rst, en, output reg [W-1:0] q, output wrap);
  always @(posedge clk)
    if (rst) q <= 0;
    else if (en) q <= q + 1'b1;
  assign wrap = en && (q == {W{1'b1}});
endmodule
module t;
  reg clk = 0, rst = 1, en = 0;
  wire [2:0] q;
  wire wrap;
  counter #(3) c(.clk(clk), .rst(rst), .en(en), .q(q), .wrap(wrap));
  always #5 clk = ~clk;
  initial begin
    @(negedge clk) rst = 0; en = 1;
    repeat (9) @(negedge clk) $display("t=%0t q=%0d wrap=%b", $time, q, wrap);
    en = 0;
    @(negedge clk) $display("held q=%0d", q);
    $finish;
  end
endmodule
// ---- expected output ----
//| t=20 q=1 wrap=0
//| t=30 q=2 wrap=0
//| t=40 q=3 wrap=0
//| t=50 q=4 wrap=0
//| t=60 q=5 wrap=0
//| t=70 q=6 wrap=0
//| t=80 q=7 wrap=1
//| t=90 q=0 wrap=0
//| t=100 q=1 wrap=0
//| held q=1
