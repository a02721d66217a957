// Nonblocking writes to memory words (1364-2005 9.2.2): a shift register
// built from a memory updates every stage from the old values.
module t;
  reg clk = 0;
  reg [7:0] pipe [0:3];
  integer i;
  always @(posedge clk) begin
    pipe[0] <= pipe[0] + 8'd1;
    for (i = 1; i < 4; i = i + 1) pipe[i] <= pipe[i-1];
  end
  initial begin
    for (i = 0; i < 4; i = i + 1) pipe[i] = 8'd10 * i;
    repeat (3) begin
      #1 clk = 1;
      #1 clk = 0;
      $display("%0d %0d %0d %0d", pipe[0], pipe[1], pipe[2], pipe[3]);
    end
    $finish;
  end
endmodule
// ---- expected output ----
//| 1 0 10 20
//| 2 1 0 10
//| 3 2 1 0
