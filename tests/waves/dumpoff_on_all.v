// $dumpoff writes every variable as x and stops dumping; $dumpon writes
// the current values again; $dumpall writes every current value
// (IEEE 1364-2005 18.1.3, 18.1.5).
module tb;
  reg [7:0] count;
  reg [1:0] mode;
  real level;
  reg clk;
  initial clk = 0;
  always #2 clk = ~clk;
  always @(posedge clk) count <= count + 8'd1;
  initial begin
    $dumpfile("dumpoff_on_all.vcd");
    $dumpvars(0, tb);
    count = 8'd10; mode = 2'b01; level = 0.5;
    // The $dump* calls sit at odd times: the clock and the counter change
    // only at even times, so no call races with a change of the same step.
    #11 $dumpoff;
    #7 mode = 2'b10; level = 2.0;
    #7 $dumpon;
    #6 $dumpall;
    #2 mode = 2'bz1;
    #6 $dumpall;
    $dumpflush; // no visible effect: the file is complete at the end anyway
    #4 $finish;
  end
endmodule
