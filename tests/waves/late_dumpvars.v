//! fst_known_bug = "the FST file shows every value as x from time 0: the first value frame fst-writer writes is at time 0 whatever FstInfo.start_time (now the $dumpvars time) says; the VCD starts at 13"
// $dumpvars called after time 0: the dump starts at that time with every
// current value in the $dumpvars section (IEEE 1364-2005 18.1.2), and a
// second call at a later time is ignored.
module tb;
  reg clk = 0;
  reg [5:0] count = 0;
  always #3 clk = ~clk;
  always @(posedge clk) count <= count + 6'd1;
  initial begin
    $dumpfile("late.vcd");
    #13 $dumpvars(1, tb);
    #5 $dumpvars(0, tb); // ignored: the dump has started
    // Ends at 32, when the clock does not toggle ($finish racing with a
    // change of the same step is finish_same_step.v's subject).
    #14 $finish;
  end
endmodule
