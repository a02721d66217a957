// A clock made with a #delay loop and a counter clocked by it; the
// testbench samples on the opposite edge, so there is no race.
module t;
  reg clk;
  reg [3:0] count;
  initial clk = 0;
  always #5 clk = ~clk;
  initial count = 0;
  always @(posedge clk) count <= count + 1;
  initial begin
    repeat (6) begin
      @(negedge clk);
      $display("t=%0t count=%0d", $time, count);
    end
    $finish;
  end
endmodule
// ---- expected output ----
//| t=10 count=1
//| t=20 count=2
//| t=30 count=3
//| t=40 count=4
//| t=50 count=5
//| t=60 count=6
